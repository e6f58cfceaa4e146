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
from .style import OKABE_ITO, ROW_PX, TOP, _clusters, _cut_note, _empty, _escape, _layout, _note, _top, others_label, wrap

#: Direction of a policy action, in the colours of the stance it goes with: restricting cooperation
#: is blue like AGAINST, cooperating is vermillion like FAVOR, both in one cell reddish purple like MIXED.
DIRECTION_COLORS = {"restrict": OKABE_ITO["blue"], "cooperate": OKABE_ITO["vermillion"], "both": OKABE_ITO["reddish purple"]}
DIRECTION_LABELS = {
    "restrict": "restrict: limits cooperation with federal enforcement",
    "cooperate": "cooperate: expands it",
    "both": "both, at different times",
}
FEDERAL = "<b>federal</b>"
#: The ring around a jurisdiction that acted at a step of the map's time control: bluish green, no stance
#: colour, 3.3:1 against white (a pale halo vanishes on a projector).
NEW_HALO = OKABE_ITO["bluish green"]
#: The outline of a jurisdiction named with no action yet: a grey dark enough to show on a projector (5.7:1).
NO_ACTION = "#666666"
#: The policy map's layout, as parts of its plot area: the country map on the left; beside it the
#: north-east inset above the legend and the time control.
COUNTRY_X, INSET_X, INSET_Y = 0.62, (0.65, 1.0), (0.5, 0.93)
#: The plot area of the map at its narrowest (a notebook page, 850 pixels wide), in pixels (width,
#: height), and what the country map shows there: pixels per degree, and its west, east, south and
#: north edges in degrees. Labels placed for the narrowest map stay whole on wider ones (a slide).
SLIDE_PLOT, COUNTRY_SCALE, COUNTRY_BOUNDS = (820, 378), 8.5, (-125.0, -67.5, 24.5, 49.5)


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


def _wrap_category(cat: str, width: int = 14) -> str:
    """Return a category name broken over lines of about 14 characters, for a column heading.

    >>> _wrap_category("prosecution of federal agents")
    'prosecution of<br>federal agents'
    """
    return "<br>".join(textwrap.wrap(cat, width))


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
    fig.update_xaxes(categoryorder="array", categoryarray=cats, tickmode="array", tickvals=cats, ticktext=[_wrap_category(c, 16) for c in cats],
                     range=[-0.5, len(cats) - 0.5],
                     side="top", tickangle=-90, tickfont=dict(size=11), showgrid=True, gridcolor="#EEEEEE", title_text=None)
    fig.update_yaxes(categoryorder="array", categoryarray=rows_shown, range=[len(rows_shown) - 0.5, -0.5], showgrid=True,
                     gridcolor="#EEEEEE", title_text=None, tickfont=dict(size=12))
    mine = acts[acts["jurisdiction"].isin(place_name)]
    used = mine["category"].value_counts()
    fig.update_layout(legend=dict(title=dict(text="direction (number = actions):")))
    title = (f"{len(mine)} actions in {len(used)} categories; the commonest: {used.index[0]} ({int(used.iloc[0])})"
             f"<br>{direction_finding(mine, place_name)}") if len(mine) else "No policy action in the articles"
    fig = _layout(fig, title, 460, bottom=16)
    # the column headings stand upright above their columns, so that eleven of them never touch on a narrow page
    longest = max(len(line) for c in fig.layout.xaxis.ticktext for line in c.split("<br>"))
    room = int(6.2 * longest) + 12
    top = fig.layout.margin.t + room
    fig.update_layout(margin=dict(t=top), height=max(460, top + fig.layout.margin.b + ROW_PX * len(rows_shown)))
    return fig


