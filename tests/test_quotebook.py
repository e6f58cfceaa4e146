"""The quotation book: evidence for every quotation, filters, the explorer and its static copy."""

import pandas as pd
import pytest

from helpers import annotate, corpus, knowledge, quotebook, quotes


def _book(corpus_dir=None, hand=True):
    arts = corpus.load(corpus_dir)
    kb = knowledge.load(corpus_dir, arts)
    sents = annotate.sentences(arts)
    ref = quotes.reference(arts, kb, corpus_dir) if hand else None
    return arts, quotebook.build(arts, sents, quotes.find(arts, sents, kb), ref, kb)


@pytest.fixture(scope="module")
def built():
    return _book()


@pytest.fixture(scope="module")
def book(built):
    return built[1]


def test_one_row_per_hand_coded_speech_quotation(book):
    assert list(book.columns) == quotebook.COLUMNS
    assert len(book) == 59
    assert book["stance_hand"].value_counts().to_dict() == {"AGAINST": 43, "FAVOR": 9, "NONE": 7}
    assert int(book["agrees"].sum()) == 56
    assert book["speaker"].nunique() == 23
    assert set(book["kind"]) == {"full", "partial"}


def test_every_row_points_at_its_words(built):
    arts, book = built
    texts = dict(zip(arts["article_id"], arts["text"]))
    for r in book.itertuples():
        text = texts[r.article_id]
        assert text[r.start:r.end] == r.text
        assert r.text in r.sentence_text and r.sentence_text in text
        assert r.text[:20] in text.split("\n")[r.line - 1]
        assert r.ref == f"{r.article_id}, line {r.line}, sentence {r.sentence}"
    assert (book["published"].diff().dropna() >= pd.Timedelta(0)).all()


def test_speakers_carry_role_jurisdiction_and_where_their_party_comes_from(book):
    first = book.drop_duplicates("speaker").set_index("speaker")
    assert first.loc["Carlos Gimenez", ["role", "jurisdiction", "party", "party_source"]].tolist() == \
        ["mayor", "Miami-Dade County", "Republican", "stated"]
    assert first.loc["Bill de Blasio", ["party", "party_source"]].tolist() == ["Democratic", "outside the corpus"]
    assert first.loc["Karen Tumlin", "party"] == "party unknown"
    assert first.loc["Washington Post", "party"] == "no party (organisation)"
    assert first.loc["Charlie Beck", "party"] == "no party"
    assert first.loc["Zohran Mamdani", ["year", "administration", "date_label"]].tolist() == \
        [2026, "Trump, 2nd term", "Feb 2026 (inferred, month)"]


def test_sentiment_scores_the_quotations_own_words(book):
    row = book[book["text"].str.contains("You are safe in Chicago")].iloc[0]
    assert (row["polarity"], row["stance_hand"]) == (0.45, "AGAINST")
    assert book["polarity"].between(-1, 1).all() and book["subjectivity"].between(0, 1).all()
    assert book["vader_compound"].between(-1, 1).all()


def test_a_new_article_that_nobody_coded(corpus_with_new_article):
    _, book = _book(corpus_with_new_article)
    new = book[book["article_id"] == "test-2025-03-03"]
    assert new["text"].tolist() == ["“We will not turn our police into deportation agents,”", "“Zanzibarian families live here too.”"]
    assert set(new["stance_hand"]) == {quotebook.NOT_CODED}
    assert set(new["speaker"]) == {"Ana Ruiz"}
    assert set(new["party"]) == {"party unknown"}
    assert set(new["party_source"]) == {"not in knowledge/actors.csv"}
    assert not new["agrees"].any()


def test_without_any_hand_coding_every_quotation_is_automatic():
    _, book = _book(hand=False)
    assert set(book["stance_hand"]) == {quotebook.NOT_CODED}
    assert len(book) == 59
    assert book["stance_auto"].value_counts().to_dict() == {"AGAINST": 40, "FAVOR": 9, "NONE": 10}


def test_select_combines_filters_and_reads_either_stance(book):
    rep = quotebook.select(book, party="Republican")
    assert rep["speaker"].value_counts().to_dict() == {"Carlos Gimenez": 6, "Kent Guinn": 2, "Jim Brainard": 2,
                                                        "Donald Trump": 1, "Sean Spicer": 1}
    assert quotebook.select(book, party="Republican", stance="AGAINST")["speaker"].unique().tolist() == \
        ["Kent Guinn", "Jim Brainard"]
    assert len(quotebook.select(book, year=2026, stance="NONE")) == 5
    assert len(quotebook.select(book, by="auto", year="2026", stance="NONE")) == 6
    assert len(quotebook.select(book, speaker="all", party=None)) == len(book)
    assert quotebook.select(book, speaker="Nobody").empty


@pytest.mark.parametrize("call, message", [
    (lambda b: quotebook.select(b, by="coder"), "by must be one of ['auto', 'hand']"),
    (lambda b: quotebook.select(b, city="Chicago"), "no column 'city' to filter on"),
])
def test_select_rejects_unknown_choices(book, call, message):
    with pytest.raises(ValueError, match=message.replace("[", r"\[").replace("]", r"\]")):
        call(book)


