"""Readers' labels for ids: an article as outlet and date, a person by name.

Every chart, hover and table shows these instead of ids such as
``abc-2016-11-17`` or ``kent-guinn``; this is the one place that makes them.
"""

from __future__ import annotations

import re

import pandas as pd


def outlet_name(outlet: str) -> str:
    """Return an outlet's name without the notes the metadata adds in brackets or after a comma.

    >>> outlet_name("Associated Press (reprinted by an unnamed English-language newspaper)")
    'Associated Press'
    >>> outlet_name("Korean news outlet (unnamed), in English translation, citing The Washington Post")
    'Korean news outlet'
    """
    return re.sub(r"\s*\([^)]*\)", "", outlet).split(",")[0].strip() or outlet


def _date(published: pd.Timestamp, precision: str) -> str:
    """Return a date as a reader writes it: "17 Nov 2016", or "Feb 2026" for a month, "2016" for a year.

    >>> _date(pd.Timestamp("2016-11-17 18:40"), "minute"), _date(pd.Timestamp("2026-02-01"), "month")
    ('17 Nov 2016', 'Feb 2026')
    """
    if precision == "year":
        return f"{published:%Y}"
    if precision == "month":
        return f"{published:%b %Y}"
    return f"{published.day} {published:%b %Y}"


def article_label(articles: pd.DataFrame) -> dict[str, str]:
    """Return each article's label by its id: outlet (:func:`outlet_name`) and date, e.g. "ABC News, 17 Nov 2016".

    ``articles`` is :func:`helpers.corpus.load` (``article_id``, ``outlet``,
    ``published``, ``date_precision``). Two articles of one outlet on one
    day get "(1)", "(2)" in order of their ids, so every label is unique.

    >>> arts = pd.DataFrame({"article_id": ["abc-2016-11-17", "kr-2026-02"], "outlet": ["ABC News", "The Korea Times"],
    ...                      "published": [pd.Timestamp("2016-11-17 18:40"), pd.Timestamp("2026-02-01")],
    ...                      "date_precision": ["minute", "month"]})
    >>> article_label(arts)
    {'abc-2016-11-17': 'ABC News, 17 Nov 2016', 'kr-2026-02': 'The Korea Times, Feb 2026'}
    """
    labels = {r.article_id: f"{outlet_name(r.outlet)}, {_date(r.published, r.date_precision)}"
              for r in articles.drop_duplicates("article_id").sort_values("article_id").itertuples()}
    seen: dict[str, list[str]] = {}
    for article_id, label in labels.items():
        seen.setdefault(label, []).append(article_id)
    for label, ids in seen.items():
        if len(ids) > 1:
            for k, article_id in enumerate(ids, 1):
                labels[article_id] = f"{label} ({k})"
    return labels


def person_label(ids, actors: pd.DataFrame | None = None) -> dict[str, str]:
    """Return each person's name by id: from ``actors`` (columns ``id``, ``name``) when known, else from the id.

    An id not in the table is turned into words ("kent-guinn" -> "Kent Guinn");
    an empty id stays empty.

    >>> person_label(["kent-guinn", "x"], pd.DataFrame({"id": ["x"], "name": ["Ana Ruiz"]}))
    {'kent-guinn': 'Kent Guinn', 'x': 'Ana Ruiz'}
    """
    known = dict(zip(actors["id"], actors["name"])) if actors is not None else {}
    return {i: known.get(i) or " ".join(w.capitalize() for w in str(i).split("-")) for i in dict.fromkeys(ids)}
