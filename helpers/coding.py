"""Code quotations by hand, in class, and compare the coders with each other and with the labels we have.

Each student codes the same quotations (speaker and stance, with the codebook one click away) in a
coding widget; their answers go to a file of their own, ``codings/<name>.csv``, rewritten atomically
after every answer, so nothing is lost when the kernel restarts or the page reloads, and coding resumes
at the first quotation not yet coded. Then :func:`table` lines the coders up beside the automatic
labels and the reference coding, and :func:`pairwise`, :func:`alpha`, :func:`confusion` and
:func:`disagreements` measure and show where they agree.

``codings/`` is never under ``corpus/``; ``$SANCTUARY_CODINGS`` points the widget at another folder.
Files whose name starts with ``example-`` are invented examples, shown where no class has coded yet.
"""

from __future__ import annotations

import html
import os
import re
import tempfile
from datetime import datetime, timezone
from itertools import combinations
from pathlib import Path

import numpy as np
import pandas as pd

from .corpus import ROOT
from .vocabulary import STANCES

CODINGS_DIR = ROOT / "codings"
EXAMPLE = "example-"
COLUMNS = ["unit", "article_id", "start", "end", "speaker", "stance", "coded_at"]
#: The speaker choice for a quotation whose speaker is none of the candidates.
OTHER = "someone else"
AUTOMATIC, REFERENCE = "automatic", "reference"
NAME_PATTERN = re.compile(r"^[a-z0-9][a-z0-9-]{0,39}$")

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


def check_name(name: str) -> str:
    """Return a coder's name as a file name uses it (lowercase, hyphens), or raise ``ValueError`` saying why.

    >>> check_name("  Ana Lopez ")
    'ana-lopez'
    """
    clean = re.sub(r"[\s_]+", "-", str(name).strip().lower())
    if not NAME_PATTERN.match(clean):
        raise ValueError(f"coder name: expected 1-40 letters, digits, spaces or hyphens, starting with a letter or "
                         f"digit (e.g. 'ana'); found {name!r}")
    return clean


def path_for(name: str, folder: str | Path | None = None) -> Path:
    """Return the file that holds a coder's answers: ``<folder>/<name>.csv``."""
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


def load(name: str, folder: str | Path | None = None) -> pd.DataFrame:
    """Return a coder's answers so far (no file yet: no rows), one row per quotation coded.

    Raises ``ValueError`` naming the file and what was expected for a file that is not a coder file.
    """
    path = path_for(name, folder) if not str(name).endswith(".csv") else Path(name)
    if not path.is_file():
        return pd.DataFrame(columns=COLUMNS)
    try:
        frame = pd.read_csv(path, dtype=str, keep_default_na=False, encoding="utf-8")
    except (UnicodeDecodeError, pd.errors.ParserError) as err:
        raise ValueError(f"{path}: expected a coder file (UTF-8 CSV with columns {', '.join(COLUMNS)}); "
                         f"found {type(err).__name__}") from None
    missing = [c for c in COLUMNS if c not in frame.columns]
    if missing:
        raise ValueError(f"{path}, field '{missing[0]}': expected the columns {', '.join(COLUMNS)}; found "
                         f"{', '.join(frame.columns)}")
    wrong = frame[~frame["stance"].isin(STANCES)]
    if len(wrong):
        raise ValueError(f"{path}, row {wrong.index[0] + 2}, field 'stance': expected FAVOR, AGAINST or NONE; "
                         f"found {wrong['stance'].iloc[0]!r}")
    return frame[COLUMNS]


