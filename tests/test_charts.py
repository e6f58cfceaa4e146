import plotly.graph_objects as go
import pytest

from helpers import annotate, charts, paragraphs


@pytest.fixture(scope="module")
def scored(articles):
    return annotate.sentiment(annotate.sentences(articles))


def test_palette_is_okabe_ito():
    assert set(charts.PARAGRAPH_COLORS.values()) <= set(charts.OKABE_ITO.values())
    assert set(charts.ARTICLE_PALETTE) <= set(charts.OKABE_ITO.values())


def test_timeline_marks_stated_and_inferred_dates(articles):
    fig = charts.timeline(articles)
    assert isinstance(fig, go.Figure)
    markers = {t.name: t for t in fig.data if t.mode == "markers"}
    assert list(markers["date stated in the text"].y) == ["abc-2016-11-17"]
    assert markers["date stated in the text"].marker.symbol == "circle"
    assert markers["date inferred from the text"].marker.symbol == "circle-open"
    assert len(markers["date inferred from the text"].y) == 4
    hover = markers["date inferred from the text"].customdata
    assert any("Feb 2026 (inferred, month)" in row for row in hover)
    spans = [t for t in fig.data if t.mode == "lines"]
    month = [t for t in spans if t.y[0] == "kr-2026-02"][0]
    assert [str(x)[:10] for x in month.x] == ["2026-02-01", "2026-03-01"]
    assert "outside the corpus" in fig.layout.annotations[-1].text


def test_composition_shares_add_up_to_100(articles):
    fig = charts.composition(paragraphs.paragraphs(articles))
    assert [t.name for t in fig.data] == list(charts.PARAGRAPH_COLORS)
    totals = [sum(t.x[i] for t in fig.data) for i in range(len(articles))]
    assert all(abs(total - 100) < 0.3 for total in totals)
    assert [t.marker.color for t in fig.data] == list(charts.PARAGRAPH_COLORS.values())


def test_sentiment_arc_hover_shows_the_sentence(scored):
    fig = charts.sentiment_arc(scored)
    assert [t.name for t in fig.data] == ["abc-2016-11-17", "cnn-2017-01-27", "ap-2017-06-25", "nbc-2018-01-24", "kr-2026-02"]
    body = scored[scored["paragraph_type"] == "body"]
    assert sum(len(t.y) for t in fig.data) == len(body)
    first = fig.data[0].customdata[0][0]
    assert first.startswith("— -- Mayors and police chiefs")
    assert len(fig.layout.updatemenus[0].buttons) == 1 + 5


def test_sentiment_arc_draws_vader(articles):
    scored = annotate.sentiment(annotate.sentences(articles.head(1)), analyzer="vader")
    fig = charts.sentiment_arc(scored, value="vader_compound")
    assert "VADER compound" in fig.layout.yaxis.title.text


# --- notebook 01: stance of quotations -------------------------------------------------------

from helpers import evaluate, knowledge, quotebook  # noqa: E402


@pytest.fixture(scope="module")
def book():
    from helpers import pipeline

    return pipeline.build().book


def _buttons(fig):
    return {b.label: b for b in fig.layout.updatemenus[0].buttons}


def test_stance_colours_are_colour_blind_safe_and_the_same_everywhere():
    assert set(charts.STANCE_COLORS.values()) <= set(charts.OKABE_ITO.values())
    assert len(set(charts.STANCE_COLORS.values())) == len(charts.STANCE_COLORS)
    assert charts.stance_color("AGAINST") == "#0072B2" and charts.stance_color("FAVOR") == "#D55E00"


def test_stance_by_speaker_one_row_per_speaker_one_marker_per_quotation(book):
    fig = charts.stance_by_speaker(book)
    quotes_trace = fig.data[0]
    assert len(quotes_trace.x) == 59 and len(set(quotes_trace.y)) == 23
    assert list(fig.layout.yaxis.categoryarray[:2]) == ["<b>Carlos Gimenez</b> (R)<br><span style='font-size:11px'>mayor, Miami-Dade County</span>",
                                                        "<b>Donald Trump</b> (R)<br><span style='font-size:11px'>president, United States of America</span>"]
    colors = list(quotes_trace.marker.color)
    assert colors == [charts.STANCE_COLORS[s] for s in book["stance_hand"]]
    assert list(quotes_trace.marker.line.width).count(2.5) == 3
    garcetti = [i for i, c in enumerate(quotes_trace.customdata) if c[0] == "Eric Garcetti"]
    assert sorted(quotes_trace.x[i] for i in garcetti) == list(range(1, 11))
    hover = quotes_trace.customdata[0]
    assert tuple(hover[:5]) == ("Donald Trump", "Republican", "abc-2016-11-17", "17 Nov 2016, 18:40 (stated)",
                         "abc-2016-11-17, line 10, sentence 6")
    legend = [t.name for t in fig.data[1:]]
    assert legend == [charts.STANCE_LABELS[s] for s in ("AGAINST", "FAVOR", "NONE")] + \
        ["black ring: automatic and hand-coded stance differ"]


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
    assert stated.marker.symbol == "circle" and list(stated.text) == ["abc · 17"]
    inferred = [t for t in fig.data if t.legendgroup == "inferred"]
    assert all(t.marker.symbol == "circle-open" for t in inferred)
    bars = [t for t in fig.data if t.mode == "lines"]
    spans = sorted((str(t.x[0])[:10], str(t.x[1])[:10]) for t in bars)
    assert ("2026-02-01", "2026-03-01") in spans
    assert "nothing in the articles between Jan 2018 and Feb 2026" in fig.layout.annotations[-1].text
    bands = {a.text for a in fig.layout.annotations}
    assert {"Obama", "Trump, 1st term", "Trump, 2nd term"} <= bands
    auto = _buttons(fig)["automatic stance (cues)"].args[0]
    assert auto["y"][1] != list(dots[1].y)  # restacked: the automatic labels differ in 2026


