"""The coder agreement chart of notebook 05: every coder labelled with kappa and n, readable on a projector."""

import math

import pandas as pd
import plotly.graph_objects as go

from helpers import charts, coding


def _scores(names, kappas=None):
    kappas = kappas or [0.8] * len(names)
    return pd.DataFrame({"coder": names + ["automatic"], "quotations": [20] * len(names) + [20],
                         "agree": [18] * len(names) + [19], "kappa": kappas + [0.89],
                         "changed": [0] * len(names) + [0], "automatic": [False] * len(names) + [True]})


def _texts(fig):
    """Return every font size the figure sets for text a reader sees (not hover labels)."""
    lay = fig.layout
    sizes = [lay.font.size, lay.title.font.size, lay.xaxis.tickfont.size, lay.yaxis.tickfont.size,
             lay.xaxis.title.font.size]
    sizes += [a.font.size or lay.font.size for a in lay.annotations]
    return sizes


def test_each_coder_has_a_labelled_bar_with_kappa_and_n():
    scores = _scores(["Ana María", "李明", "Ben"], [0.753, 0.5, -0.2])
    scores.loc[1, ["kappa", "quotations"]] = [float("nan"), 1]
    scores.loc[0, "changed"] = 2
    fig = charts.coder_agreement(scores)
    assert isinstance(fig, go.Figure)
    labels = ["Ana María", "李明", "Ben", "automatic labels (in-sample)"]
    assert list(fig.layout.yaxis.tickvals) == labels and list(fig.layout.yaxis.ticktext) == labels   # none dropped
    assert fig.layout.yaxis.tickmode == "array" and fig.layout.yaxis.autorange == "reversed"
    values = [a.text for a in fig.layout.annotations if a.x == 1.04 and a.yref != "paper"]
    assert values == ["0.75 (n = 20)", "no kappa (n = 1)", "-0.20 (n = 20)", "0.89 (n = 20)"]
    assert [t.x[0] for t in fig.data] == [0.753, 0, -0.2, 0.89]
    assert fig.layout.xaxis.range[0] < -0.2 and fig.layout.xaxis.range[1] >= 1.3
    assert "changed 2 answer(s) after seeing the reference (not counted" in fig.data[0].hovertemplate
    assert [t.marker.pattern.shape for t in fig.data] == ["", "", "", "/"]          # the automatic labels: hatched
    assert {a.text for a in fig.layout.annotations} >= {"0.67: tentative", "0.8: trusted", "kappa (n quotations)"}


def test_every_text_is_at_least_14_px_and_the_chart_fits_a_slide():
    fig = charts.coder_agreement(_scores(["example-ana", "example-ben", "example-caro"]))
    assert min(_texts(fig)) >= 14 and fig.layout.hoverlabel.font.size >= 14
    assert fig.layout.title.font.size >= 18
    assert charts.slide_problems(fig) == []
    assert charts.slide_problems(charts.coder_agreement(_scores([f"coder {i}" for i in range(9)]))) == []
    crowded = charts.coder_agreement(_scores([f"coder {i}" for i in range(30)]))
    assert len(crowded.layout.yaxis.tickvals) == 31                                # a whole class, every one labelled
    rows = crowded.layout.height - crowded.layout.margin.t - crowded.layout.margin.b
    assert rows / 31 >= 24


def test_no_coder_yet_says_so():
    fig = charts.coder_agreement(_scores([]).iloc[0:0])
    assert fig.layout.annotations[0].text == "No coder has answered yet."


def test_the_chart_draws_what_coding_kappas_returns():
    wide = pd.DataFrame({"ana": ["FAVOR", "NONE", "AGAINST"], "automatic": ["FAVOR", "NONE", "NONE"],
                         "reference": ["FAVOR", "NONE", "AGAINST"]})
    fig = charts.coder_agreement(coding.kappas(wide))
    assert [t.y[0] for t in fig.data] == ["ana", "automatic labels (in-sample)"]
    assert not any(math.isnan(t.x[0]) for t in fig.data)
