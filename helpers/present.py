"""Present and share without internet: an HTML site, reveal.js slide decks, handout images.

* :func:`site` exports every notebook to an HTML page, with an index page made
  from the README's notebook table; plotly.js is copied once into
  ``assets/`` and every page loads it from there.
* :func:`slides` writes a reveal.js deck per notebook, made for a projector
  from the notebook's deck script (:mod:`helpers.decks`), with reveal.js copied
  from ``node_modules/`` (installed from the npm registry by ``make setup``).
* :func:`handouts` writes the key charts as PNG files with kaleido, which
  drives the system's Chromium.

Pages are built from the *stored* notebooks, which CI keeps current: each
plotly output becomes a ``<div>`` drawn by the shared plotly.js, with its
data, layout and config (the map's outline included, as a data URL); each
widget output falls back to the static HTML copy stored beside it. Nothing on
a page asks for a file that is not beside it, so it works from ``file://``.
"""

from __future__ import annotations

import copy
import html
import json
import re
import shutil
from pathlib import Path

import nbformat

from . import a11y
from .corpus import ROOT
from .notebooks import notebook_paths

PLOTLY_MIME = "application/vnd.plotly.v1+json"
WIDGET_MIME = "application/vnd.jupyter.widget-view+json"
TEMPLATES = Path(__file__).resolve().parent / "templates"
REVEAL_DIR = ROOT / "node_modules" / "reveal.js"
ARTICLES_DIR = ROOT / "corpus" / "articles"


def plotly_js() -> Path:
    """Return the plotly.min.js that ships with the installed plotly package (the version its figures expect)."""
    import plotly

    path = Path(plotly.__file__).resolve().parent / "package_data" / "plotly.min.js"
    if not path.is_file():
        raise FileNotFoundError(f"{path} is missing; reinstall plotly (make clean && make setup)")
    return path


def _script_json(value) -> str:
    """Return JSON that is safe inside a ``<script>`` element."""
    return json.dumps(value, separators=(",", ":"), ensure_ascii=False).replace("</", "<\\/")


def static_outputs(nb, prefix: str = "chart"):
    """Return a copy of ``nb`` whose plotly outputs are HTML drawn by plotly.js and whose widgets are their static copy.

    Chart ids are ``{prefix}-{cell}-{output}``, the same every time, so the
    pages are reproducible.

    >>> nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell("fig")])
    >>> nb.cells[0].outputs = [nbformat.v4.new_output("display_data", data={PLOTLY_MIME: {"data": [], "layout": {"height": 300}}})]
    >>> html = static_outputs(nb).cells[0].outputs[0].data["text/html"]
    >>> html.startswith('<div id="chart-0-0" class="plotly-graph-div" style="height:300px; width:100%;" role="figure" '
    ...                 'aria-label="Chart: untitled. Chart."></div>')
    True
    >>> "<details><summary>The chart as a table</summary><table>" in html
    True
    """
    nb = copy.deepcopy(nb)
    for i, cell in enumerate(nb.cells):
        for k, output in enumerate(cell.get("outputs", [])):
            data = output.get("data", {})
            if WIDGET_MIME in data and "text/html" in data:
                del data[WIDGET_MIME]
            if PLOTLY_MIME in data:
                spec = data.pop(PLOTLY_MIME)
                div = f"{prefix}-{i}-{k}"
                height = spec.get("layout", {}).get("height") or 450
                config = {"responsive": True, "displaylogo": False, **spec.get("config", {})}
                alt = html.escape(a11y.chart_text(spec), quote=True)
                data["text/html"] = (
                    f'<div id="{div}" class="plotly-graph-div" style="height:{height}px; width:100%;" role="figure" '
                    f'aria-label="{alt}"></div>'
                    f'<script>Plotly.newPlot("{div}", {_script_json(spec.get("data", []))}, '
                    f'{_script_json(spec.get("layout", {}))}, {_script_json(config)});</script>'
                    f'<details><summary>The chart as a table</summary>{a11y.data_table(spec)}</details>'
                )
                data.pop("text/plain", None)
    return nb