def test_stance_over_time_with_a_new_article_in_2025(corpus_with_new_article):
    from helpers import pipeline

    p = pipeline.build(corpus_with_new_article)
    arts, new_book = p.articles, p.book
    fig = charts.stance_over_time(new_book, arts)
    assert "Biden" in {a.text for a in fig.layout.annotations}
    assert any("test · 2" in list(t.text or []) for t in fig.data if t.mode == "markers+text")
    speaker = charts.stance_by_speaker(new_book)
    assert charts.NO_LABEL_COLORS[quotebook.NOT_CODED] in list(speaker.data[0].marker.color)
    assert charts.STANCE_LABELS.get(quotebook.NOT_CODED, quotebook.NOT_CODED) in [t.name for t in speaker.data]


def test_sentiment_charts_count_from_the_data(book):
    fig = charts.polarity_subjectivity(book)
    off = evaluate.wording_against_position(book)
    assert (f"{off['AGAINST with positive polarity']} of {off['AGAINST']} AGAINST quotations are worded positively"
            in fig.layout.title.text)
    assert "13 of 43 AGAINST" in fig.layout.title.text and "3 of 9 FAVOR" in fig.layout.title.text
    assert [t.name for t in fig.data] == [charts.STANCE_LABELS[s] for s in ("AGAINST", "FAVOR", "NONE")]
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


# --- notebook 02: policy actions ---------------------------------------------------------------

from helpers import cities, policies  # noqa: E402


@pytest.fixture(scope="module")
def policy_data(articles, book):
    kb = knowledge.load(articles=articles)
    acts = policies.reference(articles, kb)
    return kb, acts, policies.federal(articles, kb), cities.jurisdictions(kb, acts, book)


def test_direction_colours_match_the_stances_they_go_with():
    assert charts.DIRECTION_COLORS["restrict"] == charts.STANCE_COLORS["AGAINST"]
    assert charts.DIRECTION_COLORS["cooperate"] == charts.STANCE_COLORS["FAVOR"]
    assert charts.DIRECTION_COLORS["both"] == charts.STANCE_COLORS["MIXED"]


def test_policy_matrix_has_a_row_per_jurisdiction_and_evidence_in_hover(policy_data):
    kb, acts, _, places = policy_data
    fig = charts.policy_matrix(acts, places, kb)
    assert len(fig.layout.yaxis.categoryarray) == 15
    assert "New Orleans <i>(no action)</i>" in fig.layout.yaxis.categoryarray
    assert list(fig.layout.xaxis.categoryarray) == list(policies.CATEGORIES)
    assert sum(int(t) for trace in fig.data for t in (trace.text or [])) == 26
    assert [t.name for t in fig.data] == list(charts.DIRECTION_LABELS.values())
    both = next(t for t in fig.data if t.name == charts.DIRECTION_LABELS["both"])
    assert list(both.x) == ["detainer compliance"] and "Miami-Dade County" in both.y[0]
    hover = both.customdata[0][2]
    assert "Since 2013, Miami-Dade" in hover and "<b>26 Jan 2017 (inferred)</b>, cooperate (Carlos Gimenez, cnn-2017-01-27)" in hover


