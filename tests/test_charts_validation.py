import pandas as pd

from helpers import charts, evaluate


def _tidy():
    return pd.DataFrame([
        {"set": "corpus (rules written on it)", "measure": m, "value": v, "n": 59, "low": None, "high": None, "in_sample": True}
        for m, v in (("quotation F1", 1.0), ("speaker accuracy", 1.0), ("stance F_avg", 0.98))
    ] + [
        {"set": "held-out", "measure": m, "value": v, "n": 61, "low": lo, "high": hi, "in_sample": False}
        for m, v, lo, hi in (("quotation F1", 0.96, 0.9, 0.99), ("speaker accuracy", 0.77, 0.65, 0.86),
                             ("stance F_avg", 0.62, 0.5, 0.74))
    ])


def test_validation_overview_marks_in_sample_sets_and_gives_n_and_intervals():
    fig = charts.validation_overview(_tidy())
    assert [a.text for a in fig.layout.annotations[:3]] == ["<b>quotation F1</b>", "<b>speaker accuracy</b>",
                                                           "<b>stance F_avg</b>"]
    bars = [t for t in fig.data if t.type == "bar"]
    assert len(bars) == 6
    inside = [t for t in bars if t.legendgroup == "corpus (rules written on it)"]
    assert all(t.marker.pattern.shape == "/" for t in inside) and "in-sample" in inside[0].name
    held = [t for t in bars if t.legendgroup == "held-out"]
    assert all(t.marker.pattern.shape == "" for t in held) and held[0].name == "held-out — held out"
    assert held[2].text[0] == "0.62<br>n = 61" and abs(held[2].error_y.arrayminus[0] - 0.12) < 1e-9
    assert inside[0].error_y.array is None
    assert fig.layout.title.text.startswith("On text the rules were not written on, stance F_avg falls from 0.98 to 0.62")
    assert "quotation F1 holds best (1.00 in-sample, 0.96 held out)" in fig.layout.title.text
    assert charts.slide_problems(fig) == []


def test_scores_table_reads_n_from_the_counts(articles):
    from helpers import annotate, knowledge, quotes

    kb = knowledge.load(articles=articles)
    sents = annotate.sentences(articles)
    summary = evaluate.summary(quotes.find(articles, sents, kb), quotes.reference(articles, kb))
    table = charts.scores_table({"corpus": summary}, in_sample={"corpus"})
    assert list(table.columns) == ["set", "measure", "value", "n", "low", "high", "in_sample"]
    assert table.set_index("measure").loc["stance F_avg", "n"] == 59 and table["in_sample"].all()


def test_agreement_says_its_figures_are_in_sample():
    scores = pd.DataFrame({"method": ["automatic (stance cues)", "majority class (always AGAINST)"],
                           "F_FAVOR": [1.0, 0.0], "F_AGAINST": [0.96, 0.84], "F_avg": [0.98, 0.42],
                           "accuracy": [0.95, 0.73], "n": [59, 59]})
    fig = charts.agreement(scores)
    assert "(in-sample)" in fig.layout.title.text and "majority class, 0.42 (59 quotations)" in fig.layout.title.text
