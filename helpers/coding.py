"""Code quotations by hand, in class, and compare the coders with each other and with the labels we have.

Each student codes the same quotations (speaker and stance, with the codebook one click away) in a
coding widget; their answers go to a file of their own in ``codings/``, named after them
(:func:`check_name`) and rewritten atomically after every answer, so nothing is lost when the kernel
restarts or the page reloads, and coding resumes at the first quotation not yet coded. Once an answer is
saved the widget shows the automatic label and the reference coding and locks that answer: a change of
mind is saved as a second row, marked by its ``attempt``, and agreement always uses the first
(:func:`first`). Then :func:`table` lines the coders up beside the automatic labels and the reference
coding, and :func:`pairwise`, :func:`alpha`, :func:`kappas`, :func:`confusion` and :func:`disagreements`
measure and show where they agree.

``codings/`` is never under ``corpus/``; ``$SANCTUARY_CODINGS`` points the widget at another folder.
Files whose name starts with ``example-`` are invented examples, shown where no class has coded yet.
"""

from __future__ import annotations

import hashlib
import html
import os
import re
import tempfile
import unicodedata
from datetime import datetime, timezone
from itertools import combinations
from pathlib import Path

import numpy as np
import pandas as pd

from .corpus import ROOT
from .vocabulary import STANCES

CODINGS_DIR = ROOT / "codings"
EXAMPLE = "example-"
#: The columns of a coder file; files written before ``attempt`` and ``coder`` existed still load.
COLUMNS = ["unit", "article_id", "start", "end", "speaker", "stance", "coded_at", "attempt", "coder"]
REQUIRED = COLUMNS[:7]
#: The speaker choice for a quotation whose speaker is none of the candidates.
OTHER = "someone else"
AUTOMATIC, REFERENCE = "automatic", "reference"
#: The longest coder name, in characters.
NAME_LENGTH = 40

DEFINITIONS = {
    "FAVOR": "supports or cooperates with federal immigration enforcement: complying with detainers, praising the "
             "crackdown, calling for removals.",
    "AGAINST": "resists it, limits cooperation, protects immigrants from it, challenges it in court, criticises it. "
               "(Against the crackdown, not against immigrants.)",
    "NONE": "neither; off the topic; reporting or analysis that takes no side.",
}
CODEBOOK_NOTE = ("Code each quotation in the context the article gives it: the reporting words around a partial "
                 "quotation count too. Positive words are not support: sentiment is not stance. "
                 "(corpus/annotations/CODEBOOK.md, section 4)")


def codings_dir() -> Path:
    """Return the folder of coder files: ``$SANCTUARY_CODINGS`` if set, else ``codings/``."""
    return Path(os.environ.get("SANCTUARY_CODINGS") or CODINGS_DIR)


def shown(path: str | Path) -> str:
    """Return a path as a reader should see it: relative to the repository when inside it.

    >>> shown(ROOT / "codings" / "ana.csv")
    'codings/ana.csv'
    """
    path = Path(path).resolve()
    return path.relative_to(ROOT).as_posix() if path.is_relative_to(ROOT) else str(path)


def display_name(name: str) -> str:
    """Return a coder's name as it is shown: as typed, in any script, with runs of spaces made one.

    Raises ``ValueError`` saying why for a name without a letter or digit, longer than
    :data:`NAME_LENGTH` characters, or holding a control character.

    >>> display_name("  Ana   María ")
    'Ana María'
    """
    text = unicodedata.normalize("NFC", " ".join(str(name).split()))
    if not any(ch.isalnum() for ch in text) or len(text) > NAME_LENGTH or \
            any(unicodedata.category(ch) == "Cc" for ch in text):
        raise ValueError(f"coder name: expected 1-{NAME_LENGTH} characters with at least one letter or digit, in any "
                         f"script (e.g. 'Ana', 'Ana María', '李明'); found {name!r}")
    return text


def same_coder(a: str, b: str) -> bool:
    """Return whether two typed names are one coder's: equal once tidied, whatever their capitals.

    >>> same_coder("Ana María", "ana  maría"), same_coder("Ana María", "Ana Maria")
    (True, False)
    """
    return display_name(a).casefold() == display_name(b).casefold()


def check_name(name: str) -> str:
    """Return the file name (without ``.csv``) of a coder's answers: safe ASCII, derived from the name.

    Letters lose their accents and anything else becomes a hyphen; a name that
    is not plain ASCII gets a short hash of the whole name, so that "Ana María"
    and "Ana Maria" keep files of their own, and a name with no Latin letter
    ("李明") still has one. Raises ``ValueError`` as :func:`display_name` does.

    >>> check_name("  Ana Lopez "), check_name("Ana María"), check_name("李明")
    ('ana-lopez', 'ana-maria-e3dad0', 'coder-aa2271')
    """
    text = display_name(name)
    plain = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii").lower()
    stem = re.sub(r"[^a-z0-9]+", "-", plain).strip("-")[:NAME_LENGTH].strip("-")
    if stem.startswith(EXAMPLE):  # never taken for one of the invented examples
        stem = f"coder-{stem}"
    if text.isascii():
        return stem
    digest = hashlib.sha256(text.casefold().encode("utf-8")).hexdigest()[:6]
    return f"{stem or 'coder'}-{digest}"