def _crowded(lon: list[float], lat: list[float], near: float = 3.2) -> list[bool]:
    """Return, for each point, whether it belongs to the largest group of points within ``near`` degrees of each other.

    Those are the places whose bubbles would hide one another on a map of
    the whole country; they get an inset of their own.

    >>> _crowded([-74.0, -75.2, -77.0, -118.2, -87.6, -86.1], [40.7, 39.9, 38.9, 34.1, 41.9, 40.0])
    [True, True, True, False, False, False]
    """
    group = list(range(len(lon)))
    for i in range(len(lon)):  # join neighbours: group[i] is the smallest index of i's cluster
        for j in range(i):
            if math.hypot(lon[i] - lon[j], lat[i] - lat[j]) < near:
                old, new = group[i], group[j]
                group = [new if g == old else g for g in group]
    sizes = pd.Series(group).value_counts()
    if sizes.empty or sizes.iloc[0] < 3:
        return [False] * len(lon)
    return [bool(g == sizes.index[0]) for g in group]


def _label_sides(points: list[tuple[float, float]], texts: list[str], scale: float,
                 bounds: tuple[float, float, float, float] | None = None, radii: list[float] | None = None) -> list[str]:
    """Return a text position for each map label so that labels stay whole and clear of each other (a greedy guess).

    ``scale`` is about how many pixels a degree takes on the map;
    ``bounds`` (west, east, south, north, in degrees) is the part of the
    map that is drawn, so that no label runs off its edge; ``radii`` are the
    bubbles' radii in pixels (10 when not given). Each label tries right,
    left, above and below its bubble, in that order, and takes the first
    place inside the map that no earlier label or other bubble occupies.

    >>> _label_sides([(-90.0, 30.0), (-82.0, 29.2)], ["New Orleans", "Ocala"], 9)
    ['middle left', 'middle right']
    >>> _label_sides([(-74.0, 40.7)], ["New York City"], 30, bounds=(-78.0, -72.0, 38.0, 43.0))
    ['middle left']
    """
    px = [(x * scale, -y * scale * 1.25) for x, y in points]
    radii = list(radii) if radii is not None else [10.0] * len(px)
    taken: list[tuple[float, float, float, float]] = [(x - r, y - r, x + r, y + r) for (x, y), r in zip(px, radii)]
    frame = None
    if bounds is not None:
        west, east, south, north = bounds
        frame = (west * scale, -north * scale * 1.25, east * scale, -south * scale * 1.25)
    sides = []
    for k, ((x, y), text, r) in enumerate(zip(px, texts, radii)):
        w, h = 7.2 * len(text) + 6, 18  # 13-pixel text
        gap = r + 3
        options = [("middle right", (x + gap, y - h / 2)), ("middle left", (x - gap - w, y - h / 2)),
                   ("top center", (x - w / 2, y - gap - h)), ("bottom center", (x - w / 2, y + gap))]
        inside = [(side, corner) for side, corner in options if frame is None or (
            frame[0] <= corner[0] and corner[0] + w <= frame[2] and frame[1] <= corner[1] and corner[1] + h <= frame[3])]
        for side, (x0, y0) in inside:
            box = (x0, y0, x0 + w, y0 + h)
            if not any(box[0] < b[2] and b[0] < box[2] and box[1] < b[3] and b[1] < box[3]
                       for j, b in enumerate(taken) if j != k):
                break
        else:
            side, (x0, y0) = (inside or options)[0]
        taken.append((x0, y0, x0 + w, y0 + h))
        sides.append(side)
    return sides


