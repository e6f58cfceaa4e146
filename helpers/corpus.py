"""Load the article corpus: raw texts and the metadata kept beside them.

A corpus folder holds, for every article, its text file (``*.txt``, the scraped
text exactly as it was handed over) and a metadata file of the same name ending
in ``.json``. ``corpus/README.md`` documents every field.

Nothing here writes to the corpus folder.
"""

from __future__ import annotations

import json
import os
import re
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

import pandas as pd

ROOT = Path(__file__).resolve().parents[1]
CORPUS_DIR = ROOT / "corpus"

STATUSES = ("stated", "inferred")
PRECISIONS = ("minute", "day", "month")

# field -> (required, allowed types, what is expected, in words)
FIELDS = {
    "id": (True, str, "a short id of lowercase letters, digits and hyphens, e.g. 'abc-2016-11-17'"),
    "source_file": (True, str, "the name of a .txt file in the same folder"),
    "title": (True, str, "the article's title (non-empty text)"),
    "title_status": (True, str, "'stated' or 'inferred'"),
    "title_evidence": (True, str, "words copied exactly from the article text"),
    "outlet": (True, str, "the outlet's name (non-empty text)"),
    "outlet_status": (True, str, "'stated' or 'inferred'"),
    "outlet_evidence": (True, str, "words copied exactly from the article text"),
    "published": (True, str, "an ISO date: YYYY-MM-DDTHH:MM, YYYY-MM-DD or YYYY-MM"),
    "date_precision": (True, str, "'minute', 'day' or 'month'"),
    "date_status": (True, str, "'stated' or 'inferred'"),
    "date_evidence": (True, str, "words copied exactly from the article text"),
    "date_note": (True, str, "how the date was read or worked out (non-empty text)"),
    "translation": (False, (str, type(None)), "null, or a note on the translation"),
    "dateline": (False, (str, type(None)), "null, or the dateline copied exactly from the text"),
    "notes": (False, (str, type(None)), "null, or notes on the scraped text"),
}

DATE_FORMATS = {"minute": "%Y-%m-%dT%H:%M", "day": "%Y-%m-%d", "month": "%Y-%m"}
ID_PATTERN = re.compile(r"^[a-z0-9][a-z0-9-]*$")

COLUMNS = [
    "article_id", "source_file", "title", "title_status", "outlet", "outlet_status",
    "published", "date_precision", "date_status", "date_label", "date_note",
    "translation", "dateline", "notes", "text", "n_chars",
]


def default_dir() -> Path:
    """Return the corpus folder to read: ``$SANCTUARY_CORPUS`` if set, else ``corpus/``.

    The variable lets a class point every notebook at a copy of the corpus
    with articles of its own, without editing any notebook.
    """
    return Path(os.environ.get("SANCTUARY_CORPUS") or CORPUS_DIR)


class CorpusError(ValueError):
    """A corpus file is missing or malformed.

    The message names the file, the field and what was expected; for a
    table, also the row (as a spreadsheet numbers it: the header is row 1).
    """

    def __init__(self, path, field, expected, found=None, row=None):
        self.path, self.field, self.expected, self.row = str(path), field, expected, row
        where = f"{path}" + (f", row {row}" if row is not None else "") + (f", field '{field}'" if field else "")
        message = f"{where}: expected {expected}"
        if found is not None:
            message += f"; found {found}"
        super().__init__(message)


@dataclass(frozen=True)
class _Record:
    meta: dict
    text: str
    meta_path: Path


#: Control characters a text file must not hold (tab, line feed and carriage return are allowed).
CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")


def _read_bytes(path: Path) -> bytes:
    """Return a file's bytes; a link that points nowhere or in a loop, or an unreadable file, raises CorpusError."""
    if path.is_symlink() and not path.exists():
        raise CorpusError(path, None, "a file or a link to one", "a link that points nowhere or in a loop")
    try:
        return path.read_bytes()
    except OSError as err:
        raise CorpusError(path, None, "a readable file", err.strerror or type(err).__name__) from None


