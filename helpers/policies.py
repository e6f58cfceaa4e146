"""Policy actions of cities, counties and states, hand-coded and found automatically.

``corpus/annotations/policies.csv`` holds one row per policy action or public
commitment the articles report (a jurisdiction, who acted, when and how
precisely we know it, a category, a direction, and the evidence sentence
copied word for word). ``corpus/annotations/federal_events.csv`` holds the
federal actions that frame them. :func:`reference` and :func:`federal` read
and check both; :func:`candidates` finds candidate policy sentences in any
article with general cues, and :func:`coverage` says which hand-coded actions
those candidates find.

Categories follow the elements that reference codings of sanctuary policy
use (Lasch et al., "Understanding 'Sanctuary Cities'", Boston College Law
Review 59, 2018): detainers, 287(g) and other agreements, information
sharing, status inquiries, access to jails, plus the public actions the
articles report (declarations, shelter, lawsuits, prosecutions, orders).
"""

from __future__ import annotations

import re
from pathlib import Path

import pandas as pd

from .knowledge import Knowledge

#: Category: what it covers (``annotations/CODEBOOK_POLICIES.md`` gives examples and hard cases).
CATEGORIES = {
    "detainer compliance": "whether jails hold people for ICE or honour its detainer requests",
    "287(g) agreements": "formal agreements that let local officers act for ICE",
    "information sharing": "telling ICE about people in custody, release dates, records",
    "status inquiries": "whether police ask about or act on immigration status",
    "access to property and jails": "whether ICE may use city property, parks or jails",
    "records protection": "protecting or destroying local records on immigrants",
    "sanctuary declaration": "declaring or reaffirming sanctuary status",
    "shelter": "offering city buildings as shelter from enforcement",
    "legal challenge": "suing, or vowing to sue, over federal measures",
    "prosecution of federal agents": "warning that agents who break local law will be prosecuted",
    "compliance order": "ordering local agencies to comply with federal requests in general",
}
DIRECTIONS = {"restrict": "limits cooperation with federal enforcement", "cooperate": "expands it"}
PRECISIONS = ("year", "season", "month", "day")
DATE_STATUSES = {
    "stated": "the text gives the action's date (\"since 1979\")",
    "inferred": "worked out from words such as \"Monday\" or \"in January\" and the article's date",
    "article date": "the text dates the action no closer than the article: the article's date, at the latest",
}
COLUMNS = ["id", "jurisdiction", "actor_id", "date", "date_precision", "date_status", "date_evidence", "category",
           "direction", "article_id", "evidence", "note"]
FEDERAL_COLUMNS = ["id", "actor_id", "date", "date_precision", "date_status", "date_evidence", "event", "article_id",
                   "evidence", "note"]
_DATE_FORMS = {"year": r"\d{4}", "season": r"\d{4}-\d{2}", "month": r"\d{4}-\d{2}", "day": r"\d{4}-\d{2}-\d{2}"}


def date_range(date: str, precision: str) -> tuple[pd.Timestamp, pd.Timestamp]:
    """Return the first moment a date could be and the moment after its last one.

    >>> [str(t.date()) for t in date_range("2016-01", "month")]
    ['2016-01-01', '2016-02-01']
    >>> [str(t.date()) for t in date_range("2015-06", "season")]
    ['2015-06-01', '2015-09-01']
    """
    from .corpus import date_span

    return date_span(pd.Timestamp(date), precision)


def date_label(date: str, precision: str, status: str) -> str:
    """Return a reader's label for an action's date, with how precise and how sure it is.

    >>> date_label("1979", "year", "stated"), date_label("2016-11-14", "day", "inferred")
    ('1979 (stated)', '14 Nov 2016 (inferred)')
    >>> date_label("2015-06", "season", "stated"), date_label("2026-02", "month", "article date")
    ('summer 2015 (stated)', "Feb 2026 (article's date)")
    """
    start = pd.Timestamp(date)
    text = {"year": f"{start:%Y}", "month": f"{start:%b %Y}", "day": f"{start.day} {start:%b %Y}",
            "season": f"{ {3: 'spring', 6: 'summer', 9: 'autumn', 12: 'winter'}.get(start.month, f'{start:%b}–') } {start:%Y}"}[precision]
    return f"{text} ({'article' + chr(39) + 's date' if status == 'article date' else status})"


