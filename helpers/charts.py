"""Chart builders: each returns a ``plotly.graph_objects.Figure`` and does nothing else.

Colours come from the Okabe-Ito palette, which stays distinguishable for the
common forms of colour blindness; every category keeps its colour in every
notebook.
"""

from __future__ import annotations

import html
import math
import textwrap

import pandas as pd
import plotly.graph_objects as go

from .corpus import date_span
from .outside import ADMINISTRATIONS

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

_ADMIN_FILL = {"Obama": "#F2F2F2", "Biden": "#F2F2F2", "Trump, 1st term": "#FBEBD9", "Trump, 2nd term": "#FBEBD9"}

_AXIS = dict(linecolor="rgb(36,36,36)", gridcolor="rgb(232,232,232)", showgrid=False, showline=True, ticks="outside",
             zeroline=False, automargin=True, title=dict(standoff=15))
#: plotly's "simple_white" look, with only the settings these charts use (the full template would add
#: about 9 KB to every stored chart) and Okabe-Ito as the default colour cycle.
TEMPLATE = go.layout.Template(layout=dict(
    colorway=ARTICLE_PALETTE, font=dict(color="rgb(36,36,36)"), hovermode="closest", paper_bgcolor="white",
    plot_bgcolor="white", xaxis=_AXIS, yaxis=_AXIS,
))
FONT = dict(family="Arial, Helvetica, sans-serif", size=13)


def _escape(text: str) -> str:
    """Return ``text`` with ``&``, ``<`` and ``>`` escaped: the entities plotly's labels decode.

    Quotation marks stay as they are (plotly would show ``&quot;`` literally).

    >>> _escape('"A & B" <i>')
    '"A &amp; B" &lt;i&gt;'
    """
    return html.escape(text, quote=False)


def wrap(text: str, width: int = 70) -> str:
    """Return ``text`` HTML-escaped and wrapped with ``<br>`` for a hover label.

    >>> wrap("Mayors & police <chiefs> spoke out against it", 20)
    'Mayors &amp; police<br>&lt;chiefs&gt; spoke out<br>against it'
    """
    return "<br>".join(_escape(line) for line in textwrap.wrap(text, width)) or _escape(text)


def _layout(fig: go.Figure, title: str, height: int) -> go.Figure:
    fig.update_layout(
        template=TEMPLATE, font=FONT, height=height, title=dict(text=title, x=0, xanchor="left"),
        margin=dict(l=10, r=10, t=70, b=40), hoverlabel=dict(align="left", bgcolor="white", font_size=13),
    )
    return fig


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
            fig.add_vrect(x0=a, x1=b, fillcolor=_ADMIN_FILL[name], opacity=0.7, line_width=0, layer="below",
                          annotation_text=name, annotation_position="top left", annotation_font_size=11)
    for row in arts.itertuples():
        lo, hi = date_span(row.published, row.date_precision)
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


# --- Stance of quotations (notebook 01) -------------------------------------------------------

#: Marker colours of labels that are not stances: a quotation nobody hand-coded, or the rules missed.
NO_LABEL_COLORS = {"not hand-coded": "#FFFFFF", "(not found)": "#FFFFFF"}
_BY = {"hand": ("stance_hand", "hand-coded stance"), "auto": ("stance_auto", "automatic stance (cues)")}
_PARTY_SHORT = {"Democratic": "D", "Republican": "R"}


def _stance_order(values) -> list[str]:
    """Return the labels present in ``values``: stances first, in a fixed order, then anything else.

    >>> _stance_order(["NONE", "not hand-coded", "AGAINST"])
    ['AGAINST', 'NONE', 'not hand-coded']
    """
    present = list(dict.fromkeys(values))
    fixed = [s for s in ("AGAINST", "FAVOR", "NONE") if s in present]
    return fixed + sorted(v for v in present if v not in fixed)


def stance_color(stance: str) -> str:
    """Return the marker colour of a stance label: :data:`STANCE_COLORS`, white for no label.

    >>> stance_color("FAVOR"), stance_color("not hand-coded")
    ('#D55E00', '#FFFFFF')
    """
    return STANCE_COLORS.get(stance, NO_LABEL_COLORS.get(stance, OKABE_ITO["grey"]))


def _marker_style(stances, differs) -> dict:
    """Return per-quotation marker colours and outlines: a black ring where the two codings differ."""
    return {
        "marker.color": [stance_color(s) for s in stances],
        "marker.line.color": ["#000000" if d else ("white" if s in STANCE_COLORS else "#999999")
                              for s, d in zip(stances, differs)],
        "marker.line.width": [2.5 if d else 1 for d in differs],
    }


def _quote_hover(rows: pd.DataFrame) -> list[tuple]:
    """Return the customdata behind :data:`QUOTE_HOVER` for each quotation row."""
    return list(zip(
        [_escape(s) for s in rows["speaker"]], [_escape(p) for p in rows["party"]],
        rows["article_id"], rows["date_label"], rows["ref"], rows["stance_hand"], rows["stance_auto"],
        [wrap(t, 60) for t in rows["text"]],
    ))


QUOTE_HOVER = ("<b>%{customdata[0]}</b> (%{customdata[1]})<br>%{customdata[2]}, %{customdata[3]}<br>"
               "%{customdata[4]}<br>hand-coded: %{customdata[5]} · automatic: %{customdata[6]}<br><br>"
               "%{customdata[7]}<extra></extra>")


def _legend_keys(fig: go.Figure, stances: list[str], ring: bool) -> None:
    """Add legend entries (no data) that explain the marker colours and the black ring."""
    for stance in stances:
        fig.add_trace(go.Scatter(
            x=[None], y=[None], mode="markers", name=STANCE_LABELS.get(stance, stance), hoverinfo="skip", legendrank=10,
            marker=dict(color=stance_color(stance), size=12, line=dict(color="white" if stance in STANCE_COLORS else "#999999", width=1)),
        ))
    if ring:
        fig.add_trace(go.Scatter(x=[None], y=[None], mode="markers", hoverinfo="skip", legendrank=20,
                                 name="black ring: automatic and hand-coded stance differ",
                                 marker=dict(color="white", size=12, line=dict(color="#000000", width=2.5))))


