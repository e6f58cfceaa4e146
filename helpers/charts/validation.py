"""Charts of notebook 04: how well the automatic annotation agrees with the hand coding, in-sample and held out.

A figure measured on text the rules were written on is in-sample: it is
drawn hatched and labelled so, and never alone.
"""

from __future__ import annotations

import re

import pandas as pd
import plotly.graph_objects as go

from .style import OKABE_ITO, _escape, _layout, _note

#: The measures of :func:`validation_overview`, in the order of the panels.
MEASURES = ("quotation F1", "speaker accuracy", "stance F_avg")
_HELD_OUT_GREYS = ("#000000", "#5A5A5A", "#8C8C8C", "#B4B4B4")


def agreement(scores: pd.DataFrame) -> go.Figure:
    """Return grouped bars of F_FAVOR, F_AGAINST and F_avg (0 to 1) for each method.

    ``scores`` is :func:`helpers.evaluate.baselines`; each bar's hover and
    the title give the number of quotations behind it. The title compares
    the automatic labels' F_avg with the best baseline's and says the
    figures are in-sample (the rules were written on these articles).
    """
    fig = go.Figure()
    measures = [("F_FAVOR", OKABE_ITO["vermillion"]), ("F_AGAINST", OKABE_ITO["blue"]), ("F_avg", OKABE_ITO["black"])]
    names = [m.replace(" (", "<br>(") for m in scores["method"]]
    for measure, color in measures:
        fig.add_trace(go.Bar(
            x=names, y=scores[measure], name=measure, marker_color=color, text=[f"{v:.2f}" for v in scores[measure]],
            textposition="outside", customdata=scores["n"], textfont=dict(size=13),
            hovertemplate=f"%{{x}}<br>{measure} = %{{y:.3f}} over %{{customdata}} quotations<extra></extra>",
        ))
    n = int(scores["n"].iloc[0]) if len(scores) else 0
    fig.update_yaxes(range=[0, 1.15], title_text="F1 (1 = agrees with the hand coding)")
    fig.update_xaxes(tickfont=dict(size=12))
    fig.update_layout(barmode="group", legend=dict(title=dict(text="measure (F_FAVOR, F_AGAINST: per stance; F_avg: their mean):")))
    _note(fig, "In-sample: the rules were written on these articles. The held-out estimate is in the overview chart.")
    if len(scores) > 1:
        best = scores.iloc[1:].sort_values("F_avg", ascending=False).iloc[0]
        title = (f"Stance cues reach F_avg {scores['F_avg'].iloc[0]:.2f} on the corpus they were written on (in-sample);"
                 f"<br>the best baseline, {_escape(best['method'].split(' (')[0])}, {best['F_avg']:.2f} ({n} quotations)")
    else:
        title = f"Stance: automatic cues against the hand coding ({n} quotations)"
    return _layout(fig, title)


def scores_table(named: dict[str, pd.DataFrame], in_sample=()) -> pd.DataFrame:
    """Return one tidy row per set and measure, for :func:`validation_overview`.

    ``named`` maps a set's name to :func:`helpers.evaluate.summary` (or
    ``named_set``, or :func:`helpers.validation.figures`) figures; ``n`` is read
    from their ``counts`` or ``count`` ("56 of 59 quotations agree": 59;
    "149 matched, 3 missed, 7 extra": 152) unless they carry an ``n`` column; ``low`` and
    ``high`` are copied when present. Sets named in ``in_sample`` are marked so.

    >>> t = pd.DataFrame({"measure": ["stance F_avg"], "value": [0.98], "counts": ["56 of 59 quotations agree"]})
    >>> scores_table({"corpus": t}, in_sample={"corpus"})[["set", "n", "in_sample"]].values.tolist()
    [['corpus', 59, True]]
    >>> t = pd.DataFrame({"measure": ["quotation F1"], "value": [0.97], "count": ["149 matched, 3 missed, 7 extra"]})
    >>> scores_table({"blind": t})[["set", "n", "in_sample"]].values.tolist()
    [['blind', 152, False]]
    """
    rows = []
    for name, table in named.items():
        for r in table.to_dict("records"):
            n = r.get("n")
            if n is None or pd.isna(n):
                text = str(r.get("counts", r.get("count", "")))
                found = re.search(r"of (\d+)", text)
                parts = re.search(r"(\d+) matched, (\d+) missed", text)
                n = int(found.group(1)) if found else int(parts.group(1)) + int(parts.group(2)) if parts else None
            rows.append({"set": name, "measure": r["measure"], "value": r["value"], "n": n,
                         "low": r.get("low"), "high": r.get("high"), "in_sample": name in set(in_sample)})
    return pd.DataFrame(rows, columns=["set", "measure", "value", "n", "low", "high", "in_sample"])


