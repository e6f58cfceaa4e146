"""Stance read with its target: the cue lexicon improved for real reporting.

The cue lexicon (:mod:`helpers.stance`) counts words for each side. Real news
breaks it in four ways, and each rule here answers one:

* **The target.** Criticism is FAVOR or AGAINST depending on what is
  criticised: "sanctuary cities are sanctuaries for criminals" criticises
  sanctuary policies (FAVOR); "the raids tear families apart" criticises
  federal enforcement (AGAINST). The bare word "sanctuary" points nowhere.
  :data:`TARGET_CUES` are read before the lexicon's and consume their words.
* **Negation and its subject.** "We don't honor detainers" refuses
  cooperation (AGAINST); "they don't honor our detainers" complains of
  someone else's refusal (FAVOR); "no one cooperates as much as we do" boasts
  of cooperation (FAVOR).
* **The reporting sentence.** A quotation with no cue of its own, or with
  cues that cancel, takes the cues of its reporting sentence outside the
  quotation marks, where the writer says what the speaker did ("vowed to
  remain a sanctuary city", "signed an agreement with ICE").
* **One speaker, one article.** A speaker's quotation left NONE takes the
  label of that speaker's other quotations in the same article when they all
  agree and one of them is in the same paragraph or the next (a partial
  quotation is read with its own sentence, which already said what it could).

Stance comes from the words alone: never from the speaker's party, office or
identity (a party feature would make the party comparison of notebook 03
circular). Every label lists its cues, as with the lexicon.
"""

from __future__ import annotations

import re

import pandas as pd

from . import stance as _stance
from .knowledge import Knowledge

_SANCT = r"sanctuar(?:y|ies)(?:\s+(?:cit(?:y|ies)|states?|polic(?:y|ies)|jurisdictions?|laws?|counties|county))?"
_FEDERAL = (r"(?:raids?|deportations?|ICE|agents|the administration|Trump\S*|the president|federal (?:government|agents|officers|"
            r"operation|troops|authorities)|National Guard|the military|troops|Homeland Security|DHS|crackdown|Border Patrol|"
            r"the governor|Abbott)")
_HARSH = (r"(?:tear\w* (?:families )?apart|terror\w*|chaos|siege|occupation|coup|horrific|despicable|inhumane|cruel\w*|"
          r"political (?:stunt|pawns?|props?)|playing politics|props|wrong|reckless|un-?american|outrag\w*|unacceptable|lies|"
          r"mendacity|not true|apologi[sz]e|bull(?:y|ies|ied|ying)|extreme|racis\w*|xenophob\w*|fear-?mongering|kidnap\w*|"
          r"unprecedented|wild accusations|shameful|disgrace\w*|illegal(?:ly)?\s+(?:detain|arrest)\w*)")
_THIRD = (r"(?:they|sanctuary cities|jurisdictions|cities|the city|politicians|officials|the state|states|leaders|the jails?|jails|"
          r"[A-Z][\w.]+(?:\s+[A-Z][\w.]+)?\s+(?:County|City|officials|leaders))")

