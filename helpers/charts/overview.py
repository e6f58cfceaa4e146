"""Charts of notebook 00: the articles on a timeline, what a scraped page holds, sentiment sentence by sentence."""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from ..corpus import date_span
from ..labels import article_label
from ..outside import ADMINISTRATIONS
from .style import (_ADMIN_FILL, DATE_SYMBOLS, OKABE_ITO, PARAGRAPH_COLORS, TOP, _empty, _escape, _layout, _note,
                    _period_bars, _top, others_label, periods, wrap)



def _term(name: str) -> str:
    """Return a presidential term as a phrase: "Trump's 1st term", "Obama's term".

    >>> _term("Trump, 1st term"), _term("Obama")
    ("Trump's 1st term", "Obama's term")
    """
    who, _, which = name.partition(", ")
    return f"{who}'s {which or 'term'}"


def _terms_of(dates) -> list[tuple[str, int]]:
    """Return (term, number of dates in it) for each presidential term with a date, in time order."""
    out = []
    for name, a, b in ADMINISTRATIONS:
        k = sum(1 for d in dates if pd.Timestamp(a) <= d < pd.Timestamp(b))
        if k:
            out.append((_term(name), k))
    return out


def _timeline_bars(arts: pd.DataFrame, start: pd.Timestamp, end: pd.Timestamp) -> tuple[go.Figure, pd.Timestamp, pd.Timestamp]:
    """Return the timeline of many articles, a bar per month, quarter or year counting its articles, and the axis range."""
    starts, period, fmt = periods(arts["published"])
    data = arts.assign(period=starts.values)
    order = sorted(data["period"].unique())
    fig = go.Figure()
    for status, label in (("stated", "date stated in the text"), ("inferred", "date inferred from the text")):
        per = data[data["date_status"] == status].groupby("period").size().reindex(order, fill_value=0)
        fig.add_trace(go.Bar(
            x=order, y=list(per), name=label,
            marker=dict(color=OKABE_ITO["black"] if status == "stated" else "white", line=dict(color=OKABE_ITO["black"], width=1.5)),
            customdata=[f"{pd.Timestamp(t):{fmt}}" for t in order],
            hovertemplate=f"<b>%{{customdata}}</b>: %{{y:,}} article(s), {label}<extra></extra>",
        ))
    fig.update_layout(barmode="stack")
    lo, hi = _period_bars(fig, order, period, (start, end))
    fig.update_xaxes(title_text=f"publication date (one bar per {period})")
    fig.update_yaxes(title_text="articles", tickformat=",")
    _note(fig, f"Shaded: presidential terms (from outside the corpus). Each bar counts the articles of one {period}; "
               "white: dates inferred from the text.")
    return fig, lo, hi


def timeline(articles: pd.DataFrame, top: int = TOP) -> go.Figure:
    """Return a 2016-2026 timeline with one marker per article, labelled by outlet and date.

    With more than ``top`` articles, a bar per month, quarter or year counts
    the articles instead (dates stated in the text in black, inferred ones
    in white); the shaded terms and the title stay.

    Filled triangles are dates the text states; open triangles are inferred
    dates, over a dotted bar that spans every day the date could be (a
    month for a month-precision date). Hover shows the title, outlet, date
    and how it was worked out. Shaded bands are presidential terms; the
    title counts the articles in each.
    """
    arts = articles.sort_values("published")
    start, end = pd.Timestamp("2016-01-01"), pd.Timestamp("2027-01-01")
    many = len(arts) > top
    fig = go.Figure()
    if many:
        fig, start, end = _timeline_bars(arts, start, end)
    for name, a, b in ADMINISTRATIONS:
        a, b = max(pd.Timestamp(a), start), min(pd.Timestamp(b), end)
        if a < b:
            fig.add_vrect(x0=a, x1=b, fillcolor=_ADMIN_FILL[name], opacity=0.7, line_width=0, layer="below",
                          annotation_text=name, annotation_position="top left", annotation_font_size=12)
    counts = ", ".join(f"{k:,} in {t}" for t, k in _terms_of(arts["published"]))
    if many:
        first, last = pd.Timestamp(arts["published"].min()), pd.Timestamp(arts["published"].max())
        return _layout(fig, f"{len(arts):,} articles, {first:%Y}–{last:%Y}" + (f":<br>{counts}" if counts else ""), 400)
    names = article_label(arts)
    for row in arts.itertuples():
        lo, hi = date_span(row.published, row.date_precision)
        fig.add_trace(go.Scatter(
            x=[lo, hi], y=[names[row.article_id]] * 2, mode="lines", hoverinfo="skip", showlegend=False,
            line=dict(width=3, color=OKABE_ITO["black"], dash="dot" if row.date_status == "inferred" else "solid"),
        ))
    for status, label in (("stated", "date stated in the text"), ("inferred", "date inferred from the text")):
        part = arts[arts["date_status"] == status]
        fig.add_trace(go.Scatter(
            x=part["published"], y=part["article_id"].map(names), mode="markers", name=label,
            marker=dict(symbol=DATE_SYMBOLS[status], size=16, color=OKABE_ITO["black"], line=dict(width=2.5, color=OKABE_ITO["black"])),
            customdata=list(zip(
                [wrap(t, 60) for t in part["title"]],
                [f"{_escape(o)} ({s})" for o, s in zip(part["outlet"], part["outlet_status"])],
                part["date_label"],
                [wrap(n, 60) for n in part["date_note"]],
                part["title_status"],
            )),
            hovertemplate=("<b>%{customdata[0]}</b> <i>(title %{customdata[4]})</i><br>%{customdata[1]}<br>"
                           "Published: %{customdata[2]}<br><br>How sure: %{customdata[3]}<extra></extra>"),
        ))
    fig.update_xaxes(range=[start, end], title_text="publication date", dtick="M12", tickformat="%Y")
    fig.update_yaxes(autorange="reversed", title_text=None, showgrid=False)
    _note(fig, "Shaded: presidential terms (from outside the corpus). Dotted bar: every day an inferred date could be.")
    return _layout(fig, f"{len(arts)} articles across two Trump administrations: {counts}" if counts else
                   f"{len(arts)} articles", 400)


