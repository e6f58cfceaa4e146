"""Charts of notebook 01 (and 04): stance by speaker and over time, and why sentiment is not stance.

One code per meaning: a quotation's colour is its stance; a black ring
around it means the automatic and the hand-coded stance differ, and nothing
else. An article's date is a black triangle (filled: stated; open, over a
dotted bar: inferred), never a ring.
"""

from __future__ import annotations

import math
import textwrap

import pandas as pd
import plotly.graph_objects as go

from ..corpus import date_span
from ..labels import article_label, outlet_name, person_label
from ..outside import ADMINISTRATIONS
from ..vocabulary import STANCE_ORDER
from .style import (_ADMIN_FILL, DATE_SYMBOLS, OKABE_ITO, PARTY_SHORT, STANCE_COLORS, STANCE_LABELS, STANCE_SHORT, MARKS, TOP, _clusters,
                    _cut_note, _empty, _escape, _layout, _note, _period_bars, _sample, _sample_note, _stance_order, _top, others_label, periods,
                    stance_color, wrap)

_BY = {"hand": ("stance_hand", "hand-coded stance"), "auto": ("stance_auto", "automatic stance (cues)")}
RING = "black ring: automatic and hand-coded stance differ"


def first_view(book: pd.DataFrame, by: str | None = None) -> str:
    """Return ``by``, or by default the stance a drop-down shows first: hand-coded where most quotations are, else automatic.

    A corpus of new articles (nothing hand-coded yet) opens on the automatic
    stance instead of a chart of "not hand-coded".

    >>> first_view(pd.DataFrame({"stance_hand": ["FAVOR", "not hand-coded"]}))
    'hand'
    >>> first_view(pd.DataFrame({"stance_hand": ["FAVOR", "not hand-coded", "not hand-coded"]}))
    'auto'
    """
    if by is not None:
        return by
    from ..quotebook import NOT_CODED

    coded = int((book["stance_hand"] != NOT_CODED).sum()) if len(book) else 0
    return "hand" if 2 * coded >= len(book) else "auto"
RING_SHORT = "ring: codings differ"


