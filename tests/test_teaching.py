"""The teacher's kit: every answer figure runs on the corpus, every exercise has an answer, no figure is typed."""

import json
import re
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest

from teaching.answers import figures

ROOT = Path(__file__).resolve().parent.parent
NOTEBOOKS = sorted((ROOT / "notebooks").glob("0[0-5]_*.ipynb"))
ANSWERS = ROOT / "teaching" / "answers" / "README.md"
EXERCISES = ROOT / "teaching" / "exercises.md"
TEACHING = ROOT / "TEACHING.md"


def your_turn(path: Path) -> list[int]:
    """Return the numbers of the exercises in a notebook's "## Your turn" cell (numbered items "1.", "2." ...)."""
    cells = json.loads(path.read_text(encoding="utf-8"))["cells"]
    found = [("".join(c["source"])) for c in cells
             if c["cell_type"] == "markdown" and "".join(c["source"]).lstrip().startswith("## Your turn")]
    assert len(found) == 1, f"{path.name}: expected one '## Your turn' cell, found {len(found)}"
    return [int(n) for n in re.findall(r"^(\d+)\.\s", found[0], flags=re.M)]


def prose(text: str) -> str:
    """Return the lines of a Markdown page a reader takes as the page's own words.

    Left out: fenced code blocks, quoted lines (the exercises as the notebooks state them), headings,
    and inline code spans.
    """
    kept, fenced = [], False
    for line in text.splitlines():
        if line.startswith("```"):
            fenced = not fenced
            continue
        if fenced or line.lstrip().startswith((">", "#")):
            continue
        kept.append(re.sub(r"`[^`]*`", "", line))
    return "\n".join(kept)


@pytest.fixture(scope="module")
def built():
    from helpers import pipeline
    return pipeline.build()


@pytest.mark.parametrize("name", sorted(figures.FUNCTIONS))
def test_every_figure_runs_and_is_not_empty(name, built):
    result = figures.FUNCTIONS[name](built)
    assert isinstance(result, (pd.DataFrame, str)), f"figures.{name}() returned {type(result).__name__}"
    assert len(result) > 0, f"figures.{name}() returned nothing on the corpus"
    if isinstance(result, pd.DataFrame):
        assert result.notna().any().any()


def test_figures_are_registered_for_every_notebook():
    assert {nb for nb, _, _ in figures.ANSWERS} == {"00", "01", "02", "03", "04", "05"}
    assert all(callable(f) and f.__doc__ for f in figures.FUNCTIONS.values())


def test_known_answers_on_the_shipped_corpus(built):
    """A few answers the teacher's edition describes in words, checked against the figures."""
    reps = figures.republicans_by_stance(built).set_index("speaker")["speaker stance"]
    assert reps["Kent Guinn"] == "MIXED" and reps["Jim Brainard"] == "AGAINST" and reps["Carlos Gimenez"] == "FAVOR"
    assert "Miami-Dade County" in set(figures.map_changes(built).query("change.str.startswith('colour')")["jurisdiction"])
    assert "flies in the face" in figures.most_positive_quotation(built)["text"].iloc[0]
    assert figures.keyword_counts(built).iloc[0]["article_id"] == "kr-2026-02"
    assert "federal" in set(figures.words_past_threshold(built)["word"])
    assert not figures.lexicon_trials(built)["right"].all()


def test_every_exercise_has_an_answer_heading():
    text = ANSWERS.read_text(encoding="utf-8")
    headings = set(re.findall(r"^### (\d\d\.\d+)\b", text, flags=re.M))
    expected = {f"{nb.name[:2]}.{n}" for nb in NOTEBOOKS for n in your_turn(nb)}
    assert len(NOTEBOOKS) == 6 and expected
    assert not expected - headings, f"exercises without an answer: {sorted(expected - headings)}"
    assert not headings - expected, f"answers to no exercise: {sorted(headings - expected)}"