def composition(paras: pd.DataFrame, articles: pd.DataFrame | None = None, top: int = TOP) -> go.Figure:
    """Return stacked bars: the share of each article's characters by paragraph type.

    Rows are labelled by outlet and date when ``articles`` is given (by id
    otherwise); the ``top`` longest articles get a row each, the rest one
    row together. Hover gives the number of paragraphs and characters behind
    each share; the title gives the range of the body text's share.
    """
    totals = paras.groupby("article_id", sort=False)["n_chars"].sum()
    kept, k_others, n_others = _top(totals, top)
    order = [a for a in dict.fromkeys(paras["article_id"]) if a in set(kept)]
    names = article_label(articles) if articles is not None else {}
    if k_others:  # the rest, summed into one row
        rest = others_label(k_others, k_others, "articles").split(" (")[0] + " together"
        paras = paras.assign(article_id=[a if a in set(kept) else rest for a in paras["article_id"]])
        totals = paras.groupby("article_id", sort=False)["n_chars"].sum()
        order.append(rest)
    rows = [names.get(a, a) for a in order]
    fig = go.Figure()
    body_share = pd.Series(0.0, index=order)
    for kind, color in PARAGRAPH_COLORS.items():
        part = paras[paras["paragraph_type"] == kind].groupby("article_id", sort=False).agg(
            n=("paragraph", "size"), chars=("n_chars", "sum"))
        part = part.reindex(order, fill_value=0)
        share = (100 * part["chars"] / totals.reindex(order)).round(1)
        if kind == "body":
            body_share = share
        fig.add_trace(go.Bar(
            y=rows, x=share, name=kind, orientation="h", marker_color=color,
            customdata=list(zip(part["n"], part["chars"])),
            hovertemplate=f"<b>%{{y}}</b><br>{kind}: %{{x:.1f}}% of characters<br>"
                          "%{customdata[0]} paragraph(s), %{customdata[1]:,} characters<extra></extra>",
        ))
    fig.update_layout(barmode="stack", legend=dict(title=dict(text="paragraph type:")))
    fig.update_xaxes(range=[0, 100], title_text="share of the scraped page's characters (%)", ticksuffix="%")
    fig.update_yaxes(autorange="reversed")
    if k_others:  # every row keeps its label, the "others" row too
        fig.update_yaxes(dtick=1, tickfont=dict(size=10))
    title = ("How much of each scraped page is the article itself?" if body_share.empty else
             f"The article's own text is {body_share.min():.0f}% to {body_share.max():.0f}% of each scraped page;"
             "<br>the rest is title, headings, captions and boilerplate")
    return _layout(fig, title, 460 if k_others else 400)


#: Most articles :func:`sentiment_arc` draws a panel for; the rest are counted in its note.
PANELS = 6


def _panel_heading(name: str) -> str:
    """Return an article's name on two short lines for a panel heading: outlet, then date.

    >>> _panel_heading("Associated Press, 25 Jun 2017"), _panel_heading("abc-2016-11-17")
    ('Associated Press<br>25 Jun 2017', 'abc-2016-11-17')
    """
    outlet, _, date = name.rpartition(", ")
    return f"{_escape(outlet)}<br>{_escape(date)}" if outlet else _escape(name)


