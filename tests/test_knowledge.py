import pytest

from helpers import knowledge
from helpers.corpus import CorpusError

from conftest import rewrite_csv




def _row(rows, **match):
    return next(r for r in rows if all(r[k] == v for k, v in match.items()))


def test_every_stated_party_is_found_word_for_word(articles):
    kb = knowledge.load(articles=articles)
    stated = kb.actors[kb.actors["party_source"].isin(["stated", "implied"])]
    texts = dict(zip(articles["article_id"], articles["text"]))
    assert len(stated) >= 8
    for r in stated.itertuples():
        assert r.party_evidence in texts[r.party_article]
    outside = kb.actors[kb.actors["party_source"] == "outside the corpus"]
    assert outside["party_note"].str.len().min() > 0


def test_the_corpus_names_republicans_who_comply_and_who_object(articles):
    kb = knowledge.load(articles=articles)
    assert kb.actor("carlos-gimenez")["party"] == "Republican"
    assert kb.actor("jim-brainard")["party"] == "Republican"
    assert kb.actor("mitch-landrieu")["party_evidence"].endswith("the Democratic mayor of New Orleans")


def test_every_jurisdiction_of_an_actor_is_a_place_with_coordinates():
    kb = knowledge.load()
    places = set(kb.places["id"])
    assert set(kb.actors["jurisdiction"]) - {""} <= places
    assert kb.places["lat"].between(-90, 90).all() and kb.places["lon"].between(-180, 180).all()


@pytest.mark.parametrize("alias, place", [
    ("LA", "los-angeles"), ("NYC", "new-york-city"), ("The City of Brotherly Love", "philadelphia"),
    ("D.C.", "washington-dc"), ("Miami-Dade", "miami-dade-county"),
])
def test_place_aliases(alias, place):
    assert knowledge.load().surfaces[alias] == ("place", place)


def test_a_folder_without_knowledge_gives_empty_tables(corpus_with_new_article):
    import shutil

    shutil.rmtree(corpus_with_new_article / "knowledge")
    kb = knowledge.load(corpus_with_new_article)
    assert kb.empty and kb.surfaces == {}


# (file, row id, column, new value or a function of the row, expected message)
BAD_CELLS = [
    ("actors.csv", "eric-garcetti", "aliases", "Garcetti;Garcetti",
     r"actors.csv, row \d+, field 'aliases': expected an alias listed once; found 'Garcetti'"),
    ("actors.csv", "jim-kenney", "aliases", lambda row: row["aliases"] + ";Garcetti",
     r"an alias that names one actor or place only; found 'Garcetti'.*\(ambiguous\)"),
    ("actors.csv", "jim-kenney", "aliases", "Philly",
     r"places.csv, row \d+, field 'aliases'.*'Philly', which names actor 'jim-kenney' \(row \d+ of actors.csv\) and place 'philadelphia' \(ambiguous\)"),
    ("actors.csv", "eric-garcetti", "jurisdiction", "los-angles",
     r"field 'jurisdiction': expected a place id from knowledge/places.csv.*unknown jurisdiction 'los-angles'"),
    ("actors.csv", "mitch-landrieu", "party_evidence", "the Democratic mayor of Nola",
     r"row \d+, field 'party_evidence': expected words copied exactly from nbc-2018-01-24; found 'the Democratic mayor of Nola', which is not in the text"),
    ("actors.csv", "bill-de-blasio", "party_note", "", "field 'party_note'"),
    ("actors.csv", "bill-de-blasio", "party", "Democrat",
     r"field 'party': expected one of 'Democratic', 'Republican', 'none', 'unknown'; found 'Democrat'"),
    ("places.csv", "chicago", "lat", "41,88",
     r"places.csv, row \d+, field 'lat': expected a number of degrees between -90 and 90; found '41,88'"),
]


@pytest.mark.parametrize("name, row_id, column, value, message", BAD_CELLS, ids=[f"{c[2]}-{c[1]}" for c in BAD_CELLS])
def test_a_bad_cell_is_an_error_naming_file_row_and_field(tmp_corpus, articles, name, row_id, column, value, message):
    def change(rows):
        row = _row(rows, id=row_id)
        row[column] = value(row) if callable(value) else value

    rewrite_csv(tmp_corpus / "knowledge" / name, change)
    with pytest.raises(CorpusError, match=message):
        knowledge.load(tmp_corpus, articles)


def test_missing_column_is_an_error(tmp_corpus):
    path = tmp_corpus / "knowledge" / "places.csv"
    text = path.read_text(encoding="utf-8").replace(",aliases\n", "\n", 1)
    path.write_text(text, encoding="utf-8")
    with pytest.raises(CorpusError, match="places.csv, field 'aliases'"):
        knowledge.load(tmp_corpus)
