"""Charts of notebook 02: policy actions by jurisdiction, on a matrix, a map and a timeline, and side by side.

The direction of an action takes the colour of the stance it goes with:
restricting cooperation is blue like AGAINST, cooperating vermillion like
FAVOR. A date known only as the article's is an open marker (the action is
at the latest then); a bar spans every day a date could be.
"""

from __future__ import annotations

import math
import textwrap

import pandas as pd
import plotly.graph_objects as go

from ..labels import article_label, person_label
from .style import OKABE_ITO, TOP, _clusters, _cut_note, _empty, _escape, _layout, _note, _top, others_label, wrap

#: Direction of a policy action, in the colours of the stance it goes with: restricting cooperation
#: is blue like AGAINST, cooperating is vermillion like FAVOR, both in one cell reddish purple like MIXED.
DIRECTION_COLORS = {"restrict": OKABE_ITO["blue"], "cooperate": OKABE_ITO["vermillion"], "both": OKABE_ITO["reddish purple"]}
DIRECTION_LABELS = {
    "restrict": "restrict: limits cooperation with federal enforcement",
    "cooperate": "cooperate: expands it",
    "both": "both, at different times",
}
FEDERAL = "<b>federal</b>"
#: Marks a jurisdiction whose bubble is new at a step of the map's time control.
NEW_HALO = OKABE_ITO["yellow"]


def _when(t: pd.Timestamp, precision_days: int) -> str:
    """Return a date as short as its span allows: "1979", "Jan 2017", "14 Nov 2016".

    >>> _when(pd.Timestamp("2017-01-26"), 1), _when(pd.Timestamp("2026-02-01"), 28), _when(pd.Timestamp("1979-01-01"), 365)
    ('26 Jan 2017', 'Feb 2026', '1979')
    """
    if precision_days >= 365:
        return f"{t:%Y}"
    if precision_days >= 28:
        return f"{t:%b %Y}"
    return f"{t.day} {t:%b %Y}"


def _action_hover(rows: pd.DataFrame, names: dict[str, str], articles: dict[str, str] | None = None) -> str:
    """Return the hover text listing policy actions: date, direction, actor, article (outlet and date), evidence."""
    parts = []
    for r in rows.itertuples(index=False):
        actor = names.get(r.actor_id, "") if r.actor_id else "official not named"
        where = (articles or {}).get(r.article_id, r.article_id)
        parts.append(f"<b>{_escape(r.date_label)}</b>, {r.direction} ({_escape(actor)}; {_escape(where)})<br>"
                     f"{wrap(r.evidence, 70)}")
    return "<br><br>".join(parts)


def _article_names(articles: pd.DataFrame | None) -> dict[str, str]:
    """Return the reader's label of every article by id (outlet and date); empty without ``articles``."""
    return article_label(articles) if articles is not None else {}


def direction_finding(acts: pd.DataFrame, place_name: dict[str, str]) -> str:
    """Return, in words, who moved to cooperate and when, and how many other jurisdictions restricted cooperation.

    >>> acts = pd.DataFrame({"jurisdiction": ["m", "m", "a"], "direction": ["restrict", "cooperate", "restrict"],
    ...                      "start": pd.to_datetime(["2013-01-01", "2017-01-26", "2016-11-14"]),
    ...                      "stop": pd.to_datetime(["2014-01-01", "2017-01-27", "2016-11-15"])})
    >>> direction_finding(acts, {"m": "Miami-Dade County", "a": "Austin"})
    'Miami-Dade County moved to cooperate in Jan 2017; 1 other jurisdiction restricted cooperation'
    """
    if acts.empty:
        return "No policy action in the articles"
    coop = acts[acts["direction"] == "cooperate"].sort_values("start")
    movers = list(dict.fromkeys(coop["jurisdiction"]))
    said = [f"{place_name.get(j, j)} moved to cooperate in {coop.loc[coop['jurisdiction'] == j, 'start'].iloc[0]:%b %Y}"
            for j in movers]
    rest = acts.loc[(acts["direction"] == "restrict") & ~acts["jurisdiction"].isin(movers), "jurisdiction"].nunique()
    if not said:
        return f"All {rest} jurisdictions with actions restricted cooperation"
    noun = "jurisdiction" if rest == 1 else "jurisdictions"
    return "; ".join(said) + f"; {rest} other {noun} restricted cooperation"