def _local_links(html: str) -> str:
    """Return ``html`` with links to notebooks (and to a heading in one) pointing at their exported pages.

    >>> _local_links('<a href="01_stance.ipynb">next</a> <a href="00_start_here.ipynb#Contents">Contents</a>')
    '<a href="01_stance.html">next</a> <a href="00_start_here.html#Contents">Contents</a>'
    """
    return re.sub(r'href="(\d\d_[\w-]+)\.ipynb(#[^"]*)?"', lambda m: f'href="{m.group(1)}.html{m.group(2) or ""}"', html)


def _exporter(kind: str):
    from nbconvert import HTMLExporter

    return HTMLExporter(template_name="offline_page", extra_template_basedirs=[str(TEMPLATES)])


def _article_links(html: str) -> str:
    """Return ``html`` with links into the corpus's articles pointing at the HTML copies beside the pages, opening
    in a new tab, at the line a quotation's "line N" link names.

    >>> _article_links("<a href='../corpus/articles/001_abc.txt' title='t'>line 3</a>")
    "<a href='articles/001_abc.html#L3' target='_blank' rel='noopener' title='t'>line 3</a>"
    >>> print(_article_links('<a href="../corpus/articles/001_abc.txt">the article</a>'))
    <a href="articles/001_abc.html" target='_blank' rel='noopener'>the article</a>
    """
    html = re.sub(r"""href=(['"])(?:\.\./)+corpus/articles/([\w-]+)\.txt\1([^>]*)>line (\d+)</a>""",
                  r"href=\1articles/\2.html#L\4\1 target='_blank' rel='noopener'\3>line \4</a>", html)
    return re.sub(r"""href=(['"])(?:\.\./)+corpus/articles/([\w-]+)\.txt\1""",
                  r"href=\1articles/\2.html\1 target='_blank' rel='noopener'", html)


def article_page(path: Path) -> str:
    """Return an article text as an HTML page with one anchor per line (``#L10``), the line a link names marked.

    >>> import tempfile, pathlib
    >>> f = pathlib.Path(tempfile.mkdtemp()) / "001_a.txt"; _ = f.write_text("Title\\n\\n<b>said</b>", encoding="utf-8")
    >>> '<span id="L3" class="line"><a href="#L3" class="n">3</a>&lt;b&gt;said&lt;/b&gt;</span>' in article_page(f)
    True
    """
    import html as _html

    lines = path.read_text(encoding="utf-8").split("\n")
    body = "\n".join(f'<span id="L{n}" class="line"><a href="#L{n}" class="n">{n}</a>{_html.escape(line)}</span>'
                     for n, line in enumerate(lines, 1))
    return ("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>" + _html.escape(path.name) + "</title>"
            "<style>body{font-family:Arial,Helvetica,sans-serif;max-width:60em;margin:2em auto;padding:0 1em;color:#1a1a1a}"
            "pre{white-space:pre-wrap;overflow-wrap:normal;word-break:normal;font:1rem/1.5 Arial,Helvetica,sans-serif}"
            ".line{display:block;padding-left:3.5em;text-indent:-3.5em}.n{display:inline-block;width:3em;margin-right:.5em;"
            "text-align:right;color:#595959;text-decoration:none;text-indent:0}:target{background:#fff3b0;outline:2px solid #1a1a1a}"
            "</style></head><body><h1>" + _html.escape(path.name) + "</h1><p>The article text exactly as stored in the corpus,"
            " numbered by line. <a href=\"" + _html.escape(path.name) + "\">Plain text</a>.</p><pre>" + body + "</pre></body></html>\n")


def _copy_articles(outdir: Path) -> list[Path]:
    """Return the article texts copied into ``outdir/articles``, each beside an HTML copy with line anchors, so that
    article links work when the folder travels alone and open at the line they name."""
    target = outdir / "articles"
    target.mkdir(parents=True, exist_ok=True)
    written = []
    for path in sorted(ARTICLES_DIR.glob("*.txt")):
        shutil.copyfile(path, target / path.name)
        page = target / f"{path.stem}.html"
        page.write_text(article_page(path), encoding="utf-8")
        written += [target / path.name, page]
    return written


