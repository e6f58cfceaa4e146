"""Measure the automatic annotation on real news: a part of the real-news validation set.

A part is a folder (``corpus/validation/real/dev`` is the development part)
holding ``articles.csv`` (``article_id``, ``url``, ``outlet``, ``published``,
``date_precision``, ``title``, ...), ``articles/<article_id>.txt`` (the excerpt
exactly as stored), ``quotes.csv`` (each quotation's exact text and which
occurrence of it, its kind, speaker name, speaker type, role, jurisdiction and
stance) and ``paragraphs.csv`` (each non-empty line's paragraph type). These
parts are never loaded as the corpus the notebooks analyse.

How a quotation is matched, and what counts as right:

* **quotations**: a hand-coded quotation is found when an automatic quotation
  of the same article covers at least half of the shorter of the two spans
  (the coder may have left a mark out); each automatic span matches at most
  one hand span. Recall, precision and F1 are over speech (``full`` and
  ``partial``).
* **speakers**, over matched speech quotations, by name, since a real article
  has no actor table: after folding case, accents and a leading "the", the
  names are the same, or their last words (surnames) are the same, or, for an
  organisation, one name contains the other ("Department of Homeland Security"
  and "the U.S. Department of Homeland Security"). A hand speaker of
  ``unknown`` is right only when the automatic side gives no speaker.
* **stance**, over matched quotations that are speech on both sides: F_avg =
  (F_FAVOR + F_AGAINST) / 2 and each label's F1.
* **paragraph types**: the share of paragraphs with the hand-coded type.

Every figure comes with its count and a 95% interval: Wilson's for a
proportion, a seeded bootstrap over articles (articles resampled with
replacement) for F1 and F_avg.
"""

from __future__ import annotations

import math
import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pandas as pd

from .corpus import ROOT, CorpusError
from .vocabulary import PARAGRAPH_TYPES

VALIDATION_DIR = ROOT / "corpus" / "validation" / "real"
DEV_DIR = VALIDATION_DIR / "dev"
BLIND_DIR = VALIDATION_DIR / "blind"  # the honest test: never read while writing or tuning a rule
SPEECH = ("full", "partial")
STANCE_LABELS = ("FAVOR", "AGAINST", "NONE")
ARTICLE_COLUMNS = ["article_id", "url", "outlet", "published", "date_precision", "title"]
QUOTE_COLUMNS = ["article_id", "quote", "occurrence", "kind", "speaker", "speaker_type", "role", "jurisdiction", "stance"]
PARAGRAPH_COLUMNS = ["article_id", "paragraph", "paragraph_type", "text_start"]


@dataclass
class Part:
    """One part of the real-news set, in the frames the corpus helpers take."""

    name: str
    articles: pd.DataFrame  # article_id, title, outlet, published, date_precision, url, text, n_chars
    quotes: pd.DataFrame  # the hand coding, with start/end found from quote + occurrence
    paragraphs: pd.DataFrame  # article_id, paragraph, paragraph_type, text_start

    def subset(self, article_ids) -> "Part":
        """Return the part restricted to ``article_ids`` (for cross-validation folds)."""
        keep = set(article_ids)
        return Part(self.name, *(f[f["article_id"].isin(keep)].reset_index(drop=True)
                                 for f in (self.articles, self.quotes, self.paragraphs)))


def _read(path: Path, columns: list[str]) -> pd.DataFrame:
    if not path.is_file():
        raise CorpusError(path, None, "a CSV file of the real-news set", "no such file")
    table = pd.read_csv(path, dtype=str, keep_default_na=False)
    missing = [c for c in columns if c not in table.columns]
    if missing:
        raise CorpusError(path, missing[0], f"the columns {columns}", f"columns {list(table.columns)}")
    return table


def nth(text: str, quote: str, occurrence: int) -> int:
    """Return where the ``occurrence``-th copy of ``quote`` starts in ``text`` (-1 if there is none).

    >>> nth("a 'b' a 'b'", "'b'", 2)
    8
    """
    at = -1
    for _ in range(occurrence):
        at = text.find(quote, at + 1)
        if at < 0:
            return -1
    return at


