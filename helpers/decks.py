"""Slide decks made for a projector, from the stored notebooks and a short script per deck.

A notebook is written to be read; a slide is read from the back of a room in a
few seconds. So each deck has a **deck script**, ``notebooks/decks/<notebook>.md``,
that says what each slide shows: a short heading, at most a line or two of text,
one chart, one short table or one printed finding taken from the notebook's
stored outputs, and speaker notes. Everything else the notebook says about a
chart (how to read it in full, the method, the caveats) becomes that slide's
**speaker notes** automatically, so nothing is lost and nothing is written twice.

The format of a deck script (slides separated by a line holding only ``---``)::

    ## Who takes which side?
    chart: charts.stance_by_speaker(book)
    One row per speaker: orange bars resist enforcement, blue bars support it.

    Note:
    Anything for the presenter, in Markdown.

Lines of a slide:

* ``# Title`` or ``## Heading``: the slide's heading (every slide has one);
* ``chart: SOURCE``: the chart drawn by the notebook's code cell whose source
  contains ``SOURCE`` (exactly one cell must), redrawn for the slide: as large
  as the slide allows, every text at least 16 px, the notebook's chart title
  moved to the notes (the heading says the finding);
* ``table: SOURCE | top N``: the first ``N`` rows of that cell's table (or of a
  widget's static copy), with a caption saying how many more there are and
  where to find them;
* ``print: SOURCE``: the text that cell printed (a finding with its counts,
  computed when the notebook ran, so it stays right when articles are added);
* ``notes: HEADING``: the notebook's markdown cell that starts with ``HEADING``
  goes into the notes (e.g. ``notes: ## Takeaways``);
* ``optional``: an optional slide, marked as such, for a methods class;
* ``Source: ...``: a source line, in smaller type;
* ``Note:``: everything after it, up to the next ``---``, is speaker notes;
* any other line is slide text (Markdown).

Each slide's notes also receive the notebook's markdown cells that stand just
before the cell it shows (back to the previous code cell) and the caveats just
after it. reveal.js's ``S`` key opens the speaker view with the notes, a timer
and the next slide; RISE in JupyterLab shows the same notebook's slides live.
"""

from __future__ import annotations

import copy
import html as _html
import json
import re
from dataclasses import dataclass, field
from pathlib import Path

import nbformat

from . import a11y
from .corpus import ROOT

DECK_DIR = ROOT / "notebooks" / "decks"
PLOTLY_MIME = "application/vnd.plotly.v1+json"
WIDGET_MIME = "application/vnd.jupyter.widget-view+json"
TEMPLATE = Path(__file__).resolve().parent / "templates" / "deck" / "deck.html"
#: The smallest size of any text a chart draws on a slide (px), and of its axis and legend titles.
CHART_TEXT, CHART_LABEL = 16, 18
_DIRECTIVE = re.compile(r"^(chart|table|print|notes):\s*(.+?)\s*$")


class DeckError(ValueError):
    """A deck script that does not fit its notebook: names the file, the slide and what was expected."""


@dataclass
class Slide:
    """One slide of a deck script, before it is drawn."""

    heading: str
    level: int = 2
    text: list[str] = field(default_factory=list)
    show: list[tuple[str, str, dict]] = field(default_factory=list)  # (kind, source, options)
    notes_from: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    source: str = ""
    optional: bool = False


def parse(script: str, name: str = "deck") -> list[Slide]:
    """Return the slides of a deck script.

    >>> s = parse("# Title\\nA line.\\n\\nNote:\\nSay hello.\\n---\\n## Chart\\nchart: charts.x(a)\\noptional")
    >>> [(x.heading, x.level, x.text, x.show, x.notes, x.optional) for x in s]
    [('Title', 1, ['A line.'], [], ['Say hello.'], False), ('Chart', 2, [], [('chart', 'charts.x(a)', {})], [], True)]
    """
    slides = []
    for k, block in enumerate(re.split(r"^---\s*$", script, flags=re.M), 1):
        if not block.strip():
            continue
        lines = block.strip("\n").splitlines()
        heading = next((line for line in lines if line.startswith("#")), None)
        if heading is None:
            raise DeckError(f"{name}, slide {k}: expected a heading line ('# ...' or '## ...'), found none")
        slide = Slide(heading.lstrip("#").strip(), level=len(heading) - len(heading.lstrip("#")))
        in_notes = False
        for line in lines:
            if line is heading:
                continue
            if in_notes:
                slide.notes.append(line)
            elif line.strip() == "Note:":
                in_notes = True
            elif line.strip() == "optional":
                slide.optional = True
            elif line.startswith("Source:"):
                slide.source = line.removeprefix("Source:").strip()
            elif m := _DIRECTIVE.match(line):
                kind, rest = m.groups()
                if kind == "notes":
                    slide.notes_from.append(rest)
                    continue
                source, _, opts = rest.partition(" | ")
                options = {}
                for opt in filter(None, (o.strip() for o in opts.split("|"))):
                    key, _, value = opt.partition(" ")
                    if key == "top" and value.isdigit():
                        options["top"] = int(value)
                    elif key == "columns" and value.strip():
                        options["columns"] = [c.strip() for c in value.split(",")]
                    else:
                        raise DeckError(f"{name}, slide {k} ({slide.heading}): expected '| top N' or '| columns A, B' "
                                        f"after the source, found {opt!r}")
                slide.show.append((kind, source.strip(), options))
            elif line.strip() or slide.text:
                slide.text.append(line)
        while slide.text and not slide.text[-1].strip():
            slide.text.pop()
        slides.append(slide)
    return slides