def _map_states(acts: pd.DataFrame, places: pd.DataFrame, change: list[int]) -> list[tuple]:
    """Return, for each step of the map's time control, each place's bubble: size, colour, outline, hover, halo."""
    states = []
    for year in change:
        end = pd.Timestamp(f"{year + 1}-01-01")
        begin = pd.Timestamp.min if year == change[0] else pd.Timestamp(f"{year}-01-01")
        sizes, colors, lines, texts, halos = [], [], [], [], []
        for p in places.itertuples():
            mine = acts[(acts["jurisdiction"] == p.jurisdiction) & (acts["start"] < end)].sort_values("start", kind="stable")
            if mine.empty:
                sizes.append(9); colors.append("rgba(0,0,0,0)"); lines.append(NO_ACTION); halos.append(0)
                texts.append(f"<b>{_escape(p.name)}</b><br>no action reported by the end of {year}")
                continue
            latest = mine.iloc[-1]
            size = 12 + 9 * math.sqrt(len(mine))
            sizes.append(size)
            colors.append(DIRECTION_COLORS[latest["direction"]]); lines.append("white")
            halos.append(size + 12 if bool((mine["start"] >= begin).any()) else 0)
            counts = mine["direction"].value_counts()
            texts.append(f"<b>{_escape(p.name)}</b>: {len(mine)} action(s) by the end of {year} "
                         f"({', '.join(f'{v} {k}' for k, v in counts.items())})<br>latest: {_escape(latest['date_label'])}, "
                         f"{latest['category']} ({latest['direction']})")
        states.append((year, sizes, colors, lines, texts, halos))
    return states


def _steps_note(years: list[int]) -> str:
    """Return the note on the map's time control: its steps are the years with an action, and what lies between them.

    >>> _steps_note([2016, 2017, 2026])
    'Time control: one step per year with a new action (2016, 2017, 2026); nothing new in 2018–2025.'
    >>> _steps_note([2020])
    'Time control: one step per year with a new action (2020).'
    """
    gaps = [f"{a + 1}" if b - a == 2 else f"{a + 1}–{b - 1}" for a, b in zip(years, years[1:]) if b - a > 1]
    return (f"Time control: one step per year with a new action ({', '.join(map(str, years))})"
            + (f"; nothing new in {', '.join(gaps)}." if gaps else "."))


