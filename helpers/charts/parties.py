"""Charts of notebook 03: stance and tone by party, and the words that set the parties' quotations apart.

Party is never drawn in a stance colour: rows name the party, and where a
mark stands for a party it is black or grey with a shape of its own
(:data:`PARTY_COLORS`, :data:`PARTY_SYMBOLS`).
"""

from __future__ import annotations

import math

import pandas as pd
import plotly.graph_objects as go

from ..vocabulary import STANCE_ORDER
from .style import (MARKS, OKABE_ITO, PARTY_COLORS, PARTY_SYMBOLS, STANCE_COLORS, STANCE_LABELS, _escape, _layout, _note,
                    wrap)


def _shares_finding(table: pd.DataFrame, stances: list[str], unit: str) -> str:
    """Return each of the largest rows' leading stance and its share, e.g. "Democratic: 94% AGAINST of 35"."""
    parts = []
    for row, r in table.sort_values("n", ascending=False, kind="stable").head(3).iterrows():
        lead = max(stances, key=lambda s: r[f"% {s}"])
        parts.append(f"{row}: {r[f'% {lead}']:.0f}% {lead} of {int(r['n'])}")
    return "; ".join(parts)


def stance_shares(table: pd.DataFrame, title: str | None = None, unit: str = "quotations") -> go.Figure:
    """Return stacked horizontal bars: the share of each stance in each row of a stance-count table.

    ``table`` is :func:`helpers.parties.stance_counts` (or any
    :func:`helpers.quotebook.tally`); each segment shows its count, each bar
    ends with its n, and hover gives count and share. The title states each
    large row's leading stance and share; ``title`` (what the rows are, e.g.
    "Stance by party, per quotation") goes on a second line.
    """
    stances = [s for s in STANCE_ORDER if s in table.columns]
    rows = [str(i) for i in table.index]
    fig = go.Figure()
    for stance in stances:
        share = table[f"% {stance}"]
        fig.add_trace(go.Bar(
            y=rows, x=share, orientation="h", name=STANCE_LABELS[stance], marker_color=STANCE_COLORS[stance],
            text=[str(c) if c else "" for c in table[stance]], textposition="inside", insidetextanchor="middle",
            textfont=dict(color="white", size=13), customdata=list(zip(table[stance], table["n"])),
            hovertemplate=f"<b>%{{y}}</b><br>{stance}: %{{customdata[0]}} of %{{customdata[1]}} {unit} (%{{x:.0f}}%)<extra></extra>",
        ))
    for row, n in zip(rows, table["n"]):
        fig.add_annotation(x=100, y=row, text=f" n = {n}", showarrow=False, xanchor="left", font=dict(size=13))
    fig.update_layout(barmode="stack", bargap=0.3)
    fig.update_xaxes(range=[0, 113], ticksuffix="%", tickvals=[0, 25, 50, 75, 100],
                     title_text=f"share of the {unit} (n = number of {unit})")
    fig.update_yaxes(autorange="reversed", title_text=None)
    finding = _shares_finding(table, stances, unit) if len(table) else "Nothing to count"
    full = finding if not title else f"{finding}<br><span style='font-size:13px'>{_escape(title)}</span>"
    return _layout(fig, full, min(460, 230 + 44 * len(rows)))


