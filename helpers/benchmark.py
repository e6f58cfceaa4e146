"""Benchmark: load + annotate time, each notebook's execution time, the test-suite time.

Run with ``make benchmark``; ``make benchmark-scale`` (:func:`scale`) times the
pipeline on large corpora. Speed is measured here, not asserted in tests.
"""

from __future__ import annotations

import statistics
import subprocess
import sys
import time
from contextlib import contextmanager
from pathlib import Path

from .corpus import ROOT
from .export import tables
from .pipeline import build
from .notebooks import notebook_paths, run


def _annotate_once() -> tuple[int, int]:
    found = tables(pipe=build(cache=False))
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
    from . import evaluate

    p = build()
    sets = {"corpus": evaluate.summary(p.quotations, p.hand)}
    data = ROOT / "tests" / "data"
    for name in ("invented", "heldout"):
        if (data / name).is_dir():
            sets[name] = evaluate.named_set(data / name, data / f"{name}_expected.csv")
    for name, table in sets.items():
        figures = "; ".join(f"{r.measure} {r.value:.3f} ({r.counts})" for r in table.itertuples())
        print(f"agreement, {name}: {figures}")


# --- scale -----------------------------------------------------------------------------------

#: Corpus sizes of ``make benchmark-scale``; 1,000 is there to check that cost grows linearly.
SCALE_SIZES = (500, 1000, 5000, 10000)
#: Serial runs (one core) are timed up to this size; above it they take too long on a shared machine.
SERIAL_UP_TO = 1000
#: The TextBlob floor is timed on this many articles and given per article.
FLOOR_SAMPLE = 500


class _PeakMemory:
    """Samples the resident memory and CPU time of this process and all its children (the worker pool) until stopped.

    ``cpu`` is the CPU seconds they used, which a machine shared with other
    work does not inflate the way it inflates wall-clock time.
    """

    def __init__(self, every: float = 0.2):
        import threading

        self.peak, self.every, self._stop = 0, every, threading.Event()
        self._cpu: dict[int, float] = {}
        self._thread = threading.Thread(target=self._run, daemon=True)

    def _run(self) -> None:
        import psutil

        me = psutil.Process()
        while not self._stop.is_set():
            total = 0
            for proc in me.children(recursive=True):
                try:
                    total += proc.memory_info().rss
                    times = proc.cpu_times()
                    self._cpu[proc.pid] = times.user + times.system
                except psutil.Error:
                    pass
            total += me.memory_info().rss
            self.peak = max(self.peak, total)
            self._stop.wait(self.every)

    def __enter__(self):
        self._start = time.process_time()
        self._thread.start()
        return self

    def __exit__(self, *exc):
        self._stop.set()
        self._thread.join()
        self.cpu = time.process_time() - self._start + sum(self._cpu.values())


@contextmanager
def _scratch(prefix: str, cache: bool = True):
    """Yield a temporary folder, removed afterwards; with ``cache``, the pipeline's cache goes into it meanwhile."""
    import os
    import shutil
    import tempfile

    tmp = Path(tempfile.mkdtemp(prefix=prefix))
    saved = os.environ.get("SANCTUARY_CACHE")
    if cache:
        os.environ["SANCTUARY_CACHE"] = str(tmp / "cache")
    try:
        yield tmp
    finally:
        if saved is None:
            os.environ.pop("SANCTUARY_CACHE", None)
        else:
            os.environ["SANCTUARY_CACHE"] = saved
        shutil.rmtree(tmp, ignore_errors=True)


