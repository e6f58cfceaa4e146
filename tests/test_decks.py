"""The deck scripts: every notebook has one, every reference finds its cell, every slide has a heading and notes."""

from pathlib import Path

import nbformat
import pytest

from helpers import decks, notebooks

NOTEBOOKS = notebooks.notebook_paths()


def test_every_notebook_has_a_deck_script():
    missing = [p.stem for p in NOTEBOOKS if not decks.script_for(p).is_file()]
    assert missing == []


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.stem)
def test_every_slide_renders_with_a_heading_and_speaker_notes(path):
    sections, charts = decks.render(decks.script_for(path), path)
    slides = sections.split("<section")[1:]
    assert slides and all("<h1>" in s or "<h2>" in s for s in slides)
    assert all(len(s.split('<aside class="notes">')[1].split("</aside>")[0].strip()) > 20 for s in slides)
    assert len({c["id"] for c in charts}) == len(charts)


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.stem)
def test_every_chart_of_the_notebook_is_on_a_slide(path):
    nb = nbformat.read(path, as_version=4)
    drawn = sum(decks.PLOTLY_MIME in o.get("data", {}) for c in nb.cells for o in c.get("outputs", []))
    assert len(decks.render(decks.script_for(path), path)[1]) == drawn


def test_optional_slides_come_after_the_main_path_behind_a_divider(tmp_path):
    nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_markdown_cell("# T")])
    nbformat.write(nb, tmp_path / "00_t.ipynb")
    (tmp_path / "00_t.md").write_text("# T\n---\n## Deep\noptional\n---\n## Main\nText.\n")
    sections, _ = decks.render(tmp_path / "00_t.md", tmp_path / "00_t.ipynb")
    order = [h for h in ("<h1>T", "Optional slides", "Optional</span> Deep", "<h2>Main") if h in sections]
    assert sections.index("<h2>Main") < sections.index("Optional slides") < sections.index("Optional</span> Deep")
    assert len(order) == 4


def test_a_reference_to_no_cell_is_a_one_line_error(tmp_path):
    nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell("charts.a(x)")])
    nbformat.write(nb, tmp_path / "00_t.ipynb")
    (tmp_path / "00_t.md").write_text("## A chart\nchart: charts.b(x)\n")
    with pytest.raises(decks.DeckError, match=r"00_t.md, slide 1 \(A chart\): expected one code cell whose source "
                                               r"contains 'charts.b\(x\)', found 0"):
        decks.render(tmp_path / "00_t.md", tmp_path / "00_t.ipynb")


def test_a_slide_without_a_heading_is_a_one_line_error():
    with pytest.raises(decks.DeckError, match=r"d.md, slide 2: expected a heading line"):
        decks.parse("# T\n---\nno heading here\n", "d.md")


def test_a_long_table_shows_its_top_rows_and_says_how_many_more(tmp_path):
    rows = "".join(f"<tr><td>{i}</td><td>x{i}</td></tr>" for i in range(9))
    nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell("tables.show(t)")])
    nb.cells[0].outputs = [nbformat.v4.new_output("display_data", data={
        "text/html": f"<table><thead><tr><th>n</th><th>name</th></tr></thead><tbody>{rows}</tbody></table>"})]
    nbformat.write(nb, tmp_path / "00_t.ipynb")
    (tmp_path / "00_t.md").write_text("## Rows\ntable: tables.show(t) | top 3 | columns name\n")
    sections, _ = decks.render(tmp_path / "00_t.md", tmp_path / "00_t.ipynb")
    assert sections.count("<tr>") == 4 and "x2" in sections and "x3" not in sections and ">0<" not in sections
    assert "3 of 9 rows; all 9 in the notebook and on the site." in sections


def test_slide_figures_fill_their_slide_with_large_text_and_every_category_labelled():
    spec = {"data": [{"type": "scatter", "x": [1, 2], "y": ["Ana", "Ben"], "text": ["<span style='font-size:11px'>a</span>"]}],
            "layout": {"height": 700, "font": {"size": 12}, "legend": {"font": {"size": 10}},
                       "annotations": [{"text": "A long note about how the chart was made, for the notes", "yref": "paper", "y": -0.2},
                                       {"text": "<b>Panel</b>", "yref": "paper", "y": 1}]}}
    fig, title = decks.slide_figure(spec)
    assert fig["layout"]["autosize"] and "height" not in fig["layout"]
    assert fig["layout"]["font"]["size"] == 18 and fig["layout"]["legend"]["font"]["size"] == 16
    assert fig["layout"]["yaxis"]["dtick"] == 1 and "dtick" not in fig["layout"].get("xaxis", {})
    assert "font-size:16px" in fig["data"][0]["text"][0]
    assert [a["text"] for a in fig["layout"]["annotations"]] == ["<b>Panel</b>"]
    assert title == "A long note about how the chart was made, for the notes"
    assert spec["layout"]["height"] == 700  # the stored figure is left as it was


def test_the_deck_page_loads_nothing_from_outside_its_folder(tmp_path):
    nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_markdown_cell("# T")])
    nbformat.write(nb, tmp_path / "00_t.ipynb")
    (tmp_path / "00_t.md").write_text("# T\nHello.\n")
    html = decks.deck_html(tmp_path / "00_t.md", tmp_path / "00_t.ipynb")
    assert "http://" not in html and "https://" not in html
    assert 'src="reveal.js/dist/reveal.js"' in html and 'src="assets/plotly.min.js"' in html


def test_deck_check_limits_are_the_classroom_ones():
    assert decks.CHART_TEXT >= 14
    from helpers import deckcheck
    assert deckcheck.LIMITS == {"text": 24.0, "caption": 18.0, "chart": 14.0, "chart title": 20.0, "words": 40, "notes": 1}