def sentiment_by_party(tables: dict[str, pd.DataFrame]) -> go.Figure:
    """Return each party's mean sentiment with its bootstrap interval, one marker per lexicon.

    ``tables`` maps a lexicon label to :func:`helpers.parties.sentiment_by`.
    Rows are parties; the marker's shape and fill is the lexicon (black
    circle, then open diamond, then grey square), never a party or stance
    colour. Horizontal bars are 95% intervals (none with a single speaker);
    the row label gives n quotations and speakers. The title says whether
    the intervals of the two largest parties overlap.
    """
    fig = go.Figure()
    looks = [("circle", "#000000"), ("diamond-open", "#000000"), ("square", "#5A5A5A")]
    first = next(iter(tables.values()))
    rows = {p: i for i, p in enumerate(first["party"])}
    k = len(tables)
    for i, (name, table) in enumerate(tables.items()):
        offset = (i - (k - 1) / 2) * 0.28
        symbol, color = looks[i % len(looks)]
        fig.add_trace(go.Scatter(
            x=table["mean"], y=[rows[p] + offset for p in table["party"]], mode="markers", name=name,
            marker=dict(symbol=symbol, size=13, color=color, line=dict(color=color, width=2)),
            error_x=dict(type="data", symmetric=False, array=(table["hi"] - table["mean"]).fillna(0),
                         arrayminus=(table["mean"] - table["lo"]).fillna(0), color="#555555", thickness=1.5, width=5),
            customdata=list(zip(table["party"], table["lo"], table["hi"], table["n"], table["n_speakers"])),
            hovertemplate=(f"<b>%{{customdata[0]}}</b>, {name}<br>mean %{{x:.3f}}, 95% interval %{{customdata[1]:.3f}} to "
                           "%{customdata[2]:.3f}<br>%{customdata[3]} quotations by %{customdata[4]} speakers<extra></extra>"),
        ))
    fig.add_vline(x=0, line=dict(color=OKABE_ITO["grey"], dash="dot"))
    fig.update_layout(legend=dict(title=dict(text="marker: lexicon")))
    fig.update_xaxes(title_text="mean sentiment of the party's quotations (−1 negative wording, +1 positive)")
    fig.update_yaxes(tickvals=list(rows.values()), range=[len(rows) - 0.5, -0.5], title_text=None, showgrid=True,
                     gridcolor="#F2F2F2", ticktext=[f"{p}<br><span style='font-size:11px'>n = {n} quotations, {s_} speakers</span>"
                                                    for p, n, s_ in zip(first["party"], first["n"], first["n_speakers"])])
    _note(fig, "Bars: 95% bootstrap intervals, resampling speakers (seeded); none with a single speaker.")
    big = first.sort_values("n", ascending=False).head(2)
    if len(big) == 2 and big[["lo", "hi"]].notna().all().all():
        (a, ra), (b, rb) = [(r.party, r) for r in big.itertuples()]
        overlap = ra.lo <= rb.hi and rb.lo <= ra.hi
        title = (f"Tone by party ({next(iter(tables))}): {a} {ra.mean:+.2f}, {b} {rb.mean:+.2f};"
                 f"<br>the 95% intervals {'overlap: no clear difference in tone' if overlap else 'do not overlap'}")
    else:
        title = "Tone by party: how positive is the wording, and how sure can we be?"
    return _layout(fig, title, min(460, 250 + 60 * len(rows)))


def _place_labels(points: list[tuple[float, float, str, float]], xrange: tuple[float, float], yrange: tuple[float, float],
                  size: tuple[float, float] = (900, 300)) -> list[tuple[float, float, str, int, int]]:
    """Return labels placed without overlap: (x, y, text, ax, ay), ``ax``/``ay`` the label's offset in pixels.

    ``points`` are (x, y, text, priority), placed in order of priority
    (highest first); each label tries a few positions around its point and
    is left out when none is free.

    >>> [p[2] for p in _place_labels([(0, 0, "a", 2), (0, 0, "b", 1)], (-1, 1), (-1, 1))]
    ['a', 'b']
    """
    (x0, x1), (y0, y1) = xrange, yrange
    w, h = size
    placed: list[tuple[float, float, float, float]] = []
    out = []
    offsets = [(0, -22), (0, 22), (40, -22), (-40, -22), (40, 22), (-40, 22), (60, 0), (-60, 0), (0, -44), (0, 44)]
    for x, y, text, _ in sorted(points, key=lambda p: -p[3]):
        px, py = (x - x0) / (x1 - x0) * w, (y1 - y) / (y1 - y0) * h
        half_w, half_h = 3.6 * len(text) + 3, 9
        for ax, ay in offsets:
            cx, cy = px + ax, py + ay
            box = (cx - half_w, cy - half_h, cx + half_w, cy + half_h)
            if 0 <= box[0] and box[2] <= w and -20 <= box[1] and box[3] <= h + 20 and not any(
                    box[0] < b[2] and b[0] < box[2] and box[1] < b[3] and b[1] < box[3] for b in placed):
                placed.append(box)
                out.append((x, y, text, ax, ay))
                break
    return out