def path_for(name: str, folder: str | Path | None = None) -> Path:
    """Return the file that holds a coder's answers: ``<folder>/<check_name(name)>.csv``."""
    return Path(folder if folder is not None else codings_dir()) / f"{check_name(name)}.csv"


def units(book: pd.DataFrame, articles: pd.DataFrame, auto: pd.DataFrame, kb=None) -> pd.DataFrame:
    """Return one row per quotation to code, in reading order, with its paragraph and speaker candidates.

    ``book`` is :func:`helpers.quotebook.build` (hand-coded quotations, and the quotations the rules
    find in articles nobody has hand-coded, such as articles a class added). ``unit`` is
    ``article_id:start-end``; ``paragraph`` is the line of the article the quotation starts in, with
    ``q_start``, ``q_end`` its place there, and ``context`` the paragraph before; ``candidates`` lists the people and organisations named
    in that paragraph and the one before, with the reference and automatic speakers among them, in
    alphabetical order so that the order gives nothing away. ``speaker_reference`` and
    ``stance_reference`` are empty where nobody has hand-coded the article.
    """
    from . import knowledge as _knowledge
    from . import mentions

    kb = kb if kb is not None else _knowledge.Knowledge.nothing()
    registry = mentions.Registry(kb)
    found = auto.set_index(["article_id", "start", "end"])
    texts = articles.set_index("article_id")
    rows = []
    for r in book.itertuples(index=False):
        art = texts.loc[r.article_id]
        text = art["text"]
        line_start = text.rfind("\n", 0, r.start) + 1
        line_end = text.find("\n", r.start)
        line_end = len(text) if line_end < 0 else line_end
        lines = text[:line_start].rstrip("\n").split("\n")
        names = []
        for paragraph in (lines[-1] if line_start else "", text[line_start:line_end]):
            for m in mentions.find(paragraph, registry):
                if m.kind == "actor":
                    actor = kb.actor(m.entity)
                    names.append(actor["name"] if actor else m.surface)
                elif m.kind == "name" and "\n" not in m.surface:
                    names.append(m.surface)
        key = (r.article_id, r.start, r.end)
        auto_speaker = found.loc[key, "speaker"] if key in found.index else ""
        coded = r.stance_hand in STANCES
        reference = r.speaker if coded else ""
        names += [n for n in (reference, auto_speaker) if n and n != "(speaker not found)"]
        rows.append({
            "unit": f"{r.article_id}:{r.start}-{r.end}", "article_id": r.article_id, "start": int(r.start),
            "end": int(r.end), "title": art["title"], "outlet": art["outlet"], "date_label": art["date_label"],
            "ref": r.ref, "text": r.text, "paragraph": text[line_start:line_end], "context": lines[-1] if line_start else "",
            "q_start": int(r.start - line_start), "q_end": int(min(r.end, line_end) - line_start),
            "candidates": sorted(set(names), key=str.lower),
            "speaker_auto": auto_speaker or "(speaker not found)", "stance_auto": r.stance_auto, "cues": r.cues,
            "speaker_reference": reference, "stance_reference": r.stance_hand if coded else "",
        })
    return pd.DataFrame(rows)


def choose(table: pd.DataFrame, n: int = 20, seed: int = 2026) -> pd.DataFrame:
    """Return ``n`` quotations drawn with a fixed seed, in reading order: every coder codes the same ones.

    >>> choose(pd.DataFrame({"unit": list("abcdef")}), n=3)["unit"].tolist()
    ['a', 'd', 'f']
    """
    if n >= len(table):
        return table.reset_index(drop=True)
    picked = np.random.default_rng(seed).choice(len(table), size=n, replace=False)
    return table.iloc[sorted(picked)].reset_index(drop=True)


def today(book: pd.DataFrame, articles: pd.DataFrame, auto: pd.DataFrame, kb=None, n: int = 20,
          seed: int = 2026) -> pd.DataFrame:
    """Return the ``n`` quotations every coder codes: ``choose(units(book, ...), n, seed)``, made for those ``n`` only.

    The quotations are drawn first and only they are read in their paragraphs,
    so the cost does not grow with the corpus (:func:`units` of every quotation
    of thousands of articles takes minutes).
    """
    return units(choose(book, n=n, seed=seed), articles, auto, kb)