def load(folder: str | Path = DEV_DIR, name: str | None = None) -> Part:
    """Return a part of the real-news set: its articles, hand-coded quotations and paragraph types.

    ``articles`` has the corpus columns the annotators read (``article_id``,
    ``title``, ``outlet``, ``published`` as a date, ``date_precision``,
    ``text``); ``quotes`` gains ``start`` and ``end``, the span of the
    ``occurrence``-th copy of ``quote`` in its article. A problem raises
    :class:`helpers.corpus.CorpusError` naming the file, the row and the field.

    >>> part = load()
    >>> part.quotes.loc[0, "quote"] == part.articles.set_index("article_id").loc[
    ...     part.quotes.loc[0, "article_id"], "text"][part.quotes.loc[0, "start"]:part.quotes.loc[0, "end"]]
    True
    """
    folder = Path(folder)
    arts = _read(folder / "articles.csv", ARTICLE_COLUMNS)
    texts = []
    for i, a in enumerate(arts.itertuples(index=False), 2):
        path = folder / "articles" / f"{a.article_id}.txt"
        if not path.is_file():
            raise CorpusError(folder / "articles.csv", "article_id", f"an article whose text is in articles/{a.article_id}.txt",
                              "no such file", i)
        texts.append(path.read_text(encoding="utf-8"))
    arts = arts.assign(text=texts)
    arts["n_chars"] = arts["text"].str.len().astype("int64")
    arts["published"] = pd.to_datetime(arts["published"], format="mixed")
    arts = arts.sort_values(["published", "article_id"], kind="stable").reset_index(drop=True)

    quotes = _read(folder / "quotes.csv", QUOTE_COLUMNS)
    by_id = dict(zip(arts["article_id"], arts["text"]))
    starts = []
    for i, q in enumerate(quotes.itertuples(index=False), 2):
        if q.article_id not in by_id:
            raise CorpusError(folder / "quotes.csv", "article_id", "the id of an article in articles.csv", repr(q.article_id), i)
        occurrence = int(q.occurrence) if str(q.occurrence).isdigit() else 1
        at = nth(by_id[q.article_id], q.quote, occurrence)
        if at < 0:
            raise CorpusError(folder / "quotes.csv", "quote", f"words found (occurrence {occurrence}) in {q.article_id}",
                              repr(q.quote[:60]), i)
        if q.kind not in ("full", "partial", "not speech"):
            raise CorpusError(folder / "quotes.csv", "kind", "full, partial or not speech", repr(q.kind), i)
        if q.kind in SPEECH and q.stance not in STANCE_LABELS:
            raise CorpusError(folder / "quotes.csv", "stance", "FAVOR, AGAINST or NONE", repr(q.stance), i)
        starts.append(at)
    quotes = quotes.assign(start=pd.Series(starts, dtype="int64"))
    quotes["end"] = quotes["start"] + quotes["quote"].str.len()
    quotes["text"] = quotes["quote"]

    paras = _read(folder / "paragraphs.csv", PARAGRAPH_COLUMNS)
    bad = paras[~paras["paragraph_type"].isin(PARAGRAPH_TYPES)]
    if len(bad):
        raise CorpusError(folder / "paragraphs.csv", "paragraph_type", f"one of {PARAGRAPH_TYPES}",
                          repr(bad.iloc[0]["paragraph_type"]), int(bad.index[0]) + 2)
    paras["paragraph"] = paras["paragraph"].astype("int64")
    return Part(name or folder.name, arts, quotes.reset_index(drop=True), paras)


def merge_parts(*parts: Part, name: str = "merged") -> Part:
    """Return one part holding the articles, quotations and paragraphs of several."""
    return Part(name, *(pd.concat([getattr(p, f) for p in parts], ignore_index=True)
                        for f in ("articles", "quotes", "paragraphs")))


# ---------------------------------------------------------------- intervals