def _markdown(text: str) -> str:
    import mistune

    return mistune.html(text)


def find_cell(nb, source: str, name: str = "notebook") -> int:
    """Return the index of the one code cell of ``nb`` whose source contains ``source``.

    >>> nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell("charts.a(b)"), nbformat.v4.new_code_cell("x = 1")])
    >>> find_cell(nb, "charts.a(b)")
    0
    """
    hits = [i for i, c in enumerate(nb.cells) if c.cell_type == "code" and source in c.source]
    if len(hits) != 1:
        raise DeckError(f"{name}: expected one code cell whose source contains {source!r}, found {len(hits)}")
    return hits[0]


def _is_heading(cell) -> bool:
    return cell.cell_type == "markdown" and cell.source.lstrip().startswith("#")


def nearby_notes(nb, index: int) -> list[str]:
    """Return the markdown the notebook puts around cell ``index``: what stands before it back to the previous
    code cell (its section's explanation and "how to read it"), and the caveats after it up to the next code
    cell or heading. Navigation and the inputs/outputs cell are left out."""
    before, after = [], []
    k = index - 1
    while k >= 0 and nb.cells[k].cell_type == "markdown":
        before.insert(0, nb.cells[k].source)
        k -= 1
    k = index + 1
    while k < len(nb.cells) and nb.cells[k].cell_type == "markdown" and not _is_heading(nb.cells[k]):
        if nb.cells[k].get("metadata", {}).get("slideshow", {}).get("slide_type") == "slide":
            break
        after.append(nb.cells[k].source)
        k += 1
    keep = [s for s in before + after if "<!--NAVIGATION-->" not in s and not s.startswith("**Inputs and outputs**")]
    return keep


def _bump_fonts(node, least: int) -> None:
    """Raise every font size in a plotly layout or trace (``font``, ``tickfont``, ``textfont``, ...) to ``least``."""
    if isinstance(node, dict):
        for key, value in node.items():
            if key.endswith("font") and isinstance(value, dict):
                value["size"] = max(value.get("size") or 0, least)
            _bump_fonts(value, least)
    elif isinstance(node, list):
        for item in node:
            _bump_fonts(item, least)


def _bump_inline(node, least: int):
    """Return ``node`` with every inline ``font-size:Npx`` smaller than ``least`` in its strings raised to ``least``."""
    if isinstance(node, str):
        return re.sub(r"font-size:\s*(\d+(?:\.\d+)?)px", lambda m: f"font-size:{max(float(m.group(1)), least):g}px", node)
    if isinstance(node, dict):
        return {k: _bump_inline(v, least) for k, v in node.items()}
    if isinstance(node, list):
        return [_bump_inline(v, least) for v in node]
    return node


def _categorical(values) -> bool:
    """Return whether a trace's values along an axis are categories (text that is not a date)."""
    values = [v for v in (values or []) if v is not None]
    return bool(values) and all(isinstance(v, str) and not re.match(r"\d{4}-\d\d", v) for v in values)


