"""Show a table of any length in a notebook: the first rows, and how many more there are."""

from __future__ import annotations

import pandas as pd

#: Rows a notebook shows of a table before saying how many more there are.
ROWS = 30


def capped(frame: pd.DataFrame, rows: int = ROWS):
    """Return ``frame`` itself when it has at most ``rows`` rows, else its first rows captioned with how many more there are.

    A table the size of the five-article corpus shows as it is; one of
    thousands of rows shows its head and a "N more rows" caption, so stored
    notebooks stay small.

    >>> capped(pd.DataFrame({"a": range(3)})).shape
    (3, 1)
    >>> capped(pd.DataFrame({"a": range(50)}), rows=10).caption
    '50 rows; the first 10 shown, 40 more not shown'
    """
    if len(frame) <= rows:
        return frame
    return frame.head(rows).style.set_caption(f"{len(frame)} rows; the first {rows} shown, {len(frame) - rows} more not shown")