def wilson(k: int, n: int, z: float = 1.96) -> tuple[float, float]:
    """Return the Wilson score 95% interval of a proportion k/n, rounded to 3 places.

    >>> wilson(45, 50)
    (0.786, 0.957)
    >>> wilson(0, 0)
    (0.0, 1.0)
    """
    if n == 0:
        return (0.0, 1.0)
    p = k / n
    centre = (p + z * z / (2 * n)) / (1 + z * z / n)
    half = z * math.sqrt(p * (1 - p) / n + z * z / (4 * n * n)) / (1 + z * z / n)
    return (round(max(0.0, centre - half), 3), round(min(1.0, centre + half), 3))


def bootstrap(frame: pd.DataFrame, statistic, reps: int = 1000, seed: int = 13) -> tuple[float, float]:
    """Return the 2.5th and 97.5th percentiles of ``statistic(frame)`` over articles resampled with replacement.

    >>> f = pd.DataFrame({"article_id": ["a", "a", "b"], "x": [1, 1, 0]})
    >>> bootstrap(f, lambda d: float(d["x"].mean()), reps=200)
    (0.0, 1.0)
    """
    if frame.empty:
        return (0.0, 0.0)
    groups = {k: g for k, g in frame.groupby("article_id", sort=True)}
    keys = list(groups)
    rng = np.random.default_rng(seed)
    values = []
    for _ in range(reps):
        pick = rng.integers(0, len(keys), len(keys))
        values.append(statistic(pd.concat([groups[keys[i]] for i in pick], ignore_index=True)))
    lo, hi = np.percentile(values, [2.5, 97.5])
    return (round(float(lo), 3), round(float(hi), 3))


# ---------------------------------------------------------------- matching

def fold(name: str) -> str:
    """Return a name folded for comparison: lower case, no accents, no leading 'the', single spaces.

    >>> fold("The Raúl  O’Brien")
    "raul o'brien"
    """
    plain = unicodedata.normalize("NFKD", str(name).replace("’", "'")).encode("ascii", "ignore").decode().lower()
    plain = " ".join(plain.replace(".", " ").split())
    return plain[4:] if plain.startswith("the ") else plain


def _acronym(name: str) -> str:
    """Return the initials of a name's capitalised words: 'Department of Homeland Security' -> 'DHS'.

    >>> _acronym("Charlotte-Mecklenburg Police Department"), _acronym("U.S. Immigration and Customs Enforcement")
    ('CMPD', 'ICE')
    """
    words = [w for w in re.split(r"[\s-]+", str(name).replace("’", "'")) if w[:1].isupper() and not w.endswith(".")]
    return "".join(w[0] for w in words) if len(words) >= 2 else ""


def same_speaker(hand: str, auto: str, speaker_type: str = "person") -> bool:
    """Return True when an automatic speaker name names the hand-coded speaker.

    Same folded name, or same surname (last word), or for an organisation one
    name inside the other, or one the initials of the other ("DHS"); a hand
    speaker 'unknown' matches no name.

    >>> same_speaker("Greg Abbott", "Abbott"), same_speaker("Greg Abbott", "Ken Paxton")
    (True, False)
    >>> same_speaker("Department of Homeland Security", "the U.S. Department of Homeland Security", "organisation")
    True
    >>> same_speaker("Department of Homeland Security", "DHS")
    True
    >>> same_speaker("unknown", ""), same_speaker("unknown", "Ann Lee")
    (True, False)
    """
    h, a = fold(hand), fold(auto)
    if h == "unknown":
        return a == ""
    if not h:
        return False
    if not a:
        return False
    if h == a or h.split()[-1] == a.split()[-1]:
        return True
    if _acronym(hand) in (auto.strip(), auto.replace(".", "").strip()) or _acronym(auto) == hand.strip():
        return True
    if speaker_type == "organisation" or len(a.split()) > 3 or len(h.split()) > 3:
        return len(min(h, a, key=len)) > 3 and (h in a or a in h)
    return False


