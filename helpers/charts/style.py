"""The look every chart shares: palette, template, stance and party codes, hover text, size, empty state, cut time axes.

Colours come from the Okabe-Ito palette, which stays distinguishable for the
common forms of colour blindness; each code means one thing in every
notebook: stance (and the direction of a policy action) by colour, party by
black and greys with a letter or a marker shape, never by a stance colour.

Every figure is sized for a 1024 x 768 projector slide with a heading above
it: :data:`HEIGHT` pixels high, as wide as its page, the legend under the
x-axis title with room of its own, drop-downs and sliders inside the figure.
:func:`slide_problems` checks a figure against these rules.
"""

from __future__ import annotations

import html
import re
import textwrap

import pandas as pd
import plotly.graph_objects as go

from ..vocabulary import STANCE_ORDER

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
#: Short stance names, for legends beside long row labels (where a flat legend has little room).
STANCE_SHORT = {
    "FAVOR": "FAVOR (for enforcement)", "AGAINST": "AGAINST (resists it)", "NONE": "NONE (neither)",
    "MIXED": "MIXED (both)",
}
#: Marker colours of labels that are not stances: a quotation nobody hand-coded, or the rules missed.
NO_LABEL_COLORS = {"not hand-coded": "#FFFFFF", "(not found)": "#FFFFFF"}

#: Party is never a stance colour: black and greys, with a marker shape and a letter of its own.
PARTY_COLORS = {
    "Democratic": "#000000", "Republican": "#5A5A5A", "no party": "#B4B4B4",
    "no party (organisation)": "#D9D9D9", "party unknown": "#FFFFFF",
}
PARTY_SYMBOLS = {
    "Democratic": "circle", "Republican": "square", "no party": "diamond",
    "no party (organisation)": "triangle-up", "party unknown": "x",
}
PARTY_SHORT = {"Democratic": "D", "Republican": "R"}

#: How a date is drawn wherever dates appear: a filled triangle when the text states it, an open triangle over a
#: dotted bar (every day it could be) when it is inferred. Never a ring: a ring means "the codings differ".
DATE_SYMBOLS = {"stated": "triangle-up", "inferred": "triangle-up-open"}

_AXIS = dict(linecolor="rgb(36,36,36)", gridcolor="rgb(232,232,232)", showgrid=False, showline=True, ticks="outside",
             zeroline=False, automargin=True, title=dict(standoff=12))
#: plotly's "simple_white" look, with only the settings these charts use (the full template would add
#: about 9 KB to every stored chart) and Okabe-Ito as the default colour cycle.
TEMPLATE = go.layout.Template(layout=dict(
    colorway=ARTICLE_PALETTE, font=dict(color="rgb(36,36,36)"), hovermode="closest", paper_bgcolor="white",
    plot_bgcolor="white", xaxis=_AXIS, yaxis=_AXIS,
))
FONT = dict(family="Arial, Helvetica, sans-serif", size=14)

#: Default figure height: a 1024 x 768 slide keeps about 460 pixels under its heading.
HEIGHT = 440
#: Most rows (speakers, articles, jurisdictions) a chart draws before folding the rest into one "others" row.
TOP = 25
#: Most marks, one per quotation, a chart draws before it counts them in bars or draws a sample.
MARKS = 1000
_TITLE_LINE, _NOTE_LINE, _LEGEND_ROW, _AXIS_BAND = 24, 18, 24, 58
_SLIDE_WIDTH = 960  # the narrowest figure a slide gives (1024 minus its padding)
#: The width of a notebook's output in JupyterLab at 1280 x 720 with the file browser open: legends are laid out
#: for the narrower of this and a slide, so that their rows never take the room of the plot.
NOTEBOOK_WIDTH = 840
#: The band under the title (and note) that holds a chart's drop-down, clear of both.
CONTROL_BAND = 40
#: The least height, in pixels, of one row of a categorical axis: its 11-12 px label never touches its neighbours.
ROW_PX = 16
#: The tallest a chart grows to give every row its label (a 1280 x 720 screen shows it whole in JupyterLab).
MAX_ROWS_HEIGHT = 640


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