def _switch(fig: go.Figure, traces: list[int], styles: dict[str, dict[str, list]], by: str,
            titles: dict[str, str], y: float) -> None:
    """Add a drop-down that restyles the quotation ``traces`` for the hand-coded or the automatic stance.

    ``styles[source]`` maps a trace property (``marker.color``, ``y`` ...) to one
    list per trace; the drop-down swaps them in, so hover and positions stay
    with their quotation.
    """
    buttons = [dict(label=_BY[source][1], method="update", args=[styles[source], {"title.text": titles[source]}, traces])
               for source in ("hand", "auto")]
    for prop, values in styles[by].items():
        for index, value in zip(traces, values):
            fig.data[index].update({prop: value})
    fig.update_layout(title_text=titles[by], updatemenus=[dict(
        buttons=buttons, direction="down", active=["hand", "auto"].index(by), x=1, xanchor="right", y=y,
        yanchor="bottom", showactive=True)])


def _empty(title: str) -> go.Figure:
    fig = go.Figure()
    fig.add_annotation(text="No speech quotation in these articles.", showarrow=False, x=0.5, y=0.5,
                       xref="paper", yref="paper", font=dict(size=15))
    fig.update_xaxes(visible=False)
    fig.update_yaxes(visible=False)
    return _layout(fig, title, 250)


def stance_by_speaker(book: pd.DataFrame, by: str = "hand") -> go.Figure:
    """Return one row per speaker and one marker per quotation, coloured by stance.

    ``book`` is :func:`helpers.quotebook.build`. Speakers are grouped by
    their hand-coded stance (FAVOR, MIXED, AGAINST, NONE), then by number
    of quotations; markers run left to right in order of publication. A
    drop-down recolours the markers with the hand-coded or the automatic
    stance (``by`` picks the first shown); a black ring marks the quotations
    where the two differ. Hover shows the speaker, party, article, date, the
    reference to the sentence and the quotation.
    """
    from .stance import actors as actor_stances

    if book.empty:
        return _empty("Stance by speaker: no quotation to show")
    rank = {"FAVOR": 0, "MIXED": 1, "AGAINST": 2, "NONE": 3}
    hand_actor = dict(actor_stances(book, column="stance_hand")[["speaker_id", "actor_stance"]].values)
    per = book.groupby("speaker", sort=False).agg(n=("text", "size"), sid=("speaker_id", "first"),
                                                   party=("party", "first"), role=("role", "first"),
                                                   place=("jurisdiction", "first"))
    per["rank"] = [rank.get(hand_actor.get(s, ""), 4) for s in per["sid"]]
    per = per.sort_values(["rank", "n"], ascending=[True, False], kind="stable")
    labels = {}
    for name, r in per.iterrows():
        short = f" ({_PARTY_SHORT[r.party]})" if r.party in _PARTY_SHORT else ""
        detail = ", ".join(x for x in (r.role, r.place) if x)
        labels[name] = f"<b>{_escape(name)}</b>{short}<br><span style='font-size:11px'>{_escape(detail)}</span>"
    x = book.groupby("speaker", sort=False).cumcount() + 1
    fig = go.Figure(go.Scatter(
        x=x, y=book["speaker"].map(labels), mode="markers", name="quotations", showlegend=False,
        marker=dict(size=14, opacity=0.9), customdata=_quote_hover(book), hovertemplate=QUOTE_HOVER,
    ))
    differs = list(~book["agrees"])
    _legend_keys(fig, _stance_order([*book["stance_hand"], *book["stance_auto"]]), ring=any(differs))
    styles = {s: {k: [v] for k, v in _marker_style(book[_BY[s][0]], differs).items()} for s in _BY}
    titles = {s: f"Stance by speaker: {len(book)} quotations by {len(per)} speakers ({_BY[s][1]})" for s in _BY}
    _switch(fig, [0], styles, by, titles, y=1.0)
    fig.update_yaxes(categoryorder="array", categoryarray=[labels[s] for s in per.index], autorange="reversed",
                     showgrid=True, gridcolor="#EEEEEE", title_text=None)
    fig.update_xaxes(dtick=1, range=[0.4, x.max() + 0.6], title_text="quotations by this speaker, oldest first")
    fig.update_layout(legend=dict(title=dict(text="each marker is one quotation:", side="top"), orientation="h", y=-70 / (60 + 38 * len(per)),
                                  yanchor="top", x=-0.3, entrywidth=0.6, entrywidthmode="fraction"))
    fig = _layout(fig, titles[by], 190 + 38 * len(per))
    fig.update_layout(margin=dict(b=130, t=80))
    return fig


def _cut_note(fig: go.Figure, text: str, groups: list[list[pd.Timestamp]], fmt: str, y: float) -> None:
    """Add a note under a chart whose time axis is cut into panels, naming each gap."""
    gaps = [f"{groups[i][-1]:{fmt}} and {groups[i + 1][0]:{fmt}}" for i in range(len(groups) - 1)]
    if gaps:
        text += " The time axis is cut: nothing in the articles between " + "; ".join(gaps) + "."
    fig.add_annotation(text=text, xref="paper", yref="paper", x=0, y=y, showarrow=False, xanchor="left",
                       font=dict(size=11, color="#555555"))


def _clusters(dates: list[pd.Timestamp], gap_days: int = 730) -> list[list[pd.Timestamp]]:
    """Return sorted dates in groups, a new group after a gap of more than ``gap_days``.

    >>> [len(g) for g in _clusters([pd.Timestamp(d) for d in ("2016-11-17", "2018-01-24", "2026-02-01")])]
    [2, 1]
    """
    groups: list[list[pd.Timestamp]] = []
    for d in sorted(dates):
        if groups and (d - groups[-1][-1]).days <= gap_days:
            groups[-1].append(d)
        else:
            groups.append([d])
    return groups


