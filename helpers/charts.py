"""Chart builders: each returns a ``plotly.graph_objects.Figure`` and does nothing else.

Colours come from the Okabe-Ito palette, which stays distinguishable for the
common forms of colour blindness; every category keeps its colour in every
notebook.
"""

from __future__ import annotations

import html
import textwrap

import pandas as pd
import plotly.graph_objects as go

#: Okabe & Ito (2008), "Color Universal Design".
OKABE_ITO = {
    "black": "#000000", "orange": "#E69F00", "sky blue": "#56B4E9", "bluish green": "#009E73",
    "yellow": "#F0E442", "blue": "#0072B2", "vermillion": "#D55E00", "reddish purple": "#CC79A7",
    "grey": "#999999",
}
PARAGRAPH_COLORS = {
    "body": OKABE_ITO["blue"],
    "title": OKABE_ITO["black"],
    "section heading": OKABE_ITO["sky blue"],
    "caption": OKABE_ITO["orange"],
    "boilerplate": OKABE_ITO["grey"],
}
ARTICLE_PALETTE = [OKABE_ITO[c] for c in ("blue", "vermillion", "bluish green", "reddish purple", "orange", "sky blue", "black")]

#: Presidential terms: facts from outside the corpus, used only as chart context.
ADMINISTRATIONS = [
    ("Obama", "2009-01-20", "2017-01-20"),
    ("Trump, 1st term", "2017-01-20", "2021-01-20"),
    ("Biden", "2021-01-20", "2025-01-20"),
    ("Trump, 2nd term", "2025-01-20", "2029-01-20"),
]
_ADMIN_FILL = {"Obama": "#F2F2F2", "Biden": "#F2F2F2", "Trump, 1st term": "#FBEBD9", "Trump, 2nd term": "#FBEBD9"}

TEMPLATE = "simple_white"
FONT = dict(family="Arial, Helvetica, sans-serif", size=13)


def wrap(text: str, width: int = 70) -> str:
    """Return ``text`` HTML-escaped and wrapped with ``<br>`` for a hover label.

    >>> wrap("Mayors & police <chiefs> spoke out against it", 20)
    'Mayors &amp; police<br>&lt;chiefs&gt; spoke out<br>against it'
    """
    return "<br>".join(html.escape(line) for line in textwrap.wrap(text, width)) or html.escape(text)


def _layout(fig: go.Figure, title: str, height: int) -> go.Figure:
    fig.update_layout(
        template=TEMPLATE, font=FONT, height=height, title=dict(text=title, x=0, xanchor="left"),
        margin=dict(l=10, r=10, t=70, b=40), hoverlabel=dict(align="left", bgcolor="white", font_size=13),
    )
    return fig


def _date_range(published: pd.Timestamp, precision: str) -> tuple[pd.Timestamp, pd.Timestamp]:
    if precision == "month":
        return published, published + pd.offsets.MonthBegin(1)
    if precision == "day":
        return published.normalize(), published.normalize() + pd.Timedelta(days=1)
    return published, published + pd.Timedelta(minutes=1)


def timeline(articles: pd.DataFrame) -> go.Figure:
    """Return a 2016-2026 timeline with one marker per article.

    Filled markers are dates the text states; open markers are inferred
    dates. A short bar under a marker spans every day the date could be
    (a month for a month-precision date). Hover shows the title, outlet,
    date and how it was worked out. Shaded bands are presidential terms.
    """
    arts = articles.sort_values("published")
    fig = go.Figure()
    start, end = pd.Timestamp("2016-01-01"), pd.Timestamp("2027-01-01")
    for name, a, b in ADMINISTRATIONS:
        a, b = max(pd.Timestamp(a), start), min(pd.Timestamp(b), end)
        if a < b:
            fig.add_vrect(x0=a, x1=b, fillcolor=_ADMIN_FILL[name], line_width=0, layer="below",
                          annotation_text=name, annotation_position="top left", annotation_font_size=11)
    for row in arts.itertuples():
        lo, hi = _date_range(row.published, row.date_precision)
        fig.add_trace(go.Scatter(
            x=[lo, hi], y=[row.article_id] * 2, mode="lines", line=dict(width=10, color=OKABE_ITO["grey"]),
            hoverinfo="skip", showlegend=False,
        ))
    for status, symbol, label in (("stated", "circle", "date stated in the text"),
                                  ("inferred", "circle-open", "date inferred from the text")):
        part = arts[arts["date_status"] == status]
        fig.add_trace(go.Scatter(
            x=part["published"], y=part["article_id"], mode="markers", name=label,
            marker=dict(symbol=symbol, size=16, color=OKABE_ITO["blue"], line=dict(width=3, color=OKABE_ITO["blue"])),
            customdata=list(zip(
                [wrap(t, 60) for t in part["title"]],
                [f"{o} ({s})" for o, s in zip(part["outlet"], part["outlet_status"])],
                part["date_label"],
                [wrap(n, 60) for n in part["date_note"]],
                part["title_status"],
            )),
            hovertemplate=("<b>%{customdata[0]}</b> <i>(title %{customdata[4]})</i><br>%{customdata[1]}<br>"
                           "Published: %{customdata[2]}<br><br>How sure: %{customdata[3]}<extra></extra>"),
        ))
    fig.update_xaxes(range=[start, end], title_text="publication date", dtick="M12", tickformat="%Y")
    fig.update_yaxes(autorange="reversed", title_text=None, showgrid=False)
    fig.update_layout(legend=dict(orientation="h", yanchor="bottom", y=1.0, x=1, xanchor="right"))
    fig.add_annotation(text="Shaded bands: presidential terms (from outside the corpus)", xref="paper", yref="paper",
                       x=0, y=-0.36, showarrow=False, font=dict(size=11, color="#555555"), xanchor="left")
    fig = _layout(fig, f"{len(arts)} articles across two Trump administrations", 360)
    fig.update_layout(margin=dict(b=80))
    return fig


