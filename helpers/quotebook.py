"""The quotation book: every speech quotation with who said it, where, when, and both stances.

One row per speech quotation (``full`` or ``partial``), found by the rules of
:mod:`helpers.quotes` or coded by hand. Each row carries what a reader needs
to check it: the article and its date (with how precise and how sure that
date is), the line of the article file, the sentence the quotation sits in,
and character offsets into the raw text. The two stances sit side by side:
``stance_hand`` from ``corpus/annotations/quotes.csv``, the reference, and
``stance_auto`` from the cue lexicon of :mod:`helpers.stance`, with its cues.

Where a quotation is hand-coded, its kind and speaker are the hand-coded
ones; where it is not (a new article), the rules' ones, and ``stance_hand``
is ``"not hand-coded"``.
"""

from __future__ import annotations

import html
import re

import pandas as pd

from . import evaluate
from .knowledge import Knowledge
from .outside import administration
from .quotes import REFERENCE_COLUMNS, SPEECH
from .spans import Sentences, records

NOT_CODED = "not hand-coded"
#: Which stance column each choice reads: ``hand`` (the reference) or ``auto`` (the cues).
BY = {"hand": "stance_hand", "auto": "stance_auto"}
BY_LABEL = {"hand": "hand-coded", "auto": "automatic (cues)"}
COLUMNS = [
    "article_id", "outlet", "published", "date_label", "date_precision", "date_status", "year", "administration",
    "file", "line", "paragraph", "sentence", "start", "end", "text", "sentence_text", "kind",
    "speaker_id", "speaker", "role", "jurisdiction", "party", "party_source",
    "stance_hand", "stance_auto", "cues", "agrees", "ref", "polarity", "subjectivity", "vader_compound",
]
#: How a party cell reads in the explorer and the hover labels.
PARTY_LABELS = {"Democratic": "Democratic", "Republican": "Republican", "none": "no party", "unknown": "party unknown"}


def party_label(party: str, kind: str = "person") -> str:
    """Return how a party reads for a reader: 'Democratic', 'Republican', 'no party (organisation)', ...

    >>> party_label("Republican"), party_label("none", "organisation"), party_label("")
    ('Republican', 'no party (organisation)', 'party unknown')
    """
    if party == "none" and kind == "organisation":
        return "no party (organisation)"
    return PARTY_LABELS.get(party or "unknown", party)


def quoted_words(book: pd.DataFrame) -> pd.Series:
    """Return each quotation's own words: its text without the quotation marks around it.

    >>> quoted_words(pd.DataFrame({"text": ['“We will not comply,”']})).tolist()
    ['We will not comply,']
    """
    return book["text"].str.strip('"“” ')


_NEWLINE = re.compile("\n")


def scores(words: pd.Series) -> pd.DataFrame:
    """Return ``polarity``, ``subjectivity`` (TextBlob) and ``vader_compound`` (VADER) of each text, rounded to 4 places.

    >>> scores(pd.Series(["A truly great city."])).values.tolist()
    [[0.8, 0.75, 0.7906]]
    """
    from . import annotate

    scored = annotate.sentiment(pd.DataFrame({"text": words}).reset_index(drop=True), analyzer=("textblob", "vader"))
    return scored.drop(columns="text")


