"""Party: who belongs to which, how we know, and what stance and tone each party's speakers take.

Party facts come from ``knowledge/actors.csv``, each marked ``stated`` (an
article says it, with its words), ``implied`` (the article's words make it
plain), or ``outside the corpus``; ``nonpartisan_office`` says whether the
office itself is officially nonpartisan (many mayors are elected on
nonpartisan ballots even when everyone knows their party).

With a few dozen quotations by a couple of dozen speakers, every share here
comes with its n, and every mean with a bootstrap interval that resamples
*speakers*, not quotations: one talkative mayor is one speaker.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from .knowledge import Knowledge
from .quotebook import tally
from .stance import actors as actor_stances
from .vocabulary import STANCE_ORDER, STANCES

#: Party labels as the quotation book writes them, in the order charts use.
PARTIES = ["Democratic", "Republican", "no party", "no party (organisation)", "party unknown"]
#: The two periods the articles fall into (Trump's first campaign and term; his second term).
PERIODS = {"2016–2018": ("2016-01-01", "2019-01-01"), "2026": ("2026-01-01", "2027-01-01")}
SEED = 2016


def period(when) -> str:
    """Return the period a date falls in: '2016–2018', '2026', or '' for neither.

    >>> period("2017-06-25"), period("2026-02-01"), period("2021-01-01")
    ('2016–2018', '2026', '')
    """
    when = pd.Timestamp(when)
    return next((name for name, (a, b) in PERIODS.items() if pd.Timestamp(a) <= when < pd.Timestamp(b)), "")


def with_period(book: pd.DataFrame) -> pd.DataFrame:
    """Return ``book`` with ``period`` (:func:`period` of the article's date) and ``party_period`` ("Democratic, 2026").

    >>> with_period(pd.DataFrame({"party": ["Republican"], "published": [pd.Timestamp("2017-01-27")]}))["party_period"].tolist()
    ['Republican, 2016–2018']
    """
    periods = book["published"].map(period)
    return book.assign(period=periods, party_period=book["party"] + ", " + periods)


def actors(kb: Knowledge, book: pd.DataFrame) -> pd.DataFrame:
    """Return one row per person in ``knowledge/actors.csv``: office, party and its source, and stance if quoted.

    ``party_evidence`` holds the article's words where the party is stated
    or implied; ``n_quotes`` counts the person's speech quotations;
    ``stance_hand`` and ``stance_auto`` are the actor's stance (FAVOR,
    AGAINST, NONE or MIXED; "" when not quoted).
    """
    from .quotebook import party_label

    people = kb.actors[kb.actors["kind"] == "person"].copy()
    hand = actor_stances(book, column="stance_hand") if len(book) else pd.DataFrame(columns=["speaker_id", "actor_stance"])
    auto = actor_stances(book, column="stance_auto") if len(book) else pd.DataFrame(columns=["speaker_id", "actor_stance"])
    people["party_label"] = [party_label(p, "person") for p in people["party"]]
    people["jurisdiction_name"] = [kb.place_name(j) if j else "" for j in people["jurisdiction"]]
    people["n_quotes"] = people["id"].map(book.groupby("speaker_id").size() if len(book) else {}).fillna(0).astype(int)
    people["stance_hand"] = people["id"].map(dict(zip(hand["speaker_id"], hand["actor_stance"]))).fillna("")
    people["stance_auto"] = people["id"].map(dict(zip(auto["speaker_id"], auto["actor_stance"]))).fillna("")
    order = {p: i for i, p in enumerate(PARTIES)}
    people = people.sort_values(["party_label", "n_quotes", "name"], key=lambda s: s.map(order) if s.name == "party_label" else
                                (-s if s.name == "n_quotes" else s), kind="stable")
    return people[["id", "name", "role", "jurisdiction_name", "party_label", "party_source", "party_evidence",
                   "party_article", "nonpartisan_office", "n_quotes", "stance_hand", "stance_auto"]].reset_index(drop=True)


def stance_counts(book: pd.DataFrame, level: str = "quote", by: str = "hand", group: str = "party") -> pd.DataFrame:
    """Return stance counts and shares (percent) per party, per quotation or per speaker, with ``n``.

    ``level="quote"`` counts quotations; ``level="actor"`` counts speakers,
    each with one stance (FAVOR and AGAINST quotations together make MIXED).
    ``by`` picks the hand-coded or automatic stance.

    >>> book = pd.DataFrame({"party": ["Republican", "Republican", "Democratic"], "speaker_id": ["g", "g", "e"],
    ...                      "kind": ["full"] * 3, "stance_hand": ["FAVOR", "AGAINST", "AGAINST"]})
    >>> stance_counts(book, level="actor")[["FAVOR", "AGAINST", "MIXED", "n"]].values.tolist()
    [[0, 1, 0, 1], [0, 0, 1, 1]]
    """
    column = {"hand": "stance_hand", "auto": "stance_auto"}[by]
    if level == "actor":
        per = actor_stances(book, column=column)[["speaker_id", "actor_stance"]]
        party = book.drop_duplicates("speaker_id").set_index("speaker_id")[group]
        frame = pd.DataFrame({group: per["speaker_id"].map(party), "stance": per["actor_stance"]})
        labels = list(STANCE_ORDER)
    elif level == "quote":
        frame = pd.DataFrame({group: book[group], "stance": book[column]})
        labels = list(STANCES)
    else:
        raise ValueError(f"level must be 'quote' or 'actor'; got {level!r}")
    groups = [p for p in PARTIES if p in set(frame[group])] if group == "party" else list(dict.fromkeys(frame[group]))
    return tally(frame[group], frame["stance"], labels, groups)


def bootstrap(values, clusters=None, n_boot: int = 2000, seed: int = SEED, level: float = 0.95) -> dict:
    """Return the mean of ``values`` with a percentile bootstrap interval, resampling ``clusters`` if given.

    With ``clusters`` (e.g. speaker ids), whole clusters are drawn with
    replacement, so that one speaker's many quotations count as one unit of
    evidence. The generator is seeded: the same data give the same interval.
    Returns ``mean``, ``lo``, ``hi``, ``n`` (values) and ``n_clusters``; with
    fewer than two clusters, ``lo`` and ``hi`` are NaN (no interval).

    >>> r = bootstrap([0.1, 0.2, 0.3, 0.4], clusters=["a", "a", "b", "c"])
    >>> (round(r["mean"], 3), r["n"], r["n_clusters"], r["lo"] < r["mean"] < r["hi"])
    (0.25, 4, 3, True)
    """
    values = np.asarray(list(values), dtype=float)
    keys = np.asarray(list(clusters)) if clusters is not None else np.arange(len(values))
    units = list(dict.fromkeys(keys.tolist()))
    result = {"mean": float(values.mean()) if len(values) else float("nan"), "lo": float("nan"), "hi": float("nan"),
              "n": int(len(values)), "n_clusters": len(units)}
    if len(units) < 2:
        return result
    members = [values[keys == u] for u in units]
    sums = np.array([m.sum() for m in members])
    sizes = np.array([len(m) for m in members])
    rng = np.random.default_rng(seed)
    draws = rng.integers(0, len(units), size=(n_boot, len(units)))
    means = sums[draws].sum(axis=1) / sizes[draws].sum(axis=1)
    tail = (1 - level) / 2 * 100
    result["lo"], result["hi"] = (float(x) for x in np.percentile(means, [tail, 100 - tail]))
    return result


def sentiment_by(book: pd.DataFrame, group: str = "party", value: str = "polarity", n_boot: int = 2000,
                 seed: int = SEED) -> pd.DataFrame:
    """Return the mean sentiment of each group's quotations, with a speaker-resampling bootstrap interval.

    Columns: ``group``, ``mean``, ``lo``, ``hi`` (95% interval; NaN with
    fewer than two speakers), ``n`` (quotations), ``n_speakers``.
    """
    rows = []
    groups = [p for p in PARTIES if p in set(book[group])] if group == "party" else list(dict.fromkeys(book[group]))
    for name in groups:
        part = book[book[group] == name]
        r = bootstrap(part[value], part["speaker_id"], n_boot=n_boot, seed=seed)
        rows.append({group: name, "mean": round(r["mean"], 3), "lo": round(r["lo"], 3), "hi": round(r["hi"], 3),
                     "n": r["n"], "n_speakers": r["n_clusters"]})
    return pd.DataFrame(rows, columns=[group, "mean", "lo", "hi", "n", "n_speakers"])


def _names(speakers: pd.Series, most: int = 12) -> str:
    """Return the speakers' names, most quoted first, at most ``most`` of them and then how many more.

    >>> _names(pd.Series(["A", "B", "A"])), _names(pd.Series(list("ABCD")), most=2)
    ('A, B', 'A, B and 2 more')
    """
    if speakers.nunique() <= most:
        return ", ".join(dict.fromkeys(speakers))
    counts = speakers.value_counts(sort=False)
    ordered = counts.sort_values(ascending=False, kind="stable").index
    return ", ".join(ordered[:most]) + f" and {len(ordered) - most:,} more"


def by_period(book: pd.DataFrame, parties: tuple[str, ...] = ("Democratic", "Republican"), n_boot: int = 2000,
              seed: int = SEED) -> pd.DataFrame:
    """Return, for each party and period, quotations and speakers (n), stance shares and mean polarity with interval.

    Rows are ``party, period`` pairs that have quotations; ``speakers`` names
    at most twelve of them (the most quoted) and counts the rest; ``% AGAINST`` and
    the others are hand-coded shares of that row's quotations; ``polarity``
    is the mean TextBlob polarity with a speaker-resampling 95% interval.
    """
    data = book[book["party"].isin(parties)].assign(period=book["published"].map(period))
    rows = []
    for party in parties:
        for name in PERIODS:
            part = data[(data["party"] == party) & (data["period"] == name)]
            if part.empty:
                continue
            shares = part["stance_hand"].value_counts()
            r = bootstrap(part["polarity"], part["speaker_id"], n_boot=n_boot, seed=seed)
            rows.append({
                "party": party, "period": name, "n": len(part), "n_speakers": part["speaker_id"].nunique(),
                "speakers": _names(part["speaker"]),
                **{f"% {s}": round(100 * shares.get(s, 0) / len(part), 1) for s in STANCES},
                "polarity": round(r["mean"], 3), "lo": round(r["lo"], 3), "hi": round(r["hi"], 3),
            })
    return pd.DataFrame(rows, columns=["party", "period", "n", "n_speakers", "speakers", *(f"% {s}" for s in STANCES),
                                       "polarity", "lo", "hi"])