def stance_over_time(book: pd.DataFrame, articles: pd.DataFrame, by: str = "hand") -> go.Figure:
    """Return a column of dots per article, one dot per quotation, placed at the article's date.

    Dots are stacked by stance (AGAINST, FAVOR, NONE from the bottom). The
    time axis is cut where years pass with no article, one panel per
    stretch, each shaded by presidential term (a fact from outside the
    corpus). Under each column a black marker gives the article's date:
    filled when the text states it, open when it is inferred, with a grey
    bar across every day it could be (a month for a month-precision date).
    A drop-down restacks and recolours the dots by hand-coded or automatic stance.
    """
    from plotly.subplots import make_subplots

    if book.empty:
        return _empty("Stance over time: no quotation to show")
    arts = articles.sort_values("published").reset_index(drop=True)
    spans = {r.article_id: date_span(r.published, r.date_precision) for r in arts.itertuples()}
    centre = {k: lo + (hi - lo) / 2 if (hi - lo) > pd.Timedelta(days=2) else lo for k, (lo, hi) in spans.items()}
    groups = _clusters(list(centre.values()))
    pad = pd.Timedelta(days=100)
    ranges = [(g[0] - pad, g[-1] + pad) for g in groups]
    fig = make_subplots(rows=1, cols=len(groups), shared_yaxes=True,
                        column_widths=[max((b - a).days, 200) for a, b in ranges], horizontal_spacing=0.05)
    panel = {k: next(i for i, g in enumerate(groups, 1) if c in g) for k, c in centre.items()}
    per_article = book.groupby("article_id").size()
    data = book.assign(panel=book["article_id"].map(panel), differs=~book["agrees"])
    traces, styles = [], {s: {"y": [], "marker.color": [], "marker.line.color": [], "marker.line.width": []} for s in _BY}
    for i in range(1, len(groups) + 1):
        rows = data[data["panel"] == i]
        if rows.empty:
            continue
        for source in _BY:
            column = _BY[source][0]
            rank = {s: k for k, s in enumerate(_stance_order(book[column]))}
            order = rows.assign(_r=rows[column].map(rank)).sort_values(["article_id", "_r", "start"], kind="stable")
            height = order.groupby("article_id", sort=False).cumcount() + 1
            styles[source]["y"].append(list(height.reindex(rows.index)))
            for k, v in _marker_style(rows[column], rows["differs"]).items():
                styles[source][k].append(v)
        fig.add_trace(go.Scatter(
            x=rows["article_id"].map(centre), y=[0] * len(rows), mode="markers", showlegend=False, name="quotations",
            marker=dict(size=12, opacity=0.9), customdata=_quote_hover(rows), hovertemplate=QUOTE_HOVER,
        ), row=1, col=i)
        traces.append(len(fig.data) - 1)
    for r in arts.itertuples():
        lo, hi = spans[r.article_id]
        fig.add_trace(go.Scatter(x=[lo, hi], y=[0, 0], mode="lines", line=dict(width=8, color=OKABE_ITO["grey"]),
                                 hoverinfo="skip", showlegend=False), row=1, col=panel[r.article_id])
    for status, symbol, label in (("stated", "circle", "article date stated in the text"),
                                  ("inferred", "circle-open", "article date inferred (grey bar: every day it could be)")):
        for i in range(1, len(groups) + 1):
            part = arts[(arts["date_status"] == status) & (arts["article_id"].map(panel) == i)]
            if part.empty:
                continue
            hand_counts = [", ".join(f"{v} {k}" for k, v in book.loc[book["article_id"] == a, "stance_hand"].value_counts().items())
                           or "no quotation" for a in part["article_id"]]
            fig.add_trace(go.Scatter(
                x=part["article_id"].map(centre), y=[0] * len(part), mode="markers+text", name=label,
                legendgroup=status, showlegend=not any(t.legendgroup == status for t in fig.data),
                text=[f"{a.split('-')[0]} · {int(per_article.get(a, 0))}" for a in part["article_id"]],
                textposition="bottom center", textfont=dict(size=11),
                marker=dict(symbol=symbol, size=13, color="#000000", line=dict(width=2.5, color="#000000")),
                customdata=list(zip(part["article_id"], part["outlet"], part["date_label"], hand_counts)),
                hovertemplate=("<b>%{customdata[0]}</b> (%{customdata[1]})<br>Published: %{customdata[2]}<br>"
                               "hand-coded: %{customdata[3]}<extra></extra>"),
            ), row=1, col=i)
    _legend_keys(fig, _stance_order([*book["stance_hand"], *book["stance_auto"]]), ring=bool(data["differs"].any()))
    for i, (a, b) in enumerate(ranges, 1):
        for name, s, e in ADMINISTRATIONS:
            s, e = max(pd.Timestamp(s), a), min(pd.Timestamp(e), b)
            if s < e:
                fig.add_vrect(x0=s, x1=e, fillcolor=_ADMIN_FILL[name], opacity=0.7, line_width=0, layer="below", row=1, col=i,
                              annotation_text=name, annotation_position="top left", annotation_font_size=11)
        fig.update_xaxes(range=[a, b], dtick="M6" if (b - a).days < 1000 else "M12", tickformat="%b %Y", row=1, col=i)
    titles = {s: f"Stance over time: {len(book)} quotations in {len(arts)} articles, one dot each ({_BY[s][1]})" for s in _BY}
    _switch(fig, traces, styles, by, titles, y=1.06)
    fig.update_yaxes(range=[-1.6, int(per_article.max()) + 1.5], title_text="quotations (one dot each)", row=1, col=1)
    _cut_note(fig, "Shaded bands: presidential terms (from outside the corpus).", groups, "%b %Y", -0.2)
    fig.update_layout(legend=dict(orientation="h", y=-0.3, yanchor="top", x=0))
    fig = _layout(fig, titles[by], 580)
    fig.update_layout(margin=dict(b=160, t=90))
    return fig


def _spread(x: pd.Series, y: pd.Series, step: float = 0.022) -> tuple[list[float], list[float]]:
    """Return coordinates with points that share a position moved apart on a small sunflower spiral.

    The first point at a position stays where it is; the k-th is moved
    ``step * sqrt(k)`` away, so equal scores stay visible as separate markers.

    >>> _spread(pd.Series([0.0, 0.0, 0.5]), pd.Series([0.0, 0.0, 0.1]))[0][0::2]
    [0.0, 0.5]
    """
    import math

    seen: dict[tuple[float, float], int] = {}
    xs, ys = [], []
    for a, b in zip(x, y):
        k = seen.get((a, b), 0)
        seen[(a, b)] = k + 1
        angle = k * 2.399963
        xs.append(a + step * math.sqrt(k) * math.cos(angle))
        ys.append(b + step * math.sqrt(k) * math.sin(angle))
    return xs, ys