def measure(n: int, kind: str = "replicated", serial: bool = True) -> dict:
    """Return the figures of one corpus of ``n`` articles: cold, warm and serial time, stages, peak memory, floor.

    ``kind`` is ``replicated`` (the corpus's five articles with new ids and
    dates) or ``varied`` (the invented test articles, many different texts).
    The corpus and its cache live in a temporary folder removed afterwards.
    """
    from textblob import TextBlob

    from . import scale as _scale

    with _scratch("sanctuary-scale-") as tmp:
        folder = _scale.replicate(n, tmp / "corpus", _scale.VARIED_SOURCES if kind == "varied" else None)
        chars = sum(p.stat().st_size for p in (folder / "articles").glob("*.txt"))
        with _PeakMemory() as memory:
            started = time.perf_counter()
            cold = build(folder, progress=False)
            cold_s = time.perf_counter() - started
        started = time.perf_counter()
        warm = build(folder, progress=False)
        warm_s = time.perf_counter() - started
        assert warm.from_cache
        reopened = _reopen(folder)
        serial_s = serial_cpu = None
        if serial:
            started, cpu = time.perf_counter(), time.process_time()
            build(folder, cache=False, engine="serial", progress=False)
            serial_s, serial_cpu = time.perf_counter() - started, time.process_time() - cpu
        sample = cold.articles["text"].head(FLOOR_SAMPLE).tolist()
        TextBlob("Load the lexicon first.").sentiment
        started = time.process_time()
        for text in sample:
            for sentence in TextBlob(text).sentences:
                sentence.sentiment
        floor_per_article = (time.process_time() - started) / len(sample)
        return {
            "articles": n, "kind": kind, "MB of text": round(chars / 1e6, 1), "sentences": len(cold.sentences),
            "quotations": len(cold.quotations), "cold s": round(cold_s, 1), "warm s": round(warm_s, 2),
            "reopened s": [round(x, 2) for x in reopened],
            "articles/s": round(n / cold_s, 1), "cold CPU s": round(memory.cpu, 1),
            "serial s": None if serial_s is None else round(serial_s, 1),
            "serial CPU s": None if serial_cpu is None else round(serial_cpu, 1),
            "floor CPU s": round(floor_per_article * n, 1), "peak MB": round(memory.peak / 1e6),
            "workers": _cores(), "stages": {k: round(v, 2) for k, v in cold.timings.items()},
        }


def _reopen(folder: Path, times: int = 3) -> list[float]:
    """Return the seconds ``build(folder)`` takes from the cache in each of ``times`` new processes, as in a new kernel."""
    import json

    code = ("import json, time; from helpers.pipeline import build; started = time.perf_counter(); "
            f"p = build({str(folder)!r}, progress=False); print(json.dumps([p.from_cache, time.perf_counter() - started]))")
    seconds = []
    for _ in range(times):
        done = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True)
        from_cache, took = json.loads(done.stdout.strip().splitlines()[-1])
        assert from_cache
        seconds.append(took)
    return seconds


def _cores() -> int:
    from .engines import cores

    return cores()


def measure_long(n_chars: int = 5_000_000, parts: int = 5) -> dict:
    """Return the serial CPU time of one article of ``n_chars`` characters and of ``parts`` articles of ``n_chars / parts``."""
    from . import scale as _scale

    with _scratch("sanctuary-long-", cache=False) as tmp:
        one = _scale.long_article(n_chars, tmp / "one")
        many = tmp / "many"
        for i in range(parts):
            piece = _scale.long_article(n_chars // parts, tmp / f"part{i}")
            (many / "articles").mkdir(parents=True, exist_ok=True)
            for path in (piece / "articles").iterdir():
                name = path.name.replace("long_", f"long{i}_")
                text = path.read_text(encoding="utf-8")
                if path.suffix == ".json":
                    text = text.replace(f"long-{n_chars // parts}", f"long{i}-{n_chars // parts}").replace("long_", f"long{i}_")
                (many / "articles" / name).write_text(text, encoding="utf-8")
        figures = {}
        for name, folder in ((f"1 article of {n_chars / 1e6:g} MB", one), (f"{parts} articles of {n_chars / parts / 1e6:g} MB", many)):
            started = time.process_time()
            build(folder, cache=False, engine="serial", progress=False)
            figures[name + ", CPU s"] = round(time.process_time() - started, 1)
        return figures


def profile(n: int = 200, top: int = 15, kind: str = "replicated") -> list[str]:
    """Return the ``top`` lines of a profile (by own time) of one serial build of ``n`` articles, without the cache.

    One worker's share of a parallel run is this same work, so this shows
    where the time of every engine goes.
    """
    import cProfile
    import io
    import pstats

    from . import scale as _scale

    with _scratch("sanctuary-profile-", cache=False) as tmp:
        folder = _scale.replicate(n, tmp / "corpus", _scale.VARIED_SOURCES if kind == "varied" else None)
        build(folder, cache=False, engine="serial", progress=False)  # load the models first
        profiler = cProfile.Profile()
        profiler.enable()
        build(folder, cache=False, engine="serial", progress=False)
        profiler.disable()
        out = io.StringIO()
        stats = pstats.Stats(profiler, stream=out)
        stats.sort_stats("tottime").print_stats(top)
        lines = [line for line in out.getvalue().splitlines() if line.strip()]
        start = next(i for i, line in enumerate(lines) if line.lstrip().startswith("ncalls"))
        return [lines[0].strip()] + [line.replace(str(ROOT) + "/", "").replace(sys.prefix + "/", "")
                                     for line in lines[start:start + top + 1]]


def scale(sizes=None, kinds=("replicated", "varied"), long: bool = False, long_chars: int = 5_000_000) -> list[dict]:
    """Print and return the scale benchmark: each corpus size and kind measured in a fresh process.

    Columns: cold time with all cores, warm (cached) time in the same process
    and in three new ones (as a notebook opened again in a new kernel), articles per
    second, serial time (up to :data:`SERIAL_UP_TO` articles), the plain
    TextBlob ``.sentences`` + ``.sentiment`` loop over the same texts (the
    floor), and the peak memory of all processes; then each stage's time.
    """
    import json

    rows = []
    for kind in kinds:
        for n in sizes or SCALE_SIZES:
            code = (f"import json; from helpers.benchmark import measure; "
                    f"print(json.dumps(measure({n}, {kind!r}, serial={n <= SERIAL_UP_TO})))")
            done = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True)
            if done.returncode:
                print(f"{kind} {n}: failed\n{done.stderr[-2000:]}")
                continue
            row = json.loads(done.stdout.strip().splitlines()[-1])
            rows.append(row)
            print(f"{kind:>10} {n:>6} articles ({row['MB of text']} MB): cold {row['cold s']} s with {row['workers']} cores "
                  f"({row['articles/s']} articles/s, {row['cold CPU s']} s of CPU), warm {row['warm s']} s "
                  f"(in a new process: {', '.join(map(str, row['reopened s']))} s), "
                  f"serial {row['serial s'] or '-'} s ({row['serial CPU s'] or '-'} s of CPU), "
                  f"TextBlob floor {row['floor CPU s']} s of CPU, peak {row['peak MB']} MB", flush=True)
            print("           stages: " + "; ".join(f"{k} {v} s" for k, v in row["stages"].items()), flush=True)
    by = {(r["kind"], r["articles"]): r for r in rows}
    for kind in kinds:
        if (kind, 1000) in by and (kind, 10000) in by:
            ratio = by[(kind, 10000)]["cold s"] / by[(kind, 1000)]["cold s"]
            print(f"{kind}: 10,000 articles took {ratio:.1f} times as long as 1,000 (linear: 10)")
    if long:
        print("one long article against several shorter ones (serial): " + json.dumps(measure_long(long_chars)))
        print("where the time goes: profile of a serial build of 200 replicated articles (own time, top 15)")
        print("\n".join(profile()))
    return rows


