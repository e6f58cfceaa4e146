"""Stance by a trained model that reads whom the words are aimed at, with a calibrated probability.

The model is fitted once to hand-coded speech quotations it is given (a
real-news part, by default the development part) and stored in the
pipeline's cache folder, keyed by the training data and this code
(:func:`trained`); it is never fitted again while the key stays the same.

Its features come from the words only:

* **the target**: in the quotation (``quote``), in its reporting sentence
  outside the marks (``report``) and in the sentence before (``before``),
  each praising, supporting, protecting, attacking or refusing word is paired
  with the side it is aimed at (the nearest target word in the same clause):
  the federal side (ICE, DHS, the administration, deportations, raids,
  detainers, agents, the president ...), local governments (sanctuary
  policies, cities, mayors, governors ...), people (immigrants, families,
  communities ...), criminals ("criminal aliens", gang members ...) or
  protests (protesters, rioters ...). "attack > federal" is AGAINST's
  typical pattern, "attack > criminals" FAVOR's. A negation before the word
  ("will not cooperate") makes it ``not ...``;
* **the reporting verb** (``verb: vowed``);
* the target-aware cues of :mod:`helpers.stance_rules` in the quotation and in
  the reporting sentence, and the label the rules give (``rules: FAVOR``),
  also that of the speaker's other quotations in the article;
* the quotation's words and word pairs (a partial quotation is read with its
  sentence), and the single words of the reporting sentence and of the
  sentence before, without capitalised words (names, places) and office words.

Never the speaker's name, party, office or outlet: notebook 03 compares stance
by party, and a party feature would make that comparison circular. The
speaker's own name is blanked before the target is looked for, so "President
Trump said" is not read as the federal side.

Two learners read the same features (:data:`LEARNERS`): an L2-regularised
logistic regression and scikit-learn's histogram gradient boosting, each
calibrated (sigmoid, folds grouped by article). Each label's probability is
its ``stance_confidence``; ``stance_sure`` is true when it reaches the
model's :attr:`Model.threshold`, chosen on cross-validated predictions over
the training articles (grouped by article) as the lowest confidence at which
the sure labels are right at least :data:`SURE_PRECISION` of the time.
"""

from __future__ import annotations

import bisect
import hashlib
import json
import os
import pickle
import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import numpy as np
import pandas as pd

from . import stance_rules
from .knowledge import Knowledge
from .mentions import ROLE_NOUNS

LABELS = ("AGAINST", "FAVOR", "NONE")
#: The learners compared (see :func:`fit`); :data:`DEFAULT_LEARNER` is the one the pipeline uses.
LEARNERS = ("logistic", "boosting")
DEFAULT_LEARNER = "logistic"
#: Share of sure labels that must be right on the cross-validated training predictions.
SURE_PRECISION = 0.90
#: Folds, grouped by article, for calibration and for choosing the threshold.
FOLDS = 5
SPEECH = ("full", "partial")


def _stop_words() -> list[str]:
    from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS

    # negations and their kin carry stance ("we will not comply"): they stay
    return sorted(ENGLISH_STOP_WORDS - {"not", "no", "never", "nor", "cannot", "without", "against", "none", "nothing"})


# ---------------------------------------------------------------- targets and what is aimed at them

TARGETS: dict[str, str] = {
    "federal": (r"\b(?:ICE|I\.C\.E\.|Immigration and Customs Enforcement|DHS|Homeland Security|Border Patrol|CBP|"
                r"federal (?:government|agents?|officers?|officials?|authorities|immigration|law enforcement|enforcement|"
                r"operations?|troops|partners|agencies|agency)|the feds|feds|administration|Trump\w*|president|White House|"
                r"Justice Department|Department of Justice|DOJ|attorney general|deport\w*|raids?|detainers?|agents?|"
                r"immigration (?:officers|officials|enforcement|authorities|arrests|crackdown|sweeps?|operations?|laws?|policy|policies)|"
                r"enforcement|crackdown|National Guard|troops|military|Washington|executive orders?|287\s*\(g\)|detention|"
                r"surge|operation|Noem|Homan|Bondi|Sessions)\b"),
    "local": (r"\b(?:sanctuar\w+|cit(?:y|ies)|mayors?|governors?|council\w*|count(?:y|ies)|jurisdictions?|politicians|"
              r"local (?:officials|police|leaders|law enforcement|government|governments)|state (?:officials|law|laws|leaders|lawmakers)|"
              r"lawmakers|leaders|officials|judges?|court|ruling)\b"),
    "people": (r"\b(?:immigrants?|migrants?|undocumented|families|family|children|kids|communit(?:y|ies)|neighbou?rs?|"
               r"residents?|workers|asylum seekers|refugees|dreamers|DACA|students|parents|newcomers|people)\b"),
    "criminals": (r"\b(?:criminals?|criminal (?:aliens?|illegal aliens?|offenders|records?)|illegal (?:aliens?|immigrants?)|"
                  r"illegals|aliens?|gang members?|gangs?|MS-13|Tren de Aragua|murderers?|rapists?|predators?|killers?|felons?|"
                  r"drug (?:dealers|traffickers)|traffickers|cartels?|offenders|bad (?:guys|people|actors)|fentanyl|drugs)\b"),
    "protest": (r"\b(?:protest\w*|rioters?|riots?|agitators?|mobs?|insurrection\w*|activists?|demonstrat\w+|unrest|violence)\b"),
}
_TARGET_RX = [(name, re.compile(p, re.I)) for name, p in TARGETS.items()]

