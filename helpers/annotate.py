"""Annotate the corpus automatically: sentences and their sentiment.

Each function takes a table and returns a new table with named columns added;
nothing is changed in place and nothing is written to disk.
"""

from __future__ import annotations

from functools import lru_cache

import pandas as pd

from . import offline
from .paragraphs import paragraphs as _paragraphs

SENTENCE_COLUMNS = [
    "article_id", "sentence", "paragraph", "paragraph_type", "section", "start", "end", "text", "n_words",
]


def sentences(articles: pd.DataFrame, paras: pd.DataFrame | None = None, progress: bool = False) -> pd.DataFrame:
    """Return one row per sentence, with character offsets into the raw text.

    Sentences come from TextBlob (``TextBlob(paragraph).sentences``), one
    paragraph at a time, so a heading or caption never runs into the next
    paragraph. ``sentence`` counts from 1 within each article, and for every
    row ``article_text[start:end] == text``. ``n_words`` is ``len(.words)``.

    >>> from helpers import corpus
    >>> sents = sentences(corpus.load())
    >>> row = sents[sents["text"].str.contains("Jr. Day Public Policy Forum in New York")].iloc[0]
    >>> row["text"]
    'New York City mayor Bill de Blasio speaks to guests during the National Action Network (NAN) Dr. Martin Luther King, Jr. Day Public Policy Forum in New York City on Jan. 15, 2018.'
    """
    from textblob import TextBlob

    offline.require_punkt()
    paras = _paragraphs(articles) if paras is None else paras
    rows = []
    groups = paras.groupby("article_id", sort=False)
    if progress:
        from tqdm.auto import tqdm

        groups = tqdm(groups, total=paras["article_id"].nunique(), desc="sentences", unit="article")
    for article_id, group in groups:
        number = 0
        for par in group.itertuples(index=False):
            for start, end in _join_titles([(s.start, s.end) for s in TextBlob(par.text).sentences], par.text):
                number += 1
                text = par.text[start:end]
                rows.append((
                    article_id, number, par.paragraph, par.paragraph_type, par.section,
                    par.start + start, par.start + end, text, len(TextBlob(text).words),
                ))
    frame = pd.DataFrame(rows, columns=SENTENCE_COLUMNS)
    frame["paragraph_type"] = pd.Categorical(frame["paragraph_type"], categories=paras["paragraph_type"].cat.categories)
    return frame


# Titles written before a name that the sentence tokenizer may take for a sentence end.
TITLE_ABBREVIATIONS = ("Gov.", "Sen.", "Rep.", "Lt.", "Gen.", "Sgt.", "Capt.", "Prof.", "Dr.", "Mr.", "Mrs.", "Ms.", "St.", "Supt.", "Det.", "Insp.")


def _join_titles(spans: list[tuple[int, int]], text: str) -> list[tuple[int, int]]:
    """Return sentence spans with a break after a title such as "Gov." undone.

    >>> t = "SALT LAKE — Gov. Ada Lee spoke. She left."
    >>> [t[s:e] for s, e in _join_titles([(0, 16), (17, 31), (32, 41)], t)]
    ['SALT LAKE — Gov. Ada Lee spoke.', 'She left.']
    """
    out: list[tuple[int, int]] = []
    for start, end in spans:
        if out and text[:out[-1][1]].endswith(TITLE_ABBREVIATIONS) and text[start:start + 1].isupper():
            out[-1] = (out[-1][0], end)
        else:
            out.append((start, end))
    return out


def _textblob(text: str) -> dict:
    from textblob import TextBlob

    polarity, subjectivity = TextBlob(text).sentiment
    return {"polarity": float(polarity), "subjectivity": float(subjectivity)}


@lru_cache(maxsize=1)
def _vader_analyzer():
    from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

    return SentimentIntensityAnalyzer()


def _vader(text: str) -> dict:
    return {"vader_compound": float(_vader_analyzer().polarity_scores(text)["compound"])}


#: Sentiment back ends: name -> function(text) -> {column: value}.
#: ``textblob``: polarity in [-1.0, 1.0] and subjectivity in [0.0, 1.0] (PatternAnalyzer lexicon).
#: ``vader``: VADER's compound score in [-1.0, 1.0] (lexicon shipped with the package).
ANALYZERS = {"textblob": _textblob, "vader": _vader}


def sentiment(frame: pd.DataFrame, analyzer: str | tuple[str, ...] = "textblob", column: str = "text") -> pd.DataFrame:
    """Return a copy of ``frame`` with sentiment columns for each row's ``text``.

    ``analyzer="textblob"`` adds ``polarity`` in [-1.0, 1.0] and
    ``subjectivity`` in [0.0, 1.0]; ``analyzer="vader"`` adds
    ``vader_compound`` in [-1.0, 1.0]; a tuple such as
    ``("textblob", "vader")`` adds the columns of each, in that order, for
    comparing them. Scores are rounded to 4 decimals so
    that stored outputs stay stable. Sentiment is how positive the wording is,
    not a stance for or against anything.

    >>> sentiment(pd.DataFrame({"text": ["A truly great city.", "A bad plan."]}))
                      text  polarity  subjectivity
    0  A truly great city.       0.8        0.7500
    1          A bad plan.      -0.7        0.6667
    >>> list(sentiment(pd.DataFrame({"text": ["A truly great city."]}), analyzer=("textblob", "vader")).columns)
    ['text', 'polarity', 'subjectivity', 'vader_compound']
    >>> float(sentiment(pd.DataFrame({"text": ["A truly great city."]}), analyzer="vader").loc[0, "vader_compound"])
    0.7906
    """
    names = (analyzer,) if isinstance(analyzer, str) else tuple(analyzer)
    for name in names:
        if name not in ANALYZERS:
            raise ValueError(f"analyzer must be one of {sorted(ANALYZERS)}; got {name!r}")
    scores = pd.DataFrame(
        [{k: v for name in names for k, v in ANALYZERS[name](text).items()} for text in frame[column]],
        index=frame.index,
    )
    return pd.concat([frame, scores.round(4)], axis=1)


def sign(score: float, threshold: float = 0.05) -> str:
    """Return 'positive', 'neutral' or 'negative' for a score in [-1, 1].

    Scores within ``threshold`` of zero count as neutral (VADER's own
    convention for its compound score).

    >>> [sign(x) for x in (0.5, 0.0, -0.06)]
    ['positive', 'neutral', 'negative']
    """
    return "positive" if score >= threshold else "negative" if score <= -threshold else "neutral"


def compare(frame: pd.DataFrame, a: str = "polarity", b: str = "vader_compound") -> pd.DataFrame:
    """Return a count table: rows are the sign by score ``a``, columns the sign by ``b``.

    The diagonal counts the sentences where the two lexicons agree.
    """
    order = ["negative", "neutral", "positive"]
    table = pd.crosstab(frame[a].map(sign), frame[b].map(sign)).reindex(index=order, columns=order, fill_value=0)
    table.index.name = f"{a} →"
    table.columns.name = f"{b} →"
    return table
