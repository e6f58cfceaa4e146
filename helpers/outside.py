"""Facts brought in from outside the corpus, each with where it comes from.

The articles do not state them; the charts use them only as context, and
every chart that draws one says so.
"""

from __future__ import annotations

import pandas as pd

#: Presidential terms (inauguration dates, public record): (name, start, end).
ADMINISTRATIONS = [
    ("Obama", "2009-01-20", "2017-01-20"),
    ("Trump, 1st term", "2017-01-20", "2021-01-20"),
    ("Biden", "2021-01-20", "2025-01-20"),
    ("Trump, 2nd term", "2025-01-20", "2029-01-20"),
]
SOURCE = "presidential inauguration dates (public record, outside the corpus)"


def administration(when) -> str:
    """Return the name of the presidential term that ``when`` falls in, or '' outside them.

    A term runs from its inauguration day up to, not including, the next one.

    >>> administration("2017-01-27"), administration("2016-11-17"), administration("2026-02-01")
    ('Trump, 1st term', 'Obama', 'Trump, 2nd term')
    """
    when = pd.Timestamp(when)
    for name, start, end in ADMINISTRATIONS:
        if pd.Timestamp(start) <= when < pd.Timestamp(end):
            return name
    return ""
