"""Split scraped article text into paragraphs and label what each one is.

Scraped pages mix the reporting with the page around it: headlines, video and
image captions, photo credits, bylines, related-link headlines, section
headings. Every paragraph (every non-empty line) gets one of
:data:`PARAGRAPH_TYPES`, the name of the rule that decided it, and the section
heading it sits under.

The rules are general page conventions (a line that starts with ``Image:``, navigation, sharing and
browser notices, "RELATED:" lines, bylines with timestamps, a scraper's "date YYYY-MM-DD" stamp,
present-tense picture descriptions,
a credit such as ``Jane Doe / AP file``, a short headline-like line that shares
no words with the paragraph after it, ...); none names an article of the corpus.
``corpus/annotations/paragraphs.csv`` holds the hand labels they are tested
against.
"""

from __future__ import annotations

import re
from pathlib import Path

import pandas as pd

from . import corpus
from .prefilter import small_words

PARAGRAPH_TYPES = ("title", "body", "caption", "boilerplate", "section heading")

COLUMNS = ["article_id", "paragraph", "paragraph_type", "section", "rule", "start", "end", "text", "n_chars"]

_MONTHS = "January|February|March|April|May|June|July|August|September|October|November|December"
_VIDEO_CAPTION = re.compile(r"^\d{1,2}:\d{2}\s*[-–—]\s*Source:", re.I)
_IMAGE_CAPTION = re.compile(r"^(Image|Photo|Video):\s")
_PHOTO_CREDIT = re.compile(r"\b[A-Z][\w.'’-]+(?: [A-Z][\w.'’-]+){0,3} ?/ ?[A-Z][\w&.' ]{1,30}$")
_BYLINE = re.compile(r"^By ?[A-Z][\w.'’ -]{1,60}$")
_DATE_LINE = re.compile(rf"^(?:(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday),?\s+)?(?:{_MONTHS}) \d{{1,2}}, \d{{4}}(?:,? \d{{1,2}}:\d{{2}} ?[AP]\.?M\.?)?$", re.I)
# A dateline in capitals on a line of its own: "LOS ANGELES", "CHICAGO (AP) —", "NEW YORK, N.Y. —".
_CAPS_DATELINE = re.compile(r"^(?=.*[A-Z]{2})[A-Z][A-Z .,'’/-]{1,40}(?:\s*\([A-Za-z/ ]{1,30}\))?\s*[—–-]?$")
_DATELINE = re.compile(r"^[A-Z]{2,}(?:\s*[,—–-]|\s*\u00a0)[^.!?]{0,60}$")
_BOILERPLATE_PHRASES = re.compile(
    r"^(?:story highlights|related topics|related|related articles|read more|advertisement|"
    r"more from [\w ]+|sign up for [\w ]+)$|contributed to this report\.?$",
    re.I,
)
# Page furniture of news sites: navigation, players, sharing, sign-up and browser notices, credits, copyright.
_PAGE_CHROME = re.compile(
    r"^(?:skip to (?:main )?content|follow us|share|share this( story| article)?|news|home|menu|search|view comments|"
    r"play live radio|next up:?|listen|live|watch|subscribe|log ?in|sign in|advertisement|in summary|placeholder while article actions load|"
    r"available on air stations|(?:\d{1,2}:\d{2}\s*)+|show caption|hide caption|toggle caption|enlarge this image|"
    r"comments?|print|email|copy link|close|loading\.*|open in app|read more|more|[\w ]{0,30}newsroom)$"
    r"|^©|\bcopyright\b|all rights reserved|democracy dies in darkness|your browser|javascript|enable cookies|ad blocker"
    r"|^related\s*:|^(?:also )?read(?: more| also)?\s*:|^(?:see|watch|listen)(?: also| more)?\s*:|^more (?:on|from|news)\b"
    r"|^get [^.]{0,60}\bto your inbox|\bsign up for\b[^.]{0,60}\bnewsletters?\b|\bclick here\b|site last updated"
    r"|^this (?:article|story) (?:was|is|first|originally)\b[^.]{0,40}\b(?:published|appeared)|\bis a (?:staff|senior|contributing) (?:writer|reporter|editor)\b"
    r"|preferred source|more of our stories|^hang on for a minute|we're trying to find|^updated:|^published:|^posted\b|^published by\b"
    r"|^listen to\b[^.]{0,40}\bpodcast|^(?-i:[A-Z]{3,})$|^(?-i:SHARE|WATCH|LISTEN|READ)\s"
    r"|^(?-i:[A-Z][A-Z'’ ]{2,24})[:?](?=\S)|^(?-i:[A-Z][\w'’ ]{2,30}):(?=[A-Z])"
    r"|\b\d{1,2}:\d{2}\s*(?:[ap]\.?m\.?)?\s*(?:et|ct|pt|mt|ist|utc|gmt|edt|est|cdt|pdt)\b",
    re.I,
)
# A stamp some scraped pages begin with: "date 2025-09-30".
_DATE_STAMP = re.compile(r"^date \d{4}-\d{2}-\d{2}\s*")
_BYLINE_TIMESTAMP = re.compile(r"^(?:[-–—]\s*)?(?:by\s+[A-Z][^.!?]{0,80}(?:\||~|\bupdated\b|@|\d{4})|[-–—]\s*the [A-Z][\w ]+ [-–—])", re.I)
_CREDIT_ONLY = re.compile(r"^\((?:[^()]{2,60})\)$|\((?:AP|Reuters|Getty|AFP)?\s*Photo[^)]{0,60}\)$|\bPhoto:\s*[A-Z][^.]{0,60}$|\(Photo:[^)]{0,80}\)$")
_CAPTION_START = re.compile(r"^(?:FILE\s*[-–—:]|FILE PHOTO|In this (?:file )?photo|Pictured)", re.I)
# Captions describe a picture in the present tense: "Protesters block the entrance ...", "A woman prays outside ...".
_PICTURE_VERBS = ("speaks|delivers|presides|prays|pray|walks|stands|listens|holds|hold|looks|gestures|"
                  "arrives|attends|talks|addresses|conducts|marches|march|rallies|rally|gather|gathers|cheer|cheers|block|blocks|waves|"
                  "sits|poses|answers|chant|chants|carries|carry|hug|hugs|wait|waits|protest outside")
