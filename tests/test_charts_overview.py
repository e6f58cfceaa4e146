import plotly.graph_objects as go
import pytest

from helpers import annotate, charts, labels, paragraphs


@pytest.fixture(scope="module")
def scored(articles):
    return annotate.sentiment(annotate.sentences(articles))


def test_timeline_marks_stated_and_inferred_dates(articles):
    fig = charts.timeline(articles)
    assert isinstance(fig, go.Figure)
    markers = {t.name: t for t in fig.data if t.mode == "markers"}
    names = labels.article_label(articles)
    assert list(markers["date stated in the text"].y) == ["ABC News, 17 Nov 2016"]
    assert markers["date stated in the text"].marker.symbol == "triangle-up"
    assert markers["date inferred from the text"].marker.symbol == "triangle-up-open"
    assert len(markers["date inferred from the text"].y) == 4
    hover = markers["date inferred from the text"].customdata
    assert any("Feb 2026 (inferred, month)" in row for row in hover)
    spans = [t for t in fig.data if t.mode == "lines"]
    month = [t for t in spans if t.y[0] == names["kr-2026-02"]][0]
    assert [str(x)[:10] for x in month.x] == ["2026-02-01", "2026-03-01"]
    assert month.line.dash == "dot"  # inferred: a dotted bar, not a ring
    assert "outside the corpus" in fig.layout.annotations[-1].text
    assert fig.layout.title.text.startswith("5 articles across two Trump administrations: 1 in Obama's term, ")


def test_composition_shares_add_up_to_100(articles):
    fig = charts.composition(paragraphs.paragraphs(articles))
    assert [t.name for t in fig.data] == list(charts.PARAGRAPH_COLORS)
    totals = [sum(t.x[i] for t in fig.data) for i in range(len(articles))]
    assert all(abs(total - 100) < 0.3 for total in totals)
    assert [t.marker.color for t in fig.data] == list(charts.PARAGRAPH_COLORS.values())


def test_sentiment_arc_hover_shows_the_sentence(scored):
    fig = charts.sentiment_arc(scored)
    bars = [t for t in fig.data if t.type == "bar"]
    assert [t.name for t in bars] == ["abc-2016-11-17", "cnn-2017-01-27", "ap-2017-06-25", "nbc-2018-01-24", "kr-2026-02"]
    body = scored[scored["paragraph_type"] == "body"]
    assert sum(len(t.y) for t in bars) == len(body)
    first = bars[0].customdata[0][0]
    assert first.startswith("— -- Mayors and police chiefs")
    # small multiples: one panel per article, side by side, one y-axis for all, no menu to pick an article
    assert [t.xaxis for t in bars] == ["x", "x2", "x3", "x4", "x5"] and "xaxis6" not in fig.layout
    assert all(fig.layout[f"yaxis{k}"].matches == "y" for k in range(2, 6)) and not fig.layout.updatemenus
    zero = [t for t in fig.data if t.name == "no word scored (0)"]
    assert sum(len(t.x) for t in zero) == int((body["polarity"] == 0).sum())
    widths = [fig.layout[f"xaxis{k if k > 1 else ''}"].domain for k in range(1, 6)]
    assert widths[0][1] - widths[0][0] > widths[4][1] - widths[4][0]  # a sentence is as wide in every panel


def test_sentiment_arc_draws_vader(articles):
    scored = annotate.sentiment(annotate.sentences(articles.head(1)), analyzer="vader")
    fig = charts.sentiment_arc(scored, value="vader_compound")
    assert "VADER compound" in fig.layout.yaxis.title.text


def test_overview_charts_label_articles_by_outlet_and_date(articles, scored):
    paras = paragraphs.paragraphs(articles)
    rows = list(charts.composition(paras, articles).data[0].y)
    assert rows[0] == "ABC News, 17 Nov 2016" and len(rows) == 5
    arc = charts.sentiment_arc(scored, articles=articles)
    assert arc.data[0].name == "ABC News, 17 Nov 2016"
    headings = [a.text for a in arc.layout.annotations if a.name != "note" and a.yref == "paper" and a.y == 1]
    assert headings[0] == "ABC News<br>17 Nov 2016" and len(headings) == 5
    body = scored[scored["paragraph_type"] == "body"]
    assert f"{int((body['polarity'] > 0).sum())} of {len(body)} sentences positive" in arc.layout.title.text


def test_many_articles_keep_the_top_25_and_count_the_rest():
    import pandas as pd

    sents = pd.DataFrame([{"article_id": f"a-{i:03d}", "paragraph_type": "body", "polarity": 0.1, "text": "Words.",
                           "sentence": k, "paragraph": 1} for i in range(60) for k in range(1 + (i < 25))])
    arc = charts.sentiment_arc(sents)
    drawn = [t for t in arc.data if t.type == "bar"]
    assert len(drawn) == charts.overview.PANELS == 6
    assert "not drawn: 54 others (73 sentences)" in arc.layout.annotations[-1].text
    paras = pd.DataFrame([{"article_id": f"a-{i:03d}", "paragraph_type": "body", "paragraph": 1, "n_chars": 100 + (i < 25)}
                          for i in range(60)])
    rows = list(charts.composition(paras).data[0].y)
    assert len(rows) == 26 and rows[-1] == "35 others together"


def test_timeline_of_5000_articles_counts_them_by_period(big):
    _, arts = big
    fig = charts.timeline(arts)
    bars = [t for t in fig.data if t.type == "bar"]
    assert [t.name for t in fig.data] == ["date stated in the text", "date inferred from the text"] == [t.name for t in bars]
    assert sum(sum(t.y) for t in bars) == 5000 and all(len(t.x) <= charts.style.PERIODS for t in bars)
    assert fig.layout.title.text.startswith("5,000 articles, ")
    assert len(fig.to_json()) < 30_000 and charts.slide_problems(fig) == []


def test_sentiment_arc_of_many_articles_fits_a_slide():
    import pandas as pd

    sents = pd.DataFrame([{"article_id": f"a-{i:04d}", "paragraph_type": "body", "polarity": 0.1, "text": "Words.",
                           "sentence": k, "paragraph": 1} for i in range(2000) for k in range(1 + (i < 25) * 30)])
    arc = charts.sentiment_arc(sents)
    assert len([t for t in arc.data if t.type == "bar"]) == 6
    note = [a.text for a in arc.layout.annotations if a.name == "note"][0]
    assert "Drawn: the 6 articles with the most sentences of 2,000; not drawn: 1,994 others (" in note
    assert charts.slide_problems(arc) == [] and len(arc.to_json()) < 100_000