def _check_rows(table: pd.DataFrame, path: Path, texts: dict[str, str], kb: Knowledge, local: bool) -> None:
    from .corpus import CorpusError

    actor_ids = set(kb.actors["id"])
    seen: dict[str, int] = {}
    for r in table.itertuples(index=False):
        if not re.fullmatch(r"[a-z0-9]+(?:-[a-z0-9()]+)*", r.id):
            raise CorpusError(path, "id", "lower-case words joined by hyphens, e.g. 'chicago-2016-sanctuary'", repr(r.id), r.row)
        if r.id in seen:
            raise CorpusError(path, "id", "an id used once", f"{r.id!r}, also in row {seen[r.id]}", r.row)
        seen[r.id] = r.row
        if r.article_id not in texts:
            raise CorpusError(path, "article_id", "the id of an article in the corpus", f"unknown article {r.article_id!r}", r.row)
        text = texts[r.article_id]
        if not r.evidence or r.evidence not in text:
            raise CorpusError(path, "evidence", f"words copied exactly from article {r.article_id}", repr(r.evidence[:80]), r.row)
        if r.actor_id and r.actor_id not in actor_ids:
            raise CorpusError(path, "actor_id", "an actor id from knowledge/actors.csv, or empty when the text names nobody",
                              f"unknown actor id {r.actor_id!r}", r.row)
        if r.date_precision not in PRECISIONS:
            raise CorpusError(path, "date_precision", "one of " + ", ".join(map(repr, PRECISIONS)), repr(r.date_precision), r.row)
        if not re.fullmatch(_DATE_FORMS[r.date_precision], r.date):
            example = {"year": "1979", "season": "2015-06", "month": "2016-01", "day": "2017-01-26"}[r.date_precision]
            raise CorpusError(path, "date", f"a date written as {example} for precision {r.date_precision!r}", repr(r.date), r.row)
        try:
            pd.Timestamp(r.date)
        except ValueError:
            raise CorpusError(path, "date", "a real calendar date", repr(r.date), r.row) from None
        if r.date_status not in DATE_STATUSES:
            raise CorpusError(path, "date_status", "one of " + ", ".join(map(repr, DATE_STATUSES)), repr(r.date_status), r.row)
        if r.date_status != "article date" and not r.date_evidence:
            raise CorpusError(path, "date_evidence", f"the words that give a {r.date_status} date", "an empty cell", r.row)
        if r.date_evidence and r.date_evidence not in text:
            raise CorpusError(path, "date_evidence", f"words copied exactly from article {r.article_id}", repr(r.date_evidence), r.row)
        if local:
            if r.category not in CATEGORIES:
                raise CorpusError(path, "category", "a category of the codebook: " + ", ".join(map(repr, CATEGORIES)),
                                  repr(r.category), r.row)
            if r.direction not in DIRECTIONS:
                raise CorpusError(path, "direction", "'restrict' or 'cooperate'", repr(r.direction), r.row)
            if kb.place_name(r.jurisdiction) == r.jurisdiction:
                raise CorpusError(path, "jurisdiction", "a place id from knowledge/places.csv", f"unknown place {r.jurisdiction!r}", r.row)


def _finish(table: pd.DataFrame, articles: pd.DataFrame) -> pd.DataFrame:
    table = table.drop(columns="row")
    ranges = [date_range(d, p) for d, p in zip(table["date"], table["date_precision"])]
    table["start"] = [a for a, _ in ranges]
    table["stop"] = [b for _, b in ranges]
    table["year"] = [a.year for a, _ in ranges]
    table["date_label"] = [date_label(d, p, s) for d, p, s in zip(table["date"], table["date_precision"], table["date_status"])]
    table["evidence_start"] = [t.find(e) for t, e in zip(table["article_id"].map(dict(zip(articles["article_id"], articles["text"]))),
                                                          table["evidence"])]
    return table.sort_values(["start", "id"], kind="stable").reset_index(drop=True)