def _wrap_category(cat: str) -> str:
    """Return a category name broken over lines of about 14 characters, for a column heading.

    >>> _wrap_category("prosecution of federal agents")
    'prosecution of<br>federal agents'
    """
    return "<br>".join(textwrap.wrap(cat, 14))


def policy_matrix(acts: pd.DataFrame, places: pd.DataFrame, kb, top: int = TOP,
                  articles: pd.DataFrame | None = None) -> go.Figure:
    """Return jurisdictions (rows) by policy category (columns), a square per cell with actions.

    ``acts`` is :func:`helpers.policies.reference`, ``places`` is
    :func:`helpers.cities.jurisdictions` (every jurisdiction gets a row, with
    or without actions, the ``top`` with most actions first; the rest share
    one row that counts them). A square's colour is the direction of its
    actions, its number how many there are; hover lists each action with
    its date, actor, article and evidence sentence.
    """
    from ..policies import CATEGORIES

    names = person_label(kb.actors["id"], kb.actors)
    where = _article_names(articles)
    kept, k_others, n_others = _top(places.set_index("jurisdiction")["n_actions"], top)
    shown = places[places["jurisdiction"].isin(kept)]
    place_name = dict(zip(places["jurisdiction"], places["name"]))
    labels = {r.name: (f"<b>{_escape(r.name)}</b>" if r.n_actions else f"{_escape(r.name)} <i>(no action)</i>")
              for r in shown.itertuples()}
    cats = list(CATEGORIES)
    fig = go.Figure()
    cells = []
    for (jid, cat), rows in acts.groupby(["jurisdiction", "category"], sort=False):
        if jid not in set(kept):
            continue
        dirs = set(rows["direction"])
        cells.append((place_name[jid], cat, "both" if len(dirs) > 1 else dirs.pop(), len(rows), _action_hover(rows, names, where)))
    rows_shown = [labels[n] for n in shown["name"]]
    if k_others:
        rows_shown.append(f"<i>{others_label(k_others, n_others, 'actions')}</i>")
    row_px = (440 - 150) / max(len(rows_shown), 1)
    size = max(10, min(28, row_px - 4))
    for direction in DIRECTION_COLORS:
        part = [c for c in cells if c[2] == direction]
        if not part:  # a legend entry all the same, so that every colour is explained
            fig.add_trace(go.Scatter(x=[None], y=[None], mode="markers", name=DIRECTION_LABELS[direction], hoverinfo="skip",
                                     marker=dict(symbol="square", size=14, color=DIRECTION_COLORS[direction])))
            continue
        fig.add_trace(go.Scatter(
            x=[c[1] for c in part], y=[labels[c[0]] for c in part], mode="markers+text",
            name=DIRECTION_LABELS[direction],
            marker=dict(symbol="square", size=size, color=DIRECTION_COLORS[direction], line=dict(color="white", width=1)),
            text=[str(c[3]) for c in part], textfont=dict(color="white", size=12),
            customdata=[(_escape(c[0]), c[1], c[4]) for c in part],
            hovertemplate="<b>%{customdata[0]}</b>: %{customdata[1]}<br><br>%{customdata[2]}<extra></extra>",
        ))
    fig.update_xaxes(categoryorder="array", categoryarray=cats, tickvals=cats, ticktext=[_wrap_category(c) for c in cats],
                     range=[-0.5, len(cats) - 0.5],
                     side="top", tickangle=0, tickfont=dict(size=11), showgrid=True, gridcolor="#EEEEEE", title_text=None)
    fig.update_yaxes(categoryorder="array", categoryarray=rows_shown, range=[len(rows_shown) - 0.5, -0.5], showgrid=True,
                     gridcolor="#EEEEEE", title_text=None, tickfont=dict(size=12))
    mine = acts[acts["jurisdiction"].isin(place_name)]
    used = mine["category"].value_counts()
    fig.update_layout(legend=dict(title=dict(text="direction (number = actions):")))
    title = (f"{len(mine)} actions in {len(used)} categories; the commonest: {used.index[0]} ({int(used.iloc[0])})"
             f"<br>{direction_finding(mine, place_name)}") if len(mine) else "No policy action in the articles"
    fig = _layout(fig, title, 460, bottom=16)
    fig.update_layout(margin=dict(t=fig.layout.margin.t + 52))
    return fig