# (name, label, pattern), read before the lexicon; an earlier cue consumes its words.
TARGET_CUES: list[tuple[str, str, str]] = [
    ("a term, not a position", "", r"\bso-called\s+sanctuar\w+(?:\s+(?:cit(?:y|ies)|states?|polic\w+|jurisdictions?))?"),
    ("stays a sanctuary", "AGAINST",
     r"\b(?:remain|stay|continue to be|proud(?:ly)?(?: to be)?|always be|will (?:always )?be|still)\s+(?:a\s+|places? of\s+)?(?:sanctuary|welcoming)"
     r"(?:\s+(?:city|county|state|jurisdiction))?"),
    ("vows to resist", "AGAINST", r"\bvow\w*\s+to\s+(?:remain|stay|keep|protect|defend|fight|resist|sue|challenge|block)\b"),
    ("others refuse to cooperate", "FAVOR",
     rf"\b{_THIRD}\s+(?:do not|don't|don’t|won't|won’t|will not|refuse[sd]? to|refusing to|are not|aren't|failed to|fail to)\s+"
     r"(?:\w+\s+){0,2}?(?:honou?r|cooperat\w*|comply|let us|hand\w* (?:\w+ )?over|turn\w* (?:\w+ )?over|work with|notify)"),
    ("boasts of cooperation", "FAVOR", r"\b(?:no one|nobody|no agency)\s+cooperates\b[^.;]{0,50}\bas much as\b"),
    ("criticises sanctuary policies", "FAVOR",
     rf"\b{_SANCT}\b[^.;]{{0,40}}\b(?:criminals?|releas\w*|problem|dangerous|lawless\w*|obstruct\w*|shield\w*|harbou?r\w*|"
     r"violat\w*|unconstitutional|illegal|endanger\w*|threat\w*|plain violation)"
     rf"|\b(?:criminals|releas\w*|the problem is|flood the zone|(?:double|triple) down|resources to|obstruct\w*|sue[sd]?|suing|"
     rf"lawsuits? against|stop|punish\w*|defund\w*|crack\w* down on|busing migrants to|busloads? of migrants to)\b[^.;]{{0,60}}\b{_SANCT}"),
    ("ends sanctuary policies", "FAVOR",
     rf"\b(?:end\w*|ban\w*|outlaw\w*|prohibit\w*|repeal\w*|abolish\w*|doing away with|eliminat\w*|invalidat\w*|overturn\w*)\b"
     rf"[^.;]{{0,30}}\b{_SANCT}"),
    ("signs an agreement with federal enforcement", "FAVOR",
     r"\b(?:sign\w*|enter\w*|join\w*|renew\w*|expand\w*)\b[^.;]{0,40}\b(?:agreement|287\s*\(g\)|partnership|contract|memorandum)\b"
     r"[^.;]{0,40}\b(?:ICE|federal|immigration|Homeland|DHS)\b"),
    ("works with federal partners", "FAVOR",
     r"\b(?:collaborat\w*|partnership|communication|coordinat\w*)\b[^.;]{0,40}\b(?:federal partners|ICE|DHS|Border Patrol|"
     r"federal (?:agents|authorities|government|officers))"),
    ("the enforcement side's words", "FAVOR",
     r"\b(?:flood the zone|(?:double|triple) down|at[- ]large arrests?|criminal (?:illegal )?aliens|public safety threats?|"
     r"national security threats?|open[- ]borders?|lawless\w*|rioters|agitators|let us (?:in|arrest)|arrest (?:them|the bad)|"
     r"bad guys?|secures? the border|mass migration|inflow|heinous|deadly consequences|law-abiding|held accountable|"
     r"will (?:be|get) prosecuted|not be deterred|violent crimes?|wanted criminals|endanger the lives of law enforcement|"
     r"radical (?:open[- ]borders?|extremists?|left)|illegal alien\w*|criminals? off (?:our|the) streets|keeping dangerous criminals)\b"),
    ("sues over sanctuary or immigration policies", "FAVOR",
     r"\b(?:sue[sd]?|suing|lawsuits? against|took to court)\b[^.;]{0,50}\bover\b[^.;]{0,20}\b(?:sanctuary|immigration) (?:polic\w+|laws?)"),
    ("stops a pause on deportations", "FAVOR",
     r"\b(?:halt\w*|stop\w*|block\w*|end\w*|overturn\w*)\b[^.;]{0,30}\b(?:deportation (?:freeze|pause|moratorium)|pause on deportations)"),
    ("speaks out against federal enforcement", "AGAINST",
     r"\b(?:criticiz\w*|criticis\w*|condemn\w*|blast\w*|slam\w*|denounc\w*|rebuk\w*|decr(?:y|ied|ies)|sue[sd]?|suing)\b"
     r"[^.;]{0,40}\b(?:Trump\S*|the administration|ICE|DHS|Homeland Security|federal (?:government|agents|officials|immigration)|"
     r"the raids|immigration raids|deportations|the crackdown|the executive order)"),
    ("criticises federal enforcement", "AGAINST",
     rf"\b{_FEDERAL}\b[^.;]{{0,70}}\b{_HARSH}\b|\b{_HARSH}\b[^.;]{{0,70}}\b{_FEDERAL}\b"),
    ("will not hand people over", "AGAINST",
     r"\b(?:we|I|our \w+|the city|the county|my \w+)\s+(?:\w+\s+)?(?:not|never|no longer|refuse[sd]? to|won't|won’t)\b[^.;]{0,25}\b(?:hand\w*|turn\w*)\s+(?:\w+\s+){0,2}?over\b"
     r"|\b(?:not|never|won't|won’t)\s+(?:\w+\s+)?do\s+(?:ICE's|ICE’s|the federal government's|their|Washington's)\s+job"),
    ("asks for a judge's warrant", "AGAINST", r"\bwithout (?:a |an )?(?:judge's |judge’s |judicial |criminal |signed )?warrants?\b"),
    ("no authority to enforce", "AGAINST", r"\bno (?:legal )?(?:authority|power|jurisdiction) to (?:enforce|detain|hold|arrest)"),
    ("assists federal agents", "FAVOR",
     r"\b(?:assist\w*|help\w*|aid\w*|support\w*)\s+(?:ICE|federal (?:agents|authorities|officers|immigration)|immigration (?:agents|officers))"
     r"|\bprovided (?:our |them )?(?:resources|assistance|support)\b|\basked (?:us )?for (?:our )?assistance\b"),
    ("supports immigrants", "AGAINST",
     r"\bsupport\w*\s+(?:our |the |all )?(?:immigrants?|immigrant communit\w+|migrants|refugees|newcomers|undocumented)"),
    ("serves and welcomes migrants", "AGAINST",
     r"\b(?:provid\w* services|with dignity|be here for them|our responsibility as a city|welcom\w* (?:them|migrants|asylum seekers|"
     r"newcomers|immigrants|refugees)|defend\w* (?:the )?rights|stand with(?!\s+(?:federal|law enforcement|ICE|our (?:federal|law)))|have your back)\b"),
]
# Lexicon cues that point nowhere on real pages: the bare word "sanctuary", "warrants" and courts, shelters.
_DROP = {"sanctuary"}
_NARROW = {
    "legal challenge": (r"\b(?:sue|sued|suing|lawsuit|unconstitutional|constitution\w*|fourth amendment|due process|court-ordered|"
                        r"restraining order|(?:in|to|into) (?:any |a |federal |the )?courts?)\b"),
    "protects immigrants": (r"\b(?:protect\w*|safe|safer|secure|welcom\w*(?!\s+(?:the\s+)?(?:\w+\s+)?(?:collaboration|cooperation|"
                            r"partnership|support|help|assistance|enforcement|agents|ICE)))\b"),
    "criticises the crackdown": (r"\b(?:racist|un-?american|wrong|ridiculous|charade|counterproductive|unjust\w*|cruel\w*|inhuman\w*|"
                                 r"demoni[sz]\w*|threaten\w*|attack\w*|punish\w*|coerci\w+|unaccountable|makes no sense|"
                                 r"flies in the face|fear\w*|afraid|scared|terrif\w+|intimidat\w*|panic\w*|terror\w*|bull(?:y|ied|ies|ying)|"
                                 r"scapegoat\w*|despicable|unacceptable|siege|occupation|coup|kidnap\w*|outrag\w*)\b"),
}


