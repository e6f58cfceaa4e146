"""Charts of notebook 00: the articles on a timeline, what a scraped page holds, sentiment sentence by sentence."""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from ..corpus import date_span
from ..labels import article_label
from ..outside import ADMINISTRATIONS
from .style import (_ADMIN_FILL, ARTICLE_PALETTE, DATE_SYMBOLS, OKABE_ITO, PARAGRAPH_COLORS, TOP, _escape, _layout, _note,
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


def sentiment_arc(sents: pd.DataFrame, value: str = "polarity", types: tuple[str, ...] = ("body",),
                  articles: pd.DataFrame | None = None, top: int = TOP) -> go.Figure:
    """Return sentence-by-sentence sentiment through each article, one line per article.

    ``value`` is a score column in [-1, 1] (``polarity`` or ``vader_compound``);
    only paragraphs of ``types`` are drawn. Lines are named by outlet and
    date when ``articles`` is given (by id otherwise); only the ``top``
    articles with most sentences are drawn, named by hover and the menu
    (not the legend, which would not fit a slide) and the legend counts the rest. Hover
    shows the whole sentence. A drop-down shows one article at a time or all of them; the
    title counts positive, negative and neutral sentences.
    """
    part = sents[sents["paragraph_type"].isin(types)]
    kept, k_others, n_others = _top(part.groupby("article_id", sort=False).size(), top)
    ids = [a for a in dict.fromkeys(part["article_id"]) if a in set(kept)]
    names = article_label(articles) if articles is not None else {}
    fig = go.Figure()
    for i, article_id in enumerate(ids):
        rows = part[part["article_id"] == article_id]
        name = names.get(article_id, article_id)
        fig.add_trace(go.Scatter(
            x=list(range(1, len(rows) + 1)), y=rows[value], mode="lines+markers", name=name,
            line=dict(color=ARTICLE_PALETTE[i % len(ARTICLE_PALETTE)], width=2),
            marker=dict(size=7),
            customdata=list(zip([wrap(t) for t in rows["text"]], rows["sentence"], rows["paragraph"])),
            hovertemplate=(f"<b>{_escape(name)}</b>, sentence %{{customdata[1]}} (paragraph %{{customdata[2]}})<br>"
                           f"{value} = %{{y:.2f}}<br><br>%{{customdata[0]}}<extra></extra>"),
        ))
    if k_others:  # too many lines to name in a legend on a slide: hover and the menu name them
        for trace in fig.data:
            trace.showlegend = False
        fig.add_trace(go.Scatter(x=[None], y=[None], mode="markers", marker=dict(color="white"), hoverinfo="skip",
                                 name=f"not drawn: {others_label(k_others, n_others, 'sentences')}"))
        _note(fig, f"Drawn: the {len(ids)} articles with the most sentences of {len(ids) + k_others:,}; "
                   "hover a line or use the menu to name its article.")
    n = len(fig.data)
    buttons = [dict(label="all articles", method="update", args=[{"visible": [True] * n}])]
    for i, article_id in enumerate(ids):
        buttons.append(dict(label=names.get(article_id, article_id), method="update",
                            args=[{"visible": [j == i for j in range(n)]}]))
    fig.update_layout(updatemenus=[dict(buttons=buttons, direction="down")],
                      legend=dict(title=dict(text="" if k_others else "article:")))
    fig.add_hline(y=0, line=dict(color=OKABE_ITO["grey"], dash="dot"))
    label = {"polarity": "TextBlob polarity", "vader_compound": "VADER compound"}.get(value, value)
    fig.update_yaxes(range=[-1.05, 1.05], title_text=f"{label}<br>(−1 negative, +1 positive)")
    fig.update_xaxes(title_text="sentence number in the article's body text")
    scores = part[value]
    title = (f"Wording sentence by sentence ({label}): {int((scores > 0).sum()):,} of {len(scores):,} sentences positive,"
             f"<br>{int((scores < 0).sum()):,} negative, {int((scores == 0).sum()):,} neutral")
    return _layout(fig, title)
