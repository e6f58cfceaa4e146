"""Quotation marks and kinds: where each quotation opens and closes, and whether it is speech.

:func:`spans` pairs straight and curly double marks in a paragraph (a doubled mark counts as one; an
opening mark that never closes is skipped); :func:`kind` tells a ``full`` quotation from a ``partial``
one and from words that are ``not speech`` (a single word, a title, a term or scare quotes, the words on a
sign or a web page, the wording of a law or agreement). :mod:`helpers.quotes` finds the speakers.
"""

from __future__ import annotations

import re

from . import mentions as _m
from .vocabulary import KINDS, SPEECH  # noqa: F401  (the kinds a quotation can have; the speech ones)

MARKS = "\"“”"

_VERBS = sorted(_m.SPEECH_VERBS, key=len, reverse=True)
_SPEECH_RE = re.compile(r"\b(?:" + "|".join(_VERBS) + r"|states(?=\s+that\b)|[Aa]ccording to"
                        r"|(?:(?<=statement )|(?<=letter )|(?<=post )|(?<=release )|(?<=report )|(?<=memo )|(?<=email )|(?<=tweet ))reads?"
                        r"|read(?=\s+(?:a|an|the)\s+(?:[\w-]+\s+){0,3}?(?:statement|letter|post|release|memo|email)\b))\b")
_DIRECTIVE_RE = re.compile(r"\b(?:" + "|".join(_m.DIRECTIVE_VERBS) + r")\b")
_ADVERB = (r"(?:\w+ly|also|meanwhile|then|later|again|recently|previously|earlier|now|still|once|has|have|had|"
           r"was|is|will|would|last|this|on|week|night|morning|year|yesterday|today|Monday|Tuesday|Wednesday|"
           r"Thursday|Friday|Saturday|Sunday)")
_TERM_BEFORE = re.compile(r"(?:so-called|so called|the (?:terms?|words?|phrases?|label|slogan|name)|dubbed|known as|"
                          r"labell?ed(?: as)?|branded(?: as)?|coined|(?:declar|call|nam|designat|proclaim|brand)\w*\s+"
                          r"(?:itself|themselves|himself|herself|the city|the county|the state|it)(?:\s+as)?(?:\s+an?)?)\s*$", re.I)
_MEDIA = (r"(?:guidance|report|program|programme|show|series|book|film|documentary|campaign|initiative|study|column|"
          r"op-ed|hashtag|course|exhibit|podcast|segment|newsletter|memoir|song|album|audit|survey|poll|plan|toolkit)")
_TITLE_BEFORE = re.compile(rf"(?:\b(?:titled|entitled|headlined)|\b{_MEDIA}\s+(?:on|about|called|named))\s*$", re.I)
_MEDIA_BEFORE = re.compile(rf"\b{_MEDIA}\b[^.;\"“”]{{0,50}}?,?\s*$", re.I)


_MARK_RUN = re.compile("[" + "".join(re.escape(m) for m in MARKS) + "]+|’’|‘‘")


def spans(text: str) -> list[tuple[int, int]]:
    """Return ``(start, end)`` of every quotation in ``text``, marks included.

    Straight and curly marks may be mixed; a doubled mark counts as one; an
    opening mark that is never closed is skipped, and nothing raises.

    >>> t = 'He said "yes,” then “no" and “never.'
    >>> [t[s:e] for s, e in spans(t)]
    ['"yes,”', '“no"']
    >>> spans('““Twice,” she said.')
    [(0, 9)]
    """
    runs = [m.span() for m in _MARK_RUN.finditer(text)]  # each run of marks, as one
    out, opened = [], None
    for s, e in runs:
        run = text[s:e].replace("’’", "”").replace("‘‘", "“")  # two single marks typed for a double one
        before = text[s - 1] if s > 0 else " "
        after = text[e] if e < len(text) else " "
        can_open = "”" not in run and ("“" in run or not before.isalnum())
        can_close = "“" not in run and ("”" in run or not after.isalnum())
        if set(run) == {"”"} and before.isspace() and after.isalnum():
            can_open, can_close = True, False  # a closing mark typed to open: ' ”This tragedy …'
        if set(run) == {"“"} and not before.isspace() and not after.isalnum() and opened is not None:
            can_close = True  # an opening mark typed to close: '“mission critical“ to …'
        if opened is None:
            if can_open:
                opened = s
        elif can_close and (run != "“" * len(run) or not before.isspace()):
            out.append((opened, e))
            opened = None
        elif can_open:
            opened = s  # the previous opening mark was never closed
    return out