ACTIONS: dict[str, str] = {
    "support": (r"(?:support\w*|cooperat\w*|comply|complies|complied|complying|compliance|compliant|partner\w*|assist\w*|help\w*|"
                r"honou?r\w*|back\w*|enforc\w*|uphold\w*|follow\w*|obey\w*|collaborat\w*|coordinat\w*|work\w*|join\w*|sign\w*|"
                r"welcom\w*|applaud\w*|thank\w*|prais\w*|commend\w*|endors\w*|agree\w*|allow\w*|need\w*|must|deport\w*|remov\w*|"
                r"arrest\w*|detain\w*|secur\w*|restor\w*|hold\w*|accountab\w*)"),
    "protect": (r"(?:protect\w*|defend\w*|shield\w*|safe|safer|safety|safeguard\w*|shelter\w*|stand|standing|welcoming|"
                r"dignity|rights|trust|care|caring|love|belong\w*|embrace\w*|solidarity|together|support)"),
    "refuse": (r"(?:refus\w*|reject\w*|resist\w*|defy\w*|defied|oppos\w*|block\w*|fight\w*|fought|sue|sued|suing|lawsuits?|"
               r"challeng\w*|stop\w*|ban|bann\w*|bar|barr\w*|prohibit\w*|end|ending|ended|halt\w*|limit\w*|restrict\w*|"
               r"den(?:y|ied|ies)|condemn\w*|denounc\w*|slam\w*|blast\w*|criticiz\w*|criticis\w*|protest\w*|push\w*|"
               r"withh\w*|cut\w*|strip\w*|punish\w*|defund\w*|obstruct\w*|interfer\w*|impede\w*|hinder\w*|undermin\w*)"),
}
_ACTION_RX = [(name, re.compile(p, re.I)) for name, p in ACTIONS.items()]
_NEGATORS = {"not", "no", "never", "nor", "cannot", "can't", "won't", "don't", "doesn't", "didn't", "isn't", "aren't",
             "wasn't", "weren't", "shouldn't", "wouldn't", "couldn't", "without", "refuse", "refuses", "refused", "stop",
             "end", "nobody", "neither", "n't", "can’t", "won’t", "don’t", "doesn’t", "didn’t", "isn’t", "aren’t"}
REPORTING_VERBS = frozenset("""said say says told tells added adds wrote writes stated states vowed vows warned warns argued argues
insisted insists pledged pledges promised promises threatened threatens accused accuses criticized criticised criticizes
blasted blasts slammed slams praised praises defended defends condemned condemns denounced denounces called calls asked asks
urged urges declared declares announced announces noted notes explained explains acknowledged acknowledges admitted admits
countered counters responded responds replied replies tweeted tweets posted posts claimed claims charged charges lamented
laments complained complains celebrated celebrates applauded applauds thanked thanks welcomed welcomes rejected rejects
dismissed dismisses decried decries questioned questions suggested suggests predicted predicts recalled recalls described
describes emphasized emphasizes stressed stresses cautioned cautions maintained maintains affirmed affirms reiterated
reiterates vowing warning saying telling arguing insisting calling urging adding""".split())
_WORD = re.compile(r"[A-Za-z][\w'’-]*")
_CLAUSE = re.compile(r"[.;:!?]")
WINDOW = 8  # words between an aimed word and its target


@lru_cache(maxsize=1)
def _vader_words() -> tuple[frozenset[str], frozenset[str]]:
    """Return VADER's clearly negative and clearly positive single words (mean valence at most -1.5, at least 1.5)."""
    import vaderSentiment

    path = Path(vaderSentiment.__file__).with_name("vader_lexicon.txt")
    negative, positive = set(), set()
    for line in path.read_text(encoding="utf-8", errors="replace").splitlines():
        parts = line.split("\t")
        if len(parts) < 2 or not _WORD.fullmatch(parts[0]):
            continue
        try:
            value = float(parts[1])
        except ValueError:
            continue
        if value <= -1.5:
            negative.add(parts[0].lower())
        elif value >= 1.5:
            positive.add(parts[0].lower())
    return frozenset(negative), frozenset(positive)


