"""Party facts, stance and tone by party, the seeded bootstrap."""

import math

import numpy as np
import pandas as pd
import pytest

from helpers import parties, pipeline, quotebook


@pytest.fixture(scope="module")
def data():
    p = pipeline.build()
    return p.knowledge, p.book


def test_every_person_with_party_source_and_nonpartisan_office(data):
    kb, book = data
    table = parties.actors(kb, book).set_index("name")
    assert len(table) == 27
    assert table.loc["Carlos Gimenez", ["party_label", "party_source", "nonpartisan_office", "stance_hand"]].tolist() == \
        ["Republican", "stated", "yes", "FAVOR"]
    assert "Republican mayor" in table.loc["Carlos Gimenez", "party_evidence"]
    assert table.loc["Bill de Blasio", "party_source"] == "outside the corpus"
    assert table.loc["Kent Guinn", "stance_hand"] == "MIXED"
    assert table.loc["Jacob Frey", ["n_quotes", "stance_hand"]].tolist() == [0, ""]
    republicans = table[table["party_label"] == "Republican"]
    assert sorted(republicans.index) == ["Carlos Gimenez", "Donald Trump", "Jim Brainard", "Kent Guinn", "Sean Spicer"]


def test_stance_by_party_per_quotation_and_per_speaker(data):
    _, book = data
    quotes_ = parties.stance_counts(book)
    assert quotes_.loc["Democratic", ["FAVOR", "AGAINST", "NONE", "n"]].tolist() == [0, 33, 2, 35]
    assert quotes_.loc["Republican", ["FAVOR", "AGAINST", "NONE", "n", "% FAVOR"]].tolist() == [9, 3, 0, 12, 75.0]
    assert quotes_["n"].sum() == 59
    speakers = parties.stance_counts(book, level="actor")
    assert speakers.loc["Republican", ["FAVOR", "MIXED", "AGAINST", "NONE", "n"]].tolist() == [3, 1, 1, 0, 5]
    assert speakers["n"].sum() == 23
    with pytest.raises(ValueError, match="level must be 'quote' or 'actor'"):
        parties.stance_counts(book, level="article")


def test_bootstrap_is_seeded_and_resamples_clusters():
    values, clusters = [0.5, 0.5, 0.5, -0.5, 0.0], ["a", "a", "a", "b", "c"]
    first = parties.bootstrap(values, clusters)
    assert first == parties.bootstrap(values, clusters)  # same seed, same interval
    assert first["n"] == 5 and first["n_clusters"] == 3 and first["mean"] == pytest.approx(0.2)
    assert -0.5 <= first["lo"] < first["mean"] < first["hi"] <= 0.5
    varied = [i / 10 for i in range(-7, 8)]
    assert parties.bootstrap(varied, seed=1)["hi"] != parties.bootstrap(varied, seed=2)["hi"]
    # one speaker: no interval at all
    alone = parties.bootstrap([0.1, 0.3], ["a", "a"])
    assert alone["mean"] == pytest.approx(0.2) and math.isnan(alone["lo"]) and math.isnan(alone["hi"])


def test_cluster_bootstrap_by_hand():
    # Two speakers: a says 0 and 0, b says 1. Resampling speakers, a draw is (a, a) -> 0, (b, b) -> 1,
    # or (a, b) in either order -> 1/3. So the interval of the mean runs from 0 to 1.
    r = parties.bootstrap([0.0, 0.0, 1.0], ["a", "a", "b"], n_boot=4000)
    assert (r["lo"], r["hi"]) == (0.0, 1.0)
    rng = np.random.default_rng(parties.SEED)
    draws = rng.integers(0, 2, size=(4000, 2))
    assert set(np.round(np.array([0.0, 1.0])[draws].sum(axis=1) / np.array([2, 1])[draws].sum(axis=1), 4)) == {0.0, 0.3333, 1.0}


def test_sentiment_by_party_reports_n_and_speakers(data):
    _, book = data
    table = parties.sentiment_by(book).set_index("party")
    assert table.loc["Democratic", ["n", "n_speakers"]].tolist() == [35, 11]
    assert table.loc["Republican", ["n", "n_speakers"]].tolist() == [12, 5]
    assert (table["lo"] <= table["mean"]).all() and (table["mean"] <= table["hi"]).all()


def test_party_and_period(data):
    _, book = data
    table = parties.by_period(book)
    assert table[["party", "period", "n", "n_speakers"]].values.tolist() == [
        ["Democratic", "2016–2018", 32, 9], ["Democratic", "2026", 3, 2], ["Republican", "2016–2018", 12, 5]]
    assert table.iloc[1]["speakers"] == "Zohran Mamdani, Wes Moore"
    counts = parties.stance_counts(parties.with_period(book), group="period")
    assert counts["n"].to_dict() == {"2016–2018": 50, "2026": 9}


def test_an_empty_book_gives_empty_tables():
    empty = pd.DataFrame(columns=quotebook.COLUMNS)
    assert parties.by_period(empty).empty