def notebooks_at(n: int = 5000, corpus: str | Path | None = None, timeout: int = 600, paths=None,
                 outdir: str | Path | None = None) -> list[dict]:
    """Return each notebook's execution time and saved size against a corpus of ``n`` replicated articles.

    The articles are replicated into a temporary folder (or ``corpus`` is
    used as it is), the pipeline's tables are built and cached once (a
    temporary cache unless ``corpus`` is given), then each notebook is
    executed against that corpus, written into the temporary folder (or
    ``outdir``; never into ``notebooks/``) and measured. A notebook that takes longer than
    ``timeout`` seconds in one cell is reported as not finished.
    """
    import os

    import nbformat
    from nbclient.exceptions import CellTimeoutError, CellExecutionError

    from . import scale as _scale

    results = []
    with _scratch("sanctuary-notebooks-", cache=corpus is None) as tmp:
        env = {"SANCTUARY_CACHE": os.environ["SANCTUARY_CACHE"]} if corpus is None else {}
        folder = Path(corpus) if corpus else _scale.replicate(n, tmp / "corpus")
        env["SANCTUARY_CORPUS"] = str(folder)
        started = time.perf_counter()
        p = build(folder)
        print(f"{len(p.articles):,} articles, {len(p.quotations):,} quotations: tables "
              f"{'read from the cache' if p.from_cache else 'built'} in {time.perf_counter() - started:.1f} s", flush=True)
        for path in [Path(x) for x in paths] if paths else notebook_paths():
            row = {"notebook": path.name, "seconds": None, "MB": None, "error": ""}
            started = time.perf_counter()
            try:
                nb, row["seconds"] = run(path, timeout=timeout, env=env)
                out = Path(outdir or tmp) / path.name
                out.parent.mkdir(parents=True, exist_ok=True)
                nbformat.write(nb, out)
                row["MB"] = out.stat().st_size / 1e6
            except CellTimeoutError:
                row["error"] = f"a cell did not finish in {timeout} s"
            except CellExecutionError as err:
                row["error"] = str(err).strip().splitlines()[-1][:200]
            done = (f"{row['seconds']:.1f} s, {row['MB']:.2f} MB saved" if row["MB"] is not None
                    else f"{row['error']} (after {time.perf_counter() - started:.0f} s)")
            print(f"notebook {path.name} at {len(p.articles):,} articles: {done}", flush=True)
            results.append(row)
        return results