def composition(paras: pd.DataFrame) -> go.Figure:
    """Return stacked bars: the share of each article's characters by paragraph type.

    Hover gives the number of paragraphs and characters behind each share.
    """
    totals = paras.groupby("article_id", sort=False)["n_chars"].sum()
    order = list(dict.fromkeys(paras["article_id"]))
    fig = go.Figure()
    for kind, color in PARAGRAPH_COLORS.items():
        part = paras[paras["paragraph_type"] == kind].groupby("article_id", sort=False).agg(
            n=("paragraph", "size"), chars=("n_chars", "sum"))
        part = part.reindex(order, fill_value=0)
        share = (100 * part["chars"] / totals.reindex(order)).round(1)
        fig.add_trace(go.Bar(
            y=order, x=share, name=kind, orientation="h", marker_color=color,
            customdata=list(zip(part["n"], part["chars"])),
            hovertemplate=f"<b>%{{y}}</b><br>{kind}: %{{x:.1f}}% of characters<br>"
                          "%{customdata[0]} paragraph(s), %{customdata[1]:,} characters<extra></extra>",
        ))
    fig.update_layout(barmode="stack", legend=dict(title="paragraph type", orientation="h", y=1.02, yanchor="bottom",
                                                   x=0, traceorder="normal"))
    fig.update_xaxes(range=[0, 100], title_text="share of the article's characters (%)", ticksuffix="%")
    fig.update_yaxes(autorange="reversed")
    return _layout(fig, "How much of each scraped page is the article itself?", 330)


def sentiment_arc(sents: pd.DataFrame, value: str = "polarity", types: tuple[str, ...] = ("body",)) -> go.Figure:
    """Return sentence-by-sentence sentiment through each article, one line per article.

    ``value`` is a score column in [-1, 1] (``polarity`` or ``vader_compound``);
    only paragraphs of ``types`` are drawn. Hover shows the whole sentence. A
    dropdown shows one article at a time or all of them.
    """
    part = sents[sents["paragraph_type"].isin(types)]
    ids = list(dict.fromkeys(part["article_id"]))
    fig = go.Figure()
    for i, article_id in enumerate(ids):
        rows = part[part["article_id"] == article_id]
        fig.add_trace(go.Scatter(
            x=list(range(1, len(rows) + 1)), y=rows[value], mode="lines+markers", name=article_id,
            line=dict(color=ARTICLE_PALETTE[i % len(ARTICLE_PALETTE)], width=1.5),
            marker=dict(size=7),
            customdata=list(zip([wrap(t) for t in rows["text"]], rows["sentence"], rows["paragraph"])),
            hovertemplate=(f"<b>{article_id}</b>, sentence %{{customdata[1]}} (paragraph %{{customdata[2]}})<br>"
                           f"{value} = %{{y:.2f}}<br><br>%{{customdata[0]}}<extra></extra>"),
        ))
    buttons = [dict(label="all articles", method="update", args=[{"visible": [True] * len(ids)}])]
    for i, article_id in enumerate(ids):
        buttons.append(dict(label=article_id, method="update",
                            args=[{"visible": [j == i for j in range(len(ids))]}]))
    fig.update_layout(updatemenus=[dict(buttons=buttons, direction="down", x=1, xanchor="right", y=1.18, yanchor="top")],
                      legend=dict(title="article"))
    fig.add_hline(y=0, line=dict(color=OKABE_ITO["grey"], dash="dot"))
    label = {"polarity": "TextBlob polarity", "vader_compound": "VADER compound"}.get(value, value)
    fig.update_yaxes(range=[-1.05, 1.05], title_text=f"{label}<br>(−1 negative wording, +1 positive)")
    fig.update_xaxes(title_text="sentence number in the article's body text")
    return _layout(fig, "Sentence by sentence: how positive is the wording?", 420)