def match(auto: pd.DataFrame, hand: pd.DataFrame) -> pd.DataFrame:
    """Return one row per hand-coded quotation and per unmatched automatic one, side by side.

    Columns: ``article_id``, ``start``/``end`` (hand span, else automatic),
    ``text``, ``kind_hand``/``kind_auto``, ``speaker_hand``/``speaker_auto``,
    ``speaker_type``, ``stance_hand``/``stance_auto``, ``cues``, ``found``
    (``both``, ``hand only`` or ``auto only``). A match needs an overlap of at
    least half the shorter span.
    """
    rows, used = [], set()
    auto_by_article = {k: g for k, g in auto.groupby("article_id", sort=False)}
    for h in hand.itertuples(index=False):
        best, best_overlap = None, 0
        for a in auto_by_article.get(h.article_id, auto.iloc[:0]).itertuples():
            overlap = min(h.end, a.end) - max(h.start, a.start)
            if a.Index in used or overlap <= 0:
                continue
            if overlap * 2 >= min(h.end - h.start, a.end - a.start) and overlap > best_overlap:
                best, best_overlap = a, overlap
        row = {"article_id": h.article_id, "start": h.start, "end": h.end, "text": h.quote, "kind_hand": h.kind,
               "speaker_hand": h.speaker, "speaker_type": h.speaker_type, "stance_hand": h.stance,
               "kind_auto": "", "speaker_auto": "", "stance_auto": "", "cues": "", "attribution": "", "found": "hand only"}
        if best is not None:
            used.add(best.Index)
            row.update(kind_auto=best.kind, speaker_auto=best.speaker, stance_auto=best.stance, cues=best.cues,
                       attribution=best.attribution, found="both")
        rows.append(row)
    for a in auto.itertuples():
        if a.Index not in used:
            rows.append({"article_id": a.article_id, "start": a.start, "end": a.end, "text": a.text, "kind_hand": "",
                         "speaker_hand": "", "speaker_type": "", "stance_hand": "", "kind_auto": a.kind,
                         "speaker_auto": a.speaker, "stance_auto": a.stance, "cues": a.cues,
                         "attribution": a.attribution, "found": "auto only"})
    out = pd.DataFrame(rows, columns=["article_id", "start", "end", "text", "kind_hand", "kind_auto", "speaker_hand",
                                      "speaker_auto", "speaker_type", "stance_hand", "stance_auto", "cues",
                                      "attribution", "found"])
    if len(out):
        out["speaker_right"] = [same_speaker(h, a, t) for h, a, t in zip(out["speaker_hand"], out["speaker_auto"], out["speaker_type"])]
    else:
        out["speaker_right"] = pd.Series(dtype=bool)
    return out.sort_values(["article_id", "start"], kind="stable").reset_index(drop=True)


# ---------------------------------------------------------------- figures

def _f1(hand: pd.Series, auto: pd.Series, label: str) -> float:
    tp = int(((hand == label) & (auto == label)).sum())
    fp = int(((hand != label) & (auto == label)).sum())
    fn = int(((hand == label) & (auto != label)).sum())
    return 2 * tp / (2 * tp + fp + fn) if tp else 0.0


def f_avg(frame: pd.DataFrame) -> float:
    """Return (F_FAVOR + F_AGAINST) / 2 of ``stance_hand`` against ``stance_auto`` (unrounded).

    >>> f_avg(pd.DataFrame({"stance_hand": ["FAVOR", "AGAINST"], "stance_auto": ["FAVOR", "NONE"]}))
    0.5
    """
    return (_f1(frame["stance_hand"], frame["stance_auto"], "FAVOR") + _f1(frame["stance_hand"], frame["stance_auto"], "AGAINST")) / 2


_COUNT_COLUMNS = ["det_tp", "det_fp", "det_fn"] + [f"{lab}_{c}" for lab in STANCE_LABELS for c in ("tp", "fp", "fn")]


def _article_counts(merged: pd.DataFrame) -> pd.DataFrame:
    """Return per article the counts every F1 is made of: detection, and each stance label's tp, fp, fn."""
    hs, as_ = merged["kind_hand"].isin(SPEECH), merged["kind_auto"].isin(SPEECH)
    pair = hs & as_
    cols = {"det_tp": pair, "det_fp": as_ & ~hs, "det_fn": hs & ~as_}
    for lab in STANCE_LABELS:
        h, a = merged["stance_hand"] == lab, merged["stance_auto"] == lab
        cols[f"{lab}_tp"], cols[f"{lab}_fp"], cols[f"{lab}_fn"] = pair & h & a, pair & ~h & a, pair & h & ~a
    frame = pd.DataFrame({k: v.astype(int) for k, v in cols.items()})
    frame["article_id"] = merged["article_id"].to_numpy()
    return frame.groupby("article_id", sort=True)[_COUNT_COLUMNS].sum()


