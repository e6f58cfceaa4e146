"""Find every direct quotation, what kind it is, and who said it.

A quotation is the text from an opening to a closing double quotation mark,
straight (") or curly (“ ”), in any mix, a doubled mark counting as one. Only
body paragraphs are read: headlines, headings and captions repeat the body.

Each quotation gets a ``kind``:

* ``full``: a quoted sentence standing as speech (“You are safe…,” X said);
* ``partial``: quoted words inside a reporting sentence (said it “flies in the face…”);
* ``not speech``: a single quoted word, a title, a term or scare quotes, the words
  on a sign or a web page, the wording of a law, code or agreement, and a short
  quoted phrase in a sentence that reports no one's speech.

and, for speech, a speaker found by the attribution rules of news writing:
after the quote (“…,” she said / said Tom Okafor), before it (X said, “…” / X
said that “…” / …, saying “…”), a continuation of the previous quote, the
previous sentence, or the same words quoted elsewhere in the article. Pronouns,
role phrases ("its Republican mayor") and documents ("the memo") are resolved
to an actor introduced earlier. The rules are general; none names a person,
sentence or quote of the corpus. Unbalanced marks never raise: an opening mark
that is never closed is skipped.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field

import pandas as pd

from . import mentions as _m
from .knowledge import Knowledge, normalise
from .spans import Spans, records

from .quote_marks import KINDS, MARKS, SPEECH, _DIRECTIVE_RE, _SPEECH_RE, _gap_ok, kind, spans  # noqa: F401

COLUMNS = [
    "article_id", "quote", "paragraph", "sentence", "start", "end", "text", "kind", "kind_rule",
    "speaker", "speaker_id", "speaker_role", "speaker_jurisdiction", "speaker_known", "verb", "attribution",
    "group", "stance", "cues",
]


@dataclass
class Quote:
    start: int
    end: int
    paragraph: int
    kind: str
    kind_rule: str
    speaker: str = ""
    verb: str = ""
    attribution: str = ""
    sentence: int = 0


@dataclass
class ArticleResult:
    """Everything found in one article: mentions (resolved) and quotations."""

    mentions: list = field(default_factory=list)
    quotes: list = field(default_factory=list)
    registry: _m.Registry | None = None


_SPEAKER_KINDS = ("actor", "name", "organisation", "pronoun", "role", "document")


def _compatible(reg: _m.Registry, entity: str, pronoun: str) -> bool:
    """Return True when ``pronoun`` ("he", "she") can refer to ``entity``: a person whose gender is not known otherwise."""
    info = reg.info(entity)
    if not info.get("person") or entity.startswith("unnamed-"):
        return False  # an unnamed reporter is never "he" or "she": the answer is the guest's
    gender = info.get("gender", "")
    return not gender or gender == ("female" if pronoun.lower() == "she" else "male")


def _resolve(m: _m.Mention, reg: _m.Registry, history, focus: str, same_sentence: list[_m.Mention], author: str = "",
             guest: str = "") -> str:
    if m.kind in ("actor", "name", "organisation"):
        return m.entity
    if m.kind == "pronoun":
        for prior in reversed(same_sentence):
            if prior.entity and not prior.possessive and prior.kind != "pronoun" and _compatible(reg, prior.entity, m.surface):
                return prior.entity
        if focus and _compatible(reg, focus, m.surface):
            return focus
        if focus.startswith("unnamed-") and guest and _compatible(reg, guest, m.surface):
            return guest  # the answer to a reporter's question is the person the reporter asked
        # the nearest person the pronoun can stand for; an excerpt may begin after the person was introduced
        return next((e for e in reversed(history) if _compatible(reg, e, m.surface)), "")
    if m.kind == "role":
        if m.role in _m.MEDIA_ROLES:
            found = next((e for e in reversed(history) if m.role in (reg.info(e).get("role", "") or "").lower()), "")
            if found:
                return found
            # an unnamed journalist: the questions are theirs, never the guest's
            entity = "unnamed-" + m.role
            reg.names.setdefault(entity, {"name": "unnamed " + m.role, "role": m.role, "jurisdiction": "", "person": True,
                                          "gender": ""})
            return entity
        if m.role in _m.ORG_NOUNS:
            orgs = [e for e in reversed(history) if reg.info(e).get("person") is False
                    and reg.info(e).get("role") != "news outlet"]
            return next((e for e in orgs if m.role in reg.info(e).get("name", "").lower()), orgs[0] if orgs else "")
        roles = [m.role] + ([m.role.split()[-1]] if " " in m.role else [])
        for role in roles:
            for entity in reversed(history):
                known = reg.info(entity).get("role", "") or ""
                if re.search(rf"\b{re.escape(role)}\b", known.lower()):
                    return entity
        if m.role in _m._PLAIN_ROLES and focus and reg.info(focus).get("person"):
            return focus
        # an excerpt that met the person by surname only: the last person whose office the text has not given
        return next((e for e in reversed(history) if reg.info(e).get("person") and not reg.info(e).get("role")), "")
    if m.kind == "document":
        # "his statement": the person; "the statement", "its post": whoever, person or organisation, spoke last
        if m.surface[:3].lower() in ("his", "her"):
            return focus
        return author or focus
    return ""


def _object_of_preposition(text: str, m: _m.Mention) -> bool:
    """Return True when a mention follows "of", "for", "in" ...: not the subject ("a spokesperson for X said")."""
    return bool(re.search(r"\b(?:of|in|for|from|at|near)\s+(?:the\s+)?$", text[max(0, m.start - 12):m.start]))


def _speaks_for(text: str, m: _m.Mention) -> bool:
    """Return True when a mention is the one someone else speaks for ("a spokesperson for X said")."""
    return bool(re.search(r"\b(?:spokes\w+|aides?|advisers?|lawyers?|attorneys?|representatives?|staff)\s+(?:for|to|of)\s+(?:the\s+)?$",
                          text[max(0, m.start - 30):m.start]))


_FOR_ORGANISATION = re.compile(r"\s*(?:\([^()]{1,40}\)\s*)?(?:spokes\w+|officials?|representatives?|statement)?\s*$")


def _organisation_speaks(text: str, m: _m.Mention, verb_at: int) -> bool:
    """Return True when an organisation speaks through someone unnamed: "a spokesperson for X said", "an X spokesperson told"."""
    if m.is_person is not False or m.kind not in ("organisation", "actor", "role"):
        return False
    return _FOR_ORGANISATION.match(text[m.end:verb_at]) is not None and (
        _speaks_for(text, m) or re.search(r"(?:spokes\w+|officials?|representatives?)\s*$", text[m.end:verb_at]) is not None
        or not text[m.end:verb_at].strip(" ()"))


def _pick_before(text: str, start: int, ms: list[_m.Mention], verb_at: int, verb: str, prev_speaker: str) -> tuple[str, str]:
    """Return (speaker, rule) for a speech verb at ``verb_at``, before the quote; mentions start at ``start``."""
    cands = [m for m in ms if start <= m.start and m.end <= verb_at and m.kind in _SPEAKER_KINDS]
    if verb.lower() == "according to":
        # "According to Wilson, the images “were from five years ago”": the source named after the words
        after = [m for m in ms if verb_at + len(verb) <= m.start <= verb_at + len(verb) + 6 and m.entity
                 and m.kind in _SPEAKER_KINDS and m.kind != "pronoun"]
        return (after[0].entity, "source of the words: 'according to " + after[0].surface + "'") if after else ("", "")
    if verb.endswith("ing"):
        near = [m for m in cands if m.entity and not m.possessive and m.kind not in ("document", "pronoun")
                and re.fullmatch(r"\s+", text[m.end:verb_at])]
        if near:  # "with Sen. Ron Wyden telling the president": the name right before the participle
            return near[-1].entity, "subject of '" + verb + "': '" + text[near[-1].start:near[-1].end] + " " + verb + "'"
        # a participle ("…, saying") takes the subject of the whole sentence
        subjects = [m for m in cands if not m.possessive and m.entity and m.kind != "document"]
        pool = [m for m in subjects if m.kind != "pronoun"] or subjects
        if pool:
            return pool[0].entity, "subject of the sentence, before '" + verb + "'"
        if prev_speaker:
            return prev_speaker, "continues the previous quote in the sentence"
        return "", ""
    for m in reversed(cands):
        office = re.match(r"(?:’s|'s)\s+(?:press\s+)?(?:office|campaign|administration|team)\b", text[m.end:m.end + 30])
        if m.possessive and m.entity and office and _gap_ok(text[m.end + office.end():verb_at]):
            return m.entity, "before the quote: '" + text[m.start:m.end + office.end()] + " … " + verb + "'"
        if m.possessive or not m.entity:
            continue
        if _organisation_speaks(text, m, verb_at):
            return m.entity, "an organisation's spokesperson or statement: '" + text[m.start:m.end] + " … " + verb + "'"
        if _object_of_preposition(text, m):
            continue  # "mayor of South Bend, Indiana, tweeted": a place in an appositive, not the subject
        if _gap_ok(text[m.end:verb_at]):
            return m.entity, "before the quote: '" + text[m.start:m.end] + " … " + verb + "'"
    if prev_speaker and not cands:
        return prev_speaker, "continues the previous quote in the sentence"
    return "", ""


# Words that may stand between a quotation and the speaker's name: an office, an owner, adjectives, no verb or clause.
_OFFICE_LEAD = re.compile(r"(?:(?:[A-Z][\w.’'-]*|acting|former|deputy|assistant|senior|interim|top|chief|veteran|state|federal|county|"
                          r"city|local|police|union|boss|candidate|spokes\w+|director|adviser|advisor|official|attorney|"
                          r"lawyer|sheriff|mayor|governor|senator|secretary|commissioner|president|chair\w*|and|the|of|for)\s+){0,9}")


def _pick_after(text: str, q_end: int, limit: int, ms: list[_m.Mention]) -> tuple[str, str, str]:
    """Return (speaker, verb, rule) for an attribution right after the quote."""
    region = text[q_end:limit]
    verb = _SPEECH_RE.search(region)
    if not verb or verb.start() > 160:
        return "", "", ""
    verb_at = q_end + verb.start()
    lead = [m for m in ms if q_end <= m.start and m.end <= verb_at and m.kind in _SPEAKER_KINDS and m.entity
            and not m.possessive]
    head = re.match(r"^[\s,.;:!?—–-]*(?:the\s+)?(?:(?:Mr|Mrs|Ms|Dr)\.\s+)?", region).end()
    if lead:
        gap = text[q_end + head:verb_at]
        if re.search(r"(?<!\b[A-Z])[.!?]\s", gap) or len(gap) > 160:  # "U.S. Attorney" is not a sentence end
            return "", "", ""
        named = [m for m in lead if m.kind in ("actor", "name", "organisation")]
        m = named[0] if named else lead[0]
        first = min([x for x in ms if q_end <= x.start and x.end <= verb_at and x.kind in _SPEAKER_KINDS],
                    key=lambda x: x.start)
        if first.start - q_end <= head + 1 and (_gap_ok(text[m.end:verb_at]) or _organisation_speaks(text, m, verb_at)):
            return m.entity, verb.group(0), "after the quote: '" + text[m.start:m.end] + " " + verb.group(0) + "'"
        # an office before the name ("…,” ICE's acting director Thomas Homan said"): the name closest to the verb
        closes = re.search(r"[,?!…—-]\W*$", text[max(0, q_end - 4):q_end]) is not None  # "…,” : an attribution follows
        if closes and (_OFFICE_LEAD.fullmatch(text[q_end + head:first.start]) or first.start - q_end <= head + 1):
            for m in reversed(named):
                if _gap_ok(text[m.end:verb_at]) and not _object_of_preposition(text, m) and \
                        _OFFICE_LEAD.fullmatch(text[q_end + head:m.start]):
                    return m.entity, verb.group(0), "after the quote: '" + text[m.start:m.end] + " " + verb.group(0) + "'"
        return "", "", ""
    if verb.start() > head + 1:
        return "", "", ""
    after_verb = verb_at + len(verb.group(0))
    if verb.group(0) in ("told", "tells"):
        return "", "", ""  # "…,” told the newspaper": the listener, not the speaker
    follow = [m for m in ms if after_verb <= m.start <= after_verb + 30 and m.kind in _SPEAKER_KINDS and m.entity
              and re.fullmatch(r"\s*(?:(?:the\s+)?[\w.’'-]+\s+){0,4}?", text[after_verb:m.start])
              and (m.start - after_verb <= 5 or m.kind != "pronoun")]
    if follow:
        return follow[0].entity, verb.group(0), "after the quote: '" + verb.group(0) + " " + text[follow[0].start:follow[0].end] + "'"
    return "", "", ""


def annotate_article(article_id: str, text: str, sents: pd.DataFrame, kb: Knowledge) -> ArticleResult:
    """Return the resolved mentions and the attributed quotations of one article.

    ``sents`` are the article's rows of :func:`helpers.annotate.sentences`
    (a table, or a list of them as :func:`helpers.spans.records` gives them).
    """
    reg = _m.Registry(kb)
    result = ArticleResult(registry=reg)
    if isinstance(sents, pd.DataFrame):
        sent_rows = records(sents.sort_values("start"))
    else:
        sent_rows = sorted(sents, key=lambda s: s.start)
    body_pars = {}
    for s in sent_rows:
        if s.paragraph_type == "body":
            lo, hi = body_pars.get(s.paragraph, (s.start, s.end))
            body_pars[s.paragraph] = (min(lo, s.start), max(hi, s.end))
    quotes: list[Quote] = []
    for par, (lo, hi) in sorted(body_pars.items()):
        ptext = text[lo:hi]
        for s, e in spans(ptext):
            k, rule = kind(ptext, s, e)
            quotes.append(Quote(lo + s, lo + e, par, k, rule))
    inside = Spans([q.start for q in quotes], [q.end for q in quotes])

    def in_quote(pos: int) -> bool:
        # some quotation has start < pos and end - 1 > pos
        return len(inside.positions(pos + 1, pos)) > 0

    # quotations by where they open and close, and by paragraph, looked up by binary search
    by_close = sorted(range(len(quotes)), key=lambda i: quotes[i].end - 1)
    close_keys = [quotes[i].end - 1 for i in by_close]
    by_open = sorted(range(len(quotes)), key=lambda i: quotes[i].start)
    open_keys = [quotes[i].start for i in by_open]
    by_par: dict[int, list[Quote]] = {}
    for q in quotes:
        by_par.setdefault(q.paragraph, []).append(q)

    # entities met so far, the most recent last, each once: a role phrase looks back for the latest with that role
    history: dict[str, None] = {}
    focus = ""
    author = ""  # the last speaker or subject, person or organisation: the author of "the statement"
    guest = ""  # the person a reporter asked, who answers the reporter's questions
    rows = _Rows(sent_rows)
    resolved: list[_m.Mention] = []
    resolved_starts: list[int] = []
    cut_off: list[Quote] = []
    sent_of = {}
    for s in rows:
        if s.paragraph_type == "boilerplate":
            continue
        found = [m for m in _m.find(text[s.start:s.end], reg, s.start)]
        done: list[_m.Mention] = []
        for m in found:
            if in_quote(m.start):
                m.rule += " (inside a quotation)"
                if m.kind in ("actor", "name", "organisation"):
                    resolved.append(m)
                continue
            entity = _resolve(m, reg, history, focus, done, author, guest)
            m.entity = entity
            if entity and m.kind not in ("actor", "name", "organisation"):
                m.is_person = reg.info(entity).get("person", m.is_person)
            if m.kind in ("actor", "name", "organisation"):
                reg.introduce(m)
            if entity:
                history.pop(entity, None)
                history[entity] = None
            done.append(m)
            resolved.append(m)
        resolved_starts[len(resolved_starts):] = [m.start for m in resolved[len(resolved_starts):]]
        subject = next((m.entity for m in done if m.entity and not m.possessive and m.is_person), "")
        # attribute the quotations that close in this sentence
        closing = ([quotes[i] for i in sorted(by_close[bisect_left(close_keys, s.start):bisect_left(close_keys, s.end)])]
                   if s.paragraph_type == "body" else [])
        last_speaker = ""
        for q in closing:
            sent_of[id(q)] = s.sentence
            if q.kind not in SPEECH:
                continue
            open_sent, close_sent = _sentence_at(rows, q.start), _sentence_at(rows, q.end - 1)
            lo = open_sent.start if open_sent is not None else q.start
            hi = (close_sent.end if close_sent is not None else q.end) + 6
            window = resolved[bisect_left(resolved_starts, lo):bisect_right(resolved_starts, hi)]
            _attribute(q, text, by_par[q.paragraph], window, rows)
            if q.speaker:
                last_speaker = q.speaker
            elif close_sent is not None and close_sent.end <= q.end + 1:
                cut_off.append(q)  # its attribution may be in the next sentence, not read yet
        for i in by_open[bisect_left(open_keys, s.start):bisect_left(open_keys, s.end)]:
            quotes[i].sentence = s.sentence
        speaker_is_person = last_speaker and reg.info(last_speaker).get("person")
        focus = last_speaker if speaker_is_person else (subject or focus)
        named = next((m.entity for m in done if m.entity and not m.possessive and m.kind in ("actor", "name", "organisation")), "")
        for a, b in zip(done, done[1:]):
            if a.kind == "role" and a.role in _m.MEDIA_ROLES and b.is_person and b.entity and \
                    re.fullmatch(r"\s+(?:asked|questioned|pressed|interviewed)\s+", text[a.end:b.start]):
                guest = b.entity
        author = last_speaker or named or author
    for q in cut_off:  # "“… States!” Trump wrote on Twitter.", split after the mark: read once the next sentence is
        open_sent, close_sent = _sentence_at(rows, q.start), _sentence_at(rows, q.end - 1)
        following = _sentence_at(rows, close_sent.end + 1) or _sentence_at(rows, close_sent.end + 2)
        lo = open_sent.start if open_sent is not None else q.start
        hi = (following.end if following is not None else close_sent.end) + 6
        _attribute(q, text, by_par[q.paragraph], resolved[bisect_left(resolved_starts, lo):bisect_right(resolved_starts, hi)], rows)
    _continuations(quotes, text, resolved, rows)
    _transcript(quotes, text, reg)
    for q in quotes:
        if q.kind in SPEECH and not q.speaker:
            open_sent, close_sent = _sentence_at(rows, q.start), _sentence_at(rows, q.end - 1)
            if open_sent is not None and close_sent is not None:
                _sentence_speaker(q, text, quotes, resolved, open_sent.start, close_sent.end)
            if not q.speaker and open_sent is not None:
                _subject_speaker(q, text, quotes, resolved, open_sent.start)
    result.mentions = resolved
    result.quotes = quotes
    return result


class _Rows(list):
    """The sentences of one article in order of position, with their starts for binary search."""

    def __init__(self, rows):
        super().__init__(rows)
        self.starts = [s.start for s in self]
        self.ordered = all(a.end <= b.start for a, b in zip(self, self[1:]))
        marks, last = [], -1
        for i, s in enumerate(self):
            last = i if s.paragraph_type == "body" else last
            marks.append(last)
        self.last_body = marks
        self.ends = [s.end for s in self]

    def at(self, pos: int):
        """Return the sentence holding position ``pos``, or None."""
        i = bisect_right(self.starts, pos) - 1
        return self[i] if i >= 0 and pos < self[i].end else None

    def last_body_before(self, pos: int):
        """Return the last body sentence that ends at or before ``pos``, or None."""
        i = bisect_right(self.ends, pos) - 1
        return self[self.last_body[i]] if i >= 0 and self.last_body[i] >= 0 else None


def _sentence_at(rows, pos: int):
    if isinstance(rows, _Rows) and rows.ordered:
        return rows.at(pos)
    for s in rows:
        if s.start <= pos < s.end:
            return s
    return None


# A sentence that ends on a title's abbreviation ("…,” Rep.") was cut before the name: the attribution goes on.
_ABBREVIATION_END = re.compile(r"(?:\b(?:Rep|Reps|Sen|Sens|Gov|Lt|Dr|Gen|Sgt|Capt|Cmdr|Atty|Ald|Del|Mr|Mrs|Ms|Prof|Rev|St|Supt|Insp)\.|"
                               r"\b(?:[A-Z]\.){2,3})\s*$")


def _attribute(q: Quote, text: str, quotes: list[Quote], ms: list[_m.Mention], rows) -> None:
    close_sent = _sentence_at(rows, q.end - 1)
    open_sent = _sentence_at(rows, q.start)
    nxt = [o.start for o in quotes if o.start >= q.end and o.paragraph == q.paragraph]
    end = close_sent.end if close_sent is not None else q.end
    cut = _ABBREVIATION_END.search(text, max(q.end, end - 8), end) or (
        end <= q.end + 1 and re.search(r"[?!…]\W*$", text[q.start:q.end]))  # "“… States!” Trump wrote": split after the mark
    if close_sent is not None and cut:
        following = _sentence_at(rows, end + 1) or _sentence_at(rows, end + 2)
        end = following.end if following is not None and following.paragraph == close_sent.paragraph else end
    limit = min([end] + nxt) if close_sent is not None else q.end
    speaker, verb, rule = _pick_after(text, q.end, limit, ms)
    if speaker:
        q.speaker, q.verb, q.attribution = speaker, verb, rule
        return
    sent_start = open_sent.start if open_sent is not None else q.start
    prev = [o for o in quotes if o.end <= q.start and o.paragraph == q.paragraph and o.kind in SPEECH]
    prev_in_sentence = [o for o in prev if o.end > sent_start]
    region_start = prev_in_sentence[-1].end if prev_in_sentence else sent_start
    region = text[region_start:q.start]
    verbs = list(_SPEECH_RE.finditer(region))
    if q.kind == "partial":
        verbs = sorted(verbs + list(_DIRECTIVE_RE.finditer(region)), key=lambda v: v.start())
    if verbs:
        word, verb_at = verbs[-1].group(0), region_start + verbs[-1].start()
        start = sent_start if word.endswith("ing") else region_start
        prev_speaker = prev_in_sentence[-1].speaker if prev_in_sentence else ""
        speaker, rule = _pick_before(text, start, ms, verb_at, word, prev_speaker)
        if speaker:
            q.speaker, q.verb, q.attribution = speaker, word, rule
            return
    if prev_in_sentence and prev_in_sentence[-1].speaker and prev_in_sentence[-1].kind in SPEECH:
        o = prev_in_sentence[-1]
        q.speaker, q.verb, q.attribution = o.speaker, o.verb, "continues the previous quote in the sentence"



_SPEAKER_LABEL = re.compile(r"^(?P<label>(?:[A-Z][\w.'’-]+)(?:\s+[A-Z][\w.'’-]+){0,2}):\s+\S")
_NOT_A_SPEAKER = {"RELATED", "UPDATE", "UPDATED", "BACKGROUND", "WATCH", "READ", "EDITOR'S NOTE", "NOTE", "PHOTOS", "VIDEO",
                  "Image", "Photo", "Video", "Source", "Related", "Update", "Correction", "Q", "A"}


def _transcript(quotes: list[Quote], text: str, reg: _m.Registry) -> None:
    """Give a quotation with no speaker the name that labels its paragraph in an interview transcript ("HOMAN: ...").

    A label is one to three capitalised words and a colon at the start of the
    paragraph: the host or the guest who speaks that paragraph.
    """
    for q in quotes:
        if q.kind not in SPEECH or q.speaker:
            continue
        par_start = text.rfind("\n", 0, q.start) + 1
        m = _SPEAKER_LABEL.match(text[par_start:q.start + 1])
        if not m or m.group("label") in _NOT_A_SPEAKER or m.group("label").upper() in _NOT_A_SPEAKER:
            continue
        label = m.group("label")
        if not label.isupper() and normalise(label) not in reg.surnames and not reg.kb.surfaces.get(normalise(label)):
            continue  # "Why: ...", "Original Spanish: ...": a lead-in, not a speaker's label
        name = label.title() if label.isupper() else label
        entity = reg.kb.surfaces.get(normalise(name), ("", ""))[1] or _m.slug(name)
        if entity not in reg.names and not reg.kb.actor(entity):
            reg.names[entity] = {"name": name, "role": "", "jurisdiction": "", "person": True}
        q.speaker, q.verb, q.attribution = entity, ":", f"speaker's label in a transcript: '{label}:'"


def _sentence_speaker(q: Quote, text: str, quotes: list[Quote], ms: list[_m.Mention], lo: int, hi: int) -> None:
    """Give ``q`` the subject of a speech verb anywhere in its sentence, outside quotations.

    Covers the partial quotation whose attribution is away from it ("The
    administration will “triple down,” border czar Tom Homan said in a Q&A").
    """
    inside = [(o.start, o.end) for o in quotes if o.end > lo and o.start < hi]
    for verb in _SPEECH_RE.finditer(text, lo, hi):
        at = verb.start()
        if any(s <= at < e for s, e in inside):
            continue
        before = [m for m in ms if lo <= m.start and m.end <= at and m.kind in _SPEAKER_KINDS and m.entity
                  and not m.possessive and not any(s <= m.start < e for s, e in inside)]
        for m in reversed(before):
            if _organisation_speaks(text, m, at) or _gap_ok(text[m.end:at]) and m.kind != "document" and not _speaks_for(text, m):
                q.speaker, q.verb = m.entity, verb.group(0)
                q.attribution = "subject of the sentence's speech verb: '" + text[m.start:m.end] + " … " + verb.group(0) + "'"
                return
        after = [m for m in ms if at + len(verb.group(0)) <= m.start <= at + len(verb.group(0)) + 5 and m.kind in _SPEAKER_KINDS
                 and m.entity and m.kind != "document"]
        if after and verb.group(0) in ("said", "says", "wrote", "added", "asked", "according to"):  # "told X": the listener
            m = after[0]
            q.speaker, q.verb = m.entity, verb.group(0)
            q.attribution = "subject of the sentence's speech verb: '" + verb.group(0) + " " + text[m.start:m.end] + "'"
            return


def _subject_speaker(q: Quote, text: str, quotes: list[Quote], ms: list[_m.Mention], lo: int) -> None:
    """Give ``q`` the subject of its sentence when no reporting verb names one.

    News writing often frames quoted words with a verb of judgement rather than
    of speech ("Governor Bill Lee commended the bill that “creates criminal
    penalties …”", "Becerra celebrated the decision in “ruling against …”"):
    the words are the subject's. The subject is the first person or
    organisation named before the quotation, outside quotations, that is not
    an owner ("Trump's") nor after a preposition.
    """
    inside = [(o.start, o.end) for o in quotes if o.end > lo and o.start < q.start]
    lead = text[lo:q.start]
    if re.search(r"[.!?]\s", lead.rstrip()) or not lead.strip():
        return
    for m in ms:
        if m.start < lo or m.end > q.start or any(s <= m.start < e for s, e in inside):
            continue
        if m.kind not in _SPEAKER_KINDS or m.kind == "document" or not m.entity:
            break
        if m.possessive or _object_of_preposition(text, m):
            continue
        if re.search(r"\b(?:who|whom|which)\b|[:;]", text[m.end:q.start]):
            return  # the words belong to the relative clause's people, or to what follows the colon
        q.speaker, q.verb = m.entity, ""
        q.attribution = "subject of the sentence: '" + text[m.start:m.end] + "'"
        return


def _continuations(quotes: list[Quote], text: str, ms: list[_m.Mention], rows) -> None:
    """Give a speaker to quotations with no attribution of their own."""
    speech = [q for q in quotes if q.kind in SPEECH]
    fast = isinstance(rows, _Rows) and rows.ordered
    speech_starts = [q.start for q in speech]
    ms_starts = [m.start for m in ms]
    # the last quotation so far with a speaker, per paragraph (quotations are visited in order)
    last_spoken: dict[int, Quote] = {}
    for i, q in enumerate(speech):
        if q.speaker:
            last_spoken[q.paragraph] = q
            continue
        earlier = speech[:i] if not fast else None
        o = last_spoken.get(q.paragraph)
        if o is not None:
            q.speaker, q.verb, q.attribution = o.speaker, o.verb, "continues the quote before it in the paragraph"
            last_spoken[q.paragraph] = q
            continue
        open_sent = _sentence_at(rows, q.start)
        if fast:
            prev = rows.last_body_before(open_sent.start) if open_sent is not None else None
        else:
            prior = [s for s in rows if open_sent is not None and s.end <= open_sent.start and s.paragraph_type == "body"]
            prev = prior[-1] if prior else None
        if prev is not None:
            par_start = text.rfind("\n", 0, q.start) + 1
            opens_paragraph = not text[par_start:q.start].strip()
            if opens_paragraph:
                # news style: a quotation carried on into a new paragraph
                found = last_spoken.get(prev.paragraph)
                quoted = [found] if found is not None else []
            elif fast:
                lo, hi = bisect_left(speech_starts, prev.start, 0, i), bisect_left(speech_starts, prev.end, 0, i)
                quoted = [o for o in speech[lo:hi] if o.speaker]
            else:
                quoted = [o for o in earlier if prev.start <= o.start < prev.end and o.speaker]
            if quoted and (prev.paragraph == q.paragraph or opens_paragraph):
                o = quoted[-1]
                q.speaker, q.verb, q.attribution = o.speaker, o.verb, "continues the quote of the sentence before"
                last_spoken[q.paragraph] = q
                continue
            frame = text[prev.start:prev.end]
            verb = _SPEECH_RE.search(frame)
            near = ms[bisect_left(ms_starts, prev.start):bisect_left(ms_starts, prev.end)] if fast else ms
            subj = [m for m in near if prev.start <= m.start < prev.end and m.entity and not m.possessive
                    and m.kind in _SPEAKER_KINDS and m.start < prev.start + (verb.start() if verb else 0)]
            if verb and subj and q.kind == "full":
                q.speaker, q.verb = subj[0].entity, verb.group(0)
                q.attribution = "speaker of the sentence before: '" + text[subj[0].start:subj[0].end] + " … " + verb.group(0) + "'"
                last_spoken[q.paragraph] = q
                continue
    # a partial quotation repeating words quoted in full elsewhere is the same speaker's
    normalised = [normalise(text[o.start:o.end]) for o in speech]
    for q in speech:
        if q.speaker:
            continue
        words = normalise(text[q.start:q.end]).strip(MARKS + " .,")
        if len(words) <= 12:
            continue
        for o, said in zip(speech, normalised):
            if o is not q and o.speaker and words in said:
                q.speaker, q.verb, q.attribution = o.speaker, o.verb, "the same words are quoted elsewhere with a speaker"
                break


def find(articles: pd.DataFrame, sents: pd.DataFrame | None = None, kb: Knowledge | None = None,
         stance: bool = True, progress: bool = False) -> pd.DataFrame:
    """Return one row per quotation in the body of every article, with kind, speaker and stance.

    ``start``/``end`` are offsets into the article text (marks included);
    ``speaker_id`` is a hand-curated actor id when the speaker is known, else
    an id made from the name the text gives (``speaker_known`` is False);
    ``stance`` is FAVOR, AGAINST or NONE for speech and empty otherwise, with
    the ``cues`` that produced it (see :mod:`helpers.stance`).

    >>> from helpers import corpus
    >>> q = find(corpus.load())
    >>> q.loc[q["start"] == 5474, ["article_id", "kind", "speaker", "attribution", "stance"]].values.tolist()
    [['abc-2016-11-17', 'full', 'Rahm Emanuel', "after the quote: 'Emanuel said'", 'AGAINST']]
    """
    from . import annotate, knowledge
    from . import stance as _stance

    if kb is None:
        kb = knowledge.load()
    if sents is None:
        sents = annotate.sentences(articles)
    rows = []
    items = records(articles[["article_id", "text"]])
    if progress:
        from tqdm.auto import tqdm

        items = tqdm(items, desc="quotes", unit="article")
    by_article: dict[str, list] = {}
    for row in records(sents):  # the whole table read once, not once per article
        by_article.setdefault(row.article_id, []).append(row)
    for art in items:
        res = annotate_article(art.article_id, art.text, by_article.get(art.article_id, []), kb)
        group, last = 0, None
        for n, q in enumerate(res.quotes, 1):
            info = res.registry.info(q.speaker) if q.speaker else {}
            key = (q.paragraph, q.speaker) if q.kind in SPEECH and q.speaker else None
            if key is None or key != last:
                group += 1
            last = key
            jurisdiction = info.get("jurisdiction", "")
            rows.append({
                "article_id": art.article_id, "quote": n, "paragraph": q.paragraph, "sentence": q.sentence,
                "start": q.start, "end": q.end, "text": art.text[q.start:q.end], "kind": q.kind,
                "kind_rule": q.kind_rule, "speaker": info.get("name", ""), "speaker_id": q.speaker,
                "speaker_role": info.get("role", "") or "", "speaker_jurisdiction": jurisdiction or "",
                "speaker_known": bool(q.speaker) and bool(kb.actor(q.speaker)), "verb": q.verb,
                "attribution": q.attribution, "group": group, "stance": "", "cues": "",
            })
    frame = pd.DataFrame(rows, columns=COLUMNS)
    if stance and len(frame):
        frame = _stance.label(frame, articles, sents, kb)
    return frame


REFERENCE_COLUMNS = ["article_id", "start", "end", "text", "kind", "speaker_id", "stance", "note"]


def reference(articles: pd.DataFrame, kb: Knowledge | None = None, corpus_dir=None) -> pd.DataFrame:
    """Return the hand-coded quotations (``annotations/quotes.csv``), checked against texts and codebook.

    Every row's ``text`` must be exactly ``article_text[start:end]``; ``kind``
    and ``stance`` must be labels of ``annotations/CODEBOOK.md``; a speech
    quotation needs a ``speaker_id`` from ``knowledge/actors.csv``; spans
    must not overlap. A problem raises :class:`helpers.corpus.CorpusError`
    naming the file, the row and the field. A corpus with no such file gives
    an empty table.

    >>> from helpers import corpus
    >>> ref = reference(corpus.load())
    >>> ref.groupby("kind").size().to_dict()
    {'full': 38, 'not speech': 6, 'partial': 21}
    """
    from . import knowledge
    from .corpus import CorpusError, default_dir, read_table
    from .stance import STANCES

    from pathlib import Path

    corpus_dir = Path(corpus_dir) if corpus_dir is not None else default_dir()
    path = corpus_dir / "annotations" / "quotes.csv"
    if not path.is_file():
        return pd.DataFrame(columns=REFERENCE_COLUMNS)
    kb = kb if kb is not None else knowledge.load(corpus_dir)
    table = read_table(path, REFERENCE_COLUMNS)
    texts = dict(zip(articles["article_id"], articles["text"]))
    actor_ids = set(kb.actors["id"])
    spans_seen: dict[str, list[tuple[int, int, int]]] = {}
    for r in table.itertuples(index=False):
        if r.article_id not in texts:
            raise CorpusError(path, "article_id", "the id of an article in the corpus", f"unknown article {r.article_id!r}", r.row)
        text = texts[r.article_id]
        bounds = []
        for column in ("start", "end"):
            value = getattr(r, column)
            if not value.isdigit() or int(value) > len(text):
                raise CorpusError(path, column, f"a character offset from 0 to {len(text)} (the article's length)", repr(value), r.row)
            bounds.append(int(value))
        start, end = bounds
        if start >= end:
            raise CorpusError(path, "end", "a number greater than start", f"start {start}, end {end}", r.row)
        if text[start:end] != r.text:
            where = text.find(r.text) if r.text else -1
            hint = f"; those words are at {where}:{where + len(r.text)}" if where >= 0 else ", and those words are not in the article"
            raise CorpusError(path, "text", f"exactly the article's text from {start} to {end}, {text[start:end]!r}",
                              f"{r.text!r}{hint}", r.row)
        if r.kind not in KINDS:
            raise CorpusError(path, "kind", "a kind from the codebook: " + ", ".join(repr(k) for k in KINDS), repr(r.kind), r.row)
        if r.kind in SPEECH:
            if r.stance not in STANCES:
                raise CorpusError(path, "stance", "a stance from the codebook: " + ", ".join(repr(s) for s in STANCES), repr(r.stance), r.row)
            if r.speaker_id not in actor_ids:
                raise CorpusError(path, "speaker_id", "the id of an actor in knowledge/actors.csv",
                                  f"unknown actor id {r.speaker_id!r}", r.row)
        elif r.stance or r.speaker_id:
            field = "stance" if r.stance else "speaker_id"
            raise CorpusError(path, field, "an empty cell for a quotation that is 'not speech'", repr(getattr(r, field)), r.row)
        for s, e, row in spans_seen.get(r.article_id, []):
            if start < e and s < end:
                raise CorpusError(path, "start", f"a span that does not overlap another quotation of {r.article_id}",
                                  f"{start}:{end}, which overlaps {s}:{e} in row {row}", r.row)
        spans_seen.setdefault(r.article_id, []).append((start, end, r.row))
    table["start"] = table["start"].astype("int64")
    table["end"] = table["end"].astype("int64")
    return table.drop(columns="row")


def mentions_table(sents: pd.DataFrame, articles: pd.DataFrame, kb: Knowledge) -> pd.DataFrame:
    """Return one row per sentence with the actors and places it mentions.

    Columns: ``article_id``, ``sentence``, ``actors`` (ids, ``;``-joined, in
    order of first mention, pronouns and role phrases resolved), ``places``
    (place ids, likewise).
    """
    rows = []
    for art in articles.itertuples(index=False):
        part = sents[sents["article_id"] == art.article_id]
        result = annotate_article(art.article_id, art.text, part, kb)
        for sent in part.itertuples(index=False):
            ms = [m for m in result.mentions if sent.start <= m.start < sent.end and m.entity and m.kind != "document"]
            ps = _m.places(art.text[sent.start:sent.end], kb, sent.start)
            rows.append((art.article_id, sent.sentence, ";".join(dict.fromkeys(m.entity for m in ms)),
                         ";".join(dict.fromkeys(p[2] for p in ps))))
    return pd.DataFrame(rows, columns=["article_id", "sentence", "actors", "places"])