def _crowded(lon: list[float], lat: list[float], near: float = 3.2) -> list[bool]:
    """Return, for each point, whether another lies within ``near`` degrees of it (their bubbles would overlap).

    >>> _crowded([-74.0, -75.2, -118.2], [40.7, 39.9, 34.1])
    [True, True, False]
    """
    return [any(j != i and math.hypot(lon[i] - lon[j], lat[i] - lat[j]) < near for j in range(len(lon)))
            for i in range(len(lon))]


def _callouts(places: pd.DataFrame) -> tuple[list[float], list[float]]:
    """Return where to draw each place's bubble: where it is, or, where places crowd, in a column off the east coast.

    Crowded places are moved, in order from north to south, to a column in the
    Atlantic, each joined to its true place by a leader line.
    """
    lon, lat = list(places["lon"]), list(places["lat"])
    crowded = _crowded(lon, lat)
    order = sorted((i for i, c in enumerate(crowded) if c), key=lambda i: -lat[i])
    xs, ys = lon[:], lat[:]
    if order:
        top = max(lat[i] for i in order) + 2.5
        step = min(3.0, 15 / max(len(order) - 1, 1))
        for k, i in enumerate(order):
            xs[i], ys[i] = -66.5, top - k * step
    return xs, ys


def policy_map(acts: pd.DataFrame, places: pd.DataFrame, years: range = range(2016, 2027)) -> go.Figure:
    """Return a map of the United States with a labelled bubble per jurisdiction and a time control.

    The control steps only through the years in ``years`` in which some
    jurisdiction acted (actions before the first year count from the start):
    at each step the bubble's area grows with the number of actions dated up
    to the end of that year, its colour is the direction of the latest one,
    and a yellow halo marks the jurisdictions that acted in that step. A
    small open circle is a jurisdiction the articles name with no action
    yet. Where places crowd (the north-east), bubbles sit in a column off
    the coast, each joined to its place by a line. Show it with
    ``fig.show(config=helpers.geo.offline_config())`` so that the map
    outline comes from the machine, not a CDN.
    """
    fig = go.Figure()
    xs, ys = _callouts(places)
    moved = [(x, y) != (a, b) for x, y, a, b in zip(xs, ys, places["lon"], places["lat"])]
    change = sorted({max(int(y), years[0]) for y in acts["start"].dt.year} & set(years)) or [years[-1]]
    states = []
    for year in change:
        end = pd.Timestamp(f"{year + 1}-01-01")
        begin = pd.Timestamp(f"{year}-01-01") if year != change[0] else pd.Timestamp.min
        sizes, colors, lines, texts, halos = [], [], [], [], []
        for p in places.itertuples():
            mine = acts[(acts["jurisdiction"] == p.jurisdiction) & (acts["start"] < end)].sort_values("start", kind="stable")
            new = bool((mine["start"] >= begin).any())
            if mine.empty:
                sizes.append(9); colors.append("rgba(0,0,0,0)"); lines.append(OKABE_ITO["grey"]); halos.append(0)
                texts.append(f"<b>{_escape(p.name)}</b><br>no action reported by the end of {year}")
                continue
            latest = mine.iloc[-1]
            size = 12 + 9 * math.sqrt(len(mine))
            sizes.append(size)
            colors.append(DIRECTION_COLORS[latest["direction"]]); lines.append("white")
            halos.append(size + 14 if new else 0)
            counts = mine["direction"].value_counts()
            texts.append(f"<b>{_escape(p.name)}</b>: {len(mine)} action(s) by the end of {year} "
                         f"({', '.join(f'{v} {k}' for k, v in counts.items())})<br>latest: {_escape(latest['date_label'])}, "
                         f"{latest['category']} ({latest['direction']})")
        states.append((year, sizes, colors, lines, texts, halos))
    last = states[-1]
    leaders_lon, leaders_lat = [], []
    for x, y, a, b, m in zip(xs, ys, places["lon"], places["lat"], moved):
        if m:
            leaders_lon += [a, x, None]
            leaders_lat += [b, y, None]
    fig.add_trace(go.Scattergeo(lon=leaders_lon, lat=leaders_lat, mode="lines", line=dict(color="#777777", width=1),
                                hoverinfo="skip", showlegend=False))
    fig.add_trace(go.Scattergeo(lon=[a for a, m in zip(places["lon"], moved) if m],
                                lat=[b for b, m in zip(places["lat"], moved) if m], mode="markers",
                                marker=dict(size=4, color="#333333"), hoverinfo="skip", showlegend=False))
    fig.add_trace(go.Scattergeo(
        lon=xs, lat=ys, mode="markers", name="acted in this step (yellow halo)", showlegend=True,
        marker=dict(size=last[5], color=NEW_HALO, opacity=0.55, line=dict(width=0)), hoverinfo="skip",
    ))
    fig.add_trace(go.Scattergeo(
        lon=xs, lat=ys, mode="markers+text", name="jurisdictions", showlegend=False,
        text=[_escape(n) for n in places["name"]], textposition=["middle right" if m else "middle left" if x > -80 else "top center"
                                                                  for m, x in zip(moved, xs)],
        textfont=dict(size=12, color="#222222"),
        marker=dict(size=last[1], color=last[2], line=dict(color=last[3], width=1.5), opacity=0.95, sizemode="diameter"),
        hovertext=last[4], hoverinfo="text",
    ))
    for direction in ("restrict", "cooperate"):
        fig.add_trace(go.Scattergeo(lon=[None], lat=[None], mode="markers", hoverinfo="skip",
                                    name={"restrict": "latest action restricts cooperation", "cooperate": "latest action cooperates"}[direction],
                                    marker=dict(size=12, color=DIRECTION_COLORS[direction])))
    fig.add_trace(go.Scattergeo(lon=[None], lat=[None], mode="markers", name="named in the articles, no action yet",
                                marker=dict(size=9, color="rgba(0,0,0,0)", line=dict(color=OKABE_ITO["grey"], width=1.5)),
                                hoverinfo="skip"))
    steps = [dict(label=str(year), method="restyle",
                  args=[{"marker.size": [halos, sizes], "marker.color": [[NEW_HALO] * len(sizes), colors],
                         "marker.line.color": [["rgba(0,0,0,0)"] * len(sizes), lines], "hovertext": [None, texts]}, [2, 3]])
             for year, sizes, colors, lines, texts, halos in states]
    fig.update_layout(
        sliders=[dict(active=len(steps) - 1, steps=steps, currentvalue=dict(prefix="actions up to the end of ", font=dict(size=14)),
                      pad=dict(t=6, b=0), x=0, len=0.74, y=0, yanchor="top")],
        geo=dict(scope="usa", projection_type="albers usa", showland=True, landcolor="#F2F2F2", showlakes=False,
                 subunitcolor="#BBBBBB", countrycolor="#999999", bgcolor="white", domain=dict(x=[0, 0.74], y=[0, 1])),
    )
    _note(fig, "Bubble area: number of actions; colour: direction of the latest. Coordinates: city hall or centroid, "
               "from outside the corpus.")
    coop = acts[acts["direction"] == "cooperate"]
    fig = _layout(fig, direction_finding(acts, dict(zip(places["jurisdiction"], places["name"]))) if len(coop) or len(acts)
                  else "No policy action in the articles", 460, bottom=78)
    fig.update_layout(legend=dict(orientation="v", x=0.76, xanchor="left", y=0.5, yanchor="middle", yref="paper"),
                      margin=dict(b=78))
    return fig


