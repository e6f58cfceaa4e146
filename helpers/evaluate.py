"""Measure how well the automatic annotation agrees with the hand coding.

Quotation detection: precision, recall and F1 over speech quotations
(``full`` and ``partial``), a match being the same article and the same span.
Speakers: accuracy over matched quotations. Stance: a confusion matrix and
F_avg = (F_FAVOR + F_AGAINST) / 2, the SemEval-2016 Task 6 measure, beside two
baselines: the majority class, and TextBlob polarity read as stance.

Five articles are a small sample: every figure here comes with its counts.
"""

from __future__ import annotations

import pandas as pd

from .stance import ACTOR_STANCES, STANCES, actors

SPEECH = ("full", "partial")


def prf(tp: int, fp: int, fn: int) -> dict:
    """Return precision, recall and F1 (0.0 when undefined), rounded to 3 places.

    >>> prf(8, 2, 0)
    {'precision': 0.8, 'recall': 1.0, 'f1': 0.889}
    """
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"precision": round(p, 3), "recall": round(r, 3), "f1": round(f, 3)}


def match(auto: pd.DataFrame, hand: pd.DataFrame) -> pd.DataFrame:
    """Return every quotation span of either table, side by side (``_auto`` / ``_hand`` columns).

    ``found`` says which side has the span: ``both``, ``auto only`` or ``hand only``.
    """
    keys = ["article_id", "start", "end"]
    a = auto[keys + ["text", "kind", "speaker_id", "stance", "cues", "attribution"]]
    h = hand[keys + ["text", "kind", "speaker_id", "stance", "note"]]
    merged = a.merge(h, on=keys, how="outer", suffixes=("_auto", "_hand"), indicator=True)
    merged["found"] = merged["_merge"].map({"both": "both", "left_only": "auto only", "right_only": "hand only"}).astype(str)
    merged["text"] = merged["text_hand"].fillna(merged["text_auto"])
    merged = merged.drop(columns=["_merge", "text_auto", "text_hand"]).fillna("")
    return merged.sort_values(keys).reset_index(drop=True)


def detection(merged: pd.DataFrame) -> dict:
    """Return counts and precision/recall/F1 of finding the speech quotations."""
    auto_speech = merged["kind_auto"].isin(SPEECH)
    hand_speech = merged["kind_hand"].isin(SPEECH)
    tp = int((auto_speech & hand_speech).sum())
    fp = int((auto_speech & ~hand_speech).sum())
    fn = int((~auto_speech & hand_speech).sum())
    return {"hand": int(hand_speech.sum()), "auto": int(auto_speech.sum()), "matched": tp,
            "false_positives": fp, "missed": fn, **prf(tp, fp, fn)}


def kinds(merged: pd.DataFrame) -> pd.DataFrame:
    """Return a hand-kind x automatic-kind table over all spans ('(none)' where a side has no span)."""
    hand = merged["kind_hand"].replace("", "(none)")
    auto = merged["kind_auto"].replace("", "(none)")
    order = ["full", "partial", "not speech", "(none)"]
    table = pd.crosstab(hand.rename("hand"), auto.rename("automatic"))
    return table.reindex(index=[o for o in order if o in table.index], columns=[o for o in order if o in table.columns], fill_value=0)


def speech_pairs(merged: pd.DataFrame) -> pd.DataFrame:
    """Return the speech quotations found on both sides."""
    return merged[merged["kind_auto"].isin(SPEECH) & merged["kind_hand"].isin(SPEECH)].reset_index(drop=True)


def speakers(pairs: pd.DataFrame) -> dict:
    """Return how many matched quotations have the hand-coded speaker."""
    correct = int((pairs["speaker_id_auto"] == pairs["speaker_id_hand"]).sum())
    n = len(pairs)
    return {"correct": correct, "n": n, "accuracy": round(correct / n, 3) if n else 0.0}


def confusion(hand: pd.Series, auto: pd.Series, labels=STANCES) -> pd.DataFrame:
    """Return a hand (rows) x automatic (columns) count table over ``labels``.

    >>> confusion(pd.Series(["FAVOR", "NONE"]), pd.Series(["FAVOR", "AGAINST"])).values.tolist()
    [[1, 0, 0], [0, 0, 0], [0, 1, 0]]
    """
    table = pd.crosstab(pd.Categorical(hand, categories=labels), pd.Categorical(auto, categories=labels), dropna=False)
    table.index.name, table.columns.name = "hand", "automatic"
    return table.reindex(index=list(labels), columns=list(labels), fill_value=0)


def _counts(hand: pd.Series, auto: pd.Series, label: str) -> tuple[int, int, int]:
    """Return (true positives, false positives, false negatives) of one label."""
    return (int(((hand == label) & (auto == label)).sum()), int(((hand != label) & (auto == label)).sum()),
            int(((hand == label) & (auto != label)).sum()))


