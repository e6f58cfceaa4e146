"""Hand-coded policy actions and federal events, and the automatic candidate sentences."""

import pandas as pd
import pytest
from conftest import rewrite_csv

from helpers import annotate, knowledge, policies
from helpers.corpus import CorpusError


@pytest.fixture(scope="module")
def kb(articles):
    return knowledge.load(articles=articles)


@pytest.fixture(scope="module")
def acts(articles, kb):
    return policies.reference(articles, kb)


def test_every_action_carries_its_evidence_word_for_word(articles, acts):
    texts = dict(zip(articles["article_id"], articles["text"]))
    assert len(acts) == 26
    for a in acts.itertuples():
        assert texts[a.article_id][a.evidence_start:a.evidence_start + len(a.evidence)] == a.evidence
        assert a.date_evidence in texts[a.article_id]
        assert a.start < a.stop
    assert set(acts["category"]) <= set(policies.CATEGORIES)
    assert acts["direction"].value_counts().to_dict() == {"restrict": 25, "cooperate": 1}


def test_dates_keep_their_precision_and_source(acts):
    la = acts.set_index("id").loc["la-1979-status"]
    assert (la["date_label"], str(la["start"].date()), str(la["stop"].date())) == ("1979 (stated)", "1979-01-01", "1980-01-01")
    memo = acts.set_index("id").loc["miami-dade-2017-detainers"]
    assert (memo["date_label"], memo["date_evidence"], memo["direction"]) == ("26 Jan 2017 (inferred)", "Thursday", "cooperate")
    assert acts.set_index("id").loc["oakland-2026-property", "date_label"] == "Feb 2026 (article's date)"
    assert list(acts["start"]) == sorted(acts["start"])


def test_federal_events_frame_the_local_ones(articles, kb):
    events = policies.federal(articles, kb)
    assert events["actor_id"].tolist() == ["ice", "donald-trump", "justice-department"]
    assert events.loc[0, "date_label"] == "summer 2015 (stated)"
    assert [str(d.date()) for d in events["stop"]] == ["2015-09-01", "2017-02-01", "2018-01-25"]


def _row(rows, row_id):
    return next(r for r in rows if r["id"] == row_id)


BAD_CELLS = [
    ("policies.csv", "chicago-2016-sanctuary", "evidence", "Chicago will always be a sanctuary city.",
     r"policies.csv, row \d+, field 'evidence': expected words copied exactly from article abc-2016-11-17; found 'Chicago will"),
    ("policies.csv", "chicago-2016-sanctuary", "category", "sanctuary",
     r"field 'category': expected a category of the codebook: 'detainer compliance', .*found 'sanctuary'"),
    ("policies.csv", "chicago-2016-sanctuary", "direction", "resist", r"field 'direction': expected 'restrict' or 'cooperate'; found 'resist'"),
    ("policies.csv", "chicago-2016-sanctuary", "jurisdiction", "chicago-il", r"field 'jurisdiction': expected a place id .*'chicago-il'"),
    ("policies.csv", "chicago-2016-sanctuary", "actor_id", "rahm", r"field 'actor_id': expected an actor id .*unknown actor id 'rahm'"),
    ("policies.csv", "chicago-2016-sanctuary", "date", "14/11/2016",
     r"field 'date': expected a date written as 2017-01-26 for precision 'day'; found '14/11/2016'"),
    ("policies.csv", "chicago-2016-sanctuary", "date", "2016-02-30", r"field 'date': expected a real calendar date; found '2016-02-30'"),
    ("policies.csv", "chicago-2016-sanctuary", "date_precision", "week", r"field 'date_precision': expected one of 'year', 'season', 'month', 'day'"),
    ("policies.csv", "chicago-2016-sanctuary", "date_status", "guessed", r"field 'date_status': expected one of 'stated', 'inferred', 'article date'"),
    ("policies.csv", "chicago-2016-sanctuary", "date_evidence", "", r"field 'date_evidence': expected the words that give a inferred date; found an empty cell"),
    ("policies.csv", "chicago-2016-sanctuary", "date_evidence", "On Tuesday night", r"field 'date_evidence': expected words copied exactly"),
    ("policies.csv", "chicago-2016-sanctuary", "id", "seattle-2016-sanctuary", r"field 'id': expected an id used once; found 'seattle-2016-sanctuary', also in row \d+"),
    ("policies.csv", "chicago-2016-sanctuary", "article_id", "abc-2016", r"field 'article_id': expected the id of an article in the corpus; found unknown article 'abc-2016'"),
    ("federal_events.csv", "doj-2018-letters", "evidence", "The Justice Department wrote to 23 cities.",
     r"federal_events.csv, row 4, field 'evidence': expected words copied exactly from article nbc-2018-01-24"),
]


