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


def test_duplicate_alias_is_an_error(tmp_corpus):
    path = tmp_corpus / "knowledge" / "actors.csv"
    rewrite_csv(path, lambda rows: _row(rows, id="eric-garcetti").update(aliases="Garcetti;Garcetti"))
    with pytest.raises(CorpusError, match=r"actors.csv, row \d+, field 'aliases': expected an alias listed once; found 'Garcetti'"):
        knowledge.load(tmp_corpus)


def test_ambiguous_alias_is_an_error(tmp_corpus):
    path = tmp_corpus / "knowledge" / "actors.csv"
    rewrite_csv(path, lambda rows: _row(rows, id="jim-kenney").update(aliases=_row(rows, id="jim-kenney")["aliases"] + ";Garcetti"))
    with pytest.raises(CorpusError, match=r"an alias that names one actor or place only; found 'Garcetti'.*\(ambiguous\)"):
        knowledge.load(tmp_corpus)


def test_alias_shared_by_an_actor_and_a_place_is_an_error(tmp_corpus):
    path = tmp_corpus / "knowledge" / "actors.csv"
    rewrite_csv(path, lambda rows: _row(rows, id="jim-kenney").update(aliases="Philly"))
    with pytest.raises(CorpusError, match=r"places.csv, row \d+, field 'aliases'.*'Philly', which names actor 'jim-kenney' \(row \d+ of actors.csv\) and place 'philadelphia' \(ambiguous\)"):
        knowledge.load(tmp_corpus)


def test_unknown_jurisdiction_is_an_error(tmp_corpus):
    path = tmp_corpus / "knowledge" / "actors.csv"
    rewrite_csv(path, lambda rows: _row(rows, id="eric-garcetti").update(jurisdiction="los-angles"))
    with pytest.raises(CorpusError, match=r"field 'jurisdiction': expected a place id from knowledge/places.csv.*unknown jurisdiction 'los-angles'"):
        knowledge.load(tmp_corpus)


def test_party_evidence_not_in_the_article_is_an_error(tmp_corpus, articles):
    path = tmp_corpus / "knowledge" / "actors.csv"
    rewrite_csv(path, lambda rows: _row(rows, id="mitch-landrieu").update(party_evidence="the Democratic mayor of Nola"))
    with pytest.raises(CorpusError, match=r"row \d+, field 'party_evidence': expected words copied exactly from nbc-2018-01-24; found 'the Democratic mayor of Nola', which is not in the text"):
        knowledge.load(tmp_corpus, articles)


def test_outside_the_corpus_needs_a_note(tmp_corpus):
    path = tmp_corpus / "knowledge" / "actors.csv"
    rewrite_csv(path, lambda rows: _row(rows, id="bill-de-blasio").update(party_note=""))
    with pytest.raises(CorpusError, match="field 'party_note'"):
        knowledge.load(tmp_corpus)


def test_unknown_party_label_is_an_error(tmp_corpus):
    path = tmp_corpus / "knowledge" / "actors.csv"
    rewrite_csv(path, lambda rows: _row(rows, id="bill-de-blasio").update(party="Democrat"))
    with pytest.raises(CorpusError, match=r"field 'party': expected one of 'Democratic', 'Republican', 'none', 'unknown'; found 'Democrat'"):
        knowledge.load(tmp_corpus)


def test_latitude_must_be_a_number(tmp_corpus):
    path = tmp_corpus / "knowledge" / "places.csv"
    rewrite_csv(path, lambda rows: _row(rows, id="chicago").update(lat="41,88"))
    with pytest.raises(CorpusError, match=r"places.csv, row \d+, field 'lat': expected a number of degrees between -90 and 90; found '41,88'"):
        knowledge.load(tmp_corpus)


def test_missing_column_is_an_error(tmp_corpus):
    path = tmp_corpus / "knowledge" / "places.csv"
    text = path.read_text(encoding="utf-8").replace(",aliases\n", "\n", 1)
    path.write_text(text, encoding="utf-8")
    with pytest.raises(CorpusError, match="places.csv, field 'aliases'"):
        knowledge.load(tmp_corpus)
