"""Tables for reading: every table a notebook shows goes through :func:`show`.

A pandas table printed as it is shows its index, snake_case headers, right-aligned
text cut after 50 characters, and ids where a reader wants names. :func:`show`
returns static HTML instead (it survives export to the site and the decks, where no
kernel runs): no index column unless asked, readable headers, text left-aligned and
wrapped at spaces, numbers right-aligned, nothing cut, and readers' labels for
articles ("ABC News, 17 Nov 2016") and people ("Kent Guinn") in place of their ids
(made by :mod:`helpers.labels`).
Styles are inline, so the table looks the same in JupyterLab, the site and the decks.
"""

from __future__ import annotations

import html
import re

import pandas as pd

from .labels import article_label, person_label

#: Headers a reader understands, for the column names the helpers use; any other
#: name is shown with its underscores as spaces.
HEADERS = {
    "article_id": "article", "article": "article", "date_label": "date", "title_status": "title is",
    "n_actions": "actions", "n_restrict": "restrict", "n_cooperate": "cooperate", "first_action": "first action",
    "n_quotes": "quotations", "jurisdiction_name": "jurisdiction", "party_label": "party",
    "party_source": "party from", "party_evidence": "party: the article's words", "nonpartisan_office": "nonpartisan office",
    "stance_hand": "stance (hand-coded)", "stance_auto": "stance (automatic)", "auto_type": "automatic type",
    "hand_type": "hand-coded type", "paragraph_type": "paragraph type", "date_status": "date is",
    "date_precision": "date known to the", "count_a": "Democratic speakers", "count_b": "Republican speakers",
    "id": "action", "kind_rule": "kind rule", "n": "n",
}
#: Columns whose values are article ids, and columns whose values are actor ids.
ARTICLE_COLUMNS = ("article_id", "article", "party_article")
ACTOR_COLUMNS = ("speaker", "actor", "speaker_id", "actor_id", "speaker_hand", "speaker_auto")
#: Columns whose values start with an article id ("abc-2016-11-17, line 30, sentence 17").
REF_COLUMNS = ("ref", "where")

_CELL = "padding:4px 10px;border-bottom:1px solid #DDDDDD;vertical-align:top;"
_TEXT = "text-align:left;white-space:normal;overflow-wrap:normal;word-break:normal;"
_NUMBER = "text-align:right;white-space:nowrap;font-variant-numeric:tabular-nums;"


def header(name) -> str:
    """Return a reader's header for a column name.

    >>> header("n_quotes"), header("party_source"), header("quotations")
    ('quotations', 'party from', 'quotations')
    """
    name = str(name)
    return HEADERS.get(name, name.replace("_", " "))


class Table:
    """A table shown as static HTML (``_repr_html_``), with its frame kept in ``.frame``."""

    def __init__(self, html_text: str, frame: pd.DataFrame):
        self.html, self.frame = html_text, frame

    def _repr_html_(self) -> str:
        return self.html

    def __repr__(self) -> str:
        return f"<table: {len(self.frame)} rows, {self.frame.shape[1]} columns>"


def _cell(value, numeric: bool) -> str:
    if value is None or (not isinstance(value, (list, tuple, dict)) and pd.isna(value)):
        text = ""
    elif pd.api.types.is_bool(value):
        text = "yes" if value else "no"
    elif isinstance(value, float):
        text = f"{value:,.3f}".rstrip("0").rstrip(".") if value != int(value) else f"{int(value):,}"
    else:
        text = str(value)
    return f"<td style='{_CELL}{_NUMBER if numeric else _TEXT}'>{html.escape(text)}</td>"


def _ref_label(value, labels: dict[str, str]):
    """Return a reference with its leading article id replaced by the reader's label.

    >>> _ref_label("abc-2016-11-17, line 30, sentence 17", {"abc-2016-11-17": "ABC News, 17 Nov 2016"})
    'ABC News, 17 Nov 2016, line 30, sentence 17'
    """
    if not isinstance(value, str):
        return value
    head, sep, rest = value.partition(",")
    return f"{labels[head]}{sep}{rest}" if head in labels else value