def per_class(hand: pd.Series, auto: pd.Series, labels=STANCES) -> pd.DataFrame:
    """Return precision, recall, F1 and support of each label."""
    rows = []
    for lab in labels:
        tp, fp, fn = _counts(hand, auto, lab)
        rows.append({"label": lab, **prf(tp, fp, fn), "support": int((hand == lab).sum())})
    return pd.DataFrame(rows)


def f_avg(hand: pd.Series, auto: pd.Series) -> float:
    """Return (F_FAVOR + F_AGAINST) / 2, the SemEval-2016 stance measure, rounded to 3 places.

    >>> f_avg(pd.Series(["FAVOR", "AGAINST", "NONE"]), pd.Series(["FAVOR", "AGAINST", "AGAINST"]))
    0.833
    """
    scores = []
    for lab in ("FAVOR", "AGAINST"):
        tp, fp, fn = _counts(hand, auto, lab)  # unrounded, unlike per_class
        scores.append(2 * tp / (2 * tp + fp + fn) if tp else 0.0)
    return round(float(sum(scores) / 2), 3)


def polarity_stance(polarity: float) -> str:
    """Return the stance a reader would guess from polarity alone: > 0 FAVOR, < 0 AGAINST, else NONE.

    >>> [polarity_stance(p) for p in (0.4, -0.1, 0.0)]
    ['FAVOR', 'AGAINST', 'NONE']
    """
    return "FAVOR" if polarity > 0 else "AGAINST" if polarity < 0 else "NONE"


def with_polarity(pairs: pd.DataFrame) -> pd.DataFrame:
    """Return ``pairs`` with ``polarity``: TextBlob polarity of the quotation's own words, in [-1.0, 1.0]."""
    from textblob import TextBlob

    return pairs.assign(polarity=pairs["text"].map(lambda t: round(TextBlob(t.strip('"“” ')).sentiment.polarity, 4)))


def wording_against_position(pairs: pd.DataFrame) -> dict:
    """Return counts of quotations whose wording points the other way from their hand-coded stance.

    ``pairs`` needs ``stance_hand`` and ``text``; a ``polarity`` column, if
    present, is used as it is, else TextBlob scores the quotation's words.
    """
    scored = pairs if "polarity" in pairs.columns else with_polarity(pairs)
    return {
        "AGAINST": int((scored["stance_hand"] == "AGAINST").sum()),
        "AGAINST with positive polarity": int(((scored["stance_hand"] == "AGAINST") & (scored["polarity"] > 0)).sum()),
        "FAVOR": int((scored["stance_hand"] == "FAVOR").sum()),
        "FAVOR with negative polarity": int(((scored["stance_hand"] == "FAVOR") & (scored["polarity"] < 0)).sum()),
    }


def named_set(folder, expected_csv) -> pd.DataFrame:
    """Return :func:`summary` figures for a folder of articles whose expected answers name speakers.

    Used for the invented articles under ``tests/data``: no hand-curated
    knowledge, other names and cities.
    """
    from .pipeline import build

    p = build(folder)
    articles, auto = p.articles, p.quotations
    expected = locate(pd.read_csv(expected_csv, dtype=str, keep_default_na=False), articles)
    return by_name(auto, expected)


def baselines(pairs: pd.DataFrame) -> pd.DataFrame:
    """Return F_FAVOR, F_AGAINST, F_avg and accuracy of the automatic labels and two baselines.

    ``pairs`` are :func:`speech_pairs` rows; the TextBlob baseline scores the
    quotation's own words.
    """
    hand = pairs["stance_hand"]
    majority = hand.value_counts().idxmax() if len(hand) else "NONE"
    polarity = with_polarity(pairs)["polarity"]
    methods = {
        "automatic (stance cues)": pairs["stance_auto"],
        f"majority class (always {majority})": pd.Series([majority] * len(pairs), index=pairs.index),
        "TextBlob polarity as stance (> 0 FAVOR, < 0 AGAINST)": polarity.map(polarity_stance),
    }
    rows = []
    for name, auto in methods.items():
        table = per_class(hand, auto).set_index("label")
        rows.append({
            "method": name, "F_FAVOR": table.loc["FAVOR", "f1"], "F_AGAINST": table.loc["AGAINST", "f1"],
            "F_avg": f_avg(hand, auto), "accuracy": round(float((hand == auto).mean()), 3) if len(hand) else 0.0,
            "n": len(hand),
        })
    return pd.DataFrame(rows)


def actor_agreement(auto: pd.DataFrame, hand: pd.DataFrame) -> pd.DataFrame:
    """Return each hand-coded speaker's stance (FAVOR, AGAINST, NONE or MIXED) by hand and automatically."""
    h = actors(hand).rename(columns={"actor_stance": "hand"})[["speaker_id", "hand"]]
    a = actors(auto).rename(columns={"actor_stance": "automatic"})[["speaker_id", "automatic"]]
    table = h.merge(a, on="speaker_id", how="left").fillna("(not found)")
    table["agrees"] = table["hand"] == table["automatic"]
    return table