def load(name: str | Path, folder: str | Path | None = None) -> pd.DataFrame:
    """Return a coder's answers so far (no file yet: no rows), one row per answer, in the order given.

    ``name`` is a coder's name (the file is :func:`path_for` it) or the path of a coder file. ``attempt``
    is 1 for the answer given before the reference was shown, 2, 3 ... for changes of mind after it;
    a file written before that column existed holds first answers only, and one without ``coder``
    leaves it empty. Raises ``ValueError`` naming the file and what was expected for a file that is not
    a coder file, and, for a name, when the file holds the answers of a coder with another name that
    maps to the same file.
    """
    by_path = isinstance(name, Path) or str(name).endswith(".csv")
    path = Path(name) if by_path else path_for(name, folder)
    if not path.is_file():
        return pd.DataFrame(columns=COLUMNS)
    where = shown(path)
    try:
        frame = pd.read_csv(path, dtype=str, keep_default_na=False, encoding="utf-8")
    except (UnicodeDecodeError, ValueError) as err:  # pandas' parser and empty-file errors are ValueErrors
        raise ValueError(f"{where}: expected a coder file (UTF-8 CSV with columns {', '.join(REQUIRED)}); "
                         f"found {type(err).__name__}") from None
    missing = [c for c in REQUIRED if c not in frame.columns]
    if missing:
        raise ValueError(f"{where}, field '{missing[0]}': expected the columns {', '.join(REQUIRED)}; found "
                         f"{', '.join(map(str, frame.columns)) or 'none'}")
    wrong = frame[~frame["stance"].isin(STANCES)]
    if len(wrong):
        raise ValueError(f"{where}, row {wrong.index[0] + 2}, field 'stance': expected FAVOR, AGAINST or NONE; "
                         f"found {wrong['stance'].iloc[0]!r}")
    if "attempt" not in frame.columns:
        frame["attempt"] = "1"
    bad = frame[~frame["attempt"].str.fullmatch(r"[1-9][0-9]{0,2}")]
    if len(bad):
        raise ValueError(f"{where}, row {bad.index[0] + 2}, field 'attempt': expected 1 (the first answer) or "
                         f"2, 3 ... (a change of mind); found {bad['attempt'].iloc[0]!r}")
    frame["attempt"] = frame["attempt"].astype(int)
    if "coder" not in frame.columns:
        frame["coder"] = ""
    if not by_path:
        others = [c for c in dict.fromkeys(frame["coder"]) if c and not same_coder(c, name)]
        if others:
            raise ValueError(f"{where} holds the answers of {others[0]!r}, not {display_name(name)!r}: if they are "
                             f"yours, type {others[0]!r}; if not, add an initial to your name "
                             f"(e.g. {display_name(name) + ' B'!r})")
    return frame[COLUMNS]