def _stance_order(values) -> list[str]:
    """Return the labels present in ``values``: stances first, in the order of the vocabulary, then anything else.

    >>> _stance_order(["NONE", "not hand-coded", "AGAINST"])
    ['AGAINST', 'NONE', 'not hand-coded']
    """
    present = list(dict.fromkeys(values))
    fixed = [s for s in STANCE_ORDER if s in present]
    return fixed + sorted(v for v in present if v not in fixed)


def stance_color(stance: str) -> str:
    """Return the marker colour of a stance label: :data:`STANCE_COLORS`, white for no label.

    >>> stance_color("FAVOR"), stance_color("not hand-coded")
    ('#D55E00', '#FFFFFF')
    """
    return STANCE_COLORS.get(stance, NO_LABEL_COLORS.get(stance, OKABE_ITO["grey"]))


def _legend_names(fig: go.Figure) -> list[str]:
    """Return the names a figure's legend shows, once each."""
    return list(dict.fromkeys(str(t.name) for t in fig.data if t.showlegend is not False and t.name))


def _plot_width(fig: go.Figure) -> float:
    """Return about how wide the plot area is on a slide: the figure less the longest y-axis label."""
    labels = [str(v) for k in fig.layout if k.startswith("yaxis")
              for v in (list(fig.layout[k].ticktext or []) + list(fig.layout[k].categoryarray or []))]
    longest = max((len(re.sub(r"<[^>]+>", "", v)) for v in labels), default=4)
    return min(_SLIDE_WIDTH, NOTEBOOK_WIDTH) - 30 - min(6.5 * longest, 420)