def kind(paragraph: str, start: int, end: int) -> tuple[str, str]:
    """Return ``(kind, rule)`` for the quotation ``paragraph[start:end]``.

    >>> kind('Trump built a "beautiful" wall.', 13, 24)
    ('not speech', 'single word')
    >>> kind('It is a so-called "sanctuary city" now.', 18, 34)
    ('not speech', 'term or scare quotes')
    >>> kind('Ruiz said, "We will not comply."', 11, 32)
    ('full', 'quoted sentence')
    """
    content = paragraph[start:end].strip(MARKS + " ")
    words = re.findall(r"[\w@#][\w'’@#-]*", content)
    before = paragraph[max(0, start - 60):start]
    if len(words) <= 1:
        return "not speech", "single word"
    if _TERM_BEFORE.search(before):
        return "not speech", "term or scare quotes"
    if _TITLE_BEFORE.search(before):
        return "not speech", "title"
    if _SIGN_BEFORE.search(before):
        return "not speech", "sign, chant or web page"
    if _RULING_BEFORE.search(_clause_before(paragraph, start)):
        return "not speech", "wording of a court ruling"
    if _SANCTUARY_TERM.fullmatch(content.strip(" ,.")):
        return "not speech", "the term for a sanctuary jurisdiction"
    if len(words) <= 5 and _NAMED_THING_AFTER.match(paragraph[end:end + 20]):
        return "not speech", "the name of a law, report, protest or status"
    title_case = all(w[0].isupper() or w[0].isdigit() for w in words if w.lower() not in ("of", "the", "and", "a", "in", "on"))
    if title_case and len(words) <= 8 and (re.search(r"(?:’s?|'s?)\s*$", before) or _MEDIA_BEFORE.search(before)):
        return "not speech", "title"
    lead = paragraph[:start].rstrip()
    opens_clause = not lead or lead[-1] in ",:;—–" or re.search(r"[.!?…][\"”’)]*$", lead)
    first = content.lstrip("…. ")[:1]
    if opens_clause and (first.isupper() or first.isdigit()):
        return "full", "quoted sentence"
    if _DOCUMENT_BEFORE.search(_clause_before(paragraph, start)):
        return "not speech", "wording of a law, code or agreement"
    if len(words) <= 4 and not _FIRST_PERSON.search(content) and not _reported(paragraph, start, end):
        return "not speech", "term in a sentence that reports no speech"
    return "partial", "quoted words in a sentence"


_SIGN_BEFORE = re.compile(r"\b(?:signs?|banners?|placards?|posters?|shirts?|graffiti|chanting|chants?|website|web ?page|homepage|page)\b"
                          r"[^.;\"“”]{0,30}?\b(?:declaring|reading|read|reads|saying|that said|with|which said|says|states)\s*,?\s*$", re.I)
_DOCUMENT_BEFORE = re.compile(
    r"\b(?:law|laws|code|statute|agreement|contract|ordinance|regulation|provision|clause|"
    r"memorandum of (?:understanding|agreement)|website|web page)\b(?!\s+(?:professor|school|firm|enforcement|student|clinic))[^.;\"“”]{0,60}?\b(?:says|said|states|stated|reads|read|"
    r"requires|required|promising|promises|threatened|threatens|declares|declared|directs|directed|calls for|called for|orders|ordered|"
    r"punish|bars|prohibits|defines)\b[^.;\"“”]{0,40}$", re.I)
_RULING_BEFORE = re.compile(r"\bIn (?:his|her|its|their|the|a) (?:written |\d+-page )?(?:ruling|opinion|decision|order)\b[^.;\"“”]{0,60}$")
_SANCTUARY_TERM = re.compile(r"(?:so-called )?sanctuary (?:cit(?:y|ies)|count(?:y|ies)|jurisdictions?|states?|polic(?:y|ies)|laws?|campus(?:es)?)",
                             re.I)
_NAMED_THING_AFTER = re.compile(r"\s+(?:law|laws|report|protests?|status|program|programme|operation|polic(?:y|ies)|bill|campaign|"
                                r"movement|rule|act|slogan|initiative|rallies|rally|march|signs?)\b")
_FIRST_PERSON = re.compile(r"\b(?:I|we|We|our|Our|us|my|My|me|you|You|your)\b")
_REPORTING = re.compile(
    r"\b(?:" + "|".join(sorted(_m.SPEECH_VERBS, key=len, reverse=True)) +
    r"|according to|claims?|threaten\w*|promis\w*|accus\w*|criticiz\w*|blam\w*|vow\w*|call\w*|describ\w*|label\w*|"
    r"den(?:y|ies|ied)|demand\w*|ask\w*|urg\w*|insist\w*|argu\w*|decr(?:y|ies|ied)|prais\w*|slam\w*|blast\w*|"
    r"condemn\w*|announc\w*|outraged|told|statement|interview|post(?:ed)?|tweet\w*|wrote|writing)\b", re.I)


def _clause_before(paragraph: str, start: int) -> str:
    """Return the words of the sentence before ``start`` (back to the last sentence end)."""
    head = paragraph[max(0, start - 200):start]
    cut = max(head.rfind(". "), head.rfind("? "), head.rfind("! "))
    return head[cut + 2:] if cut >= 0 else head


def _reported(paragraph: str, start: int, end: int) -> bool:
    """Return True when the sentence around a quotation has a reporting verb outside the quotation."""
    tail = paragraph[end:end + 200]
    stop = re.search(r"[.!?][\"”’]?\s", tail)
    tail = tail[:stop.start()] if stop else tail
    outside = re.sub(r"[\"“][^\"“”]*[\"”]", " ", _clause_before(paragraph, start) + " " + tail)
    return bool(_REPORTING.search(outside))


def _gap_ok(gap: str) -> bool:
    """Return True when nothing but an appositive or adverbs separates a subject from its verb."""
    g = gap.strip()
    if re.fullmatch(r"(?:,\s*)?(?:with|of|from|at|for)\s+[^,.;:\"“”]{1,80}", g) or re.fullmatch(r",[^,;:\"“”]{1,80}", g):
        return True  # "Ann Lee with the city attorney's office said", "Domingo Garcia, president of LULAC said"
    if re.fullmatch(r"[a-z][^,.;:\"“”]{0,60}\band(?:\s+\w+ly)?", g):
        return True  # "Mayor Karen Bass rushed to the scene and said"
    if g.startswith(","):
        m = re.match(r",.*,\s*(.*)$", g, re.S)
        if not m:
            return False
        g = m.group(1).strip()
    return re.fullmatch(rf"(?:{_ADVERB}\s*){{0,3}}", g) is not None