def _score_scatter(book: pd.DataFrame, x: str, y: str) -> go.Figure:
    fig = go.Figure()
    xs, ys = _spread(book[x], book[y])
    moved = book.assign(_x=xs, _y=ys)
    for stance in _stance_order(book["stance_hand"]):
        rows = moved[moved["stance_hand"] == stance]
        fig.add_trace(go.Scatter(
            x=rows["_x"], y=rows["_y"], mode="markers", name=STANCE_LABELS.get(stance, stance),
            marker=dict(color=stance_color(stance), size=11, opacity=0.9, line=dict(color="white", width=1)),
            customdata=[(*h, a, b) for h, a, b in zip(_quote_hover(rows), rows[x], rows[y])],
            hovertemplate=QUOTE_HOVER.replace("<extra></extra>", "") +
            f"<br><br>{x} = %{{customdata[8]:.2f}}, {y} = %{{customdata[9]:.2f}}<extra></extra>",
        ))
    fig.update_layout(legend=dict(title=dict(text="hand-coded stance of each quotation", side="top"), orientation="h",
                                  y=-0.2, yanchor="top", x=0))
    fig.add_annotation(text="Quotations with equal scores are drawn a little apart; hover gives the exact scores.",
                       xref="paper", yref="paper", x=1, y=-0.2, yanchor="bottom", xanchor="right", showarrow=False,
                       font=dict(size=11, color="#555555"))
    return fig


def polarity_subjectivity(book: pd.DataFrame) -> go.Figure:
    """Return TextBlob polarity (across) against subjectivity (up), one marker per quotation, coloured by hand-coded stance.

    The title counts, from the data, the AGAINST quotations worded
    positively and the FAVOR quotations worded negatively. Quotations with
    equal scores are moved apart a little; hover gives the exact scores.
    """
    fig = _score_scatter(book, "polarity", "subjectivity")
    against = book[book["stance_hand"] == "AGAINST"]
    favor = book[book["stance_hand"] == "FAVOR"]
    title = (f"Sentiment is not stance: {int((against['polarity'] > 0).sum())} of {len(against)} AGAINST quotations "
             f"are worded positively,<br>{int((favor['polarity'] < 0).sum())} of {len(favor)} FAVOR quotations negatively")
    fig.add_vline(x=0, line=dict(color=OKABE_ITO["grey"], dash="dot"))
    fig.add_annotation(text="← negative wording", x=-0.98, y=1.04, showarrow=False, xanchor="left", font=dict(size=11))
    fig.add_annotation(text="positive wording →", x=0.98, y=1.04, showarrow=False, xanchor="right", font=dict(size=11))
    fig.update_xaxes(range=[-1.05, 1.05], title_text="TextBlob polarity of the quotation (−1 negative, +1 positive)")
    blank = int(((book["polarity"] == 0) & (book["subjectivity"] == 0)).sum())
    fig.add_annotation(text=f"{blank} quotations use no word TextBlob scores (0, 0)", x=0, y=-0.12, ax=160, ay=-10,
                       xanchor="left", font=dict(size=11), arrowcolor="#555555")
    fig.update_yaxes(range=[-0.2, 1.1], title_text="TextBlob subjectivity<br>(0 factual, 1 opinion)")
    return _layout(fig, title, 540)


def lexicon_agreement(book: pd.DataFrame, threshold: float = 0.05) -> go.Figure:
    """Return TextBlob polarity (across) against VADER compound (up), one marker per quotation.

    Both scores are in [-1, 1]; the shaded cross is the neutral band
    (within ``threshold`` of zero). Markers in the top-right and bottom-left
    are quotations on which the two lexicons agree about the sign of the
    wording; the title counts them.
    """
    from .annotate import sign

    fig = _score_scatter(book, "polarity", "vader_compound")
    same = int((book["polarity"].map(lambda v: sign(v, threshold)) == book["vader_compound"].map(lambda v: sign(v, threshold))).sum())
    for a, b in (("x", "y"), ("y", "x")):
        kw = {f"{a}0": -threshold, f"{a}1": threshold}
        (fig.add_vrect if a == "x" else fig.add_hrect)(**kw, fillcolor="#DDDDDD", opacity=0.5, line_width=0, layer="below")
    fig.add_shape(type="line", x0=-1, y0=-1, x1=1, y1=1, line=dict(color=OKABE_ITO["grey"], dash="dot"), layer="below")
    fig.update_xaxes(range=[-1.05, 1.05], title_text="TextBlob polarity (−1 negative, +1 positive)")
    fig.update_yaxes(range=[-1.05, 1.05], title_text="VADER compound (−1 negative, +1 positive)")
    fig.add_annotation(text=f"grey cross: neutral (within {threshold} of 0)", x=1, y=-0.9, xanchor="right",
                       showarrow=False, font=dict(size=11, color="#555555"))
    title = f"Two lexicons, one quotation: same sign of wording for {same} of {len(book)} quotations"
    return _layout(fig, title, 560)


# --- Policy actions by jurisdiction (notebook 02) ----------------------------------------------

#: Direction of a policy action, in the colours of the stance it goes with: restricting cooperation
#: is blue like AGAINST, cooperating is vermillion like FAVOR, both in one cell reddish purple like MIXED.
DIRECTION_COLORS = {"restrict": OKABE_ITO["blue"], "cooperate": OKABE_ITO["vermillion"], "both": OKABE_ITO["reddish purple"]}
DIRECTION_LABELS = {
    "restrict": "restrict: limits cooperation with federal enforcement",
    "cooperate": "cooperate: expands it",
    "both": "both, at different times",
}


def _action_hover(rows: pd.DataFrame, names: dict[str, str]) -> str:
    """Return the hover text listing policy actions: date, category, direction, actor, evidence."""
    parts = []
    for r in rows.itertuples(index=False):
        actor = names.get(r.actor_id, "") if r.actor_id else "official not named"
        parts.append(f"<b>{_escape(r.date_label)}</b>, {r.direction} ({_escape(actor)}, {r.article_id})<br>"
                     f"{wrap(r.evidence, 70)}")
    return "<br><br>".join(parts)


def _jurisdiction_order(places: pd.DataFrame) -> list[str]:
    """Return jurisdiction names, most actions first (the order of :func:`helpers.cities.jurisdictions`)."""
    return list(places["name"])