def build(articles: pd.DataFrame, sents: pd.DataFrame, auto: pd.DataFrame, hand: pd.DataFrame | None = None,
          kb: Knowledge | None = None, sentiment: bool = True) -> pd.DataFrame:
    """Return one row per speech quotation with speaker, party, article, date, sentence and both stances.

    ``auto`` is :func:`helpers.quotes.find`, ``hand`` is
    :func:`helpers.quotes.reference` (None or empty: nothing is hand-coded).
    ``line`` is the line of the article file where the quotation starts and
    ``sentence_text`` the whole sentence(s) it sits in; ``agrees`` is True
    where the automatic stance equals the hand-coded one. With ``sentiment``,
    ``polarity`` (TextBlob, in [-1.0, 1.0]), ``subjectivity`` ([0.0, 1.0])
    and ``vader_compound`` ([-1.0, 1.0]) score the quotation's own words.
    Rows are in order of publication, then of position in the article.

    >>> from helpers import annotate, corpus, knowledge, quotes
    >>> arts = corpus.load(); kb = knowledge.load(articles=arts); sents = annotate.sentences(arts)
    >>> book = build(arts, sents, quotes.find(arts, sents, kb), quotes.reference(arts, kb), kb)
    >>> book.loc[0, ["speaker", "party", "stance_hand", "stance_auto", "ref"]].tolist()
    ['Donald Trump', 'Republican', 'FAVOR', 'FAVOR', 'abc-2016-11-17, line 10, sentence 6']
    """
    from bisect import bisect_right

    from . import knowledge as _knowledge

    kb = kb if kb is not None else _knowledge.Knowledge.nothing()
    if hand is None or hand.empty:
        hand = pd.DataFrame(columns=REFERENCE_COLUMNS)
    merged = evaluate.match(auto, hand)
    coded = merged["kind_hand"] != ""
    kind = merged["kind_hand"].where(coded, merged["kind_auto"])
    merged = merged.assign(kind=kind)[kind.isin(SPEECH)]
    extra = {(a, int(s), int(e)): (sp, ro, ju) for a, s, e, sp, ro, ju in zip(
        *(auto[c].tolist() for c in ("article_id", "start", "end", "speaker", "speaker_role", "speaker_jurisdiction")))}
    arts = {r["article_id"]: r for r in articles.to_dict("records")}
    newlines: dict[str, list[int]] = {}
    index = Sentences.by_article(sents)
    rows = []
    for r in records(merged):
        art = arts[r.article_id]
        speaker_id = r.speaker_id_hand if r.kind_hand else r.speaker_id_auto
        actor = kb.actor(speaker_id) if speaker_id else {}
        found = extra.get((r.article_id, int(r.start), int(r.end))) if r.kind_auto else None
        if actor:
            name, role, kind_of = actor["name"], actor["role"], actor["kind"]
            jurisdiction = kb.place_name(actor["jurisdiction"]) if actor["jurisdiction"] else ""
            party, source = actor["party"], actor["party_source"]
        else:
            name, role, jurisdiction = found if found is not None else ("", "", "")
            kind_of, party, source = "person", "unknown", "not in knowledge/actors.csv"
        sentences = index.get(r.article_id)
        around = sentences.around(int(r.start), int(r.end)) if sentences is not None else None
        first = sentences.first(int(r.start), int(r.end)) if around else None
        sentence_text = art["text"][around[0]:around[1]] if around else r.text
        if r.article_id not in newlines:
            newlines[r.article_id] = [m.start() for m in _NEWLINE.finditer(art["text"])]
        line = bisect_right(newlines[r.article_id], int(r.start) - 1) + 1
        sentence = first[0] if first else 0
        stance_hand = r.stance_hand if r.kind_hand else NOT_CODED
        rows.append({
            "article_id": r.article_id, "outlet": art["outlet"], "published": art["published"],
            "date_label": art["date_label"], "date_precision": art["date_precision"], "date_status": art["date_status"],
            "year": int(art["published"].year), "administration": administration(art["published"]),
            "file": art["source_file"], "line": line,
            "paragraph": first[1] if first else 0, "sentence": sentence,
            "start": int(r.start), "end": int(r.end), "text": r.text, "sentence_text": sentence_text, "kind": r.kind,
            "speaker_id": speaker_id, "speaker": name or "(speaker not found)", "role": role or "",
            "jurisdiction": jurisdiction or "", "party": party_label(party, kind_of), "party_source": source,
            "stance_hand": stance_hand, "stance_auto": r.stance_auto or "(not found)", "cues": r.cues,
            "agrees": stance_hand == r.stance_auto, "ref": f"{r.article_id}, line {line}, sentence {sentence}",
        })
    book = pd.DataFrame(rows, columns=[c for c in COLUMNS if c not in ("polarity", "subjectivity", "vader_compound")])
    book = book.sort_values(["published", "article_id", "start"], kind="stable").reset_index(drop=True)
    if sentiment:
        book = pd.concat([book, scores(quoted_words(book))], axis=1)
    return book


def options(book: pd.DataFrame, column: str) -> list[str]:
    """Return the distinct values of ``column`` for a filter: most quotations first, then A to Z.

    >>> options(pd.DataFrame({"party": ["Republican", "Democratic", "Democratic"]}), "party")
    ['Democratic', 'Republican']
    """
    counts = book[column].astype(str).value_counts()
    return sorted(counts.index, key=lambda v: (-counts[v], v))