def aimed(text: str, segment: str) -> dict[str, float]:
    """Return counts of what the words of ``text`` praise, support, protect, attack or refuse, and at which side.

    Each word that attacks (VADER's negative words), praises (VADER's positive
    words), supports, protects or refuses is paired with the nearest target
    word within :data:`WINDOW` words in the same clause; a negation in the two
    words before it makes it ``not ...``. Keys read ``segment: attack > federal``;
    ``segment: federal`` counts the mentions of a side.

    >>> sorted(aimed("We will not cooperate with ICE.", "quote"))
    ['quote: federal', 'quote: not support', 'quote: not support > federal']
    >>> aimed("Sanctuary cities protect criminals.", "quote")["quote: protect > criminals"]
    1.0
    """
    negative, positive = _vader_words()
    words = [(m.start(), m.end(), m.group()) for m in _WORD.finditer(text)]
    if not words:
        return {}
    starts = [w[0] for w in words]
    clause_of = np.cumsum([0] + [1 if _CLAUSE.search(text[words[i][1]:words[i + 1][0]]) else 0
                                 for i in range(len(words) - 1)])
    targets: dict[int, str] = {}
    for name, rx in _TARGET_RX:
        for m in rx.finditer(text):
            i = bisect.bisect_right(starts, m.start()) - 1
            if i >= 0 and i not in targets:
                targets[i] = name
    out: dict[str, float] = {}

    def add(key: str) -> None:
        out[f"{segment}: {key}"] = out.get(f"{segment}: {key}", 0.0) + 1.0

    for name in targets.values():
        add(name)
    for i, (_, _, word) in enumerate(words):
        low = word.lower()
        kinds = [name for name, rx in _ACTION_RX if rx.fullmatch(word)]
        if low in negative and "refuse" not in kinds:
            kinds.append("attack")
        if low in positive and not kinds:
            kinds.append("praise")
        if not kinds or i in targets:
            continue
        negated = any(words[j][2].lower() in _NEGATORS or words[j][2].lower().endswith(("n't", "n’t"))
                      for j in range(max(0, i - 2), i) if clause_of[j] == clause_of[i])
        best = None
        for d in range(1, WINDOW + 1):
            for j in (i + d, i - d):
                if j in targets and clause_of[j] == clause_of[i]:
                    best = targets[j]
                    break
            if best:
                break
        for kind in kinds:
            kind = f"not {kind}" if negated else kind
            add(kind)
            if best:
                add(f"{kind} > {best}")
    return out


# ---------------------------------------------------------------- examples

#: Office and party words blanked besides :data:`helpers.mentions.ROLE_NOUNS`: who speaks, never what is said.
OFFICE_WORDS = ("anchor", "host", "reporter", "correspondent", "editor", "columnist", "press secretary", "czar",
                "congressman", "congresswoman", "congressmember", "lawmaker", "legislator", "assemblyman", "assemblywoman",
                "alderman", "alderwoman", "candidate", "nominee", "commentator", "republican", "democrat", "democratic",
                "gop", "dem", "libertarian", "progressive", "conservative")
_ROLES = "|".join(re.escape(r) for r in sorted(set(ROLE_NOUNS) | set(OFFICE_WORDS), key=len, reverse=True))
_IDENTITY = re.compile(r"\b(?:[A-Z][\w.'’-]*|" + _ROLES + r")s?\b")
_OFFICE = re.compile(r"\b(?:" + _ROLES + r")s?\b", re.I)


def _reporting_words(text: str) -> str:
    """Return the reporting sentence without names or offices, so the model cannot learn who speaks.

    >>> _reporting_words("Texas Gov. Greg Abbott vowed, the governor said.")
    ' . vowed, the said.'
    """
    return re.sub(r"\s+", " ", _IDENTITY.sub(" ", text))


def _without_speaker(text: str, speaker: str) -> str:
    """Return ``text`` with the speaker's name words and every office word blanked (the target is looked for in it).

    >>> _without_speaker("President Donald Trump said the cities protect criminals", "Donald Trump")
    '                       said the cities protect criminals'
    """
    names = [w for w in re.findall(r"[A-Za-z][\w'’-]+", speaker or "") if len(w) > 2 and w.lower() not in ("the", "and")]
    if names:
        text = re.sub(r"\b(?:" + "|".join(re.escape(n) for n in names) + r")(?:'s|’s)?\b", lambda m: " " * len(m.group()), text)
    return _OFFICE.sub(lambda m: " " * len(m.group()), text)


def _outside(text: str, lo: int, hi: int, spans) -> str:
    return stance_rules._outside(text, lo, hi, spans)


def _count(counts: dict[str, float], key: str) -> None:
    counts[key] = counts.get(key, 0.0) + 1.0