def policy_map(acts: pd.DataFrame, places: pd.DataFrame, years: range = range(2016, 2027)) -> go.Figure:
    """Return a map of the United States with a labelled bubble per jurisdiction and a time control.

    The control steps only through the years in ``years`` in which some
    jurisdiction acted (actions before the first year count from the start):
    at each step the bubble's area grows with the number of actions dated up
    to the end of that year, its colour is the direction of the latest one,
    and a green ring marks the jurisdictions that acted in that step; the
    steps are labelled with their years and a note names the years between
    them in which nothing changed. Every mark is at least 3:1 against white. A
    small open circle is a jurisdiction the articles name with no action
    yet. Where places crowd (the north-east), the country map shows small
    dots and an inset beside it shows their bubbles, labelled. Show it with
    ``fig.show(config=helpers.geo.offline_config())`` so that the map
    outline comes from the machine, not a CDN.
    """
    fig = go.Figure()
    lon, lat = list(places["lon"]), list(places["lat"])
    crowded = _crowded(lon, lat)
    change = sorted({max(int(y), years[0]) for y in acts["start"].dt.year} & set(years)) or [years[-1]]
    states = _map_states(acts, places, change)
    parts = {"geo": [i for i, c in enumerate(crowded) if not c], "geo2": [i for i, c in enumerate(crowded) if c]}
    last = states[-1]
    pick = lambda values, idx: [values[i] for i in idx]  # noqa: E731
    inset = places.iloc[parts["geo2"]] if parts["geo2"] else None
    inset_bounds = inset_scale = None
    if inset is not None:  # the inset's ranges, and how many pixels a degree takes in it on a slide
        pad_lon, pad_lat = 2.6, 0.8
        inset_bounds = (inset["lon"].min() - pad_lon, inset["lon"].max() + pad_lon,
                        inset["lat"].min() - pad_lat, inset["lat"].max() + pad_lat)
        wide, high = (INSET_X[1] - INSET_X[0]) * SLIDE_PLOT[0], (INSET_Y[1] - INSET_Y[0]) * SLIDE_PLOT[1]
        inset_scale = min(wide / (inset_bounds[1] - inset_bounds[0]), high / ((inset_bounds[3] - inset_bounds[2]) * 1.3))
    traces = []
    names = list(places["name"])
    for geo, idx in parts.items():
        if not idx:
            continue
        if geo == "geo" and parts["geo2"]:  # where the inset's places are, on the country map
            fig.add_trace(go.Scattergeo(lon=pick(lon, parts["geo2"]), lat=pick(lat, parts["geo2"]), mode="markers", geo=geo,
                                        marker=dict(size=5, color="#333333"), hoverinfo="skip", showlegend=False))
        fig.add_trace(go.Scattergeo(
            lon=pick(lon, idx), lat=pick(lat, idx), mode="markers", geo=geo, hoverinfo="skip",
            name="acted in this step (green ring)", legendgroup="halo", showlegend=geo == "geo",
            marker=dict(size=pick(last[5], idx), color="rgba(0,0,0,0)", line=dict(width=3, color=NEW_HALO)),
        ))
        here = [(x, y) for x, y in zip(pick(lon, idx), pick(lat, idx))]
        radii = [max(b, h) / 2 for b, h in zip(pick(last[1], idx), pick(last[5], idx))]
        scale, bounds = (inset_scale, inset_bounds) if geo == "geo2" else (COUNTRY_SCALE, COUNTRY_BOUNDS)
        positions = _label_sides(here, [names[i] for i in idx], scale, bounds, radii)
        fig.add_trace(go.Scattergeo(
            lon=pick(lon, idx), lat=pick(lat, idx), mode="markers+text", geo=geo, name="jurisdictions", showlegend=False,
            text=[_escape(names[i]) for i in idx], textposition=positions, textfont=dict(size=13, color="#222222"),
            marker=dict(size=pick(last[1], idx), color=pick(last[2], idx), line=dict(color=pick(last[3], idx), width=1.5),
                        opacity=0.95, sizemode="diameter"),
            hovertext=pick(last[4], idx), hoverinfo="text", customdata=idx,
        ))
        traces.append((len(fig.data) - 2, len(fig.data) - 1, idx))
    for direction in ("restrict", "cooperate"):
        fig.add_trace(go.Scattergeo(lon=[None], lat=[None], mode="markers", hoverinfo="skip",
                                    name={"restrict": "latest action restricts cooperation", "cooperate": "latest action cooperates"}[direction],
                                    marker=dict(size=12, color=DIRECTION_COLORS[direction])))
    fig.add_trace(go.Scattergeo(lon=[None], lat=[None], mode="markers", name="named, no action yet",
                                marker=dict(size=9, color="rgba(0,0,0,0)", line=dict(color=NO_ACTION, width=1.5)),
                                hoverinfo="skip"))
    steps = []
    for year, sizes, colors, lines, texts, halos in states:
        restyle = {"marker.size": [], "marker.color": [], "marker.line.color": [], "hovertext": []}
        indices = []
        for halo, bubble, idx in traces:
            restyle["marker.size"] += [pick(halos, idx), pick(sizes, idx)]
            restyle["marker.color"] += [["rgba(0,0,0,0)"] * len(idx), pick(colors, idx)]
            restyle["marker.line.color"] += [[NEW_HALO] * len(idx), pick(lines, idx)]
            restyle["hovertext"] += [None, pick(texts, idx)]
            indices += [halo, bubble]
        steps.append(dict(label=str(year), method="restyle", args=[restyle, indices]))
    geo_look = dict(showland=True, landcolor="#F2F2F2", showlakes=False, subunitcolor="#BBBBBB", countrycolor="#999999",
                    bgcolor="white", showsubunits=True)
    right = INSET_X[0]  # the column beside the map: the inset, the legend, the time control
    fig.update_layout(
        sliders=[dict(active=len(steps) - 1, steps=steps, currentvalue=dict(prefix="actions up to the end of ", font=dict(size=14)),
                      pad=dict(t=4, b=0), x=right, len=1 - right, y=0.24, yanchor="top")],
        geo=dict(scope="usa", projection_type="albers usa", domain=dict(x=[0, COUNTRY_X], y=[0, 1]), **geo_look),
    )
    if inset is not None:
        fig.update_layout(geo2=dict(
            scope="north america", projection_type="mercator", domain=dict(x=list(INSET_X), y=list(INSET_Y)),
            lonaxis=dict(range=list(inset_bounds[:2])), lataxis=dict(range=list(inset_bounds[2:])),
            showframe=True, framecolor="#999999", **geo_look))
        fig.add_annotation(text="<b>North-east</b> (dots on the map)", xref="paper", yref="paper", x=right, y=INSET_Y[1],
                           xanchor="left", yanchor="bottom", showarrow=False, font=dict(size=12))
    _note(fig, "Bubble area: number of actions; colour: direction of the latest. Coordinates: city hall or centroid, "
               "from outside the corpus.<br>" + _steps_note(change))
    title = direction_finding(acts, dict(zip(places["jurisdiction"], places["name"])))
    fig = _layout(fig, title, 460, bottom=16)
    # the legend in the column beside the map, between the inset and the time control; placed on the
    # plot area (paper), so that it takes no margin from the map
    fig.update_layout(legend=dict(orientation="v", x=right, xref="paper", xanchor="left", y=INSET_Y[0] - 0.03,
                                  yref="paper", yanchor="top", font=dict(size=12), tracegroupgap=0),
                      margin=dict(b=16))
    return fig