def _short(event: str, width: int = 18) -> str:
    """Return a federal event's name cut to two short lines, for a label on the chart.

    >>> _short("Executive order to cut funding to jurisdictions that deny cooperation")
    'Executive order to<br>cut funding to…'
    """
    lines = textwrap.wrap(event, width)
    return "<br>".join(lines[:2]) + ("…" if len(lines) > 2 else "")


def _dodge(dates: list[pd.Timestamp], near_days: float, step: float = 0.28) -> list[float]:
    """Return a vertical offset for each date so that dates closer than ``near_days`` do not overlap.

    >>> _dodge([pd.Timestamp("2016-11-14"), pd.Timestamp("2017-01-27"), pd.Timestamp("2026-02-01")], 120)
    [-0.14, 0.14, 0.0]
    """
    order = sorted(range(len(dates)), key=lambda i: dates[i])
    groups: list[list[int]] = []
    for i in order:
        if groups and (dates[i] - dates[groups[-1][-1]]).days < near_days:
            groups[-1].append(i)
        else:
            groups.append([i])
    out = [0.0] * len(dates)
    for g in groups:
        for k, i in enumerate(g):
            out[i] = round((k - (len(g) - 1) / 2) * step, 3)
    return out


def policy_timeline(acts: pd.DataFrame, places: pd.DataFrame, events: pd.DataFrame, kb, top: int = TOP,
                    articles: pd.DataFrame | None = None) -> go.Figure:
    """Return each jurisdiction's actions on a time line, with the federal actions as labelled context.

    One row per jurisdiction with actions (the ``top`` with most, the rest
    counted in one row), one marker per action coloured by direction:
    filled when the text gives or implies the action's date, open when only
    the article's date is known (the action is at the latest then). Actions
    too close to tell apart are moved a little up and down, so every action
    shows. A grey bar spans every day the date could be (a whole year for
    "since 1979"). The top row and the dotted lines are the federal actions,
    each labelled. The time axis is cut where years pass with no event.
    """
    from plotly.subplots import make_subplots

    names = person_label(kb.actors["id"], kb.actors)
    where = _article_names(articles)
    acting = places[places["n_actions"] > 0]
    kept, k_others, n_others = _top(acting.set_index("jurisdiction")["n_actions"], top)
    acting = acting[acting["jurisdiction"].isin(kept)]
    order = [FEDERAL] + list(acting["name"])
    if k_others:
        order.append(f"<i>{others_label(k_others, n_others, 'actions')}</i>")
    row = {name: k for k, name in enumerate(order)}
    place_name = dict(zip(acting["jurisdiction"], acting["name"]))
    acts = acts[acts["jurisdiction"].isin(place_name)]
    dates = list(acts["start"]) + list(events["start"])
    if not dates:
        return _empty("Policy timeline: no action to show", "No policy action in the articles.")
    groups = _clusters(dates, gap_days=3 * 365)
    pad = pd.Timedelta(days=200)
    ranges = [(g[0] - pad, max(g[-1], max(acts.loc[acts["start"].isin(g), "stop"], default=g[-1])) + pad) for g in groups]
    widths = [max((b - a).days, 700) for a, b in ranges]
    fig = make_subplots(rows=1, cols=len(groups), shared_yaxes=True, horizontal_spacing=0.03, column_widths=widths)
    panel = lambda t: next(i for i, g in enumerate(groups, 1) if t in g)  # noqa: E731
    # markers closer than about 14 pixels overlap: a panel of ``days`` is about 900 * share pixels wide
    near = {i: 16 * (b - a).days / (880 * w / sum(widths)) for i, ((a, b), w) in enumerate(zip(ranges, widths), 1)}
    acts = acts.assign(panel_no=[panel(t) for t in acts["start"]])
    acts["ypos"] = [float(row[place_name[j]]) for j in acts["jurisdiction"]]
    for (j, i), part in acts.groupby(["jurisdiction", "panel_no"]):
        acts.loc[part.index, "ypos"] = part["ypos"] + _dodge(list(part["start"]), near[i])
    for r in acts.itertuples():
        fig.add_trace(go.Scatter(x=[r.start, r.stop], y=[r.ypos, r.ypos], mode="lines", line=dict(width=7, color="#CCCCCC"),
                                 hoverinfo="skip", showlegend=False), row=1, col=r.panel_no)
    shown = set()
    for (direction, dated), rows in acts.groupby([acts["direction"], acts["date_status"] != "article date"], sort=False):
        for i in sorted(set(rows["panel_no"])):
            part = rows[rows["panel_no"] == i]
            key = (direction, dated)
            fig.add_trace(go.Scatter(
                x=part["start"], y=part["ypos"], mode="markers",
                name=f"{direction}, " + ("date given or implied by the text" if dated else "date known only as the article's"),
                legendgroup=f"{direction}{dated}", showlegend=key not in shown,
                marker=dict(size=12, symbol="circle" if dated else "circle-open", color=DIRECTION_COLORS[direction],
                            line=dict(width=2.5, color=DIRECTION_COLORS[direction])),
                customdata=[(_escape(place_name[r.jurisdiction]), r.category,
                             _action_hover(pd.DataFrame([r._asdict()]), names, where)) for r in part.itertuples()],
                hovertemplate="<b>%{customdata[0]}</b>: %{customdata[1]}<br><br>%{customdata[2]}<extra></extra>",
            ), row=1, col=i)
            shown.add(key)
    ev_panels = [panel(t) for t in events["start"]]
    for i in sorted(set(ev_panels)):
        part = events[[p == i for p in ev_panels]].sort_values("start")
        fig.add_trace(go.Scatter(
            x=part["start"], y=[0] * len(part), mode="markers+text", name="federal action (context)",
            legendgroup="federal", showlegend="federal" not in shown,
            text=[_short(e) for e in part["event"]], textfont=dict(size=11, color="#333333"),
            textposition=["top right" if k % 2 == 0 else "bottom right" for k in range(len(part))],
            marker=dict(size=13, symbol="diamond", color="#000000"),
            customdata=[(_escape(e.event), e.date_label, _escape(where.get(e.article_id, e.article_id)), wrap(e.evidence, 70))
                        for e in part.itertuples()],
            hovertemplate="<b>%{customdata[0]}</b><br>%{customdata[1]}, %{customdata[2]}<br><br>%{customdata[3]}<extra></extra>",
        ), row=1, col=i)
        shown.add("federal")
        for e in part.itertuples():
            fig.add_vline(x=e.start, line=dict(color="#555555", dash="dot", width=1), row=1, col=i)
    for i, (a, b) in enumerate(ranges, 1):
        span = (b - a).days
        fig.update_xaxes(range=[a, b], dtick="M12" if span > 700 else "M6", tickformat="%Y" if span > 700 else "%b %Y",
                         row=1, col=i)
    fig.update_yaxes(tickvals=list(range(len(order))), ticktext=order, range=[len(order) - 0.4, -0.9], showgrid=True,
                     gridcolor="#EEEEEE", tickfont=dict(size=12), row=1, col=1)
    _cut_note(fig, "Grey bars: every day an action's date could be. Dotted lines: federal actions.", groups, "%Y")
    title = f"{len(acts)} local actions around {len(events)} federal ones: {direction_finding(acts, place_name)}"
    if len(title) > 80:
        title = title.replace(": ", ":<br>", 1)
    return _layout(fig, title, 460)