def test_counts_by_administration_keep_time_order(book):
    table = quotebook.counts(book, "administration")
    assert table.index.tolist() == ["Obama", "Trump, 1st term", "Trump, 2nd term"]
    assert table["n"].tolist() == [17, 33, 9]
    assert table.loc["Trump, 2nd term", ["AGAINST", "NONE", "% AGAINST"]].tolist() == [4, 5, 44.4]
    auto = quotebook.counts(book, "administration", by="auto")
    assert auto["n"].sum() == 59


def test_html_table_escapes_links_and_shows_the_other_stance(book):
    rows = book[~book["agrees"]]
    page = quotebook.to_html(rows, total=len(book))
    assert page.startswith("<p><b>3</b> of 59 quotations (3 AGAINST; stance hand-coded)</p>")
    assert page.count("automatic (cues): NONE") == 3
    assert "href='../corpus/articles/003_9a143aaf12d166a6.txt'" in page
    assert "&quot;The city has control over city-owned property.&quot;" in page
    assert "Korean news outlet (unnamed), in English translation, citing The Washington Post<br><small>Feb 2026" in page and "kr-2026-02</" not in page  # outlet and date, not an id
    auto_page = quotebook.to_html(rows, by="auto", total=len(book))
    assert "stance automatic (cues)" in auto_page and auto_page.count("hand-coded: AGAINST") == 3


def test_html_table_says_when_nothing_matches(book):
    page = quotebook.to_html(book.iloc[0:0], total=59)
    assert "No quotation matches these filters" in page and "(0 of 59)" in page


def test_explorer_filters_live_and_leaves_a_static_copy(book):
    box = quotebook.explorer(book)
    grid, switch, _, result = box.children
    dropdowns = {d.description.rstrip(":"): d for d in grid.children}
    assert list(dropdowns) == ["speaker", "jurisdiction", "party", "stance", "article", "year"]
    assert dropdowns["stance"].options[:4] == ("all", "FAVOR", "AGAINST", "NONE")
    assert dropdowns["year"].options == ("all", "2016", "2017", "2018", "2026")
    assert "<b>59</b> of 59" in result.value
    dropdowns["party"].value = "Republican"
    dropdowns["stance"].value = "AGAINST"
    assert "<b>3</b> of 59 quotations (3 AGAINST" in result.value
    switch.value = "auto"
    assert "stance automatic (cues)" in result.value
    dropdowns["speaker"].value = "Eric Garcetti"
    assert "No quotation matches these filters" in result.value
    bundle = box._repr_mimebundle_()
    data = bundle[0] if isinstance(bundle, tuple) else bundle
    assert "Static copy of the quotation explorer (speaker = Eric Garcetti, party = Republican, stance = AGAINST" in data["text/html"]


def test_explorer_starts_from_given_filters(book):
    box = quotebook.explorer(book, party="Republican")
    assert "<b>12</b> of 59 quotations" in box.children[3].value


def test_explorer_searches_and_shows_at_most_a_page(book):
    box = quotebook.explorer(book, search="ICE")
    grid, switch, words, result = box.children
    found = quotebook.search(book, "ICE")
    assert 0 < len(found) < len(book)
    assert f"<b>{len(found)}</b> of 59 quotations" in result.value
    words.value = ""
    assert "<b>59</b> of 59 quotations" in result.value
    big = pd.concat([book] * 3, ignore_index=True)
    html = quotebook.to_html(big)
    assert html.count("<tr>") == 1 + quotebook.SHOW
    assert f"{len(big) - quotebook.SHOW} more quotations match" in html


def test_explorer_of_thousands_of_articles_searches_instead_of_listing(big):
    many, _ = big
    box = quotebook.explorer(many)
    grid, switch, words, result = box.children
    filters = {d.description.rstrip(":"): d for d in grid.children}
    typed = {name for name, d in filters.items() if d.__class__.__name__ == "Combobox"}
    assert typed == {"speaker", "article"} and filters["party"].__class__.__name__ == "Dropdown"
    assert filters["article"].placeholder == "type to search 5,000" and filters["article"].value == ""
    assert f"<b>{len(many):,}</b> of {len(many):,}".replace(",", "") in result.value.replace(",", "")
    filters["article"].value = "cnn-2017-01-27-r0007"
    n = int((many["article_id"] == "cnn-2017-01-27-r0007").sum())
    assert f"<b>{n}</b> of {len(many)} quotations" in result.value
    bundle = box._repr_mimebundle_()
    static = (bundle[0] if isinstance(bundle, tuple) else bundle)["text/html"]
    assert "article = cnn-2017-01-27-r0007" in static and static.count("<tr>") <= 1 + quotebook.SHOW
    filters["article"].value = ""
    assert f"<b>{len(many)}</b> of {len(many)} quotations" in result.value
