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


def _annotate_once() -> int:
    return len(tables()["sentences.csv"])


def main(repeats: int = 5) -> None:
    started = time.perf_counter()
    n = _annotate_once()
    first = time.perf_counter() - started
    times = []
    for _ in range(repeats):
        started = time.perf_counter()
        _annotate_once()
        times.append(time.perf_counter() - started)
    print(f"load + annotate ({n} sentences, TextBlob + VADER): first run {first:.2f} s, "
          f"then median {statistics.median(times):.2f} s over {repeats} runs")
    for path in notebook_paths():
        _, seconds = run(path)
        print(f"notebook {path.name}: executed in {seconds:.1f} s (kernel start not included)")
    started = time.perf_counter()
    result = subprocess.run([sys.executable, "-m", "pytest", "-q"], cwd=ROOT, capture_output=True, text=True)
    seconds = time.perf_counter() - started
    last = (result.stdout.strip().splitlines() or ["(no output)"])[-1]
    print(f"test suite: {seconds:.1f} s ({last})")
