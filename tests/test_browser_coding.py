"""In a real browser: the coding widget saves and resumes, and an article added from a saved page shows up.

Same conventions as ``tests/test_browser.py``: Debian's Chromium driven by playwright, JupyterLab started by
the tests on 127.0.0.1 with a token and its own folders, serving copies of the notebooks. The coders' files
go to a temporary folder (``SANCTUARY_CODINGS``) and the article to a temporary copy of the corpus
(``SANCTUARY_CORPUS``), so nothing in the repository is written. ``SANCTUARY_SCREENSHOTS=DIR`` keeps
screenshots of the coding widget (after an answer, at 1280 x 720) and the agreement section there.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest
from test_add import news_page
from test_browser import LOCAL, TOKEN, _watch, browser, lab_server  # noqa: F401  (browser is a fixture)

from helpers import coding, corpus, notebooks

pytestmark = pytest.mark.enable_socket

CODE_IT = "05_code_it_yourself.ipynb"
START_HERE = "00_start_here.ipynb"


@pytest.fixture(scope="module")
def class_lab(tmp_path_factory, browser):  # noqa: F811
    """JupyterLab whose kernels read a copy of the corpus and write coder files to a temporary folder."""
    home = tmp_path_factory.mktemp("class-lab")
    served, codings, corpus_copy = home / "notebooks", home / "codings", home / "corpus"
    served.mkdir()
    codings.mkdir()
    shutil.copytree(corpus.CORPUS_DIR, corpus_copy)
    for name in (CODE_IT, START_HERE):
        shutil.copy(notebooks.NOTEBOOK_DIR / name, served / name)
    with lab_server(served, home, SANCTUARY_CODINGS=str(codings), SANCTUARY_CORPUS=str(corpus_copy)) as url:
        yield {"url": url, "codings": codings, "corpus": corpus_copy, "home": home}


def _screenshot(locator, name: str, tmp_path: Path) -> None:  # a page or an element
    folder = Path(os.environ.get("SANCTUARY_SCREENSHOTS") or tmp_path)
    folder.mkdir(parents=True, exist_ok=True)
    locator.screenshot(path=str(folder / name))


def _kernel_idle(page) -> None:
    page.wait_for_function("() => window.jupyterapp && window.jupyterapp.shell.currentWidget && "
                           "window.jupyterapp.shell.currentWidget.sessionContext && "
                           "window.jupyterapp.shell.currentWidget.sessionContext.session && "
                           "window.jupyterapp.shell.currentWidget.sessionContext.session.kernel && "
                           "window.jupyterapp.shell.currentWidget.sessionContext.session.kernel.status === 'idle'",
                           timeout=90000)


def _run_all(page) -> None:
    _kernel_idle(page)
    page.evaluate("() => jupyterapp.commands.execute('notebook:clear-all-cell-outputs')")
    page.evaluate("() => jupyterapp.commands.execute('notebook:run-all-cells')")
    try:
        page.wait_for_function(
            """() => {
                const panel = jupyterapp.shell.currentWidget;
                const cells = panel.content.widgets.filter(c => c.model.type === 'code' && c.model.sharedModel.getSource());
                return cells.every(c => c.model.executionCount !== null) && panel.sessionContext.session.kernel.status === 'idle';
            }""", timeout=180000)
    except Exception:
        errors = page.locator(".jp-OutputArea-output[data-mime-type='application/vnd.jupyter.stderr'], "
                              ".jp-RenderedText[data-mime-type='application/vnd.jupyter.error']").all_inner_texts()
        counts = page.evaluate("() => jupyterapp.shell.currentWidget.content.widgets.filter(c => c.model.type === 'code')"
                               ".map(c => c.model.executionCount)")
        raise AssertionError(f"the notebook did not finish: execution counts {counts}; errors {errors}") from None


def _open(page, lab: str, name: str, workspace: str) -> None:
    page.goto(f"{lab}/lab/workspaces/{workspace}/tree/{name}?reset&token={TOKEN}")
    page.wait_for_function("() => window.jupyterapp && document.querySelector('.jp-Notebook')", timeout=60000)


def _start(coder, name: str) -> None:
    coder.locator("input[placeholder='your name']").fill(name)
    coder.locator("button", has_text="Start coding").click()
    coder.locator(".coding-paragraph").wait_for(timeout=30000)


def _on_screen(page, locator) -> bool:
    """Return whether the element lies wholly inside the part of the notebook on screen (under its toolbar, above
    the status bar), without scrolling."""
    box = locator.bounding_box()
    view = page.locator(".jp-NotebookPanel:not(.lm-mod-hidden) .jp-WindowedPanel-outer").bounding_box()
    return box is not None and box["y"] >= view["y"] and box["x"] >= view["x"] \
        and box["y"] + box["height"] <= view["y"] + view["height"] and box["x"] + box["width"] <= view["x"] + view["width"]


def _scrolled(page) -> float:
    return page.evaluate("() => document.querySelector('.jp-NotebookPanel:not(.lm-mod-hidden) .jp-WindowedPanel-outer')"
                         ".scrollTop")


def _press(button) -> None:
    """Click a widget button once the kernel has enabled it (clicking earlier makes playwright retry, scrolling the
    button to the bottom of the screen, which a reader never does)."""
    button.page.wait_for_function("b => !b.disabled", arg=button.element_handle(), timeout=20000)
    button.page.wait_for_timeout(100)
    button.click()


def _locked(coder) -> bool:
    """Return whether the quotation shown is locked: every stance button, speaker and Save disabled."""
    toggles = coder.locator(".widget-toggle-button")
    radios = coder.locator(".widget-radio-box input")
    return (all(toggles.nth(k).is_disabled() for k in range(toggles.count()))
            and all(radios.nth(k).is_disabled() for k in range(radios.count()))
            and coder.locator("button", has_text="Save my").is_disabled())


def _chosen_look(page) -> dict:
    """Return how the chosen stance button is drawn: fill, text colour, weight, opacity and the mark before it."""
    return page.evaluate("""() => {
        const b = document.querySelector('.sanctuary-coder .widget-toggle-button.mod-active');
        const s = getComputedStyle(b), label = document.querySelector('.sanctuary-coder .widget-radio-box label:has(input:checked)');
        return {background: s.backgroundColor, color: s.color, weight: s.fontWeight, opacity: s.opacity,
                mark: getComputedStyle(b, '::before').content, speaker: label ? getComputedStyle(label).backgroundColor : null};
    }""")


def test_coding_in_jupyterlab_locks_each_answer_and_keeps_a_change_as_a_second(browser, class_lab, tmp_path):  # noqa: F811
    lab = class_lab["url"]
    page = browser.new_page(viewport={"width": 1280, "height": 720})     # a laptop, with the file browser open
    outside, _ = _watch(page, LOCAL + (lab, lab.replace("http", "ws")))
    _open(page, lab, CODE_IT, "coding")
    assert page.locator(".jp-FileBrowser").is_visible()
    _run_all(page)
    coder = page.locator(".sanctuary-coder")
    coder.wait_for(timeout=30000)
    name_box = coder.locator("input[placeholder='your name']")
    page.wait_for_function("() => document.activeElement && document.activeElement.placeholder === 'your name'",
                           timeout=20000)                           # Run All ends at the widget, in its name box ...
    page.wait_for_timeout(500)
    assert _on_screen(page, name_box)                                # ... on screen, not at the bottom of the notebook
    _start(coder, "Zoë")
    top = _scrolled(page)
    for i in range(5):
        coder.get_by_text(f"Quotation {i + 1} of 20").wait_for(timeout=20000)
        page.wait_for_timeout(300)
        assert coder.locator(".coding-paragraph mark").count() == 1
        assert coder.locator(".coding-reveal").count() == 0          # the automatic label stays hidden ...
        save = coder.locator("button", has_text="Save my answer")
        assert save.is_disabled()                                     # ... and nothing is saved before an answer
        assert not coder.locator(".widget-toggle-button", has_text="AGAINST").is_disabled()
        coder.locator(".widget-radio-box label").first.click()
        coder.locator(".widget-toggle-button", has_text="AGAINST").click()
        _press(save)
        reveal = coder.locator(".coding-reveal", has_text="Automatic label")
        reveal.wait_for(timeout=20000)
        page.wait_for_timeout(300)
        assert _locked(coder)                                         # locked once the reference is shown
        where = f"quotation {i + 1}: feedback at {reveal.bounding_box()}, Save at {save.bounding_box()}, scrolled " \
                f"{_scrolled(page)} (at the start {top})"
        assert _on_screen(page, reveal) and _on_screen(page, save), where   # the feedback beside the buttons, on screen
        assert _scrolled(page) == top, where                                # ... without scrolling
        look = _chosen_look(page)
        assert look == {"background": "rgb(0, 0, 0)", "color": "rgb(255, 255, 255)", "weight": "700", "opacity": "1",
                        "mark": '"✓\xa0"', "speaker": "rgb(0, 0, 0)"}, look
        if i == 0:
            _screenshot(page, "widget-after-answer.png", tmp_path)
        if i == 2:                                                    # a change of mind: a second, marked answer
            coder.locator("button", has_text="Change my answer").click()
            coder.locator("button", has_text="Save my changed answer").wait_for(timeout=10000)
            assert not coder.locator(".widget-toggle-button", has_text="NONE").is_disabled()
            coder.locator(".widget-toggle-button", has_text="NONE").click()
            _press(coder.locator("button", has_text="Save my changed answer"))
            coder.locator(".coding-reveal", has_text="Changed after seeing the reference: NONE").wait_for(timeout=20000)
            page.wait_for_timeout(300)
            assert _locked(coder)
        if i == 4:
            coder.get_by_text("Codebook: what FAVOR, AGAINST and NONE mean").click()   # one click away
            coder.get_by_text("supports or cooperates with federal immigration enforcement").wait_for(timeout=10000)
            _screenshot(coder, "coding_widget.png", tmp_path)
            coder.locator("button", has_text="Previous").click()     # Previous shows the answer, still locked
            coder.get_by_text("Quotation 4 of 20").wait_for(timeout=20000)
            page.wait_for_timeout(300)
            assert _locked(coder) and coder.locator(".coding-reveal", has_text="Your answer: AGAINST").count() == 1
            coder.locator("button", has_text="Next quotation").click()
            coder.get_by_text("Quotation 5 of 20").wait_for(timeout=20000)
        coder.locator("button", has_text="Next quotation").click()
    path = class_lab["codings"] / coding.path_for("Zoë").name
    assert path.name.startswith("zoe-") and sorted(p.name for p in class_lab["codings"].iterdir()) == [path.name]
    saved = pd.read_csv(path, dtype=str)
    assert len(saved) == 6 and set(saved["coder"]) == {"Zoë"}
    assert saved["attempt"].tolist() == ["1", "1", "1", "2", "1", "1"] and saved["stance"].tolist()[3] == "NONE"
    assert set(coding.first(saved.assign(attempt=saved["attempt"].astype(int)))["stance"]) == {"AGAINST"}

    page.evaluate("() => jupyterapp.shell.currentWidget.sessionContext.session.kernel.restart()")
    _kernel_idle(page)
    page.reload()
    page.wait_for_function("() => window.jupyterapp && document.querySelector('.jp-Notebook')", timeout=60000)
    _run_all(page)
    coder = page.locator(".sanctuary-coder")
    coder.wait_for(timeout=30000)
    _start(coder, "zoë")
    coder.get_by_text("Quotation 6 of 20").wait_for(timeout=20000)
    assert "Zoë: 5 of 20 coded" in coder.inner_text()
    assert len(pd.read_csv(path, dtype=str)) == 6

    section = page.locator(".jp-Cell", has_text="Krippendorff's alpha").last
    section.scroll_into_view_if_needed()
    heading = page.locator(".jp-Cell", has_text="3. An example class").first
    assert heading.count() == 1 and section.locator("table").count() == 1
    chart = page.locator(".jp-Cell", has_text="charts.coder_agreement(coding.kappas(wide, examples))")
    chart.scroll_into_view_if_needed()
    chart.locator(".js-plotly-plot").wait_for(timeout=20000)
    assert "example-ana" in chart.inner_text() and "0.75 (n = 20)" in chart.inner_text()
    heading.scroll_into_view_if_needed()
    page.wait_for_timeout(500)
    page.screenshot(path=str(Path(os.environ.get("SANCTUARY_SCREENSHOTS") or tmp_path) / "agreement_section.png"))
    assert outside == []
    page.close()


def test_an_article_added_from_a_saved_page_shows_up_in_start_here(browser, class_lab, tmp_path):  # noqa: F811
    lab = class_lab["url"]
    page_file = tmp_path / "springfield-ledger.html"
    page_file.write_text(news_page(), encoding="utf-8")
    done = subprocess.run([sys.executable, "-m", "helpers", "add", str(page_file), "--corpus", str(class_lab["corpus"])],
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stdout + done.stderr
    assert "  id        the-springfield-ledger-2026-03-03" in done.stdout
    page = browser.new_page(viewport={"width": 1400, "height": 1000})
    outside, _ = _watch(page, LOCAL + (lab, lab.replace("http", "ws")))
    _open(page, lab, START_HERE, "added")
    _run_all(page)
    table = page.locator(".jp-Cell", has_text="articles = p.articles").first.locator(".jp-OutputArea-output table")
    table.wait_for(timeout=30000)
    table.scroll_into_view_if_needed()
    assert "Springfield limits police help to ICE" in table.text_content()
    assert "The Springfield Ledger" in table.text_content()
    _screenshot(table, "start_here_with_added_article.png", tmp_path)
    assert page.locator(".jp-OutputArea-output[data-mime-type='application/vnd.jupyter.stderr']").count() == 0
    assert outside == []
    page.close()
