import pandas as pd

from helpers import tables

ARTICLES = pd.DataFrame({
    "article_id": ["abc-2016-11-17", "kr-2026-02"],
    "outlet": ["ABC News", "Korean news outlet"],
    "published": [pd.Timestamp("2016-11-17 18:40"), pd.Timestamp("2026-02-01")],
    "date_precision": ["minute", "month"],
})


class KB:
    actors = pd.DataFrame({"id": ["kent-guinn"], "name": ["Kent Guinn"]})


def test_show_has_no_index_readable_headers_and_readers_labels():
    frame = pd.DataFrame({"article_id": ["kr-2026-02"], "speaker": ["kent-guinn"], "n_quotes": [2]})
    html = tables.show(frame, articles=ARTICLES, kb=KB()).html
    assert [h for h in ("article", "speaker", "quotations") if f">{h}</th>" in html] == ["article", "speaker", "quotations"]
    assert html.count("<th ") == 3  # no index column
    assert ">Korean news outlet, Feb 2026</td>" in html and ">Kent Guinn</td>" in html
    assert "kr-2026-02" not in html and "kent-guinn" not in html


def test_show_keeps_long_text_whole_left_aligned_and_wrapping_at_spaces():
    text = "We will not turn our police into deportation agents, " * 4
    html = tables.show(pd.DataFrame({"text": [text], "n": [3]})).html
    assert text.strip() in html  # never cut
    text_cell = html.split("<td ")[1]
    assert "text-align:left" in text_cell and "white-space:normal" in text_cell and "word-break:normal" in text_cell
    assert "text-align:right" in html.split("<td ")[2]  # numbers right-aligned


def test_show_keeps_a_named_index_and_flattens_a_crosstab():
    table = pd.crosstab(pd.Series(["a", "b"], name="hand_type"), pd.Series(["a", "a"], name="auto"))
    html = tables.show(table).html
    assert ">hand-coded type ↓ · auto →</th>" in html and html.count("<tr>") == 3


def test_show_says_so_when_empty_and_renders_booleans_as_words():
    assert tables.show(pd.DataFrame({"a": []}), empty="No disagreement.").html == "<p><i>No disagreement.</i></p>"
    assert ">yes</td>" in tables.show(pd.DataFrame({"agrees": [True]})).html


def test_headers_rename_any_column_and_the_table_keeps_its_frame():
    shown = tables.show(pd.DataFrame({"x_y": [1]}), headers={"x_y": "my column"})
    assert ">my column</th>" in shown.html and shown._repr_html_() == shown.html
    assert list(shown.frame.columns) == ["x_y"]


def test_show_gives_readers_labels_to_row_labels_of_a_crosstab():
    table = pd.DataFrame({"article_id": ["abc-2016-11-17", "kr-2026-02"], "paragraph_type": ["body", "caption"]})
    counts = table.groupby(["article_id", "paragraph_type"]).size().unstack(fill_value=0)
    html = tables.show(counts, articles=ARTICLES).html
    assert ">ABC News, 17 Nov 2016</td>" in html and ">Korean news outlet, Feb 2026</td>" in html
    assert "abc-2016-11-17" not in html and ">article ↓ · paragraph type →</th>" in html


def test_show_gives_readers_labels_to_references_that_start_with_an_article_id():
    frame = pd.DataFrame({"ref": ["abc-2016-11-17, line 30, sentence 17", "elsewhere"], "text": ["x", "y"]})
    html = tables.show(frame, articles=ARTICLES).html
    assert ">ABC News, 17 Nov 2016, line 30, sentence 17</td>" in html and ">elsewhere</td>" in html