def _cell_pitch(counts: dict[tuple[int, int], int], cols: int, rows: int, plot: tuple[float, float]) -> float:
    """Return the distance in pixels between neighbouring dots of a unit chart, the same in every cell.

    ``counts`` maps a cell (row, column) to its number of dots; ``plot`` is
    the plot area's width and height in pixels. The fullest cell must hold
    its dots in rows within 90% of a cell's width and 62% of its height.

    >>> _cell_pitch({(0, 0): 40}, 3, 3, (700, 250))
    15.0
    """
    w, h = 0.9 * plot[0] / cols, 0.62 * plot[1] / rows
    most = max(counts.values(), default=1)
    for pitch in range(16, 2, -1):
        per_row = max(int(w // pitch), 1)
        if -(-most // per_row) * pitch <= h:
            return float(pitch)
    return 3.0


#: The plot area a unit chart is laid out for: a notebook in JupyterLab beside the file browser, and a slide.
_UNIT_PLOT = (640, 240)


def _unit_positions(cells: list[tuple[int, int]], cols: int, rows: int, pitch: float) -> tuple[list[float], list[float]]:
    """Return x and y (in axis units, a cell one unit square) of dots laid out in rows within their cell.

    The k-th dot of a cell (in the order given) goes to row ``k // per_row`` from the cell's bottom; rows are centred.

    >>> _unit_positions([(0, 0), (0, 0), (0, 1)], 2, 1, 10)[0]
    [-0.015625, 0.015625, 1.0]
    """
    w, h = _UNIT_PLOT[0] / cols, _UNIT_PLOT[1] / rows
    per_row = max(int(0.9 * w // pitch), 1)
    seen: dict[tuple[int, int], int] = {}
    total = {c: cells.count(c) for c in set(cells)}
    xs, ys = [], []
    for cell in cells:
        k = seen.get(cell, 0)
        seen[cell] = k + 1
        in_row = min(per_row, total[cell] - (k // per_row) * per_row)
        xs.append(cell[1] + ((k % per_row) - (in_row - 1) / 2) * pitch / w)
        ys.append(cell[0] - 0.36 + (k // per_row + 0.5) * pitch / h)
    return xs, ys


def _unit_chart(fig: go.Figure, drawn: pd.DataFrame, cells: list[tuple[int, int]], counts: dict[tuple[int, int], int],
                cols: int, rows: int, customdata: list, hovertemplate: str, order: list[str]) -> None:
    """Draw one dot per quotation of ``drawn`` in its cell (a grid of ``rows`` x ``cols``), coloured by hand-coded stance.

    Each cell is headed by how many quotations it holds (``counts``, which may count more than are drawn).
    """
    pitch = _cell_pitch({c: cells.count(c) for c in set(cells)}, cols, rows, _UNIT_PLOT)
    rank = {s: k for k, s in enumerate(order)}
    position = sorted(range(len(drawn)), key=lambda i: (cells[i], rank.get(drawn["stance_hand"].iloc[i], 99)))
    xs, ys = [0.0] * len(drawn), [0.0] * len(drawn)
    for i, x, y in zip(position, *_unit_positions([cells[i] for i in position], cols, rows, pitch)):
        xs[i], ys[i] = x, y
    frame = drawn.assign(_x=xs, _y=ys, _k=range(len(drawn)))
    unlabelled = [s for s in order if s not in STANCE_COLORS]
    for stance in unlabelled + [s for s in order if s in STANCE_COLORS]:  # the uncoded beneath, the stances first in the legend
        part = frame[frame["stance_hand"] == stance]
        fig.add_trace(go.Scatter(
            x=part["_x"], y=part["_y"], mode="markers", name=STANCE_LABELS.get(stance, stance),
            legendrank=1000 + order.index(stance) if unlabelled else None,
            marker=dict(color=stance_color(stance), size=max(0.78 * pitch, 3), opacity=1,
                        line=dict(color="white" if stance in STANCE_COLORS else "#999999", width=1 if pitch > 6 else 0.5)),
            customdata=[customdata[k] for k in part["_k"]], hovertemplate=hovertemplate,
        ))
    for (r, c), n in counts.items():
        fig.add_annotation(x=c, y=r + 0.44, text=f"<b>{n:,}</b>", showarrow=False, yanchor="top",
                           font=dict(size=14, color="#000000" if n else "#555555"))
    fig.update_xaxes(range=[-0.5, cols - 0.5], showgrid=False, zeroline=False, ticks="")
    fig.update_yaxes(range=[-0.5, rows - 0.5], showgrid=False, zeroline=False, ticks="")
    for k in range(1, cols):
        fig.add_vline(x=k - 0.5, line=dict(color="#CCCCCC", width=1))
    for k in range(1, rows):
        fig.add_hline(y=k - 0.5, line=dict(color="#CCCCCC", width=1))


def sentiment_vs_stance(pairs: pd.DataFrame, polarity: str = "polarity", actors: pd.DataFrame | None = None,
                        articles: pd.DataFrame | None = None) -> go.Figure:
    """Return a unit chart of quotations: the sign of their TextBlob polarity across, hand-coded stance down.

    One dot per quotation, in the cell of its stance (row) and of its
    wording (column: negative, no scored word at exactly 0, positive), coloured by
    hand-coded stance; each cell is headed by its count, so the pile at 0
    is counted, not hidden. Hover shows the speaker (by name: from
    ``actors``, e.g. ``kb.actors``, or from the id), the article (outlet and
    date when ``articles`` is given), the exact polarity and the quotation.
    The title counts the AGAINST quotations worded positively and the FAVOR
    quotations worded negatively.
    """
    fig = go.Figure()
    stances = list(reversed([s for s in STANCE_ORDER if s != "MIXED"]))
    row_of = {s: k for k, s in enumerate(stances)}
    names = person_label(pairs["speaker_id_hand"], actors)
    where = article_label(articles) if articles is not None else {}
    known = pairs[pairs["stance_hand"].isin(row_of)]
    drawn = _sample(known)

    def cell(r) -> tuple[int, int]:
        v = r[polarity]
        return row_of[r["stance_hand"]], 0 if v < 0 else 1 if v == 0 else 2

    cells = [cell(r) for _, r in drawn.iterrows()]
    counts = {(r, c): 0 for r in range(len(stances)) for c in range(3)}
    for key in (cell(r) for _, r in known.iterrows()):
        counts[key] += 1
    if len(drawn) < len(pairs):
        _note(fig, _sample_note(len(drawn), len(pairs)))
    custom = list(zip([_escape(names[s]) for s in drawn["speaker_id_hand"]], [wrap(t) for t in drawn["text"]],
                      [_escape(where.get(a, a)) for a in drawn["article_id"]], drawn[polarity], drawn["stance_hand"]))
    _unit_chart(fig, drawn, cells, counts, 3, len(stances), custom,
                "<b>%{customdata[0]}</b> (%{customdata[2]})<br>polarity = %{customdata[3]:.2f}, hand-coded "
                "%{customdata[4]}<br><br>%{customdata[1]}<extra></extra>", _stance_order(drawn["stance_hand"]))
    fig.update_xaxes(tickvals=[0, 1, 2], ticktext=["negative wording<br>(polarity below 0)", "no word scored<br>(polarity 0)",
                                                   "positive wording<br>(polarity above 0)"],
                     title_text="TextBlob polarity of the quotation's words")
    fig.update_yaxes(title_text="hand-coded stance", tickvals=list(row_of.values()), ticktext=list(row_of))
    fig.update_layout(legend=dict(title=dict(text="hand-coded stance:")))
    against = pairs[pairs["stance_hand"] == "AGAINST"]
    favor = pairs[pairs["stance_hand"] == "FAVOR"]
    title = (f"Positive wording is not support: {int((against[polarity] > 0).sum()):,} of {len(against):,} AGAINST quotations"
             f"<br>are worded positively, {int((favor[polarity] < 0).sum()):,} of {len(favor):,} FAVOR quotations negatively")
    return _layout(fig, title, bottom=74)


def _marker_style(stances, differs) -> dict:
    """Return per-quotation marker colours and outlines: a black ring where the two codings differ, and only there."""
    return {
        "marker.color": [stance_color(s) for s in stances],
        "marker.line.color": ["#000000" if d else ("white" if s in STANCE_COLORS else "#999999")
                              for s, d in zip(stances, differs)],
        "marker.line.width": [2.5 if d else 1 for d in differs],
    }


def _quote_hover(rows: pd.DataFrame) -> list[tuple]:
    """Return the customdata behind :data:`QUOTE_HOVER` for each quotation row: names and labels, never ids."""
    where = article_label(rows) if len(rows) else {}
    return list(zip(
        [_escape(s) for s in rows["speaker"]], [_escape(p) for p in rows["party"]],
        [_escape(where[a]) for a in rows["article_id"]], rows["date_label"],
        [f"line {line}, sentence {s}" for line, s in zip(rows["line"], rows["sentence"])],
        rows["stance_hand"], rows["stance_auto"], [wrap(t, 60) for t in rows["text"]],
    ))


QUOTE_HOVER = ("<b>%{customdata[0]}</b> (%{customdata[1]})<br>%{customdata[2]} (%{customdata[3]})<br>"
               "%{customdata[4]}<br>hand-coded: %{customdata[5]} · automatic: %{customdata[6]}<br><br>"
               "%{customdata[7]}<extra></extra>")


def _legend_keys(fig: go.Figure, stances: list[str], ring: bool, names: dict[str, str] = STANCE_LABELS,
                 ring_name: str = RING) -> None:
    """Add legend entries (no data) that explain the marker colours and the black ring."""
    for stance in stances:
        fig.add_trace(go.Scatter(
            x=[None], y=[None], mode="markers", name=names.get(stance, stance), hoverinfo="skip", legendrank=10,
            marker=dict(color=stance_color(stance), size=12, line=dict(color="white" if stance in STANCE_COLORS else "#999999", width=1)),
        ))
    if ring:
        fig.add_trace(go.Scatter(x=[None], y=[None], mode="markers", hoverinfo="skip", legendrank=20, name=ring_name,
                                 marker=dict(color="white", size=12, line=dict(color="#000000", width=2.5))))


def _switch(fig: go.Figure, traces: list[int], styles: dict[str, dict[str, list]], by: str, titles: dict[str, str]) -> None:
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
        buttons=buttons, direction="down", active=["hand", "auto"].index(by), showactive=True)])


def _speaker_finding(book: pd.DataFrame, column: str, label: str) -> str:
    """Return the title of the speaker chart: how many speakers hold each stance, by ``column``."""
    from ..stance import actors as actor_stances

    held = actor_stances(book, column=column)["actor_stance"].value_counts()
    parts = [f"{int(held[s]):,} {s}" for s in STANCE_ORDER if s in held]
    return f"{book['speaker'].nunique():,} speakers: " + ", ".join(parts) + f" <span style='font-size:13px'>({label})</span>"


def stance_by_speaker(book: pd.DataFrame, by: str | None = None, top: int = TOP) -> go.Figure:
    """Return one row per speaker and one marker per quotation, coloured by stance.

    ``book`` is :func:`helpers.quotebook.build`. The ``top`` speakers with the
    most quotations get a row each (all of them in a small corpus); the rest
    share one row that counts them. Speakers are grouped by their hand-coded
    stance (FAVOR, MIXED, AGAINST, NONE), then by number of quotations;
    markers run left to right in order of publication. A drop-down
    recolours the markers with the hand-coded or the automatic stance
    (``by`` picks the first shown; by default :func:`first_view`); a black ring marks the quotations where
    the two differ. The row label gives the party as a letter (D, R) and the
    office; hover shows the speaker, party, article (outlet and date), the
    line and sentence, and the quotation. The title counts speakers by stance.
    """
    from ..stance import actors as actor_stances

    if book.empty:
        return _empty("Stance by speaker: no quotation to show")
    by = first_view(book, by)
    rank = {s: k for k, s in enumerate(STANCE_ORDER)}
    hand_actor = dict(actor_stances(book, column="stance_hand")[["speaker_id", "actor_stance"]].values)
    per = book.groupby("speaker", sort=False).agg(n=("text", "size"), sid=("speaker_id", "first"),
                                                   party=("party", "first"), role=("role", "first"),
                                                   place=("jurisdiction", "first"))
    kept, k_others, n_others = _top(per["n"], top)
    per = per.loc[[s for s in per.index if s in set(kept)]]
    per["rank"] = [rank.get(hand_actor.get(s, ""), len(rank)) for s in per["sid"]]
    per = per.sort_values(["rank", "n"], ascending=[True, False], kind="stable")
    labels = {}
    for name, r in per.iterrows():
        short = f" ({PARTY_SHORT[r.party]})" if r.party in PARTY_SHORT else ""
        detail = ", ".join(x for x in (r.role, r.place) if x)
        labels[name] = f"<b>{_escape(name)}</b>{short} <span style='font-size:11px'>{_escape(detail)}</span>"
    shown = book[book["speaker"].isin(labels)]
    if len(shown) > MARKS:  # thousands of quotations: count them in a bar per speaker instead of a marker each
        return _speaker_bars(book, shown, per.index, labels, (k_others, n_others), by)
    x = shown.groupby("speaker", sort=False).cumcount() + 1
    fig = go.Figure(go.Scatter(
        x=x, y=shown["speaker"].map(labels), mode="markers", name="quotations", showlegend=False,
        marker=dict(size=13 if len(per) <= 12 else 10, opacity=0.9), customdata=_quote_hover(shown), hovertemplate=QUOTE_HOVER,
    ))
    categories = [labels[s] for s in per.index]
    if k_others:
        other = f"<i>{others_label(k_others, n_others, 'quotations')}</i>"
        categories.append(other)
        fig.add_annotation(x=0.5, y=other, text="not drawn: each has fewer quotations than the speakers above",
                           xanchor="left", showarrow=False, font=dict(size=12, color="#555555"))
    differs = list(~shown["agrees"])
    _legend_keys(fig, _stance_order([*shown["stance_hand"], *shown["stance_auto"]]), ring=any(differs), names=STANCE_SHORT,
                 ring_name=RING_SHORT)
    styles = {s: {k: [v] for k, v in _marker_style(shown[_BY[s][0]], differs).items()} for s in _BY}
    titles = {s: _speaker_finding(book, _BY[s][0], _BY[s][1]) for s in _BY}
    _switch(fig, [0], styles, by, titles)
    fig.update_yaxes(categoryorder="array", categoryarray=categories, range=[len(categories) - 0.5, -0.5],
                     showgrid=True, gridcolor="#EEEEEE", title_text=None, tickfont=dict(size=11 if len(categories) > 15 else 12))
    if k_others:  # every row keeps its label, the "others" row too
        fig.update_yaxes(dtick=1)
    fig.update_xaxes(dtick=1 if x.max() <= 20 else None, range=[0.4, x.max() + 0.6], title_text=None)
    _note(fig, "One marker per quotation, oldest first. (D), (R): party.")
    return _layout(fig, titles[by], 460, bottom=30)


def _speaker_bars(book: pd.DataFrame, shown: pd.DataFrame, speakers, labels: dict[str, str], others: tuple[int, int],
                  by: str) -> go.Figure:
    """Return the speaker chart as a bar per speaker, its quotations counted and stacked by stance."""
    stances = _stance_order([*shown["stance_hand"], *shown["stance_auto"]])
    counts = {source: shown.groupby(["speaker", _BY[source][0]]).size().unstack(fill_value=0).reindex(
        index=list(speakers), columns=stances, fill_value=0) for source in _BY}
    differ = (~shown["agrees"]).groupby(shown["speaker"]).sum().reindex(list(speakers), fill_value=0)
    rows = [labels[sp] for sp in speakers]
    fig = go.Figure()
    for stance in stances:
        fig.add_trace(go.Bar(
            y=rows, x=list(counts[by][stance]), orientation="h", name=STANCE_SHORT.get(stance, stance),
            marker=dict(color=stance_color(stance), line=dict(color="white" if stance in STANCE_COLORS else "#999999", width=1)),
            customdata=list(zip([_escape(sp) for sp in speakers], differ)),
            hovertemplate=(f"<b>%{{customdata[0]}}</b>: %{{x:,}} {_escape(stance)} quotation(s)<br>"
                           "the codings differ on %{customdata[1]:,} of this speaker's quotations<extra></extra>"),
        ))
    categories = list(rows)
    if others[0]:
        other = f"<i>{others_label(others[0], others[1], 'quotations')}</i>"
        categories.append(other)
        fig.add_annotation(x=0, y=other, text="not drawn: each has fewer quotations than the speakers above",
                           xanchor="left", showarrow=False, font=dict(size=12, color="#555555"))
    styles = {source: {"x": [list(counts[source][st]) for st in stances]} for source in _BY}
    titles = {source: _speaker_finding(book, _BY[source][0], _BY[source][1]) for source in _BY}
    _switch(fig, list(range(len(stances))), styles, by, titles)
    fig.update_layout(barmode="stack", bargap=0.25)
    fig.update_yaxes(categoryorder="array", categoryarray=categories, range=[len(categories) - 0.5, -0.5], dtick=1,
                     title_text=None, tickfont=dict(size=11 if len(categories) > 15 else 12))
    fig.update_xaxes(title_text=None, tickformat=",")
    _note(fig, f"The {len(speakers)} most quoted speakers' {len(shown):,} quotations, counted by stance. (D), (R): party.")
    return _layout(fig, titles[by], 460, bottom=30)


def _stack(rows: pd.DataFrame, column: str, rank: dict[str, int]) -> pd.Series:
    """Return each quotation's height in its article's column, stacked by stance in ``rank`` order."""
    order = rows.assign(_r=rows[column].map(rank)).sort_values(["article_id", "_r", "start"], kind="stable")
    return (order.groupby("article_id", sort=False).cumcount() + 1).reindex(rows.index)


def _over_time_finding(book: pd.DataFrame, column: str, label: str) -> str:
    """Return the title of the over-time chart: the commonest stance, and in how many articles it leads."""
    counts = book[column].value_counts()
    most = counts.index[0]
    # each article's commonest label (ties: the label seen first in the article, as value_counts orders them)
    per = book.groupby(["article_id", column], sort=False).size().rename("n").reset_index()
    per["first"] = per.groupby("article_id", sort=False).cumcount()
    lead = per.sort_values(["article_id", "n", "first"], ascending=[True, False, True]).drop_duplicates("article_id")
    leads = int((lead[column] == most).sum())
    n_articles = book["article_id"].nunique()
    return (f"{most} leads in {leads:,} of {n_articles:,} articles: {int(counts[most]):,} of {len(book):,} quotations"
            f" <span style='font-size:13px'>({label})</span>")


def _stance_by_period(book: pd.DataFrame, articles: pd.DataFrame, by: str) -> go.Figure:
    """Return stacked bars: quotations by stance in each period (month, quarter or year) of the articles' dates.

    For many articles, where a column of dots per article would be thousands
    of marks; a drop-down switches between hand-coded and automatic stance.
    """
    dates = articles.drop_duplicates("article_id").set_index("article_id")["published"]
    starts, period, fmt = periods(dates)
    start_of = dict(zip(dates.index, starts))
    data = book.assign(period=book["article_id"].map(start_of))
    order = sorted(data["period"].dropna().unique())
    if not order:
        return _empty("Stance over time: no quotation of these articles to show")
    n_articles = data.groupby("period")["article_id"].nunique().reindex(order, fill_value=0)
    differ = (~data["agrees"]).groupby(data["period"]).sum().reindex(order, fill_value=0)
    labels = _stance_order([*book["stance_hand"], *book["stance_auto"]])
    counts = {source: data.groupby(["period", _BY[source][0]]).size().unstack(fill_value=0).reindex(
        index=order, columns=labels, fill_value=0) for source in _BY}
    names = [f"{pd.Timestamp(t):{fmt}}" for t in order]
    fig = go.Figure()
    for stance in labels:
        fig.add_trace(go.Bar(
            x=order, y=list(counts[by][stance]), name=STANCE_LABELS.get(stance, stance),
            marker=dict(color=stance_color(stance), line=dict(color="white" if stance in STANCE_COLORS else "#999999", width=1)),
            customdata=list(zip(names, n_articles, differ)),
            hovertemplate=(f"<b>%{{customdata[0]}}</b>: %{{y:,}} {_escape(stance)} quotation(s)<br>"
                           "%{customdata[1]:,} article(s); the codings differ on %{customdata[2]:,} quotation(s)"
                           "<extra></extra>"),
        ))
    lo, hi = _period_bars(fig, order, period)
    for name, a, b in ADMINISTRATIONS:
        a, b = max(pd.Timestamp(a), lo), min(pd.Timestamp(b), hi)
        if a < b:
            fig.add_vrect(x0=a, x1=b, fillcolor=_ADMIN_FILL[name], opacity=0.7, line_width=0, layer="below",
                          annotation_text=name, annotation_position="top left", annotation_font_size=11)
    styles = {source: {"y": [list(counts[source][s]) for s in labels]} for source in _BY}
    titles = {source: _over_time_finding(book, _BY[source][0], _BY[source][1]) for source in _BY}
    _switch(fig, list(range(len(labels))), styles, by, titles)
    fig.update_layout(barmode="stack", legend=dict(title=dict(text="stance:")))
    fig.update_xaxes(title_text=f"{period} of publication")
    fig.update_yaxes(title_text="quotations", tickformat=",")
    _note(fig, f"{len(dates):,} articles: one bar per {period}, its quotations stacked by stance. "
               "Shaded bands: presidential terms (from outside the corpus).")
    return _layout(fig, titles[by], 460)


def stance_over_time(book: pd.DataFrame, articles: pd.DataFrame, by: str | None = None, top: int = TOP) -> go.Figure:
    """Return a column of dots per article, one dot per quotation, placed at the article's date.

    With more than ``top`` articles, a bar per month, quarter or year instead
    (the shortest period that keeps the bars few), its quotations stacked by
    stance, with the same drop-down and title.

    Dots are stacked by stance (in the vocabulary's order from the bottom).
    The time axis is cut where years pass with no article, one panel per
    stretch, each shaded by presidential term (a fact from outside the
    corpus). Under each column a black triangle gives the article's date:
    filled when the text states it, open over a dotted bar (every day it
    could be) when it is inferred; its label gives outlet and number of
    quotations. A black ring around a dot means only that the automatic
    and hand-coded stance differ. A drop-down restacks and recolours the
    dots by hand-coded or automatic stance (``by`` picks the first shown; by
    default :func:`first_view`).
    """
    from plotly.subplots import make_subplots

    if book.empty:
        return _empty("Stance over time: no quotation to show")
    by = first_view(book, by)
    if articles["article_id"].nunique() > top:
        return _stance_by_period(book, articles, by)
    arts = articles.sort_values("published").reset_index(drop=True)
    names = article_label(arts)
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
            styles[source]["y"].append(list(_stack(rows, column, rank)))
            for k, v in _marker_style(rows[column], rows["differs"]).items():
                styles[source][k].append(v)
        fig.add_trace(go.Scatter(
            x=rows["article_id"].map(centre), y=[0] * len(rows), mode="markers", showlegend=False, name="quotations",
            marker=dict(size=12, opacity=0.9), customdata=_quote_hover(rows), hovertemplate=QUOTE_HOVER,
        ), row=1, col=i)
        traces.append(len(fig.data) - 1)
    for r in arts.itertuples():
        lo, hi = spans[r.article_id]
        fig.add_trace(go.Scatter(x=[lo, hi], y=[-0.2, -0.2], mode="lines", hoverinfo="skip", showlegend=False,
                                 line=dict(width=3, color="#000000", dash="dot" if r.date_status == "inferred" else "solid")),
                      row=1, col=panel[r.article_id])
    for status, label in (("stated", "article date stated in the text"),
                          ("inferred", "article date inferred (dotted)")):
        for i in range(1, len(groups) + 1):
            part = arts[(arts["date_status"] == status) & (arts["article_id"].map(panel) == i)]
            if part.empty:
                continue
            hand_counts = [", ".join(f"{v} {k}" for k, v in book.loc[book["article_id"] == a, "stance_hand"].value_counts().items())
                           or "no quotation" for a in part["article_id"]]
            fig.add_trace(go.Scatter(
                x=part["article_id"].map(centre), y=[-0.2] * len(part), mode="markers", name=label,
                legendgroup=status, showlegend=not any(t.legendgroup == status for t in fig.data),
                text=[f"{_escape(textwrap.shorten(outlet_name(o), 18, placeholder='…'))} · {int(per_article.get(a, 0))}"
                      for a, o in zip(part["article_id"], part["outlet"])],
                marker=dict(symbol=DATE_SYMBOLS[status], size=13, color="#000000", line=dict(width=2, color="#000000")),
                customdata=list(zip([_escape(names[a]) for a in part["article_id"]], part["date_label"], hand_counts)),
                hovertemplate="<b>%{customdata[0]}</b><br>Published: %{customdata[1]}<br>hand-coded: %{customdata[2]}<extra></extra>",
            ), row=1, col=i)
    for k, r in enumerate(arts.itertuples()):  # labels under the dates, on two levels so that neighbours do not collide
        fig.add_annotation(x=centre[r.article_id], y=-1.1 - 1.3 * (k % 2), text=f"{_escape(textwrap.shorten(outlet_name(r.outlet), 18, placeholder='…'))}"
                           f" · {int(per_article.get(r.article_id, 0))}", showarrow=False, font=dict(size=11),
                           xref=f"x{panel[r.article_id] if panel[r.article_id] > 1 else ''}", yref="y")
    _legend_keys(fig, _stance_order([*book["stance_hand"], *book["stance_auto"]]), ring=bool(data["differs"].any()),
                 names=STANCE_SHORT, ring_name=RING_SHORT)
    for i, (a, b) in enumerate(ranges, 1):
        for name, s, e in ADMINISTRATIONS:
            s, e = max(pd.Timestamp(s), a), min(pd.Timestamp(e), b)
            if s < e:
                fig.add_vrect(x0=s, x1=e, fillcolor=_ADMIN_FILL[name], opacity=0.7, line_width=0, layer="below", row=1, col=i,
                              annotation_text=name, annotation_position="top left", annotation_font_size=11)
        fig.update_xaxes(range=[a, b], dtick="M6" if (b - a).days < 1000 else "M12", tickformat="%b %Y", row=1, col=i)
    titles = {s: _over_time_finding(book, _BY[s][0], _BY[s][1]) for s in _BY}
    _switch(fig, traces, styles, by, titles)
    fig.update_yaxes(range=[-3.0, int(per_article.max()) + 1.5], title_text="quotations (one dot each)", row=1, col=1)
    _cut_note(fig, "Shaded bands: presidential terms (from outside the corpus). Label under each date: outlet · quotations;"
              "<br>a dotted bar under an open triangle spans every day an inferred date could be.",
              groups, "%b %Y")
    return _layout(fig, titles[by], 460)


def _spread(x: pd.Series, y: pd.Series, step: float = 0.022, most: float = 0.15) -> tuple[list[float], list[float]]:
    """Return coordinates with points that share a position moved apart on a small sunflower spiral.

    The first point at a position stays where it is; the k-th is moved
    ``step * sqrt(k)`` away, so equal scores stay visible as separate markers.
    Where hundreds share a position, the step shrinks so that none moves
    further than ``most``.

    >>> _spread(pd.Series([0.0, 0.0, 0.5]), pd.Series([0.0, 0.0, 0.1]))[0][0::2]
    [0.0, 0.5]
    """
    crowd = int(pd.DataFrame({"x": list(x), "y": list(y)}).value_counts().max()) if len(x) else 1
    step = min(step, most / math.sqrt(max(crowd - 1, 1)))
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
    total = len(book)
    if total > MARKS:  # a sample, every hand-coded quotation in it first (the markers are coloured by that stance)
        coded = book["stance_hand"].isin(STANCE_COLORS)
        first = _sample(book[coded])
        book = pd.concat([first, _sample(book[~coded], MARKS - len(first))]).sort_index()
    fig = go.Figure()
    xs, ys = _spread(book[x], book[y])
    moved = book.assign(_x=xs, _y=ys)
    labels = _stance_order(book["stance_hand"])
    unlabelled = [s for s in labels if s not in STANCE_COLORS]
    # quotations without a stance are drawn first, beneath the coloured ones; the legend keeps the stances first
    for stance in unlabelled + [s for s in labels if s in STANCE_COLORS]:
        rows = moved[moved["stance_hand"] == stance]
        fig.add_trace(go.Scatter(
            x=rows["_x"], y=rows["_y"], mode="markers", name=STANCE_LABELS.get(stance, stance),
            legendrank=1000 + labels.index(stance) if unlabelled else None,
            marker=dict(color=stance_color(stance), size=11, opacity=0.9,
                        line=dict(color="white" if stance in STANCE_COLORS else "#999999", width=1)),
            customdata=[(*h, a, b) for h, a, b in zip(_quote_hover(rows), rows[x], rows[y])],
            hovertemplate=QUOTE_HOVER.replace("<extra></extra>", "") +
            f"<br><br>{x} = %{{customdata[8]:.2f}}, {y} = %{{customdata[9]:.2f}}<extra></extra>",
        ))
    fig.update_layout(legend=dict(title=dict(text="hand-coded stance:")))
    _note(fig, "Quotations with equal scores are drawn a little apart; hover gives the exact scores."
          + (f"<br>{_sample_note(len(book), total).replace(' is drawn', ', every hand-coded one among them, is drawn')}"
             if len(book) < total else ""))
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
    title = (f"Sentiment is not stance: {int((against['polarity'] > 0).sum()):,} of {len(against):,} AGAINST quotations "
             f"are worded positively,<br>{int((favor['polarity'] < 0).sum()):,} of {len(favor):,} FAVOR quotations negatively")
    fig.add_vline(x=0, line=dict(color=OKABE_ITO["grey"], dash="dot"))
    fig.add_annotation(text="← negative wording", x=-0.98, y=1.04, showarrow=False, xanchor="left", font=dict(size=12))
    fig.add_annotation(text="positive wording →", x=0.98, y=1.04, showarrow=False, xanchor="right", font=dict(size=12))
    fig.update_xaxes(range=[-1.05, 1.05], title_text="TextBlob polarity of the quotation (−1 negative, +1 positive)")
    blank = int(((book["polarity"] == 0) & (book["subjectivity"] == 0)).sum())
    fig.add_annotation(text=f"{blank:,} quotations use no word TextBlob scores (0, 0)", x=0, y=-0.12, ax=160, ay=-10,
                       xanchor="left", font=dict(size=12), arrowcolor="#555555")
    fig.update_yaxes(range=[-0.2, 1.12], title_text="TextBlob subjectivity<br>(0 factual, 1 opinion)")
    return _layout(fig, title)


def lexicon_agreement(book: pd.DataFrame, threshold: float = 0.05) -> go.Figure:
    """Return a unit chart of quotations: the sign of their TextBlob polarity across, of their VADER compound up.

    Both scores are in [-1, 1]; within ``threshold`` of zero is neutral.
    One dot per quotation (coloured by hand-coded stance) in the cell of
    its two signs, each cell headed by its count; the shaded diagonal cells
    are the quotations on which the two lexicons agree about the sign of the
    wording, and the title counts them. Hover gives the exact scores. With
    more than :data:`MARKS` quotations a sample is drawn (every hand-coded
    one among them) while the counts count them all.
    """
    from ..annotate import sign

    signs = ["negative", "neutral", "positive"]
    total = len(book)
    drawn = book
    if total > MARKS:  # a sample, every hand-coded quotation in it first (the dots are coloured by that stance)
        coded = book["stance_hand"].isin(STANCE_COLORS)
        first = _sample(book[coded])
        drawn = pd.concat([first, _sample(book[~coded], MARKS - len(first))]).sort_index()
    fig = go.Figure()
    if len(drawn) < total:
        _note(fig, _sample_note(len(drawn), total).replace(" is drawn", ", every hand-coded one among them, is drawn"))

    def cells_of(rows: pd.DataFrame) -> list[tuple[int, int]]:
        return [(signs.index(sign(v, threshold)), signs.index(sign(p, threshold)))
                for p, v in zip(rows["polarity"], rows["vader_compound"])]

    counts = {(r, c): 0 for r in range(3) for c in range(3)}
    for key in cells_of(book):
        counts[key] += 1
    for k in range(3):  # the cells where the two lexicons agree
        fig.add_shape(type="rect", x0=k - 0.5, x1=k + 0.5, y0=k - 0.5, y1=k + 0.5, fillcolor="#EEEEEE", line_width=0,
                      layer="below")
    custom = [(*h, a, b) for h, a, b in zip(_quote_hover(drawn), drawn["polarity"], drawn["vader_compound"])]
    _unit_chart(fig, drawn, cells_of(drawn), counts, 3, 3, custom,
                QUOTE_HOVER.replace("<extra></extra>", "") +
                "<br><br>polarity = %{customdata[8]:.2f}, vader_compound = %{customdata[9]:.2f}<extra></extra>",
                _stance_order(drawn["stance_hand"]))
    ticks = [f"negative<br>(≤ −{threshold})", f"neutral<br>(within {threshold} of 0)", f"positive<br>(≥ {threshold})"]
    fig.update_xaxes(tickvals=[0, 1, 2], ticktext=ticks, title_text="TextBlob polarity")
    fig.update_yaxes(tickvals=[0, 1, 2], ticktext=ticks, title_text="VADER compound")
    fig.update_layout(legend=dict(title=dict(text="hand-coded stance:")))
    same = sum(counts[(k, k)] for k in range(3))
    title = (f"Two lexicons, one quotation: same sign of wording for {same:,} of {total:,} quotations"
             "<br><span style='font-size:13px'>(shaded: the cells where they agree)</span>")
    return _layout(fig, title, 460, bottom=74)
