"""Build large corpora for measuring speed: the articles replicated with new ids and dates.

A replicated corpus is a stand-in for a big one, nothing more: its texts
repeat, so nothing may be memoised by text (the pipeline is not). To keep the
measurement honest, :func:`replicate` can also build from the invented test
articles (``tests/data``), whose texts differ from the corpus's.

Corpora are written into a folder the caller names (a temporary folder in the
benchmark), never under ``corpus/``.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pandas as pd

from .corpus import DATE_FORMATS, ROOT, default_dir

#: The invented test articles: many texts, none of them in the corpus.
VARIED_SOURCES = (ROOT / "tests" / "data" / "invented", ROOT / "tests" / "data" / "heldout")


def _shifted(published: str, precision: str, copy: int) -> str:
    """Return ``published`` moved back by ``copy`` days (months for a month-precision date).

    >>> _shifted("2026-02", "month", 3), _shifted("2016-11-17T18:40", "minute", 2)
    ('2025-11', '2016-11-15T18:40')
    """
    fmt = DATE_FORMATS[precision]
    stamp = pd.to_datetime(published, format=fmt)
    if precision == "month":
        stamp = stamp - pd.DateOffset(months=copy % 120)
    else:
        stamp = stamp - pd.Timedelta(days=copy % 3650)
    return stamp.strftime(fmt)


def replicate(n_articles: int, outdir: str | Path, sources: tuple[str | Path, ...] | None = None) -> Path:
    """Return a corpus folder of ``n_articles`` articles made by copying the articles of ``sources``.

    The first copy of each article keeps its id, date and file name; every
    further copy gets a new id (``<id>-r<copy>``), a new file name and a date
    moved back by ``copy`` days (months for a month-precision date). The
    hand-coded ``annotations/`` and ``knowledge/`` of the first source are
    copied too, so the first copies stay hand-coded and the rest read as new
    articles. ``sources`` defaults to the corpus.

    >>> import tempfile
    >>> from helpers import corpus
    >>> with tempfile.TemporaryDirectory() as tmp:
    ...     arts = corpus.load(replicate(7, tmp))
    >>> len(arts), int(arts["article_id"].str.endswith("-r00001").sum())
    (7, 2)
    """
    sources = tuple(Path(s) for s in (sources or (default_dir(),)))
    outdir = Path(outdir)
    articles = outdir / "articles"
    articles.mkdir(parents=True, exist_ok=True)
    for name in ("annotations", "knowledge"):
        if (sources[0] / name).is_dir():
            shutil.copytree(sources[0] / name, outdir / name, dirs_exist_ok=True)
    originals = []
    for source in sources:
        for meta_path in sorted((source / "articles").glob("*.json")):
            meta = json.loads(meta_path.read_text(encoding="utf-8"))
            originals.append((meta, (source / "articles" / meta["source_file"]).read_text(encoding="utf-8")))
    for i in range(n_articles):
        copy, (meta, text) = divmod(i, len(originals))[0], originals[i % len(originals)]
        meta = dict(meta)
        if copy:
            meta["id"] = f"{meta['id']}-r{copy:05d}"
            meta["source_file"] = f"r{copy:05d}_{meta['source_file']}"
            meta["published"] = _shifted(meta["published"], meta["date_precision"], copy)
        stem = meta["source_file"][:-len(".txt")]
        (articles / meta["source_file"]).write_text(text, encoding="utf-8", newline="")
        (articles / f"{stem}.json").write_text(json.dumps(meta, ensure_ascii=False, indent=1), encoding="utf-8")
    return outdir


def long_article(n_chars: int, outdir: str | Path, source: str | Path | None = None) -> Path:
    """Return a corpus folder holding one article of about ``n_chars`` characters.

    The text is the source corpus's article bodies, one after another, repeated
    until it is long enough, each paragraph on its own line; for measuring
    how the cost of one article grows with its length.
    """
    source = Path(source or default_dir())
    outdir = Path(outdir)
    (outdir / "articles").mkdir(parents=True, exist_ok=True)
    texts = [p.read_text(encoding="utf-8") for p in sorted((source / "articles").glob("*.txt"))]
    first = json.loads(sorted((source / "articles").glob("*.json"))[0].read_text(encoding="utf-8"))
    parts, size = [], 0
    while size < n_chars:
        for text in texts:
            parts.append(text.strip("\n"))
            size += len(text) + 1
            if size >= n_chars:
                break
    meta = dict(first, id=f"long-{n_chars}", source_file=f"long_{n_chars}.txt")
    (outdir / "articles" / meta["source_file"]).write_text("\n".join(parts) + "\n", encoding="utf-8", newline="")
    (outdir / "articles" / f"long_{n_chars}.json").write_text(json.dumps(meta, ensure_ascii=False, indent=1), encoding="utf-8")
    return outdir
