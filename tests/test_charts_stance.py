import pytest

from helpers import annotate, charts, evaluate, knowledge, quotebook, quotes


def _buttons(fig):
    return {b.label: b for b in fig.layout.updatemenus[0].buttons}


def test_stance_by_speaker_one_row_per_speaker_one_marker_per_quotation(book):
    fig = charts.stance_by_speaker(book)
    quotes_trace = fig.data[0]
    assert len(quotes_trace.x) == 59 and len(set(quotes_trace.y)) == 23
    assert list(fig.layout.yaxis.categoryarray[:2]) == ["<b>Carlos Gimenez</b> (R) <span style='font-size:11px'>mayor, Miami-Dade County</span>",
                                                        "<b>Donald Trump</b> (R) <span style='font-size:11px'>president, United States of America</span>"]
    colors = list(quotes_trace.marker.color)
    assert colors == [charts.STANCE_COLORS[s] for s in book["stance_hand"]]
    assert list(quotes_trace.marker.line.width).count(2.5) == 3
    garcetti = [i for i, c in enumerate(quotes_trace.customdata) if c[0] == "Eric Garcetti"]
    assert sorted(quotes_trace.x[i] for i in garcetti) == list(range(1, 11))
    hover = quotes_trace.customdata[0]
    assert tuple(hover[:5]) == ("Donald Trump", "Republican", "ABC News, 17 Nov 2016", "17 Nov 2016, 18:40 (stated)",
                                "line 10, sentence 6")
    assert not any("abc-2016-11-17" in str(c) for row in quotes_trace.customdata for c in row)
    legend = [t.name for t in fig.data[1:]]
    assert legend == [charts.STANCE_SHORT[s] for s in ("FAVOR", "AGAINST", "NONE")] + ["ring: codings differ"]
    assert fig.layout.title.text.startswith("23 speakers: 3 FAVOR, 1 MIXED, 17 AGAINST, 2 NONE")


def test_stance_by_speaker_switches_to_the_automatic_stance(book):
    fig = charts.stance_by_speaker(book)
    buttons = _buttons(fig)
    assert list(buttons) == ["hand-coded stance", "automatic stance (cues)"]
    data, layout, traces = buttons["automatic stance (cues)"].args
    assert list(traces) == [0]
    assert data["marker.color"][0] == [charts.STANCE_COLORS[s] for s in book["stance_auto"]]
    assert "automatic stance (cues)" in layout["title.text"]
    auto_first = charts.stance_by_speaker(book, by="auto")
    assert list(auto_first.data[0].marker.color) == data["marker.color"][0]
    assert auto_first.layout.updatemenus[0].active == 1


def test_stance_over_time_cuts_the_axis_and_shows_date_precision(book, articles):
    fig = charts.stance_over_time(book, articles)
    assert "xaxis2" in fig.layout and "xaxis3" not in fig.layout
    dots = [t for t in fig.data if t.name == "quotations"]
    assert [len(t.x) for t in dots] == [50, 9]
    assert max(dots[0].y) == 17 and max(dots[1].y) == 9
    dates = {t.name: t for t in fig.data if t.name and t.name.startswith("article date")}
    stated = dates["article date stated in the text"]
    assert stated.marker.symbol == "triangle-up" and list(stated.text) == ["ABC News · 17"]
    inferred = [t for t in fig.data if t.legendgroup == "inferred"]
    assert all(t.marker.symbol == "triangle-up-open" for t in inferred)
    # one code, one meaning: no date marker is a ring; a ring is only around quotations whose codings differ
    assert not any("circle" in str(t.marker.symbol) for t in fig.data if t.name and t.name.startswith("article date"))
    bars = [t for t in fig.data if t.mode == "lines"]
    spans = sorted((str(t.x[0])[:10], str(t.x[1])[:10]) for t in bars)
    assert ("2026-02-01", "2026-03-01") in spans
    assert "nothing in the articles between Jan 2018 and Feb 2026" in fig.layout.annotations[-1].text
    bands = {a.text for a in fig.layout.annotations}
    assert {"Obama", "Trump, 1st term", "Trump, 2nd term"} <= bands
    auto = _buttons(fig)["automatic stance (cues)"].args[0]
    assert auto["y"][1] != list(dots[1].y)  # restacked: the automatic labels differ in 2026


def test_stance_over_time_with_a_new_article_in_2025(corpus_with_new_article):
    from helpers import corpus as _corpus

    arts = _corpus.load(corpus_with_new_article)
    kb = knowledge.load(corpus_with_new_article, arts)
    sents = annotate.sentences(arts)
    new_book = quotebook.build(arts, sents, quotes.find(arts, sents, kb), quotes.reference(arts, kb, corpus_with_new_article), kb)
    fig = charts.stance_over_time(new_book, arts)
    assert "Biden" in {a.text for a in fig.layout.annotations}
    assert any("Test Desk · 2" in list(t.text or []) for t in fig.data if t.legendgroup in ("stated", "inferred"))
    assert "Test Desk · 2" in [a.text for a in fig.layout.annotations]
    speaker = charts.stance_by_speaker(new_book)
    assert charts.NO_LABEL_COLORS[quotebook.NOT_CODED] in list(speaker.data[0].marker.color)
    assert charts.STANCE_LABELS.get(quotebook.NOT_CODED, quotebook.NOT_CODED) in [t.name for t in speaker.data]


