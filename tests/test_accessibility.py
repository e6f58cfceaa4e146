"""Accessibility in a real browser: axe-core on every site page and deck, and a text alternative for every chart.

axe-core comes from the npm registry (``node_modules/axe-core``) and runs inside Debian's Chromium, with the same
exported folder as ``test_browser.py``. Any critical or serious violation of the WCAG 2.1 A and AA rules fails.
"""

from __future__ import annotations

import pytest
from test_browser import browser, exported  # noqa: F401  (shared fixtures: the browser and the exported site and decks)

from helpers import a11y, notebooks

pytestmark = pytest.mark.enable_socket
NOTEBOOKS = notebooks.notebook_paths()
PAGES = [("site", "index.html")] + [("site", f"{p.stem}.html") for p in NOTEBOOKS] + \
        [("slides", f"{p.stem}.slides.html") for p in NOTEBOOKS]


def _open(browser, exported, folder, name):  # noqa: F811
    page = browser.new_page(viewport={"width": 1280, "height": 800})
    page.goto((exported / folder / name).as_uri())
    if name.endswith(".slides.html"):
        page.wait_for_function("() => window.Reveal && Reveal.isReady()", timeout=30000)
    page.wait_for_timeout(300)
    return page


@pytest.mark.parametrize("folder,name", PAGES, ids=lambda x: x)
def test_no_critical_or_serious_violation(browser, exported, folder, name):  # noqa: F811
    page = _open(browser, exported, folder, name)
    found = [v for v in a11y.audit(page) if v["impact"] in ("critical", "serious")]
    assert found == []
    page.close()


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.stem)
def test_every_chart_has_a_text_alternative_and_its_data_one_click_away(browser, exported, path):  # noqa: F811
    page = _open(browser, exported, "site", f"{path.stem}.html")
    page.wait_for_function("() => document.querySelectorAll('.js-plotly-plot .main-svg').length >= "
                           "document.querySelectorAll('.plotly-graph-div').length", timeout=30000)
    charts = page.evaluate("""() => [...document.querySelectorAll('.plotly-graph-div')].map(d => [d.getAttribute('role'),
        d.getAttribute('aria-label') || '', !!(d.parentElement.querySelector('details table'))])""")
    assert charts and all(role == "figure" and label.startswith("Chart: ") and len(label) > 30 and table
                          for role, label, table in charts)
    page.close()
    deck = _open(browser, exported, "slides", f"{path.stem}.slides.html")
    labels = deck.evaluate("() => [...document.querySelectorAll('.chart[role=figure]')].map(d => d.getAttribute('aria-label'))")
    assert len(labels) == len(charts) and all(label.startswith("Chart: ") for label in labels)
    deck.close()


def test_a_screen_reader_is_told_the_finding_and_its_numbers(browser, exported):  # noqa: F811
    page = _open(browser, exported, "site", "03_party_breakdown.html")
    session = page.context.new_cdp_session(page)
    tree = session.send("Accessibility.getFullAXTree")["nodes"]
    names = [n.get("name", {}).get("value", "") for n in tree if n.get("role", {}).get("value") == "figure"]
    assert any("Democratic" in n and "%" in n and "AGAINST" in n for n in names)
    page.close()