def examples(rows: pd.DataFrame, articles: pd.DataFrame, sents: pd.DataFrame) -> pd.DataFrame:
    """Return one row per quotation of ``rows`` with the texts and features the model reads.

    ``rows`` need ``article_id``, ``start``, ``end`` and ``kind`` (``speaker``
    if there is one: it is blanked, and the speaker's other quotations in the
    article are read). Columns: ``words`` (the quotation, or for a partial
    quotation its sentence), ``context`` (the reporting sentence outside
    quotation marks, without names and offices), ``before`` (the sentence
    before, likewise) and ``features`` (a dict of counts: cues, the rules'
    label, the reporting verb and what is aimed at which side).
    """
    texts = dict(zip(articles["article_id"].tolist(), articles["text"].tolist()))
    by_article = {a: (g["start"].to_numpy(), g["end"].to_numpy()) for a, g in sents.groupby("article_id", sort=False)}
    empty = (np.array([], dtype=int), np.array([], dtype=int))
    speakers = rows["speaker"].astype(str).tolist() if "speaker" in rows else [""] * len(rows)
    out = []
    rules_of: list[str] = []
    for (article_id, group) in rows.groupby("article_id", sort=False):
        text = texts[article_id]
        spans = list(zip(group["start"].tolist(), group["end"].tolist()))
        s_start, s_end = by_article.get(article_id, empty)
        for idx, start, end, kind in zip(group.index, group["start"].tolist(), group["end"].tolist(), group["kind"].tolist()):
            hit = (s_start < end) & (s_end > start)
            lo, hi = (int(s_start[hit].min()), int(s_end[hit].max())) if hit.any() else (int(start), int(end))
            earlier = s_end[s_end <= lo]
            plo = int(s_start[s_end <= lo].max()) if len(earlier) else lo
            others = [(s, e) for s, e in spans if s != start]
            words = _outside(text, lo, hi, others) if kind == "partial" else text[start:end]
            outside = _outside(text, lo, hi, spans)
            before = _outside(text, plo, lo, spans) if plo < lo else ""
            speaker = speakers[rows.index.get_loc(idx)] if "speaker" in rows else ""
            counts: dict[str, float] = {}
            own, ctx = stance_rules.cues(words), stance_rules.cues(outside)
            for name, lab, _ in own:
                _count(counts, f"cue: {name} ({lab})")
            for name, lab, _ in ctx:
                _count(counts, f"reporting cue: {name} ({lab})")
            decided = stance_rules.decide(own)
            decided = decided if decided != "NONE" or not ctx else stance_rules.decide(own + ctx)
            counts[f"rules: {decided}"] = 1.0
            rules_of.append(decided)
            for verb in {w.lower() for w in _WORD.findall(outside)} & REPORTING_VERBS:
                counts[f"verb: {verb}"] = 1.0
            counts.update(aimed(words, "quote"))
            counts.update(aimed(_without_speaker(outside, speaker), "report"))
            if before.strip():
                counts.update(aimed(_without_speaker(before, speaker), "before"))
            counts[f"kind: {kind}"] = 1.0
            out.append({"index": idx, "article_id": article_id, "speaker": speaker, "words": words,
                        "context": _reporting_words(outside), "before": _reporting_words(before), "features": counts})
    frame = pd.DataFrame(out, columns=["index", "article_id", "speaker", "words", "context", "before", "features"])
    frame["rules"] = rules_of
    # the rules' label of the speaker's other quotations in the same article (never who the speaker is)
    feats = frame["features"].tolist()
    for (_, speaker), g in frame.groupby(["article_id", "speaker"], sort=False):
        if not speaker or speaker == "unknown" or len(g) < 2:
            continue
        labels = g["rules"].tolist()
        for k, row in enumerate(g.index):
            for j, lab in enumerate(labels):
                if j != k and lab != "NONE":
                    _count(feats[row], f"same speaker: {lab}")
    frame["features"] = feats
    return frame.set_index("index").reindex(rows.index)


# ---------------------------------------------------------------- the model

@dataclass
class Model:
    """A fitted stance model: its vectorisers, the calibrated classifier, and the threshold of a sure label."""

    learner: str
    words: object
    context: object
    before: object
    features: object
    classifier: object
    n_train: int
    threshold: float = 1.0
    stack: object = None  # the second stage: own probabilities beside those of the speaker's other quotations
    key: str = ""
    source: str = ""
    cv: dict = field(default_factory=dict)  # the cross-validated training predictions the threshold was chosen on

    @property
    def classes(self) -> list[str]:
        return list(self.classifier.classes_)


def _vectorisers():
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.feature_extraction.text import CountVectorizer

    stop = _stop_words()
    return (CountVectorizer(ngram_range=(1, 2), min_df=2, binary=True, lowercase=True, stop_words=stop),
            CountVectorizer(ngram_range=(1, 1), min_df=2, binary=True, lowercase=True, stop_words=stop),
            CountVectorizer(ngram_range=(1, 1), min_df=3, binary=True, lowercase=True, stop_words=stop),
            DictVectorizer())


def _matrix(model: Model, ex: pd.DataFrame):
    from scipy.sparse import hstack

    return hstack([model.words.transform(ex["words"]), model.context.transform(ex["context"]),
                   model.before.transform(ex["before"]), model.features.transform(ex["features"])]).tocsr()


#: Each learner's settings, chosen by grouped five-fold cross-validation on the development part.
SETTINGS = {
    "logistic": {"C": 0.1},
    "boosting": {"max_iter": 100, "learning_rate": 0.1, "max_leaf_nodes": 15, "min_samples_leaf": 10,
                 "l2_regularization": 1.0},
}


def _dense(X):
    return X.toarray() if hasattr(X, "toarray") else X


def _estimator(learner: str):
    from sklearn.ensemble import HistGradientBoostingClassifier
    from sklearn.linear_model import LogisticRegression
    from sklearn.pipeline import make_pipeline
    from sklearn.preprocessing import FunctionTransformer

    if learner == "logistic":
        return LogisticRegression(class_weight="balanced", max_iter=5000, **SETTINGS["logistic"])
    if learner == "boosting":
        return make_pipeline(FunctionTransformer(_dense, accept_sparse=True), HistGradientBoostingClassifier(class_weight="balanced", random_state=0,
                                                                   early_stopping=False, **SETTINGS["boosting"]))
    raise ValueError(f"learner must be one of {list(LEARNERS)}; got {learner!r}")