def save(frame: pd.DataFrame, path: str | Path) -> Path:
    """Write a coder's answers atomically: a temporary file in the same folder, then a rename over the old one."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, temp = tempfile.mkstemp(prefix=f".{path.stem}-", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as handle:
            frame.reindex(columns=COLUMNS).to_csv(handle, index=False)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(temp, path)
    except BaseException:
        if os.path.exists(temp):
            os.unlink(temp)
        raise
    return path


def record(name: str, unit: dict | pd.Series, speaker: str, stance: str, folder: str | Path | None = None,
           change: bool = False) -> pd.DataFrame:
    """Return a coder's answers after saving one more.

    A quotation's first answer is locked once saved (the widget then shows the reference): saving
    another raises ``ValueError``, unless ``change`` is True, which adds it as a change of mind, with
    the next ``attempt`` number, and leaves the first in the file, where agreement reads it.
    """
    if stance not in STANCES:
        raise ValueError(f"stance: expected FAVOR, AGAINST or NONE; found {stance!r}")
    if not speaker:
        raise ValueError("speaker: expected a speaker (or 'someone else'); found nothing")
    path = path_for(name, folder)
    frame = load(name, folder)
    earlier = frame[frame["unit"] == unit["unit"]]
    if len(earlier) and not change:
        raise ValueError(f"quotation {unit['unit']}: already answered, and a saved answer is locked; a change of mind "
                         "is saved as a second answer (change=True)")
    if change and not len(earlier):
        raise ValueError(f"quotation {unit['unit']}: no answer to change yet; save a first answer")
    row = {"unit": unit["unit"], "article_id": unit["article_id"], "start": str(unit["start"]), "end": str(unit["end"]),
           "speaker": speaker, "stance": stance, "coded_at": datetime.now(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ"),
           "attempt": int(earlier["attempt"].max()) + 1 if len(earlier) else 1, "coder": display_name(name)}
    frame = pd.concat([frame, pd.DataFrame([row], columns=COLUMNS)], ignore_index=True)
    save(frame, path)
    return frame


def first(answers: pd.DataFrame) -> pd.DataFrame:
    """Return each quotation's first answer, given before the reference was shown: what agreement counts.

    >>> a = pd.DataFrame({"unit": ["q1", "q1", "q2"], "stance": ["NONE", "FAVOR", "AGAINST"], "attempt": [1, 2, 1]})
    >>> first(a)["stance"].tolist()
    ['NONE', 'AGAINST']
    """
    if "attempt" in answers.columns:
        answers = answers.sort_values("attempt", kind="stable", key=pd.to_numeric)
    return answers.drop_duplicates("unit", keep="first").sort_index()


def changed(answers: pd.DataFrame) -> int:
    """Return how many quotations a coder changed their mind on after seeing the reference.

    >>> changed(pd.DataFrame({"unit": ["q1", "q1", "q2"], "attempt": [1, 2, 1]}))
    1
    """
    if "attempt" not in answers.columns:
        return 0
    return int(answers.loc[pd.to_numeric(answers["attempt"]) > 1, "unit"].nunique())


def resume_at(table: pd.DataFrame, coded: pd.DataFrame) -> int | None:
    """Return the position of the first quotation not coded yet, or None when every one is.

    >>> resume_at(pd.DataFrame({"unit": ["a", "b", "c"]}), pd.DataFrame({"unit": ["a", "c"]}))
    1
    """
    done = set(coded["unit"])
    return next((i for i, unit in enumerate(table["unit"]) if unit not in done), None)


class Coders(dict):
    """Every readable coder's answers, by the name shown for the coder; ``damaged`` names each file left out and why."""

    def __init__(self, *args, damaged: dict[str, str] | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        self.damaged = dict(damaged or {})

    @property
    def notice(self) -> str:
        """Return one line per damaged file, naming it and what is wrong ("" when none is)."""
        return "\n".join(f"Left out of the comparison, damaged: {reason}" for reason in self.damaged.values())


def coders(folder: str | Path | None = None, examples: bool = False) -> Coders:
    """Return every coder's answers in ``folder``, by name: the class's files, or only the examples.

    A coder is named as they typed their name (``coder`` in the file), else by the file's name. With
    ``examples`` False, files named ``example-*.csv`` are left out; with True, only they count, and the
    default folder is the shipped ``codings/`` even where ``$SANCTUARY_CODINGS`` points elsewhere. A
    file that cannot be read as a coder file is left out and named in ``.damaged`` and ``.notice``;
    the others are still returned.
    """
    folder = Path(folder if folder is not None else (CODINGS_DIR if examples else codings_dir()))
    found, damaged = {}, {}
    for path in sorted(folder.glob("*.csv")) if folder.is_dir() else []:
        if path.name.startswith(".") or path.stem.startswith(EXAMPLE) != examples:
            continue
        try:
            frame = load(path)
        except (ValueError, OSError) as err:
            damaged[shown(path)] = str(err) if isinstance(err, ValueError) else f"{shown(path)}: {err.strerror}"
            continue
        names = [c for c in dict.fromkeys(frame["coder"]) if c]
        label = names[0] if names else path.stem
        if label in found or label in (AUTOMATIC, REFERENCE):
            label = f"{label} ({path.name})"
        found[label] = frame
    return Coders(found, damaged=damaged)


def table(units_: pd.DataFrame, answers: dict[str, pd.DataFrame], what: str = "stance") -> pd.DataFrame:
    """Return one row per quotation and one column per coder (their first answers), then ``automatic`` and ``reference``.

    ``what`` is ``"stance"`` or ``"speaker"``; a quotation a coder has not coded, or an article nobody
    hand-coded, is empty (NaN). A change of mind after the reference was shown is not counted.

    >>> u = pd.DataFrame({"unit": ["q1", "q2"], "stance_auto": ["FAVOR", "NONE"], "stance_reference": ["FAVOR", ""]})
    >>> table(u, {"ana": pd.DataFrame({"unit": ["q1"], "stance": ["AGAINST"]})}).fillna("-").values.tolist()
    [['AGAINST', 'FAVOR', 'FAVOR'], ['-', 'NONE', '-']]
    """
    wide = pd.DataFrame(index=pd.Index(units_["unit"], name="unit"))
    for name, frame in answers.items():
        wide[name] = first(frame).set_index("unit")[what].reindex(wide.index)
    wide[AUTOMATIC] = units_.set_index("unit")[f"{what}_auto"].reindex(wide.index)
    wide[REFERENCE] = units_.set_index("unit")[f"{what}_reference"].replace("", np.nan).reindex(wide.index)
    return wide


def cohen_kappa(a: pd.Series, b: pd.Series) -> float:
    """Return Cohen's kappa for two coders over the quotations both coded, in [-1.0, 1.0] (1: full agreement).

    Kappa corrects the share of agreement for what two coders would agree by chance, given how
    often each uses each label. NaN when fewer than two quotations are coded by both.

    >>> round(cohen_kappa(pd.Series(["FAVOR", "AGAINST", "AGAINST", "NONE"]),
    ...                   pd.Series(["FAVOR", "AGAINST", "NONE", "NONE"])), 3)
    0.636
    """
    both = pd.DataFrame({"a": a, "b": b}).dropna()
    if len(both) < 2:
        return float("nan")
    observed = (both["a"] == both["b"]).mean()
    pa, pb = both["a"].value_counts(normalize=True), both["b"].value_counts(normalize=True)
    expected = sum(pa.get(k, 0) * pb.get(k, 0) for k in set(pa.index) | set(pb.index))
    return 1.0 if expected == 1 else float((observed - expected) / (1 - expected))


def alpha(wide: pd.DataFrame, columns: list[str] | None = None) -> float:
    """Return Krippendorff's alpha (nominal) for the coders in ``columns``, in [-1.0, 1.0] (1: full agreement).

    Alpha works for any number of coders and allows missing answers; computed by the ``krippendorff``
    package. NaN when there is nothing to compare.

    >>> w = pd.DataFrame({"a": ["FAVOR", "AGAINST", "NONE", "AGAINST"], "b": ["FAVOR", "AGAINST", "NONE", "NONE"],
    ...                   "c": ["FAVOR", "AGAINST", "NONE", "AGAINST"]})
    >>> round(alpha(w), 3)
    0.766
    """
    import krippendorff

    columns = list(columns if columns is not None else wide.columns)
    codes = {label: i for i, label in enumerate(STANCES)}
    data = np.array([[codes.get(v, np.nan) if isinstance(v, str) else np.nan for v in wide[c]] for c in columns],
                    dtype=float)
    paired = (~np.isnan(data)).sum(axis=0) >= 2
    if len(columns) < 2 or paired.sum() < 1 or len(np.unique(data[:, paired][~np.isnan(data[:, paired])])) < 2:
        return float("nan")
    return float(krippendorff.alpha(reliability_data=data[:, paired], value_domain=list(codes.values()),
                                    level_of_measurement="nominal"))


def pairwise(wide: pd.DataFrame) -> pd.DataFrame:
    """Return, for every pair of columns, how many quotations both coded, the share they agree on and Cohen's kappa.

    >>> w = pd.DataFrame({"a": ["FAVOR", "NONE"], "b": ["FAVOR", "AGAINST"]})
    >>> pairwise(w).values.tolist()
    [['a', 'b', 2, 1, 0.5, 0.333]]
    """
    rows = []
    for a, b in combinations(wide.columns, 2):
        both = wide[[a, b]].dropna()
        same = int((both[a] == both[b]).sum())
        rows.append({"coder": a, "with": b, "n": len(both), "agree": same,
                     "share": round(same / len(both), 3) if len(both) else float("nan"),
                     "kappa": round(cohen_kappa(both[a], both[b]), 3)})
    return pd.DataFrame(rows, columns=["coder", "with", "n", "agree", "share", "kappa"])


def agreement(wide: pd.DataFrame) -> pd.DataFrame:
    """Return one row per comparison: the coders together (Krippendorff's alpha), then each coder against
    the reference coding and the automatic labels (Cohen's kappa), with how many quotations each rests on.
    The automatic labels' agreement with the reference is in-sample: their cues were written on these articles.

    >>> w = pd.DataFrame({"ana": ["FAVOR", "NONE", "AGAINST"], "ben": ["FAVOR", "AGAINST", "AGAINST"],
    ...                   "automatic": ["FAVOR", "NONE", "NONE"], "reference": ["FAVOR", "NONE", "AGAINST"]})
    >>> agreement(w)[["comparison", "measure", "quotations", "agree"]].values.tolist()[:3]
    [['all 2 coders', "Krippendorff's alpha", 3, 2], ['all 2 coders and the reference', "Krippendorff's alpha", 3, 2], ['ana with the reference', "Cohen's kappa", 3, 3]]
    """
    people = [c for c in wide.columns if c not in (AUTOMATIC, REFERENCE)]
    rows = []

    def add(comparison, measure, columns, value):
        both = wide[columns].dropna()
        same = int((both.nunique(axis=1) == 1).sum())
        rows.append({"comparison": comparison, "measure": measure, "quotations": len(both), "agree": same,
                     "value": round(value, 3)})

    if len(people) >= 2:
        add(f"all {len(people)} coders", "Krippendorff's alpha", people, alpha(wide, people))
        add(f"all {len(people)} coders and the reference", "Krippendorff's alpha", people + [REFERENCE],
            alpha(wide, people + [REFERENCE]))
    for person in people:
        for other, label in ((REFERENCE, "the reference"), (AUTOMATIC, "the automatic labels")):
            add(f"{person} with {label}", "Cohen's kappa", [person, other], cohen_kappa(wide[person], wide[other]))
    add("automatic with reference (in-sample)", "Cohen's kappa", [AUTOMATIC, REFERENCE],
        cohen_kappa(wide[AUTOMATIC], wide[REFERENCE]))
    return pd.DataFrame(rows, columns=["comparison", "measure", "quotations", "agree", "value"])


def kappas(wide: pd.DataFrame, answers: dict[str, pd.DataFrame] | None = None) -> pd.DataFrame:
    """Return each coder's Cohen's kappa with the reference coding, then the automatic labels' (in-sample).

    One row per coder: ``quotations`` both coded (n), how many they ``agree`` on, ``kappa`` in
    [-1.0, 1.0] (NaN under two quotations), ``changed`` the quotations the coder changed their mind on
    after seeing the reference (counted in ``answers``; not in the kappa, which uses first answers), and
    ``automatic`` True on the last row, the automatic labels.

    >>> w = pd.DataFrame({"ana": ["FAVOR", "NONE", "AGAINST"], "automatic": ["FAVOR", "NONE", "NONE"],
    ...                   "reference": ["FAVOR", "NONE", "AGAINST"]})
    >>> kappas(w).values.tolist()
    [['ana', 3, 3, 1.0, 0, False], ['automatic', 3, 2, 0.5, 0, True]]
    """
    rows = []
    for person in [c for c in wide.columns if c != REFERENCE]:
        both = wide[[person, REFERENCE]].dropna()
        rows.append({"coder": person, "quotations": len(both), "agree": int((both[person] == both[REFERENCE]).sum()),
                     "kappa": round(cohen_kappa(both[person], both[REFERENCE]), 3),
                     "changed": changed(answers[person]) if answers and person in answers else 0,
                     "automatic": person == AUTOMATIC})
    frame = pd.DataFrame(rows, columns=["coder", "quotations", "agree", "kappa", "changed", "automatic"])
    return pd.concat([frame[~frame["automatic"]], frame[frame["automatic"]]], ignore_index=True)


def confusion(wide: pd.DataFrame, rows: str, columns: str) -> pd.DataFrame:
    """Return a count table: ``rows``' labels down, ``columns``' across, over the quotations both coded.

    >>> w = pd.DataFrame({"ana": ["FAVOR", "NONE", None], "ben": ["FAVOR", "AGAINST", "NONE"]})
    >>> confusion(w, "ana", "ben").values.tolist()
    [[1, 0, 0], [0, 0, 0], [0, 1, 0]]
    """
    both = wide[[rows, columns]].dropna()
    counts = pd.crosstab(pd.Categorical(both[rows], categories=STANCES), pd.Categorical(both[columns], categories=STANCES),
                         dropna=False)
    counts = counts.reindex(index=list(STANCES), columns=list(STANCES), fill_value=0)
    counts.index.name, counts.columns.name = rows, columns
    return counts


def disagreements(wide: pd.DataFrame, units_: pd.DataFrame, coders_: list[str] | None = None) -> pd.DataFrame:
    """Return the quotations the coders did not all label alike, with their words, place and every label.

    >>> w = pd.DataFrame({"ana": ["FAVOR", "NONE"], "ben": ["FAVOR", "AGAINST"], "automatic": ["NONE", "NONE"]},
    ...                  index=pd.Index(["q1", "q2"], name="unit"))
    >>> u = pd.DataFrame({"unit": ["q1", "q2"], "ref": ["a, line 1", "a, line 3"], "text": ['"x"', '"y"']})
    >>> disagreements(w, u, ["ana", "ben"]).values.tolist()
    [['q2', 'a, line 3', '"y"', 'NONE', 'AGAINST', 'NONE']]
    """
    coders_ = list(coders_ if coders_ is not None else [c for c in wide.columns if c not in (AUTOMATIC, REFERENCE)])
    labels = wide[coders_]
    split = labels.apply(lambda r: r.dropna().nunique() > 1, axis=1)
    out = units_.set_index("unit").loc[split[split].index, ["ref", "text"]].join(wide[split])
    return out.reset_index()


def mark(unit: dict | pd.Series) -> str:
    """Return the quotation's paragraph as HTML, the quotation highlighted.

    >>> mark({"paragraph": 'He said "no" twice.', "q_start": 8, "q_end": 12})
    '<p class="coding-paragraph">He said <mark>&quot;no&quot;</mark> twice.</p>'
    """
    p, s, e = unit["paragraph"], int(unit["q_start"]), int(unit["q_end"])
    return (f'<p class="coding-paragraph">{html.escape(p[:s])}<mark>{html.escape(p[s:e])}</mark>'
            f"{html.escape(p[e:])}</p>")


def codebook_html() -> str:
    """Return the codebook's stance definitions as an HTML list."""
    items = "".join(f"<li><b>{k}</b>: {html.escape(v)}</li>" for k, v in DEFINITIONS.items())
    return f"<ul>{items}</ul><p><i>{html.escape(CODEBOOK_NOTE)}</i></p>"


def _quotation_html(unit, position: int, total: int) -> str:
    context = unit.get("context", "") if hasattr(unit, "get") else ""
    before = (f"<p class='coding-context' style='color:#555;font-size:0.9em;margin:0 0 0.4em'>{html.escape(context)}</p>"
              if context else "")
    return (f"<div style='font-size:1.1em;line-height:1.45'><p style='color:#555;margin:0 0 0.4em'>Quotation "
            f"{position + 1} of {total} · {html.escape(unit['title'])} ({html.escape(unit['outlet'])}, "
            f"{html.escape(unit['date_label'])}) · {html.escape(unit['ref'])}</p>{before}{mark(unit)}</div>")


def _answer_html(unit, answers: pd.DataFrame, changing: bool = False) -> str:
    """Return the feedback shown once a quotation is answered: the coder's answer(s), the automatic label, the reference.

    ``changing``: the coder pressed "Change my answer", and is told how a change is kept.
    """
    ref = (f"<b>{unit['stance_reference']}</b>, speaker {html.escape(unit['speaker_reference'])}"
           if unit["stance_reference"] else "<i>not hand-coded (an article nobody has coded yet)</i>")
    cues = html.escape(unit["cues"]) if unit["cues"] else "no cue words"
    answers = answers.sort_values("attempt", kind="stable", key=pd.to_numeric)
    one = answers.iloc[0]
    lines = [f"<p>Your answer: <b>{one['stance']}</b>, speaker {html.escape(one['speaker'])}. "
             "<span style='color:#555'>(locked: this is the answer agreement counts)</span></p>"]
    if len(answers) > 1:
        last = answers.iloc[-1]
        lines.append(f"<p>Changed after seeing the reference: <b>{last['stance']}</b>, speaker "
                     f"{html.escape(last['speaker'])} <span style='color:#555'>(saved as a second answer, marked "
                     "as a change)</span>.</p>")
    lines += [f"<p>Automatic label: <b>{unit['stance_auto']}</b>, speaker {html.escape(unit['speaker_auto'])} "
              f"(cues: {cues}).</p>", f"<p>Reference coding: {ref}.</p>"]
    if changing:
        lines.append("<p><b>Changing your answer:</b> choose again and press <i>Save my changed answer</i>. Your "
                     "first answer stays in the file, and agreement keeps counting it.</p>")
    return ("<div class='coding-reveal' style='font-size:1em;line-height:1.4;border-left:4px solid #000;"
            "padding:2px 0 2px 8px;margin:4px 0'>" + "".join(lines).replace("<p>", "<p style='margin:0 0 0.3em'>") + "</div>")


#: What the feedback area says before an answer is saved.
PENDING = ("<div class='coding-pending' style='color:#555;border-left:4px solid #ccc;padding-left:8px;margin:4px 0'>"
           "Save your answer to see the automatic label and the reference coding here.</div>")

#: The widget's own stylesheet: the chosen speaker and stance filled black, bold, with a check mark, also when
#: locked; the name box scrolled to with room for the whole widget under it.
STYLE = """<style>
.sanctuary-coder .widget-toggle-button { font-size: 1.05em; }
.sanctuary-coder .widget-toggle-button.mod-active,
.sanctuary-coder .widget-toggle-button.mod-active:disabled {
  background: #000; color: #fff; font-weight: 700; opacity: 1; box-shadow: 0 0 0 2px #000;
}
.sanctuary-coder .widget-toggle-button.mod-active::before { content: "\\2713\\00a0"; }
.sanctuary-coder .widget-radio-box label { padding: 1px 6px; border-radius: 3px; }
.sanctuary-coder .widget-radio-box label:has(input:checked) { background: #000; color: #fff; font-weight: 700; opacity: 1; }
.sanctuary-coder .widget-radio-box label:has(input:checked)::after { content: "\\00a0\\2713"; }
.sanctuary-coder .coding-name input { scroll-margin: 24px 0 520px 0; }
.sanctuary-coder .coding-heading { font-weight: 700; margin-top: 2px; }
.sanctuary-coder .widget-html-content { line-height: 1.4; }
</style>"""


def static_html(table_: pd.DataFrame) -> str:
    """Return what an exported page shows in place of the coding widget: what it does, and one quotation."""
    first_ = table_.iloc[0]
    return (f"<div class='coding-static'><p><i>Static copy of the coding widget: in JupyterLab it shows {len(table_)} "
            "quotations one at a time, asks for speaker and stance, saves each answer to codings/&lt;name&gt;.csv and "
            "only then shows the automatic label and the reference coding, and locks the answer. Run the notebook to "
            f"code.</i></p>{_quotation_html(first_, 0, len(table_))}<p>Speaker candidates: "
            f"{html.escape(', '.join(first_['candidates'] + [OTHER]))}</p><p>Stance: FAVOR / AGAINST / NONE</p>"
            f"{codebook_html()}</div>")


def widget(table_: pd.DataFrame, name: str | None = None, folder: str | Path | None = None):
    """Return the coding widget (ipywidgets) for the quotations in ``table_`` (from :func:`units`).

    The coder types a name (any script) and starts; the widget resumes at the first quotation that name
    has not coded. Each quotation is shown in its paragraph, beside its speaker candidates and the stance
    buttons; the automatic label, its cues and the reference coding appear beside the buttons only after
    the answer is saved to ``codings/<file name>.csv``, and the answer is then locked: speaker, stance
    and Save are disabled for that quotation, also when it is shown again with Previous. "Change my
    answer" opens it once more and saves the new answer as a second one, marked as a change, beside
    the first, which agreement keeps using. ``.focus()`` puts the cursor in the name box (and the
    widget on screen). Where no kernel runs, :func:`static_html` is shown instead. The parts are in
    ``.parts`` (for tests).
    """
    import types

    import ipywidgets as widgets

    total = len(table_)
    state = {"name": None, "at": 0, "coded": pd.DataFrame(columns=COLUMNS), "changing": False}
    name_box = widgets.Text(value=name or "", placeholder="your name", description="Coder:",
                            layout=widgets.Layout(width="260px"))
    name_box.add_class("coding-name")
    start = widgets.Button(description="Start coding", button_style="primary")
    progress = widgets.IntProgress(min=0, max=total, value=0, description="coded:", layout=widgets.Layout(width="260px"))
    message = widgets.HTML()
    counter = widgets.HTML()
    quotation = widgets.HTML()
    codebook = widgets.Accordion([widgets.HTML(codebook_html())], selected_index=None)
    codebook.set_title(0, "Codebook: what FAVOR, AGAINST and NONE mean")
    speaker = widgets.RadioButtons(options=[OTHER], value=None, layout=widgets.Layout(width="auto"))
    stance = widgets.ToggleButtons(options=list(STANCES), value=None, tooltips=[DEFINITIONS[s] for s in STANCES],
                                   style={"button_width": "8.8em"})
    save_button = widgets.Button(description="Save my answer", button_style="success", disabled=True,
                                 layout=widgets.Layout(width="auto"))
    change = widgets.Button(description="Change my answer", tooltip="Saves a second answer, marked as a change; "
                            "agreement keeps your first", layout=widgets.Layout(width="auto", display="none"))
    reveal = widgets.HTML()
    back = widgets.Button(description="< Previous", layout=widgets.Layout(width="auto"))
    forward = widgets.Button(description="Next quotation >", layout=widgets.Layout(width="auto"))
    asks = [widgets.HTML("<div class='coding-heading'>Who is speaking?</div>"), speaker,
            widgets.HTML("<div class='coding-heading'>Which side does the quotation take?</div>"), stance]
    left = widgets.VBox([counter, quotation, codebook], layout=widgets.Layout(flex="1 1 340px", min_width="300px",
                                                                                margin="0 16px 0 0"))
    answer = widgets.VBox([*asks, widgets.HBox([save_button, change]), reveal])
    right = widgets.VBox([answer, widgets.HBox([back, forward])], layout=widgets.Layout(flex="1 1 340px",
                                                                                      min_width="300px"))
    work = widgets.HBox([left, right], layout=widgets.Layout(display="none", flex_flow="row wrap",
                                                             align_items="flex-start"))

    class _Coder(widgets.VBox):
        def _repr_mimebundle_(self, **kwargs):
            bundle = super()._repr_mimebundle_(**kwargs)
            data = bundle[0] if isinstance(bundle, tuple) else bundle
            data["text/html"] = static_html(table_)
            return bundle

        def focus(self):
            """Put the cursor in the name box, which brings the widget on screen (before coding has started)."""
            name_box.focus()

    def answers_of(unit_id) -> pd.DataFrame:
        return state["coded"][state["coded"]["unit"] == unit_id]

    def lock(locked: bool) -> None:
        speaker.disabled = stance.disabled = locked
        change.layout.display = None if locked or state["changing"] else "none"
        save_button.description = "Save my changed answer" if state["changing"] else "Save my answer"
        change.description = "Keep my first answer" if state["changing"] else "Change my answer"
        ready()

    def show(at: int | None) -> None:
        state["changing"] = False
        progress.value = len(set(state["coded"]["unit"]) & set(table_["unit"]))
        if at is None:
            counter.value = (f"<b>All {total} quotations coded, {html.escape(state['name'])}.</b> Your answers are in "
                             f"{html.escape(shown(path_for(state['name'], folder)))}; go on to the agreement section.")
            quotation.value, reveal.value = "", ""
            for w in (answer, forward, codebook):
                w.layout.display = "none"
            back.disabled = total == 0
            state["at"] = total
            return
        state["at"] = at
        for w in (answer, forward, codebook):
            w.layout.display = None
        unit = table_.iloc[at]
        counter.value = f"<b>{html.escape(state['name'])}</b>: {progress.value} of {total} coded"
        quotation.value = _quotation_html(unit, at, total)
        speaker.options = list(unit["candidates"]) + [OTHER]
        given = answers_of(unit["unit"])
        last = given.sort_values("attempt", kind="stable", key=pd.to_numeric).iloc[-1] if len(given) else None
        speaker.value = last["speaker"] if last is not None and last["speaker"] in speaker.options else None
        stance.value = last["stance"] if last is not None else None
        reveal.value = _answer_html(unit, given) if len(given) else PENDING
        back.disabled = at == 0
        forward.disabled = not len(given)
        lock(bool(len(given)))

    def ready(_change=None):
        save_button.disabled = speaker.disabled or speaker.value is None or stance.value is None

    def begin(_button=None):
        try:
            state["name"] = display_name(name_box.value)
            state["coded"] = load(state["name"], folder)
        except ValueError as err:
            message.value = f"<span style='color:#D55E00'>{html.escape(str(err))}</span>"
            return
        stored = [c for c in state["coded"]["coder"] if c]
        state["name"] = stored[0] if stored else state["name"]  # "zoë" resumes as the "Zoë" who started
        name_box.value = state["name"]
        message.value = (f"Each answer is saved at once to {html.escape(shown(path_for(state['name'], folder)))}; "
                         "coding resumes here after a restart.")
        name_box.disabled = start.disabled = True
        work.layout.display = None
        show(resume_at(table_, state["coded"]))

    def save(_button=None):
        unit = table_.iloc[state["at"]]
        try:
            state["coded"] = record(state["name"], unit, speaker.value, stance.value, folder, change=state["changing"])
        except (ValueError, OSError) as err:
            reveal.value = f"<span style='color:#D55E00'>Not saved: {html.escape(str(err))}</span>"
            return
        state["changing"] = False
        progress.value = len(set(state["coded"]["unit"]) & set(table_["unit"]))
        counter.value = f"<b>{html.escape(state['name'])}</b>: {progress.value} of {total} coded (saved)"
        reveal.value = _answer_html(unit, answers_of(unit["unit"]))
        forward.disabled = False
        lock(True)

    def change_mind(_button=None):
        if state["changing"]:  # "Keep my first answer": back to the locked answer
            show(state["at"])
            return
        state["changing"] = True
        unit = table_.iloc[state["at"]]
        reveal.value = _answer_html(unit, answers_of(unit["unit"]), changing=True)
        lock(False)

    def step(delta):
        def go(_button=None):
            target = state["at"] + delta
            show(resume_at(table_, state["coded"]) if target >= total else max(target, 0))
        return go

    speaker.observe(ready, names="value")
    stance.observe(ready, names="value")
    start.on_click(begin)
    save_button.on_click(save)
    change.on_click(change_mind)
    back.on_click(step(-1))
    forward.on_click(step(1))
    box = _Coder([widgets.HTML(STYLE), widgets.HBox([name_box, start, progress], layout=widgets.Layout(
        flex_flow="row wrap")), message, work])
    box.add_class("sanctuary-coder")
    box.parts = types.SimpleNamespace(
        name=name_box, start=start, progress=progress, message=message, counter=counter, quotation=quotation,
        codebook=codebook, speaker=speaker, stance=stance, save=save_button, change=change, reveal=reveal, back=back,
        forward=forward, work=work)
    if name:
        begin()
    return box