def policy_matrix(acts: pd.DataFrame, places: pd.DataFrame, kb) -> go.Figure:
    """Return jurisdictions (rows) by policy category (columns), a square per cell with actions.

    ``acts`` is :func:`helpers.policies.reference`, ``places`` is
    :func:`helpers.cities.jurisdictions` (every jurisdiction gets a row, with
    or without actions). A square's colour is the direction of its actions,
    its number how many there are; hover lists each action with its date,
    actor, article and evidence sentence.
    """
    from .policies import CATEGORIES

    names = dict(zip(kb.actors["id"], kb.actors["name"]))
    place_name = dict(zip(places["jurisdiction"], places["name"]))
    labels = {r.name: (f"<b>{_escape(r.name)}</b>" if r.n_actions else f"{_escape(r.name)} <i>(no action)</i>")
              for r in places.itertuples()}
    cats = list(CATEGORIES)
    fig = go.Figure()
    cells = []
    for (jid, cat), rows in acts.groupby(["jurisdiction", "category"], sort=False):
        if jid not in place_name:
            continue
        dirs = set(rows["direction"])
        cells.append((place_name[jid], cat, "both" if len(dirs) > 1 else dirs.pop(), len(rows), _action_hover(rows, names)))
    for direction in DIRECTION_COLORS:
        part = [c for c in cells if c[2] == direction]
        if not part:  # a legend entry all the same, so that every colour is explained
            fig.add_trace(go.Scatter(x=[None], y=[None], mode="markers", name=DIRECTION_LABELS[direction], hoverinfo="skip",
                                     marker=dict(symbol="square", size=14, color=DIRECTION_COLORS[direction])))
            continue
        fig.add_trace(go.Scatter(
            x=[c[1] for c in part], y=[labels[c[0]] for c in part], mode="markers+text", name=DIRECTION_LABELS[direction],
            marker=dict(symbol="square", size=30, color=DIRECTION_COLORS[direction], line=dict(color="white", width=1)),
            text=[str(c[3]) for c in part], textfont=dict(color="white", size=13),
            customdata=[(c[0], c[1], c[4]) for c in part],
            hovertemplate="<b>%{customdata[0]}</b>: %{customdata[1]}<br><br>%{customdata[2]}<extra></extra>",
        ))
    fig.update_xaxes(categoryorder="array", categoryarray=cats, range=[-0.5, len(cats) - 0.5], side="top", tickangle=-35,
                     showgrid=True, gridcolor="#EEEEEE", title_text=None)
    fig.update_yaxes(categoryorder="array", categoryarray=[labels[n] for n in _jurisdiction_order(places)],
                     range=[len(places) - 0.5, -0.5], showgrid=True, gridcolor="#EEEEEE", title_text=None)
    n = len(acts[acts["jurisdiction"].isin(place_name)])
    fig.update_layout(legend=dict(title="direction (number = actions)", orientation="h", y=-0.02, yanchor="top", x=0))
    fig = _layout(fig, f"What each jurisdiction did: {n} hand-coded actions in {len(cats)} categories", 170 + 36 * len(places) + 150)
    fig.update_layout(margin=dict(t=190, b=60), title=dict(y=0.985, yanchor="top", yref="container"))
    return fig


def policy_map(acts: pd.DataFrame, places: pd.DataFrame, years: range = range(2016, 2027)) -> go.Figure:
    """Return a map of the United States with a bubble per jurisdiction and a slider over ``years``.

    At each year the bubble's area grows with the number of actions dated up
    to the end of that year (actions from before the first year count from
    the start), and its colour is the direction of the latest one; a small
    open circle is a jurisdiction the articles name with no action yet. Show
    it with ``fig.show(config=helpers.geo.offline_config())`` so that the
    map outline comes from the machine, not a CDN.
    """
    import math

    fig = go.Figure()
    steps = []
    states = []
    for year in years:
        end = pd.Timestamp(f"{year + 1}-01-01")
        sizes, colors, lines, texts = [], [], [], []
        for p in places.itertuples():
            mine = acts[(acts["jurisdiction"] == p.jurisdiction) & (acts["start"] < end)]
            if mine.empty:
                sizes.append(9); colors.append("rgba(0,0,0,0)"); lines.append(OKABE_ITO["grey"])
                texts.append(f"<b>{_escape(p.name)}</b><br>no action reported by the end of {year}")
                continue
            latest = mine.iloc[-1]
            sizes.append(12 + 9 * math.sqrt(len(mine)))
            colors.append(DIRECTION_COLORS[latest["direction"]]); lines.append("white")
            counts = mine["direction"].value_counts()
            texts.append(f"<b>{_escape(p.name)}</b>: {len(mine)} action(s) by the end of {year} "
                         f"({', '.join(f'{v} {k}' for k, v in counts.items())})<br>latest: {_escape(latest['date_label'])}, "
                         f"{latest['category']} ({latest['direction']})")
        states.append((year, sizes, colors, lines, texts))
    first = states[-1]
    fig.add_trace(go.Scattergeo(
        lon=places["lon"], lat=places["lat"], mode="markers", name="jurisdictions", showlegend=False,
        marker=dict(size=first[1], color=first[2], line=dict(color=first[3], width=1.5), opacity=0.9, sizemode="diameter"),
        hovertext=first[4], hoverinfo="text",
    ))
    for direction in ("restrict", "cooperate"):
        fig.add_trace(go.Scattergeo(lon=[None], lat=[None], mode="markers", name={"restrict": "latest action restricts cooperation", "cooperate": "latest action cooperates"}[direction],
                                    marker=dict(size=12, color=DIRECTION_COLORS[direction]), hoverinfo="skip"))
    fig.add_trace(go.Scattergeo(lon=[None], lat=[None], mode="markers", name="named in the articles, no action yet",
                                marker=dict(size=9, color="rgba(0,0,0,0)", line=dict(color=OKABE_ITO["grey"], width=1.5)),
                                hoverinfo="skip"))
    for year, sizes, colors, lines, texts in states:
        steps.append(dict(label=str(year), method="restyle",
                          args=[{"marker.size": [sizes], "marker.color": [colors], "marker.line.color": [lines],
                                 "hovertext": [texts]}, [0]]))
    fig.update_layout(
        sliders=[dict(active=len(steps) - 1, steps=steps, currentvalue=dict(prefix="actions up to the end of "),
                      pad=dict(t=10), x=0, len=1)],
        geo=dict(scope="usa", projection_type="albers usa", showland=True, landcolor="#F2F2F2", showlakes=False,
                 subunitcolor="#BBBBBB", countrycolor="#999999", bgcolor="white"),
        legend=dict(orientation="h", y=1.0, yanchor="bottom", x=0),
    )
    fig.add_annotation(text="Bubble area grows with the number of actions; hover for them. Coordinates: city hall or "
                            "centroid, from outside the corpus.", xref="paper", yref="paper", x=0, y=-0.02,
                       showarrow=False, xanchor="left", font=dict(size=11, color="#555555"))
    fig = _layout(fig, f"Where the {len(acts)} policy actions were taken, {years[0]}–{years[-1]}", 560)
    fig.update_layout(margin=dict(l=10, r=10, t=110, b=90))
    return fig