def reference(articles: pd.DataFrame, kb: Knowledge | None = None, corpus_dir=None) -> pd.DataFrame:
    """Return the hand-coded policy actions (``annotations/policies.csv``), checked against texts and codebook.

    Adds ``start``/``stop`` (the first moment the date could be and the
    moment after the last), ``year``, ``date_label`` and ``evidence_start``
    (offset of the evidence in the article). Every evidence is found word for
    word in its article; a problem raises :class:`helpers.corpus.CorpusError`
    naming the file, row and field. A corpus without the file gives an empty table.

    >>> from helpers import corpus
    >>> acts = reference(corpus.load())
    >>> acts.groupby("direction").size().to_dict()
    {'cooperate': 1, 'restrict': 25}
    """
    return _read(articles, kb, corpus_dir, "policies.csv", COLUMNS, local=True)


def federal(articles: pd.DataFrame, kb: Knowledge | None = None, corpus_dir=None) -> pd.DataFrame:
    """Return the federal actions that frame the local ones (``annotations/federal_events.csv``), checked.

    >>> from helpers import corpus
    >>> federal(corpus.load())[["id", "date_label"]].values.tolist()
    [['ice-2015-program', 'summer 2015 (stated)'], ['trump-2017-order', 'Jan 2017 (inferred)'], ['doj-2018-letters', '24 Jan 2018 (inferred)']]
    """
    return _read(articles, kb, corpus_dir, "federal_events.csv", FEDERAL_COLUMNS, local=False)


def _read(articles, kb, corpus_dir, name, columns, local):
    from . import knowledge
    from .corpus import default_dir, read_table

    corpus_dir = Path(corpus_dir) if corpus_dir is not None else default_dir()
    path = corpus_dir / "annotations" / name
    if not path.is_file():
        empty = pd.DataFrame(columns=columns + ["start", "stop", "year", "date_label", "evidence_start"])
        return empty
    kb = kb if kb is not None else knowledge.load(corpus_dir)
    table = read_table(path, columns)
    _check_rows(table, path, dict(zip(articles["article_id"], articles["text"])), kb, local)
    return _finish(table, articles)


# --- automatic candidates -------------------------------------------------------------------

#: Words of acting on a policy (signing, ordering, banning, suing ...): one must occur.
ACTION = re.compile(
    r"\b(?:sign(?:s|ed)?|order(?:s|ed)?|executive orders?|memo|directive|instruct\w*|ordinance|resolution|"
    r"ban(?:s|ned)?|barr?(?:ed|ing|s)?|prohibit\w*|restrict\w*|limit\w*|requir\w*|compl(?:y|ies|ied)|"
    r"honou?r\w*|cooperat\w*|safeguard|destroy|shelter|challenge|sue[sd]?|lawsuit|prosecut\w*|remain a sanctuary|"
    r"be a sanctuary|sanctuary city|sanctuary for|will not change|will maintain|not ask)\b", re.I)
#: Words naming immigration enforcement: one must occur too.
SUBJECT = re.compile(
    r"\b(?:ICE|immigra\w*|detain\w*|deport\w*|sanctuary|undocumented|federal (?:agents?|government|authorities|law)|"
    r"homeland security|presidential order|executive order)\b", re.I)
#: (category, pattern): the first that matches names the guessed category.
CATEGORY_CUES = [
    ("prosecution of federal agents", r"prosecut\w* (?:ice|federal) agents"),
    ("287(g) agreements", r"287\(g\)|agreements? with ICE|formally cooperating"),
    ("detainer compliance", r"detain\w*|in jail without a warrant|holding people in jail"),
    ("access to property and jails", r"city-owned property|parks|staging areas|where and how ICE|access to"),
    ("records protection", r"records"),
    ("shelter", r"shelter"),
    ("legal challenge", r"challenge|lawsuit|\bsue"),
    ("information sharing", r"sharing information|notification|withheld information"),
    ("status inquiries", r"immigration status|immigration police"),
    ("sanctuary declaration", r"sanctuary"),
    ("compliance order", r"compl(?:y|ies) with|fully cooperate"),
]
#: Cues that an action expands cooperation; anything else reads as restricting it.
COOPERATE = re.compile(r"\b(?:comply with all|fully cooperate|honou?rs? all|complies with federal law)\b", re.I)


