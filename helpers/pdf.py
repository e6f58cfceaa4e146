"""Print: every deck as a PDF (one slide a page, and a speaker's edition with the notes) and a worksheet per ★ notebook.

``make pdf`` (``python -m helpers pdf handouts``) writes into ``handouts/``:

* ``NN_name.slides.pdf``: the offline deck printed by decktape (from the npm
  registry, driving the system's Chromium), one slide a page at 1024 x 768,
  each page the slide as the projector shows it;
* ``NN_name.notes.pdf``: the speaker's edition on A4: each slide's picture
  above its speaker notes, a new page for every slide;
* ``NN_name.worksheet.pdf`` for each ★ notebook: the "Your turn" questions
  with room to answer, and the deck's key charts.

The worksheets and the speaker's edition are HTML pages printed by the same
Chromium (playwright); nothing leaves the machine.
"""

from __future__ import annotations

import html as _html
import re
import shutil
import subprocess
import tempfile
from pathlib import Path

import nbformat

from .corpus import ROOT
from .deckcheck import CHROMIUM, FLAGS

DECKTAPE = ROOT / "node_modules" / "decktape" / "decktape.js"
SLIDE = (1024, 768)  # a school projector: the size every deck is checked at

_PAGE_CSS = """
@page { size: A4; margin: 14mm 16mm; }
body { font-family: "Liberation Sans", Arial, Helvetica, sans-serif; color: #1a1a1a; font-size: 12pt; line-height: 1.4; }
h1 { font-size: 18pt; margin: 0 0 4mm 0; } h2 { font-size: 14pt; margin: 0 0 3mm 0; }
.page { page-break-after: always; } .page:last-child { page-break-after: auto; }
.slide { width: 100%; border: 1px solid #767676; }
.notes { margin-top: 5mm; } .notes p, .notes li { margin: 0 0 2mm 0; }
.question { margin: 0 0 4mm 0; } .answer { border: 1px solid #767676; height: 38mm; margin: 0 0 6mm 0; }
.name { margin: 0 0 6mm 0; } .chart { width: 100%; border: 1px solid #767676; margin: 0 0 4mm 0; }
.meta { color: #404040; font-size: 10pt; }
"""


def _decktape(deck: Path, pdf: Path, shots: Path) -> None:
    if not DECKTAPE.is_file():
        raise FileNotFoundError(f"{DECKTAPE.relative_to(ROOT)} is missing: printing the decks needs the npm package "
                                "decktape. Run `make setup` on a machine with npm.")
    node = shutil.which("node") or shutil.which("nodejs")
    if node is None:
        raise FileNotFoundError("node not found: printing the decks needs Node.js (Debian/Ubuntu: sudo apt-get install npm)")
    command = [node, str(DECKTAPE), "reveal", "--chrome-path", str(CHROMIUM), "--size", f"{SLIDE[0]}x{SLIDE[1]}",
               "--pause", "300", "--load-pause", "300", "--screenshots", "--screenshots-directory", str(shots.resolve()),
               "--screenshots-size", f"{SLIDE[0]}x{SLIDE[1]}", "--pdf-title", deck.stem.removesuffix(".slides")]
    command += [f"--chrome-arg={flag}" for flag in FLAGS if flag != "--headless"]
    shots.mkdir(parents=True, exist_ok=True)
    # decktape names its pictures after the output's path, so it runs in the output's folder with a bare file name
    done = subprocess.run(command + [deck.resolve().as_uri(), pdf.name], capture_output=True, text=True, timeout=600,
                          cwd=pdf.parent)
    if done.returncode != 0 or not pdf.is_file():
        raise RuntimeError(f"decktape could not print {deck.name}: {(done.stderr or done.stdout).strip()[-400:]}")


def slide_notes(deck: Path) -> list[tuple[str, str]]:
    """Return each slide of a built deck as (heading, notes HTML), in order.

    >>> import tempfile, pathlib
    >>> f = pathlib.Path(tempfile.mkdtemp()) / "d.html"
    >>> _ = f.write_text('<div class="slides"><section class=""><h2>A</h2><aside class="notes"><p>n</p></aside></section></div>')
    >>> slide_notes(f)
    [('A', '<p>n</p>')]
    """
    import lxml.html

    root = lxml.html.fromstring(deck.read_text(encoding="utf-8"))
    out = []
    for section in root.xpath("//div[contains(@class, 'slides')]/section"):
        heading = section.xpath(".//h1|.//h2")
        notes = section.xpath(".//aside[contains(@class, 'notes')]")
        inner = "".join(lxml.html.tostring(child, encoding="unicode") for child in notes[0]) if notes else ""
        out.append((heading[0].text_content().strip() if heading else "", inner))
    return out


def _print_html(page, html: str, pdf: Path) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        source = Path(tmp) / "page.html"
        source.write_text(html, encoding="utf-8")
        page.goto(source.as_uri())
        page.wait_for_load_state()
        page.pdf(path=str(pdf), prefer_css_page_size=True, print_background=True)


