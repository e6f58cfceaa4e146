"""Jurisdictions: who acts and speaks for each city, county and state, and what it did.

A jurisdiction is "in the corpus" when the articles report one of its policy
actions (``annotations/policies.csv``) or name one of its officials
(a person in ``knowledge/actors.csv`` whose jurisdiction it is). Places that
are only the setting of a story (Miami Beach, where the mayors met) are not.
"""

from __future__ import annotations

import html

import pandas as pd

from .knowledge import Knowledge

GOVERNMENT_TYPES = ("city", "county", "state")
COLUMNS = ["jurisdiction", "name", "type", "state", "lat", "lon", "n_actions", "n_restrict", "n_cooperate",
           "first_action", "actors", "n_quotes"]


def jurisdictions(kb: Knowledge, acts: pd.DataFrame, book: pd.DataFrame | None = None) -> pd.DataFrame:
    """Return one row per jurisdiction in the corpus: place, counts of actions by direction, officials, quotations.

    ``acts`` is :func:`helpers.policies.reference`; ``book`` (optional) is
    :func:`helpers.quotebook.build`, whose quotations are counted by the
    speaker's jurisdiction. Rows are ordered by number of actions, then name.

    >>> from helpers import corpus, knowledge, policies
    >>> arts = corpus.load(); kb = knowledge.load(articles=arts)
    >>> table = jurisdictions(kb, policies.reference(arts, kb))
    >>> table.loc[table["name"] == "Miami-Dade County", ["n_actions", "n_restrict", "n_cooperate", "actors"]].values.tolist()
    [[2, 1, 1, 'Carlos Gimenez']]
    """
    places = kb.places.set_index("id")
    people = kb.actors[(kb.actors["kind"] == "person") & (kb.actors["jurisdiction"] != "")]
    ids = set(acts["jurisdiction"]) | set(people["jurisdiction"])
    ids = [i for i in ids if i in places.index and places.loc[i, "type"] in GOVERNMENT_TYPES]
    rows = []
    for jid in ids:
        mine = acts[acts["jurisdiction"] == jid]
        officials = people[people["jurisdiction"] == jid]["name"].tolist()
        n_quotes = 0
        if book is not None and len(book):
            n_quotes = int(book["speaker_id"].isin(kb.actors.loc[kb.actors["jurisdiction"] == jid, "id"]).sum())
        rows.append({
            "jurisdiction": jid, "name": places.loc[jid, "name"], "type": places.loc[jid, "type"],
            "state": places.loc[jid, "state"], "lat": float(places.loc[jid, "lat"]), "lon": float(places.loc[jid, "lon"]),
            "n_actions": len(mine), "n_restrict": int((mine["direction"] == "restrict").sum()),
            "n_cooperate": int((mine["direction"] == "cooperate").sum()),
            "first_action": mine["date_label"].iloc[0] if len(mine) else "",
            "actors": ", ".join(sorted(officials)), "n_quotes": n_quotes,
        })
    table = pd.DataFrame(rows, columns=COLUMNS)
    return table.sort_values(["n_actions", "name"], ascending=[False, True], kind="stable").reset_index(drop=True)


def profile(jid: str, kb: Knowledge, acts: pd.DataFrame, book: pd.DataFrame | None = None) -> dict[str, pd.DataFrame]:
    """Return what the corpus holds on one jurisdiction: ``actors``, ``quotes`` and ``actions`` tables.

    ``actors`` gives each official's role, party and where the party fact
    comes from (with the article's words when it is stated); ``quotes`` their
    quotations with hand-coded stance and reference; ``actions`` the policy
    actions with date, category, direction and evidence.
    """
    people = kb.actors[(kb.actors["jurisdiction"] == jid) & (kb.actors["kind"] == "person")]
    actors = people[["id", "name", "role", "party", "party_source", "party_evidence", "party_article"]].reset_index(drop=True)
    if book is not None and len(book):
        quotes = book[book["speaker_id"].isin(people["id"])][
            ["speaker", "stance_hand", "stance_auto", "text", "article_id", "date_label", "ref"]].reset_index(drop=True)
    else:
        quotes = pd.DataFrame(columns=["speaker", "stance_hand", "stance_auto", "text", "article_id", "date_label", "ref"])
    names = dict(zip(kb.actors["id"], kb.actors["name"]))
    mine = acts[acts["jurisdiction"] == jid]
    actions = pd.DataFrame({
        "date": mine["date_label"], "category": mine["category"], "direction": mine["direction"],
        "actor": [names.get(a, "not named in the text") if a else "not named in the text" for a in mine["actor_id"]],
        "evidence": mine["evidence"], "article_id": mine["article_id"], "id": mine["id"],
    }).reset_index(drop=True)
    return {"actors": actors, "quotes": quotes, "actions": actions}


def _rows(table: pd.DataFrame, columns: list[str]) -> str:
    """Return ``columns`` of ``table`` as a table for reading (:func:`helpers.tables.capped`): readable headers, no index.

    A long table (a jurisdiction quoted thousands of times) shows its first
    rows and says how many more there are.

    >>> text = _rows(pd.DataFrame({"name": ["Chicago"], "n_actions": [2]}), ["name", "n_actions"])
    >>> ">actions</th>" in text, "n_actions" in text
    (True, False)
    >>> "the first 30 of 40 rows" in _rows(pd.DataFrame({"name": ["Chicago"] * 40}), ["name"])
    True
    """
    from .tables import capped

    return capped(table[columns].reset_index(drop=True)).html