def _f(tp, fp, fn):
    tp, fp, fn = (np.asarray(x, dtype=float) for x in (tp, fp, fn))
    denom = 2 * tp + fp + fn
    return np.where(tp > 0, 2 * tp / np.where(denom > 0, denom, 1), 0.0)


def _statistics(c) -> dict:
    """Return detection F1, F_avg and each label's F1 from summed counts (arrays of any shape)."""
    out = {"quotation F1": _f(c["det_tp"], c["det_fp"], c["det_fn"])}
    for lab in STANCE_LABELS:
        out[f"stance F1 {lab}"] = _f(c[f"{lab}_tp"], c[f"{lab}_fp"], c[f"{lab}_fn"])
    out["stance F_avg"] = (out["stance F1 FAVOR"] + out["stance F1 AGAINST"]) / 2
    return out


def _bootstrap_all(counts: pd.DataFrame, reps: int, seed: int = 13) -> dict:
    """Return the 95% interval of every statistic of :func:`_statistics`, articles resampled with replacement."""
    if counts.empty:
        return {}
    rng = np.random.default_rng(seed)
    matrix = counts.to_numpy()
    pick = rng.integers(0, len(matrix), (reps, len(matrix)))
    sums = matrix[pick].sum(axis=1)
    stats = _statistics({c: sums[:, i] for i, c in enumerate(_COUNT_COLUMNS)})
    return {k: tuple(round(float(x), 3) for x in np.percentile(v, [2.5, 97.5])) for k, v in stats.items()}


def figures(merged: pd.DataFrame, paragraph_agreement: pd.DataFrame | None = None, reps: int = 1000) -> pd.DataFrame:
    """Return the headline figures of one comparison: measure, value, count and 95% interval.

    ``merged`` comes from :func:`match`; ``paragraph_agreement`` has a
    boolean ``type_agrees`` per paragraph. Proportions have Wilson intervals;
    F1 and F_avg a bootstrap over articles (``reps`` resamples, seed 13).
    """
    hs, as_ = merged["kind_hand"].isin(SPEECH), merged["kind_auto"].isin(SPEECH)
    tp, fp, fn = int((hs & as_).sum()), int((as_ & ~hs).sum()), int((hs & ~as_).sum())
    pairs = merged[hs & as_]
    counts = _article_counts(merged)
    point = {k: round(float(v), 3) for k, v in _statistics(counts.sum()).items()} if len(counts) else {}
    ci = _bootstrap_all(counts, reps)
    rows = []

    def prop(measure, k, n, what):
        lo, hi = wilson(k, n)
        rows.append({"measure": measure, "value": round(k / n, 3) if n else 0.0, "count": f"{k} of {n} {what}",
                     "low": lo, "high": hi, "interval": "Wilson"})

    def boot(measure, count):
        lo, hi = ci.get(measure, (0.0, 0.0))
        rows.append({"measure": measure, "value": point.get(measure, 0.0), "count": count, "low": lo, "high": hi,
                     "interval": "bootstrap over articles"})

    prop("quotation recall", tp, tp + fn, "hand-coded speech quotations found")
    prop("quotation precision", tp, tp + fp, "automatic speech quotations are hand-coded speech")
    boot("quotation F1", f"{tp} matched, {fn} missed, {fp} extra")
    prop("speaker accuracy", int(pairs["speaker_right"].sum()), len(pairs), "matched quotations")
    boot("stance F_avg", f"{int((pairs['stance_hand'] == pairs['stance_auto']).sum())} of {len(pairs)} quotations agree")
    for label in STANCE_LABELS:
        boot(f"stance F1 {label}", f"{int((pairs['stance_hand'] == label).sum())} hand-coded {label}")
    hand_ns = merged[(merged["kind_hand"] == "not speech") & (merged["found"] == "both")]
    prop("not speech kept from speech", int((hand_ns["kind_auto"] == "not speech").sum()), len(hand_ns),
         "hand-coded 'not speech' quotations typed 'not speech'")
    if paragraph_agreement is not None:
        prop("paragraph types", int(paragraph_agreement["type_agrees"].sum()), len(paragraph_agreement), "paragraphs")
    return pd.DataFrame(rows, columns=["measure", "value", "count", "low", "high", "interval"])


