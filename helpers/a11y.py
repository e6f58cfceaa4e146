"""Accessibility: what a screen reader is given for a chart, and axe-core's verdict on the site and the decks.

* :func:`chart_text` writes a chart's text alternative from the figure itself:
  its finding (the title, which states it with its numbers) and what each
  series shows, so that a student who cannot see the chart is told the same.
* :func:`data_table` gives the chart's data as an HTML table, one click away
  beside the chart.
* :func:`audit` runs axe-core (from the npm registry, ``node_modules/axe-core``)
  inside Chromium on a page and returns its violations; ``python -m helpers
  a11y site/ slides/`` prints them for every page and deck.
"""

from __future__ import annotations

import html as _html
import re
from pathlib import Path

from .corpus import ROOT

AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
#: The rules that count: WCAG 2.1 A and AA.
TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]


def _plain(text) -> str:
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", str(text or ""))).strip()


def _title(layout: dict) -> str:
    title = layout.get("title")
    return _plain(title.get("text") if isinstance(title, dict) else title)


def _values(trace: dict, key: str) -> list:
    values = trace.get(key)
    if isinstance(values, dict):  # plotly's typed arrays ({"dtype": ..., "bdata": ...}) are read through plotly
        import plotly.graph_objects as go

        values = list(getattr(go.Figure(data=[trace]).data[0], key) or [])
    return list(values) if values is not None else []


def chart_text(spec: dict, title: str | None = None) -> str:
    """Return a chart's text alternative, written from its data: its finding, then each named series with its size.

    >>> chart_text({"data": [{"type": "bar", "name": "AGAINST", "x": ["D", "R"], "y": [33, 1]},
    ...                      {"type": "bar", "name": "FAVOR", "x": ["D", "R"], "y": [0, 9]}],
    ...             "layout": {"title": {"text": "Stance by party<br><span>per quotation</span>"}}})
    'Chart: Stance by party per quotation. Bar chart. AGAINST: D 33, R 1. FAVOR: D 0, R 9.'
    """
    data, layout = spec.get("data", []), spec.get("layout", {})
    kinds = sorted({t.get("type", "scatter") for t in data})
    kind = {"bar": "Bar chart", "scatter": "Dot chart", "scattergeo": "Map", "heatmap": "Grid"}.get(kinds[0], "Chart") \
        if len(kinds) == 1 else "Chart"
    parts = [f"Chart: {title or _title(layout) or 'untitled'}.", f"{kind}."]
    for trace in data:
        name = _plain(trace.get("name"))
        if not name or trace.get("showlegend") is False:
            continue
        xs, ys = _values(trace, "x"), _values(trace, "y")
        if trace.get("type") == "bar" and xs and ys and len(xs) == len(ys) <= 12:
            cats, nums = (ys, xs) if trace.get("orientation") == "h" else (xs, ys)
            pairs = ", ".join(f"{_plain(c)} {n:g}" if isinstance(n, (int, float)) else f"{_plain(c)} {n}" for c, n in zip(cats, nums))
            parts.append(f"{name}: {pairs}.")
        else:
            count = max(len(xs), len(ys), len(_values(trace, "lat")))
            parts.append(f"{name}: {count} mark{'s' if count != 1 else ''}." if count else f"{name}.")
    return " ".join(parts)


def data_table(spec: dict, limit: int = 60) -> str:
    """Return the chart's data as an HTML table: one row per mark (series, label, x, y), the first ``limit`` rows.

    >>> print(data_table({"data": [{"name": "A", "x": [1], "y": ["Ana"], "text": ["hi"]}]}))
    <table><thead><tr><th>series</th><th>x</th><th>y</th><th>label</th></tr></thead><tbody><tr><td>A</td><td>1</td><td>Ana</td><td>hi</td></tr></tbody></table>
    """
    rows = []
    for trace in spec.get("data", []):
        name = _plain(trace.get("name")) or trace.get("type", "")
        xs, ys = _values(trace, "x") or _values(trace, "lon"), _values(trace, "y") or _values(trace, "lat")
        texts = _values(trace, "text") if isinstance(trace.get("text"), (list, dict)) else []
        for k in range(max(len(xs), len(ys))):
            cells = [name, xs[k] if k < len(xs) else "", ys[k] if k < len(ys) else "", texts[k] if k < len(texts) else ""]
            rows.append("<tr>" + "".join(f"<td>{_html.escape(_plain(c))}</td>" for c in cells) + "</tr>")
    more = f'<p>{len(rows) - limit} more rows: hover the chart, or see the notebook.</p>' if len(rows) > limit else ""
    return ("<table><thead><tr><th>series</th><th>x</th><th>y</th><th>label</th></tr></thead><tbody>"
            + "".join(rows[:limit]) + "</tbody></table>" + more)


def alternative_html(fig) -> str:
    """Return the text alternative of a chart and its data table as HTML to show under it: a short summary line a
    screen reader reads, which opens on a click to the whole description and the data.

    >>> import plotly.graph_objects as go
    >>> html = alternative_html(go.Figure(go.Bar(name="n", x=["a"], y=[1]), layout={"title": {"text": "One bar"}}))
    >>> html.startswith('<details class="chart-alternative"><summary>The chart in words: One bar</summary>')
    True
    """
    spec = fig.to_plotly_json() if hasattr(fig, "to_plotly_json") else fig
    words = chart_text(spec)
    return (f'<details class="chart-alternative"><summary>The chart in words: {_html.escape(_title(spec.get("layout", {})) or "chart")}'
            f'</summary><p>{_html.escape(words)}</p>{data_table(spec)}</details>')


def show(fig, config: dict | None = None) -> None:
    """Show a chart in the notebook and, under it, its text alternative and data (see :func:`alternative_html`)."""
    from IPython.display import HTML, display

    fig.show(config=config) if config else display(fig)
    display(HTML(alternative_html(fig)))


def audit(page) -> list[dict]:
    """Return axe-core's violations on the page open in ``page`` (playwright), WCAG 2.1 A and AA rules."""
    if not AXE.is_file():
        raise FileNotFoundError(f"{AXE.relative_to(ROOT)} is missing: run `make setup` on a machine with npm")
    page.add_script_tag(path=str(AXE))
    result = page.evaluate("async (tags) => await axe.run(document, {runOnly: {type: 'tag', values: tags}})", TAGS)
    return [{"id": v["id"], "impact": v["impact"], "nodes": len(v["nodes"]), "help": v["help"],
             "example": v["nodes"][0]["target"][0] if v["nodes"] else ""} for v in result["violations"]]


def check(*folders: str | Path) -> dict[str, list[dict]]:
    """Return, for every HTML page of ``folders`` (site pages and decks; not the article copies), axe's violations."""
    from playwright.sync_api import sync_playwright

    from .deckcheck import CHROMIUM, FLAGS

    found = {}
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), args=FLAGS)
        page = browser.new_page(viewport={"width": 1280, "height": 800})
        for folder in folders:
            for path in sorted(Path(folder).glob("*.html")):
                page.goto(path.resolve().as_uri())
                if path.name.endswith(".slides.html"):
                    page.wait_for_function("() => window.Reveal && Reveal.isReady()", timeout=30000)
                page.wait_for_timeout(500)
                found[f"{Path(folder).name}/{path.name}"] = audit(page)
        browser.close()
    return found