#: One colour per stance in every notebook (Okabe-Ito): AGAINST blue, FAVOR vermillion.
STANCE_COLORS = {
    "AGAINST": OKABE_ITO["blue"], "FAVOR": OKABE_ITO["vermillion"], "NONE": OKABE_ITO["grey"],
    "MIXED": OKABE_ITO["reddish purple"],
}
STANCE_LABELS = {
    "FAVOR": "FAVOR: supports or cooperates with federal enforcement",
    "AGAINST": "AGAINST: resists it or protects immigrants from it",
    "NONE": "NONE: neither, or off the topic",
    "MIXED": "MIXED: an actor with FAVOR and AGAINST quotes",
}


def agreement(scores: pd.DataFrame) -> go.Figure:
    """Return grouped bars of F_FAVOR, F_AGAINST and F_avg (0 to 1) for each method.

    ``scores`` is :func:`helpers.evaluate.baselines`; each bar's hover and
    the title give the number of quotations behind it.
    """
    fig = go.Figure()
    measures = [("F_FAVOR", OKABE_ITO["vermillion"]), ("F_AGAINST", OKABE_ITO["blue"]), ("F_avg", OKABE_ITO["black"])]
    names = [m.replace(" (", "<br>(") for m in scores["method"]]
    for measure, color in measures:
        fig.add_trace(go.Bar(
            x=names, y=scores[measure], name=measure, marker_color=color, text=[f"{v:.2f}" for v in scores[measure]],
            textposition="outside", customdata=scores["n"],
            hovertemplate=f"%{{x}}<br>{measure} = %{{y:.3f}} over %{{customdata}} quotations<extra></extra>",
        ))
    n = int(scores["n"].iloc[0]) if len(scores) else 0
    fig.update_yaxes(range=[0, 1.12], title_text="F1 (1 = agrees with the hand coding)")
    fig.update_layout(barmode="group", legend=dict(title="measure", orientation="h", y=-0.25))
    return _layout(fig, f"Stance: automatic cues and two baselines against the hand coding ({n} quotations)", 460)


def sentiment_vs_stance(pairs: pd.DataFrame, polarity: str = "polarity") -> go.Figure:
    """Return a strip of quotations: TextBlob polarity across, hand-coded stance down.

    One marker per quotation, coloured by hand-coded stance and spread a
    little up and down (the same way every time) so that quotations with the
    same polarity stay visible; hover shows the speaker and the quotation.
    Markers right of the dotted line have positive wording whatever their stance.
    """
    fig = go.Figure()
    rows_of = {"FAVOR": 2, "AGAINST": 1, "NONE": 0}
    for stance, base in rows_of.items():
        rows = pairs[pairs["stance_hand"] == stance]
        spread = [base + ((i * 0.6180339887) % 1 - 0.5) * 0.55 for i in range(len(rows))]
        fig.add_trace(go.Scatter(
            x=rows[polarity], y=spread, mode="markers", name=STANCE_LABELS[stance],
            marker=dict(color=STANCE_COLORS[stance], size=10, opacity=0.8, line=dict(color="white", width=1)),
            customdata=list(zip(rows["speaker_id_hand"], [wrap(t) for t in rows["text"]], rows["article_id"])),
            hovertemplate=("<b>%{customdata[0]}</b> (%{customdata[2]})<br>polarity = %{x:.2f}, hand-coded "
                           f"{stance}<br><br>%{{customdata[1]}}<extra></extra>"),
        ))
    fig.add_vline(x=0, line=dict(color=OKABE_ITO["grey"], dash="dot"))
    fig.update_xaxes(range=[-1.05, 1.05], title_text="TextBlob polarity of the quotation (−1 negative wording, +1 positive)")
    fig.update_yaxes(title_text="hand-coded stance", tickvals=list(rows_of.values()), ticktext=list(rows_of),
                     range=[-0.5, 2.5], showgrid=False)
    fig.update_layout(legend=dict(title="hand-coded stance", orientation="h", y=-0.3))
    return _layout(fig, "Sentiment is not stance: wording and position of each quotation", 440)