def paragraph_agreement(part: Part) -> pd.DataFrame:
    """Return automatic and hand paragraph types side by side, one row per hand-coded paragraph."""
    from . import paragraphs

    auto = paragraphs.paragraphs(part.articles)
    merged = part.paragraphs.merge(auto[["article_id", "paragraph", "paragraph_type", "rule", "text"]],
                                   on=["article_id", "paragraph"], how="left", suffixes=("_hand", "_auto"))
    merged["paragraph_type_auto"] = merged["paragraph_type_auto"].astype(str)
    merged["type_agrees"] = merged["paragraph_type_hand"] == merged["paragraph_type_auto"]
    return merged


def _base(part: Part, progress: bool = False) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Return the sentences and the quotations (kind and speaker, no stance yet) of a part."""
    from . import annotate as _annotate
    from . import quotes
    from .knowledge import Knowledge

    sents = _annotate.sentences(part.articles, progress=progress)
    return sents, quotes.find(part.articles, sents, Knowledge.nothing(), stance=False, progress=progress)


def _label(part: Part, base, method: str, train: Part | None = None) -> pd.DataFrame:
    from . import stance
    from .knowledge import Knowledge

    sents, found = base
    return stance.label(found, part.articles, sents, Knowledge.nothing(), method=method, train=train) if len(found) else found


def annotate(part: Part, method: str = "rules", train: Part | None = None, progress: bool = False) -> pd.DataFrame:
    """Return the automatic quotations of a part, stance by ``method`` ("lexicon", "rules" or "model").

    ``train`` is the part a model is fitted to (default: the development part);
    it must not share articles with ``part`` when measuring. No hand-curated
    knowledge is used: a real article is read from its text alone.
    """
    return _label(part, _base(part, progress), method, train)


def evaluate(part: Part, method: str = "rules", train: Part | None = None, reps: int = 1000) -> pd.DataFrame:
    """Return the headline figures of ``method`` on ``part`` (see :func:`figures`)."""
    return figures(match(annotate(part, method, train), part.quotes), paragraph_agreement(part), reps)


def folds(part: Part, k: int = 5) -> list[list[str]]:
    """Return ``k`` groups of article ids for cross-validation: articles in date order dealt round-robin.

    >>> [len(f) for f in folds(load(), 5)] == [len(f) for f in folds(load(), 5)]
    True
    """
    ids = list(part.articles["article_id"])
    return [ids[i::k] for i in range(k)]


def cross_validate(part: Part, method: str = "rules", k: int = 5, base=None) -> pd.DataFrame:
    """Return the matched quotations of ``part``, each fold's stance from a model fitted on the other folds.

    Rules are not fitted, so only ``method="model"`` differs from annotating
    the whole part at once; grouping by article keeps one article's
    quotations out of its own training data.
    """
    base = base if base is not None else _base(part)
    if method != "model":
        return match(_label(part, base, method), part.quotes)
    sents, found = base
    merged = []
    for ids in folds(part, k):
        keep = set(ids)
        test = part.subset(ids)
        train = part.subset([a for a in part.articles["article_id"] if a not in keep])
        fold_base = (sents[sents["article_id"].isin(keep)], found[found["article_id"].isin(keep)])
        merged.append(match(_label(test, fold_base, method, train), test.quotes))
    return pd.concat(merged, ignore_index=True)


METHODS = {
    "lexicon": "cue lexicon (as first written, on the five corpus articles)",
    "rules": "improved rules (target, negation, reporting sentence, speaker consistency), written while reading the "
             "development part: their development figure is in-sample",
    "model": "logistic regression over cue features, the rules' label and word n-grams, fitted on the development part "
             "(cross-validated: fitted on four fifths of its articles, measured on the fifth)",
}


def methods_table(dev: Part | None = None, others: dict[str, Part] | None = None, k: int = 5,
                  reps: int = 1000, progress: bool = False) -> pd.DataFrame:
    """Return speaker accuracy and stance F_avg of every stance method: dev cross-validation and other parts.

    One row per method and measure; a column per part: ``dev (cross-validation)``
    and one per entry of ``others`` (e.g. ``{"blind": load(blind_folder)}``),
    where the model is fitted on the whole development part. Each cell reads
    ``value [low, high] (count)``. It takes under a minute; ``progress=True``
    shows a progress bar.
    """
    dev = dev if dev is not None else load()
    others = others or {}
    bases = {"dev": _base(dev), **{name: _base(other) for name, other in others.items()}}
    rows = []
    items = METHODS.items()
    if progress:
        from tqdm.auto import tqdm

        items = tqdm(items, desc="methods", unit="method")
    for method, description in items:
        cells = {"dev (cross-validation)": cross_validate(dev, method, k, bases["dev"])}
        for name, other in others.items():
            cells[name] = match(_label(other, bases[name], method, dev), other.quotes)
        for measure in ("speaker accuracy", "stance F_avg"):
            row = {"method": method, "description": description, "measure": measure}
            for col, merged in cells.items():
                fig = figures(merged, reps=reps).set_index("measure").loc[measure]
                row[col] = f"{fig['value']:.3f} [{fig['low']:.3f}, {fig['high']:.3f}] ({fig['count']})"
            rows.append(row)
    return pd.DataFrame(rows)


def baselines(merged: pd.DataFrame) -> pd.DataFrame:
    """Return F_FAVOR, F_AGAINST, F_avg and accuracy of the automatic stance beside the majority class and TextBlob polarity.

    Over the quotations that are speech on both sides (see
    :func:`helpers.evaluate.baselines`).
    """
    from . import evaluate as _evaluate

    pairs = merged[merged["kind_hand"].isin(SPEECH) & merged["kind_auto"].isin(SPEECH)].reset_index(drop=True)
    return _evaluate.baselines(pairs)


def disagreements(merged: pd.DataFrame, part: Part) -> pd.DataFrame:
    """Return every quotation where hand and automatic differ, with what differs and its sentence."""
    from . import annotate as _annotate

    sents = _annotate.sentences(part.articles)
    rows = []
    for r in merged.itertuples(index=False):
        what = []
        if r.found != "both":
            if r.found == "hand only" and r.kind_hand not in SPEECH:
                continue
            if r.found == "auto only" and r.kind_auto not in SPEECH:
                continue
            what.append("found by " + r.found.replace(" only", "") + " only")
        else:
            if (r.kind_hand in SPEECH) != (r.kind_auto in SPEECH):
                what.append(f"kind: hand {r.kind_hand}, auto {r.kind_auto}")
            elif r.kind_hand in SPEECH:
                if not r.speaker_right:
                    what.append(f"speaker: hand {r.speaker_hand}, auto {r.speaker_auto or '(none)'}")
                if r.stance_hand != r.stance_auto:
                    what.append(f"stance: hand {r.stance_hand}, auto {r.stance_auto}")
        if not what:
            continue
        hit = sents[(sents["article_id"] == r.article_id) & (sents["start"] <= r.start) & (sents["end"] > r.start)]
        rows.append({"article_id": r.article_id, "difference": "; ".join(what), "quote": r.text,
                     "sentence": hit["text"].iloc[0] if len(hit) else "", "cues": r.cues})
    return pd.DataFrame(rows, columns=["article_id", "difference", "quote", "sentence", "cues"])


def describe(part: Part) -> dict:
    """Return the size of a part: articles, outlets, years, quotations by kind and speech by stance."""
    speech = part.quotes[part.quotes["kind"].isin(SPEECH)]
    return {
        "articles": len(part.articles), "outlets": int(part.articles["outlet"].nunique()),
        "years": dict(sorted(part.articles["published"].dt.year.value_counts().items())),
        "quotations": len(part.quotes), "kinds": part.quotes["kind"].value_counts().to_dict(),
        "stances": {s: int((speech["stance"] == s).sum()) for s in STANCE_LABELS},
        "paragraphs": len(part.paragraphs),
    }