def _splits(groups, k: int = FOLDS):
    from sklearn.model_selection import GroupKFold

    groups = np.asarray(groups)
    k = min(k, len(set(groups)))
    return list(GroupKFold(n_splits=k).split(np.zeros(len(groups)), groups=groups))


def _scores(estimator, X) -> np.ndarray:
    """Return the learner's raw scores, one column per label (log-odds for the logistic learner)."""
    if hasattr(estimator, "decision_function"):
        return np.asarray(estimator.decision_function(X)).reshape(X.shape[0], -1)
    return np.log(np.clip(estimator.predict_proba(X), 1e-9, 1.0))


class Calibrated:
    """A learner with sigmoid calibration fitted on its out-of-fold scores (folds grouped by article).

    As scikit-learn's ``CalibratedClassifierCV(method="sigmoid", ensemble=False)``:
    the learner is fitted on every fold's other articles to score the fold,
    one sigmoid per label is fitted on those scores, and the learner is then
    fitted on all the data. The out-of-fold probabilities are kept
    (``oof``): they are the cross-validated predictions a threshold is chosen on.
    """

    def __init__(self, learner: str):
        self.learner = learner

    def fit(self, X, y, groups) -> "Calibrated":
        from sklearn.base import clone
        from sklearn.linear_model import LogisticRegression

        y = np.asarray(y)
        self.classes_ = np.unique(y)
        base = _estimator(self.learner)
        raw = np.zeros((len(y), len(self.classes_)))
        for train_i, test_i in _splits(groups):
            est = clone(base).fit(X[train_i], y[train_i])
            found = list(est.classes_)
            scores = _scores(est, X[test_i])
            for k, c in enumerate(self.classes_):
                raw[test_i, k] = scores[:, found.index(c)] if c in found else -30.0
        self.sigmoids_ = [LogisticRegression(C=1e4).fit(raw[:, [k]], (y == c).astype(int)) for k, c in enumerate(self.classes_)]
        self.estimator = clone(base).fit(X, y)
        self.oof = self._calibrate(raw)
        return self

    def _calibrate(self, raw: np.ndarray) -> np.ndarray:
        p = np.column_stack([s.predict_proba(raw[:, [k]])[:, 1] for k, s in enumerate(self.sigmoids_)])
        total = p.sum(axis=1, keepdims=True)
        return np.where(total > 0, p / np.where(total > 0, total, 1), 1.0 / len(self.classes_))

    def predict_proba(self, X) -> np.ndarray:
        return self._calibrate(_scores(self.estimator, X))

    def predict(self, X) -> np.ndarray:
        return self.classes_[self.predict_proba(X).argmax(axis=1)]


def choose_threshold(right, confidence, precision: float = SURE_PRECISION) -> float:
    """Return the lowest confidence at which the labels at or above it are right at least ``precision`` of the time.

    ``right`` says whether each predicted label was right, ``confidence`` is
    its probability. When no threshold reaches the precision, 1.0 (hardly any label is sure).

    >>> choose_threshold([True, True, False, True], [0.9, 0.8, 0.7, 0.6], 0.9)
    0.8
    >>> choose_threshold([False], [0.9])
    1.0
    """
    right, confidence = np.asarray(right, dtype=bool), np.asarray(confidence, dtype=float)
    order = np.argsort(-confidence, kind="stable")
    hits = np.cumsum(right[order])
    n = np.arange(1, len(order) + 1)
    ok = hits / n >= precision
    # a threshold must separate the labels: only the last of equal confidences counts
    last = np.r_[confidence[order][1:] != confidence[order][:-1], True] if len(order) else np.array([], dtype=bool)
    good = np.flatnonzero(ok & last)
    return round(float(confidence[order][good[-1]]), 4) if len(good) else 1.0