def show(frame: pd.DataFrame | pd.Series, *, index: bool | None = None, articles: pd.DataFrame | None = None,
         kb=None, headers: dict[str, str] | None = None, caption: str | None = None, empty: str = "No rows.") -> Table:
    """Return ``frame`` as a table for reading: static HTML, readable headers, text wrapped, nothing cut.

    ``index``: show the row labels as a first column (by default only when they
    are not the plain 0, 1, 2 ...). ``articles`` and ``kb`` turn article ids and
    actor ids into readers' labels; ``headers`` renames columns. An empty frame
    shows ``empty`` instead of a bare header row.

    >>> t = show(pd.DataFrame({"article_id": ["abc-2016-11-17"], "n_quotes": [3]}),
    ...          articles=pd.DataFrame({"article_id": ["abc-2016-11-17"], "outlet": ["ABC News"],
    ...                                 "published": [pd.Timestamp("2016-11-17")], "date_precision": ["day"]}))
    >>> "<th" in t.html and ">article</th>" in t.html and ">quotations</th>" in t.html, "ABC News, 17 Nov 2016" in t.html
    (True, True)
    >>> show(pd.DataFrame({"a": []})).html
    '<p><i>No rows.</i></p>'
    """
    if isinstance(frame, pd.Series):
        frame = frame.to_frame(frame.name if frame.name is not None else "value")
    table = frame.copy()
    if index is None:
        index = not (isinstance(table.index, pd.RangeIndex) and table.index.name is None)
    across = table.columns.name if not isinstance(table.columns, pd.MultiIndex) else None
    articles_by_id = article_label(articles) if articles is not None else {}
    if index:
        names_in = [n if n is not None else "" for n in table.index.names]
        table = table.reset_index()
        for name in names_in:  # row labels that are ids get readers' labels too, before a cross-table renames them
            if name in ARTICLE_COLUMNS and articles_by_id:
                table[name] = table[name].map(lambda v: articles_by_id.get(v, v))
            elif name in ACTOR_COLUMNS and kb is not None:
                people = person_label([v for v in table[name] if v], kb.actors)
                table[name] = table[name].map(lambda v: people.get(v, v))
        if across is not None and len(names_in) == 1:  # a cross-table: say what the rows and the columns are
            table = table.rename(columns={table.columns[0]: f"{header(names_in[0])} ↓ · {header(across)} →"})
    if isinstance(table.columns, pd.MultiIndex):
        table.columns = [" ".join(str(x) for x in c if str(x)) for c in table.columns]
    for column in table.columns:
        if column in ARTICLE_COLUMNS and articles_by_id:
            table[column] = table[column].map(lambda v: articles_by_id.get(v, v))
        elif column in ACTOR_COLUMNS and kb is not None:
            people = person_label([v for v in table[column] if v], kb.actors)
            table[column] = table[column].map(lambda v: people.get(v, v))
        elif column in REF_COLUMNS and articles_by_id:
            table[column] = table[column].map(lambda v: _ref_label(v, articles_by_id))
    if table.empty:
        return Table(f"<p><i>{html.escape(empty)}</i></p>", table)
    names = {**{c: header(c) for c in table.columns}, **(headers or {})}
    numeric = {c: pd.api.types.is_numeric_dtype(table[c]) and not pd.api.types.is_bool_dtype(table[c])
               for c in table.columns}
    head = "".join(f"<th style='{_CELL}{_NUMBER if numeric[c] else _TEXT}font-weight:bold'>{html.escape(names[c])}</th>"
                   for c in table.columns)
    rows = "".join("<tr>" + "".join(_cell(v, numeric[c]) for c, v in zip(table.columns, r)) + "</tr>"
                   for r in table.itertuples(index=False))
    cap = f"<caption style='text-align:left;caption-side:top;padding:4px 0'>{html.escape(caption)}</caption>" if caption else ""
    return Table(f"<table style='border-collapse:collapse;line-height:1.35;margin:0'>{cap}<thead><tr>{head}</tr></thead>"
                 f"<tbody>{rows}</tbody></table>", table)


#: Rows a notebook shows of a long table before saying how many more there are.
ROWS = 30


def capped(frame: pd.DataFrame | pd.Series, rows: int = ROWS, **options) -> Table:
    """Return :func:`show` of ``frame``, cut after ``rows`` rows with a caption saying how many more there are.

    A table of the five-article corpus shows whole, as :func:`show` draws it;
    one of thousands of rows shows its first rows only, so stored notebooks
    stay small. ``options`` are those of :func:`show`.

    >>> capped(pd.DataFrame({"a": range(3)})).frame.shape
    (3, 1)
    >>> t = capped(pd.DataFrame({"a": range(50)}), rows=10)
    >>> len(t.frame), "the first 10 of 50 rows; 40 more not shown" in t.html
    (10, True)
    """
    if len(frame) <= rows:
        return show(frame, **options)
    note = f"the first {rows:,} of {len(frame):,} rows; {len(frame) - rows:,} more not shown"
    caption = options.pop("caption", None)
    return show(frame.head(rows), caption=f"{caption} ({note})" if caption else note, **options)


#: Most values a drop-down lists; a filter with more (thousands of speakers or articles) is a box to type in.
MAX_CHOICES = 60


def chooser(choices: list[tuple[str, object]], value, description: str, *, limit: int | None = None, everything=None,
            unit: str = "", **options):
    """Return ``(widget, read)`` for choosing one of ``choices``, ``(label, value)`` pairs; ``read()`` gives the value chosen.

    Up to ``limit`` choices (default :data:`MAX_CHOICES`): a drop-down, with ``everything`` first when it is
    given (e.g. "all", for no filter). More: a box to type in that suggests
    the matching labels (ipywidgets' Combobox); left empty, ``read()`` gives
    ``everything``. ``options`` go to the widget (layout, style).

    >>> box, read = chooser([("Chicago (2 actions)", "chicago")], "chicago", "place:")
    >>> type(box).__name__, read()
    ('Dropdown', 'chicago')
    >>> box, read = chooser([(str(i), i) for i in range(100)], 7, "n:", everything="all", unit="numbers")
    >>> type(box).__name__, box.placeholder, read()
    ('Combobox', 'type to search 100 numbers', 7)
    >>> box.value = ""; read()
    'all'
    """
    import ipywidgets as widgets

    if len(choices) > (MAX_CHOICES if limit is None else limit):
        by_label = dict(choices)
        label_of = {v: label for label, v in choices}
        box = widgets.Combobox(options=list(by_label), value=label_of.get(value, ""), ensure_option=True,
                               placeholder=f"type to search {len(choices):,}" + (f" {unit}" if unit else ""),
                               description=description, **options)
        return box, lambda: by_label.get(box.value, everything)
    pairs = ([(everything, everything)] if everything is not None else []) + list(choices)
    # plain values where each label is its value, so that the drop-down's options read as they are
    shown = [v for _, v in pairs] if all(label == v for label, v in pairs) else pairs
    box = widgets.Dropdown(options=shown, value=value, description=description, **options)
    return box, lambda: box.value