def policy_timeline(acts: pd.DataFrame, places: pd.DataFrame, events: pd.DataFrame, kb) -> go.Figure:
    """Return each jurisdiction's actions on a time line, with the federal actions as context.

    One row per jurisdiction (those with actions), one marker per action
    coloured by direction: filled when the text gives or implies the
    action's date, open when only the article's date is known (the action is
    at the latest then). A grey bar spans every day the date could be (a
    whole year for "since 1979"). The top row and the dotted lines are the
    federal actions. The time axis is cut where years pass with no event.
    """
    from plotly.subplots import make_subplots

    names = dict(zip(kb.actors["id"], kb.actors["name"]))
    acting = places[places["n_actions"] > 0]
    order = ["<b>federal</b>"] + list(acting["name"])
    place_name = dict(zip(acting["jurisdiction"], acting["name"]))
    acts = acts[acts["jurisdiction"].isin(place_name)]
    dates = list(acts["start"]) + list(events["start"])
    if not dates:
        return _empty("Policy timeline: no action to show")
    groups = _clusters(dates, gap_days=3 * 365)
    pad = pd.Timedelta(days=200)
    ranges = [(g[0] - pad, max(g[-1], max(acts.loc[acts["start"].isin(g), "stop"], default=g[-1])) + pad) for g in groups]
    fig = make_subplots(rows=1, cols=len(groups), shared_yaxes=True, horizontal_spacing=0.03,
                        column_widths=[max((b - a).days, 700) for a, b in ranges])
    panel = lambda t: next(i for i, g in enumerate(groups, 1) if t in g)  # noqa: E731
    for r in list(acts.itertuples()) + list(events.itertuples()):
        y = "<b>federal</b>" if not hasattr(r, "jurisdiction") else place_name[r.jurisdiction]
        fig.add_trace(go.Scatter(x=[r.start, r.stop], y=[y, y], mode="lines", line=dict(width=7, color="#CCCCCC"),
                                 hoverinfo="skip", showlegend=False), row=1, col=panel(r.start))
    shown = set()
    for (direction, dated), rows in acts.groupby([acts["direction"], acts["date_status"] != "article date"], sort=False):
        for i in sorted({panel(t) for t in rows["start"]}):
            part = rows[[panel(t) == i for t in rows["start"]]]
            key = (direction, dated)
            fig.add_trace(go.Scatter(
                x=part["start"], y=part["jurisdiction"].map(place_name), mode="markers",
                name=f"{direction}, " + ("date given or implied by the text" if dated else "date known only as the article's"),
                legendgroup=f"{direction}{dated}", showlegend=key not in shown,
                marker=dict(size=13, symbol="circle" if dated else "circle-open", color=DIRECTION_COLORS[direction],
                            line=dict(width=2.5, color=DIRECTION_COLORS[direction])),
                customdata=[(place_name[r.jurisdiction], r.category, _action_hover(pd.DataFrame([r._asdict()]), names))
                            for r in part.itertuples()],
                hovertemplate="<b>%{customdata[0]}</b>: %{customdata[1]}<br><br>%{customdata[2]}<extra></extra>",
            ), row=1, col=i)
            shown.add(key)
    for i in sorted({panel(t) for t in events["start"]}):
        part = events[[panel(t) == i for t in events["start"]]]
        fig.add_trace(go.Scatter(
            x=part["start"], y=["<b>federal</b>"] * len(part), mode="markers", name="federal action (context)",
            legendgroup="federal", showlegend="federal" not in shown,
            marker=dict(size=14, symbol="diamond", color="#000000"),
            customdata=[(e.event, e.date_label, e.article_id, wrap(e.evidence, 70)) for e in part.itertuples()],
            hovertemplate="<b>%{customdata[0]}</b><br>%{customdata[1]}, %{customdata[2]}<br><br>%{customdata[3]}<extra></extra>",
        ), row=1, col=i)
        shown.add("federal")
        for e in part.itertuples():
            fig.add_vline(x=e.start, line=dict(color="#555555", dash="dot", width=1), row=1, col=i)
    for i, (a, b) in enumerate(ranges, 1):
        span = (b - a).days
        fig.update_xaxes(range=[a, b], dtick="M12" if span > 700 else "M6", tickformat="%Y" if span > 700 else "%b %Y",
                         row=1, col=i)
    fig.update_yaxes(categoryorder="array", categoryarray=order, range=[len(order) - 0.5, -0.5], showgrid=True,
                     gridcolor="#EEEEEE", row=1, col=1)
    _cut_note(fig, "Grey bars: every day an action's date could be. Dotted lines: federal actions.", groups, "%Y", -0.12)
    fig.update_layout(legend=dict(orientation="h", y=-0.18, yanchor="top", x=0))
    fig = _layout(fig, f"When: {len(acts)} local actions and {len(events)} federal ones", 150 + 34 * len(order) + 130)
    fig.update_layout(margin=dict(b=150))
    return fig