def to_html(jid: str, kb: Knowledge, acts: pd.DataFrame, book: pd.DataFrame | None = None) -> str:
    """Return one jurisdiction's officials, quotations and actions as HTML, saying so where there are none."""
    from .labels import article_label

    found = profile(jid, kb, acts, book)
    name = kb.place_name(jid)
    # readers' labels (outlet and date) for the articles, where the quotation book says what they are
    known = book is not None and {"article_id", "outlet", "published", "date_precision"} <= set(book.columns)
    titles = article_label(book) if known else {}
    parts = [f"<h3 style='margin:0.4em 0'>{html.escape(name)}</h3>"]
    actors = found["actors"].assign(party=lambda t: [
        f"{p} ({s}{': “' + e + '”, ' + titles.get(a, a) if e else ''})" if s in ("stated", "implied") else
        (f"{p} ({s})" if p not in ("none", "unknown") else {"none": "no party", "unknown": "party unknown"}[p])
        for p, s, e, a in zip(t["party"], t["party_source"], t["party_evidence"], t["party_article"])])
    parts.append(f"<p><b>Officials named</b> ({len(actors)})</p>")
    parts.append(_rows(actors, ["name", "role", "party"]) if len(actors) else "<p><i>No official of this jurisdiction is named.</i></p>")
    quotes = found["quotes"].assign(where=lambda t: [
        f"{titles.get(a, a)}{r[len(a):]}" for a, r in zip(t["article_id"], t["ref"])])
    parts.append(f"<p><b>Quotations</b> ({len(quotes)})</p>")
    parts.append(_rows(quotes.rename(columns={"stance_hand": "stance", "text": "quotation"}),
                       ["speaker", "stance", "quotation", "where"]) if len(quotes)
                 else "<p><i>No quotation of its officials.</i></p>")
    actions = found["actions"]
    parts.append(f"<p><b>Policy actions</b> ({len(actions)})</p>")
    actions = actions.assign(article=[titles.get(a, a) for a in actions["article_id"]])
    parts.append(_rows(actions, ["date", "category", "direction", "actor", "evidence", "article"]) if len(actions)
                 else "<p><i>The articles report no policy action of this jurisdiction.</i></p>")
    return "".join(parts)


def compare(a: str, b: str, acts: pd.DataFrame, kb: Knowledge) -> pd.DataFrame:
    """Return the policy categories side by side for two jurisdictions: each action's date and direction.

    One row per category either jurisdiction acted on, in codebook order;
    a cell lists "date: direction" for each action, or "–" for none.

    >>> from helpers import corpus, knowledge, policies
    >>> arts = corpus.load(); kb = knowledge.load(articles=arts)
    >>> compare("los-angeles", "miami-dade-county", policies.reference(arts, kb), kb).loc["detainer compliance"].tolist()
    ['–', '2013 (stated): restrict; 26 Jan 2017 (inferred): cooperate']
    """
    from .policies import CATEGORIES

    names = [kb.place_name(a), kb.place_name(b)]
    part = acts[acts["jurisdiction"].isin([a, b])]
    cats = [c for c in CATEGORIES if c in set(part["category"])]
    table = pd.DataFrame(index=pd.Index(cats, name="category"), columns=names, dtype=object)
    for jid, name in zip((a, b), names):
        for cat in cats:
            rows = part[(part["jurisdiction"] == jid) & (part["category"] == cat)]
            table.loc[cat, name] = "; ".join(f"{d}: {r}" for d, r in zip(rows["date_label"], rows["direction"])) or "–"
    return table


def drilldown(kb: Knowledge, acts: pd.DataFrame, book: pd.DataFrame | None = None, first: str = "los-angeles"):
    """Return a live drill-down (ipywidgets): choose a jurisdiction, see its officials, quotations and actions.

    Where no kernel runs (an exported page), the page shows the table of all
    jurisdictions and the drill-down of ``first`` instead of a dead control.
    """
    import ipywidgets as widgets

    table = jurisdictions(kb, acts, book)
    choices = [(f"{r.name} ({r.n_actions:,} actions, {r.n_quotes:,} quotations)", r.jurisdiction) for r in table.itertuples()]

    class _Drilldown(widgets.VBox):
        def _repr_mimebundle_(self, **kwargs):
            bundle = super()._repr_mimebundle_(**kwargs)
            data = bundle[0] if isinstance(bundle, tuple) else bundle
            data["text/html"] = (
                "<p><i>Static copy of the drill-down; run the notebook to choose a jurisdiction.</i></p>"
                + _rows(table, ["name", "type", "n_actions", "n_restrict", "n_cooperate", "n_quotes", "actors"])
                + result.value)
            return bundle

    from .tables import chooser

    first = first if first in set(table["jurisdiction"]) else choices[0][1]
    # hundreds of jurisdictions: a box to type in, suggesting the matching ones
    box, chosen = chooser(choices, first, "jurisdiction:", unit="jurisdictions",
                          style={"description_width": "90px"}, layout=widgets.Layout(width="520px"))
    result = widgets.HTML()

    def show(_change=None):
        jid = chosen()
        if jid:
            result.value = to_html(jid, kb, acts, book)

    box.observe(show, names="value")
    show()
    return _Drilldown([box, result])