def sentiment_arc(sents: pd.DataFrame, value: str = "polarity", types: tuple[str, ...] = ("body",),
                  articles: pd.DataFrame | None = None, top: int = PANELS) -> go.Figure:
    """Return sentence-by-sentence sentiment through each article: one panel per article, side by side, one y-axis.

    ``value`` is a score column in [-1, 1] (``polarity`` or ``vader_compound``);
    only paragraphs of ``types`` are drawn. Each sentence is a bar up
    (positive wording) or down (negative) from zero, a small grey dash at
    zero when no word is scored; every panel gives a sentence the same
    width, so a longer article has a wider panel. Panels are headed by
    outlet and date when ``articles`` is given (by id otherwise); only the
    ``top`` articles with most sentences are drawn, and a note counts the
    rest. Hover shows the whole sentence; the title counts positive,
    negative and neutral sentences of all of them.
    """
    from plotly.subplots import make_subplots

    part = sents[sents["paragraph_type"].isin(types)]
    label = {"polarity": "TextBlob polarity", "vader_compound": "VADER compound"}.get(value, value)
    scores = part[value]
    title = (f"Wording sentence by sentence ({label}): {int((scores > 0).sum()):,} of {len(scores):,} sentences positive,"
             f"<br>{int((scores < 0).sum()):,} negative, {int((scores == 0).sum()):,} neutral")
    kept, k_others, n_others = _top(part.groupby("article_id", sort=False).size(), top)
    ids = [a for a in dict.fromkeys(part["article_id"]) if a in set(kept)]
    if not ids:
        return _empty(title, "No sentence of these paragraph types.")
    names = article_label(articles) if articles is not None else {}
    sizes = [int((part["article_id"] == a).sum()) for a in ids]
    widths = [max(n, 14) + 2 for n in sizes]  # a sentence is as wide in every panel; a short article keeps room for its heading
    fig = make_subplots(rows=1, cols=len(ids), shared_yaxes=True, column_widths=widths, horizontal_spacing=0.012,
                        subplot_titles=[_panel_heading(names.get(a, a)) for a in ids])
    for i, article_id in enumerate(ids, 1):
        rows = part[part["article_id"] == article_id]
        name = names.get(article_id, article_id)
        x = list(range(1, len(rows) + 1))
        hover = list(zip([wrap(t) for t in rows["text"]], rows["sentence"], rows["paragraph"]))
        template = (f"<b>{_escape(name)}</b>, sentence %{{customdata[1]}} (paragraph %{{customdata[2]}})<br>"
                    f"{value} = %{{y:.2f}}<br><br>%{{customdata[0]}}<extra></extra>")
        fig.add_trace(go.Bar(x=x, y=rows[value], name=name, showlegend=False, marker=dict(color=OKABE_ITO["black"]),
                             width=0.8, customdata=hover, hovertemplate=template), row=1, col=i)
        zero = rows[value] == 0
        fig.add_trace(go.Scatter(
            x=[v for v, z in zip(x, zero) if z], y=[0] * int(zero.sum()), mode="markers", name="no word scored (0)",
            legendgroup="zero", showlegend=i == 1, marker=dict(symbol="line-ew", size=7, line=dict(width=3, color="#5A5A5A")),
            customdata=[h for h, z in zip(hover, zero) if z], hovertemplate=template), row=1, col=i)
        fig.update_xaxes(range=[0.3, widths[i - 1] - 1.3], tickvals=[1] + ([len(rows)] if len(rows) > 1 else []),
                         row=1, col=i)
    fig.add_hline(y=0, line=dict(color="#CCCCCC", width=1))
    fig.update_yaxes(range=[-1.05, 1.05], tickvals=[-1, -0.5, 0, 0.5, 1], showgrid=True, gridcolor="#EEEEEE")
    fig.update_yaxes(title_text=f"{label}<br>(−1 negative, +1 positive)", row=1, col=1)
    fig.add_annotation(text="sentence number in the article's body text (first and last)", xref="paper", yref="paper",
                       x=0.5, y=0, yshift=-36, showarrow=False, font=dict(size=14), yanchor="top")
    fig.update_layout(bargap=0)
    drawn = (f"Drawn: the {len(ids)} articles with the most sentences of {len(ids) + k_others:,}; "
             f"not drawn: {others_label(k_others, n_others, 'sentences')}. " if k_others else "")
    _note(fig, drawn + "One panel per article, one bar per sentence: up is positive wording, down negative.")
    fig = _layout(fig, title, 420)
    fig.update_layout(height=fig.layout.height + _HEADINGS, margin=dict(t=fig.layout.margin.t + _HEADINGS))
    fig.layout.title.y = 1 - (1 - fig.layout.title.y) * (fig.layout.height - _HEADINGS) / fig.layout.height
    for a in fig.layout.annotations:
        if a.name == "note":  # above the panel headings
            a.yshift += _HEADINGS
        elif a.yref == "paper" and a.y == 1:  # a panel heading, just above its panel
            a.update(font=dict(size=12), yshift=2)
    return fig


_HEADINGS = 34  # two lines of 12-pixel panel headings