def slide_figure(spec: dict) -> tuple[dict, str]:
    """Return a stored plotly figure redrawn for a slide, and the chart title it had in the notebook.

    Its size follows its slide (autosize), every text is at least 16 px (axis
    and legend titles 18), bar labels that no longer fit are hidden rather than
    shrunk, and the title moves to the notes: the slide's heading says the finding.

    >>> fig, title = slide_figure({"data": [{"type": "bar", "textfont": {"size": 10}}],
    ...                            "layout": {"title": {"text": "A <b>finding</b>"}, "height": 500, "xaxis": {"tickfont": {"size": 11}}}})
    >>> title, fig["layout"]["xaxis"]["tickfont"]["size"], fig["data"][0]["textfont"]["size"], "height" in fig["layout"]
    ('A finding', 16, 16, False)
    """
    spec = _bump_inline(copy.deepcopy(spec), CHART_TEXT)
    layout = spec.setdefault("layout", {})
    title = layout.pop("title", {}) or {}
    title_text = re.sub(r"<[^>]+>", "", title.get("text", "") if isinstance(title, dict) else str(title))
    for key in ("height", "width"):
        layout.pop(key, None)
    layout["autosize"] = True
    font = layout.setdefault("font", {})
    font["size"] = max(font.get("size") or 0, CHART_LABEL)
    _bump_fonts(layout, CHART_TEXT)
    _bump_fonts(spec.get("data", []), CHART_TEXT)
    for trace in spec.get("data", []):  # every category labelled: plotly would drop crowded labels
        for letter in "xy":
            name = letter + "axis" + (trace.get(letter + "axis", letter)[1:])
            axis = layout.setdefault(name, {})
            if _categorical(trace.get(letter)) and axis.get("tickmode") != "array":
                axis.update(tickmode="linear", tick0=0, dtick=1)
    for key, axis in layout.items():
        if re.fullmatch(r"[xy]axis\d*", key) and isinstance(axis, dict):
            axis["automargin"] = True
            if isinstance(axis.get("title"), dict):
                axis["title"].setdefault("font", {})["size"] = CHART_LABEL
    legend = layout.get("legend")
    if isinstance(legend, dict) and legend.get("orientation") == "h":  # wrap a row of entries rather than run off the slide
        if isinstance(legend.get("title"), dict) and legend["title"].get("text"):
            legend["title"]["side"] = "top"
    margin = layout.setdefault("margin", {})
    margin["t"] = min(margin.get("t", 40), 40) if not layout.get("updatemenus") else max(margin.get("t", 40), 50)
    layout["uniformtext"] = {"minsize": CHART_TEXT, "mode": "hide"}
    kept, moved = [], []
    for note in layout.get("annotations", []) or []:
        text = note.get("text", "") if isinstance(note, dict) else ""
        sentence = len(re.sub(r"<[^>]+>", "", text)) > 45 and "<b>" not in text  # a note about the chart, not a label
        (moved if sentence else kept).append(note)
    if moved:
        layout["annotations"] = kept
        title_text = " ".join([title_text] + [re.sub(r"<[^>]+>", " ", n.get("text", "")) for n in moved])
    for note in kept:
        if isinstance(note, dict):
            note.setdefault("font", {})["size"] = max(note.get("font", {}).get("size") or 0, CHART_TEXT)
    return spec, re.sub(r"\s+", " ", title_text).strip()


def _output(cell, kind: str):
    for output in cell.get("outputs", []):
        data = output.get("data", {})
        if kind == "chart" and PLOTLY_MIME in data:
            return data[PLOTLY_MIME]
        if kind == "table" and "text/html" in data and "<table" in data["text/html"]:
            return data["text/html"]
        if kind == "print" and output.get("output_type") == "stream":
            return output.get("text", "")
    return None


def table_rows(table_html: str, top: int, columns: list[str] | None = None) -> tuple[str, int]:
    """Return the first table of ``table_html`` cut to its first ``top`` body rows (and to the ``columns`` named by
    their headers, when given), and how many rows it had.

    >>> html, n = table_rows("<div><table><thead><tr><th>a</th></tr></thead><tbody><tr><td>1</td></tr>"
    ...                      "<tr><td>2</td></tr><tr><td>3</td></tr></tbody></table><p>caption</p></div>", 2)
    >>> n, html.count("<tr>")
    (3, 3)
    """
    import lxml.html

    root = lxml.html.fragment_fromstring(table_html, create_parent="div")
    table = root.xpath(".//table")[0]
    for cap in table.xpath("./caption"):
        table.remove(cap)
    body = table.xpath("./tbody/tr") or table.xpath("./tr")[1:]
    for row in body[top:]:
        row.getparent().remove(row)
    if columns:
        head = table.xpath("./thead/tr") or table.xpath("./tr")[:1]
        names = [c.text_content().strip() for c in head[-1].xpath("./th|./td")]
        missing = [c for c in columns if c not in names]
        if missing:
            raise DeckError(f"no column {missing[0]!r} in the table; its columns are {names}")
        keep = {names.index(c) for c in columns}
        for row in table.xpath(".//tr"):
            cells = row.xpath("./th|./td")
            if len(cells) == len(names):
                for i, cell in enumerate(cells):
                    if i not in keep:
                        row.remove(cell)
    for element in table.iter():
        element.attrib.pop("style", None)
    return lxml.html.tostring(table, encoding="unicode"), len(body)


def _notebook_label(path: Path) -> str:
    from .navigation import title

    return title(nbformat.read(path, as_version=4))