def _image(path: Path) -> str:
    import base64

    return "data:image/png;base64," + base64.b64encode(path.read_bytes()).decode()


def notes_edition(title: str, notes: list[tuple[str, str]], shots: list[Path]) -> str:
    """Return the speaker's edition of a deck as HTML: one page a slide, its picture above its notes."""
    pages = []
    for k, ((heading, text), shot) in enumerate(zip(notes, shots), 1):
        pages.append(f'<div class="page"><p class="meta">{_html.escape(title)}: slide {k} of {len(notes)}</p>'
                     f'<img class="slide" src="{_image(shot)}" alt="Slide {k}: {_html.escape(heading)}">'
                     f'<div class="notes"><h2>Speaker notes</h2>{text}</div></div>')
    return (f'<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>{_html.escape(title)}: speaker notes</title>'
            f"<style>{_PAGE_CSS}</style></head><body>{''.join(pages)}</body></html>")


def your_turn(notebook: Path) -> list[str]:
    """Return the questions of a notebook's "## Your turn" cell, as Markdown, one per numbered item.

    >>> nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_markdown_cell("## Your turn\\n\\n1. Why?\\n   Think.\\n2. How?")])
    >>> import tempfile, pathlib
    >>> f = pathlib.Path(tempfile.mkdtemp()) / "n.ipynb"; nbformat.write(nb, f)
    >>> your_turn(f)
    ['Why?\\nThink.', 'How?']
    """
    nb = nbformat.read(notebook, as_version=4)
    cells = [c.source for c in nb.cells if c.cell_type == "markdown" and c.source.lstrip().startswith("## Your turn")]
    if not cells:
        return []
    items = re.split(r"^\d+\.\s+", cells[0].split("\n", 1)[1], flags=re.M)[1:]
    return ["\n".join(line.strip() for line in item.strip().splitlines()) for item in items]


def worksheet(title: str, questions: list[str], charts: list[tuple[str, Path]]) -> str:
    """Return a student worksheet as HTML: a name line, each question with room to answer, then the key charts."""
    import mistune

    parts = [f"<h1>{_html.escape(title)}: worksheet</h1>", '<p class="name">Name: ______________________________'
             "&nbsp;&nbsp; Date: ____________</p>"]
    for k, question in enumerate(questions, 1):
        text = re.sub(r"^<p>|</p>\s*$", "", mistune.html(question).strip())
        parts.append(f'<div class="question"><b>{k}.</b> {text}</div><div class="answer"></div>')
    if charts:
        parts.append('<div class="page"></div><h2>Key charts</h2>')
        for heading, shot in charts:
            parts.append(f'<p><b>{_html.escape(heading)}</b></p><img class="chart" src="{_image(shot)}" alt="{_html.escape(heading)}">')
    return (f'<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>{_html.escape(title)}: worksheet</title>'
            f"<style>{_PAGE_CSS}</style></head><body>{''.join(parts)}</body></html>")


def make(outdir: str | Path, slides_dir: str | Path | None = None, paths=None) -> list[Path]:
    """Return the PDFs written into ``outdir``: each deck, its speaker's edition, and a worksheet per ★ notebook.

    The decks are built afresh into a temporary folder unless ``slides_dir``
    already holds them (``make slides``).
    """
    from playwright.sync_api import sync_playwright

    from . import present
    from .navigation import title as nb_title
    from .notebooks import notebook_paths

    outdir = Path(outdir)
    outdir.mkdir(parents=True, exist_ok=True)
    notebooks = [Path(p) for p in paths] if paths else notebook_paths()
    stars = {name for name, (_, star) in present.descriptions().items() if star}
    written = []
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        if slides_dir is None:
            slides_dir = tmp / "slides"
            present.slides(slides_dir, paths=notebooks)
        slides_dir = Path(slides_dir)
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=str(CHROMIUM), args=FLAGS)
            page = browser.new_page()
            for notebook in notebooks:
                deck = slides_dir / f"{notebook.stem}.slides.html"
                shots = tmp / notebook.stem
                pdf = outdir / f"{notebook.stem}.slides.pdf"
                _decktape(deck, pdf, shots)
                images = sorted(shots.glob("*.png"), key=lambda f: int(re.search(r"_(\d+)_\d+x\d+$", f.stem).group(1)))
                notes = slide_notes(deck)
                title = nb_title(nbformat.read(notebook, as_version=4))
                edition = outdir / f"{notebook.stem}.notes.pdf"
                _print_html(page, notes_edition(title, notes, images), edition)
                written += [pdf, edition]
                if notebook.stem in stars:
                    html = deck.read_text(encoding="utf-8")
                    has_chart = ['class="chart"' in s for s in html.split("<section")[1:]]
                    charts = [(heading, shot) for (heading, _), shot, chart in zip(notes, images, has_chart) if chart][:4]
                    sheet = outdir / f"{notebook.stem}.worksheet.pdf"
                    _print_html(page, worksheet(title, your_turn(notebook), charts), sheet)
                    written.append(sheet)
            browser.close()
    return written