def _compile() -> list[tuple[str, str, re.Pattern]]:
    lexicon = [(n, lab, _NARROW.get(n, p)) for n, lab, p in _stance.CUES if n not in _DROP and n != "a term, not a position"]
    return [(n, lab, re.compile(p, re.I)) for n, lab, p in TARGET_CUES + lexicon]


_COMPILED = _compile()


def cues(text: str, weight_span: tuple[int, int] | None = None) -> list[tuple[str, str, str]]:
    """Return ``(cue name, label, matched words)`` for every target-aware cue in ``text``, in text order.

    >>> [c[:2] for c in cues("Sanctuary cities are sanctuaries for criminals, hard stop.")]
    [('criticises sanctuary policies', 'FAVOR')]
    >>> [c[:2] for c in cues("They don't honor our detainers.")]
    [('others refuse to cooperate', 'FAVOR')]
    >>> [c[:2] for c in cues("We will not honor ICE detainers.")]
    [('refuses to cooperate', 'AGAINST')]
    >>> [c[:2] for c in cues("The raids were designed to tear families apart.")]
    [('criticises federal enforcement', 'AGAINST')]
    """
    return _stance.scan(text, _COMPILED, weight_span)


# Target-aware cues weigh twice, except the soft ones that also fit neutral words about migrants.
_TARGET_NAMES = {n for n, _, _ in TARGET_CUES} - {"serves and welcomes migrants", "supports immigrants"}


