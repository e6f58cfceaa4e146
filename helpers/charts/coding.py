"""Chart of notebook 05: how far each coder agrees with the reference coding.

Drawn for a projector: every coder labelled (the ticks are set, never
thinned by plotly), every text at least 14 px, one bar per coder with its
kappa and the number of quotations it rests on written beside it.
"""

from __future__ import annotations

import math

import pandas as pd
import plotly.graph_objects as go

from .style import OKABE_ITO, _empty, _escape, _layout

#: Thresholds content analysts use for a chance-corrected agreement (Krippendorff 2004): (value, what it allows).
GUIDES = ((0.67, "0.67: tentative"), (0.8, "0.8: trusted"))
#: Least size of any text of the chart, in pixels (a class reads it on a projector).
SMALLEST = 14
#: Pixels per coder row: 44 for a few coders, less for a class (to fit a slide), never under 28 (a 15 px label and air).
_ROW, _LEAST_ROW = 44, 28


def coder_agreement(scores: pd.DataFrame, title: str | None = None) -> go.Figure:
    """Return one horizontal bar per coder: Cohen's kappa with the reference coding, in [-1.0, 1.0], and its n.

    ``scores`` is :func:`helpers.coding.kappas`: ``coder``, ``quotations``
    (n), ``agree``, ``kappa``, ``changed`` and ``automatic``. Coders are drawn
    top to bottom in their order, in black; the automatic labels, last, in
    grey and hatched, marked in-sample. Beside each bar: the kappa and n; a
    coder with fewer than two quotations has no kappa and says so. Dashed lines
    mark 0.67 and 0.8; the hover adds how many quotations agree and how many
    the coder changed after seeing the reference (not counted).

    >>> s = pd.DataFrame({"coder": ["Ana María", "automatic"], "quotations": [20, 20], "agree": [18, 19],
    ...                   "kappa": [0.84, 0.92], "changed": [1, 0], "automatic": [False, True]})
    >>> [t.text for t in coder_agreement(s).data]
    [('0.84 (n = 20)',), ('0.92 (n = 20)',)]
    """
    title = title or "Each coder's agreement with the reference coding (Cohen's kappa)"
    if scores.empty:
        return _empty(title, "No coder has answered yet.")
    rows = scores.reset_index(drop=True)
    labels = [_escape(_label(r)) for r in rows.itertuples(index=False)]
    fig = go.Figure()
    for r, label in zip(rows.itertuples(index=False), labels):
        missing = r.kappa is None or (isinstance(r.kappa, float) and math.isnan(r.kappa))
        hover = (f"<b>{label}</b><br>Cohen's kappa with the reference: {'none' if missing else f'{r.kappa:.3f}'}<br>"
                 f"{r.agree} of {r.quotations} quotations agree")
        if getattr(r, "changed", 0):
            hover += f"<br>changed {r.changed} answer(s) after seeing the reference (not counted: first answers only)"
        automatic = bool(getattr(r, "automatic", False))
        fig.add_trace(go.Bar(
            x=[0 if missing else r.kappa], y=[label], orientation="h", name=label, showlegend=False, width=0.6,
            marker=dict(color="#FFFFFF" if automatic else "#000000", line=dict(color="#000000", width=1.5),
                        pattern=dict(shape="/" if automatic else "", fgcolor="#000000", size=8, solidity=0.25)),
            text=[_value(r, missing)], textposition="none", hovertemplate=hover + "<extra></extra>",
        ))
        fig.add_annotation(x=1.04, y=label, xanchor="left", text=_value(r, missing), showarrow=False,
                           font=dict(size=15, color="#000000"))
    fig.add_annotation(x=1.04, y=1, yref="paper", yanchor="bottom", xanchor="left", text="kappa (n quotations)",
                       showarrow=False, font=dict(size=SMALLEST, color="#333333"))
    low = min(0.0, min((k for k in rows["kappa"] if pd.notna(k)), default=0.0))
    for value, name in GUIDES:
        fig.add_vline(x=value, line=dict(color="#5A5A5A", width=2, dash="dash"), layer="below")
        fig.add_annotation(x=value, y=1, yref="paper", yanchor="bottom", text=name, showarrow=False,
                           font=dict(size=SMALLEST, color="#333333"), xanchor="right" if value < 0.7 else "left")
    fig.update_xaxes(range=[low - 0.05 if low < 0 else 0, 1.4], tickvals=[v / 10 for v in range(-10, 11, 2)
                                                                          if v / 10 >= low - 1e-9],
                     tickfont=dict(size=15), title=dict(text="Cohen's kappa with the reference (1 = always the same label, "
                                                             "0 = no better than chance)", font=dict(size=15)))
    fig.update_yaxes(type="category", tickmode="array", tickvals=labels, ticktext=labels, autorange="reversed",
                     tickfont=dict(size=15), showline=False, ticks="")
    height = max(300, 180 + max(_LEAST_ROW, min(_ROW, 290 // len(rows))) * len(rows))
    fig = _layout(fig, title, height=height)
    fig.update_layout(showlegend=False, bargap=0.3, hoverlabel=dict(font_size=SMALLEST),
                      title_font_size=max(18, fig.layout.title.font.size or 0))
    fig.layout.margin.t = (fig.layout.margin.t or 0) + 22  # room for the guide lines' labels above the plot
    return fig


def _value(row, missing: bool) -> str:
    """Return what is written beside a coder's bar: the kappa and n, or why there is none."""
    if missing:
        return f"no kappa (n = {row.quotations})"
    return f"{row.kappa:.2f} (n = {row.quotations})"


def _label(row) -> str:
    """Return a coder's row label: the name, or what the automatic labels are."""
    return "automatic labels (in-sample)" if getattr(row, "automatic", False) else str(row.coder)