def _short(event: str, width: int = 28) -> str:
    """Return a federal event's name cut to one short line, for a label on the chart.

    >>> _short("Executive order to cut funding to jurisdictions that deny cooperation")
    'Executive order to cut…'
    """
    return textwrap.shorten(event, width, placeholder="…")


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
            x=part["start"], y=[0] * len(part), mode="markers", name="federal action (context, labelled above)",
            legendgroup="federal", showlegend="federal" not in shown,
            text=[_short(e) for e in part["event"]],
            marker=dict(size=13, symbol="diamond", color="#000000"),
            customdata=[(_escape(e.event), e.date_label, _escape(where.get(e.article_id, e.article_id)), wrap(e.evidence, 70))
                        for e in part.itertuples()],
            hovertemplate="<b>%{customdata[0]}</b><br>%{customdata[1]}, %{customdata[2]}<br><br>%{customdata[3]}<extra></extra>",
        ), row=1, col=i)
        for k, e in enumerate(part.itertuples()):  # labels on two levels above the federal row, so neighbours do not collide
            fig.add_annotation(x=e.start, y=-0.75 - 0.8 * (k % 2), text=_short(e.event), showarrow=False, xanchor="left",
                               xshift=3, font=dict(size=11, color="#222222"), bgcolor="rgba(255,255,255,0.85)",
                               xref=f"x{i if i > 1 else ''}", yref="y")
        shown.add("federal")
        for e in part.itertuples():
            fig.add_vline(x=e.start, line=dict(color="#555555", dash="dot", width=1), row=1, col=i)
    for i, (a, b) in enumerate(ranges, 1):
        span = (b - a).days
        fig.update_xaxes(range=[a, b], dtick="M12" if span > 700 else "M6", tickformat="%Y" if span > 700 else "%b %Y",
                         row=1, col=i)
    fig.update_yaxes(tickvals=list(range(len(order))), ticktext=order, range=[len(order) - 0.4, -2.0], showgrid=True,
                     gridcolor="#EEEEEE", tickfont=dict(size=12), row=1, col=1)
    _cut_note(fig, "Grey bars: every day an action's date could be. Dotted lines and diamonds: federal actions.", groups, "%Y")
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