_CAPTION_VERBS = re.compile(rf"^(?:(?![\w'’-]+ed\b)[\w.,'’()-]+\s+){{1,10}}?(?:{_PICTURE_VERBS})\b")
# _CAPTION_VERBS cannot match unless one of its verbs stands in the text as a run of small letters
_PICTURE_VERB_WORDS = frozenset(v.split()[0] for v in _PICTURE_VERBS.split("|"))


def _may_describe_a_picture(text: str) -> bool:
    """Return False only when :data:`_CAPTION_VERBS` cannot match ``text`` (none of its verbs is there)."""
    return not _PICTURE_VERB_WORDS.isdisjoint(small_words(text))
# A name or an outlet alone on a line near the top: "Whitney Woodworth", "Milwaukee Journal Sentinel".
_NAME_LINE = re.compile(r"^(?:The\s+)?[A-Z][\w.'’-]+(?:\s+(?:(?:of|the|and)\s+)?[A-Z][\w.'’-]+){1,3}$")
_END_PUNCT = re.compile(r"[.!:;,]['\"’”)]*$")
# A line may end with a period that only closes an abbreviation: "Washington, D.C.", "Portland, Ore."
_INITIALISM_END = re.compile(r"\b(?:[A-Z]\.){2,}$|,\s[A-Z][a-z]{1,4}\.$")
_WORD = re.compile(r"[A-Za-z][A-Za-z'’-]*")
_STOP = frozenset(
    "a an the and or but of on in at to for from by with as is are was were be been being it its this that "
    "these those what who whom which how why when where does do did not no so than then there their they "
    "them his her he she we our you your i my me us will would can could should may might must has have had "
    "about after before over under into out up down more most some any all new".split()
)