def compare_jurisdictions(acts: pd.DataFrame, book: pd.DataFrame, a: str, b: str, kb) -> go.Figure:
    """Return two jurisdictions side by side: their actions by category over time, and their quotations' stances.

    Each panel has a row per policy category either jurisdiction acted on,
    with a marker per action (colour: direction; hover: evidence); the panel
    title counts the jurisdiction's quotations by hand-coded stance.
    """
    from plotly.subplots import make_subplots

    from .policies import CATEGORIES

    names = dict(zip(kb.actors["id"], kb.actors["name"]))
    part = acts[acts["jurisdiction"].isin([a, b])]
    cats = [c for c in CATEGORIES if c in set(part["category"])]
    titles = []
    for jid in (a, b):
        speakers = kb.actors.loc[kb.actors["jurisdiction"] == jid, "id"]
        stances = book.loc[book["speaker_id"].isin(speakers), "stance_hand"].value_counts() if len(book) else pd.Series(dtype=int)
        said = ", ".join(f"{v} {k}" for k, v in stances.items()) or "none"
        n = int((part["jurisdiction"] == jid).sum())
        titles.append(f"<b>{_escape(kb.place_name(jid))}</b><br>{n} action(s); quotations of its officials: {said}")
    fig = make_subplots(rows=1, cols=2, shared_yaxes=True, subplot_titles=titles, horizontal_spacing=0.04)
    if part.empty:
        fig.add_annotation(text="Neither jurisdiction has a policy action in the articles.", showarrow=False,
                           xref="paper", yref="paper", x=0.5, y=0.5)
    shown = set()
    for col, jid in enumerate((a, b), 1):
        mine = part[part["jurisdiction"] == jid]
        for direction, rows in mine.groupby("direction", sort=False):
            fig.add_trace(go.Scatter(
                x=rows["start"], y=rows["category"], mode="markers", name=DIRECTION_LABELS[direction],
                legendgroup=direction, showlegend=direction not in shown,
                marker=dict(size=15, color=DIRECTION_COLORS[direction], line=dict(color="white", width=1)),
                customdata=[(r.category, _action_hover(pd.DataFrame([r._asdict()]), names)) for r in rows.itertuples()],
                hovertemplate="<b>%{customdata[0]}</b><br><br>%{customdata[1]}<extra></extra>",
            ), row=1, col=col)
            shown.add(direction)
        if mine.empty:
            fig.add_annotation(text="no policy action reported", showarrow=False, xref=f"x{col if col > 1 else ''} domain",
                               yref="paper", x=0.5, y=0.5, font=dict(color="#555555"))
    lo = min(part["start"].min(), pd.Timestamp("2016-01-01")) if len(part) else pd.Timestamp("2016-01-01")
    hi = max(part["stop"].max(), pd.Timestamp("2026-12-31")) if len(part) else pd.Timestamp("2026-12-31")
    fig.update_xaxes(range=[lo - pd.Timedelta(days=365), hi + pd.Timedelta(days=180)], tickformat="%Y")
    fig.update_yaxes(categoryorder="array", categoryarray=cats[::-1] or [""], showgrid=True, gridcolor="#EEEEEE")
    fig.update_layout(legend=dict(orientation="h", y=-0.2, yanchor="top", x=0))
    fig = _layout(fig, f"Side by side: {_escape(kb.place_name(a))} and {_escape(kb.place_name(b))}", 200 + 45 * max(len(cats), 1) + 80)
    fig.update_layout(margin=dict(t=130, b=90))
    return fig


# --- Party (notebook 03) ---------------------------------------------------------------------

#: One colour per party label, away from the stance colours: Democratic sky blue, Republican orange.
PARTY_COLORS = {
    "Democratic": OKABE_ITO["sky blue"], "Republican": OKABE_ITO["orange"], "no party": OKABE_ITO["bluish green"],
    "no party (organisation)": OKABE_ITO["black"], "party unknown": OKABE_ITO["grey"],
}


def stance_shares(table: pd.DataFrame, title: str, unit: str = "quotations") -> go.Figure:
    """Return stacked horizontal bars: the share of each stance in each row of a stance-count table.

    ``table`` is :func:`helpers.parties.stance_counts` (or any
    :func:`helpers.quotebook.tally`); each segment shows its count, each bar
    ends with its n, and hover gives count and share.
    """
    stances = [s for s in ("FAVOR", "MIXED", "AGAINST", "NONE") if s in table.columns]
    rows = [str(i) for i in table.index]
    fig = go.Figure()
    for stance in stances:
        share = table[f"% {stance}"]
        fig.add_trace(go.Bar(
            y=rows, x=share, orientation="h", name=STANCE_LABELS[stance], marker_color=STANCE_COLORS[stance],
            text=[str(c) if c else "" for c in table[stance]], textposition="inside", insidetextanchor="middle",
            textfont=dict(color="white"), customdata=list(zip(table[stance], table["n"])),
            hovertemplate=f"<b>%{{y}}</b><br>{stance}: %{{customdata[0]}} of %{{customdata[1]}} {unit} (%{{x:.0f}}%)<extra></extra>",
        ))
    for row, n in zip(rows, table["n"]):
        fig.add_annotation(x=100, y=row, text=f" n = {n}", showarrow=False, xanchor="left", font=dict(size=12))
    fig.update_layout(barmode="stack", legend=dict(orientation="h", y=-0.25, yanchor="top", x=0, traceorder="normal"))
    fig.update_xaxes(range=[0, 112], ticksuffix="%", title_text=f"share of the {unit} (n = number of {unit})")
    fig.update_yaxes(autorange="reversed", title_text=None)
    fig = _layout(fig, title, 150 + 48 * len(rows) + 90)
    fig.update_layout(margin=dict(b=110, r=40))
    return fig


def sentiment_by_party(tables: dict[str, pd.DataFrame]) -> go.Figure:
    """Return each party's mean sentiment with its bootstrap interval, one marker per lexicon.

    ``tables`` maps a lexicon label to :func:`helpers.parties.sentiment_by`.
    Horizontal bars are 95% intervals (none with a single speaker); the row
    label gives n quotations and speakers.
    """
    fig = go.Figure()
    symbols = ["circle", "diamond", "square"]
    first = next(iter(tables.values()))
    rows = {p: i for i, p in enumerate(first["party"])}
    k = len(tables)
    for i, (name, table) in enumerate(tables.items()):
        offset = (i - (k - 1) / 2) * 0.28
        fig.add_trace(go.Scatter(
            x=table["mean"], y=[rows[p] + offset for p in table["party"]], mode="markers", name=name,
            marker=dict(symbol=symbols[i % 3], size=13, color=[PARTY_COLORS.get(p, "#000000") for p in table["party"]],
                        line=dict(color="#000000", width=1)),
            error_x=dict(type="data", symmetric=False, array=(table["hi"] - table["mean"]).fillna(0),
                         arrayminus=(table["mean"] - table["lo"]).fillna(0), color="#555555", thickness=1.5, width=5),
            customdata=list(zip(table["party"], table["lo"], table["hi"], table["n"], table["n_speakers"])),
            hovertemplate=(f"<b>%{{customdata[0]}}</b>, {name}<br>mean %{{x:.3f}}, 95% interval %{{customdata[1]:.3f}} to "
                           "%{customdata[2]:.3f}<br>%{customdata[3]} quotations by %{customdata[4]} speakers<extra></extra>"),
        ))
    fig.add_vline(x=0, line=dict(color=OKABE_ITO["grey"], dash="dot"))
    fig.update_layout(legend=dict(title="marker: lexicon", orientation="h", y=-0.14, yanchor="top", x=0))
    fig.update_xaxes(title_text="mean sentiment of the party's quotations (−1 negative wording, +1 positive)")
    fig.update_yaxes(tickvals=list(rows.values()), range=[len(rows) - 0.5, -0.5], title_text=None, showgrid=True,
                     gridcolor="#F2F2F2", ticktext=[f"{p}<br><span style='font-size:11px'>n = {n} quotations, {s_} speakers</span>"
                                                    for p, n, s_ in zip(first["party"], first["n"], first["n_speakers"])])
    fig.add_annotation(text="Bars: 95% bootstrap intervals, resampling speakers (seeded); none with a single speaker.",
                       xref="paper", yref="paper", x=0, y=-0.24, showarrow=False, xanchor="left", font=dict(size=11, color="#555555"))
    fig = _layout(fig, "Tone by party: how positive is the wording, and how sure can we be?", 170 + 70 * len(first) + 100)
    fig.update_layout(margin=dict(b=140))
    return fig