def _year_ticks(x0: pd.Timestamp, x1: pd.Timestamp, most: int = 4) -> list[pd.Timestamp]:
    """Return the ticks of a panel from ``x0`` to ``x1``: the first of January of its years, at most ``most``, never two crowded.

    A panel that holds no first of January gets one tick, at the first of its middle month.

    >>> [f"{t:%Y-%m}" for t in _year_ticks(pd.Timestamp("2016-06-17"), pd.Timestamp("2017-06-25"))]
    ['2017-01']
    >>> [f"{t:%Y-%m}" for t in _year_ticks(pd.Timestamp("2025-09-04"), pd.Timestamp("2026-07-01"))]
    ['2026-01']
    >>> [f"{t:%Y-%m}" for t in _year_ticks(pd.Timestamp("1978-08-05"), pd.Timestamp("1979-05-31"))]
    ['1979-01']
    >>> len(_year_ticks(pd.Timestamp("2000-03-01"), pd.Timestamp("2019-03-01")))
    4
    """
    years = [pd.Timestamp(year=y, month=1, day=1) for y in range(x0.year, x1.year + 1)]
    years = [t for t in years if x0 <= t <= x1]
    if not years:
        middle = x0 + (x1 - x0) / 2
        return [pd.Timestamp(year=middle.year, month=middle.month, day=1)]
    step = -(-len(years) // most)
    return years[::step]


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
    cols = len(groups)
    fig = make_subplots(rows=2, cols=cols, shared_xaxes="columns", shared_yaxes="rows", horizontal_spacing=0.04,
                        vertical_spacing=0.22, row_heights=[len(cats[a]) + 0.8, len(cats[b]) + 0.8],
                        column_widths=[1] * cols)
    for k, text in enumerate(headings):  # the bands' headings, first among the annotations
        top = fig.layout[f"yaxis{1 + k * cols if k else ''}"].domain[1]
        fig.add_annotation(text=text, xref="paper", yref="paper", x=0, y=top, yanchor="bottom", xanchor="left",
                           showarrow=False, align="left", font=dict(size=13), yshift=4)
    if part.empty:
        fig.add_annotation(text="Neither jurisdiction has a policy action in the articles.", showarrow=False,
                           xref="paper", yref="paper", x=0.5, y=0.5)
    panel = lambda t: next(i for i, g in enumerate(groups, 1) if t in g)  # noqa: E731
    shown = set()
    for r_, jid in enumerate((a, b), 1):
        mine = part[part["jurisdiction"] == jid]
        for i in range(1, cols + 1):  # every cell keeps its axes, with or without an action
            fig.add_trace(go.Scatter(x=[ranges[i - 1][0]], y=[cats[jid][0]], mode="markers", marker=dict(opacity=0),
                                     hoverinfo="skip", showlegend=False), row=r_, col=i)
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
            fig.add_annotation(text="no policy action reported", showarrow=False, xref="paper", yref="paper", x=0.5,
                               y=sum(fig.layout[f"yaxis{1 + (r_ - 1) * cols if r_ > 1 else ''}"].domain) / 2,
                               font=dict(color="#555555"))
        fig.update_yaxes(categoryorder="array", categoryarray=cats[jid][::-1], showgrid=True, gridcolor="#EEEEEE",
                         range=[-0.6, len(cats[jid]) - 0.4], tickfont=dict(size=12), row=r_, col=1)
    for i, (x0, x1) in enumerate(ranges, 1):
        ticks = _year_ticks(x0, x1)
        for r_ in (1, 2):
            fig.update_xaxes(range=[x0, x1], tickvals=ticks, ticktext=[f"{t:%Y}" if t.month == 1 else f"{t:%b %Y}" for t in ticks],
                             tickangle=0, showticklabels=r_ == 2, row=r_, col=i)
    gaps = [f"{groups[i][-1]:%Y} and {groups[i + 1][0]:%Y}" for i in range(len(groups) - 1)]
    if gaps:
        fig.add_annotation(text="Each marker is one action; hover for its date and evidence.<br>The time axis is cut: nothing between "
                                + "; ".join(gaps) + ".", xref="paper", yref="paper", x=0, y=0, yanchor="top", yshift=-30,
                           xanchor="left", align="left", showarrow=False, font=dict(size=12, color="#555555"))
    title = "; ".join(f"{_escape(kb.place_name(j))} {_story(part[part['jurisdiction'] == j])}" for j in (a, b))
    if len(title) > 80:
        title = title.replace("; ", ";<br>", 1)
    fig = _layout(fig, title, 440, bottom=84)
    fig.update_layout(margin=dict(t=fig.layout.margin.t + 26))
    return fig
