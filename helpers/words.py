"""Distinctive words of two groups: the log-odds ratio with an informative Dirichlet prior.

Monroe, Colaresi and Quinn (2008), "Fightin' Words: Lexical Feature Selection
and Evaluation for Identifying the Content of Political Conflict", *Political
Analysis* 16(4), section 3.5. For a word w, counts y_w^i in group i (n^i words
in all) and prior pseudo-counts alpha_w (alpha_0 in all):

    delta_w = log((y_w^i + a_w) / (n^i + a_0 - y_w^i - a_w)) - log((y_w^j + a_w) / (n^j + a_0 - y_w^j - a_w))
    var_w  ~= 1 / (y_w^i + a_w) + 1 / (y_w^j + a_w)
    z_w     = delta_w / sqrt(var_w)

The prior is "informative": alpha_w is proportional to the word's frequency in
a background corpus (here, all the articles' body text), so that a word common
everywhere needs much more evidence to count as distinctive than a rare one,
and a word said once or twice gets a small z, which is the point with a sample
this small.
"""

from __future__ import annotations

import math
import re
from collections import Counter

import pandas as pd

_WORD = re.compile(r"[a-z][a-z'’-]*[a-z]|[a-z]")


def tokens(text: str) -> list[str]:
    """Return the lower-cased words of ``text``: letters, with inner apostrophes and hyphens.

    >>> tokens("“We’re not going around looking for them,” he said. ICE-free zones!")
    ["we're", 'not', 'going', 'around', 'looking', 'for', 'them', 'he', 'said', 'ice-free', 'zones']
    """
    return [w.replace("’", "'") for w in _WORD.findall(text.lower())]


def counts(texts) -> Counter:
    """Return word counts over ``texts``.

    >>> counts(["A sanctuary city", "a city"]).most_common(2)
    [('a', 2), ('city', 2)]
    """
    total: Counter = Counter()
    for text in texts:
        total.update(tokens(text))
    return total


def log_odds(a: Counter, b: Counter, prior: dict[str, float]) -> pd.DataFrame:
    """Return, for every word of ``a`` or ``b``, the log-odds ratio of group a over b, its variance and z-score.

    ``prior`` maps each word to its pseudo-count alpha_w (> 0); a word missing
    from it gets the smallest prior value. Positive ``delta`` and ``z`` mean
    the word is more typical of group a. Columns: ``term``, ``count_a``,
    ``count_b``, ``prior``, ``delta``, ``var``, ``z``, sorted by ``z``, largest first.

    >>> table = log_odds(Counter(a=2, b=1), Counter(b=1, c=1), {"a": 1.0, "b": 1.0, "c": 1.0})
    >>> table[["term", "delta", "z"]].round(4).values.tolist()
    [['a', 1.3863, 1.2006], ['b', -0.2877, -0.2877], ['c', -1.204, -0.983]]
    """
    vocab = sorted(set(a) | set(b))
    floor = min(prior.values()) if prior else 1.0
    alpha = {w: prior.get(w, floor) for w in vocab}
    alpha0 = sum(prior.values()) if prior else float(len(vocab))
    n_a, n_b = sum(a.values()), sum(b.values())
    rows = []
    for w in vocab:
        ya, yb, aw = a.get(w, 0), b.get(w, 0), alpha[w]
        delta = (math.log((ya + aw) / (n_a + alpha0 - ya - aw))
                 - math.log((yb + aw) / (n_b + alpha0 - yb - aw)))
        var = 1 / (ya + aw) + 1 / (yb + aw)
        rows.append((w, ya, yb, aw, delta, var, delta / math.sqrt(var)))
    table = pd.DataFrame(rows, columns=["term", "count_a", "count_b", "prior", "delta", "var", "z"])
    return table.sort_values(["z", "term"], ascending=[False, True], kind="stable").reset_index(drop=True)


def informative_prior(background: Counter, alpha0: float = 500.0) -> dict[str, float]:
    """Return pseudo-counts proportional to each word's frequency in ``background``, summing to ``alpha0``.

    >>> informative_prior(Counter(city=3, sanctuary=1), alpha0=8)
    {'city': 6.0, 'sanctuary': 2.0}
    """
    total = sum(background.values())
    return {w: alpha0 * c / total for w, c in background.items()} if total else {}


def distinctive(texts_a, texts_b, background_texts, alpha0: float = 500.0) -> pd.DataFrame:
    """Return :func:`log_odds` of the words of ``texts_a`` against ``texts_b``, with a background prior.

    The background must contain every word of both groups (the articles
    contain their own quotations); ``alpha0`` sets how strongly the prior
    pulls rare words towards "not distinctive". Adds ``total`` (the word's
    count in both groups).
    """
    prior = informative_prior(counts(background_texts), alpha0)
    table = log_odds(counts(texts_a), counts(texts_b), prior)
    return table.assign(total=table["count_a"] + table["count_b"])


def quotes_with(texts, term: str) -> list[int]:
    """Return the positions of the texts that use ``term`` as a word.

    >>> quotes_with(["A sanctuary city.", "Sanctuary!", "No."], "sanctuary")
    [0, 1]
    """
    return [i for i, t in enumerate(texts) if term in tokens(t)]