def save(frame: pd.DataFrame, path: str | Path) -> Path:
    """Write a coder's answers atomically: a temporary file in the same folder, then a rename over the old one."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, temp = tempfile.mkstemp(prefix=f".{path.stem}-", suffix=".csv", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as handle:
            frame[COLUMNS].to_csv(handle, index=False)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(temp, path)
    except BaseException:
        if os.path.exists(temp):
            os.unlink(temp)
        raise
    return path


def record(name: str, unit: dict | pd.Series, speaker: str, stance: str, folder: str | Path | None = None) -> pd.DataFrame:
    """Return a coder's answers after saving one more (a second answer to a quotation replaces the first)."""
    if stance not in STANCES:
        raise ValueError(f"stance: expected FAVOR, AGAINST or NONE; found {stance!r}")
    if not speaker:
        raise ValueError("speaker: expected a speaker (or 'someone else'); found nothing")
    path = path_for(name, folder)
    frame = load(name, folder)
    frame = frame[frame["unit"] != unit["unit"]]
    row = {"unit": unit["unit"], "article_id": unit["article_id"], "start": str(unit["start"]), "end": str(unit["end"]),
           "speaker": speaker, "stance": stance, "coded_at": datetime.now(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")}
    frame = pd.concat([frame, pd.DataFrame([row])], ignore_index=True)
    save(frame, path)
    return frame


def resume_at(table: pd.DataFrame, coded: pd.DataFrame) -> int | None:
    """Return the position of the first quotation not coded yet, or None when every one is.

    >>> resume_at(pd.DataFrame({"unit": ["a", "b", "c"]}), pd.DataFrame({"unit": ["a", "c"]}))
    1
    """
    done = set(coded["unit"])
    return next((i for i, unit in enumerate(table["unit"]) if unit not in done), None)


def coders(folder: str | Path | None = None, examples: bool = False) -> dict[str, pd.DataFrame]:
    """Return every coder's answers in ``folder``, by name: the class's files, or only the examples.

    With ``examples`` False, files named ``example-*.csv`` are left out; with True, only they count, and
    the default folder is the shipped ``codings/`` even where ``$SANCTUARY_CODINGS`` points elsewhere.
    """
    folder = Path(folder if folder is not None else (CODINGS_DIR if examples else codings_dir()))
    found = {}
    for path in sorted(folder.glob("*.csv")) if folder.is_dir() else []:
        if path.stem.startswith(EXAMPLE) == examples:
            found[path.stem] = load(path)
    return found


def table(units_: pd.DataFrame, answers: dict[str, pd.DataFrame], what: str = "stance") -> pd.DataFrame:
    """Return one row per quotation and one column per coder, then ``automatic`` and ``reference``.

    ``what`` is ``"stance"`` or ``"speaker"``; a quotation a coder has not coded, or an article nobody
    hand-coded, is empty (NaN).

    >>> u = pd.DataFrame({"unit": ["q1", "q2"], "stance_auto": ["FAVOR", "NONE"], "stance_reference": ["FAVOR", ""]})
    >>> table(u, {"ana": pd.DataFrame({"unit": ["q1"], "stance": ["AGAINST"]})}).fillna("-").values.tolist()
    [['AGAINST', 'FAVOR', 'FAVOR'], ['-', 'NONE', '-']]
    """
    wide = pd.DataFrame(index=pd.Index(units_["unit"], name="unit"))
    for name, frame in answers.items():
        wide[name] = frame.drop_duplicates("unit", keep="last").set_index("unit")[what].reindex(wide.index)
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
    before = (f"<p class='coding-context' style='color:#555;font-size:0.9em'>{html.escape(context)}</p>"
              if context else "")
    return (f"<div style='font-size:1.15em;line-height:1.5'><p style='color:#555'>Quotation {position + 1} of {total} · "
            f"{html.escape(unit['title'])} ({html.escape(unit['outlet'])}, {html.escape(unit['date_label'])}) · "
            f"{html.escape(unit['ref'])}</p>{before}{mark(unit)}</div>")


def _answer_html(unit, speaker: str, stance: str) -> str:
    ref = (f"<b>{unit['stance_reference']}</b>, speaker {html.escape(unit['speaker_reference'])}"
           if unit["stance_reference"] else "<i>not hand-coded (an article nobody has coded yet)</i>")
    cues = html.escape(unit["cues"]) if unit["cues"] else "no cue words"
    return (f"<div class='coding-reveal' style='font-size:1.1em;border-left:4px solid #0072B2;padding-left:8px'>"
            f"<p>Your answer: <b>{stance}</b>, speaker {html.escape(speaker)}.</p>"
            f"<p>Automatic label: <b>{unit['stance_auto']}</b>, speaker {html.escape(unit['speaker_auto'])} "
            f"(cues: {cues}).</p><p>Reference coding: {ref}.</p></div>")


def static_html(table_: pd.DataFrame) -> str:
    """Return what an exported page shows in place of the coding widget: what it does, and one quotation."""
    first = table_.iloc[0]
    return (f"<div class='coding-static'><p><i>Static copy of the coding widget: in JupyterLab it shows {len(table_)} "
            "quotations one at a time, asks for speaker and stance, saves each answer to codings/&lt;name&gt;.csv and "
            "only then shows the automatic label and the reference coding. Run the notebook to code.</i></p>"
            f"{_quotation_html(first, 0, len(table_))}<p>Speaker candidates: "
            f"{html.escape(', '.join(first['candidates'] + [OTHER]))}</p><p>Stance: FAVOR / AGAINST / NONE</p>"
            f"{codebook_html()}</div>")


def widget(table_: pd.DataFrame, name: str | None = None, folder: str | Path | None = None):
    """Return the coding widget (ipywidgets) for the quotations in ``table_`` (from :func:`units`).

    The coder types a name and starts; the widget resumes at the first quotation that name has not
    coded. Each quotation is shown in its paragraph with its speaker candidates; the automatic label,
    its cues and the reference coding appear only after the answer is saved to
    ``codings/<name>.csv``. Where no kernel runs, :func:`static_html` is shown instead.
    """
    import ipywidgets as widgets

    class _Coder(widgets.VBox):
        def _repr_mimebundle_(self, **kwargs):
            bundle = super()._repr_mimebundle_(**kwargs)
            data = bundle[0] if isinstance(bundle, tuple) else bundle
            data["text/html"] = static_html(table_)
            return bundle

    total = len(table_)
    state = {"name": None, "at": 0, "coded": pd.DataFrame(columns=COLUMNS)}
    name_box = widgets.Text(value=name or "", placeholder="your first name", description="Coder:")
    start = widgets.Button(description="Start coding", button_style="primary")
    message = widgets.HTML()
    progress = widgets.IntProgress(min=0, max=total, value=0, description="coded:")
    counter = widgets.HTML()
    quotation = widgets.HTML()
    speaker = widgets.RadioButtons(options=[OTHER], value=None, description="Speaker:",
                                   layout=widgets.Layout(width="auto"))
    stance = widgets.ToggleButtons(options=list(STANCES), value=None, description="Stance:",
                                   tooltips=[DEFINITIONS[s] for s in STANCES])
    codebook = widgets.Accordion([widgets.HTML(codebook_html())], selected_index=None)
    codebook.set_title(0, "Codebook: what FAVOR, AGAINST and NONE mean")
    save_button = widgets.Button(description="Save my answer", button_style="success", disabled=True)
    back = widgets.Button(description="< Previous")
    forward = widgets.Button(description="Next quotation >")
    reveal = widgets.HTML()
    work = widgets.VBox([counter, quotation, speaker, stance, codebook,
                         widgets.HBox([save_button, back, forward]), reveal],
                        layout=widgets.Layout(display="none"))

    def answer_of(unit_id):
        rows = state["coded"][state["coded"]["unit"] == unit_id]
        return rows.iloc[-1] if len(rows) else None

    def show(at: int) -> None:
        state["at"] = at
        progress.value = state["coded"]["unit"].isin(table_["unit"]).sum()
        if at is None:
            counter.value = (f"<b>All {total} quotations coded, {state['name']}.</b> Your answers are in "
                             f"{html.escape(shown(path_for(state['name'], folder)))}; go on to the agreement section.")
            quotation.value, reveal.value = "", ""
            for w in (speaker, stance, save_button, forward, codebook):
                w.layout.display = "none"
            back.disabled = total == 0
            state["at"] = total
            return
        for w in (speaker, stance, save_button, forward, codebook):
            w.layout.display = None
        unit = table_.iloc[at]
        counter.value = f"<b>{state['name']}</b>: {progress.value} of {total} coded"
        quotation.value = _quotation_html(unit, at, total)
        speaker.options = list(unit["candidates"]) + [OTHER]
        previous = answer_of(unit["unit"])
        speaker.value = previous["speaker"] if previous is not None and previous["speaker"] in speaker.options else None
        stance.value = previous["stance"] if previous is not None else None
        reveal.value = _answer_html(unit, previous["speaker"], previous["stance"]) if previous is not None else ""
        back.disabled = at == 0
        forward.disabled = previous is None
        ready()

    def ready(_change=None):
        save_button.disabled = speaker.value is None or stance.value is None

    def begin(_button=None):
        try:
            state["name"] = check_name(name_box.value)
            state["coded"] = load(state["name"], folder)
        except ValueError as err:
            message.value = f"<span style='color:#D55E00'>{html.escape(str(err))}</span>"
            return
        message.value = (f"Answers are saved to {html.escape(shown(path_for(state['name'], folder)))} after each "
                         "quotation; coding resumes here after a restart.")
        name_box.disabled = start.disabled = True
        work.layout.display = None
        show(resume_at(table_, state["coded"]))

    def save(_button=None):
        unit = table_.iloc[state["at"]]
        try:
            state["coded"] = record(state["name"], unit, speaker.value, stance.value, folder)
        except (ValueError, OSError) as err:
            reveal.value = f"<span style='color:#D55E00'>Not saved: {html.escape(str(err))}</span>"
            return
        progress.value = state["coded"]["unit"].isin(table_["unit"]).sum()
        counter.value = f"<b>{state['name']}</b>: {progress.value} of {total} coded (saved)"
        reveal.value = _answer_html(unit, speaker.value, stance.value)
        forward.disabled = False

    def step(delta):
        def go(_button=None):
            target = state["at"] + delta
            if target >= total:
                show(resume_at(table_, state["coded"]))
            else:
                show(max(target, 0))
        return go

    speaker.observe(ready, names="value")
    stance.observe(ready, names="value")
    start.on_click(begin)
    save_button.on_click(save)
    back.on_click(step(-1))
    forward.on_click(step(1))
    box = _Coder([widgets.HBox([name_box, start]), message, progress, work])
    box.add_class("sanctuary-coder")
    if name:
        begin()
    return box