def descriptions(readme: str | None = None) -> dict[str, tuple[str, bool]]:
    """Return, by notebook name, the README's one-line description and whether it fits a class hour (★).

    >>> descriptions("| ★ [`00_a`](notebooks/00_a.ipynb) | five articles |\\n| [`01_b`](notebooks/01_b.ipynb) | stance |")
    {'00_a': ('five articles', True), '01_b': ('stance', False)}
    """
    readme = (ROOT / "README.md").read_text(encoding="utf-8") if readme is None else readme
    rows = re.findall(r"^\|\s*(★)?\s*\[`(\d\d_[\w-]+)`\]\([^)]*\)\s*\|\s*(.*?)\s*\|\s*$", readme, re.M)
    return {name: (text, bool(star)) for star, name, text in rows}


def index_page(title: str = "Sanctuary Notebooks", paths=None) -> str:
    """Return the site's index page: each notebook by its title, linking to its page, with the README's description."""
    import html as _html

    import mistune

    from .navigation import title as nb_title

    about = descriptions()
    rows = []
    for path in [Path(p) for p in paths] if paths else notebook_paths():
        text, star = about.get(path.stem, ("", False))
        name = _html.escape(nb_title(nbformat.read(path, as_version=4)))
        rows.append(f'<tr><td>{"★ " if star else ""}<a href="{path.stem}.html">{name}</a></td>'
                    f"<td>{mistune.html(text).strip().removeprefix('<p>').removesuffix('</p>')}</td></tr>")
    body = ("<p>★ fits a single class hour.</p>\n<table><thead><tr><th>notebook</th><th>what it shows</th></tr></thead><tbody>"
            + "".join(rows) + "</tbody></table>")
    return (
        "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>" + title + "</title>"
        "<style>body{font-family:Arial,Helvetica,sans-serif;max-width:60em;margin:2em auto;padding:0 1em;line-height:1.45}"
        "table{border-collapse:collapse}td,th{border-bottom:1px solid #ddd;padding:6px 10px;text-align:left;vertical-align:top}"
        "</style></head><body>\n<h1>" + title + "</h1>\n<p>How U.S. mayors answered federal immigration enforcement, "
        "2016-2026, read from five news articles. These pages work without internet; the charts respond to hover, legends, "
        "drop-downs and sliders.</p>\n" + body + "\n</body></html>\n"
    )


def _export(kind: str, outdir: Path, paths, suffix: str) -> list[Path]:
    """Return the pages written: each notebook exported by the ``kind`` exporter, with plotly.js beside them once."""
    (outdir / "assets").mkdir(parents=True, exist_ok=True)
    shutil.copyfile(plotly_js(), outdir / "assets" / "plotly.min.js")
    from .navigation import title

    exporter = _exporter(kind)
    written = _copy_articles(outdir)
    for path in [Path(p) for p in paths] if paths else notebook_paths():
        nb = static_outputs(nbformat.read(path, as_version=4))
        nb.metadata["title"] = title(nb)  # the page's <title>: the notebook's own, not its file name
        html, _ = exporter.from_notebook_node(nb, resources={"plotly_js_url": "assets/plotly.min.js",
                                                             "metadata": {"name": path.stem}})
        target = outdir / f"{path.stem}{suffix}"
        target.write_text(_article_links(_local_links(html)).replace('.html"', f'{suffix}"'), encoding="utf-8")
        written.append(target)
    return written


def site(outdir: str | Path, paths=None) -> list[Path]:
    """Return the files written: one HTML page per notebook, ``index.html``, ``assets/plotly.min.js`` once,
    and the article texts in ``articles/`` that the pages link to."""
    outdir = Path(outdir)
    written = [outdir / "assets" / "plotly.min.js"] + _export("page", outdir, paths, ".html")
    (outdir / "index.html").write_text(index_page(paths=paths), encoding="utf-8")
    return written + [outdir / "index.html"]


