"""In a real browser: the notebooks in JupyterLab, the offline site and decks, the live slideshow.

Debian's Chromium, driven by playwright (never ``playwright install``). Without
Chromium the tests skip, saying how to enable them; where the browser is
required (``SANCTUARY_BROWSER=required``, set by ``.ci/run``) a missing one is
a failure. JupyterLab is started and stopped by the tests, on 127.0.0.1 with a
token and its own config, data and runtime folders, serving copies of the
notebooks so that nothing in the repository is written.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import nbformat
import pytest

from helpers import navigation, notebooks, present

CHROMIUM = Path(os.environ.get("SANCTUARY_CHROMIUM", "/usr/bin/chromium"))
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
         "--disable-component-update", "--no-first-run", "--disable-sync"]
TOKEN = "browser-test-token"
LOCAL = ("file://", "data:", "blob:", "about:")

pytestmark = pytest.mark.enable_socket


def expected_charts(path: Path) -> int:
    """Return how many plotly charts a stored notebook shows."""
    nb = nbformat.read(path, as_version=4)
    return sum(present.PLOTLY_MIME in o.get("data", {}) for c in nb.cells for o in c.get("outputs", []))


NOTEBOOKS = notebooks.notebook_paths()


@pytest.fixture(scope="module")
def browser():
    if not CHROMIUM.is_file():
        message = f"no Chromium at {CHROMIUM}: on Debian/Ubuntu `sudo apt-get install chromium` enables the browser tests"
        if os.environ.get("SANCTUARY_BROWSER") == "required":
            pytest.fail(message)
        pytest.skip(message)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        chromium = p.chromium.launch(executable_path=str(CHROMIUM), args=FLAGS)
        yield chromium
        chromium.close()


def _watch(page, allowed: tuple[str, ...] = LOCAL, block: bool = True) -> tuple[list[str], list[str]]:
    """Record every request that would leave the machine (and block it), and every script error.

    ``block=False`` only records: JupyterLab's slideshow does not load under request interception.
    """
    outside, errors = [], []

    def route(r):
        if r.request.url.startswith(allowed):
            r.continue_()
        else:
            outside.append(r.request.url)
            r.abort()

    if block:
        page.route("**/*", route)
    page.on("request", lambda r: None if r.url.startswith(allowed) else outside.append(r.url))
    page.on("pageerror", lambda e: errors.append(str(e)))
    return outside, errors


def _drawn(page) -> int:
    return page.evaluate("() => document.querySelectorAll('.js-plotly-plot .main-svg').length / 1")


# --- the offline site and decks --------------------------------------------------------------

@pytest.fixture(scope="module")
def exported(tmp_path_factory):
    root = tmp_path_factory.mktemp("exported")
    present.site(root / "site")
    present.slides(root / "slides")
    return root


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.stem)
def test_site_page_draws_every_chart_with_no_request_leaving_file(browser, exported, path):
    page = browser.new_page(viewport={"width": 1300, "height": 900})
    outside, errors = _watch(page)
    page.goto((exported / "site" / f"{path.stem}.html").as_uri())
    want = expected_charts(path)
    page.wait_for_function(f"() => document.querySelectorAll('.js-plotly-plot .main-svg').length >= {want}", timeout=30000)
    assert page.locator(".js-plotly-plot").count() == want
    assert outside == [] and errors == []
    page.close()


def test_site_index_links_every_page(browser, exported):
    page = browser.new_page()
    outside, errors = _watch(page)
    page.goto((exported / "site" / "index.html").as_uri())
    links = page.eval_on_selector_all("a", "els => els.map(e => [e.getAttribute('href'), e.textContent])")
    titles = [navigation.title(nbformat.read(p, as_version=4)) for p in NOTEBOOKS]
    assert [(f"{p.stem}.html", t) for p, t in zip(NOTEBOOKS, titles)] == [tuple(a) for a in links if a[0].endswith(".html")]
    assert (exported / "site" / "assets" / "plotly.min.js").is_file()
    assert len(list((exported / "site").rglob("plotly*.js"))) == 1  # plotly.js once for the whole site
    assert outside == [] and errors == []
    page.close()


def test_site_copied_alone_keeps_its_titles_and_article_links(browser, exported, tmp_path):
    alone = tmp_path / "copied"
    shutil.copytree(exported / "site", alone)
    page = browser.new_page()
    outside, errors = _watch(page)
    for path in NOTEBOOKS:
        page.goto((alone / f"{path.stem}.html").as_uri())
        assert page.title() == navigation.title(nbformat.read(path, as_version=4))
        breaks = page.evaluate("() => [...document.querySelectorAll('.jp-OutputArea-output pre')].map(e => getComputedStyle(e).wordBreak)")
        assert set(breaks) <= {"normal"}  # printed output wraps between words
        links = page.eval_on_selector_all("a[href]", "els => els.map(e => e.getAttribute('href'))")
        assert not [h for h in links if "corpus/" in h]
        for href in {h.split("#")[0] for h in links if h.startswith("articles/")}:
            assert (alone / href).is_file(), f"{path.stem}: {href} is not in the copied site"
    page.goto((alone / "01_stance.html").as_uri())
    link = page.locator("a[href^='articles/'][href*='#L']").first
    line = link.get_attribute("href").split("#L")[1]
    with page.context.expect_page() as opened:  # a quotation's line opens its article in a new tab, at that line
        link.click()
    article = opened.value
    article.wait_for_load_state()
    assert article.url.startswith((alone / "articles").as_uri()) and "said" in article.inner_text("body")
    top = article.evaluate(f"() => document.getElementById('L{line}').getBoundingClientRect().top")
    assert 0 <= top < article.viewport_size["height"]  # the line is on screen
    assert article.evaluate("() => getComputedStyle(document.querySelector(':target')).backgroundColor") != "rgba(0, 0, 0, 0)"
    article.close()
    page.goto((alone / "03_party_breakdown.html").as_uri())
    contents = page.locator("a[href='00_start_here.html#Contents']")
    assert contents.count() >= 1  # "Contents" leads to the contents of the first page, from file:// too
    contents.first.click()
    page.wait_for_load_state()
    assert page.url.endswith("00_start_here.html#Contents") and page.locator("[id='Contents']").count() == 1
    assert outside == [] and errors == []
    page.close()


def test_site_keeps_plotly_controls_and_shows_static_widgets(browser, exported):
    page = browser.new_page(viewport={"width": 1300, "height": 900})
    _watch(page)
    page.goto((exported / "site" / "02_city_policies.html").as_uri())
    page.wait_for_function("() => document.querySelectorAll('.js-plotly-plot .main-svg').length >= 4", timeout=30000)
    assert page.locator(".slider-container").count() == 1  # the map's year slider
    assert page.locator(".geo .point").count() > 0  # map bubbles, drawn with the outline from a data URL
    assert page.get_by_text("Static copy of the drill-down").count() == 1
    page.goto((exported / "site" / "01_stance.html").as_uri())
    page.wait_for_function("() => document.querySelectorAll('.js-plotly-plot .main-svg').length >= 4", timeout=30000)
    assert page.locator(".updatemenu-container").count() >= 2  # hand-coded / automatic drop-downs
    assert page.get_by_text("Static copy of the quotation explorer").count() == 1
    page.close()


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.stem)
def test_deck_draws_its_charts_with_no_request_leaving_file(browser, exported, path):
    page = browser.new_page(viewport={"width": 1280, "height": 800})
    outside, errors = _watch(page)
    page.goto((exported / "slides" / f"{path.stem}.slides.html").as_uri())
    page.wait_for_function("() => window.Reveal && Reveal.isReady()", timeout=30000)
    want = expected_charts(path)
    for _ in range(page.evaluate("() => Reveal.getTotalSlides()")):  # a chart is drawn when its slide is first shown
        _next_fitted(page)
        page.keyboard.press("ArrowRight")
    page.wait_for_function(f"() => document.querySelectorAll('.js-plotly-plot .main-svg').length >= {want}", timeout=30000)
    assert page.evaluate("() => Reveal.getTotalSlides()") > 5
    assert outside == [] and errors == []
    page.close()


SIZES = {"1280x720": (1280, 720), "1024x768": (1024, 768)}  # a 16:9 screen and a school projector

#: The parts of a chart a reader needs, each of which must lie inside the viewport.
CHART_PARTS = {"plot area": ".draglayer .nsewdrag", "map": ".geolayer .bg", "x-axis title": ".g-xtitle",
               "y-axis title": ".g-ytitle", "legend": ".legend", "drop-down": ".updatemenu-container",
               "slider": ".slider-container"}
TITLE = {"title": ".g-gtitle"}


def _outside(page, scope: str = "section.present", parts: dict[str, str] = CHART_PARTS) -> tuple[int, list[str]]:
    """Return the number of charts drawn in ``scope`` and every part of them that is not wholly in the viewport."""
    return tuple(page.evaluate(
        """([scope, parts]) => {
            const vw = window.innerWidth, vh = window.innerHeight, bad = [];
            const plots = document.querySelectorAll(scope + ' .js-plotly-plot');
            plots.forEach((plot, k) => {
                for (const [name, selector] of Object.entries(parts)) {
                    plot.querySelectorAll(selector).forEach(el => {
                        const r = el.getBoundingClientRect();
                        if (r.width === 0 && r.height === 0) return;
                        if (r.left < -1 || r.top < -1 || r.right > vw + 1 || r.bottom > vh + 1)
                            bad.push(`chart ${k + 1}: ${name} at [${Math.round(r.left)}, ${Math.round(r.top)}, ` +
                                     `${Math.round(r.right)}, ${Math.round(r.bottom)}] in ${vw}x${vh}`);
                    });
                }
            });
            return [plots.length, bad];
        }""", [scope, parts]))


def _open_deck(browser, exported, path, size):
    width, height = SIZES[size]
    page = browser.new_page(viewport={"width": width, "height": height})
    watched = _watch(page)
    page.goto((exported / "slides" / f"{path.stem}.slides.html").as_uri())
    page.wait_for_function("() => window.Reveal && Reveal.isReady()", timeout=30000)
    return page, watched


def _next_fitted(page) -> None:
    page.wait_for_function("() => Reveal.getCurrentSlide().dataset.fitted === 'yes'", timeout=15000)


@pytest.mark.parametrize("size", SIZES, ids=str)
@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.stem)
def test_deck_shows_every_chart_whole_on_every_slide_walking_with_the_arrow_key(browser, exported, path, size):
    page, (outside, errors) = _open_deck(browser, exported, path, size)
    total = page.evaluate("() => Reveal.getTotalSlides()")
    seen, charts, problems = set(), 0, []
    for step in range(total):
        _next_fitted(page)
        indices = page.evaluate("() => { const i = Reveal.getIndices(); return [i.h, i.v || 0]; }")
        seen.add(tuple(indices))
        drawn, bad = _outside(page)
        if drawn:
            assert drawn == 1, f"slide {step + 1} of {path.stem} shows {drawn} charts; one chart per slide"
            scrolls = page.evaluate("() => { const s = Reveal.getCurrentSlide(); return s.scrollHeight > s.clientHeight + 2; }")
            assert not scrolls, f"slide {step + 1} of {path.stem}: the chart's slide scrolls"
        charts += drawn
        problems += [f"slide {step + 1}: {b}" for b in bad]
        page.keyboard.press("ArrowRight")
    assert problems == []
    assert len(seen) == total  # ArrowRight reached every slide, vertical ones included
    assert charts == expected_charts(path)  # every chart of the notebook was on a slide
    # printed output wraps between words, never inside one
    styles = page.evaluate("() => [...document.querySelectorAll('.reveal pre')].map(e => getComputedStyle(e).wordBreak + ' ' + getComputedStyle(e).overflowWrap)")
    assert set(styles) <= {"normal normal"}
    assert outside == [] and errors == []
    page.close()


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.stem)
def test_deck_chart_titles_fit_a_projector(browser, exported, path):
    page, _ = _open_deck(browser, exported, path, "1024x768")
    problems = []
    for step in range(page.evaluate("() => Reveal.getTotalSlides()")):
        _next_fitted(page)
        problems += [f"slide {step + 1}: {b}" for b in _outside(page, parts=TITLE)[1]]
        page.keyboard.press("ArrowRight")
    assert problems == []  # a title wider than its chart runs off the slide: wrap it or shorten it
    page.close()


# --- JupyterLab ----------------------------------------------------------------------------

def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextlib.contextmanager
def lab_server(served: Path, home: Path, **env_extra: str):
    """Yield the URL of JupyterLab serving ``served``, started as `make lab` starts it, with its own folders under ``home``.

    It listens on 127.0.0.1 with a token; ``env_extra`` goes into its kernels' environment.
    """
    env = {**os.environ, "JUPYTER_CONFIG_DIR": str(home / "config"), "JUPYTER_DATA_DIR": str(home / "data"),
           "JUPYTER_RUNTIME_DIR": str(home / "runtime"), "JUPYTER_TOKEN": TOKEN, "PLOTLY_RENDERER": "plotly_mimetype",
           **env_extra}
    port = _free_port()
    # started as `make lab` starts it: with the collection's stylesheet
    command = [sys.executable, "-m", "helpers.lab", "--no-browser", "--ip=127.0.0.1", f"--port={port}",
               f"--ServerApp.root_dir={served}", "--LabApp.news_url=None", "--LabApp.expose_app_in_browser=True",
               "--ServerApp.disable_check_xsrf=False"]
    if hasattr(os, "getuid") and os.getuid() == 0:
        command.append("--allow-root")
    log = open(home / "lab.log", "w")
    server = subprocess.Popen(command, env=env, stdout=log, stderr=subprocess.STDOUT, cwd=served)
    url = f"http://127.0.0.1:{port}"
    try:
        for _ in range(120):
            try:
                urllib.request.urlopen(f"{url}/api/status?token={TOKEN}", timeout=1)
                break
            except OSError:
                time.sleep(0.5)
        else:
            pytest.fail("JupyterLab did not start: " + (home / "lab.log").read_text()[-2000:])
        yield url
    finally:
        server.terminate()
        server.wait(timeout=30)
        log.close()



@pytest.fixture(scope="module")
def lab(tmp_path_factory, browser):
    """Start JupyterLab on 127.0.0.1 with a token and its own folders; stop it after the tests."""
    home = tmp_path_factory.mktemp("lab")
    served = home / "root"  # laid out like the repository: the notebooks (and their rise.css) in notebooks/
    (served / "notebooks").mkdir(parents=True)
    for path in NOTEBOOKS + [NOTEBOOKS[0].parent / "rise.css"]:
        shutil.copy(path, served / "notebooks" / path.name)
    with lab_server(served, home) as url:
        yield url


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.stem)
def test_notebook_runs_in_jupyterlab_and_draws_its_charts(browser, lab, path):
    page = browser.new_page(viewport={"width": 1400, "height": 1000})
    outside, _ = _watch(page, LOCAL + (lab, lab.replace("http", "ws")))
    console = []
    page.on("console", lambda m: console.append(m.text) if m.type in ("warning", "error") else None)
    page.goto(f"{lab}/lab/workspaces/test-{path.stem}/tree/notebooks/{path.name}?reset&token={TOKEN}")
    page.wait_for_function("() => window.jupyterapp && document.querySelector('.jp-Notebook')", timeout=60000)
    page.wait_for_function("() => window.jupyterapp.shell.currentWidget && "
                           "window.jupyterapp.shell.currentWidget.sessionContext.session && "
                           "window.jupyterapp.shell.currentWidget.sessionContext.session.kernel && "
                           "window.jupyterapp.shell.currentWidget.sessionContext.session.kernel.status === 'idle'",
                           timeout=60000)
    page.evaluate("() => jupyterapp.commands.execute('notebook:clear-all-cell-outputs')")
    assert _drawn(page) == 0
    page.evaluate("() => jupyterapp.commands.execute('notebook:run-all-cells')")
    want = expected_charts(path)
    page.wait_for_function(
        f"""() => {{
            const panel = jupyterapp.shell.currentWidget;
            const cells = panel.content.widgets.filter(c => c.model.type === 'code' && c.model.sharedModel.getSource());
            const done = cells.every(c => c.model.executionCount !== null);
            return done && panel.sessionContext.session.kernel.status === 'idle'
                && document.querySelectorAll('.jp-Notebook .js-plotly-plot .main-svg').length >= {want};
        }}""", timeout=120000)
    assert page.locator(".jp-Notebook .js-plotly-plot").count() == want
    assert page.locator(".jp-OutputArea-output[data-mime-type='application/vnd.jupyter.stderr']").count() == 0
    assert page.locator(".jp-RenderedText[data-mime-type='application/vnd.jupyter.error']").count() == 0
    assert outside == []
    # no extension built for another JupyterLab: no version warnings in the console
    assert [m for m in console if "satisf" in m and "version" in m] == []
    page.close()


#: The notebooks whose charts a student reads in JupyterLab (05's coding widget is tested in test_browser_coding.py).
CHART_NOTEBOOKS = [p for p in NOTEBOOKS if p.name[:2] in {"00", "01", "02", "03", "04"}]

#: For the chart ``k`` of the notebook: every categorical axis (or axis of numbered rows with a label each) whose
#: drawn tick labels are fewer than its categories or overlap one another, and every drop-down or slider that
#: overlaps the title or the note under it. Boxes are the ones drawn on screen.
CHART_READABLE = """(k) => {
    const gd = document.querySelectorAll('.jp-Notebook .js-plotly-plot')[k];
    const fl = gd._fullLayout, problems = [];
    const box = el => { const r = el.getBoundingClientRect(); return [r.left, r.top, r.right, r.bottom]; };
    const hit = (a, b) => a[0] < b[2] - 0.5 && b[0] < a[2] - 0.5 && a[1] < b[3] - 0.5 && b[1] < a[3] - 0.5;
    const name = `chart ${k + 1} ("${(fl.title.text || '').replace(/<[^>]+>/g, '').slice(0, 40)}")`;
    for (const key of Object.keys(fl).filter(key => /^[xy]axis\\d*$/.test(key))) {
        const ax = fl[key];
        if (!ax.visible || !ax.showticklabels) continue;
        const lo = Math.min(...ax.range), hi = Math.max(...ax.range);
        let want = null;
        if (ax.type === 'category') want = ax._categories.filter((c, i) => i >= lo && i <= hi).length;
        else if (ax.tickmode === 'array' && ax.ticktext && ax.ticktext.length && ax.type !== 'date')
            want = ax.tickvals.filter(v => v >= lo && v <= hi).length;
        if (want === null) continue;
        const labels = [...gd.querySelectorAll(`g.${ax._id}tick text`)]
            .filter(t => t.textContent.trim() && t.getBoundingClientRect().width > 0).map(box);
        if (labels.length < want) problems.push(`${name}: ${ax._id} labels ${labels.length} of ${want} categories`);
        labels.forEach((a, i) => labels.slice(i + 1).forEach(b => {
            if (hit(a, b)) problems.push(`${name}: ${ax._id} tick labels overlap`);
        }));
    }
    const tops = [...gd.querySelectorAll('.g-gtitle')].map(box);
    (fl.annotations || []).forEach((a, i) => {
        const el = a.name === 'note' && gd.querySelector(`.annotation[data-index="${i}"]`);
        if (el) tops.push(box(el));
    });
    const controls = [...gd.querySelectorAll('.updatemenu-header, .slider-group')].map(box);
    controls.forEach(c => tops.forEach(t => {
        if (hit(c, t)) problems.push(`${name}: a control [${c.map(Math.round)}] overlaps the title or note [${t.map(Math.round)}]`);
    }));
    return [controls.length, problems];
}"""


@pytest.mark.parametrize("size", SIZES, ids=str)
@pytest.mark.parametrize("path", CHART_NOTEBOOKS, ids=lambda p: p.stem)
def test_charts_in_jupyterlab_label_every_row_and_keep_controls_off_titles(browser, lab, path, size):
    """Beside the file browser, as a student opens it: plotly must not thin out category labels, nor a menu hide a title."""
    width, height = SIZES[size]
    page = browser.new_page(viewport={"width": width, "height": height})
    outside, errors = _watch(page, LOCAL + (lab, lab.replace("http", "ws")))
    page.goto(f"{lab}/lab/workspaces/test-read-{path.stem}-{size}/tree/notebooks/{path.name}?reset&token={TOKEN}")
    page.wait_for_function("() => window.jupyterapp && document.querySelector('.jp-Notebook')", timeout=60000)
    page.evaluate("() => jupyterapp.commands.execute('filebrowser:activate')")
    page.wait_for_function("() => !jupyterapp.shell.leftCollapsed", timeout=15000)
    want = expected_charts(path)
    page.wait_for_function(f"() => document.querySelectorAll('.jp-Notebook .js-plotly-plot .main-svg').length >= {want}",
                           timeout=60000)
    area = page.evaluate("() => document.querySelector('.jp-Notebook').getBoundingClientRect().width")
    assert area < width - 200  # the file browser takes its share of the screen
    problems, controls = [], 0
    for k in range(want):
        page.locator(".jp-Notebook .js-plotly-plot").nth(k).scroll_into_view_if_needed()
        page.wait_for_timeout(300)  # let plotly settle at the size JupyterLab gives it
        found, bad = page.evaluate(CHART_READABLE, k)
        controls += found
        problems += bad
    assert problems == []
    assert controls >= {"01_stance": 2, "02_city_policies": 1}.get(path.stem, 0)  # the drop-downs and the map's slider were checked
    assert outside == [] and errors == []
    page.close()


def test_printed_output_wraps_between_words_in_jupyterlab(browser, lab):
    page = browser.new_page(viewport={"width": 1024, "height": 768})
    _watch(page, LOCAL + (lab, lab.replace("http", "ws")))
    page.goto(f"{lab}/lab/workspaces/test-wrap/tree/notebooks/{NOTEBOOKS[0].name}?reset&token={TOKEN}")
    page.wait_for_selector(".jp-OutputArea-output pre", timeout=60000)
    assert page.locator("link[href$='custom/custom.css']").count() == 1  # JupyterLab's custom CSS, from helpers/templates/lab
    page.wait_for_function("() => getComputedStyle(document.querySelector('.jp-OutputArea-output pre')).wordBreak === 'normal'",
                           timeout=15000)
    styles = page.evaluate("() => [...document.querySelectorAll('.jp-OutputArea-output pre')]"
                           ".map(e => getComputedStyle(e).wordBreak + ' ' + getComputedStyle(e).overflowWrap)")
    assert styles and set(styles) == {"normal break-word"}  # JupyterLab's own rule is break-all
    page.close()


@pytest.mark.parametrize("size", SIZES, ids=str)
def test_live_slideshow_shows_a_chart_whole(browser, lab, size):
    width, height = SIZES[size]
    page = browser.new_page(viewport={"width": width, "height": height})
    outside, _ = _watch(page, LOCAL + (lab, lab.replace("http", "ws")), block=False)
    page.goto(f"{lab}/rise/notebooks/00_start_here.ipynb?token={TOKEN}")
    page.wait_for_selector(".reveal .slides section.present", state="attached", timeout=90000)
    for _ in range(40):
        if page.locator("section.present .js-plotly-plot .main-svg").count():
            break
        page.keyboard.press("ArrowRight")
        time.sleep(0.4)
    time.sleep(1)  # let reveal.js scale the slide and plotly settle
    drawn, bad = _outside(page)
    assert drawn == 1 and bad == []
    styles = page.evaluate("() => [...document.querySelectorAll('.reveal .jp-OutputArea-output pre')]"
                           ".map(e => getComputedStyle(e).wordBreak + ' ' + getComputedStyle(e).overflowWrap)")
    assert styles and set(styles) == {"normal normal"}  # printed output wraps between words (notebooks/rise.css)
    assert outside == []  # the notebook's "white" RISE theme loads no web fonts
    page.close()


# --- handout images --------------------------------------------------------------------------

def test_handouts_are_drawn_by_kaleido_with_the_system_chromium(browser, tmp_path):
    written = present.handouts(tmp_path, names=["02_policy_map.png", "01_stance_by_speaker.png"])
    assert [p.name for p in written] == ["01_stance_by_speaker.png", "02_policy_map.png"]
    for path in written:
        head = path.read_bytes()[:24]
        assert head[:8] == b"\x89PNG\r\n\x1a\n"
        assert int.from_bytes(head[16:20], "big") == 2200  # 1100 pixels wide at scale 2
        assert path.stat().st_size > 50_000
