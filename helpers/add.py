"""Add articles to a corpus folder from what people have: saved web pages (.html) and plain text files.

``python -m helpers add PATH... [--corpus DIR]`` (or ``make add FILES=...``) writes, for each page or
text file, the article text and its metadata into ``DIR/articles/`` in the corpus format
(``corpus/README.md``): every fact (title, outlet, date) marked ``stated`` or ``inferred`` with the
exact words of the text it rests on, so that :func:`helpers.corpus.load` accepts the result.

From a web page, trafilatura extracts the main text (leaving navigation, captions, related links and
cookie notices out) and finds title, site name and author; htmldate finds the publication date. The
lines the page shows about the article (the byline, the date line) are kept at the top of the text,
as in the scraped texts of the corpus, so that the date and outlet can be checked against its words.
A text file is stored unchanged.

Nothing is overwritten and nothing is half-written: both files are written under temporary names and
then linked to their final names, which fails if a name is taken. A text already in the corpus is
refused. This is the one command that writes into a corpus folder.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import tempfile
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from .corpus import FIELDS, CorpusError, _check_fields, default_dir

SUFFIXES = {".html": "page", ".htm": "page", ".txt": "text"}
MIN_CHARS = 200

MONTHS = {m.lower(): i for i, names in enumerate(
    [("January", "Jan"), ("February", "Feb"), ("March", "Mar"), ("April", "Apr"), ("May",), ("June", "Jun"),
     ("July", "Jul"), ("August", "Aug"), ("September", "Sep", "Sept"), ("October", "Oct"), ("November", "Nov"),
     ("December", "Dec")], 1) for m in names}
_MONTH = r"(January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\.?"
DATE_PATTERNS = (
    (re.compile(_MONTH + r" (\d{1,2}),? (\d{4})\b"), ("month", "day", "year")),
    (re.compile(r"\b(\d{1,2}) " + _MONTH + r",? (\d{4})\b"), ("day", "month", "year")),
    (re.compile(r"\b(\d{4})-(\d{2})-(\d{2})\b"), ("year", "month", "day")),
)
BLOCKS = {"p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol", "header", "footer", "nav", "section",
          "article", "aside", "figure", "figcaption", "time", "br", "tr", "td", "th", "table", "blockquote", "main",
          "address", "dd", "dt", "form", "button", "label"}
HIDDEN = ("script", "style", "noscript", "template", "head", "svg", "iframe")


class AddError(ValueError):
    """A file cannot be added; the message names the file and what was expected."""

    def __init__(self, path, expected, found):
        super().__init__(f"{path}: expected {expected}; found {found}")


def dates_in(text: str) -> list[tuple[str, date]]:
    """Return every full date written in ``text``: the words as written and the day they name.

    >>> dates_in("Posted Jan. 24, 2018 at 6:40 PM; updated 25 January 2018 (2018-01-26)")
    [('Jan. 24, 2018', datetime.date(2018, 1, 24)), ('25 January 2018', datetime.date(2018, 1, 25)), ('2018-01-26', datetime.date(2018, 1, 26))]
    """
    found = []
    for pattern, order in DATE_PATTERNS:
        for match in pattern.finditer(text):
            parts = dict(zip(order, match.groups()))
            month = parts["month"]
            month = MONTHS[month.lower()] if not month.isdigit() else int(month)
            try:
                found.append((match.start(), match.group(0), date(int(parts["year"]), month, int(parts["day"]))))
            except ValueError:
                continue
    return [(words, day) for _, words, day in sorted(found)]


def visible_lines(html: str) -> list[str]:
    """Return the lines of text a browser would show for a page, one per block, spaces collapsed.

    >>> visible_lines("<html><head><title>T</title></head><body><nav>Home</nav><h1>A  b</h1><script>x()</script><p>C <b>d</b></p></body></html>")
    ['Home', 'A b', 'C d']
    """
    import lxml.html

    root = lxml.html.document_fromstring(html)
    for element in root.iter(*HIDDEN):
        element.drop_tree()
    parts = []

    def walk(element):
        tag = element.tag if isinstance(element.tag, str) else ""
        block = tag in BLOCKS
        if block:
            parts.append("\n")
        if element.text and tag:
            parts.append(element.text)
        for child in element:
            walk(child)
            if child.tail:
                parts.append(child.tail)
        if block:
            parts.append("\n")

    walk(root)
    lines = (" ".join(line.split()) for line in "".join(parts).split("\n"))
    return [line for line in lines if line]


@dataclass
class Article:
    """An article ready to be written: its text, metadata and what the user must check."""

    source: Path
    text: str
    meta: dict
    inferred: list[str] = field(default_factory=list)
    check: list[str] = field(default_factory=list)


def _slug(value: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", value.lower()).strip("-")[:40].strip("-") or "article"


def _shortest_line(lines: list[str], needle: str, longest: int = 200) -> str | None:
    hits = [line for line in lines if needle and needle in line and len(line) <= longest]
    return min(hits, key=len) if hits else None


def from_page(path: Path, html: str) -> Article:
    """Return the article a saved web page holds, with each fact's status and evidence.

    Raises :class:`AddError` when no article text can be extracted.
    """
    import trafilatura
    from htmldate import find_date

    result = trafilatura.bare_extraction(html, with_metadata=True, include_comments=False, include_tables=False,
                                         favor_precision=True)
    if result is not None and not isinstance(result, dict):
        result = result.as_dict()
    body = (result or {}).get("text") or ""
    if len(body.strip()) < MIN_CHARS:
        raise AddError(path, f"a saved article page with at least {MIN_CHARS} characters of article text",
                       f"{len(body.strip())} characters of article text (is it a front page, a list of links or a page "
                       "that needs JavaScript? Save the article's own page, or copy its text into a .txt file)")
    paragraphs = [" ".join(p.split()) for p in body.split("\n") if p.strip()]
    lines = visible_lines(html)
    head: list[str] = []
    inferred, check = [], []

    title = " ".join((result.get("title") or "").split())
    if title and _shortest_line(lines, title):
        title_status, title_note = "stated", None
    elif title:
        title_status, title_note = "inferred", "the title comes from the page's <title> or metadata, not its visible text"
        check.append(f"title: {title!r} is the page's <title>, not a headline shown on the page")
    else:
        title = paragraphs[0][:120].rsplit(" ", 1)[0] if len(paragraphs[0]) > 120 else paragraphs[0]
        title_status, title_note = "inferred", "the page has no title: written from the first paragraph"
        check.append("title: the page has none; the first words of the text stand in for it")
    head.append(title)

    byline = None
    author = " ".join((result.get("author") or "").split()) or None
    if author:
        first = author.split(";")[0].strip()
        byline = _shortest_line(lines, first)
        if byline and byline not in head:
            head.append(byline)

    # The date: htmldate reads the page's markup (meta tags, <time>, URL) for the original publication date.
    found = find_date(html, original_date=True, extensive_search=True, outputformat="%Y-%m-%d")
    day = date.fromisoformat(found) if found else None
    date_line = date_words = None
    for line in lines:
        if len(line) > 200:
            continue
        for words, when in dates_in(line):
            if day is None or when == day:
                date_line, date_words, day = line, words, when
                break
        if date_line:
            break
    if date_line and date_line not in head:
        head.append(date_line)

    sitename = " ".join((result.get("sitename") or "").split()) or None
    outlet_line = _shortest_line(lines, sitename) if sitename else None
    tail = []
    if outlet_line and not any(outlet_line in h for h in head) and not any(sitename in h for h in head):
        # A line after the article on the page (a footer such as "(c) 2026 The Ledger") goes after it in the text.
        body_at = next((i for i, line in enumerate(lines) if paragraphs[0][:40] in line), 0)
        (tail if lines.index(outlet_line) > body_at else head).append(outlet_line)

    text = "\n\n".join(head + [p for p in paragraphs if p not in head and p not in tail] + tail) + "\n"

    if sitename and outlet_line:
        outlet, outlet_status, outlet_evidence = sitename, "stated", sitename
    else:
        outlet = sitename or (result.get("hostname") or "unknown outlet")
        outlet_status, outlet_evidence = "inferred", title
        inferred.append(f"outlet: {outlet!r} from the page's metadata; the page's text does not name it")
        check.append(f"outlet: {outlet!r} is not named in the text; correct it if the page says otherwise")

    if date_line:
        published, precision, date_status, date_evidence = day.isoformat(), "day", "stated", date_words
        date_note = f"The page shows the date '{date_words}'" + (" and its markup agrees (htmldate)." if found else ".")
    elif day:
        published, precision, date_status, date_evidence = day.isoformat(), "day", "inferred", title
        date_note = "htmldate read the date from the page's markup (meta tags or URL); the page's text shows no date."
        inferred.append(f"date: {published} from the page's markup, not its text")
        check.append(f"date: {published} comes from the page's markup only; check it is the publication date")
    else:
        raise AddError(path, "a publication date in the page's text or markup", "none (add the date to a text file's "
                       "first lines, e.g. 'March 3, 2026', and add that file instead)")

    meta = {
        "title": title, "title_status": title_status, "title_evidence": title,
        "outlet": outlet, "outlet_status": outlet_status, "outlet_evidence": outlet_evidence,
        "published": published, "date_precision": precision, "date_status": date_status,
        "date_evidence": date_evidence, "date_note": date_note,
        "translation": None, "dateline": None,
        "notes": " ".join(filter(None, [
            f"Added from the saved web page {path.name}: main text extracted by trafilatura, date by htmldate.",
            f"Byline: {byline}." if byline else None, title_note])),
    }
    return Article(path, text, meta, inferred, check)


def from_text(path: Path, text: str) -> Article:
    """Return the article a plain text file holds, stored unchanged: the first line is taken as its title.

    Raises :class:`AddError` for a text too short to be an article or without any date.
    """
    if len(text.strip()) < MIN_CHARS:
        raise AddError(path, f"an article's text of at least {MIN_CHARS} characters", f"{len(text.strip())} characters")
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    title = lines[0]
    inferred, check = [], []
    source = next((line for line in lines[:6] if re.match(r"^(Source:|By |©|Copyright)", line)), None)
    if source:
        outlet = re.sub(r"^(Source:|By |©|Copyright)\s*(\d{4}\s*)?", "", source).strip(" .") or source
        outlet_status, outlet_evidence = "stated", source
        inferred.append(f"outlet: {outlet!r} read from the line {source!r}")
        check.append(f"outlet: {outlet!r} was read from {source!r}; correct it if that line names a person")
    else:
        outlet, outlet_status, outlet_evidence = "unknown outlet", "inferred", title
        check.append("outlet: the text does not name one; write it into the metadata's 'outlet' if you know it")
    dates = dates_in(text)
    if not dates:
        raise AddError(path, "a date written in the text (e.g. 'March 3, 2026')", "none: add the publication date "
                       "as a line near the top of the file, then add it again")
    words, day = dates[0]
    early = text.find(words) < 400
    date_status = "stated" if early else "inferred"
    date_note = ("The date near the top of the text." if early else
                 "The first full date written in the text; it may be the date of an event rather than of publication.")
    inferred.append(f"date: {day.isoformat()} from the words {words!r}")
    check.append(f"date: {day.isoformat()} ({words!r}) is " + ("the date near the top" if early else
                 "the first date in the text, far from the top; check it is the publication date"))
    meta = {
        "title": title, "title_status": "stated", "title_evidence": title,
        "outlet": outlet, "outlet_status": outlet_status, "outlet_evidence": outlet_evidence,
        "published": day.isoformat(), "date_precision": "day", "date_status": date_status,
        "date_evidence": words, "date_note": date_note, "translation": None, "dateline": None,
        "notes": f"Added from the text file {path.name}, unchanged; its first line is taken as the title.",
    }
    return Article(path, text, meta, inferred, check)


def read(path: str | Path) -> Article:
    """Return the article in a saved web page (.html, .htm) or a text file (.txt).

    Raises :class:`AddError` naming the file for anything else, a file that is not UTF-8, or a page
    with no article text.
    """
    path = Path(path)
    kind = SUFFIXES.get(path.suffix.lower())
    if kind is None:
        raise AddError(path, "a saved web page (.html, .htm) or a text file (.txt)", f"a '{path.suffix}' file")
    raw = path.read_bytes()
    if kind == "text":
        try:
            return from_text(path, raw.decode("utf-8"))
        except UnicodeDecodeError as err:
            raise AddError(path, "UTF-8 text", f"a byte that is not UTF-8 at position {err.start}") from None
    from trafilatura.utils import decode_file

    return from_page(path, decode_file(raw))


def expand(paths) -> list[Path]:
    """Return the files to add: each file named, and the .html, .htm and .txt files of each folder named.

    >>> import tempfile
    >>> with tempfile.TemporaryDirectory() as d:
    ...     for name in ("b.html", "a.txt", "c.png"): _ = Path(d, name).write_text("x")
    ...     [p.name for p in expand([d])]
    ['a.txt', 'b.html']
    """
    files = []
    for path in map(Path, paths):
        if path.is_dir():
            files += sorted(p for p in path.iterdir() if p.is_file() and p.suffix.lower() in SUFFIXES)
        elif path.is_file():
            files.append(path)
        else:
            raise AddError(path, "a file or folder", "no such file or folder")
    return files


def _normal(text: str) -> str:
    return " ".join(text.split())


def _write_new(final: Path, data: bytes) -> None:
    """Write ``data`` to ``final`` atomically: a temporary file, then a hard link that fails if ``final`` exists."""
    fd, temp = tempfile.mkstemp(prefix=".adding-", dir=final.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.link(temp, final)
    finally:
        os.unlink(temp)


def write(article: Article, corpus_dir: str | Path | None = None) -> tuple[Path, Path]:
    """Write an article's text and metadata into ``corpus_dir/articles``; return the two paths.

    The text file is named ``NNN_<hash>.txt`` (the next number, the start of the text's SHA-256); the id
    is the outlet and date. Raises :class:`AddError` for a text already in the corpus and
    :class:`FileExistsError` rather than overwrite a file.
    """
    folder = Path(corpus_dir if corpus_dir is not None else default_dir()) / "articles"
    if not folder.is_dir():
        raise AddError(folder, "a corpus folder with an 'articles' subfolder", "no such folder")
    new = _normal(article.text)
    for existing in sorted(folder.glob("*.txt")):
        if _normal(existing.read_text(encoding="utf-8", errors="replace")) == new:
            raise AddError(article.source, "an article not yet in the corpus", f"the same text as {existing}")
    ids = set()
    for meta_path in folder.glob("*.json"):
        try:
            ids.add(json.loads(meta_path.read_text(encoding="utf-8")).get("id"))
        except (ValueError, AttributeError):
            continue
    numbers = [int(p.name[:3]) for p in folder.iterdir() if re.match(r"^\d{3}_", p.name)]
    number = max(numbers, default=-1) + 1
    digest = hashlib.sha256(article.text.encode("utf-8")).hexdigest()[:16]
    stem = f"{number:03d}_{digest}"
    base = f"{_slug(article.meta['outlet'])[:24].strip('-')}-{article.meta['published'][:10]}"
    article_id, n = base, 2
    while article_id in ids:
        article_id, n = f"{base}-{n}", n + 1
    meta = {"id": article_id, "source_file": f"{stem}.txt", **article.meta}
    meta = {key: meta[key] for key in FIELDS if key in meta}
    text_path, meta_path = folder / f"{stem}.txt", folder / f"{stem}.json"
    _check_fields(meta, meta_path)
    for key in ("title_evidence", "outlet_evidence", "date_evidence"):
        if meta[key] not in article.text:
            raise CorpusError(meta_path, key, "words copied exactly from the text", repr(meta[key]))
    _write_new(text_path, article.text.encode("utf-8"))
    try:
        _write_new(meta_path, (json.dumps(meta, indent=2, ensure_ascii=False) + "\n").encode("utf-8"))
    except BaseException:
        text_path.unlink()
        raise
    article.meta = meta
    return text_path, meta_path


def main(paths, corpus_dir=None) -> int:
    """Add each file (folders: their .html, .htm and .txt files); print what was inferred; return 1 on any error."""
    target = Path(corpus_dir) if corpus_dir else default_dir()
    try:
        files = expand(paths)
    except AddError as err:
        print(f"error: {err}")
        return 1
    if not files:
        print("error: no .html, .htm or .txt file to add in " + ", ".join(map(str, paths)))
        return 1
    failed = 0
    for path in files:
        try:
            article = read(path)
            text_path, meta_path = write(article, target)
        except (AddError, CorpusError, FileExistsError, OSError) as err:
            print(f"error: {err}")
            failed += 1
            continue
        m = article.meta
        print(f"added {path.name} -> {text_path} (+ {meta_path.name})")
        print(f"  id        {m['id']}")
        print(f"  title     {m['title']}  ({m['title_status']})")
        print(f"  outlet    {m['outlet']}  ({m['outlet_status']}: {m['outlet_evidence']!r})")
        print(f"  published {m['published']}, {m['date_precision']}  ({m['date_status']}: {m['date_evidence']!r})")
        print(f"  text      {len(article.text)} characters, {article.text.count(chr(10) * 2) + 1} paragraphs")
        for line in article.check:
            print(f"  CHECK     {line}")
    if failed < len(files):
        print(f"Check the facts marked CHECK in {target / 'articles'}, then run make notebooks and make test.")
    return 1 if failed else 0
