import pandas as pd
import pytest

from helpers import annotate, charts, evaluate, knowledge, paragraphs, parties, quotes, words


def test_palette_is_okabe_ito():
    assert set(charts.PARAGRAPH_COLORS.values()) <= set(charts.OKABE_ITO.values())
    assert set(charts.ARTICLE_PALETTE) <= set(charts.OKABE_ITO.values())


def test_stance_colours_are_colour_blind_safe_and_the_same_everywhere():
    assert set(charts.STANCE_COLORS.values()) <= set(charts.OKABE_ITO.values())
    assert len(set(charts.STANCE_COLORS.values())) == len(charts.STANCE_COLORS)
    assert charts.stance_color("AGAINST") == "#0072B2" and charts.stance_color("FAVOR") == "#D55E00"


def test_direction_colours_match_the_stances_they_go_with():
    assert charts.DIRECTION_COLORS["restrict"] == charts.STANCE_COLORS["AGAINST"]
    assert charts.DIRECTION_COLORS["cooperate"] == charts.STANCE_COLORS["FAVOR"]
    assert charts.DIRECTION_COLORS["both"] == charts.STANCE_COLORS["MIXED"]


def test_party_is_black_and_greys_with_shapes_never_a_stance_colour():
    greys = {c for c in charts.PARTY_COLORS.values() if c[1:3] == c[3:5] == c[5:7]}
    assert greys == set(charts.PARTY_COLORS.values())  # black, greys and white only
    assert not {charts.PARTY_COLORS["Democratic"], charts.PARTY_COLORS["Republican"]} & set(charts.STANCE_COLORS.values())
    assert not set(charts.PARTY_COLORS.values()) & set(charts.STANCE_COLORS.values())
    assert len(set(charts.PARTY_SYMBOLS.values())) == len(charts.PARTY_SYMBOLS)
    assert charts.PARTY_SHORT == {"Democratic": "D", "Republican": "R"}


@pytest.fixture(scope="module")
def every_chart(articles, book, policy_data):
    """Every chart builder, called the way the notebooks call it."""
    kb, acts, events, places = policy_data
    sents = annotate.sentences(articles)
    scored = annotate.sentiment(sents, analyzer=("textblob", "vader"))
    auto, hand = quotes.find(articles, sents, kb), quotes.reference(articles, kb)
    pairs = evaluate.speech_pairs(evaluate.match(auto, hand))
    dem, rep = book[book["party"] == "Democratic"], book[book["party"] == "Republican"]
    terms = words.distinctive(dem["text"], rep["text"], sents[sents["paragraph_type"] == "body"]["text"])
    tidy = charts.scores_table({"corpus": evaluate.summary(auto, hand)}, in_sample={"corpus"})
    return {
        "timeline": charts.timeline(articles),
        "composition": charts.composition(paragraphs.paragraphs(articles), articles),
        "sentiment_arc": charts.sentiment_arc(scored, articles=articles),
        "stance_by_speaker": charts.stance_by_speaker(book),
        "stance_by_speaker (Republicans)": charts.stance_by_speaker(book[book["party"] == "Republican"]),
        "stance_over_time": charts.stance_over_time(book, articles),
        "polarity_subjectivity": charts.polarity_subjectivity(book),
        "lexicon_agreement": charts.lexicon_agreement(book),
        "policy_matrix": charts.policy_matrix(acts, places, kb, articles=articles),
        "policy_map": charts.policy_map(acts, places),
        "policy_timeline": charts.policy_timeline(acts, places, events, kb, articles=articles),
        "compare_jurisdictions": charts.compare_jurisdictions(acts, book, "los-angeles", "miami-dade-county", kb,
                                                              articles=articles),
        "stance_shares": charts.stance_shares(parties.stance_counts(book, level="actor"), "per speaker", "speakers"),
        "stance_shares (period)": charts.stance_shares(parties.stance_counts(
            parties.with_period(book[book["party"].isin(["Democratic", "Republican"])]), group="party_period")),
        "sentiment_by_party": charts.sentiment_by_party({"TextBlob polarity": parties.sentiment_by(book)}),
        "distinctive_terms": charts.distinctive_terms(terms, dem, rep, "Democratic", "Republican"),
        "agreement": charts.agreement(evaluate.baselines(pairs)),
        "sentiment_vs_stance": charts.sentiment_vs_stance(evaluate.with_polarity(pairs), actors=kb.actors, articles=articles),
        "validation_overview": charts.validation_overview(tidy),
        "empty": charts.stance_by_speaker(book.iloc[0:0]),
    }