def slides(outdir: str | Path, paths=None) -> list[Path]:
    """Return the files written: a deck per notebook made for a projector (:mod:`helpers.decks`), with reveal.js,
    plotly.js and the article texts beside them."""
    from . import decks

    outdir = Path(outdir)
    if not (REVEAL_DIR / "dist" / "reveal.js").is_file():
        raise FileNotFoundError(f"{REVEAL_DIR.relative_to(ROOT)} is missing: the decks need the npm package reveal.js. "
                                "Run `make setup` on a machine with npm.")
    reveal = outdir / "reveal.js"
    for part in ("dist", "plugin/notes", "LICENSE"):
        source, target = REVEAL_DIR / part, reveal / part
        if source.is_dir():
            shutil.copytree(source, target, dirs_exist_ok=True, ignore=shutil.ignore_patterns("*.map", "*.esm.js"))
        else:
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(source, target)
    (outdir / "assets").mkdir(parents=True, exist_ok=True)
    shutil.copyfile(plotly_js(), outdir / "assets" / "plotly.min.js")
    written = [outdir / "assets" / "plotly.min.js"] + _copy_articles(outdir)
    for path in [Path(p) for p in paths] if paths else notebook_paths():
        target = outdir / f"{path.stem}.slides.html"
        html = decks.deck_html(decks.script_for(path), path)
        target.write_text(_article_links(_local_links(html)).replace('.html"', '.slides.html"'), encoding="utf-8")
        written.append(target)
    return written


def handout_figures() -> dict[str, object]:
    """Return the key charts of the collection by file name, built from the corpus.

    Hovers name articles by outlet and date; ``04_validation.png`` is the
    agreement of the rules on every set (in-sample sets marked), as notebook 04
    leads with it.
    """
    from . import charts, cities, evaluate, parties
    from .pipeline import build

    p = build()
    articles, kb, auto, hand, book, acts = p.articles, p.knowledge, p.quotations, p.hand, p.book, p.policies
    places = cities.jurisdictions(kb, acts, book)
    data = ROOT / "tests" / "data"
    sets = {
        "corpus (rules written on it)": evaluate.summary(auto, hand),
        "invented (used while improving the rules)": evaluate.named_set(data / "invented", data / "invented_expected.csv"),
        "held-out (never used to change the rules)": evaluate.named_set(data / "heldout", data / "heldout_expected.csv"),
    }
    in_sample = {"corpus (rules written on it)", "invented (used while improving the rules)"}
    return {
        "00_timeline.png": charts.timeline(articles),
        "01_stance_by_speaker.png": charts.stance_by_speaker(book),
        "01_stance_over_time.png": charts.stance_over_time(book, articles),
        "01_sentiment_is_not_stance.png": charts.polarity_subjectivity(book),
        "02_policy_matrix.png": charts.policy_matrix(acts, places, kb, articles=articles),
        "02_policy_map.png": charts.policy_map(acts, places),
        "02_policy_timeline.png": charts.policy_timeline(acts, places, p.federal, kb, articles=articles),
        "03_stance_by_party.png": charts.stance_shares(parties.stance_counts(book, level="actor"),
                                                        "Stance by party, per speaker", unit="speakers"),
        "04_agreement.png": charts.agreement(evaluate.baselines(evaluate.speech_pairs(evaluate.match(auto, hand)))),
        "04_validation.png": charts.validation_overview(charts.scores_table(sets, in_sample=in_sample)),
    }


def handouts(outdir: str | Path, width: int = 1100, scale: float = 2.0, names=None) -> list[Path]:
    """Return the PNG files written: the key charts, ``width`` pixels wide at ``scale`` (2 for print).

    kaleido draws them with the system's Chromium; the map's outline comes from
    :func:`helpers.geo.offline_config`, so nothing is downloaded. ``names``
    picks some of :func:`handout_figures` (all by default). Drop-downs and
    sliders are left out of the images; the map shows 2026.
    """
    import plotly.io as pio

    from .geo import offline_config

    outdir = Path(outdir)
    outdir.mkdir(parents=True, exist_ok=True)
    figures = {k: v for k, v in handout_figures().items() if names is None or k in names}
    saved = pio.defaults.topojson
    pio.defaults.topojson = offline_config()["topojsonURL"]
    try:
        written = []
        for name, fig in figures.items():
            fig.layout.updatemenus, fig.layout.sliders = (), ()
            path = outdir / name
            fig.write_image(path, width=width, height=fig.layout.height or 500, scale=scale)
            written.append(path)
    finally:
        pio.defaults.topojson = saved
    return written
