"""In a real browser: the coding widget saves and resumes, and an article added from a saved page shows up.

Same conventions as ``tests/test_browser.py``: Debian's Chromium driven by playwright, JupyterLab started by
the tests on 127.0.0.1 with a token and its own folders, serving copies of the notebooks. The coders' files
go to a temporary folder (``SANCTUARY_CODINGS``) and the article to a temporary copy of the corpus
(``SANCTUARY_CORPUS``), so nothing in the repository is written. ``SANCTUARY_SCREENSHOTS=DIR`` keeps
screenshots of the coding widget and the agreement section there.
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

from helpers import corpus, notebooks

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


def _screenshot(locator, name: str, tmp_path: Path) -> None:
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
    coder.locator("input[placeholder='your first name']").fill(name)
    coder.locator("button", has_text="Start coding").click()
    coder.locator(".coding-paragraph").wait_for(timeout=30000)


def test_five_quotations_coded_survive_a_kernel_restart_and_a_reload(browser, class_lab, tmp_path):  # noqa: F811
    lab = class_lab["url"]
    page = browser.new_page(viewport={"width": 1400, "height": 1000})
    outside, _ = _watch(page, LOCAL + (lab, lab.replace("http", "ws")))
    _open(page, lab, CODE_IT, "coding")
    _run_all(page)
    coder = page.locator(".sanctuary-coder")
    coder.wait_for(timeout=30000)
    _start(coder, "Robin")
    for i in range(5):
        coder.get_by_text(f"Quotation {i + 1} of 20").wait_for(timeout=20000)
        page.wait_for_timeout(300)
        assert coder.locator(".coding-paragraph mark").count() == 1
        assert coder.locator(".coding-reveal").count() == 0          # the automatic label stays hidden ...
        save = coder.locator("button", has_text="Save my answer")
        assert save.is_disabled()                                     # ... and nothing is saved before an answer
        coder.locator(".widget-radio-box label").first.click()
        coder.locator(".widget-toggle-button", has_text="AGAINST").click()
        save.click()
        coder.locator(".coding-reveal", has_text="Automatic label").wait_for(timeout=20000)
        if i == 4:
            coder.get_by_text("Codebook: what FAVOR, AGAINST and NONE mean").click()   # one click away
            coder.get_by_text("supports or cooperates with federal immigration enforcement").wait_for(timeout=10000)
            _screenshot(coder, "coding_widget.png", tmp_path)
        coder.locator("button", has_text="Next quotation").click()
    saved = pd.read_csv(class_lab["codings"] / "robin.csv", dtype=str)
    assert len(saved) == 5 and set(saved["stance"]) == {"AGAINST"}
    assert sorted(p.name for p in class_lab["codings"].iterdir()) == ["robin.csv"]

    page.evaluate("() => jupyterapp.shell.currentWidget.sessionContext.session.kernel.restart()")
    _kernel_idle(page)
    page.reload()
    page.wait_for_function("() => window.jupyterapp && document.querySelector('.jp-Notebook')", timeout=60000)
    _run_all(page)
    coder = page.locator(".sanctuary-coder")
    coder.wait_for(timeout=30000)
    _start(coder, "robin")
    coder.get_by_text("Quotation 6 of 20").wait_for(timeout=20000)
    assert "robin: 5 of 20 coded" in coder.inner_text()
    assert "Quotation 6 of 20" in coder.inner_text()
    assert len(pd.read_csv(class_lab["codings"] / "robin.csv", dtype=str)) == 5

    section = page.locator(".jp-Cell", has_text="Krippendorff's alpha").last
    section.scroll_into_view_if_needed()
    heading = page.locator(".jp-Cell", has_text="3. An example class").first
    assert heading.count() == 1 and section.locator("table").count() == 1
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