def test_policy_map_draws_offline_with_a_year_slider(policy_data):
    _, acts, _, places = policy_data
    fig = charts.policy_map(acts, places)
    assert fig.layout.geo.scope == "usa"
    steps = fig.layout.sliders[0].steps
    assert [s.label for s in steps] == [str(y) for y in range(2016, 2027)]
    sizes_2016 = steps[0].args[0]["marker.size"][0]
    by_name = dict(zip(places["name"], range(len(places))))
    assert sizes_2016[by_name["Oakland"]] == 9  # no action before 2026: a small open circle
    assert sizes_2016[by_name["Los Angeles"]] > 9  # since 1979
    colors_2017 = steps[1].args[0]["marker.color"][0]
    assert colors_2017[by_name["Miami-Dade County"]] == charts.DIRECTION_COLORS["cooperate"]
    assert steps[0].args[0]["marker.color"][0][by_name["Miami-Dade County"]] == charts.DIRECTION_COLORS["restrict"]
    assert "no action reported by the end of 2016" in steps[0].args[0]["hovertext"][0][by_name["Oakland"]]


def test_policy_timeline_puts_federal_events_on_top_and_cuts_the_axis(policy_data):
    kb, acts, events, places = policy_data
    fig = charts.policy_timeline(acts, places, events, kb)
    assert "xaxis3" in fig.layout and "xaxis4" not in fig.layout  # 1979 | 2013-2018 | 2026
    assert fig.layout.yaxis.categoryarray[0] == "<b>federal</b>"
    federal = [t for t in fig.data if t.name == "federal action (context)"]
    assert sum(len(t.x) for t in federal) == 3
    markers = [t for t in fig.data if t.mode == "markers" and t.name != "federal action (context)"]
    assert sum(len(t.x) for t in markers) == 26
    open_ = [t for t in markers if t.marker.symbol == "circle-open"]
    assert sum(len(t.x) for t in open_) == int((acts["date_status"] == "article date").sum())
    assert "nothing in the articles between 1979 and 2013; 2018 and 2026" in fig.layout.annotations[-1].text


def test_side_by_side_counts_actions_and_quotations(policy_data, book):
    kb, acts, _, _ = policy_data
    fig = charts.compare_jurisdictions(acts, book, "los-angeles", "miami-dade-county", kb)
    titles = [a.text for a in fig.layout.annotations[:2]]
    assert titles == ["<b>Los Angeles</b><br>4 action(s); quotations of its officials: 11 AGAINST, 1 NONE",
                      "<b>Miami-Dade County</b><br>2 action(s); quotations of its officials: 6 FAVOR"]
    empty = charts.compare_jurisdictions(acts, book, "new-orleans", "minneapolis", kb)
    assert any(a.text == "Neither jurisdiction has a policy action in the articles." for a in empty.layout.annotations)


# --- notebook 03: party --------------------------------------------------------------------

from helpers import parties, words  # noqa: E402


def test_party_colours_are_colour_blind_safe_and_not_stance_colours():
    assert set(charts.PARTY_COLORS.values()) <= set(charts.OKABE_ITO.values())
    assert not {charts.PARTY_COLORS["Democratic"], charts.PARTY_COLORS["Republican"]} & set(charts.STANCE_COLORS.values())


def test_stance_shares_put_n_on_every_bar(book):
    fig = charts.stance_shares(parties.stance_counts(book, level="actor"), "per speaker", "speakers")
    assert [a.text for a in fig.layout.annotations] == [" n = 11", " n = 5", " n = 2", " n = 2", " n = 3"]
    mixed = next(t for t in fig.data if t.name == charts.STANCE_LABELS["MIXED"])
    assert list(mixed.text) == ["", "1", "", "", ""] and mixed.marker.color == charts.STANCE_COLORS["MIXED"]


def test_sentiment_by_party_draws_intervals(book):
    tables = {"TextBlob polarity": parties.sentiment_by(book), "VADER compound": parties.sentiment_by(book, value="vader_compound")}
    fig = charts.sentiment_by_party(tables)
    assert [t.name for t in fig.data] == list(tables)
    assert "n = 35 quotations, 11 speakers" in fig.layout.yaxis.ticktext[0]
    first = fig.data[0]
    assert all(v >= 0 for v in first.error_x.array) and all(v >= 0 for v in first.error_x.arrayminus)


def test_term_chart_shows_the_quotations_that_use_a_word(book, articles):
    sents = annotate.sentences(articles)
    dem, rep = book[book["party"] == "Democratic"], book[book["party"] == "Republican"]
    terms = words.distinctive(dem["text"], rep["text"], sents[sents["paragraph_type"] == "body"]["text"])
    fig = charts.distinctive_terms(terms, dem, rep, "Democratic", "Republican")
    kept = int((terms["total"] >= 2).sum())
    assert sum(len(t.x) for t in fig.data) == kept
    assert f"{len(terms) - kept} words used only once are left out" in fig.layout.title.text
    hover = {c[0]: c for t in fig.data for c in t.customdata}
    assert "Carlos Gimenez: " in hover["county"][4] and hover["county"][3] == "(none)"
    assert fig.data[0].marker.color == charts.PARTY_COLORS["Democratic"]