def check_control(text: str, path) -> None:
    r"""Return None for text without control characters; else raise :class:`CorpusError` naming the first (a NUL byte, ...) and where it is.

    >>> check_control("fine\ttext\n", "a.txt")
    >>> check_control("bad\x00", "a.txt")
    Traceback (most recent call last):
    ...
    helpers.corpus.CorpusError: a.txt: expected text without control characters (tab and line breaks are allowed); found U+0000 at position 3 (line 1, column 4)
    """
    bad = CONTROL.search(text)
    if bad:
        pos = bad.start()
        line = text.count("\n", 0, pos) + 1
        column = pos - (text.rfind("\n", 0, pos) + 1) + 1
        raise CorpusError(path, None, "text without control characters (tab and line breaks are allowed)",
                          f"U+{ord(bad.group(0)):04X} at position {pos} (line {line}, column {column})")


def _read_json(path: Path) -> dict:
    try:
        raw = _read_bytes(path).decode("utf-8")
    except UnicodeDecodeError as err:
        raise CorpusError(path, None, "UTF-8 text", f"a byte that is not UTF-8 at position {err.start}") from None
    try:
        data = json.loads(raw)
    except json.JSONDecodeError as err:
        raise CorpusError(path, None, "valid JSON", f"{err.msg} at line {err.lineno}, column {err.colno}") from None
    if not isinstance(data, dict):
        raise CorpusError(path, None, "a JSON object {...}", type(data).__name__)
    return data


def _read_text(path: Path, meta_path: Path) -> str:
    if not path.is_file() and not path.is_symlink():
        raise CorpusError(meta_path, "source_file", f"a text file '{path.name}' in {path.parent}", "no such file")
    try:
        text = _read_bytes(path).decode("utf-8")
    except UnicodeDecodeError as err:
        raise CorpusError(path, None, "UTF-8 text", f"a byte that is not UTF-8 at position {err.start}") from None
    check_control(text, path)
    if not text.strip():
        raise CorpusError(path, None, "the article's text", "an empty file")
    return text


def _check_fields(meta: dict, path: Path) -> None:
    unknown = sorted(set(meta) - set(FIELDS))
    if unknown:
        close = {k: [f for f in FIELDS if _similar(k, f)] for k in unknown}
        hint = "; ".join(f"'{k}'" + (f" (did you mean '{close[k][0]}'?)" if close[k] else "") for k in unknown)
        raise CorpusError(path, unknown[0], f"only the documented fields ({', '.join(FIELDS)})", f"unknown key {hint}")
    for field, (required, types, expected) in FIELDS.items():
        if field not in meta:
            if required:
                raise CorpusError(path, field, expected, "the field is missing")
            continue
        value = meta[field]
        if not isinstance(value, types):
            raise CorpusError(path, field, expected, f"{type(value).__name__} {value!r}")
        if required and isinstance(value, str) and not value.strip():
            raise CorpusError(path, field, expected, "an empty string")
    if not ID_PATTERN.match(meta["id"]):
        raise CorpusError(path, "id", FIELDS["id"][2], repr(meta["id"]))
    for field in ("title_status", "outlet_status", "date_status"):
        if meta[field] not in STATUSES:
            raise CorpusError(path, field, FIELDS[field][2], repr(meta[field]))
    if meta["date_precision"] not in PRECISIONS:
        raise CorpusError(path, "date_precision", FIELDS["date_precision"][2], repr(meta["date_precision"]))


def _similar(a: str, b: str) -> bool:
    """Return True when two keys differ by a small typo (edit distance <= 2)."""
    if abs(len(a) - len(b)) > 2:
        return False
    prev = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        cur = [i]
        for j, cb in enumerate(b, 1):
            cur.append(min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (ca != cb)))
        prev = cur
    return prev[-1] <= 2