def _story(rows: pd.DataFrame) -> str:
    """Return a jurisdiction's actions in words: each run of one direction, how often and when.

    >>> _story(pd.DataFrame({"direction": ["restrict", "cooperate"], "start": pd.to_datetime(["2013-01-01", "2017-01-26"]),
    ...                      "stop": pd.to_datetime(["2014-01-01", "2017-01-27"])}))
    'restricted once (2013), then cooperated once (26 Jan 2017)'
    """
    if rows.empty:
        return "no action reported"
    rows = rows.sort_values("start", kind="stable")
    runs: list[tuple[str, list]] = []
    for r in rows.itertuples():
        if runs and runs[-1][0] == r.direction:
            runs[-1][1].append(r)
        else:
            runs.append((r.direction, [r]))
    said = []
    for direction, items in runs:
        verb = {"restrict": "restricted", "cooperate": "cooperated"}.get(direction, direction)
        times = "once" if len(items) == 1 else f"{len(items)} times"
        first, last = items[0], items[-1]
        when = _when(first.start, (first.stop - first.start).days) if len(items) == 1 else f"{first.start:%Y}–{last.start:%Y}"
        said.append(f"{verb} {times} ({when})")
    return ", then ".join(said)


def compare_jurisdictions(acts: pd.DataFrame, book: pd.DataFrame, a: str, b: str, kb,
                          articles: pd.DataFrame | None = None) -> go.Figure:
    """Return two jurisdictions one above the other: their actions by category over time, and their quotations' stances.

    Each jurisdiction has a band of rows, one per policy category it acted
    on, with a marker per action (colour: direction; hover: evidence); the
    band's heading counts its actions and its officials' quotations by
    hand-coded stance. The time axis is cut into panels around the actions,
    shared by both bands, so that no stretch without events squeezes them;
    the title tells each jurisdiction's actions in words.
    """
    from plotly.subplots import make_subplots

    from ..policies import CATEGORIES

    names = person_label(kb.actors["id"], kb.actors)
    where = _article_names(articles)
    part = acts[acts["jurisdiction"].isin([a, b])]
    headings = []
    for jid in (a, b):
        speakers = kb.actors.loc[kb.actors["jurisdiction"] == jid, "id"]
        stances = book.loc[book["speaker_id"].isin(speakers), "stance_hand"].value_counts() if len(book) else pd.Series(dtype=int)
        said = ", ".join(f"{v} {k}" for k, v in stances.items()) or "none"
        n = int((part["jurisdiction"] == jid).sum())
        headings.append(f"<b>{_escape(kb.place_name(jid))}</b><br>{n} action(s); quotations of its officials: {said}")
    groups = _clusters(list(part["start"]), gap_days=3 * 365) if len(part) else [[pd.Timestamp("2016-01-01")]]
    pad = pd.Timedelta(days=150)
    ranges = [(g[0] - pad, max(g[-1], max(part.loc[part["start"].isin(g), "stop"], default=g[-1])) + pad) for g in groups]
    cats = {jid: [c for c in CATEGORIES if c in set(part.loc[part["jurisdiction"] == jid, "category"])] or [""] for jid in (a, b)}
    fig = make_subplots(rows=2, cols=len(groups), shared_xaxes="columns", shared_yaxes="rows", horizontal_spacing=0.03,
                        vertical_spacing=0.2, row_heights=[len(cats[a]) + 0.6, len(cats[b]) + 0.6],
                        column_widths=[max((y - x).days, 400) for x, y in ranges])
    for k, text in enumerate(headings):  # the bands' headings, first among the annotations
        fig.add_annotation(text=text, xref="paper", yref=f"y{1 + k * len(groups) if k else ''} domain", x=0, y=1,
                           yanchor="bottom", xanchor="left", showarrow=False, align="left", font=dict(size=13), yshift=4)
    if part.empty:
        fig.add_annotation(text="Neither jurisdiction has a policy action in the articles.", showarrow=False,
                           xref="paper", yref="paper", x=0.5, y=0.5)
    panel = lambda t: next(i for i, g in enumerate(groups, 1) if t in g)  # noqa: E731
    shown = set()
    for r_, jid in enumerate((a, b), 1):
        mine = part[part["jurisdiction"] == jid]
        for (direction, i), rows in mine.groupby([mine["direction"], mine["start"].map(panel)], sort=False):
            fig.add_trace(go.Scatter(
                x=rows["start"], y=rows["category"], mode="markers", name=DIRECTION_LABELS[direction],
                legendgroup=direction, showlegend=direction not in shown,
                marker=dict(size=15, color=DIRECTION_COLORS[direction], line=dict(color="white", width=1)),
                customdata=[(r.category, _action_hover(pd.DataFrame([r._asdict()]), names, where)) for r in rows.itertuples()],
                hovertemplate="<b>%{customdata[0]}</b><br><br>%{customdata[1]}<extra></extra>",
            ), row=r_, col=i)
            shown.add(direction)
        if mine.empty:
            fig.add_annotation(text="no policy action reported", showarrow=False, xref="x domain" if r_ == 1 else
                               f"x{1 + len(groups)} domain", yref=f"y{'' if r_ == 1 else 1 + len(groups)} domain",
                               x=0.5, y=0.5, font=dict(color="#555555"))
        fig.update_yaxes(categoryorder="array", categoryarray=cats[jid][::-1], showgrid=True, gridcolor="#EEEEEE",
                         range=[-0.6, len(cats[jid]) - 0.4], tickfont=dict(size=12), row=r_, col=1)
    for i, (x0, x1) in enumerate(ranges, 1):
        span = (x1 - x0).days
        for r_ in (1, 2):
            fig.update_xaxes(range=[x0, x1], dtick="M12" if span > 700 else "M3", tickformat="%Y" if span > 700 else "%b %Y",
                             showticklabels=r_ == 2, row=r_, col=i)
    _cut_note(fig, "Each marker is one action; hover for its evidence.", groups, "%Y")
    title = "; ".join(f"{_escape(kb.place_name(j))} {_story(part[part['jurisdiction'] == j])}" for j in (a, b))
    if len(title) > 80:
        title = title.replace("; ", ";<br>", 1)
    fig = _layout(fig, title, 440)
    fig.update_layout(margin=dict(t=fig.layout.margin.t + 40))
    return fig