def training_examples(part) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Return the speech quotations of a part (``articles``, ``quotes`` with ``start``/``end``, ``kind``, ``stance``) and their examples."""
    from . import annotate

    speech = part.quotes[part.quotes["kind"].isin(SPEECH)].reset_index(drop=True)
    arts = part.articles[part.articles["article_id"].isin(set(speech["article_id"]))]
    return speech, examples(speech, arts, annotate.sentences(arts))


def fit(part, learner: str = DEFAULT_LEARNER, threshold: bool = True, source: str = "") -> Model:
    """Return a model fitted to the hand-coded speech quotations of ``part`` (a :class:`helpers.validation.Part`).

    ``learner`` is one of :data:`LEARNERS`; the classifier is calibrated on
    folds grouped by article. With ``threshold``, the threshold of a sure
    label is chosen on cross-validated predictions over the part's articles
    (:func:`choose_threshold`), and kept in :attr:`Model.cv`. Fitting is
    deterministic. ``source`` names the training data.

    >>> from helpers import validation
    >>> m = fit(validation.load(), threshold=False)
    >>> m.n_train > 100, m.classes
    (True, ['AGAINST', 'FAVOR', 'NONE'])
    """
    speech, ex = training_examples(part)
    return _fit_examples(speech, ex, learner, threshold, source or getattr(part, "name", ""))


def speaker_groups(article_ids, speakers) -> list[list[int]]:
    """Return, per row, the positions of the same speaker's other quotations in the same article.

    Only to put a speaker's quotations side by side: who the speaker is never
    becomes a feature. An empty or ``unknown`` speaker has none.

    >>> speaker_groups(["a", "a", "a", "b"], ["X", "X", "", "X"])
    [[1], [0], [], []]
    """
    rows: dict[tuple, list[int]] = {}
    keys = list(zip(article_ids, speakers))
    for i, (article_id, speaker) in enumerate(keys):
        if speaker and str(speaker).lower() != "unknown":
            rows.setdefault((article_id, speaker), []).append(i)
    return [[j for j in rows.get(k, []) if j != i] for i, k in enumerate(keys)]


def _stacked(proba: np.ndarray, siblings: list[list[int]]) -> np.ndarray:
    """Return the second stage's features: the label probabilities and the mean of the speaker's other quotations'."""
    mean = np.array([proba[s].mean(axis=0) if s else np.zeros(proba.shape[1]) for s in siblings]).reshape(proba.shape)
    has = np.array([[1.0 if s else 0.0] for s in siblings]).reshape(-1, 1)
    return np.hstack([np.log(np.clip(proba, 1e-6, 1.0)), mean, has, np.log1p([[len(s)] for s in siblings]).reshape(-1, 1)])


def _fit_examples(speech: pd.DataFrame, ex: pd.DataFrame, learner: str, threshold: bool, source: str) -> Model:
    from sklearn.base import clone
    from sklearn.linear_model import LogisticRegression

    y, groups = speech["stance"].to_numpy(), speech["article_id"].to_numpy()
    words, context, before, features = _vectorisers()
    model = Model(learner, words, context, before, features, None, len(speech), source=source)
    for vec, column in ((words, "words"), (context, "context"), (before, "before"), (features, "features")):
        vec.fit(ex[column])
    model.classifier = Calibrated(learner).fit(_matrix(model, ex), y, groups)
    # the second stage learns from the first stage's out-of-fold probabilities, as it will meet them on new articles
    siblings = speaker_groups(groups, ex["speaker"].tolist())
    Z = _stacked(model.classifier.oof, siblings)
    stack = LogisticRegression(C=1.0, max_iter=2000)
    model.stack = clone(stack).fit(Z, y)
    if threshold:
        proba = np.zeros((len(y), len(model.classes)))
        for train_i, test_i in _splits(groups):
            proba[test_i] = clone(stack).fit(Z[train_i], y[train_i]).predict_proba(Z[test_i])
        predicted = np.asarray(model.classes)[proba.argmax(axis=1)]
        confidence = proba.max(axis=1)
        model.threshold = choose_threshold(predicted == y, confidence)
        model.cv = {"stance": y.tolist(), "predicted": predicted.tolist(), "confidence": confidence.round(6).tolist(),
                    "article_id": groups.tolist()}
    return model


def probabilities(model: Model, ex: pd.DataFrame) -> np.ndarray:
    """Return the probability of each label (columns in ``model.classes`` order) for examples of :func:`examples`."""
    first = model.classifier.predict_proba(_matrix(model, ex))
    if model.stack is None:
        return first
    return model.stack.predict_proba(_stacked(first, speaker_groups(ex["article_id"].tolist(), ex["speaker"].tolist())))


def predict(model: Model, rows: pd.DataFrame, articles: pd.DataFrame, sents: pd.DataFrame) -> pd.DataFrame:
    """Return per row of ``rows`` (speech quotations): ``stance``, ``stance_confidence`` in [0, 1], ``stance_sure`` and ``cues``.

    The rows are read in one batch; ``cues`` names the three features that
    weigh most for the label (for the logistic learner) or the rules' cues.
    """
    out = pd.DataFrame(index=rows.index, columns=["stance", "stance_confidence", "stance_sure", "cues"])
    if rows.empty:
        return out.astype({"stance_confidence": float, "stance_sure": bool})
    ex = examples(rows, articles, sents)
    X = _matrix(model, ex)
    proba = probabilities(model, ex)
    best = proba.argmax(axis=1)
    classes = np.asarray(model.classes)
    confidence = proba[np.arange(len(best)), best]
    out["stance"] = classes[best]
    out["stance_confidence"] = np.round(confidence, 4).astype(float)
    out["stance_sure"] = confidence >= model.threshold
    out["cues"] = _explain(model, X, classes[best], ex)
    return out.astype({"stance_confidence": float, "stance_sure": bool})


def _explain(model: Model, X, labels, ex: pd.DataFrame) -> list[str]:
    coef = _coefficients(model)
    if coef is None:
        return [f"model ({model.learner}); rules: {r}" for r in ex["rules"]]
    names = _feature_names(model)
    classes = model.classes
    out = []
    for row, lab in enumerate(labels):
        c = coef[classes.index(lab)]
        x = X.getrow(row)
        contrib = sorted(((c[j] * v, names[j]) for j, v in zip(x.indices, x.data)), reverse=True)[:3]
        out.append("model: " + "; ".join(f"{_plain(n)} ({w:+.2f})" for w, n in contrib if w > 0))
    return out