def render(script_path: Path, notebook_path: Path) -> tuple[str, list[dict]]:
    """Return a deck's slides as reveal.js ``<section>`` HTML, and the charts to draw (id, data, layout, config)."""
    name = script_path.name
    nb = nbformat.read(notebook_path, as_version=4)
    slides = parse(script_path.read_text(encoding="utf-8"), name)
    sections, charts = [], []
    main = [s for s in slides if not s.optional]
    extra = [s for s in slides if s.optional]
    if extra:
        main.append(Slide("Optional slides", level=2, text=["For a methods class: how the machine decides, and how well "
                                                            "it does. Skip them in a civics hour."],
                          notes=["The slides after this one go into method detail. In a civics class, end here."]))
    for n, slide in enumerate(main + extra, 1):
        body, notes = [], []
        notes += slide.notes
        for kind, source, options in slide.show:
            where = f"{name}, slide {n} ({slide.heading})"
            index = find_cell(nb, source, where)
            cell = nb.cells[index]
            notes += nearby_notes(nb, index)
            value = _output(cell, kind)
            if value is None:
                raise DeckError(f"{where}: the cell with {source!r} has no stored {kind} output; run `make notebooks`")
            if kind == "chart":
                fig, title = slide_figure(value)
                div = f"deck-{notebook_path.stem}-chart-{n}"
                config = {**fig.get("config", {}), "responsive": True, "displaylogo": False, "displayModeBar": False}
                charts.append({"id": div, "data": fig.get("data", []), "layout": fig.get("layout", {}), "config": config})
                alt = a11y.chart_text(value, title or None)
                body.append(f'<div class="chart" role="figure" aria-label="{_html.escape(alt, quote=True)}">'
                            f'<div id="{div}" class="plotly-graph-div"></div></div>'
                            f'<details class="data caption"><summary>Chart as a table</summary>{a11y.data_table(value)}</details>')
                if title:
                    notes.insert(0, f"*The chart's title in the notebook:* {title}")
            elif kind == "table":
                top = options.get("top", 5)
                try:
                    table, total = table_rows(value, top, options.get("columns"))
                except DeckError as error:
                    raise DeckError(f"{where}: {error}") from None
                body.append(f'<div class="table">{table}</div>')
                more = total - min(top, total)
                if more:
                    body.append(f'<p class="caption">{top} of {total} rows; all {total} in the notebook and on the site.</p>')
            else:
                body.append(f'<p class="finding">{_html.escape(value.strip())}</p>')
        for heading in slide.notes_from:
            hits = [c.source for c in nb.cells if c.cell_type == "markdown" and c.source.lstrip().startswith(heading)]
            if not hits:
                raise DeckError(f"{name}, slide {n} ({slide.heading}): no markdown cell starts with {heading!r}")
            notes += hits
        text = _markdown("\n".join(slide.text)) if slide.text else ""
        tag = "h1" if slide.level == 1 else "h2"
        badge = '<span class="optional">Optional</span> ' if slide.optional else ""
        parts = [f"<{tag}>{badge}{_html.escape(slide.heading)}</{tag}>"]
        if slide.show and slide.show[0][0] == "chart":
            parts += [f'<div class="read">{text}</div>' if text else "", *body]
        else:
            parts += [f'<div class="text">{text}</div>' if text else "", *body]
        if slide.source:
            parts.append(f'<p class="source">Source: {_html.escape(slide.source)}</p>')
        if not notes:
            notes = [f"{slide.heading}."]
        notes_html = _markdown("\n\n".join(notes))
        classes = " ".join(c for c in ("title-slide" if slide.level == 1 else "", "optional-slide" if slide.optional else "",
                                       "has-chart" if any(k == "chart" for k, _, _ in slide.show) else "") if c)
        sections.append(f'<section class="{classes}">\n' + "\n".join(p for p in parts if p)
                        + f'\n<aside class="notes">{notes_html}</aside>\n</section>')
    return "\n".join(sections), charts


def _script_json(value) -> str:
    return json.dumps(value, separators=(",", ":"), ensure_ascii=False).replace("</", "<\\/")


def deck_html(script_path: Path, notebook_path: Path, plotly_url: str = "assets/plotly.min.js",
              reveal_url: str = "reveal.js") -> str:
    """Return the whole offline deck of one notebook: reveal.js and plotly.js from files beside it."""
    sections, charts = render(script_path, notebook_path)
    template = TEMPLATE.read_text(encoding="utf-8")
    return (template.replace("{{title}}", _html.escape(_notebook_label(notebook_path)))
            .replace("{{reveal}}", reveal_url).replace("{{plotly}}", plotly_url)
            .replace("{{slides}}", sections).replace("{{charts}}", _script_json(charts)))


def script_for(notebook_path: Path, folder: Path = DECK_DIR) -> Path:
    """Return the deck script of a notebook (``notebooks/decks/<stem>.md``)."""
    return Path(folder) / f"{Path(notebook_path).stem}.md"
