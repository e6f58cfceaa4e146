import pandas as pd

from helpers import kwic

SENTS = pd.DataFrame({
    "article_id": ["a1", "a1", "b2"],
    "sentence": [1, 2, 1],
    "start": [0, 30, 5],
    "text": ["Sanctuary cities push back.", "ICE agents and police met.", "The city is a sanctuary; deportations rose."],
})
ARTS = pd.DataFrame({"article_id": ["a1", "b2"], "date_label": ["1 Jan 2017 (stated)", "Feb 2026 (inferred, month)"]})


def test_finds_whole_words_in_any_case_with_offsets():
    hits = kwic.kwic(SENTS, ARTS, "sanctuary")
    assert hits[["article_id", "sentence", "keyword", "start", "end"]].values.tolist() == [
        ["a1", 1, "Sanctuary", 0, 9], ["b2", 1, "sanctuary", 19, 28]]
    assert hits.iloc[1]["left"] == "The city is a " and hits.iloc[1]["right"] == "; deportations rose."
    assert hits.iloc[1]["date"] == "Feb 2026 (inferred, month)"


def test_wildcard_and_whole_word():
    assert kwic.kwic(SENTS, ARTS, "deport*")["keyword"].tolist() == ["deportations"]
    assert kwic.kwic(SENTS, ARTS, "deport").empty
    assert kwic.kwic(SENTS, ARTS, "ICE")["keyword"].tolist() == ["ICE"]  # not "police"


def test_empty_states():
    assert kwic.kwic(SENTS, ARTS, "   ").empty
    assert "Type a word" in kwic.to_html(kwic.kwic(SENTS, ARTS, ""), "", 2)
    html = kwic.to_html(kwic.kwic(SENTS, ARTS, "tariff"), "tariff", 2)
    assert "No occurrence of <b>tariff</b> in the 2 articles" in html


def test_html_escapes_and_counts():
    html = kwic.to_html(kwic.kwic(SENTS, ARTS, "sanctuary"), "sanctuary", 2)
    assert "<b>2</b> occurrence(s) of <b>sanctuary</b> (a1: 1, b2: 1)" in html
    assert kwic.to_html(kwic.kwic(SENTS, ARTS, "<x>"), "<x>", 2).count("&lt;x&gt;") == 1


def test_explorer_updates_live_and_has_a_static_fallback():
    box = kwic.explorer(SENTS, ARTS, word="ICE")
    text, result = box.children
    assert "ICE" in result.value and "<b>1</b> occurrence" in result.value
    text.value = "sanctuary"
    assert "<b>2</b> occurrence(s)" in result.value
    bundle = box._repr_mimebundle_()
    data = bundle[0] if isinstance(bundle, tuple) else bundle
    assert "application/vnd.jupyter.widget-view+json" in data
    assert "Static copy of the search for “sanctuary”" in data["text/html"] and "<table>" in data["text/html"]


def test_html_names_articles_by_their_readers_labels():
    html = kwic.to_html(kwic.kwic(SENTS, ARTS, "sanctuary"), "sanctuary", 2, {"a1": "ABC News, 1 Jan 2017"})
    assert "(ABC News, 1 Jan 2017: 1, b2: 1)" in html and ">ABC News, 1 Jan 2017</td>" in html