def parse_date(value: str, precision: str, path="<metadata>") -> pd.Timestamp:
    """Return the timestamp a ``published`` value names, checked against its precision.

    A month-precision date stands for the first of the month.

    >>> parse_date("2026-02", "month")
    Timestamp('2026-02-01 00:00:00')
    """
    fmt = DATE_FORMATS[precision]
    try:
        return pd.Timestamp(datetime.strptime(value, fmt))  # as pd.to_datetime(value, format=fmt), a tenth of the time
    except (ValueError, TypeError, OverflowError):
        raise CorpusError(
            path, "published", f"a date written {fmt.replace('%', '')} (date_precision is '{precision}')", repr(value)
        ) from None


#: How long a date of each precision lasts: a month-precision date stands for the whole month.
SPANS = {"minute": pd.Timedelta(minutes=1), "day": pd.Timedelta(days=1), "month": pd.DateOffset(months=1),
         "season": pd.DateOffset(months=3), "year": pd.DateOffset(years=1)}


def date_span(start: pd.Timestamp, precision: str) -> tuple[pd.Timestamp, pd.Timestamp]:
    """Return the first moment a date of ``precision`` could be and the moment after its last.

    >>> [str(t.date()) for t in date_span(pd.Timestamp("2015-06-01"), "season")]
    ['2015-06-01', '2015-09-01']
    """
    start = start.normalize() if precision == "day" else start
    return start, start + SPANS[precision]


def date_label(published: pd.Timestamp, precision: str, status: str) -> str:
    """Return a reader's label for a date that says how precise and how sure it is.

    >>> date_label(pd.Timestamp("2026-02-01"), "month", "inferred")
    'Feb 2026 (inferred, month)'
    >>> date_label(pd.Timestamp("2016-11-17 18:40"), "minute", "stated")
    '17 Nov 2016, 18:40 (stated)'
    """
    if precision == "month":
        text = published.strftime("%b %Y")
    elif precision == "day":
        text = f"{published.day} {published.strftime('%b %Y')}"
    else:
        text = f"{published.day} {published.strftime('%b %Y, %H:%M')}"
    return f"{text} ({status})" if status == "stated" else f"{text} ({status}, {precision})"


def _records(corpus_dir: Path) -> list[_Record]:
    folder = corpus_dir / "articles"
    if not corpus_dir.is_dir():
        raise CorpusError(corpus_dir, None, "a corpus folder with an 'articles' subfolder", "no such folder")
    if not folder.is_dir():
        raise CorpusError(folder, None, "a folder of article texts (*.txt) and their metadata (*.json)", "no such folder")
    meta_paths = sorted(folder.glob("*.json"))
    if not meta_paths:
        raise CorpusError(folder, None, "at least one article: a .txt file and its .json metadata", "no .json file")
    records, seen_ids, named = [], {}, {}
    for path in meta_paths:
        meta = _read_json(path)
        _check_fields(meta, path)
        if meta["id"] in seen_ids:
            raise CorpusError(path, "id", "an id no other article uses", f"'{meta['id']}', also used in {seen_ids[meta['id']].name}")
        seen_ids[meta["id"]] = path
        source = meta["source_file"]
        if "/" in source or "\\" in source or not source.endswith(".txt"):
            raise CorpusError(path, "source_file", FIELDS["source_file"][2], repr(source))
        if source in named:
            raise CorpusError(path, "source_file", "a text file no other metadata names", f"'{source}', also named in {named[source].name}")
        named[source] = path
        text = _read_text(folder / source, path)
        for field in ("title_evidence", "outlet_evidence", "date_evidence", "dateline"):
            value = meta.get(field)
            if value is not None and value not in text:
                raise CorpusError(path, field, f"words copied exactly from {source}", f"{value!r}, which is not in the text")
        if meta["title_status"] == "stated" and meta["title"] not in text:
            raise CorpusError(path, "title", f"a stated title copied exactly from {source} (or title_status 'inferred')", repr(meta["title"]))
        records.append(_Record(meta, text, path))
    orphans = sorted(p.name for p in folder.glob("*.txt") if p.name not in named)
    if orphans:
        raise CorpusError(folder / orphans[0], None, "a .json metadata file whose 'source_file' names this text", "no metadata names it")
    return records