def _coefficients(model: Model):
    """Return the logistic weights averaged over the calibration folds (labels x features), or None for another learner."""
    if model.learner != "logistic":
        return None
    return model.classifier.estimator.coef_


# ---------------------------------------------------------------- trained once, kept in the cache

#: Modules whose code shapes the model: a change to any of them trains afresh.
MODEL_CODE = ("stance_model.py", "stance_rules.py", "stance.py", "prefilter.py", "knowledge.py", "mentions.py",
              "annotate.py", "spans.py", "paragraphs.py")
_PACKAGES = ("scikit-learn", "scipy", "numpy", "pandas", "vaderSentiment", "nltk")


def training_key(part, learner: str = DEFAULT_LEARNER) -> str:
    """Return the SHA-256 that keys a trained model: the training quotations and texts, this code, the packages, the learner.

    >>> from helpers import validation
    >>> len(training_key(validation.load()))
    64
    """
    from importlib import metadata

    digest = hashlib.sha256()
    speech = part.quotes[part.quotes["kind"].isin(SPEECH)]
    cols = [c for c in ("article_id", "start", "end", "kind", "speaker", "stance") if c in speech]
    digest.update(speech[cols].to_csv(index=False).encode())
    arts = part.articles[part.articles["article_id"].isin(set(speech["article_id"]))].sort_values("article_id")
    for article_id, text in zip(arts["article_id"], arts["text"]):
        digest.update(article_id.encode() + b"\0" + text.encode() + b"\0")
    here = Path(__file__).resolve().parent
    for name in MODEL_CODE:
        path = here / name
        digest.update(name.encode() + b"\0" + (path.read_bytes() if path.is_file() else b""))
    versions = {}
    for name in _PACKAGES:
        try:
            versions[name] = metadata.version(name)
        except metadata.PackageNotFoundError:
            versions[name] = ""
    digest.update(json.dumps({"versions": versions, "learner": learner, "settings": SETTINGS.get(learner),
                              "precision": SURE_PRECISION, "folds": FOLDS}, sort_keys=True).encode())
    return digest.hexdigest()


def model_dir() -> Path:
    """Return the folder of trained models: ``$SANCTUARY_CACHE/stance_model`` if set, else ``.cache/stance_model``."""
    from .corpus import ROOT

    base = os.environ.get("SANCTUARY_CACHE")
    return (Path(base) if base else ROOT / ".cache") / "stance_model"


_LOADED: dict[str, Model] = {}


def load_file(path: str | Path) -> Model:
    """Return the model stored at ``path`` (read once per process)."""
    path = str(path)
    if path not in _LOADED:
        with open(path, "rb") as handle:
            _LOADED[path] = pickle.load(handle)
    return _LOADED[path]


def trained(part=None, learner: str = DEFAULT_LEARNER, source: str = "") -> Model:
    """Return the model trained on ``part`` (default: :func:`default_training`), from the cache when it is there.

    The model is stored in :func:`model_dir` as ``<key>.pkl``, the key being
    :func:`training_key`; it is fitted only when no file has that key. A file
    that cannot be read is fitted again and replaced.
    """
    part = part if part is not None else default_training()
    key = training_key(part, learner)
    path = model_dir() / f"{key}.pkl"
    if str(path) in _LOADED:
        return _LOADED[str(path)]
    try:
        model = load_file(path)
        if model.key == key:
            return model
    except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ValueError, TypeError):
        pass
    model = fit(part, learner, source=source or getattr(part, "name", ""))
    model.key = key
    try:
        from .pipeline import _write_atomic

        path.parent.mkdir(parents=True, exist_ok=True)
        _write_atomic(path, lambda tmp: tmp.write_bytes(pickle.dumps(model, protocol=pickle.HIGHEST_PROTOCOL)))
        _prune(path)
    except OSError:
        pass  # a read-only cache: the model lives for this session only
    _LOADED[str(path)] = model
    return model


#: Trained models kept in the cache folder (the newest).
KEEP_MODELS = 8


def _prune(keep: Path) -> None:
    """Remove all but the newest :data:`KEEP_MODELS` stored models."""
    old = sorted((p for p in keep.parent.glob("*.pkl") if p != keep), key=lambda p: p.stat().st_mtime, reverse=True)
    for path in old[KEEP_MODELS - 1:]:
        path.unlink(missing_ok=True)


def model_path(model: Model) -> Path:
    """Return where a trained model is stored."""
    return model_dir() / f"{model.key}.pkl"


def default_training():
    """Return the default training data: the development part of the real-news set."""
    from . import validation

    return validation.load(validation.DEV_DIR, name="dev")


# ---------------------------------------------------------------- labelling

