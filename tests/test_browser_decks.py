"""The offline decks as a class sees them: every slide of every deck measured on screen at 1024 x 768 and 1280 x 720.

Text size as drawn, words, anything off screen or needing a scroll, and speaker notes, against the classroom limits of
:data:`helpers.deckcheck.LIMITS`. The same Chromium and exported folder as ``test_browser.py``.
"""

from __future__ import annotations

import shutil

import pytest
from test_browser import browser, exported  # noqa: F401  (shared fixtures: the browser and the exported decks)

from helpers import deckcheck, notebooks

pytestmark = pytest.mark.enable_socket
NOTEBOOKS = notebooks.notebook_paths()


@pytest.mark.parametrize("size", deckcheck.SIZES, ids=str)
@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.stem)
def test_every_slide_is_readable_from_the_back_of_the_room(browser, exported, path, size):  # noqa: F811
    rows = deckcheck.walk(browser, exported / "slides" / f"{path.stem}.slides.html", size)
    assert deckcheck.problems(rows) == []
    assert len(rows) >= 5 and all(r["notes"] > 20 for r in rows)


BAD_DECK = """<!DOCTYPE html><html><head><meta charset="utf-8"><link rel="stylesheet" href="reveal.js/dist/reveal.css">
<script src="assets/plotly.min.js"></script></head><body><div class="reveal"><div class="slides">
<section><h2>Small</h2><p style="font-size:12px">tiny text</p><div id="c" style="height:300px"></div></section>
<section><h2>Long</h2><div style="height:200px;overflow:auto"><p style="font-size:30px">{words}</p></div>
<aside class="notes">Notes.</aside></section></div></div>
<script src="reveal.js/dist/reveal.js"></script><script>
Reveal.initialize({{width: "100%", height: "100%", margin: 0, minScale: 1, maxScale: 1, center: false}});
Plotly.newPlot("c", [{{x: [1, 2], y: [1, 2]}}], {{font: {{size: 10}}}}).then(() => {{
  document.querySelector("section").dataset.fitted = "yes"; }});
</script></body></html>"""


def test_the_check_finds_what_a_class_cannot_read(browser, exported, tmp_path):  # noqa: F811
    folder = tmp_path / "deck"
    shutil.copytree(exported / "slides" / "reveal.js", folder / "reveal.js")
    shutil.copytree(exported / "slides" / "assets", folder / "assets")
    (folder / "bad.slides.html").write_text(BAD_DECK.format(words="word " * 80), encoding="utf-8")
    rows = deckcheck.walk(browser, folder / "bad.slides.html", "1024x768")
    found = "\n".join(deckcheck.problems(rows))
    assert "slide 1 (Small): text 12" in found and "px < 24" in found
    assert "slide 1 (Small): chart text 10" in found and "px < 14" in found
    assert "slide 1 (Small): no speaker notes" in found
    assert "slide 2 (Long): 81 words > 40" in found and "slide 2 (Long): 1 box to scroll" in found
