"""The stored notebooks: skeleton, size, and a new article showing up everywhere."""

import json

import nbformat
import pytest

from helpers import annotate, charts, corpus, kwic, notebooks, paragraphs

SKELETON = ["## Takeaways", "## Your turn", "What are we actually measuring?", "**In this notebook you will**",
            "**Inputs and outputs**"]


PLOTLY = "application/vnd.plotly.v1+json"


@pytest.mark.parametrize("path", notebooks.notebook_paths(), ids=lambda p: p.name)
def test_slideshow_has_one_chart_per_slide_and_no_sub_slides(path):
    nb = nbformat.read(path, as_version=4)
    kinds = [c.metadata.get("slideshow", {}).get("slide_type", "-") for c in nb.cells]
    assert "subslide" not in kinds  # the right arrow reaches every slide, in RISE as in the decks
    for i, cell in enumerate(nb.cells):
        if any(PLOTLY in o.get("data", {}) for o in cell.get("outputs", [])):
            assert kinds[i] == "slide", f"cell {i}: a chart starts its own slide"
            following = next((k for k in kinds[i + 1:] if k != "skip"), "slide")
            assert following in ("slide", "notes"), f"cell {i}: nothing shares the chart's slide"
    assert nb.metadata["rise"]["width"] == "100%" and nb.metadata["rise"]["minScale"] == 1  # slides at screen size
    tables = [c for c in nb.cells if c.cell_type == "code" and any("text/html" in o.get("data", {}) and "<table" in
              o["data"]["text/html"] for o in c.get("outputs", []))]
    assert all("tables.show(" in c.source or "tables.capped(" in c.source or "explorer(" in c.source or "drilldown(" in c.source for c in tables)


@pytest.mark.parametrize("path", notebooks.notebook_paths(), ids=lambda p: p.name)
def test_notebook_follows_the_skeleton_and_stays_small(path):
    nb = nbformat.read(path, as_version=4)
    text = "\n".join(c.source for c in nb.cells if c.cell_type == "markdown")
    for part in SKELETON:
        assert part in text, part
    assert nb.cells[1].source.startswith("# ")
    assert path.stat().st_size < 400_000
    for cell in nb.cells:
        if cell.cell_type == "code":
            assert cell.source == "" or cell.outputs or cell.metadata.get("slideshow", {}).get("slide_type") == "skip"
            assert all(o.output_type != "error" for o in cell.outputs)
            assert all(o.get("name") != "stderr" for o in cell.outputs)
            assert "execution" not in cell.metadata
    assert "widgets" not in nb.metadata


def test_a_new_article_shows_up_everywhere(corpus_with_new_article, tmp_path):
    arts = corpus.load(corpus_with_new_article)
    assert "test-2025-03-03" in set(arts["article_id"])
    paras = paragraphs.paragraphs(arts)
    new = paras[paras["article_id"] == "test-2025-03-03"]
    assert new["paragraph_type"].tolist() == ["title", "boilerplate", "boilerplate", "body", "body", "caption", "caption"]
    assert paragraphs.unlabelled(paras, paragraphs.reference(corpus_with_new_article)) == ["test-2025-03-03"]
    agree = paragraphs.agreement(paras, paragraphs.reference(corpus_with_new_article))
    assert len(agree) == 133
    sents = annotate.sentiment(annotate.sentences(arts, paras))
    assert (sents["article_id"] == "test-2025-03-03").sum() == 9
    assert kwic.kwic(sents, arts, "Zanzibarian")["article_id"].tolist() == ["test-2025-03-03"]
    assert "test-2025-03-03" in [t.name for t in charts.sentiment_arc(sents).data]
    assert "test-2025-03-03" in list(charts.composition(paras).data[0].y)


@pytest.mark.enable_socket
def test_start_here_runs_on_a_corpus_with_a_new_article(corpus_with_new_article):
    nb, _ = notebooks.run(notebooks.NOTEBOOK_DIR / "00_start_here.ipynb",
                          env={"SANCTUARY_CORPUS": str(corpus_with_new_article)})
    outputs = json.dumps([c.get("outputs", []) for c in nb.cells])
    assert "test-2025-03-03" in outputs
    assert "Zanzibarian families live here too" in outputs  # its sentences are in the sentiment chart
    assert "Springfield mayor vows to keep city a sanctuary" in outputs  # its title, in the table and the search
    assert "No hand labels yet for: test-2025-03-03" in outputs


#: What each themed notebook must show when the corpus gains an article nobody has hand-coded.
NEW_ARTICLE_SHOWS = {
    "01_stance.ipynb": ["61 quotations by 24 speakers in 6 articles",
                        "Zanzibarian families live here too",  # in the explorer's table and the charts' hover
                        "not hand-coded", "Test Desk \\u00b7 2"],  # its column in the stance-over-time chart
    "02_city_policies.ipynb": ["15 jurisdictions; 26 actions",  # the new article adds no hand-coded action
                               "Miami-Dade County moved to cooperate in Jan 2017; 11 other jurisdictions restricted"],
    "03_party_breakdown.ipynb": ["n = 6 quotations, 4 speakers"],  # "party unknown" now includes its mayor
}


@pytest.mark.enable_socket
@pytest.mark.parametrize("name", NEW_ARTICLE_SHOWS)
def test_themed_notebook_runs_on_a_corpus_with_a_new_article(corpus_with_new_article, name):
    nb, _ = notebooks.run(notebooks.NOTEBOOK_DIR / name, env={"SANCTUARY_CORPUS": str(corpus_with_new_article)})
    outputs = json.dumps([c.get("outputs", []) for c in nb.cells])
    assert all(o.get("output_type") != "error" for c in nb.cells for o in c.get("outputs", []))
    for text in NEW_ARTICLE_SHOWS[name]:
        assert text in outputs, text