def test_every_chart_fits_a_projector_slide(every_chart):
    problems = {name: charts.slide_problems(fig) for name, fig in every_chart.items()}
    assert {name: p for name, p in problems.items() if p} == {}
    heights = {name: fig.layout.height for name, fig in every_chart.items() if name != "empty"}
    assert {n: h for n, h in heights.items() if not 320 <= h <= 460} == {}
    flat = [name for name, fig in every_chart.items() if fig.layout.legend.orientation == "h"]
    assert len(flat) >= len(every_chart) - 1  # the map keeps its legend beside the map, clear of the slider


def test_no_chart_shows_an_article_or_person_id(every_chart):
    import json

    for name, fig in every_chart.items():
        text = json.dumps(fig.to_plotly_json(), default=str)
        for found in ("abc-2016-11-17", "cnn-2017-01-27", "kr-2026-02", "kent-guinn", "carlos-gimenez"):
            assert f'"{found}' not in text and f"({found}" not in text and f"{found}," not in text, (name, found)


def test_slide_problems_names_what_does_not_fit():
    import plotly.graph_objects as go

    fig = go.Figure(go.Scatter(x=[1], y=[1], name="a"), layout=dict(height=700, width=1200,
                                                                      legend=dict(orientation="v", y=-0.3)))
    found = charts.slide_problems(fig)
    assert "height 700 > 470" in found and "fixed width 1200" in found
    assert "legend is not flat at the bottom of the figure" in found


def _synthetic_book(n_speakers: int = 500) -> pd.DataFrame:
    rows = []
    for i in range(n_speakers):
        for k in range(1 + (i % 3 == 0) + (i < 5) * 5):
            rows.append({
                "article_id": f"a-{k}", "outlet": "Desk", "published": pd.Timestamp("2020-01-01") + pd.Timedelta(days=k),
                "date_precision": "day", "date_label": "1 Jan 2020 (stated)", "line": 1, "sentence": k + 1,
                "speaker_id": f"s-{i}", "speaker": f"Speaker {i}", "role": "mayor", "jurisdiction": f"Town {i}",
                "party": "Democratic" if i % 2 else "Republican", "kind": "full", "start": k,
                "stance_hand": "AGAINST" if i % 2 else "FAVOR", "stance_auto": "AGAINST", "agrees": bool(i % 2),
                "text": f"Quotation {k} of speaker {i}.",
            })
    return pd.DataFrame(rows)


def test_a_book_of_500_speakers_shows_the_top_25_and_counts_the_others():
    book = _synthetic_book()
    fig = charts.stance_by_speaker(book)
    rows = list(fig.layout.yaxis.categoryarray)
    per = book.groupby("speaker").size()
    others = per.sort_values(ascending=False, kind="stable").iloc[25:]
    assert len(rows) == 26 and rows[-1] == f"<i>{len(others)} others ({int(others.sum())} quotations)</i>"
    assert rows[-1] == "<i>475 others (" + str(int(others.sum())) + " quotations)</i>"
    assert set(fig.data[0].customdata[i][0] for i in range(len(fig.data[0].x))) <= set(per.index)
    assert len(fig.data[0].x) == int(per.sort_values(ascending=False, kind="stable").iloc[:25].sum())
    assert "500 speakers" in fig.layout.title.text
    assert charts.slide_problems(fig) == []


def test_with_few_speakers_nothing_is_folded(book):
    fig = charts.stance_by_speaker(book)
    assert not any("others" in r for r in fig.layout.yaxis.categoryarray)


def test_a_legend_of_many_rows_grows_the_figure_instead_of_crushing_the_plot():
    import plotly.graph_objects as go

    from helpers.charts import style

    fig = go.Figure([go.Scatter(x=[1], y=[1], name=f"Outlet number {i}, 1 Jan 2026") for i in range(40)])
    fig.update_layout(updatemenus=[dict(buttons=[dict(label="a", method="restyle", args=[{}])])])
    style._layout(fig, "A finding")
    assert fig.layout.height > style.HEIGHT
    assert -2 <= fig.layout.updatemenus[0].y <= 3  # plotly refuses a drop-down placed further out