def distinctive_terms(terms: pd.DataFrame, texts_a: pd.DataFrame, texts_b: pd.DataFrame, a: str, b: str,
                      label: int = 6, threshold: float = 1.96, min_count: int = 2) -> go.Figure:
    """Return a dot plot of the words' log-odds z-scores: one dot per word, stacked where scores are alike.

    ``terms`` is :func:`helpers.words.distinctive` of group ``a`` against
    ``b``; ``texts_a`` and ``texts_b`` are quotation-book rows (``text``,
    ``speaker``) of each group: hovering a word shows where the quotations of
    each group use it. Words used fewer than ``min_count`` times are left out
    (the title says how many). Further right leans to ``a``, further left
    to ``b``; the shaded middle is within chance (|z| < ``threshold``). A
    word leaning to ``a`` is a circle, to ``b`` a square; black or dark grey
    beyond ``threshold``, mid grey within it. Only words beyond the
    threshold are written on the chart (at most ``label`` each way, without
    overlap); when none is, the chart and its title say so plainly.
    """
    from ..words import tokens

    def where(rows: pd.DataFrame) -> dict[str, list[int]]:
        # each quotation read once: for every word, the positions of the quotations that use it
        index: dict[str, list[int]] = {}
        for i, text in enumerate(rows["text"]):
            for word in dict.fromkeys(tokens(text)):
                index.setdefault(word, []).append(i)
        return index

    def uses(rows: pd.DataFrame, index: dict[str, list[int]], term: str) -> str:
        found = index.get(term, [])
        shown = []
        for i in found[:2]:
            text = rows["text"].iloc[i]
            at = text.lower().replace("’", "'").find(term)
            lo, hi = max(at - 45, 0), min(at + len(term) + 45, len(text))
            snippet = ("…" if lo else "") + text[lo:hi] + ("…" if hi < len(text) else "")
            shown.append(f"{_escape(rows['speaker'].iloc[i])}: {wrap(snippet, 70)}")
        more = f"<br>… and {len(found) - 2} more" if len(found) > 2 else ""
        return "<br>".join(shown) + more if shown else "(none)"

    index_a, index_b = where(texts_a), where(texts_b)
    kept = terms[terms["total"] >= min_count].reset_index(drop=True)
    n_kept = len(kept)
    if n_kept > MARKS:  # a large vocabulary: the words beyond the threshold, then the most used, up to MARKS
        order = (kept["z"].abs() < threshold).astype(int).to_frame("within").assign(total=-kept["total"])
        keep = order.sort_values(["within", "total"], kind="stable").index[:MARKS]
        kept = kept.loc[sorted(keep)].reset_index(drop=True)
    # a dot plot: words in bins of a quarter of z, stacked from the bottom, the most used first
    step = 0.25
    frame = kept.assign(bin=(kept["z"] / step).round().astype(int) if len(kept) else [])
    frame["y"] = frame.sort_values(["bin", "total"], ascending=[True, False], kind="stable").groupby("bin").cumcount() + 1
    frame["x"] = frame["bin"] * step
    tallest = int(frame["y"].max()) if len(frame) else 1
    ca, cb = PARTY_COLORS.get(a, "#000000"), PARTY_COLORS.get(b, "#5A5A5A")
    sa, sb = PARTY_SYMBOLS.get(a, "circle"), PARTY_SYMBOLS.get(b, "square")
    light = "#8C8C8C"
    groups = [
        (frame["z"] >= threshold, f"distinctive of {a} (z ≥ {threshold})", ca, sa),
        ((frame["z"] > 0) & (frame["z"] < threshold), f"leans {a}, within chance", light, sa),
        ((frame["z"] <= 0) & (frame["z"] > -threshold), f"leans {b}, within chance", light, sb),
        (frame["z"] <= -threshold, f"distinctive of {b} (z ≤ −{threshold})", cb, sb),
    ]
    size = max(3.0, min(11.0, 0.8 * 250 / tallest))
    fig = go.Figure()
    for mask, name, color, symbol in groups:
        rows = frame[mask]
        fig.add_trace(go.Scatter(
            x=rows["x"], y=rows["y"], mode="markers", name=name,
            marker=dict(size=size, color=color, symbol=symbol, opacity=1, line=dict(color="white", width=0.8 if size > 5 else 0)),
            customdata=[(t, n_a, n_b, uses(texts_a, index_a, t), uses(texts_b, index_b, t), z) for t, n_a, n_b, z in
                        zip(rows["term"], rows["count_a"], rows["count_b"], rows["z"])],
            hovertemplate=(f"<b>%{{customdata[0]}}</b>: z = %{{customdata[5]:.2f}}<br>{a}: %{{customdata[1]}} · {b}: %{{customdata[2]}}"
                           f"<br><br><b>{a}</b><br>%{{customdata[3]}}<br><br><b>{b}</b><br>%{{customdata[4]}}<extra></extra>"),
        ))
    bound = max(threshold + 0.75, float(frame["z"].abs().max()) + 0.5 if len(frame) else 0)
    ytop = 1.5 * tallest + 2  # room above the tallest stack for the labels and the message
    fig.add_vrect(x0=-threshold, x1=threshold, fillcolor="#EEEEEE", opacity=1, line_width=0, layer="below")
    for x in (threshold, -threshold):
        fig.add_vline(x=x, line=dict(color="#555555", dash="dot", width=1))
    fig.add_annotation(text="within chance", x=0, y=ytop, yanchor="top", showarrow=False, font=dict(size=12, color="#555555"))
    beyond = frame[frame["z"].abs() >= threshold]
    ends = pd.concat([beyond[beyond["z"] > 0].sort_values("z", ascending=False).head(label),
                      beyond[beyond["z"] < 0].sort_values("z").head(label)])
    for x, y, text, ax, ay in _place_labels([(r.x, r.y, _escape(r.term), abs(r.z)) for r in ends.itertuples()],
                                            (-bound, bound), (0, ytop)):
        fig.add_annotation(x=x, y=y, text=text, ax=ax, ay=ay, showarrow=True, arrowhead=0, arrowwidth=1,
                           arrowcolor="#555555", font=dict(size=13, color="#000000"), bgcolor="rgba(255,255,255,0.85)")
    n_sig = int((terms.loc[terms["total"] >= min_count, "z"].abs() >= threshold).sum())
    if n_sig == 0:
        fig.add_annotation(text=f"<b>No word lies beyond the dotted lines</b><br>none is distinctive of {_escape(a)} or {_escape(b)}",
                           x=0, y=1.25 * tallest + 1.5, showarrow=False, font=dict(size=14, color="#000000"),
                           bgcolor="rgba(255,255,255,0.9)")
    fig.update_xaxes(range=[-bound, bound], zeroline=False,
                     title_text=f"log-odds z-score: ← more typical of {b} · more typical of {a} →")
    fig.update_yaxes(range=[0, ytop], title_text="words (one dot each)", rangemode="tozero")
    left_out = len(terms) - n_kept
    if n_sig == 0:
        finding = (f"No word separates the {a} and {b} quotations beyond chance"
                   f"<br>(0 of {n_kept:,} words reach |z| ≥ {threshold})")
    else:
        finding = (f"{n_sig:,} of {n_kept:,} words set the {a} and {b} quotations apart"
                   f"<br>beyond chance (|z| ≥ {threshold})")
    drawn = (f"<br>Drawn: {len(kept):,} of the {n_kept:,} words, those beyond the dotted lines first, then the most used."
             if len(kept) < n_kept else "")
    _note(fig, f"Dotted lines: |z| = {threshold}, which chance alone passes 1 time in 20. {left_out:,} words used only once "
               "are left out. Hover a dot for its word." + drawn)
    return _layout(fig, finding, 440)