def load(corpus_dir: str | Path | None = None) -> pd.DataFrame:
    """Return one row per article, typed and sorted by publication date.

    Every file is checked first; a problem raises :class:`CorpusError`
    naming the file, the field and what was expected. ``text`` is the raw
    article text, unchanged; ``published`` is a ``datetime64`` column whose
    precision is in ``date_precision`` ('minute', 'day' or 'month').

    >>> articles = load()
    >>> list(articles["article_id"])
    ['abc-2016-11-17', 'cnn-2017-01-27', 'ap-2017-06-25', 'nbc-2018-01-24', 'kr-2026-02']
    """
    corpus_dir = Path(corpus_dir) if corpus_dir is not None else default_dir()
    rows = []
    for rec in _records(corpus_dir):
        m = rec.meta
        published = parse_date(m["published"], m["date_precision"], rec.meta_path)
        rows.append({
            "article_id": m["id"],
            "source_file": m["source_file"],
            "title": m["title"],
            "title_status": m["title_status"],
            "outlet": m["outlet"],
            "outlet_status": m["outlet_status"],
            "published": published,
            "date_precision": m["date_precision"],
            "date_status": m["date_status"],
            "date_label": date_label(published, m["date_precision"], m["date_status"]),
            "date_note": m["date_note"],
            "translation": m.get("translation"),
            "dateline": m.get("dateline"),
            "notes": m.get("notes"),
            "text": rec.text,
            "n_chars": len(rec.text),
        })
    frame = pd.DataFrame(rows, columns=COLUMNS)
    frame["published"] = pd.to_datetime(frame["published"])
    for col in ("title_status", "outlet_status", "date_status"):
        frame[col] = pd.Categorical(frame[col], categories=STATUSES)
    frame["date_precision"] = pd.Categorical(frame["date_precision"], categories=PRECISIONS)
    frame["n_chars"] = frame["n_chars"].astype("int64")
    return frame.sort_values(["published", "article_id"], kind="stable").reset_index(drop=True)


def read_table(path: str | Path, columns: list[str]) -> pd.DataFrame:
    """Return a hand-made CSV table as strings, after checking its header.

    Every cell is a string (empty cells are ``""``); ``row`` holds each
    line's row number as a spreadsheet shows it (the header is row 1), for
    error messages. Raises :class:`CorpusError` for a missing file, a file
    that is not UTF-8 or a header without exactly ``columns``.
    """
    path = Path(path)
    if not path.is_file():
        raise CorpusError(path, None, f"a CSV table with the columns {', '.join(columns)}", "no such file")
    try:
        table = pd.read_csv(path, dtype=str, keep_default_na=False, encoding="utf-8")
    except UnicodeDecodeError as err:
        raise CorpusError(path, None, "UTF-8 text", f"a byte that is not UTF-8 at position {err.start}") from None
    except pd.errors.ParserError as err:
        raise CorpusError(path, None, "comma-separated values with one header row", str(err).strip()) from None
    missing = [c for c in columns if c not in table.columns]
    extra = [c for c in table.columns if c not in columns]
    if missing or extra:
        found = ", ".join(
            ([f"missing {', '.join(missing)}"] if missing else [])
            + ([f"unexpected {', '.join(map(str, extra))}"] if extra else [])
        )
        raise CorpusError(path, (missing or extra)[0], f"the columns {', '.join(columns)}", found)
    table = table[columns].copy()
    table["row"] = range(2, len(table) + 2)
    return table
