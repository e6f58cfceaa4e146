"""Log-odds with an informative Dirichlet prior (Monroe, Colaresi and Quinn 2008), checked by hand."""

import math
from collections import Counter

import pytest

from helpers import words


def test_log_odds_against_a_small_example_worked_by_hand():
    # Group a says "sanctuary sanctuary safe"; group b says "safe comply". A flat prior: one pseudo-count
    # per word, alpha_0 = 3. n_a = 3 words, n_b = 2 words.
    a = Counter(sanctuary=2, safe=1)
    b = Counter(safe=1, comply=1)
    prior = {"sanctuary": 1.0, "safe": 1.0, "comply": 1.0}
    table = words.log_odds(a, b, prior).set_index("term")
    # sanctuary: delta = log((2+1)/(3+3-2-1)) - log((0+1)/(2+3-0-1)) = log(3/3) - log(1/4) = log 4 = 1.386294
    #            var = 1/(2+1) + 1/(0+1) = 4/3;  z = 1.386294 / sqrt(4/3) = 1.200566
    assert table.loc["sanctuary", "delta"] == pytest.approx(1.386294, abs=1e-6)
    assert table.loc["sanctuary", "var"] == pytest.approx(4 / 3)
    assert table.loc["sanctuary", "z"] == pytest.approx(1.200566, abs=1e-6)
    # safe: delta = log((1+1)/(3+3-1-1)) - log((1+1)/(2+3-1-1)) = log(2/4) - log(2/3) = log(3/4) = -0.287682
    #       var = 1/2 + 1/2 = 1;  z = -0.287682
    assert table.loc["safe", "delta"] == pytest.approx(-0.287682, abs=1e-6)
    assert table.loc["safe", "z"] == pytest.approx(-0.287682, abs=1e-6)
    # comply: delta = log((0+1)/(3+3-0-1)) - log((1+1)/(2+3-1-1)) = log(1/5) - log(2/3) = -1.203973
    #         var = 1/1 + 1/2 = 3/2;  z = -1.203973 / sqrt(1.5) = -0.983040
    assert table.loc["comply", "delta"] == pytest.approx(-1.203973, abs=1e-6)
    assert table.loc["comply", "z"] == pytest.approx(-0.983040, abs=1e-6)
    assert list(table.index) == ["sanctuary", "safe", "comply"]  # sorted by z, most typical of a first


def test_the_informative_prior_shrinks_common_words():
    # Same counts, but the background says "safe" is ten times as common as the others: alpha_0 = 12.
    prior = words.informative_prior(Counter(sanctuary=1, safe=10, comply=1), alpha0=12)
    assert prior == {"sanctuary": 1.0, "safe": 10.0, "comply": 1.0}
    table = words.log_odds(Counter(sanctuary=2, safe=2), Counter(safe=0, comply=1), prior).set_index("term")
    # safe: delta = log((2+10)/(4+12-2-10)) - log((0+10)/(1+12-0-10)) = log(12/4) - log(10/3) = log(0.9) = -0.105361
    assert table.loc["safe", "delta"] == pytest.approx(math.log(0.9), abs=1e-9)
    assert abs(table.loc["safe", "z"]) < abs(table.loc["sanctuary", "z"])


def test_swapping_the_groups_flips_the_sign():
    a, b = Counter(x=3, y=1), Counter(x=1, y=4, z=2)
    prior = words.informative_prior(Counter(x=5, y=5, z=2), alpha0=6)
    ab = words.log_odds(a, b, prior).set_index("term")["z"]
    ba = words.log_odds(b, a, prior).set_index("term")["z"]
    assert (ab + ba.reindex(ab.index)).abs().max() < 1e-12


def test_distinctive_words_of_the_corpus_quotations():
    texts_a = ["We will remain a sanctuary city.", "A sanctuary for all."]
    texts_b = ["We will comply with federal law."]
    table = words.distinctive(texts_a, texts_b, texts_a + texts_b + ["The city and the law."], alpha0=10)
    top = table.set_index("term")
    assert top.loc["sanctuary", "z"] == pytest.approx(top["z"].max()) and top.loc["comply", "z"] == pytest.approx(top["z"].min())
    assert top.loc["we", "z"] < 0 < top.loc["city", "z"]  # said by both, or once
    assert (table["total"] == table["count_a"] + table["count_b"]).all()