def decide(found: list[tuple[str, str, str]]) -> str:
    """Return the side with more weight: a target-aware cue counts twice, a lexicon cue once; a tie is NONE.

    >>> decide([("the enforcement side's words", "FAVOR", "criminal aliens"), ("protects immigrants", "AGAINST", "protect")])
    'FAVOR'
    >>> decide([("trust", "AGAINST", "trust"), ("enforces the law", "FAVOR", "federal law")])
    'NONE'
    """
    score = {"FAVOR": 0, "AGAINST": 0}
    for name, label_, _ in found:
        if label_ in score:
            score[label_] += 2 if name.removeprefix("context: ") in _TARGET_NAMES else 1
    return "FAVOR" if score["FAVOR"] > score["AGAINST"] else "AGAINST" if score["AGAINST"] > score["FAVOR"] else "NONE"


def _outside(text: str, lo: int, hi: int, spans: list[tuple[int, int]]) -> str:
    """Return ``text[lo:hi]`` with the parts inside ``spans`` blanked out (for a few spans; see :mod:`helpers.spans`)."""
    chars = list(text[lo:hi])
    for s, e in spans:
        for i in range(max(s, lo), min(e, hi)):
            chars[i - lo] = " "
    return "".join(chars)


def label(quotes: pd.DataFrame, articles: pd.DataFrame, sents: pd.DataFrame, kb: Knowledge | None = None) -> pd.DataFrame:
    """Return ``quotes`` with ``stance`` and ``cues`` from the target-aware rules for every speech quotation.

    ``cues`` lists ``name: "words"``; ``context:`` marks cues of the reporting
    sentence, ``same speaker:`` a label carried from the speaker's other
    quotations in the article.

    Each article's quotations and sentences are indexed once
    (:mod:`helpers.spans`), so the cost grows with the number of quotations,
    not with its square.
    """
    from .spans import Sentences, Spans

    out = quotes.copy()
    texts = dict(zip(articles["article_id"].tolist(), articles["text"].tolist()))
    article_ids, kinds, groups = out["article_id"].tolist(), out["kind"].tolist(), out["group"].tolist()
    starts, ends, roles = out["start"].tolist(), out["end"].tolist(), out["speaker_role"].tolist()
    stance, found_cues = out["stance"].tolist(), out["cues"].tolist()
    rows_of: dict[str, list[int]] = {}
    statements: dict[tuple, list[int]] = {}
    for i, (article_id, kind, group) in enumerate(zip(article_ids, kinds, groups)):
        rows_of.setdefault(article_id, []).append(i)
        if kind in ("full", "partial"):
            statements.setdefault((article_id, group), []).append(i)
    spans = {a: Spans([starts[i] for i in idx], [ends[i] for i in idx]) for a, idx in rows_of.items()}
    sentences = Sentences.by_article(sents)
    no_sentences = Sentences(sents.iloc[0:0])
    for (article_id, _), idx in statements.items():
        text, art_q = texts[article_id], spans[article_id]
        art_s = sentences.get(article_id, no_sentences)
        lo_all, hi_all = min(starts[i] for i in idx), max(ends[i] for i in idx)
        hit = art_s.around(lo_all, hi_all)
        lo, hi = hit or (lo_all, hi_all)
        own: list[tuple[str, str, str]] = []
        for i in idx:
            if kinds[i] == "partial":
                frame = _stance._outside_quotes(text, lo, hi, art_q, skip_start=starts[i])
                own += cues(frame, (starts[i] - lo, ends[i] - lo))
            else:
                own += cues(text[starts[i]:ends[i]])
        own = list(dict.fromkeys(own))
        side, used = decide(own), own
        if side == "NONE":
            # the reporting sentence (or, without a cue there, the body sentence before it) is read only when needed
            context = cues(_stance._outside_quotes(text, lo, hi, art_q))
            if not context and hit:
                prev = art_s.last_body_before(lo)
                if prev:
                    context = cues(_stance._outside_quotes(text, prev[0], prev[1], art_q))
            if context:
                side, used = decide(own + context), own + [("context: " + n, lab, w) for n, lab, w in context]
        if _stance._is_reporter(roles[idx[0]]):
            side, text_cues = "NONE", "speaker is a news outlet, reporting"
        else:
            text_cues = "; ".join(f'{n}: "{w}"' for n, _, w in used)
        for i in idx:
            stance[i], found_cues[i] = side, text_cues
    out["stance"] = pd.Series(stance, index=out.index, dtype=object)
    out["cues"] = pd.Series(found_cues, index=out.index, dtype=object)
    return _consistent(out)