def split(text: str) -> list[tuple[int, int]]:
    """Return the ``(start, end)`` character span of every paragraph in ``text``.

    A paragraph is a non-empty line, without its surrounding white space;
    ``text[start:end]`` is the paragraph.

    >>> split("Title\\n\\nFirst line.\\nSecond line.  \\n")
    [(0, 5), (7, 18), (19, 31)]
    """
    spans, pos = [], 0
    for line in text.split("\n"):
        stripped = line.strip()
        if stripped:
            offset = line.index(stripped[0])
            spans.append((pos + offset, pos + offset + len(stripped)))
        pos += len(line) + 1
    return spans


def _words(text: str) -> list[str]:
    return _WORD.findall(text)


def _headline_like(text: str, max_words: int = 12) -> bool:
    """A short line with no sentence-ending punctuation (a question mark is allowed)."""
    words = _words(text)
    ends_sentence = _END_PUNCT.search(text) and not _INITIALISM_END.search(text)
    return 0 < len(words) <= max_words and not ends_sentence


def _speechlike(text: str) -> bool:
    """A line that reads as reporting even without an end: it opens a quotation or a pronoun's sentence, or reports speech.

    >>> _speechlike("They said the government at"), _speechlike("Council delays the budget vote")
    (True, False)
    """
    return bool(re.match(r"^[\"“]|^(?:He|She|They|It|We|I|As for|But|And)\b", text)
                or re.search(r"\b(?:said|says|added|told)\b", text))


def _label_heading(text: str) -> bool:
    """A short label ending in a colon that heads what follows ("What we know:").

    >>> _label_heading("What we know:"), _label_heading("He said:")
    (True, False)
    """
    return bool(re.fullmatch(r"[A-Z][\w'’ ,]{2,40}:", text)) and len(_words(text)) <= 6 and not _speechlike(text)


def _place_heading(text: str) -> bool:
    """One to four capitalised words, e.g. 'Los Angeles' or 'Washington, D.C.'."""
    tokens = text.replace(",", " ").split()
    return 1 <= len(tokens) <= 4 and all(t[0].isupper() for t in tokens) and "?" not in text


def _content_words(text: str) -> set[str]:
    out = set()
    for w in _words(text.lower()):
        w = re.sub(r"['’]s$", "", w).strip("'’-")
        if len(w) > 2 and w not in _STOP:
            out.add(w[:-1] if w.endswith("s") and len(w) > 4 else w)
    return out


def _boilerplate_rule(text: str) -> str | None:
    text = _DATE_STAMP.sub("", text)
    if not text:
        return "date stamp"
    n_words = len(_words(text))
    if n_words <= 25 and _PAGE_CHROME.search(text):  # the short test first: the long pattern is slow on long paragraphs
        return "page furniture"
    if n_words <= 25 and _BYLINE_TIMESTAMP.match(text):
        return "byline"
    if _BOILERPLATE_PHRASES.search(text):
        return "boilerplate phrase"
    if _BYLINE.match(text):
        return "byline"
    if _DATE_LINE.match(text):
        return "date line"
    if (_DATELINE.match(text) or _CAPS_DATELINE.match(text)) and n_words <= 8:
        return "dateline"
    return None


def _caption_rule(text: str, previous_rule: str | None) -> str | None:
    text = _DATE_STAMP.sub("", text)
    if _CREDIT_ONLY.search(text) and len(_words(text)) < 80:
        return "photo credit"
    if _CAPTION_START.match(text):
        return "caption start"
    if _VIDEO_CAPTION.match(text):
        return "video caption"
    if _may_describe_a_picture(text) and _CAPTION_VERBS.match(text) and not re.search(r"\b(?:said|says|told)\b", text) and len(_words(text)) < 60:
        return "present-tense picture description"
    if _IMAGE_CAPTION.match(text):
        return "image caption"
    if _PHOTO_CREDIT.search(text) and len(_words(text)) < 80:
        return "photo credit"
    if previous_rule == "image caption":
        return "follows image caption"
    if previous_rule == "video caption" and _headline_like(text):
        return "video title"
    return None


