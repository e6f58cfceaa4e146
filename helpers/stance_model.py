"""Stance by a trained linear model: logistic regression over cue features and word n-grams.

The model is fitted at run time, in about a second, to the hand-coded
quotations of a real-news part (the development part by default): nothing
is stored but the code. Its features come from the words only:

* the target-aware cues of :mod:`helpers.stance_rules` found in the
  quotation (``cue: ...``) and in its reporting sentence (``reporting cue: ...``);
* the label the rules give (``rules: FAVOR``), so the model can learn when
  to trust them;
* the quotation's words and word pairs (a partial quotation is read with its
  sentence), and the reporting sentence's single words outside the
  quotation marks, without capitalised words (names, places) and office
  words (``reporting: ...``).

Never the speaker's name, party, office or identity: notebook 03 compares
stance by party, and a party feature would make that comparison circular.
Fitting is deterministic (lbfgs, no random start), and :func:`weights` shows
the strongest weights in plain words.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

import numpy as np
import pandas as pd

from . import stance_rules
from .knowledge import Knowledge
from .mentions import ROLE_NOUNS

LABELS = ("AGAINST", "FAVOR", "NONE")


def _stop_words() -> list[str]:
    from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS

    # negations and their kin carry stance ("we will not comply"): they stay
    return sorted(ENGLISH_STOP_WORDS - {"not", "no", "never", "nor", "cannot", "without", "against", "none", "nothing"})


@dataclass
class Model:
    """A fitted stance model: three vectorisers and the classifier."""

    words: object
    context: object
    cues: object
    classifier: object
    n_train: int


_IDENTITY = re.compile(r"\b(?:[A-Z][\w.'’-]*|" + "|".join(re.escape(r) for r in sorted(ROLE_NOUNS, key=len, reverse=True)) + r")s?\b")


def _reporting_words(text: str) -> str:
    """Return the reporting sentence without names or offices, so the model cannot learn who speaks.

    >>> _reporting_words("Texas Gov. Greg Abbott vowed, the governor said.")
    ' . vowed, the said.'
    """
    return re.sub(r"\s+", " ", _IDENTITY.sub(" ", text))


def _outside(text: str, lo: int, hi: int, spans) -> str:
    return stance_rules._outside(text, lo, hi, spans)


def examples(rows: pd.DataFrame, articles: pd.DataFrame, sents: pd.DataFrame) -> pd.DataFrame:
    """Return one row per speech quotation of ``rows`` with the texts and cues the model reads.

    ``rows`` need ``article_id``, ``start``, ``end`` and ``kind``. Columns:
    ``words`` (the quotation, or for a partial quotation its sentence),
    ``context`` (the reporting sentence outside quotation marks) and ``cues``
    (a dict of cue counts).
    """
    texts = dict(zip(articles["article_id"], articles["text"]))
    out = []
    for article_id, group in rows.groupby("article_id", sort=False):
        text = texts[article_id]
        spans = list(zip(group["start"], group["end"]))
        art_s = sents[sents["article_id"] == article_id]
        s_start, s_end = art_s["start"].to_numpy(), art_s["end"].to_numpy()
        for idx, q in group.iterrows():
            hit = (s_start < q["end"]) & (s_end > q["start"])
            lo, hi = (int(s_start[hit].min()), int(s_end[hit].max())) if hit.any() else (int(q["start"]), int(q["end"]))
            others = [(s, e) for s, e in spans if s != q["start"]]
            words = _outside(text, lo, hi, others) if q["kind"] == "partial" else text[q["start"]:q["end"]]
            context = _reporting_words(_outside(text, lo, hi, spans))
            counts: dict[str, float] = {}
            for name, label, _ in stance_rules.cues(words):
                counts[f"cue: {name} ({label})"] = counts.get(f"cue: {name} ({label})", 0) + 1
            own, ctx = stance_rules.cues(words), stance_rules.cues(_outside(text, lo, hi, spans))
            for name, label, _ in ctx:
                counts[f"reporting cue: {name} ({label})"] = counts.get(f"reporting cue: {name} ({label})", 0) + 1
            decided = stance_rules.decide(own)
            counts[f"rules: {decided if decided != 'NONE' or not ctx else stance_rules.decide(own + ctx)}"] = 1
            out.append({"index": idx, "words": words, "context": context, "cues": counts})
    frame = pd.DataFrame(out, columns=["index", "words", "context", "cues"])
    return frame.set_index("index").reindex(rows.index)


def _matrix(model: Model, ex: pd.DataFrame):
    from scipy.sparse import hstack

    return hstack([model.words.transform(ex["words"]), model.context.transform(ex["context"]),
                   model.cues.transform(ex["cues"])]).tocsr()


def fit(part=None, C: float = 0.02) -> Model:
    """Return a model fitted to the hand-coded speech quotations of a real-news part (default: the development part).

    ``C`` is the inverse strength of the L2 penalty; 0.02 was chosen by
    five-fold cross-validation grouped by article on the development part
    (F_avg 0.670, 0.670, 0.676, 0.664 and 0.664 for C = 0.005, 0.01, 0.02,
    0.05 and 0.1): with a few hundred quotations, a strong penalty keeps the
    model from learning single articles' words. English stop words are left
    out, negations kept.

    >>> m = fit()
    >>> m.n_train > 100
    True
    """
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.feature_extraction.text import CountVectorizer
    from sklearn.linear_model import LogisticRegression

    from . import annotate, validation

    stop = _stop_words()
    part = part if part is not None else validation.load()
    speech = part.quotes[part.quotes["kind"].isin(("full", "partial"))].reset_index(drop=True)
    sents = annotate.sentences(part.articles)
    ex = examples(speech, part.articles, sents)
    model = Model(
        words=CountVectorizer(ngram_range=(1, 2), min_df=2, binary=True, lowercase=True, stop_words=stop),
        context=CountVectorizer(ngram_range=(1, 1), min_df=2, binary=True, lowercase=True, stop_words=stop),
        cues=DictVectorizer(),
        classifier=LogisticRegression(C=C, class_weight="balanced", max_iter=5000),
        n_train=len(speech),
    )
    model.words.fit(ex["words"])
    model.context.fit(ex["context"])
    model.cues.fit(ex["cues"])
    model.classifier.fit(_matrix(model, ex), speech["stance"].to_numpy())
    return model


@lru_cache(maxsize=1)
def _default_model() -> Model:
    return fit()


def label(quotes: pd.DataFrame, articles: pd.DataFrame, sents: pd.DataFrame, kb: Knowledge | None = None,
          train=None) -> pd.DataFrame:
    """Return ``quotes`` with ``stance`` predicted by the model and ``cues`` naming its three heaviest features.

    ``train`` is the real-news part to fit to (default: the development part,
    fitted once per session).
    """
    model = fit(train) if train is not None else _default_model()
    out = quotes.copy()
    out["stance"], out["cues"] = out["stance"].astype(object), out["cues"].astype(object)
    speech = out[out["kind"].isin(("full", "partial"))]
    if speech.empty:
        return out
    ex = examples(speech, articles, sents)
    X = _matrix(model, ex)
    predicted = model.classifier.predict(X)
    names = _feature_names(model)
    classes = list(model.classifier.classes_)
    for row, (idx, label_) in enumerate(zip(speech.index, predicted)):
        coef = model.classifier.coef_[classes.index(label_)] if len(classes) > 2 else model.classifier.coef_[0]
        x = X.getrow(row)
        contrib = sorted(((coef[j] * v, names[j]) for j, v in zip(x.indices, x.data)), reverse=True)[:3]
        out.loc[idx, "stance"] = label_
        out.loc[idx, "cues"] = "model: " + "; ".join(f"{_plain(n)} ({w:+.2f})" for w, n in contrib if w > 0)
    return out


def _feature_names(model: Model) -> list[str]:
    return ([f"words: {w}" for w in model.words.get_feature_names_out()]
            + [f"reporting: {w}" for w in model.context.get_feature_names_out()]
            + list(model.cues.get_feature_names_out()))


def _plain(name: str) -> str:
    """Return a feature name in plain words.

    >>> _plain("words: flood the"), _plain("reporting: vowed"), _plain("cue: trust (AGAINST)")
    ("the words 'flood the' in the quotation", "the word 'vowed' in the reporting sentence", "the cue 'trust' (AGAINST) in the quotation")
    """
    if name.startswith("words: "):
        w = name[7:]
        return f"the word{'s' if ' ' in w else ''} '{w}' in the quotation"
    if name.startswith("reporting: "):
        return f"the word '{name[11:]}' in the reporting sentence"
    if name.startswith("reporting cue: "):
        cue, _, lab = name[15:].rpartition(" (")
        return f"the cue '{cue}' ({lab[:-1]}) in the reporting sentence"
    if name.startswith("rules: "):
        return f"the rules' label {name[7:]}"
    if name.startswith("cue: "):
        cue, _, lab = name[5:].rpartition(" (")
        return f"the cue '{cue}' ({lab[:-1]}) in the quotation"
    return name


def weights(model: Model | None = None, n: int = 10) -> pd.DataFrame:
    """Return the ``n`` strongest positive weights of each label, with each feature in plain words.

    Columns: ``label``, ``rank``, ``feature`` (in plain words), ``weight``
    (log-odds per occurrence, rounded to 3 places).
    """
    model = model if model is not None else _default_model()
    names = _feature_names(model)
    rows = []
    for k, label_ in enumerate(model.classifier.classes_):
        coef = model.classifier.coef_[k]
        for rank, j in enumerate(np.argsort(-coef, kind="stable")[:n], 1):
            rows.append({"label": label_, "rank": rank, "feature": _plain(names[j]), "weight": round(float(coef[j]), 3)})
    return pd.DataFrame(rows, columns=["label", "rank", "feature", "weight"])