@pytest.mark.parametrize("name, row_id, column, value, message", BAD_CELLS, ids=[f"{c[2]}-{c[3][:12]}" for c in BAD_CELLS])
def test_a_bad_cell_is_an_error_naming_file_row_and_field(tmp_corpus, articles, name, row_id, column, value, message):
    rewrite_csv(tmp_corpus / "annotations" / name, lambda rows: _row(rows, row_id).__setitem__(column, value))
    kb = knowledge.load(tmp_corpus, articles)
    read = policies.reference if name == "policies.csv" else policies.federal
    with pytest.raises(CorpusError, match=message):
        read(articles, kb, tmp_corpus)


def test_a_missing_column_is_an_error(tmp_corpus, articles):
    path = tmp_corpus / "annotations" / "policies.csv"
    path.write_text(path.read_text(encoding="utf-8").replace(",note\n", "\n", 1), encoding="utf-8")
    with pytest.raises(CorpusError, match="policies.csv, field 'note'"):
        policies.reference(articles, knowledge.load(tmp_corpus, articles), tmp_corpus)


def test_a_corpus_without_policy_files_has_empty_tables(tmp_corpus, articles):
    (tmp_corpus / "annotations" / "policies.csv").unlink()
    (tmp_corpus / "annotations" / "federal_events.csv").unlink()
    kb = knowledge.load(tmp_corpus, articles)
    assert policies.reference(articles, kb, tmp_corpus).empty and policies.federal(articles, kb, tmp_corpus).empty


@pytest.mark.parametrize("sentence, expected", [
    ("Mayor Ana Ruiz signed an executive order barring ICE from city schools.", ("", "restrict", "signed; executive order")),
    ("The county will honor all ICE detainer requests, the sheriff said.", ("detainer compliance", "cooperate", "honor; ICE")),
    ("The council voted to sue the administration over the immigration order.", ("legal challenge", "restrict", "sue; immigration")),
    ("Police will not ask about immigration status during traffic stops.", ("status inquiries", "restrict", "not ask; immigration")),
    ("The mayor opened a new library downtown.", None),
    ("ICE agents were seen downtown on Monday.", None),
])
def test_candidate_cues(sentence, expected):
    assert policies.candidate(sentence) == expected


def test_coverage_of_the_hand_coded_actions(articles, acts):
    cands = policies.candidates(annotate.sentences(articles))
    cov = policies.coverage(cands, acts)
    assert len(cov) == 26
    assert int(cov["found"].sum()) == 20
    assert sorted(cov.loc[~cov["found"], "id"]) == ["boston-2017-shelter", "la-2016-beck", "miami-dade-2013-detainers",
                                                   "nyc-2026-property", "ocala-2017-practice", "philadelphia-2016-warrants"]
    assert int(cov["direction_agrees"].sum()) == 20
    extra = policies.unmatched(cands, acts, policies.federal(articles))
    assert len(cands) == 45 and len(extra) == 29


def test_coverage_with_an_invented_example():
    sents = pd.DataFrame({"article_id": ["x", "x"], "sentence": [1, 2], "start": [0, 60], "end": [59, 110],
                          "paragraph_type": ["body", "body"],
                          "text": ["The mayor signed an order barring ICE from city parks today.", "It rained all day on the parks."]})
    acts = pd.DataFrame({"id": ["x-parks", "x-rain"], "jurisdiction": ["x", "x"], "category": ["access to property and jails", "shelter"],
                         "direction": ["restrict", "restrict"], "article_id": ["x", "x"], "evidence_start": [4, 60],
                         "evidence": ["mayor signed an order", "It rained all day on the parks."]})
    cov = policies.coverage(policies.candidates(sents), acts)
    assert cov[["found", "category_agrees", "direction_agrees"]].values.tolist() == [[True, True, True], [False, False, False]]