def label(texts: list[str]) -> list[tuple[str, str, str]]:
    """Return ``(paragraph_type, section, rule)`` for each paragraph of one article.

    ``section`` is the text of the section heading the paragraph sits under
    ('' before the first heading, and for titles and boilerplate).

    >>> for row in label(["Cities push back", "By Jo Lee", "Mayors spoke.", "Chicago", "Chicago is safe, he said."]):
    ...     print(row)
    ('title', '', 'title zone')
    ('boilerplate', '', 'byline')
    ('body', '', 'body')
    ('section heading', 'Chicago', 'place heading')
    ('body', 'Chicago', 'body')
    """
    n = len(texts)
    rules: list[str | None] = [None] * n
    types: list[str | None] = [None] * n

    # The title zone: everything before a byline/dateline near the top, or
    # else the leading headline-like lines.
    boilerplate = [_boilerplate_rule(text) for text in texts]  # each rule is read once per paragraph
    markers = [i for i, rule in enumerate(boilerplate[:8]) if rule in ("byline", "date line", "dateline")]
    if markers:
        zone_end = markers[-1]
    else:
        zone_end = 0
        while zone_end < n and (_headline_like(texts[zone_end], 20) or _caption_rule(texts[zone_end], None)):
            zone_end += 1

    previous_rule = None
    for i, text in enumerate(texts):
        rule = boilerplate[i]
        kind = "boilerplate" if rule else None
        if kind is None and "title" in types[:i] and i < zone_end and _NAME_LINE.match(text):
            kind, rule = "boilerplate", "name or outlet line"
        if kind is None and i < zone_end:
            rule = _caption_rule(text, None)
            kind = "caption" if rule else "title"
            rule = rule or "title zone"
        if kind is None:
            rule = _caption_rule(text, previous_rule)
            kind = "caption" if rule else None
        headline = kind is None and _headline_like(text)
        if headline and _speechlike(text):
            kind, rule = "body", "reporting cut short"
        if kind is None and _label_heading(text):
            kind, rule = "section heading", "label heading"
        if kind is None and headline:
            following = texts[i + 1] if i + 1 < n else ""
            if _place_heading(text):
                kind, rule = "section heading", "place heading"
            elif _content_words(text) & _content_words(following):
                kind, rule = "section heading", "heading shares words with next paragraph"
            else:
                kind, rule = "boilerplate", "related-link headline"
        if kind is None:
            kind, rule = "body", "body"
        types[i], rules[i] = kind, rule
        previous_rule = rule

    out, section = [], ""
    for text, kind, rule in zip(texts, types, rules):
        if kind == "section heading":
            section = text
        out.append((kind, section if kind in ("body", "caption", "section heading") else "", rule))
    return out


def paragraphs(articles: pd.DataFrame) -> pd.DataFrame:
    """Return one row per paragraph with its type, section and character span.

    ``paragraph`` counts from 1 within each article; ``text`` equals
    ``article_text[start:end]``; ``paragraph_type`` is one of
    :data:`PARAGRAPH_TYPES`; ``rule`` names the rule that chose it.

    >>> paras = paragraphs(corpus.load())
    >>> paras.groupby("paragraph_type").size()["caption"]
    np.int64(9)
    """
    rows = []
    for art in articles.itertuples(index=False):
        spans = split(art.text)
        texts = [art.text[s:e] for s, e in spans]
        for number, ((start, end), text, (kind, section, rule)) in enumerate(zip(spans, texts, label(texts)), 1):
            rows.append((art.article_id, number, kind, section, rule, start, end, text, end - start))
    frame = pd.DataFrame(rows, columns=COLUMNS)
    frame["paragraph_type"] = pd.Categorical(frame["paragraph_type"], categories=PARAGRAPH_TYPES)
    return frame