def disagreements(merged: pd.DataFrame, sents: pd.DataFrame) -> pd.DataFrame:
    """Return every quotation on which the two sides differ, with what differs and its sentence."""
    rows = []
    for r in merged.itertuples(index=False):
        what = []
        if r.found != "both":
            what.append("span found by " + r.found.replace(" only", "") + " only")
        else:
            if r.kind_auto != r.kind_hand:
                what.append(f"kind: hand {r.kind_hand}, auto {r.kind_auto}")
            if r.kind_hand in SPEECH and r.kind_auto in SPEECH:
                if r.speaker_id_auto != r.speaker_id_hand:
                    what.append(f"speaker: hand {r.speaker_id_hand}, auto {r.speaker_id_auto or '(none)'}")
                if r.stance_auto != r.stance_hand:
                    what.append(f"stance: hand {r.stance_hand}, auto {r.stance_auto}")
        if not what:
            continue
        rows.append({"article_id": r.article_id, "start": r.start, "difference": "; ".join(what),
                     "quote": r.text, "cues": r.cues_auto if hasattr(r, "cues_auto") else r.cues, "hand note": r.note})
    columns = ["article_id", "start", "difference", "quote", "sentence", "cues", "hand note"]
    if not rows:
        return pd.DataFrame(columns=columns)
    found = pd.DataFrame(rows)
    # the sentence each quotation starts in, looked up once for all of them (sentences do not overlap)
    order = found.reset_index().sort_values("start", kind="stable")
    starts = sents[["article_id", "start", "end", "text"]].rename(columns={"start": "s_start", "text": "sentence"})
    hit = pd.merge_asof(order.astype({"start": "int64"}), starts.astype({"s_start": "int64"}).sort_values("s_start", kind="stable"),
                        left_on="start", right_on="s_start", by="article_id", direction="backward")
    hit["sentence"] = hit["sentence"].where(hit["end"] > hit["start"], "").fillna("")
    return hit.set_index("index").sort_index()[columns].rename_axis(None)


def summary(auto: pd.DataFrame, hand: pd.DataFrame) -> pd.DataFrame:
    """Return the headline figures, one row each, with the counts behind them."""
    merged = match(auto, hand)
    det = detection(merged)
    pairs = speech_pairs(merged)
    spk = speakers(pairs)
    fav = f_avg(pairs["stance_hand"], pairs["stance_auto"])
    act = actor_agreement(auto, hand)
    return pd.DataFrame([
        {"measure": "quotation F1", "value": det["f1"],
         "counts": f"{det['matched']} matched of {det['hand']} hand-coded, {det['false_positives']} extra"},
        {"measure": "speaker accuracy", "value": spk["accuracy"], "counts": f"{spk['correct']} of {spk['n']} matched quotations"},
        {"measure": "stance F_avg", "value": fav,
         "counts": f"{int((pairs['stance_hand'] == pairs['stance_auto']).sum())} of {len(pairs)} quotations agree"},
        {"measure": "actor stance accuracy", "value": round(float(act["agrees"].mean()), 3) if len(act) else 0.0,
         "counts": f"{int(act['agrees'].sum())} of {len(act)} speakers agree"},
    ])


__all__ = ["ACTOR_STANCES", "baselines", "confusion", "detection", "disagreements", "f_avg", "kinds", "match",
           "per_class", "polarity_stance", "speakers", "speech_pairs", "summary", "actor_agreement"]


def _fold(name: str) -> str:
    import unicodedata

    plain = unicodedata.normalize("NFKD", name.replace("’", "'")).encode("ascii", "ignore").decode().lower()
    return " ".join(plain.replace("the ", "").split())


def locate(expected: pd.DataFrame, articles: pd.DataFrame) -> pd.DataFrame:
    """Return ``expected`` (columns ``article_id``, ``quote``, ...) with ``start``/``end`` of each quote.

    Quotes are looked up in text order (a repeated quotation gets its next
    occurrence; a quotation nested in the previous one is found inside it). Raises ``ValueError`` for a quote not in its article.
    """
    texts = dict(zip(articles["article_id"], articles["text"]))
    out, cursor = [], {}
    for r in expected.itertuples(index=False):
        text = texts[r.article_id]
        at = text.find(r.quote, cursor.get(r.article_id, 0))
        if at < 0:
            raise ValueError(f"{r.article_id}: {r.quote!r} is not in the text")
        cursor[r.article_id] = at + 1  # a quotation nested in the one before starts inside it
        out.append((at, at + len(r.quote)))
    frame = expected.copy()
    frame["start"] = [s for s, _ in out]
    frame["end"] = [e for _, e in out]
    return frame


def by_name(auto: pd.DataFrame, expected: pd.DataFrame) -> pd.DataFrame:
    """Return the headline figures for texts whose expected speakers are names, not actor ids.

    ``expected`` comes from :func:`locate` and names speakers as the text
    does (e.g. 'Ana Ruiz'); a speaker is right when the automatic name is the
    same up to case, accents and a leading 'the'.
    """
    hand = expected.assign(speaker_id=expected["speaker"].fillna("").map(_fold), text=expected["quote"], note="")
    auto = auto.assign(speaker_id=auto["speaker"].fillna("").map(_fold))
    return summary(auto, hand)
