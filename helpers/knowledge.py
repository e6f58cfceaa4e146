"""Load the hand-curated knowledge: who the actors are and where the places are.

``corpus/knowledge/actors.csv`` lists every person and organisation quoted or
acting in the articles, with role, jurisdiction and party, and where the party
fact comes from; ``corpus/knowledge/places.csv`` lists every jurisdiction with
its coordinates. ``corpus/README.md`` documents every column.

A corpus folder without these files is allowed: :func:`load` then returns empty
tables and the annotation falls back on what the text itself says.
Nothing here writes to the corpus folder.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from .corpus import ID_PATTERN, CorpusError, default_dir

ACTOR_COLUMNS = [
    "id", "name", "kind", "aliases", "role", "jurisdiction", "party", "party_source",
    "party_article", "party_evidence", "party_note", "nonpartisan_office", "notes",
]
PLACE_COLUMNS = ["id", "name", "type", "state", "country", "lat", "lon", "aliases"]

KINDS = ("person", "organisation")
PARTIES = ("Democratic", "Republican", "none", "unknown")
PARTY_SOURCES = ("stated", "implied", "outside the corpus", "not applicable")
OFFICES = ("yes", "no", "appointed", "")
PLACE_TYPES = ("city", "county", "state", "federal", "region", "neighbourhood", "country", "foreign city")


def normalise(text: str) -> str:
    """Return ``text`` with curly apostrophes made straight, keeping every offset.

    >>> normalise("O’Toole")
    "O'Toole"
    """
    return text.replace("\u2019", "'").replace("\u2018", "'")


def split_aliases(value: str) -> list[str]:
    """Return the aliases of a ``;``-separated cell, stripped, without empties.

    >>> split_aliases("LA; Los Angeles ;")
    ['LA', 'Los Angeles']
    """
    return [a.strip() for a in value.split(";") if a.strip()]


@dataclass
class Knowledge:
    """The hand-curated actors and places, and every surface form that names one."""

    actors: pd.DataFrame
    places: pd.DataFrame
    surfaces: dict[str, tuple[str, str]] = field(default_factory=dict)

    def __post_init__(self) -> None:
        # looked up for every mention: index the rows once
        self._actors = {r["id"]: r for r in self.actors.to_dict("records")}
        self._places = dict(zip(self.places["id"], self.places["name"]))

    @classmethod
    def nothing(cls) -> "Knowledge":
        """Return knowledge with no actors and no places: annotate from the text alone."""
        return cls(pd.DataFrame(columns=ACTOR_COLUMNS), pd.DataFrame(columns=PLACE_COLUMNS))

    @property
    def empty(self) -> bool:
        """Return True when there is no hand-curated knowledge at all."""
        return self.actors.empty and self.places.empty

    def actor(self, actor_id: str) -> dict:
        """Return one actor's row as a dict (``{}`` for an id not in the table)."""
        return dict(self._actors.get(actor_id, {}))

    def place_name(self, place_id: str) -> str:
        """Return a place's name from its id, or the id itself when unknown."""
        return self._places.get(place_id, place_id)


def _check_id(table: pd.DataFrame, path: Path) -> None:
    seen = {}
    for row, value in zip(table["row"], table["id"]):
        if not ID_PATTERN.match(value):
            raise CorpusError(path, "id", "lowercase letters, digits and hyphens, e.g. 'eric-garcetti'", repr(value), row)
        if value in seen:
            raise CorpusError(path, "id", "an id no other row uses", f"'{value}', also in row {seen[value]}", row)
        seen[value] = row


def _check_choice(table: pd.DataFrame, path: Path, column: str, choices: tuple[str, ...]) -> None:
    for row, value in zip(table["row"], table[column]):
        if value not in choices:
            allowed = ", ".join(repr(c) for c in choices)
            raise CorpusError(path, column, f"one of {allowed}", repr(value), row)


def _places(path: Path) -> pd.DataFrame:
    from .corpus import read_table

    table = read_table(path, PLACE_COLUMNS)
    _check_id(table, path)
    _check_choice(table, path, "type", PLACE_TYPES)
    for column, low, high in (("lat", -90, 90), ("lon", -180, 180)):
        for row, value in zip(table["row"], table[column]):
            try:
                number = float(value)
            except ValueError:
                number = None
            if number is None or not low <= number <= high:
                raise CorpusError(path, column, f"a number of degrees between {low} and {high}", repr(value), row)
    for column in ("name", "country"):
        for row, value in zip(table["row"], table[column]):
            if not value.strip():
                raise CorpusError(path, column, "non-empty text", "an empty cell", row)
    table["lat"] = table["lat"].astype(float)
    table["lon"] = table["lon"].astype(float)
    return table