def test_every_exercise_is_reworded_with_the_same_numbers():
    text = EXERCISES.read_text(encoding="utf-8")
    headings = set(re.findall(r"^### (\d\d\.\d+)\b", text, flags=re.M))
    expected = {f"{nb.name[:2]}.{n}" for nb in NOTEBOOKS for n in your_turn(nb)}
    assert headings == expected
    # each exercise is followed by one optional code variant line, never by code alone
    assert text.count("Code variant:") >= len(expected) - 2


def test_answer_figures_are_computed_not_typed():
    text = ANSWERS.read_text(encoding="utf-8")
    # "**The figure:** computed by `figures.x()` ..." (or "**The figures:** computed by `figures.x()` ... and `figures.y()`")
    paragraphs = [p for p in re.split(r"\n\s*\n", text) if p.startswith("**The figure")]
    assert all("computed by `figures." in p for p in paragraphs), "a figure paragraph that names no function"
    named = {name for p in paragraphs for name in re.findall(r"`figures\.(\w+)\(\)`", p)}
    assert named, "the answers name no figure"
    assert not named - set(figures.FUNCTIONS), f"unknown figures: {sorted(named - set(figures.FUNCTIONS))}"
    assert not set(figures.FUNCTIONS) - named, f"figures no answer names: {sorted(set(figures.FUNCTIONS) - named)}"
    words = prose(text)
    typed = (re.findall(r"\b\d+ of \d+\b", words) + re.findall(r"\b(?!0[0-5]\.\d\b)\d+\.\d+\b", words)   # "01.1" names an exercise
             + re.findall(r"\b\d+(?:\.\d+)? ?%", words))
    assert not typed, f"typed figures in the answers (name the function that computes them): {typed}"


def test_main_prints_every_figure():
    out = subprocess.run([sys.executable, "-m", "teaching.answers.figures"], cwd=ROOT, capture_output=True,
                         text=True, timeout=600)
    assert out.returncode == 0, out.stderr
    for name in figures.FUNCTIONS:
        assert f"figures.{name}()" in out.stdout


def test_lesson_plans_add_up_to_fifty_minutes():
    text = TEACHING.read_text(encoding="utf-8")
    plans = re.split(r"^## ", text, flags=re.M)
    totals = {}
    for plan in plans:
        title = plan.splitlines()[0] if plan else ""
        match = re.match(r"Lesson (\d\d)", title)
        if not match:
            continue
        minutes = [int(m) for m in re.findall(r"^\|\s*\d+\s*\|[^|\n]*\|\s*(\d+)\s*\|", plan, flags=re.M)]
        totals[match.group(1)] = (minutes, sum(minutes))
    assert set(totals) >= {"00", "01", "02", "05"}, f"lesson plans found: {sorted(totals)}"
    for notebook, (minutes, total) in totals.items():
        assert total == 50, f"lesson {notebook}: parts of {minutes} minutes add up to {total}, not 50"


def test_deck_slides_named_in_the_lesson_plans_exist():
    text = TEACHING.read_text(encoding="utf-8")
    headings = {line[3:].strip() for deck in (ROOT / "notebooks" / "decks").glob("*.md")
                for line in deck.read_text(encoding="utf-8").splitlines() if line.startswith("## ")}
    named = {" ".join(n.split()) for n in re.findall(r"\*“([^”]+)”\*", text)}   # slides are named as *“Heading”*
    assert named, "the lesson plans name no slide"
    assert not named - headings, f"slides named in TEACHING.md that no deck script has: {sorted(named - headings)}"


def test_teaching_pages_link_each_other():
    teaching = TEACHING.read_text(encoding="utf-8")
    for target in ("GLOSSARY.md", "PRIMER.md", "teaching/answers/README.md", "teaching/exercises.md"):
        assert f"({target}" in teaching, f"TEACHING.md does not link {target}"
        assert (ROOT / target).is_file()