def distinctive_terms(terms: pd.DataFrame, texts_a: pd.DataFrame, texts_b: pd.DataFrame, a: str, b: str,
                      label: int = 6, threshold: float = 1.96, min_count: int = 2) -> go.Figure:
    """Return a term chart in the manner of scattertext: frequency across, log-odds z-score up.

    ``terms`` is :func:`helpers.words.distinctive` of group ``a`` against
    ``b``; ``texts_a`` and ``texts_b`` are quotation-book rows (``text``,
    ``speaker``) of each group: hovering a word shows where the quotations of
    each group use it. Words used fewer than ``min_count`` times are left out
    (the title says how many). Colour is the group a word leans to, solid
    beyond ``threshold``; the ``label`` words leaning furthest each way are
    written on the chart.
    """
    from .words import quotes_with

    def uses(rows: pd.DataFrame, term: str) -> str:
        found = quotes_with(list(rows["text"]), term)
        shown = []
        for i in found[:2]:
            text = rows["text"].iloc[i]
            at = text.lower().replace("’", "'").find(term)
            lo, hi = max(at - 45, 0), min(at + len(term) + 45, len(text))
            snippet = ("…" if lo else "") + text[lo:hi] + ("…" if hi < len(text) else "")
            shown.append(f"{_escape(rows['speaker'].iloc[i])}: {wrap(snippet, 70)}")
        more = f"<br>… and {len(found) - 2} more" if len(found) > 2 else ""
        return "<br>".join(shown) + more if shown else "(none)"

    kept = terms[terms["total"] >= min_count].reset_index(drop=True)
    jitter = [((i * 0.6180339887) % 1 - 0.5) * 0.12 for i in range(len(kept))]
    frame = kept.assign(x=[math.log10(t) + j for t, j in zip(kept["total"], jitter)])
    ca, cb = PARTY_COLORS.get(a, OKABE_ITO["blue"]), PARTY_COLORS.get(b, OKABE_ITO["vermillion"])
    groups = [
        (frame["z"] >= threshold, f"distinctive of {a} (z ≥ {threshold})", ca, 1.0),
        ((frame["z"] > 0) & (frame["z"] < threshold), f"leans {a}, not distinctive", ca, 0.35),
        ((frame["z"] <= 0) & (frame["z"] > -threshold), f"leans {b}, not distinctive", cb, 0.35),
        (frame["z"] <= -threshold, f"distinctive of {b} (z ≤ −{threshold})", cb, 1.0),
    ]
    fig = go.Figure()
    for mask, name, color, opacity in groups:
        rows = frame[mask]
        fig.add_trace(go.Scatter(
            x=rows["x"], y=rows["z"], mode="markers", name=name,
            marker=dict(size=9, color=color, opacity=opacity, line=dict(color="#555555" if opacity == 1 else "white", width=0.5)),
            customdata=[(t, n_a, n_b, uses(texts_a, t), uses(texts_b, t)) for t, n_a, n_b in
                        zip(rows["term"], rows["count_a"], rows["count_b"])],
            hovertemplate=(f"<b>%{{customdata[0]}}</b>: z = %{{y:.2f}}<br>{a}: %{{customdata[1]}} · {b}: %{{customdata[2]}}"
                           f"<br><br><b>{a}</b><br>%{{customdata[3]}}<br><br><b>{b}</b><br>%{{customdata[4]}}<extra></extra>"),
        ))
    for k, r in enumerate(pd.concat([frame.head(label), frame.tail(label)]).itertuples()):
        fig.add_annotation(x=r.x, y=r.z, text=_escape(r.term), showarrow=False, font=dict(size=11, color="#333333"),
                           yshift=(12 if r.z > 0 else -12) * (1 + k % 2))
    for y in (threshold, -threshold):
        fig.add_hline(y=y, line=dict(color=OKABE_ITO["grey"], dash="dot", width=1))
    fig.add_hline(y=0, line=dict(color="#DDDDDD", width=1))
    n_sig = int((frame["z"].abs() >= threshold).sum())
    top = max(float(kept["total"].max()) if len(kept) else 1.0, 1.0)
    tickvals = [v for v in (1, 2, 5, 10, 20, 50, 100, 200) if v <= top * 1.5]
    fig.update_xaxes(tickvals=[math.log10(v) for v in tickvals], ticktext=[str(v) for v in tickvals],
                     title_text="how often the word is used in both groups' quotations (log scale)")
    bound = max(threshold + 0.4, float(frame["z"].abs().max()) + 0.4 if len(frame) else 0)
    fig.update_yaxes(range=[-bound, bound], title_text=f"log-odds z-score<br>(up: {a}, down: {b})")
    fig.update_layout(legend=dict(orientation="h", y=-0.2, yanchor="top", x=0))
    left_out = len(terms) - len(kept)
    title = (f"Words of {a} and {b} speakers: {n_sig} of {len(kept)} words beyond |z| = {threshold}"
             f"<br><span style='font-size:12px'>{left_out} words used only once are left out</span>")
    fig = _layout(fig, title, 580)
    fig.update_layout(margin=dict(b=120, t=90))
    return fig
