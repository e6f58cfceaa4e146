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
    # taller than 460 only where its categorical rows need it (ROW_PX pixels each), never past MAX_ROWS_HEIGHT
    rows = {name: charts.style._rows_height(fig) + fig.layout.margin.t + fig.layout.margin.b for name, fig in every_chart.items()}
    assert {n: h for n, h in heights.items() if not 320 <= h <= max(460, min(rows[n] + 1, charts.style.MAX_ROWS_HEIGHT))} == {}
    assert {n for n, h in heights.items() if h > 460} <= {"stance_by_speaker", "policy_matrix"}  # 23 and 15 labelled rows
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


def test_every_categorical_axis_labels_every_category(every_chart):
    """plotly drops crowded category labels unless the ticks are set: every chart sets them, and gives each row room."""
    from helpers.charts import style

    unset = {}
    for name, fig in every_chart.items():
        for key in [k for k in fig.layout if k[1:5] == "axis"]:
            axis = fig.layout[key]
            cats = list(axis.categoryarray) if axis.categoryarray is not None else []
            if cats and (axis.tickmode != "array" or list(axis.tickvals) != cats):
                unset.setdefault(name, []).append(key)
        assert style._axis_categories(fig, "yaxis") == [], name  # nothing left for plotly to thin out
    assert unset == {}
    speaker = every_chart["stance_by_speaker"]
    plot = speaker.layout.height - speaker.layout.margin.t - speaker.layout.margin.b
    assert len(speaker.layout.yaxis.tickvals) == 23 and plot / 23 >= style.ROW_PX


def test_drop_downs_sit_in_a_band_of_their_own_under_the_title_and_note(every_chart):
    from helpers.charts import style

    menus = {name: fig for name, fig in every_chart.items() if fig.layout.updatemenus}
    assert {"stance_by_speaker", "stance_over_time"} <= set(menus)
    for name, fig in menus.items():
        lay = fig.layout
        plot = lay.height - lay.margin.t - lay.margin.b
        menu = lay.updatemenus[0]
        assert menu.yanchor == "bottom" and 0 < (menu.y - 1) * plot <= 8, name  # just above the plot area
        top_of_band = (menu.y - 1) * plot + style.CONTROL_BAND - 4
        for note in [a for a in lay.annotations if a.name == "note"]:
            assert note.yshift >= top_of_band, name  # the note lies above the band, the title above the note
        lines = lay.title.text.count("<br>") + 1
        notes = sum(a.text.count("<br>") + 1 for a in lay.annotations if a.name == "note")
        assert lay.margin.t >= 16 + 24 * lines + 18 * notes + style.CONTROL_BAND, name


def test_charts_redrawn_for_a_projector_use_no_pale_marks(every_chart):
    """Every mark of the redrawn charts is at least 3:1 against white (WCAG's contrast of graphics)."""
    def contrast(colour: str) -> float:
        if colour.startswith("rgba") and colour.replace(" ", "").endswith(",0)"):
            return 21.0  # transparent: no mark
        r, g, b = (int(colour[i:i + 2], 16) / 255 for i in (1, 3, 5))
        lum = sum(w * (c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4) for w, c in zip((0.2126, 0.7152, 0.0722), (r, g, b)))
        return 1.05 / (lum + 0.05)

    pale = {}
    for name in ("sentiment_arc", "distinctive_terms", "policy_map"):
        fig = every_chart[name]
        for trace in fig.data:
            marker = trace.marker
            colours = [marker.color] if isinstance(marker.color, str) else list(marker.color or [])
            filled = [c for c in colours if isinstance(c, str) and not c.startswith("rgba")]
            outlines = [marker.line.color] if isinstance(marker.line.color, str) else list(marker.line.color or [])
            shown = filled + [c for c in outlines if isinstance(c, str) and c != "white" and not filled]
            pale.update({(name, trace.name, c): round(contrast(c), 2) for c in shown if contrast(c) < 3})
    assert pale == {}