def reference(corpus_dir: str | Path | None = None) -> pd.DataFrame:
    """Return the hand-labelled paragraph table, checked against the texts.

    Columns: ``article_id``, ``paragraph``, ``paragraph_type``, ``section``,
    ``text_start`` (the paragraph's first words, copied exactly).
    """
    corpus_dir = Path(corpus_dir) if corpus_dir is not None else corpus.default_dir()
    path = corpus_dir / "annotations" / "paragraphs.csv"
    if not path.is_file():
        raise corpus.CorpusError(path, None, "a hand-labelled paragraph table", "no such file")
    table = pd.read_csv(path, dtype=str, keep_default_na=False)
    expected = ["article_id", "paragraph", "paragraph_type", "section", "text_start"]
    if list(table.columns) != expected:
        raise corpus.CorpusError(path, None, f"the columns {expected}", list(table.columns))
    bad = table[~table["paragraph_type"].isin(PARAGRAPH_TYPES)]
    if len(bad):
        row = bad.index[0] + 2
        raise corpus.CorpusError(path, "paragraph_type", f"one of {PARAGRAPH_TYPES} (row {row})", repr(bad.iloc[0]["paragraph_type"]))
    table["paragraph"] = table["paragraph"].astype("int64")
    return table


def agreement(auto: pd.DataFrame, ref: pd.DataFrame) -> pd.DataFrame:
    """Return automatic and hand labels side by side, one row per paragraph.

    Columns: ``article_id``, ``paragraph``, ``auto_type``, ``hand_type``,
    ``auto_section``, ``hand_section``, ``type_agrees``, ``section_agrees``,
    ``text``. Raises :class:`helpers.corpus.CorpusError` when the hand
    table's paragraphs do not match the texts (a row missing, or a
    ``text_start`` that is not how the paragraph begins). Articles with no
    hand labels at all (a newly added article) are left out; see
    :func:`unlabelled`.
    """
    auto = auto[auto["article_id"].isin(set(ref["article_id"]))]
    merged = auto.merge(ref, on=["article_id", "paragraph"], how="outer", suffixes=("", "_hand"), indicator=True)
    lost = merged[merged["_merge"] != "both"]
    if len(lost):
        row = lost.iloc[0]
        side = "the hand-labelled table" if row["_merge"] == "left_only" else "the article text"
        raise corpus.CorpusError("annotations/paragraphs.csv", "paragraph",
                                 f"one row per paragraph of every article; {side} has no paragraph {row['paragraph']} of {row['article_id']}")
    wrong = merged[[not t.startswith(s) for t, s in zip(merged["text"], merged["text_start"])]]
    if len(wrong):
        row = wrong.iloc[0]
        raise corpus.CorpusError("annotations/paragraphs.csv", "text_start",
                                 f"the first words of paragraph {row['paragraph']} of {row['article_id']}",
                                 repr(row["text_start"]))
    return pd.DataFrame({
        "article_id": merged["article_id"], "paragraph": merged["paragraph"].astype("int64"),
        "auto_type": merged["paragraph_type"].astype(str), "hand_type": merged["paragraph_type_hand"],
        "auto_section": merged["section"], "hand_section": merged["section_hand"],
        "type_agrees": merged["paragraph_type"].astype(str) == merged["paragraph_type_hand"],
        "section_agrees": merged["section"] == merged["section_hand"],
        "text": merged["text"],
    })


def unlabelled(auto: pd.DataFrame, ref: pd.DataFrame) -> list[str]:
    """Return the ids of articles that have no hand-labelled paragraphs, in corpus order."""
    labelled = set(ref["article_id"])
    return [a for a in dict.fromkeys(auto["article_id"]) if a not in labelled]