def select(book: pd.DataFrame, by: str = "hand", **filters) -> pd.DataFrame:
    """Return the rows of ``book`` that match every filter; a filter of None or 'all' is no filter.

    Filters are column names (``speaker``, ``jurisdiction``, ``party``,
    ``article_id``, ``year`` ...) and ``stance``, which reads the
    hand-coded stance (``by="hand"``) or the automatic one (``by="auto"``).

    >>> book = pd.DataFrame({"speaker": ["A", "B"], "year": [2016, 2026], "stance_hand": ["FAVOR", "AGAINST"],
    ...                      "stance_auto": ["FAVOR", "FAVOR"]})
    >>> select(book, stance="FAVOR")["speaker"].tolist(), select(book, by="auto", stance="FAVOR", year=2026)["speaker"].tolist()
    (['A'], ['B'])
    """
    if by not in BY:
        raise ValueError(f"by must be one of {sorted(BY)}; got {by!r}")
    keep = pd.Series(True, index=book.index)
    for column, value in filters.items():
        if value is None or value == "all":
            continue
        column = BY[by] if column == "stance" else column
        if column not in book.columns:
            raise ValueError(f"no column {column!r} to filter on; choose from {sorted(book.columns)}")
        keep &= book[column].astype(str) == str(value)
    return book[keep]


def counts(book: pd.DataFrame, group: str, by: str = "hand") -> pd.DataFrame:
    """Return quotations per value of ``group`` and stance, with their number ``n`` and shares in percent.

    Groups keep the order they first appear in (the book is in order of
    publication); ``by`` picks the hand-coded or the automatic stance.

    >>> book = pd.DataFrame({"year": [2016, 2016, 2026], "stance_hand": ["AGAINST", "FAVOR", "NONE"]})
    >>> counts(book, "year")
          AGAINST  FAVOR  NONE  n  % AGAINST  % FAVOR  % NONE
    year
    2016        1      1     0  2       50.0     50.0     0.0
    2026        0      0     1  1        0.0      0.0   100.0
    """
    column = BY[by]
    present = list(dict.fromkeys(book[column]))
    labels = [s for s in ("AGAINST", "FAVOR", "NONE") if s in present or s != "NONE"] + \
        sorted(v for v in present if v not in ("AGAINST", "FAVOR", "NONE"))
    return tally(book[group], book[column], labels, list(dict.fromkeys(book[group])))


def tally(groups: pd.Series, stances: pd.Series, labels: list[str], order: list) -> pd.DataFrame:
    """Return a count per group (rows, in ``order``) and stance label, with ``n`` and a share in percent of each label.

    >>> tally(pd.Series(["D", "D", "R"]), pd.Series(["AGAINST", "NONE", "FAVOR"]), ["FAVOR", "AGAINST"], ["R", "D"])
       FAVOR  AGAINST  n  % FAVOR  % AGAINST
    R      1        0  1    100.0        0.0
    D      0        1  1      0.0      100.0
    """
    table = pd.crosstab(groups, stances).reindex(index=order, columns=labels, fill_value=0)
    table["n"] = table[labels].sum(axis=1)
    for label in labels:
        table[f"% {label}"] = (100 * table[label] / table["n"].where(table["n"] > 0)).round(1).fillna(0.0)
    table.columns.name = None
    table.index.name = groups.name
    return table


def _luminance(color: str) -> float:
    """Return the relative luminance of a ``#RRGGBB`` colour (WCAG 2.1), 0 for black to 1 for white.

    >>> round(_luminance("#D55E00"), 3), round(_luminance("#0072B2"), 3)
    (0.222, 0.152)
    """
    channels = [int(color.lstrip("#")[i:i + 2], 16) / 255 for i in (0, 2, 4)]
    r, g, b = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def _chip(stance: str) -> str:
    from .charts import STANCE_COLORS

    color = STANCE_COLORS.get(stance, "#FFFFFF")
    fg = "#FFFFFF" if _luminance(color) < 0.18 else "#000000"  # whichever text colour contrasts more with the chip
    border = "" if stance in STANCE_COLORS else "border:1px dashed #999999;"
    return (f"<span style='background-color:{color};color:{fg};{border}padding:1px 6px;border-radius:3px;"
            f"font-size:0.85em;white-space:nowrap'>{html.escape(stance)}</span>")


_TD = "style='text-align:left;vertical-align:top;padding:3px 6px;border-bottom:1px solid #DDDDDD'"
#: A heading cell that stays in view while the quotations scroll under it.
_TH = "style='text-align:left;vertical-align:top;padding:3px 6px;border-bottom:1px solid #999999;position:sticky;top:0;background:#FFFFFF'"


