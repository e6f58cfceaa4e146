"""Find the spans (quotations, sentences) that overlap a range without scanning them all.

Long articles have thousands of sentences and quotations; asking "which of
them overlap these characters?" by comparing every row each time makes the
cost grow with the square of the article. These indexes sort the spans once
and answer each question by binary search.
"""

from __future__ import annotations

from collections import namedtuple
from functools import lru_cache

import numpy as np
import pandas as pd


class Spans:
    """Character spans ``[start, end)``, sorted once by start.

    >>> s = Spans([10, 0, 30], [20, 5, 40])
    >>> s.overlapping(4, 12)
    [(0, 5), (10, 20)]
    """

    def __init__(self, starts, ends):
        starts, ends = np.asarray(starts, dtype=np.int64), np.asarray(ends, dtype=np.int64)
        order = np.argsort(starts, kind="stable")
        self.order = order
        self.starts, self.ends = starts[order], ends[order]
        # the furthest end reached by any span up to each position: spans before ``lo`` cannot reach past it
        self.reach = np.maximum.accumulate(self.ends) if len(self.ends) else self.ends

    def positions(self, lo: int, hi: int) -> np.ndarray:
        """Return the sorted positions of the spans with ``start < hi`` and ``end > lo``."""
        top = int(np.searchsorted(self.starts, hi, side="left"))
        bottom = int(np.searchsorted(self.reach, lo, side="right"))
        if bottom >= top:
            return np.empty(0, dtype=np.int64)
        return bottom + np.nonzero(self.ends[bottom:top] > lo)[0]

    def overlapping(self, lo: int, hi: int) -> list[tuple[int, int]]:
        """Return ``(start, end)`` of every span that overlaps ``[lo, hi)``, in order of start."""
        at = self.positions(lo, hi)
        return list(zip(self.starts[at].tolist(), self.ends[at].tolist()))


class Sentences:
    """The sentences of one article (rows of :func:`helpers.annotate.sentences`), indexed by position.

    >>> rows = pd.DataFrame({"start": [0, 10, 20], "end": [9, 19, 29], "sentence": [1, 2, 3], "paragraph": [1, 1, 2],
    ...                      "paragraph_type": ["title", "body", "body"]})
    >>> idx = Sentences(rows)
    >>> idx.around(12, 25), idx.first(12, 25), idx.last_body_before(20)
    ((10, 29), (2, 1), (10, 19))
    """

    def __init__(self, rows: pd.DataFrame):
        self._index(*self._columns(rows))

    @staticmethod
    def _columns(rows: pd.DataFrame) -> list[np.ndarray]:
        """Return the start, end, sentence number, paragraph and is-body arrays of sentence rows."""
        body = (rows["paragraph_type"] == "body").to_numpy(dtype=bool) if "paragraph_type" in rows else np.ones(len(rows), bool)
        return [rows[c].to_numpy() for c in ("start", "end", "sentence", "paragraph")] + [body]

    @classmethod
    def by_article(cls, sents: pd.DataFrame) -> dict[str, "Sentences"]:
        """Return the index of every article's sentences, by article id, reading the table once.

        >>> rows = pd.DataFrame({"article_id": ["a", "b", "a"], "start": [0, 0, 10], "end": [9, 5, 19],
        ...                      "sentence": [1, 1, 2], "paragraph": [1, 1, 1], "paragraph_type": ["body"] * 3})
        >>> {a: s.around(0, 12) for a, s in Sentences.by_article(rows).items()}
        {'a': (0, 19), 'b': (0, 5)}
        """
        columns = cls._columns(sents)
        found = {}
        for article_id, at in sents.groupby("article_id", sort=False).indices.items():
            one = cls.__new__(cls)
            one._index(*(c[at] for c in columns))
            found[article_id] = one
        return found

    def _index(self, starts, ends, numbers, paragraphs, body) -> None:
        order = np.argsort(np.asarray(starts, dtype=np.int64), kind="stable")
        self.spans = Spans(np.asarray(starts)[order], np.asarray(ends)[order])
        self.numbers = np.asarray(numbers)[order]
        self.paragraphs = np.asarray(paragraphs)[order]
        body = np.asarray(body, dtype=bool)[order]
        self.body = body
        self.sorted_ends = bool(np.all(np.diff(self.spans.ends) >= 0))
        # position of the last body sentence at or before each position (-1: none)
        marks = np.where(body, np.arange(len(body)), -1)
        self.last_body = np.maximum.accumulate(marks) if len(marks) else marks

    def around(self, start: int, end: int) -> tuple[int, int] | None:
        """Return (lowest start, highest end) of the sentences overlapping ``[start, end)``, or None."""
        at = self.spans.positions(start, end)
        if not len(at):
            return None
        return int(self.spans.starts[at].min()), int(self.spans.ends[at].max())

    def first(self, start: int, end: int) -> tuple[int, int] | None:
        """Return (sentence number, paragraph) of the first sentence overlapping ``[start, end)``, or None."""
        at = self.spans.positions(start, end)
        if not len(at):
            return None
        return int(self.numbers[at[0]]), int(self.paragraphs[at[0]])

    def last_body_before(self, pos: int) -> tuple[int, int] | None:
        """Return (start, end) of the last body sentence that ends at or before ``pos``, or None."""
        if self.sorted_ends:
            count = int(np.searchsorted(self.spans.ends, pos, side="right"))
            at = int(self.last_body[count - 1]) if count else -1
        else:
            hits = np.nonzero((self.spans.ends <= pos) & self.body)[0]
            at = int(hits[-1]) if len(hits) else -1
        if at < 0:
            return None
        return int(self.spans.starts[at]), int(self.spans.ends[at])


@lru_cache(maxsize=64)
def _row_type(columns: tuple[str, ...]):
    return namedtuple("Row", columns, rename=True)


def records(frame: pd.DataFrame) -> list:
    """Return the rows of ``frame`` as named tuples, as ``frame.itertuples(index=False)`` gives them.

    Faster for the many small tables of a corpus (one per article): the
    tuple type is made once per set of columns, and each column is turned
    into Python values in one step instead of value by value.

    >>> frame = pd.DataFrame({"start": [0, 10], "text": ["a", "b"]})
    >>> records(frame) == list(frame.itertuples(index=False))
    True
    """
    row = _row_type(tuple(map(str, frame.columns)))
    return list(map(row._make, zip(*(frame[c].tolist() for c in frame.columns))))