def candidate(text: str) -> tuple[str, str, str] | None:
    """Return ``(category, direction, cue words)`` when a sentence reads as a policy action, else None.

    A sentence is a candidate when it has a word of acting on a policy and a
    word of immigration enforcement; the first matching category cue names the
    category ("" when none does), and words of full compliance make the
    direction ``cooperate``.

    >>> candidate("The mayor signed an order barring ICE agents from city parks.")
    ('access to property and jails', 'restrict', 'signed; ICE')
    >>> candidate("The sheriff said jails will honor all ICE detainer requests.")
    ('detainer compliance', 'cooperate', 'honor; ICE')
    >>> candidate("The mayor spoke about potholes and parks.") is None
    True
    """
    action, subject = ACTION.search(text), SUBJECT.search(text)
    if not action or not subject:
        return None
    category = next((name for name, cue in CATEGORY_CUES if re.search(cue, text, re.I)), "")
    direction = "cooperate" if COOPERATE.search(text) else "restrict"
    return category, direction, f"{action.group(0)}; {subject.group(0)}"


def candidates(sents: pd.DataFrame) -> pd.DataFrame:
    """Return the body sentences that read as policy actions, with a guessed category and direction.

    ``sents`` is :func:`helpers.annotate.sentences`; only ``body``
    paragraphs are read. Columns: ``article_id``, ``sentence``, ``start``,
    ``end``, ``text``, ``category``, ``direction``, ``cues``.
    """
    rows = []
    body = sents[sents["paragraph_type"] == "body"] if "paragraph_type" in sents else sents
    for s in body.itertuples(index=False):
        found = candidate(s.text)
        if found:
            rows.append({"article_id": s.article_id, "sentence": s.sentence, "start": s.start, "end": s.end,
                         "text": s.text, "category": found[0], "direction": found[1], "cues": found[2]})
    return pd.DataFrame(rows, columns=["article_id", "sentence", "start", "end", "text", "category", "direction", "cues"])


def coverage(cands: pd.DataFrame, acts: pd.DataFrame) -> pd.DataFrame:
    """Return each hand-coded action with whether a candidate sentence overlaps its evidence.

    ``found`` is True when some candidate sentence of the same article
    overlaps the evidence; ``category_auto`` and ``direction_auto`` are that
    candidate's guesses ("" when not found), ``category_agrees`` and
    ``direction_agrees`` compare them with the hand coding.
    """
    rows = []
    for a in acts.itertuples(index=False):
        lo, hi = a.evidence_start, a.evidence_start + len(a.evidence)
        part = cands[(cands["article_id"] == a.article_id) & (cands["start"] < hi) & (cands["end"] > lo)]
        hit = part.iloc[0] if len(part) else None
        rows.append({
            "id": a.id, "jurisdiction": a.jurisdiction, "category": a.category, "direction": a.direction,
            "found": hit is not None, "category_auto": hit["category"] if hit is not None else "",
            "direction_auto": hit["direction"] if hit is not None else "",
            "evidence": a.evidence,
        })
    table = pd.DataFrame(rows, columns=["id", "jurisdiction", "category", "direction", "found", "category_auto",
                                        "direction_auto", "evidence"])
    table["category_agrees"] = table["found"] & (table["category"] == table["category_auto"])
    table["direction_agrees"] = table["found"] & (table["direction"] == table["direction_auto"])
    return table


def unmatched(cands: pd.DataFrame, acts: pd.DataFrame, events: pd.DataFrame | None = None) -> pd.DataFrame:
    """Return the candidate sentences that overlap no hand-coded evidence, local or federal."""
    frames = [acts] + ([events] if events is not None and len(events) else [])
    spans = [(a.article_id, a.evidence_start, a.evidence_start + len(a.evidence)) for f in frames for a in f.itertuples()]
    keep = [not any(c.article_id == art and c.start < hi and c.end > lo for art, lo, hi in spans)
            for c in cands.itertuples()]
    return cands[keep].reset_index(drop=True)