def _overview_finding(scores: pd.DataFrame) -> str:
    """Return the title: the measure that falls most from in-sample to held-out text, and the one that holds best."""
    held, inside = scores[~scores["in_sample"]], scores[scores["in_sample"]]
    if held.empty or inside.empty:
        return "Agreement with the hand coding, by set"
    drops = []
    for measure in dict.fromkeys(scores["measure"]):
        a, b = inside.loc[inside["measure"] == measure, "value"], held.loc[held["measure"] == measure, "value"]
        if len(a) and len(b):
            drops.append((float(a.max()) - float(b.min()), measure, float(a.max()), float(b.min())))
    if not drops:
        return "Agreement with the hand coding, by set"
    drops.sort(reverse=True)
    _, worst, w_in, w_out = drops[0]
    title = f"On text the rules were not written on, {worst} falls from {w_in:.2f} to {w_out:.2f}"
    if len(drops) > 1:
        _, best, b_in, b_out = drops[-1]
        title += f";<br>{best} holds best ({b_in:.2f} in-sample, {b_out:.2f} held out)"
    return title


def validation_overview(scores: pd.DataFrame) -> go.Figure:
    """Return the agreement of the rules with the hand coding on every set, in-sample sets marked as such.

    ``scores`` is a tidy table with columns ``set``, ``measure``, ``value``
    (0 to 1), ``n``, ``low``, ``high`` (a 95% interval, or empty) and
    ``in_sample`` (True for text the rules were written or tuned on), e.g.
    :func:`scores_table`. One panel per measure (quotation F1, speaker
    accuracy, stance F_avg, then any other), one bar per set in the order
    given: in-sample sets hatched and labelled "in-sample", held-out sets
    solid; each bar is labelled with its value and n, with its interval
    when given. The title names the measure that falls most on held-out text.
    """
    from plotly.subplots import make_subplots

    measures = [m for m in MEASURES if m in set(scores["measure"])] + \
        [m for m in dict.fromkeys(scores["measure"]) if m not in MEASURES]
    sets = list(dict.fromkeys(scores["set"]))
    inside = dict(zip(scores["set"], scores["in_sample"].astype(bool)))
    fig = make_subplots(rows=1, cols=max(len(measures), 1), shared_yaxes=True, horizontal_spacing=0.03,
                        subplot_titles=[f"<b>{m}</b>" for m in measures] or [""])
    greys = iter(_HELD_OUT_GREYS * 4)
    colour = {s: ("#FFFFFF" if inside[s] else next(greys)) for s in sets}
    for k, s in enumerate(sets):
        part = scores[scores["set"] == s]
        for col, m in enumerate(measures, 1):
            row = part[part["measure"] == m]
            if row.empty:
                continue
            r = row.iloc[0]
            has_ci = pd.notna(r["low"]) and pd.notna(r["high"]) if "low" in row else False
            n = "" if pd.isna(r["n"]) else f"n = {int(r['n'])}"
            fig.add_trace(go.Bar(
                x=[k], y=[r["value"]], name=_escape(s) + (" — in-sample, an upper bound (hatched)" if inside[s] else " — held out"),
                legendgroup=s, showlegend=col == 1, width=0.8,
                marker=dict(color=colour[s], line=dict(color="#000000", width=1.5),
                            pattern=dict(shape="/" if inside[s] else "", fgcolor="#000000", size=8, solidity=0.25)),
                error_y=dict(type="data", symmetric=False, array=[r["high"] - r["value"]], arrayminus=[r["value"] - r["low"]],
                             color="#333333", thickness=1.5, width=6) if has_ci else None,
                text=[f"{r['value']:.2f}<br>{n}"], textposition="outside", textfont=dict(size=12), cliponaxis=False,
                customdata=[(s, m, n, "in-sample: the rules were written or tuned on it" if inside[s] else "held out")],
                hovertemplate="<b>%{customdata[0]}</b><br>%{customdata[1]} = %{y:.3f} (%{customdata[2]})<br>"
                              "%{customdata[3]}<extra></extra>",
            ), row=1, col=col)
        for col in range(1, len(measures) + 1):
            # two short lines under each bar, never slanted into their neighbours
            fig.update_xaxes(tickvals=list(range(len(sets))), ticktext=["in-sample" if inside[x] else "held out" for x in sets],
                             tickangle=-90, tickfont=dict(size=11), range=[-0.6, len(sets) - 0.4], row=1, col=col)
    fig.update_yaxes(range=[0, 1.22], tickvals=[0, 0.25, 0.5, 0.75, 1], title_text="agreement with the hand coding<br>(1 = perfect)",
                     row=1, col=1)
    fig.update_layout(bargap=0.15, legend=dict(title=dict(text="set:")))
    fig = _layout(fig, _overview_finding(scores))
    fig.update_layout(margin=dict(t=fig.layout.margin.t + 24))
    for a in fig.layout.annotations:  # the panel titles sit just above their panels
        if a.text and a.text.startswith("<b>"):
            a.update(font=dict(size=13))
    return fig