def _legend_rows(fig: go.Figure) -> int:
    """Return how many rows a flat legend of ``fig`` takes on a slide.

    plotly lays a flat legend out within the plot area's width: on one row
    when all entries fit, else in columns as wide as the widest entry.
    """
    names = _legend_names(fig)
    if not names:
        return 0
    widths = [40 + 6.6 * len(n) for n in names]
    title = fig.layout.legend.title.text
    room = _plot_width(fig) - (7 * len(title) + 10 if title else 0)
    if sum(widths) <= room:
        return 1
    return -(-len(names) // max(1, int(room // max(widths))))


def _note(fig: go.Figure, text: str) -> None:
    """Add a grey note line under the title, above the plot: what shading, bars or lines mean."""
    fig.add_annotation(text=text, name="note", xref="paper", yref="paper", x=0, y=1, yanchor="bottom", xanchor="left",
                       yshift=8, showarrow=False, align="left", font=dict(size=12, color="#555555"))


#: the least height of a plot area, in pixels, whatever the legend takes
_MIN_PLOT = 100


def _axis_categories(fig: go.Figure, key: str) -> list[str]:
    """Return the categories of axis ``key`` (``"yaxis"``, ``"xaxis2"`` ...): its category array, else the text values of its traces.

    Empty for an axis of numbers or dates, or one whose ticks are already set.

    >>> fig = go.Figure(go.Bar(y=["a", "b", "a"], x=[1, 2, 3], orientation="h"))
    >>> _axis_categories(fig, "yaxis"), _axis_categories(fig, "xaxis")
    (['a', 'b'], [])
    """
    axis = fig.layout[key]
    if axis.tickvals is not None or axis.type not in (None, "-", "category"):
        return []
    if axis.categoryarray is not None:
        return [str(v) for v in axis.categoryarray]
    letter, ref = key[0], key[0] + key[5:]
    found: dict[str, None] = {}
    for trace in fig.data:
        if not hasattr(trace, f"{letter}axis") or (getattr(trace, f"{letter}axis") or letter) != ref:
            continue
        values = getattr(trace, letter, None)
        if values is None:
            continue
        values = list(values)
        if any(v is not None and not isinstance(v, str) for v in values):
            return []
        found.update(dict.fromkeys(v for v in values if v is not None))
    return list(found)


def _label_every_category(fig: go.Figure) -> dict[str, int]:
    """Set the ticks of every categorical axis of ``fig`` to all its categories, so that plotly never drops a label.

    Returns the number of categories of each categorical y-axis, by axis name.
    """
    rows = {}
    for key in [k for k in fig.layout if re.fullmatch(r"[xy]axis\d*", k)]:
        cats = _axis_categories(fig, key)
        if not cats:
            continue
        fig.layout[key].update(tickmode="array", tickvals=cats)
        if key.startswith("y"):
            rng = fig.layout[key].range
            rows[key] = (abs(rng[1] - rng[0]) if rng is not None else len(cats))
    for key in [k for k in fig.layout if re.fullmatch(r"yaxis\d*", k)]:
        axis = fig.layout[key]
        if key not in rows and axis.tickmode == "array" and axis.tickvals is not None and axis.visible is not False:
            # rows given as numbers with a label each, or categories labelled already
            rows[key] = abs(axis.range[1] - axis.range[0]) if axis.range is not None else len(axis.tickvals)
    return rows


def _rows_height(fig: go.Figure, rows: dict[str, float] | None = None) -> float:
    """Return the least plot height, in pixels, that gives every categorical row of ``fig`` :data:`ROW_PX`."""
    rows = _label_every_category(go.Figure(fig)) if rows is None else rows
    need = 0.0
    for key, n in rows.items():
        domain = fig.layout[key].domain or (0, 1)
        need = max(need, ROW_PX * n / max(domain[1] - domain[0], 0.05))
    return need


def _layout(fig: go.Figure, title: str, height: int = HEIGHT, bottom: int = _AXIS_BAND) -> go.Figure:
    """Return ``fig`` with the shared look, sized for a slide.

    The title (one or two lines, stating the finding) sits at the top; any
    :func:`_note` line under it; a drop-down in a band of its own under
    those, at the right, so that it never covers them; the legend lies flat
    at the bottom of the figure, under the x-axis title, with margin enough
    for its rows. Every categorical axis labels every category, and the
    figure grows (up to :data:`MAX_ROWS_HEIGHT`) to give each row
    :data:`ROW_PX` pixels.
    """
    lines = title.count("<br>") + 1
    notes = [a for a in fig.layout.annotations if a.name == "note"]
    band = CONTROL_BAND if fig.layout.updatemenus else 0
    top = 16 + _TITLE_LINE * lines + _NOTE_LINE * sum(a.text.count("<br>") + 1 for a in notes) + 8 + band
    rows = _legend_rows(fig)
    fig.update_layout(
        template=TEMPLATE, font=FONT, height=height, autosize=True,
        title=dict(text=title, x=0, xanchor="left", xref="container", yref="container", yanchor="top",
                   pad=dict(l=10), font=dict(size=17)),
        margin=dict(l=10, r=20, t=top, b=bottom + _LEGEND_ROW * rows),
        hoverlabel=dict(align="left", bgcolor="white", font_size=13),
        legend=dict(orientation="h", x=0, xanchor="left", xref="container", y=0, yref="container", yanchor="bottom",
                    font=dict(size=12), traceorder="normal"),
    )
    plot = height - top - (bottom + _LEGEND_ROW * rows)
    least = max(_MIN_PLOT, min(_rows_height(fig, _label_every_category(fig)), MAX_ROWS_HEIGHT - (height - plot)))
    if plot < least:  # many rows, or a legend of many rows (a large corpus): the figure grows instead of crushing the plot
        height, plot = height + least - plot, least
        fig.update_layout(height=height)
    # plotly anchors a title of several lines by its last line: move it down by the lines above that one
    fig.layout.title.y = 1 - (12 + (lines - 1) * 22) / height
    for note in notes:  # above the drop-down's band
        note.yshift = 8 + band
    for menu in fig.layout.updatemenus:  # in its band, at the right, between the note and the plot
        menu.update(x=1, xanchor="right", y=1 + 4 / plot, yanchor="bottom", pad=dict(t=0, b=0, r=0))
    return fig


def _empty(title: str, text: str = "No speech quotation in these articles.") -> go.Figure:
    """Return a figure that says plainly there is nothing to show, sized like every other chart."""
    fig = go.Figure()
    fig.add_annotation(text=text, showarrow=False, x=0.5, y=0.5, xref="paper", yref="paper", font=dict(size=16))
    fig.update_xaxes(visible=False)
    fig.update_yaxes(visible=False)
    return _layout(fig, title, 260)


def _top(counts: pd.Series, n: int = TOP) -> tuple[list, int, int]:
    """Return the ``n`` keys with the largest counts (ties in first-seen order), how many keys are left and their total.

    >>> _top(pd.Series({"a": 1, "b": 5, "c": 2}), 2)
    (['b', 'c'], 1, 1)
    """
    ordered = counts.sort_values(ascending=False, kind="stable")
    kept = list(ordered.index[:n])
    return kept, len(ordered) - len(kept), int(ordered.iloc[n:].sum())


def others_label(k: int, count: int, unit: str) -> str:
    """Return the label of the row that stands for everything past the top rows.

    >>> others_label(475, 900, "quotations")
    '475 others (900 quotations)'
    """
    return f"{k:,} others ({count:,} {unit})"


#: Periods a time axis is cut into when there are too many articles for one mark each: (pandas frequency,
#: name, date format), the first whose count of periods in the articles' span is at most :data:`PERIODS`.
_PERIOD_KINDS = (("M", "month", "%b %Y"), ("Q", "quarter", "%b %Y"), ("Y", "year", "%Y"))
PERIODS = 40


def periods(dates: pd.Series) -> tuple[pd.Series, str, str]:
    """Return each date's period (its first day), the period's name and a date format for it.

    The period is a month, a quarter or a year: the shortest that cuts the
    span of ``dates`` into at most :data:`PERIODS` periods.

    >>> starts, name, fmt = periods(pd.Series(pd.to_datetime(["2008-11-17", "2018-01-24", "2026-02-01"])))
    >>> [f"{d:%Y-%m-%d}" for d in starts], name, fmt
    (['2008-01-01', '2018-01-01', '2026-01-01'], 'year', '%Y')
    >>> periods(pd.Series(pd.to_datetime(["2017-01-05", "2017-03-30"])))[1]
    'month'
    """
    dates = pd.to_datetime(pd.Series(dates))
    for freq, name, fmt in _PERIOD_KINDS:
        p = dates.dt.to_period(freq)
        if len(p) == 0 or (p.max() - p.min()).n + 1 <= PERIODS or freq == "Y":
            return p.dt.start_time, name, fmt
    raise AssertionError("unreachable")


_LENGTH = {"month": pd.DateOffset(months=1), "quarter": pd.DateOffset(months=3), "year": pd.DateOffset(years=1)}
_TICKS = {"month": ("M3", "%b %Y"), "quarter": ("M12", "%Y"), "year": ("M12", "%Y")}


def _period_bars(fig: go.Figure, starts: list, period: str, pad: tuple = (None, None)) -> tuple[pd.Timestamp, pd.Timestamp]:
    """Stand each bar of ``fig`` in the middle of its period, as wide as most of it, with the axis labelled per period.

    ``starts`` are the bars' periods (their first days), in order; ``pad``
    widens the axis to at least these dates. Returns the axis range.
    """
    length = _LENGTH[period]
    first, last = pd.Timestamp(starts[0]), pd.Timestamp(starts[-1]) + length
    lo = min(first, pad[0]) if pad[0] is not None else first
    hi = max(last, pad[1]) if pad[1] is not None else last
    width = 0.85 * (first + length - first) / pd.Timedelta(milliseconds=1)
    for trace in fig.data:
        if trace.type == "bar":
            trace.update(x=[pd.Timestamp(t) + (pd.Timestamp(t) + length - pd.Timestamp(t)) / 2 for t in starts], width=width)
    dtick, fmt = _TICKS[period]
    fig.update_xaxes(range=[lo, hi], dtick=dtick, tick0=pd.Timestamp(year=first.year, month=1, day=1), tickformat=fmt,
                     ticklabelmode="period")
    return lo, hi


def _sample(rows: pd.DataFrame, n: int = MARKS, seed: int = 2026) -> pd.DataFrame:
    """Return ``rows`` whole when there are at most ``n``, else ``n`` of them drawn at random (the same every time), in their order.

    >>> len(_sample(pd.DataFrame({"a": range(5)}), 10)), list(_sample(pd.DataFrame({"a": range(5000)}), 3).index)
    (5, [525, 2973, 4704])
    """
    if len(rows) <= n:
        return rows
    return rows.sample(n, random_state=seed).sort_index()


def _sample_note(shown: int, total: int, unit: str = "quotations") -> str:
    """Return the note of a chart that draws a sample: how many of how many, and that the title counts them all.

    >>> _sample_note(1000, 65000)
    'A random sample of 1,000 of the 65,000 quotations is drawn (the same every time); the title counts them all.'
    """
    return f"A random sample of {shown:,} of the {total:,} {unit} is drawn (the same every time); the title counts them all."


def _cut_note(fig: go.Figure, text: str, groups: list[list[pd.Timestamp]], fmt: str) -> None:
    """Add a note under the title of a chart whose time axis is cut into panels, naming each gap."""
    gaps = [f"{groups[i][-1]:{fmt}} and {groups[i + 1][0]:{fmt}}" for i in range(len(groups) - 1)]
    if gaps:
        text += "<br>The time axis is cut: nothing in the articles between " + "; ".join(gaps) + "."
    _note(fig, text)


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


def slide_problems(fig: go.Figure, max_height: int = 470) -> list[str]:
    """Return what keeps ``fig`` from fitting a 1024 x 768 slide under a heading; empty when it fits.

    Checked: the height (at most ``max_height``, or what its categorical rows need
    at :data:`ROW_PX` pixels each, up to :data:`MAX_ROWS_HEIGHT`), no fixed width, a flat
    legend at the bottom of the figure with margin for its rows, and every
    drop-down and slider inside the figure's box.

    >>> slide_problems(_empty("Nothing yet"))
    []
    """
    problems = []
    lay = fig.layout
    height = lay.height or 450
    rows_height = _rows_height(fig) + (lay.margin.t or 0) + (lay.margin.b or 0)
    if height > max(max_height, min(rows_height + 1, MAX_ROWS_HEIGHT)):
        problems.append(f"height {height} > {max_height}")
    if lay.width is not None:
        problems.append(f"fixed width {lay.width}")
    margin_t, margin_b = lay.margin.t or 0, lay.margin.b or 0
    rows = _legend_rows(fig) if lay.showlegend is not False else 0
    beside = (rows and lay.legend.orientation == "v" and "geo" in lay and lay.geo.domain.x
              and (lay.legend.x or 0) >= lay.geo.domain.x[1] and lay.legend.xanchor == "left")
    if beside:  # a map: the legend stands beside it, in space the map leaves free
        rows = 0
    elif rows:
        legend = lay.legend
        if legend.orientation != "h" or legend.yref != "container" or (legend.y or 0) > 0.02 or legend.yanchor != "bottom":
            problems.append("legend is not flat at the bottom of the figure")
        titled = any(lay[k].title.text and lay[k].side != "top" for k in lay if k.startswith("xaxis"))
        need = (_AXIS_BAND if titled else 16) + _LEGEND_ROW * rows
        if margin_b < need:
            problems.append(f"bottom margin {margin_b} too small for the axis title and {rows} legend row(s)")
    plot = height - margin_t - margin_b
    if plot < 150:
        problems.append(f"plot area only {plot} px high")
    for kind, items in (("drop-down", lay.updatemenus), ("slider", lay.sliders)):
        for item in items:
            y = item.y if item.y is not None else (1 if kind == "drop-down" else 0)
            pixels = margin_b + y * plot  # from the bottom of the figure
            if not (0 <= pixels <= height) or not (0 <= (item.x if item.x is not None else 0) <= 1):
                problems.append(f"{kind} at y={y} is outside the figure")
            elif kind == "slider" and (item.yanchor or "top") == "top" and pixels - 62 < _LEGEND_ROW * rows:
                problems.append("slider runs into the legend or off the bottom of the figure")
    return problems