#: The explorer and its static copy show at most this many quotations, then say how many more match.
SHOW = 100
#: The height in pixels of the explorer's box of quotations, which scrolls: with the filters above it, it fits a
#: 1280 x 720 screen in JupyterLab and shows four to six quotations at once.
TABLE_HEIGHT = 380


def search(book: pd.DataFrame, words: str) -> pd.DataFrame:
    """Return the rows whose quotation, speaker, role or jurisdiction contains ``words`` (any case); all rows for ''.

    >>> book = pd.DataFrame({"text": ["We will not comply"], "speaker": ["Ana Ruiz"], "role": ["mayor"], "jurisdiction": ["Springfield"]})
    >>> len(search(book, "ruiz")), len(search(book, "COMPLY")), len(search(book, "sheriff"))
    (1, 1, 0)
    """
    words = (words or "").strip().lower()
    if not words:
        return book
    keep = pd.Series(False, index=book.index)
    for column in ("text", "speaker", "role", "jurisdiction"):
        keep |= book[column].astype(str).str.lower().str.contains(words, regex=False)
    return book[keep]


def to_html(rows: pd.DataFrame, by: str = "hand", total: int | None = None, link_prefix: str = "../corpus/articles/",
            show: int = SHOW) -> str:
    """Return the quotations as an HTML table, or a sentence saying none matches.

    Each row shows the stance (hand-coded or automatic, with the other one
    beside it where they differ), the quotation, its speaker with role,
    jurisdiction and party, the article and its date, and a reference to the
    sentence linking to the article file. At most ``show`` rows are drawn,
    followed by a line saying how many more match.
    """
    total = len(rows) if total is None else total
    if rows.empty:
        return (f"<p><b>No quotation matches these filters</b> (0 of {total}). "
                "Set one of them back to <i>all</i>.</p>")
    other = "auto" if by == "hand" else "hand"
    body = []
    for r in rows.head(show).itertuples(index=False):
        mine, theirs = getattr(r, BY[by]), getattr(r, BY[other])
        note = f"<br><small>{BY_LABEL[other]}: {html.escape(theirs)}</small>" if theirs != mine else ""
        who = ", ".join(html.escape(x) for x in (r.role, r.jurisdiction) if x)
        party = html.escape(r.party) + (f" <small>({html.escape(r.party_source)})</small>"
                                        if r.party_source in ("stated", "implied", "outside the corpus") else "")
        href = html.escape(link_prefix + r.file, quote=True)
        body.append(
            f"<tr><td {_TD}>{_chip(mine)}{note}</td><td {_TD}>{html.escape(r.text)}</td>"
            f"<td {_TD}><b>{html.escape(r.speaker)}</b><br><small>{who}</small><br><small>{party}</small></td>"
            f"<td {_TD}>{html.escape(r.outlet)}<br><small>{html.escape(r.date_label)}</small></td>"
            f"<td {_TD}><a href='{href}' title='{html.escape(r.file)}, characters {r.start} to {r.end}'>"
            f"line {r.line}</a>, sentence {r.sentence}<br><small>characters {r.start}–{r.end}</small></td></tr>"
        )
    counts = rows[BY[by]].value_counts()
    summary = ", ".join(f"{counts[s]} {s}" for s in options(rows, BY[by]))
    return (
        f"<p><b>{len(rows)}</b> of {total} quotations ({summary}; stance {BY_LABEL[by]})</p>"
        "<table style='border-collapse:collapse;line-height:1.35'><thead><tr>"
        + "".join(f"<th {_TH}>{h}</th>" for h in ("stance", "quotation", "speaker", "article, date", "where in the article"))
        + f"</tr></thead><tbody>{''.join(body)}</tbody></table>"
        + (f"<p><i>{len(rows) - show} more quotations match; narrow the filters or search to see them.</i></p>"
           if len(rows) > show else "")
    )


#: The live explorer's table, compact: smaller type, fixed columns for speaker and article, the character offsets
#: left to the link's tooltip, the heading row kept in view while the quotations scroll.
_COMPACT = ("<style>.quote-explorer table{width:100%;table-layout:fixed;font-size:13px;line-height:1.3}"
            ".quote-explorer th{font-size:12px}.quote-explorer th:nth-child(1){width:72px}"
            ".quote-explorer th:nth-child(3){width:150px}.quote-explorer th:nth-child(4){width:120px}"
            ".quote-explorer th:nth-child(5){width:84px}"
            ".quote-explorer td:nth-child(5) br,.quote-explorer td:nth-child(5) small{display:none}"
            ".quote-explorer p{margin:4px 0}</style>")