def test_sentiment_charts_count_from_the_data(book):
    fig = charts.polarity_subjectivity(book)
    off = evaluate.wording_against_position(book)
    assert (f"{off['AGAINST with positive polarity']} of {off['AGAINST']} AGAINST quotations are worded positively"
            in fig.layout.title.text)
    assert "13 of 43 AGAINST" in fig.layout.title.text and "3 of 9 FAVOR" in fig.layout.title.text
    assert [t.name for t in fig.data] == [charts.STANCE_LABELS[s] for s in ("FAVOR", "AGAINST", "NONE")]
    assert sum(len(t.x) for t in fig.data) == 59
    lex = charts.lexicon_agreement(book)
    same = annotate.compare(book).values.diagonal().sum()
    assert f"same sign of wording for {same} of 59 quotations" in lex.layout.title.text


def test_equal_scores_are_spread_but_hover_keeps_the_exact_ones(book):
    fig = charts.polarity_subjectivity(book)
    points = [(x, y) for t in fig.data for x, y in zip(t.x, t.y)]
    assert len(set(points)) == len(points)
    exact = [c[8] for t in fig.data for c in t.customdata]
    assert sorted(exact) == sorted(book["polarity"])


@pytest.mark.parametrize("builder", [charts.stance_by_speaker, lambda b: charts.stance_over_time(b, b)])
def test_stance_charts_say_when_there_is_nothing_to_show(book, builder):
    fig = builder(book.iloc[0:0])
    assert fig.layout.annotations[0].text == "No speech quotation in these articles."


def _json_size(fig) -> int:
    return len(fig.to_json())


def test_stance_over_time_of_5000_articles_counts_quotations_by_period(big):
    book, arts = big
    fig = charts.stance_over_time(book, arts)
    bars = [t for t in fig.data if t.type == "bar"]
    assert bars and len(bars) == len(fig.data) <= 5
    assert all(len(t.x) <= charts.style.PERIODS for t in bars)
    assert sum(sum(t.y) for t in bars) == len(book)
    assert "of 5,000 articles" in fig.layout.title.text and f"of {len(book):,} quotations" in fig.layout.title.text
    auto = _buttons(fig)["automatic stance (cues)"].args[0]["y"]
    assert sum(map(sum, auto)) == len(book) and auto != [list(t.y) for t in bars]
    assert _json_size(fig) < 100_000 and charts.slide_problems(fig) == []


def test_stance_by_speaker_of_2000_speakers_draws_the_top_and_counts_the_rest(big):
    book, _ = big
    fig = charts.stance_by_speaker(book)
    rows = list(fig.layout.yaxis.categoryarray)
    assert len(rows) == charts.TOP + 1 and rows[-1].startswith("<i>1,976 others (")
    assert all(t.type == "bar" and len(t.y) == charts.TOP for t in fig.data)
    per = book.groupby("speaker").size().sort_values(ascending=False, kind="stable")
    assert sum(sum(t.x) for t in fig.data) == int(per.iloc[:charts.TOP].sum())
    assert fig.layout.title.text.startswith(f"{book['speaker'].nunique():,} speakers")
    assert _json_size(fig) < 60_000 and charts.slide_problems(fig) == []


def test_scatter_of_many_quotations_draws_a_sample_and_counts_them_all(big, book):
    many, _ = big
    fig = charts.polarity_subjectivity(many)
    assert sum(len(t.x) for t in fig.data) == charts.style.MARKS
    assert "A random sample of 1,000 of the 59,000 quotations" in fig.layout.annotations[0].text
    against = many[many["stance_hand"] == "AGAINST"]
    assert f"of {len(against):,} AGAINST quotations" in fig.layout.title.text
    assert _json_size(fig) < 400_000 and charts.slide_problems(fig) == []
    small = charts.polarity_subjectivity(book)
    assert sum(len(t.x) for t in small.data) == len(book) and "sample" not in small.layout.annotations[0].text


def test_a_sample_of_mostly_uncoded_quotations_keeps_every_hand_coded_one(big, book):
    many, _ = big
    many = many.assign(stance_hand=[s if i < len(book) else quotebook.NOT_CODED for i, s in enumerate(many["stance_hand"])])
    fig = charts.lexicon_agreement(many)
    drawn = {t.name: len(t.x) for t in fig.data}
    assert sum(drawn.values()) == charts.style.MARKS and drawn[quotebook.NOT_CODED] == charts.style.MARKS - len(book)
    uncoded = next(t for t in fig.data if t.name == quotebook.NOT_CODED)
    assert uncoded.marker.line.color == "#999999"  # a white marker keeps a grey outline on the white plot
    assert "every hand-coded one among them" in fig.layout.annotations[0].text


def test_a_corpus_of_new_articles_opens_on_the_automatic_stance(book):
    """Nothing hand-coded yet (a researcher's own articles): the charts open on the automatic stance, not on blanks."""
    new = book.assign(stance_hand=quotebook.NOT_CODED)
    for fig in (charts.stance_by_speaker(new), charts.stance_over_time(new, _articles())):
        assert fig.layout.updatemenus[0].active == 1
        assert "automatic stance (cues)" in fig.layout.title.text
    assert charts.stance_by_speaker(book).layout.updatemenus[0].active == 0  # the corpus itself is hand-coded


def _articles():
    from helpers import corpus

    return corpus.load()
