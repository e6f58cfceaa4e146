"""Printed decks, speaker's editions and worksheets: made by decktape and Chromium, counted page by page."""

from __future__ import annotations

import os
import re
import shutil
import subprocess

import pytest

from helpers import decks, notebooks, pdf, present

pytestmark = pytest.mark.enable_socket
NOTEBOOKS = notebooks.notebook_paths()


def _need(tool: str) -> None:
    if shutil.which(tool) is None or not pdf.CHROMIUM.is_file():
        message = f"no {tool} or Chromium: on Debian/Ubuntu `sudo apt-get install poppler-utils chromium` enables the PDF tests"
        if os.environ.get("SANCTUARY_BROWSER") == "required":
            pytest.fail(message)
        pytest.skip(message)


def _pages(path) -> tuple[int, str]:
    info = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True, check=True).stdout
    return int(re.search(r"Pages:\s+(\d+)", info).group(1)), re.search(r"Page size:\s+(.*)", info).group(1)


def _text(path, page: int) -> str:
    return subprocess.run(["pdftotext", "-f", str(page), "-l", str(page), "-layout", str(path), "-"],
                          capture_output=True, text=True, check=True).stdout


@pytest.fixture(scope="module")
def printed(tmp_path_factory):
    _need("pdfinfo")
    out = tmp_path_factory.mktemp("handouts")
    return out, pdf.make(out)


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.stem)
def test_each_deck_prints_one_whole_slide_a_page(printed, path):
    out, _ = printed
    sections, _ = decks.render(decks.script_for(path), path)
    titles = [re.search(r"<h[12]>(?:<span[^>]*>Optional</span> )?([^<]+)</h[12]>", s).group(1) for s in sections.split("<section")[1:]]
    pages, size = _pages(out / f"{path.stem}.slides.pdf")
    assert pages == len(titles)
    assert size.startswith("768 x 576 pts")  # 1024 x 768 px: the slide as the projector shows it
    for k, title in enumerate(titles, 1):
        words = " ".join(_text(out / f"{path.stem}.slides.pdf", k).split())
        assert " ".join(title.split())[:30].replace("&#x27;", "'").replace("&quot;", '"') in words.replace("’", "'"), (k, title)


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.stem)
def test_the_speakers_edition_has_every_slide_with_its_notes(printed, path):
    out, _ = printed
    pages, size = _pages(out / f"{path.stem}.notes.pdf")
    slides = len(re.findall(r"<section", decks.render(decks.script_for(path), path)[0]))
    assert size.endswith("(A4)") and pages >= slides
    text = subprocess.run(["pdftotext", str(out / f"{path.stem}.notes.pdf"), "-"], capture_output=True, text=True).stdout
    assert text.count("Speaker notes") == slides


def test_a_worksheet_for_each_class_hour_notebook_with_room_to_answer(printed):
    out, written = printed
    stars = sorted(name for name, (_, star) in present.descriptions().items() if star)
    assert sorted(p.name for p in written if p.name.endswith(".worksheet.pdf")) == [f"{s}.worksheet.pdf" for s in stars]
    for name in stars:
        questions = pdf.your_turn(next(p for p in NOTEBOOKS if p.stem == name))
        text = subprocess.run(["pdftotext", str(out / f"{name}.worksheet.pdf"), "-"], capture_output=True, text=True).stdout
        assert "Name:" in text and questions and all(f"{k}." in text for k in range(1, len(questions) + 1))