def _consistent(out: pd.DataFrame) -> pd.DataFrame:
    """Return ``out`` with a speaker's NONE quotations given the one label of the speaker's others in the article.

    Only quotations in the paragraph of a stanced one, or next to it, are carried.

    >>> q = pd.DataFrame({"article_id": ["a"] * 4, "speaker": ["X", "X", "Y", "X"], "kind": ["full"] * 4,
    ...                   "paragraph": [3, 4, 4, 9], "stance": ["FAVOR", "NONE", "NONE", "NONE"], "cues": ["c", "", "", ""]})
    >>> _consistent(q)["stance"].tolist()
    ['FAVOR', 'FAVOR', 'NONE', 'NONE']
    """
    kinds, speakers = out["kind"].tolist(), out["speaker"].tolist()
    stance, found_cues = out["stance"].tolist(), out["cues"].tolist()
    paragraphs = out["paragraph"].tolist() if "paragraph" in out else None
    by_speaker: dict[tuple, list[int]] = {}
    for i, (article_id, kind, speaker) in enumerate(zip(out["article_id"].tolist(), kinds, speakers)):
        if kind in ("full", "partial") and speaker != "":
            by_speaker.setdefault((article_id, speaker), []).append(i)
    changed = False
    for (_, speaker), idx in by_speaker.items():
        sides = {stance[i] for i in idx} - {"NONE", ""}
        if len(sides) != 1:
            continue
        side = sides.pop()
        stanced = [paragraphs[i] for i in idx if stance[i] == side] if paragraphs is not None else []
        for i in [i for i in idx if stance[i] == "NONE" and kinds[i] == "full"]:
            # only next to the speaker's own stanced words: an aside on another topic stays NONE
            if stanced and not any(abs(int(paragraphs[i]) - p) <= 1 for p in stanced):
                continue
            stance[i], found_cues[i] = side, f"same speaker: {speaker}'s quotations beside this one are {side}"
            changed = True
    if changed:
        out = out.copy()
        out["stance"] = pd.Series(stance, index=out.index, dtype=out["stance"].dtype)
        out["cues"] = pd.Series(found_cues, index=out.index, dtype=out["cues"].dtype)
    return out
