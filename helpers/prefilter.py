"""Skip a regular expression that cannot match, by looking for the words it must start with.

The stance cues (:mod:`helpers.stance`, :mod:`helpers.stance_rules`) are
some sixty case-insensitive patterns, most of them long alternations of
words, read over every quotation. Python's ``re`` tries each alternative at
every position of the text, which makes reading them the costliest step of
stance labelling. Most texts contain none of the words a given pattern can
begin with, and checking that with ``str`` containment is cheap.

:func:`starts` reads a pattern's parse tree and returns the short strings
(up to six characters, case-folded) one of which begins every possible
match; :func:`may_match` says whether a folded text contains any of them.
When a pattern can begin with anything (a character class such as ``\\w``,
a back-reference), :func:`starts` returns None and the pattern is always
run. The filter never changes a result: a text it skips cannot match
(``tests/test_prefilter.py`` checks this on every cue and real sentence).

:func:`small_words` serves patterns that end on one of a few words (a
speech verb, a role, a picture verb): without any of them in the text, the
pattern is not run (:mod:`helpers.mentions`, :mod:`helpers.paragraphs`).
"""

from __future__ import annotations

import re
from functools import lru_cache
from re import _constants as _c
from re import _parser as _sre

#: Length of the strings looked for, and the most kept per pattern.
LENGTH, LIMIT = 6, 1000
# Characters that ``re.IGNORECASE`` matches to "i" but ``str.casefold`` leaves apart.
_FOLD = str.maketrans({"\u0130": "i", "\u0131": "i"})


class _Open(Exception):
    """The pattern can begin with too many different strings."""


_SMALL_WORD = re.compile(r"[a-z]+")


def small_words(text: str) -> set[str]:
    """Return every run of small letters in ``text``.

    A pattern that can only match a word of small letters standing on its
    own (after a space or a non-word character, before a non-word
    character) cannot match a text whose runs hold none of its words: one
    set lookup skips it (tests check each such gate on every corpus and
    real-news sentence).

    >>> sorted(small_words("The mayor said-so, Ruiz said."))
    ['he', 'mayor', 'said', 'so', 'uiz']
    """
    return set(_SMALL_WORD.findall(text))


def fold(text: str) -> str:
    """Return ``text`` case-folded as the strings of :func:`starts` are.

    >>> fold("ICE Agents")
    'ice agents'
    """
    return text.translate(_FOLD).casefold()


def _class_chars(items) -> list[str] | None:
    chars: list[str] = []
    for op, av in items:
        if op is _c.LITERAL:
            chars.append(chr(av))
        elif op is _c.RANGE and av[1] - av[0] < 4:
            chars.extend(chr(c) for c in range(av[0], av[1] + 1))
        else:
            return None
    return chars if len(chars) <= 8 else None


def starts(pattern: str, flags: int = 0) -> frozenset[str] | None:
    """Return case-folded strings one of which begins (or is all of) every match of ``pattern``, or None.

    >>> sorted(starts(r"\\b(?:we|they)\\s+will not (?:honou?r|obey)", re.I))
    ['they', 'we']
    >>> starts(r"\\w+ said") is None
    True
    """
    found: set[str] = set()

    def walk(seq: list, prefix: str) -> None:
        if len(found) > LIMIT:
            raise _Open
        if len(prefix) >= LENGTH or not seq:
            found.add(prefix[:LENGTH])
            return
        (op, av), rest = seq[0], seq[1:]
        if op is _c.LITERAL:
            walk(rest, prefix + fold(chr(av)))
        elif op is _c.IN:
            chars = _class_chars(av)
            if chars is None:
                found.add(prefix)
            else:
                for ch in sorted({fold(c) for c in chars}):
                    walk(rest, prefix + ch)
        elif op in (_c.AT, _c.ASSERT, _c.ASSERT_NOT):  # zero width
            walk(rest, prefix)
        elif op is _c.BRANCH:
            for alternative in av[1]:
                walk(list(alternative) + rest, prefix)
        elif op is _c.SUBPATTERN:
            walk(list(av[3]) + rest, prefix)
        elif op in (_c.MAX_REPEAT, _c.MIN_REPEAT, _c.POSSESSIVE_REPEAT):
            low, high, item = av
            if low == 0:
                walk(rest, prefix)
            if high == 1:
                walk(list(item) + rest, prefix)
            else:
                walk(list(item), prefix)  # one repetition, then stop: what follows depends on how many there are
        else:  # any character, a category, a back-reference ...
            found.add(prefix)

    try:
        walk(list(_sre.parse(pattern, flags)), "")
    except (_Open, RecursionError):
        return None
    if not found or min(map(len, found)) < 2:
        return None
    # a string that begins with another one of the set adds nothing: the shorter is there whenever it is
    return frozenset(s for s in found if not any(s != t and s.startswith(t) for t in found))


@lru_cache(maxsize=512)
def starts_of(rx: re.Pattern) -> tuple[str, ...] | None:
    """Return :func:`starts` of a compiled pattern, sorted (None: it can start with anything)."""
    found = starts(rx.pattern, rx.flags)
    return None if found is None else tuple(sorted(found))


def present(found: tuple[str, ...] | None, folded: str) -> bool:
    """Return True when ``found`` (:func:`starts_of`) is None or one of its strings is in ``folded``."""
    if found is None:
        return True
    for start in found:
        if start in folded:
            return True
    return False


def may_match(rx: re.Pattern, folded: str) -> bool:
    """Return False only when ``rx`` cannot match the text whose :func:`fold` is ``folded``.

    >>> rx = re.compile(r"\\b(?:sanctuary|refuge) cit(?:y|ies)", re.I)
    >>> may_match(rx, fold("A SANCTUARY CITY")), may_match(rx, fold("Agents arrived."))
    (True, False)
    """
    return present(starts_of(rx), folded)


_CUES: dict[int, tuple] = {}


def with_starts(cues: list[tuple[str, str, re.Pattern]]) -> list[tuple[str, str, re.Pattern, tuple[str, ...] | None]]:
    """Return ``(name, label, pattern, its starts_of)`` for a list of ``(name, label, pattern)`` cues, made once per list.

    >>> [c[3] for c in with_starts([("refuses", "AGAINST", re.compile("will not"))])]
    [('will n',)]
    """
    known = _CUES.get(id(cues))
    if known is None or known[0] is not cues:
        known = (cues, [(name, label, rx, starts_of(rx)) for name, label, rx in cues])
        _CUES[id(cues)] = known
    return known[1]
