"""Benchmark: load + annotate time, each notebook's execution time, the test-suite time.

Run with ``make benchmark``. Speed is measured here, not asserted in tests.
"""

from __future__ import annotations

import statistics
import subprocess
import sys
import time

from .corpus import ROOT
from .export import tables
from .notebooks import notebook_paths, run


def _annotate_once() -> tuple[int, int]:
    found = tables()
    return len(found["sentences.csv"]), len(found["quotes.csv"])


def main(repeats: int = 5) -> None:
    started = time.perf_counter()
    n, q = _annotate_once()
    first = time.perf_counter() - started
    times = []
    for _ in range(repeats):
        started = time.perf_counter()
        _annotate_once()
        times.append(time.perf_counter() - started)
    print(f"load + annotate ({n} sentences with TextBlob + VADER, {q} quotations with speaker and stance): first run {first:.2f} s, "
          f"then median {statistics.median(times):.2f} s over {repeats} runs")
    _agreement()
    for path in notebook_paths():
        _, seconds = run(path)
        print(f"notebook {path.name}: executed in {seconds:.1f} s (kernel start not included)")
    started = time.perf_counter()
    result = subprocess.run([sys.executable, "-m", "pytest", "-q"], cwd=ROOT, capture_output=True, text=True)
    seconds = time.perf_counter() - started
    last = (result.stdout.strip().splitlines() or ["(no output)"])[-1]
    print(f"test suite: {seconds:.1f} s ({last})")


def _agreement() -> None:
    """Print agreement with the hand coding, and on the invented articles of the tests."""
    from . import annotate, corpus, evaluate, knowledge, quotes

    articles = corpus.load()
    kb = knowledge.load(articles=articles)
    auto = quotes.find(articles, annotate.sentences(articles), kb)
    sets = {"corpus": evaluate.summary(auto, quotes.reference(articles, kb))}
    data = ROOT / "tests" / "data"
    for name in ("invented", "heldout"):
        if (data / name).is_dir():
            sets[name] = evaluate.named_set(data / name, data / f"{name}_expected.csv")
    for name, table in sets.items():
        figures = "; ".join(f"{r.measure} {r.value:.3f} ({r.counts})" for r in table.itertuples())
        print(f"agreement, {name}: {figures}")
