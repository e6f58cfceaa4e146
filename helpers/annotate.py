"""Annotate the corpus automatically: sentences and their sentiment.

Each function takes a table and returns a new table with named columns added;
nothing is changed in place and nothing is written to disk.
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

import pandas as pd

from . import offline
from .corpus import ROOT
from .paragraphs import paragraphs as _paragraphs
from .spans import records

#: pySBD's 48 English golden rules, as data (see :func:`golden_rules`).
GOLDEN_RULES = ROOT / "tests" / "data" / "golden_rules_en.json"

SENTENCE_COLUMNS = [
    "article_id", "sentence", "paragraph", "paragraph_type", "section", "start", "end", "text", "n_words",
]


@lru_cache(maxsize=1)
def _punkt_ready() -> bool:
    offline.require_punkt()
    return True


def _punkt(text: str) -> list[tuple[int, int]]:
    """Return the spans of NLTK's Punkt sentences: the sentences of TextBlob's ``.sentences``.

    The same tokenizer as ``TextBlob(text).sentences``, without building a
    TextBlob and a Sentence object for each one. Each sentence is looked for
    after the end of the one before; TextBlob moves on by the sentence's
    length only, so a piece that repeats (the "." of a spaced ellipsis ". . .")
    can be placed on an earlier one.

    >>> from textblob import TextBlob
    >>> t = 'Go. "Go." Go. It is 6 p.m. Monday. Mr. Smith left.'
    >>> _punkt(t) == [(s.start, s.end) for s in TextBlob(t).sentences]
    True
    """
    from nltk.tokenize import sent_tokenize

    _punkt_ready()
    spans, cursor = [], 0
    for sentence in sent_tokenize(text):
        start = text.index(sentence, cursor)
        cursor = start + len(sentence)
        spans.append((start, start + len(sentence)))
    return spans


@lru_cache(maxsize=1)
def _pysbd_segmenter():
    import pysbd

    return pysbd.Segmenter(language="en", clean=False)


def _pysbd(text: str) -> list[tuple[int, int]]:
    """Return pySBD's sentences as spans, each found in ``text`` itself so that offsets stay exact.

    pySBD's own character offsets are not trusted (they can be wrong after
    lists); its sentence strings are located in order. Should one not be
    found word for word, the paragraph falls back to punkt.

    >>> t = '"This is great." she said. Lt. Gov. Dan Patrick left.'
    >>> [t[s:e] for s, e in _pysbd(t)]
    ['"This is great." she said.', 'Lt. Gov. Dan Patrick left.']
    """
    spans, cursor = [], 0
    for sent in _pysbd_segmenter().segment(text):
        sent = sent.strip()
        if not sent:
            continue
        at = text.find(sent, cursor)
        if at < 0:
            return _punkt(text)
        spans.append((at, at + len(sent)))
        cursor = at + len(sent)
    return spans


#: Sentence splitters: name -> function(paragraph) -> [(start, end)].
#: ``punkt``: NLTK's Punkt model through TextBlob (the default: fast, and it
#: keeps straight and curly quotation marks in any mix apart; with :func:`repair`
#: it splits all 48 of pySBD's English golden rules right, see :func:`golden_rules`,
#: in about 1.3 times punkt's own time, see :func:`splitting_time`);
#: ``pysbd``: pySBD's rules (Sadvilkar and Neves 2020), made for abbreviations, initials,
#: quotations followed by their attribution and numbered lists, but it pairs a
#: straight opening mark with a curly closing one badly.
SPLITTERS = {"punkt": _punkt, "pysbd": _pysbd}


def split(text: str, splitter: str = "punkt") -> list[tuple[int, int]]:
    """Return the ``(start, end)`` of every sentence of one paragraph; ``text[start:end]`` is the sentence.

    Whichever splitter is used, :func:`repair` then undoes the breaks news
    text is known to trip on and makes the ones it misses (ellipses, lists,
    "U.S. How ...", "at 6 p.m. Mr. ...").

    >>> t = '"This is great." she said. Sheriff J.R. Smith left Mt. Hood at 6 a.m. Monday. It is in the U.S. The end.'
    >>> [t[s:e] for s, e in split(t)]
    ['"This is great." she said.', 'Sheriff J.R. Smith left Mt. Hood at 6 a.m. Monday.', 'It is in the U.S.', 'The end.']
    """
    if splitter not in SPLITTERS:
        raise ValueError(f"splitter must be one of {sorted(SPLITTERS)}; got {splitter!r}")
    return repair(SPLITTERS[splitter](text), text)


_ONLY_MARKS = re.compile(r"^[\"“”’'\s)]+$")


def repair(spans: list[tuple[int, int]], text: str) -> list[tuple[int, int]]:
    """Return sentence spans with the known false breaks of news text undone and the missed ones made.

    A break is undone before a sentence that starts in lower case ('"This is
    great." she said.'), after a title such as "Gov." or "Mt." before a
    capital, after a clock time before a weekday ("6 a.m. Monday"), and
    before a piece that is only quotation marks. :func:`rebreak` then handles
    ellipses, lists (a numbered list's "1." goes with the item it numbers; a
    number that only ends a sentence, as in "Senate Bill 4." or "Jan. 1.", stays),
    "No. 12", "U.S. How ..." and "at 6 p.m. Mr. ...".

    >>> t = "Two parts: 1. Agents wait. 2. Jails hold."
    >>> [t[s:e] for s, e in repair([(0, 13), (14, 26), (27, 29), (30, 41)], t)]
    ['Two parts:', '1. Agents wait.', '2. Jails hold.']
    """
    out: list[tuple[int, int]] = []
    for start, end in spans:
        if out:
            prev_start, prev_end = out[-1]
            before, piece = text[prev_start:prev_end], text[start:end]
            if (
                piece[:1].islower()
                or _ONLY_MARKS.match(piece)
                or (before.endswith(TITLE_ABBREVIATIONS) and piece[:1].isupper())
                or (re.search(r"\b\d{1,2}(?::\d\d)? ?[ap]\.m\.$", before) and _CONTINUES_TIME.match(piece))
            ):
                out[-1] = (prev_start, end)
                continue
        out.append((start, end))
    return rebreak(out, text)


# Ellipses written with spaced dots (". . ."): no break inside one, nor after three of them; a break after
# four ("period . . . . Next"), before ". . ." when a word's own period comes first ("compounds. . . . The"),
# and after four or more dots written together ("that.... She").
_SPACED_DOTS_END = re.compile(r"(?:^|\s)\.(?: \.){2,}[\"”’')\]]*\s*$")
_FOUR_SPACED = re.compile(r"(?:^|(?<=\s))\.(?: \.){3}[\"”’')\]]*\s+(?=[\"“‘']?[A-Z])")
_PERIOD_THEN_DOTS = re.compile(r"(?<=[^\s.])\.\s+(?=\. \. \.\s+[\"“‘']?[A-Z])")
_FOUR_DOTS = re.compile(r"(?<=[^\s.])\.{4,}[\"”’')\]]*\s+(?=[\"“‘']?[A-Z])")
# A number after an abbreviation made for numbers ("No. 12", "p. 55", "N°. 1026.253.553") or after a month
# ("Mar. 5") goes on.
_BEFORE_NUMBER = re.compile(r"(?:^|[\s(])(?:N[o°º]s?|pp?|[Vv]ol|[Aa]rt|[Ff]ig|[Ss]ec|[Cc]h|Jan|Feb|Mar|Apr|Jun|Jul|Aug"
                            r"|Sept?|Oct|Nov|Dec)\.\s*$")
# List items: a bullet, or a number or letter followed by ".", ")" or ".)" ("• 9.", "2.)", "b.", "(3)").
_ITEM = re.compile(r"(?:^|(?<= ))(?P<bullet>[•⁃‣▪◦] *)?\(?(?P<n>\d{1,2}|[a-z])(?:\.\)|\)|\.)\s+|(?:^|(?<= ))[•⁃‣▪◦] *")
# A list has a bullet, or a second item numbered 2 or lettered b.
_LIST_CUES = ("•", "⁃", "‣", "▪", "◦", " 2.", " 2)", "(2)", " b.", " b)", "(b)")
_OPENS_LIST = re.compile(r"(?:^|[:;.!?][\"”’')]*)$")
# After a multi-period abbreviation ("U.S.", "E.U."), a word that starts sentences and never continues a name.
_STARTERS = ("I", "He", "She", "It", "We", "They", "You", "This", "That", "These", "Those", "There", "The", "A", "An",
             "How", "What", "Why", "When", "Where", "Who", "But", "And", "So", "Yet", "If", "Its", "Their", "His",
             "Her", "Our", "My", "In")
_STOP_STARTER = re.compile(r"\.\s+(?=(?:%s)\b(?![.'’-]))" % "|".join(_STARTERS))
_ACRONYM_END = re.compile(r"(?<![^\W\d_])(?:[A-Z]\.){2,}$")  # not after a letter
# A clock time ends a sentence before a capital that is no weekday, month or time zone ("at 6 p.m. Mr. Smith
# then went"), unless the sentence opens with the time ("At 5 a.m. Mr. Smith went").
_TIME_THEN_CAPITAL = re.compile(
    r"\b\d{1,2}(?::\d\d)? ?[aApP]\.[mM]\.\s+(?=[A-Z])(?!(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun|Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|"
    r"Sep|Oct|Nov|Dec|Eastern|Central|Mountain|Pacific|Local|Noon|Midnight|(?:[ECMP][SD]?T|GMT|UTC|ET|CT|MT|PT)\b))")
_OPENS_WITH_TIME = re.compile(r"(?:[\"“‘']?(?:At|By|Before|After|Around|Until|Till|From|Since|About|Shortly|Just|On|Then"
                              r"|Early|Late|Starting|Beginning)\s+)+(?:[a-z]+\s+)?\d")


def rebreak(spans: list[tuple[int, int]], text: str) -> list[tuple[int, int]]:
    """Return sentence spans with breaks undone inside ellipses and list marks, and made where rules show one.

    Undone: inside an ellipsis of spaced dots or after one of three dots
    ("the thing is . . . I didn’t"); between a list mark and its item; before a
    number that an abbreviation such as "No." or "p." announces. Made: after
    an ellipsis of four dots before a capital ("period . . . . Next";
    "compounds. | . . . The"; "that.... | She"); before every item of a list
    (items marked by a bullet, or numbered or lettered in sequence from 1 or
    "a" after the start or the end of a sentence: "1.) ... 2.) ...",
    "a. ... b. ..."); after "U.S." or "E.U." before a word that starts sentences
    ("I live in the U.S. | How about you?"); after a clock time before a capital
    that is no weekday, month or time zone, unless the sentence opens with the
    time ("He left at 6 P.M. | Mr. Smith then went"). Spans only move at
    white space, so ``text[start:end]`` is always the sentence.

    >>> t = "I never meant that.... She left. 1) The first item 2) The second item"
    >>> [t[s:e] for s, e in _punkt(t)]
    ['I never meant that.... She left.', '1) The first item 2) The second item']
    >>> [t[s:e] for s, e in rebreak(_punkt(t), t)]
    ['I never meant that....', 'She left.', '1) The first item', '2) The second item']
    """
    if len(spans) == 0:
        return spans
    first, last = spans[0][0], spans[-1][1]
    breaks = {start for start, _ in spans[1:]}
    drop, make = set(), set()
    spaced_dots = ". ." in text
    for b in breaks:  # each test below is cheap and rarely true; they stand before any regular expression
        if spaced_dots and ((text[b] == "." and text[b + 1:b + 2] != ".") or _SPACED_DOTS_END.search(text, first, b)):
            drop.add(b)
        elif text[b].isdigit() and _BEFORE_NUMBER.search(text, max(first, b - 7), b):
            drop.add(b)
    if text[first].isdigit() or any(map(text.__contains__, _LIST_CUES)):
        for m in _list_items(text, first, last):
            if m.start() > first:
                make.add(m.start())
            drop.update(b for b in breaks if m.start() < b <= m.end())
    patterns = ((_FOUR_SPACED, _PERIOD_THEN_DOTS) if spaced_dots else ()) + ((_FOUR_DOTS,) if "...." in text else ())
    for pattern in patterns:
        make.update(m.end() for m in pattern.finditer(text, first, last) if m.end() < last)
    for m in _STOP_STARTER.finditer(text, first, last):
        if m.end() not in breaks and _ACRONYM_END.search(text, max(first, m.start() - 12), m.start() + 1):
            make.add(m.end())
    if ".m. " in text or ".M. " in text:
        for m in _TIME_THEN_CAPITAL.finditer(text, first, last):
            starts = [b for b in (breaks - drop) | make | {first} if b <= m.start()]
            if not _OPENS_WITH_TIME.match(text, max(starts)):
                make.add(m.end())
    if not make and not drop:
        return spans
    cuts = sorted((breaks - drop) | make)
    out, start = [], first
    for cut in cuts + [last]:
        piece = text[start:cut]
        stripped = piece.strip()
        if stripped:
            at = start + len(piece) - len(piece.lstrip())
            out.append((at, at + len(stripped)))
        start = cut
    return out


def _list_items(text: str, first: int, last: int) -> list[re.Match]:
    """Return the marks of list items in ``text[first:last]``: bullets, and runs of numbers or letters.

    Bullets count when there are two or more, or when one opens the text. A
    number or letter counts inside a run of two or more in sequence ("1." then
    "2.", "a." then "b.") that starts from 1 or "a" at the start of the text or
    after the end of a sentence or a colon; a number that opens the text counts
    alone (a paragraph that is one item of a list).

    >>> t = "Senate Bill 4. It passed. Steps: 1) Call. 2) Wait. • Note"
    >>> [m.group().strip() for m in _list_items(t, 0, len(t))]
    ['1)', '2)']
    """
    marks = list(_ITEM.finditer(text, first, last))
    bullets = [m for m in marks if m.group("bullet") is not None or m.group("n") is None]
    listed = bullets if len(bullets) > 1 or (bullets and bullets[0].start() == first) else []
    run: list[re.Match] = []
    for m in marks:
        if m in bullets:
            continue
        if m.start() == first and m.group("n").isdigit():
            listed.append(m)
        if run and _next_item(run[-1], m):
            run.append(m)
            continue
        if len(run) > 1:
            listed += run
        opens = m.group("n") in ("1", "a") and _OPENS_LIST.search(text[first:m.start()].rstrip()[-4:])
        run = [m] if opens else []
    if len(run) > 1:
        listed += run
    return sorted({m.start(): m for m in listed}.values(), key=lambda m: m.start())


def _next_item(a: re.Match, b: re.Match) -> bool:
    """Return True if list mark ``b`` numbers the item after ``a`` ("1." then "2.", "a." then "b.")."""
    x, y = a.group("n"), b.group("n")
    if x.isdigit() != y.isdigit():
        return False
    return (int(y) == int(x) + 1) if x.isdigit() else ord(y) == ord(x) + 1


#: Paragraphs on which sentence splitters are known to stumble, with the sentences a reader sees
#: (a quotation of several sentences counts as several, as the quotation finder reads it).
HARD_CASES: list[tuple[str, list[str]]] = [
    ("Sheriff J.R. Smith said the jail would comply. He spoke Monday.",
     ["Sheriff J.R. Smith said the jail would comply.", "He spoke Monday."]),
    ("The hike up Mt. Hood took hours. Officials closed the trail.",
     ["The hike up Mt. Hood took hours.", "Officials closed the trail."]),
    ("The policy applies across the U.S. The mayor disagreed.",
     ["The policy applies across the U.S.", "The mayor disagreed."]),
    ('"This is great." she said. Others disagreed.', ['"This is great." she said.', "Others disagreed."]),
    ("“Is this legal?” asked Mayor Jo Lee. “No.”", ["“Is this legal?” asked Mayor Jo Lee.", "“No.”"]),
    ("“I think local governments … are taking the lead,” he said. She agreed.",
     ["“I think local governments … are taking the lead,” he said.", "She agreed."]),
    ('"We will not... we cannot comply," he said. He left.', ['"We will not... we cannot comply," he said.', "He left."]),
    ("The order has three parts: 1. Detainers are honored. 2. Agents get access. The county objected.",
     ["The order has three parts:", "1. Detainers are honored.", "2. Agents get access.", "The county objected."]),
    ("Gov. Greg Abbott signed the bill. Lt. Gov. Dan Patrick praised it.",
     ["Gov. Greg Abbott signed the bill.", "Lt. Gov. Dan Patrick praised it."]),
    ("The raids began at 6 a.m. Monday and ended at 5 p.m. Officials confirmed it.",
     ["The raids began at 6 a.m. Monday and ended at 5 p.m.", "Officials confirmed it."]),
    ('"I don’t intend to change," he told the newspaper. "We are not going to engage."',
     ['"I don’t intend to change," he told the newspaper.', '"We are not going to engage."']),
    ('"You are safe. You are secure," Ruiz said. "These are our neighbors.”',
     ['"You are safe.', 'You are secure," Ruiz said.', '"These are our neighbors.”']),
    ("He lives in Washington, D.C. with his family. She does not.",
     ["He lives in Washington, D.C. with his family.", "She does not."]),
    ("ICE Director Todd M. Lyons said, \"We will be there.\" The mayor disagreed.",
     ["ICE Director Todd M. Lyons said, \"We will be there.\"", "The mayor disagreed."]),
]


def compare_splitters(repeat: int = 20) -> pd.DataFrame:
    """Return, for each splitter with and without :func:`repair`, the hard cases it gets right and its speed.

    ``right`` counts the :data:`HARD_CASES` split exactly as a reader would;
    ``ms per paragraph`` is the mean time over ``repeat`` passes.
    """
    import time

    rows = []
    for name, fn in SPLITTERS.items():
        for repaired in (False, True):
            right = 0
            for text, expected in HARD_CASES:
                spans = fn(text)
                spans = repair(spans, text) if repaired else spans
                right += [text[s:e] for s, e in spans] == expected
            fn(HARD_CASES[0][0])  # load the model before timing
            t0 = time.perf_counter()
            for _ in range(repeat):
                for text, _ in HARD_CASES:
                    spans = fn(text)
                    if repaired:
                        repair(spans, text)
            ms = (time.perf_counter() - t0) * 1000 / (repeat * len(HARD_CASES))
            rows.append({"splitter": name + (" + repairs" if repaired else ""), "right": right, "of": len(HARD_CASES),
                         "ms per paragraph": round(ms, 3)})
    return pd.DataFrame(rows)


def _variants() -> dict:
    """Return every splitter, alone and followed by :func:`repair`: label -> function(text) -> spans."""
    out = {}
    for name, fn in SPLITTERS.items():
        out[name] = fn
        out[name + " + repairs"] = lambda text, name=name: split(text, name)
    return out


def golden_rules(path: Path | None = None) -> pd.DataFrame:
    """Return, for each of pySBD's 48 English golden rules, whether each splitter splits it right.

    The rules (Pragmatic Segmenter's Golden Rules, as pySBD tests them; MIT)
    are read from ``tests/data/golden_rules_en.json``. One row per rule:
    ``rule`` (Pragmatic Segmenter's number), ``name``, then one column per
    splitter, alone and with :func:`repair` (``"punkt + repairs"`` is what
    :func:`split` does by default): True when its sentences are exactly the
    expected ones. The time each takes is :func:`splitting_time`.

    >>> table = golden_rules()
    >>> int(table["punkt"].sum()), int(table["punkt + repairs"].sum()), len(table)
    (27, 48, 48)
    """
    import json

    path = GOLDEN_RULES if path is None else path
    rules = json.loads(path.read_text(encoding="utf-8"))["rules"]
    rows = []
    for rule in rules:
        text, row = rule["text"], {"rule": rule["rule"], "name": rule["name"]}
        for label, fn in _variants().items():
            row[label] = [text[s:e] for s, e in fn(text)] == rule["sentences"]
        rows.append(row)
    return pd.DataFrame(rows)


def splitting_time(texts: list[str] | None = None, repeat: int = 5) -> pd.DataFrame:
    """Return the time each splitter takes per paragraph, alone and with :func:`repair`, and its ratio to punkt's.

    ``texts`` are paragraphs (by default the corpus's). Each splitter splits
    each paragraph ``repeat`` times in a row and its fastest time is kept, so
    that a busy machine disturbs the comparison little;
    ``ms per paragraph`` is the mean of those, ``x punkt`` the ratio to punkt
    alone.
    """
    import time

    if texts is None:
        from .corpus import load

        texts = _paragraphs(load())["text"].tolist()
    variants = _variants()
    for fn in variants.values():  # load the models before timing
        fn(texts[0])
    total = dict.fromkeys(variants, 0.0)
    clock = time.perf_counter
    for text in texts:
        for label, fn in variants.items():
            best = float("inf")
            for _ in range(repeat):
                t0 = clock()
                fn(text)
                best = min(best, clock() - t0)
            total[label] += best
    return pd.DataFrame([{"splitter": label, "ms per paragraph": round(seconds * 1000 / len(texts), 4),
                          "x punkt": round(seconds / total["punkt"], 2)} for label, seconds in total.items()])


def sentences(articles: pd.DataFrame, paras: pd.DataFrame | None = None, progress: bool = False,
              splitter: str = "punkt") -> pd.DataFrame:
    """Return one row per sentence, with character offsets into the raw text.

    Sentences come from ``splitter`` (see :data:`SPLITTERS`: punkt through
    TextBlob by default, or pySBD), repaired by :func:`repair`, one paragraph at a time, so a heading
    or caption never runs into the next paragraph. ``sentence`` counts from 1
    within each article, and for every row ``article_text[start:end] == text``.
    ``n_words`` counts the words: runs of letters and digits, an apostrophe
    or hyphen inside a word keeping it whole (see :func:`count_words`).

    >>> from helpers import corpus
    >>> sents = sentences(corpus.load())
    >>> row = sents[sents["text"].str.contains("Jr. Day Public Policy Forum in New York")].iloc[0]
    >>> row["text"]
    'New York City mayor Bill de Blasio speaks to guests during the National Action Network (NAN) Dr. Martin Luther King, Jr. Day Public Policy Forum in New York City on Jan. 15, 2018.'
    """
    _punkt_ready()
    paras = _paragraphs(articles) if paras is None else paras
    rows = []
    by_article: dict[str, list] = {}
    for par in records(paras):
        by_article.setdefault(par.article_id, []).append(par)
    groups = by_article.items()
    if progress:
        from tqdm.auto import tqdm

        groups = tqdm(groups, total=len(by_article), desc="sentences", unit="article")
    for article_id, group in groups:
        number = 0
        for par in group:
            for start, end in split(par.text, splitter):
                number += 1
                text = par.text[start:end]
                rows.append((
                    article_id, number, par.paragraph, par.paragraph_type, par.section,
                    par.start + start, par.start + end, text, count_words(text),
                ))
    frame = pd.DataFrame(rows, columns=SENTENCE_COLUMNS)
    frame["paragraph_type"] = pd.Categorical(frame["paragraph_type"], categories=paras["paragraph_type"].cat.categories)
    return frame


_WORD = re.compile(r"[^\W_]+(?:['’-][^\W_]+)*")


def count_words(text: str) -> int:
    """Return the number of words in ``text``: runs of letters and digits, joined by an inner apostrophe or hyphen.

    TextBlob's ``len(.words)`` splits "Trump's" and "don't" in two and takes
    about 70 times as long (NLTK's Treebank tokenizer).

    >>> count_words("Trump's pro-immigrant city -- at 6 PM, don’t.")
    7
    """
    return len(_WORD.findall(text))


# Titles written before a name that the sentence tokenizer may take for a sentence end.
_CONTINUES_TIME = re.compile(r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|today|tomorrow|yesterday|[a-z])")
TITLE_ABBREVIATIONS = ("Mt.", "Gov.", "Sen.", "Rep.", "Reps.", "Lt.", "Gen.", "Sgt.", "Capt.", "Prof.", "Dr.", "Mr.", "Mrs.", "Ms.",
                       "St.", "Supt.", "Det.", "Insp.", "Ald.", "Atty.", "Asst.", "Dep.", "Del.", "Col.", "Maj.", "Cmdr.",
                       "Rev.", "Hon.", "Ft.", "Pres.", "Sens.")


@lru_cache(maxsize=1)
def _pattern_analyzer():
    """Return TextBlob's English sentiment analyzer, loaded, whose word lookups go straight to its lexicon.

    TextBlob's own (``textblob.en.sentiment``) is a lazy dictionary: every
    ``word in lexicon`` and ``lexicon[word]`` first checks whether the
    lexicon still has to be read from disk, about a quarter of the time of
    scoring a sentence. This one is built with the same arguments as
    ``textblob.en`` builds its own, read at once, and then looked up as the
    plain dictionary it is (a test checks that it scores every corpus and
    real-news sentence as ``TextBlob(text).sentiment`` does).
    """
    import os

    from textblob import en

    class Loaded(en.Sentiment):
        __contains__ = dict.__contains__
        __getitem__ = dict.__getitem__
        get = dict.get

    analyzer = Loaded(path=os.path.join(en.MODULE, "en-sentiment.xml"), synset="wordnet_id",
                      negations=("no", "not", "n't", "never"), modifiers=("RB",), modifier=lambda w: w.endswith("ly"),
                      tokenizer=en.parser.find_tokens, language="en")
    analyzer.load()
    return analyzer


def _textblob(text: str) -> dict:
    # what TextBlob(text).sentiment returns (its PatternAnalyzer), without building a TextBlob
    polarity, subjectivity = _pattern_analyzer()(text)[:2]
    return {"polarity": float(polarity), "subjectivity": float(subjectivity)}


@lru_cache(maxsize=1)
def _vader_analyzer():
    from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

    return SentimentIntensityAnalyzer()


#: The VADER release whose ``polarity_scores`` :func:`_vader_scores` follows line by line.
VADER_FOLLOWED = "3.3.2"


@lru_cache(maxsize=1)
def _vader_emoji_characters() -> frozenset[str] | None:
    """Return the one-character emoji VADER replaces by their descriptions (None: another VADER release)."""
    from importlib import metadata

    if metadata.version("vaderSentiment") != VADER_FOLLOWED:
        return None
    return frozenset(key for key in _vader_analyzer().emojis if len(key) == 1)


def _vader_scores(text: str) -> dict:
    """Return VADER's ``polarity_scores(text)`` for a text without emoji: its own steps, less the emoji pass.

    VADER 3.3.2 first copies the text character by character to replace
    each emoji with its description, about a fifth of its time on news
    text; without an emoji that copy is the text itself, stripped. What
    follows is the rest of ``SentimentIntensityAnalyzer.polarity_scores``,
    calling the analyzer's own methods (a test checks that the scores are the
    library's on every corpus and real-news sentence).

    >>> _vader_scores("A truly great city.") == _vader_analyzer().polarity_scores("A truly great city.")
    True
    """
    from vaderSentiment.vaderSentiment import BOOSTER_DICT, SentiText

    analyzer = _vader_analyzer()
    text = text.strip()
    sentitext = SentiText(text)
    sentiments: list = []
    words = sentitext.words_and_emoticons
    for i, item in enumerate(words):
        valence = 0
        # modifiers and negations carry no valence of their own
        if item.lower() in BOOSTER_DICT:
            sentiments.append(valence)
            continue
        if i < len(words) - 1 and item.lower() == "kind" and words[i + 1].lower() == "of":
            sentiments.append(valence)
            continue
        sentiments = analyzer.sentiment_valence(valence, sentitext, item, i, sentiments)
    sentiments = analyzer._but_check(words, sentiments)
    return analyzer.score_valence(sentiments, text)


def _vader(text: str) -> dict:
    emoji = _vader_emoji_characters()
    if emoji is not None and emoji.isdisjoint(text):
        scores = _vader_scores(text)
    else:
        scores = _vader_analyzer().polarity_scores(text)
    return {"vader_compound": float(scores["compound"])}


def warm_up() -> None:
    """Load what the first sentence would load: the Punkt model and the TextBlob and VADER lexicons.

    A worker process calls it as it starts, so that loading (about two
    seconds) runs while the main process is still reading the corpus.
    """
    _punkt("Warm up. Now.")
    for analyze in ANALYZERS.values():
        analyze("A good start.")


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
        [{k: v for name in names for k, v in ANALYZERS[name](text).items()} for text in frame[column].tolist()],
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
    names = {"polarity": "TextBlob", "vader_compound": "VADER"}
    table.index.name = names.get(a, a)
    table.columns.name = names.get(b, b)
    return table