def label(quotes: pd.DataFrame, articles: pd.DataFrame, sents: pd.DataFrame, kb: Knowledge | None = None,
          train=None, model: Model | None = None, learner: str = DEFAULT_LEARNER) -> pd.DataFrame:
    """Return ``quotes`` with ``stance``, ``stance_confidence``, ``stance_sure`` and ``cues`` from the model.

    ``model`` is a trained :class:`Model`; else one is trained on ``train``
    (a real-news part; default: the development part), or read from the cache.
    Quotations that are not speech keep an empty stance, confidence 0.0 and
    ``stance_sure`` False; a news outlet quoted as a source is reporting:
    NONE, as with the rules.
    """
    model = model if model is not None else trained(train, learner)
    out = quotes.copy()
    out["stance"], out["cues"] = out["stance"].astype(object), out["cues"].astype(object)
    out["stance_confidence"] = 0.0
    out["stance_sure"] = False
    speech = out[out["kind"].isin(SPEECH)]
    if speech.empty:
        return out.assign(stance=out["stance"].astype(str), cues=out["cues"].astype(str))
    found = predict(model, speech, articles, sents)
    for column in ("stance", "stance_confidence", "stance_sure", "cues"):
        out.loc[speech.index, column] = found[column]
    if "speaker_role" in out:
        from .stance import _is_reporter

        reporter = out.index.isin(speech.index) & out["speaker_role"].map(_is_reporter).to_numpy(dtype=bool)
        out.loc[reporter, "stance"] = "NONE"
        out.loc[reporter, "cues"] = "speaker is a news outlet, reporting"
    out["stance_confidence"] = out["stance_confidence"].astype(float)
    out["stance_sure"] = out["stance_sure"].astype(bool)
    return out.assign(stance=out["stance"].astype(str), cues=out["cues"].astype(str))


def _feature_names(model: Model) -> list[str]:
    return ([f"words: {w}" for w in model.words.get_feature_names_out()]
            + [f"reporting: {w}" for w in model.context.get_feature_names_out()]
            + [f"before: {w}" for w in model.before.get_feature_names_out()]
            + list(model.features.get_feature_names_out()))


def feature_names(model: Model) -> list[str]:
    """Return the name of every feature of a fitted model (``words: ...``, ``reporting: ...``, ``quote: attack > federal`` ...)."""
    return _feature_names(model)


def _plain(name: str) -> str:
    """Return a feature name in plain words.

    >>> _plain("words: flood the"), _plain("reporting: vowed"), _plain("cue: trust (AGAINST)")
    ("the words 'flood the' in the quotation", "the word 'vowed' in the reporting sentence", "the cue 'trust' (AGAINST) in the quotation")
    >>> _plain("report: attack > federal"), _plain("quote: not support > federal"), _plain("verb: vowed")
    ('attacking words aimed at the federal side in the reporting sentence', 'negated supporting words aimed at the federal side in the quotation', "the reporting verb 'vowed'")
    """
    if name.startswith("words: "):
        w = name[7:]
        return f"the word{'s' if ' ' in w else ''} '{w}' in the quotation"
    if name.startswith("reporting: "):
        return f"the word '{name[11:]}' in the reporting sentence"
    if name.startswith("before: "):
        return f"the word '{name[8:]}' in the sentence before"
    if name.startswith("reporting cue: "):
        cue, _, lab = name[15:].rpartition(" (")
        return f"the cue '{cue}' ({lab[:-1]}) in the reporting sentence"
    if name.startswith("rules: "):
        return f"the rules' label {name[7:]}"
    if name.startswith("same speaker: "):
        return f"the rules' label {name[14:]} for the speaker's other quotations"
    if name.startswith("cue: "):
        cue, _, lab = name[5:].rpartition(" (")
        return f"the cue '{cue}' ({lab[:-1]}) in the quotation"
    if name.startswith("verb: "):
        return f"the reporting verb '{name[6:]}'"
    if name.startswith("kind: "):
        return f"a {name[6:]} quotation"
    segment, _, what = name.partition(": ")
    where = {"quote": "the quotation", "report": "the reporting sentence", "before": "the sentence before"}.get(segment)
    if where:
        doing = {"attack": "attacking", "praise": "praising", "support": "supporting", "protect": "protecting",
                 "refuse": "refusing"}
        act, _, target = what.partition(" > ")
        negated = act.startswith("not ")
        act = act[4:] if negated else act
        side = {"federal": "the federal side", "local": "local governments", "people": "immigrants and communities",
                "criminals": "criminals", "protest": "protests"}
        if act in doing:
            words = f"{'negated ' if negated else ''}{doing[act]} words"
            return f"{words} aimed at {side[target]} in {where}" if target else f"{words} in {where}"
        if act in side:
            return f"a mention of {side[act]} in {where}"
    return name


def weights(model: Model | None = None, n: int = 10) -> pd.DataFrame:
    """Return the ``n`` strongest positive weights of each label of a logistic model, each feature in plain words.

    Columns: ``label``, ``rank``, ``feature`` (in plain words), ``weight``
    (log-odds per occurrence before calibration, rounded to 3 places).
    """
    model = model if model is not None else trained()
    coef = _coefficients(model)
    rows = []
    if coef is not None:
        names = _feature_names(model)
        for k, label_ in enumerate(model.classes):
            for rank, j in enumerate(np.argsort(-coef[k], kind="stable")[:n], 1):
                rows.append({"label": label_, "rank": rank, "feature": _plain(names[j]), "weight": round(float(coef[k][j]), 3)})
    return pd.DataFrame(rows, columns=["label", "rank", "feature", "weight"])