def _actors(path: Path, place_ids: set[str], texts: dict[str, str] | None) -> pd.DataFrame:
    from .corpus import read_table

    table = read_table(path, ACTOR_COLUMNS)
    _check_id(table, path)
    _check_choice(table, path, "kind", KINDS)
    _check_choice(table, path, "party", PARTIES)
    _check_choice(table, path, "party_source", PARTY_SOURCES)
    _check_choice(table, path, "nonpartisan_office", OFFICES)
    for r in table.itertuples(index=False):
        if not r.name.strip():
            raise CorpusError(path, "name", "non-empty text", "an empty cell", r.row)
        if r.jurisdiction and r.jurisdiction not in place_ids:
            raise CorpusError(path, "jurisdiction", "a place id from knowledge/places.csv, or an empty cell",
                              f"unknown jurisdiction {r.jurisdiction!r}", r.row)
        known_party = r.party in ("Democratic", "Republican")
        if known_party == (r.party_source == "not applicable"):
            expected = ("'stated', 'implied' or 'outside the corpus' for a Democratic or Republican actor"
                        if known_party else "'not applicable' when party is 'none' or 'unknown'")
            raise CorpusError(path, "party_source", expected, repr(r.party_source), r.row)
        if r.party_source in ("stated", "implied"):
            if texts is not None and r.party_article not in texts:
                raise CorpusError(path, "party_article", "the id of the article that gives the party",
                                  f"unknown article {r.party_article!r}", r.row)
            if not r.party_evidence.strip():
                raise CorpusError(path, "party_evidence", "the article's exact words that give the party", "an empty cell", r.row)
            if texts is not None and r.party_evidence not in texts[r.party_article]:
                raise CorpusError(path, "party_evidence", f"words copied exactly from {r.party_article}",
                                  f"{r.party_evidence!r}, which is not in the text", r.row)
        if r.party_source in ("implied", "outside the corpus") and not r.party_note.strip():
            raise CorpusError(path, "party_note", f"a one-line note on where the party comes from ({r.party_source})",
                              "an empty cell", r.row)
    return table


def _surfaces(actors: pd.DataFrame, places: pd.DataFrame, paths: dict[str, Path]) -> dict[str, tuple[str, str]]:
    """Return ``{surface form: (entity, id)}``; raise on an alias that names two things."""
    surfaces: dict[str, tuple[str, str, int]] = {}
    for entity, table in (("actor", actors), ("place", places)):
        for r in table.itertuples(index=False):
            forms = [("name", r.name)] + [("aliases", a) for a in split_aliases(r.aliases)]
            for column, form in forms:
                key = normalise(form)
                if not re.search(r"\w", key):
                    raise CorpusError(paths[entity], column, "a name or alias with letters or digits", repr(form), r.row)
                if key in surfaces:
                    other_entity, other_id, other_row = surfaces[key]
                    same = (other_entity, other_id) == (entity, r.id)
                    what = "an alias listed once" if same else "an alias that names one actor or place only"
                    where = "" if same else f" {other_entity} '{other_id}' (row {other_row} of {paths[other_entity].name}) and"
                    raise CorpusError(paths[entity], column, what,
                                      f"{form!r}, which names{where} {entity} '{r.id}'"
                                      + (" twice" if same else " (ambiguous)"), r.row)
                surfaces[key] = (entity, r.id, r.row)
    return {k: (e, i) for k, (e, i, _) in surfaces.items()}


def load(corpus_dir: str | Path | None = None, articles: pd.DataFrame | None = None) -> Knowledge:
    """Return the hand-curated actors and places of a corpus folder, checked.

    With ``articles`` (from :func:`helpers.corpus.load`), every stated or
    implied party is also looked up, word for word, in its article. A folder
    with no ``knowledge/`` files gives empty tables. A malformed file raises
    :class:`helpers.corpus.CorpusError` naming the file, row and field.

    >>> kb = load()
    >>> kb.actor("mitch-landrieu")["party_evidence"]
    'Mitch Landrieu, the group’s president and the Democratic mayor of New Orleans'
    """
    corpus_dir = Path(corpus_dir) if corpus_dir is not None else default_dir()
    folder = corpus_dir / "knowledge"
    paths = {"actor": folder / "actors.csv", "place": folder / "places.csv"}
    texts = dict(zip(articles["article_id"], articles["text"])) if articles is not None else None
    if paths["place"].is_file():
        places = _places(paths["place"])
    else:
        places = pd.DataFrame(columns=PLACE_COLUMNS + ["row"])
    if paths["actor"].is_file():
        actors = _actors(paths["actor"], set(places["id"]), texts)
    else:
        actors = pd.DataFrame(columns=ACTOR_COLUMNS + ["row"])
    surfaces = _surfaces(actors, places, paths)
    return Knowledge(actors.drop(columns="row").reset_index(drop=True),
                     places.drop(columns="row").reset_index(drop=True), surfaces)