FILTERS = [("speaker", "speaker"), ("jurisdiction", "jurisdiction"), ("party", "party"), ("stance", "stance"),
           ("article_id", "article"), ("year", "year")]


def explorer(book: pd.DataFrame, by: str = "hand", **filters):
    """Return a live quotation explorer (ipywidgets): a drop-down per filter and the matching quotations.

    Filters: speaker, jurisdiction, party, stance, article and year, a
    search box (words of the quotation, speaker, role or jurisdiction) and a
    switch between hand-coded and automatic stance; ``filters`` sets their
    first values (e.g. ``party="Republican"``, ``search="detainer"``). A
    filter with more than :data:`helpers.tables.MAX_CHOICES` values (thousands of speakers
    or articles) is a box to type in that suggests the matching values
    instead of a drop-down, and the table shows at most :data:`SHOW`
    quotations, so a corpus of thousands of articles stays usable. Where no kernel runs (an exported page), the table
    for those first values is shown instead of dead controls.
    """
    import ipywidgets as widgets

    from .tables import chooser

    class _Explorer(widgets.VBox):
        def _repr_mimebundle_(self, **kwargs):
            bundle = super()._repr_mimebundle_(**kwargs)
            data = bundle[0] if isinstance(bundle, tuple) else bundle
            chosen = ", ".join([f"{label} = {reads[col]()}" for col, label in FILTERS if reads[col]() != "all"]
                               + ([f"search = {words.value!r}"] if words.value.strip() else []))
            data["text/html"] = (f"<p><i>Static copy of the quotation explorer ({chosen or 'no filter'}; stance "
                                 f"{BY_LABEL[switch.value]}); run the notebook to filter live.</i></p>" + result.value)
            return bundle

    # compact: the filters wrap in columns of at least 230 pixels (three across a notebook beside the file browser),
    # the switch and the search box share a row, and the quotations scroll in a box of their own
    style = {"description_width": "68px"}
    boxes, reads = {}, {}
    for column, label in FILTERS:
        values = ["FAVOR", "AGAINST", "NONE"] if column == "stance" else options(book, column)
        if column == "stance":
            values += [v for v in options(book, BY[by]) if v not in values]
        if column == "year":
            values = sorted(values)
        first = str(filters.get(label, filters.get(column, "all")))
        # thousands of speakers or articles: a box to type in, suggesting the matching values (most quoted first)
        boxes[column], reads[column] = chooser([(v, v) for v in values], first, label + ":", everything="all",
                                               layout=widgets.Layout(width="auto", min_width="0"), style=style)
    switch = widgets.ToggleButtons(options=[(BY_LABEL[k], k) for k in BY], value=by, description="stance by:",
                                   style={**style, "button_width": "140px"}, layout=widgets.Layout(width="440px"))
    words = widgets.Text(value=str(filters.get("search", "")), description="search:", placeholder="words of a quotation, a speaker, a place",
                         layout=widgets.Layout(flex="1 1 260px", min_width="220px"), style=style)
    result = widgets.HTML(layout=widgets.Layout(max_height=f"{TABLE_HEIGHT}px", overflow="auto",
                                                border="1px solid #DDDDDD", padding="0 4px"))

    def show(_change=None):
        chosen = {col: read() for col, read in reads.items()}
        found = search(select(book, switch.value, **chosen), words.value)
        result.value = _COMPACT + f"<div class='quote-explorer'>{to_html(found, switch.value, total=len(book))}</div>"

    for box in [*boxes.values(), switch, words]:
        box.observe(show, names="value")
    show()
    grid = widgets.GridBox(list(boxes.values()), layout=widgets.Layout(
        grid_template_columns="repeat(auto-fill, minmax(230px, 1fr))", grid_gap="2px 12px", width="100%"))
    result.layout.width = "100%"
    # one box that wraps: the filters on their rows, the switch and the search box side by side, the quotations below
    return _Explorer([grid, switch, words, result], layout=widgets.Layout(width="100%", flex_flow="row wrap",
                                                                           align_items="center"))
