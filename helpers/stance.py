"""Label each quotation's stance toward the federal immigration crackdown, with its cues.

The target is federal immigration enforcement (deportations, ICE detainers,
funding threats against sanctuary jurisdictions). Labels, as in SemEval-2016
Task 6 (Mohammad et al. 2016):

* ``FAVOR``: supports or cooperates with federal enforcement;
* ``AGAINST``: resists it, limits cooperation, protects immigrants from it,
  challenges or criticises it;
* ``NONE``: neither, or off the topic;
* ``MIXED``: for an actor only, with both FAVOR and AGAINST quotations.

The method is a transparent cue lexicon (:data:`CUES`): each cue is a
regular expression with the label it points to. A quotation's cues are
counted in its own words; a partial quotation is read with the reporting
sentence around it; the parts of a quotation split around its attribution
are read together; a quotation with no cue of its own borrows the cues of
the sentence that introduces it (shown as ``context:``). The label is the
side with more cues; a tie or no cue gives NONE. Sentiment polarity is never
used: wording can be positive and AGAINST, or negative and FAVOR.
"""

from __future__ import annotations

import re

import pandas as pd

from . import prefilter
from .knowledge import Knowledge, normalise
from .spans import Sentences, Spans

STANCES = ("FAVOR", "AGAINST", "NONE")
ACTOR_STANCES = ("FAVOR", "AGAINST", "NONE", "MIXED")

_NEG = r"(?:\b(?:not|never|no|cannot|refuse[sd]?|refusing|no longer)\b|n't\b)"
_COOP = (r"(?:cooperat\w*|comply|complies|complied|complying|compliance|honou?r\w*|assist\w*|work(?:ing)? (?:with|in conjunction)|"
         r"engage\w*|hold(?:ing)?|detain\w*|enforce\w*|help(?:ing)? (?:ICE|federal)|lend\w*|take part|participat\w*|"
         r"shar(?:e|es|ed|ing) (?:information|data|records|release dates))")
_STATUS = r"(?:(?:immigration |legal )?status|papers|green cards?|citizenship|where (?:she|he|they|you) (?:was|were) born)"
_FED = r"(?:federal|ICE|immigration|Homeland|DHS|detainers?|the law|requests|agents|authorities|government|Washington|the feds|President|Trump\S*|administration|crackdown)"

# (name, label, pattern). Order matters: an earlier cue consumes its words,
# so "not ... cooperate" is read before "cooperate".
CUES: list[tuple[str, str, str]] = [
    ("a term, not a position", "", r"\bso-called\s+sanctuar\w+(?:\s+(?:cit(?:y|ies)|states?|polic\w+|jurisdictions?))?|\bthe term\s+sanctuar\w+(?:\s+cit(?:y|ies))?"),
    ("punishes sanctuary jurisdictions", "FAVOR", r"\b(?:strip\w*|cut\w*|withh\w+|pull\w*|den(?:y|ies|ied))\b[^.;]{0,40}\b(?:money|funding|funds|grants?)\b[^.;]{0,20}\bsanctuar\w+(?:\s+(?:cit(?:y|ies)|states?|polic\w+|jurisdictions?)(?:\s+and\s+cities)?)?"),
    ("not immigration police", "AGAINST", r"\bnot\b[^.;]{0,35}\b(?:immigration|deportation) (?:police|agents|officers|force)\b|\bnot our job\b"),
    ("limits cooperation", "AGAINST", r"\b(?:limit\w*|restrict\w*|curb\w*|end\w*|cut\w* off)\s+(?:on\s+|its\s+|their\s+|all\s+)*(?:\w+\s+){0,2}?cooperat\w*"),
    ("will not enforce", "AGAINST", rf"{_NEG}\s+(?:\w+\s+){{0,2}}enforc\w*"),
    ("does not check status", "AGAINST", rf"{_NEG}[^.;,]{{0,25}}\b(?:ask\w*|check\w*|question\w*|inquir\w*)\b[^.;]{{0,40}}\b{_STATUS}"),
    ("enforces the law", "FAVOR", r"\b(?:rule of law|enforc\w* (?:the |our |federal |immigration )+laws?|(?:follow|obey|uphold)\w* (?:it|(?:the|federal|this|that|our) (?:law|laws|order))|federal law|law and order)\b"),
    ("refuses to cooperate", "AGAINST", rf"{_NEG}[^.;,]{{0,45}}?\b{_COOP}"),
    ("denies withholding", "FAVOR", rf"\b(?:never|not|no)\b[^.;]{{0,15}}\b(?:withh\w+|refus\w+|den(?:y|ied))\b[^.;]{{0,40}}\b{_FED}"),
    ("not a sanctuary", "FAVOR", r"\b(?:never|not|no)\b[^.;]{0,40}\bsanctuar(?:y|ies)\b"),
    ("no haven for criminals", "FAVOR", r"\b(?:safe haven|haven|refuge|sanctuary|protect\w*|shield\w*|special (?:protection|treatment))\b[^.;]{0,25}\b(?:criminals?|predators?|gang members?|anyone who preys|lawbreakers|illegal\w*|from (?:the law|deportation|consequences))|\bspecial (?:protection|treatment)\b"),
    ("sanctuary as an insult", "FAVOR", r"\bsanctuary (?:politicians|mayors|officials|crowd|activists|zealots)\b"),
    ("criticises sanctuary", "FAVOR", r"\bsanctuar(?:y|ies)\b(?:\s+\w+){0,4}\s+(?:are|is|was|were|make|makes|put|puts)?\s*(?:dangerous|reckless|unlawful|illegal|endanger\w*|shield\w*|protect\w* (?:criminals|illegal))"),
    ("cooperates with federal enforcement", "FAVOR", rf"\b(?:fully\s+)?(?:cooperat\w*|comply|complies|complied|complying|compliance|honou?r\w*|partner\w*|work(?:ing)? (?:closely )?with)\b(?:\s+[\w'-]+){{0,4}}?\s+{_FED}"),
    ("287(g) agreement", "FAVOR", r"\b287\s*\(g\)"),
    ("honours detainers", "FAVOR", r"\b(?:we|will|we'll|we will)\s+(?:always\s+)?(?:hold|honou?r)\s+(?:them|it|him|her|every|all|that|those|the request)\b"),
    ("reports to ICE", "FAVOR", r"\b(?:call|notify|alert|tip off|hand (?:them|him|her) (?:over )?to|turn (?:them|him|her) over to)\s+(?:ICE|immigration|federal agents)\b"),
    ("checks status", "FAVOR", rf"\b(?:check\w*|verif\w*|screen\w*)\b[^.;]{{0,30}}\b{_STATUS}"),
    ("illegal-immigration framing", "FAVOR", r"\b(?:harbou?r\w*|illegal (?:immigrants|aliens)|criminal aliens|illegals|aliens)\b"),
    ("removal of criminals", "FAVOR", r"\b(?:(?:need|needs|have|has|ought|should|must) to (?:leave|go|be deported|be removed)|bad (?:people|guys|actors)|dangerous criminals|criminal (?:offenders|records?)|public safety threats?)\b"),
    ("backs enforcement measures", "FAVOR", r"\b(?:deportation force|build (?:a|the) (?:\w+ )?wall|more (?:ICE )?agents|more deportations)\b"),
    ("cost of not complying", "FAVOR", r"\b(?:worth the risk|risk of losing)\b"),
    ("drops a condition on cooperation", "FAVOR", r"\b(?:no longer (?:require|demand|insist)\w*|eliminat\w+ (?:a|the) requirement|drop\w* (?:a|the) requirement)"),
    ("supports the crackdown", "FAVOR", r"\b(?:support|applaud|welcome|praise|back)\w*\b[^.;]{0,30}\b(?:crackdown|enforcement|ICE|executive order|deportations?)\b"),
    ("sanctuary", "AGAINST", r"\bsanctuar(?:y|ies)\b"),
    ("protects immigrants", "AGAINST", r"\b(?:protect\w*|shelter\w*|safe|safer|secure|welcom\w*)\b"),
    ("immigrant community", "AGAINST", r"\b(?:(?:our|immigrant) communit(?:y|ies)|city of immigrants|nation of immigrants|our neighbou?rs|families (?:are )?(?:not )?torn apart|torn apart|separat\w+ famil\w+)\b"),
    ("trust", "AGAINST", r"\b(?:dis)?trust\b"),
    ("protects everyone regardless of status", "AGAINST", rf"\b(?:regardless of|whether or not)\b[^.;]{{0,30}}\b(?:{_STATUS}|documents|documented|undocumented|citizens?|legal|where)\b"),
    ("immigrants' rights", "AGAINST", r"\b(?:their|your|our|civil|constitutional|immigrants'?) rights\b"),
    ("deportation machine", "AGAINST", r"\b(?:deportation (?:machine|pipeline|dragnet|force)s? (?:is|are)|pipeline to deportation|mass (?:raids|arrests|deportations?))\b"),

    ("does not ask about status", "AGAINST", rf"{_NEG}[^.;]{{0,20}}\bask\w*\b[^.;]{{0,30}}\bstatus\b"),
    ("will not hunt immigrants", "AGAINST", rf"{_NEG}[^.;]{{0,25}}\b(?:looking for|going after|targeting|hunting|rounding up|chasing)\b"),
    ("values immigrants", "AGAINST", r"\b(?:hard-?working|good people|contribut\w+|participate in the economy|pathway to (?:citizenship|legalization)|path to (?:citizenship|legal status)|dreamers|DACA)\b"),
    ("limits federal agents", "AGAINST", rf"\b(?:restrict\w*|limit\w*|bar|barr\w+|ban\w*|prohibit\w*|keep\w*[^.;]{{0,20}}out)\b[^.;]{{0,40}}\b(?:ICE|federal agents|immigration agents|agencies|agents|officers)\b"),
    ("prosecutes agents", "AGAINST", r"\bprosecut\w*\b[^.;]{0,30}\b(?:agents|ICE|officers)\b"),
    ("legal challenge", "AGAINST", r"\b(?:sue|sued|suing|lawsuit|legal case|challeng\w+|unconstitutional|constitution\w*|fourth amendment|(?:in|to|into) (?:any |a |federal |the )?courts?|court-ordered|court order|warrants?|due process|judges?)\b"),
    ("resists", "AGAINST", r"\b(?:resist\w*|push(?:ing)? back|fight\w*|defy|defied|defying|reject\w*|stand up to)\b"),
    ("criticises the crackdown", "AGAINST", r"\b(?:racist|un-?american|wrong|ridiculous|charade|counterproductive|unjust\w*|cruel\w*|inhuman\w*|demoni[sz]\w*|threaten\w*|attack\w*|assault\w*|punish\w*|coerci\w+|unaccountable|makes no sense|flies in the face|fear\w*|afraid|scared|terrif\w+|intimidat\w*|panic\w*|terror\w*|bull(?:y|ied|ies|ying)|scapegoat\w*)\b"),
]
_COMPILED = [(n, lab, re.compile(p, re.I)) for n, lab, p in CUES]
# cues that a negation or a hedge in front cancels ("difficult to bar ICE agents")
_NO_MARKS = str.maketrans({'"': " ", "“": " ", "”": " "})
_HEDGE = re.compile(r"\b(?:difficult|hard|impossible|unable|cannot|can't|not able)\s+to\s+(?:\w+\s+){0,2}$", re.I)


def cues(text: str, weight_span: tuple[int, int] | None = None) -> list[tuple[str, str, str]]:
    """Return ``(cue name, label, matched words)`` for every cue in ``text``, in text order.

    >>> [c[:2] for c in cues("We will not cooperate with ICE detainers.")]
    [('refuses to cooperate', 'AGAINST')]
    >>> [c[:2] for c in cues("The county will fully cooperate with federal immigration authorities.")]
    [('cooperates with federal enforcement', 'FAVOR')]
    """
    return scan(text, _COMPILED, weight_span)


def scan(text: str, compiled, weight_span: tuple[int, int] | None = None) -> list[tuple[str, str, str]]:
    """Return ``(cue name, label, matched words)`` for every cue of ``compiled`` found in ``text``, in text order.

    ``compiled`` holds ``(name, label, pattern)``; an earlier cue takes its words first, a cue with an empty
    label only takes words away, and "limits federal agents" after a hedge ("difficult to bar") does not count.
    Inside ``weight_span`` (a partial quotation) a cue counts twice.

    >>> scan("We will not bar agents.", [("refuses", "AGAINST", re.compile("will not"))])
    [('refuses', 'AGAINST', 'will not')]
    """
    norm = normalise(text).translate(_NO_MARKS)
    folded = prefilter.fold(norm)
    taken = bytearray(len(norm))
    found = []
    for name, label, rx, starts in prefilter.with_starts(compiled):
        if not prefilter.present(starts, folded):  # none of the words it can start with is there: it cannot match
            continue
        for m in rx.finditer(norm):
            if taken.find(1, m.start(), m.end()) >= 0:
                continue
            taken[m.start():m.end()] = b"\x01" * (m.end() - m.start())
            if not label or (name == "limits federal agents" and _HEDGE.search(norm[max(0, m.start() - 40):m.start()])):
                continue
            found.append((m.start(), name, label, text[m.start():m.end()]))
            if weight_span and m.start() < weight_span[1] and m.end() > weight_span[0]:
                # in a partial quotation, the speaker's own words count twice
                found.append((m.start(), name, label, text[m.start():m.end()] + " (quoted words)"))
    return [f[1:] for f in sorted(found)]


def decide(found: list[tuple[str, str, str]]) -> str:
    """Return the label with more cues: FAVOR, AGAINST, or NONE for a tie or no cue.

    >>> decide([("trust", "AGAINST", "trust")])
    'AGAINST'
    >>> decide([])
    'NONE'
    """
    favor = sum(1 for c in found if c[1] == "FAVOR")
    against = sum(1 for c in found if c[1] == "AGAINST")
    if favor > against:
        return "FAVOR"
    if against > favor:
        return "AGAINST"
    return "NONE"


def _outside_quotes(text: str, lo: int, hi: int, quotes: Spans, skip_start: int | None = None) -> str:
    """Return ``text[lo:hi]`` with the quotations that overlap it (but the one at ``skip_start``) blanked out."""
    chars = list(text[lo:hi])
    for start, end in quotes.overlapping(lo, hi):
        if start == skip_start:
            continue
        a, b = max(start, lo) - lo, min(end, hi) - lo
        chars[a:b] = " " * (b - a)
    return "".join(chars)


def _is_reporter(speaker_role: str) -> bool:
    role = (speaker_role or "").lower()
    return "news outlet" in role or "newspaper" in role


def _as_text(frame: pd.DataFrame) -> pd.DataFrame:
    """Return ``frame`` with ``stance`` and ``cues`` as text columns, whichever back end filled them."""
    return frame.assign(stance=frame["stance"].astype(str), cues=frame["cues"].astype(str))


#: Stance back ends, chosen by ``label(..., method=...)``.
#: ``lexicon``: the cue lexicon below, as first written on the five corpus articles;
#: ``rules``: the lexicon read with its target, negation, the reporting sentence and
#: the speaker's other quotations (:mod:`helpers.stance_rules`);
#: ``model``: logistic regression over cue features and word n-grams, trained at
#: run time on the real-news development part (:mod:`helpers.stance_model`).
METHODS = ("lexicon", "rules", "model")


def label(quotes: pd.DataFrame, articles: pd.DataFrame, sents: pd.DataFrame, kb: Knowledge,
          method: str = "rules", train=None) -> pd.DataFrame:
    """Return ``quotes`` with ``stance`` and ``cues`` filled in for every speech quotation.

    ``cues`` lists ``name: "words"`` pairs joined by ``; ``; cues borrowed
    from the introducing sentence start with ``context:``. A news outlet
    quoted as a source is reporting: its quotations are NONE. ``method`` is
    one of :data:`METHODS`; ``train`` is the real-news part the model is
    fitted to (default: the development part).
    """
    if method not in METHODS:
        raise ValueError(f"method must be one of {list(METHODS)}; got {method!r}")
    if method == "rules":
        from . import stance_rules

        return _as_text(stance_rules.label(quotes, articles, sents, kb))
    if method == "model":
        from . import stance_model

        return _as_text(stance_model.label(quotes, articles, sents, kb, train=train))
    out = quotes.copy()
    texts = dict(zip(articles["article_id"], articles["text"]))
    sentences = Sentences.by_article(sents)
    no_sentences = Sentences(sents.iloc[0:0])
    rows = list(zip(out["article_id"], out["group"], out["kind"], out["start"].tolist(), out["end"].tolist(),
                    out["speaker_role"]))
    # every quotation of an article (speech or not) is blanked out of the words read around a statement
    spans_of: dict[str, list[int]] = {}
    statements: dict[tuple, list[int]] = {}
    for i, (article_id, group, kind, _, _, _) in enumerate(rows):
        spans_of.setdefault(article_id, []).append(i)
        if kind in ("full", "partial"):
            statements.setdefault((article_id, group), []).append(i)
    spans = {a: Spans([rows[i][3] for i in idx], [rows[i][4] for i in idx]) for a, idx in spans_of.items()}
    stance, found_cues = list(out["stance"]), list(out["cues"])
    for (article_id, _), idx in statements.items():
        part = [rows[i] for i in idx]
        result = _label_group(part, texts[article_id], spans[article_id], sentences.get(article_id, no_sentences))
        for i in idx:
            stance[i], found_cues[i] = result
    out["stance"] = stance
    out["cues"] = found_cues
    return out


def _label_group(part: list[tuple], text: str, art_q: Spans, art_s: Sentences) -> tuple[str, str]:
    """Return ``(stance, cues)`` for the quotations of one statement: ``(article_id, group, kind, start, end, role)`` rows."""
    own: list[tuple[str, str, str]] = []
    for _, _, kind, start, end, _ in part:
        if kind == "partial":
            # a partial quotation is read with the reporting sentence around it
            lo, hi = art_s.around(start, end) or (start, end)
            frame = _outside_quotes(text, lo, hi, art_q, skip_start=start)
            own += cues(frame, (start - lo, end - lo))
        else:
            own += cues(text[start:end])
    own = list(dict.fromkeys(own))
    found, context = own, []
    if not own:
        first_start = part[0][3]
        hit = art_s.around(first_start, max(r[4] for r in part))
        lo = hit[0] if hit else first_start
        frames = [_outside_quotes(text, hit[0], hit[1], art_q)] if hit else []
        prev = art_s.last_body_before(lo)
        if prev:
            frames.append(_outside_quotes(text, prev[0], prev[1], art_q))
        for frame in frames:
            context = cues(frame)
            if context:
                break
        found = context
    if _is_reporter(part[0][5]):
        return "NONE", "speaker is a news outlet, reporting"
    prefix = "context: " if context else ""
    return decide(found), "; ".join(f'{prefix}{name}: "{words}"' for name, _, words in found)


def actors(quotes: pd.DataFrame, column: str = "stance") -> pd.DataFrame:
    """Return one row per speaker: counts of each quotation stance and the actor's stance.

    An actor with both FAVOR and AGAINST quotations is MIXED; with only one of
    them, that one; otherwise NONE.

    >>> q = pd.DataFrame({"speaker_id": ["a", "a", "b"], "kind": ["full"] * 3, "stance": ["FAVOR", "AGAINST", "NONE"]})
    >>> actors(q)[["speaker_id", "actor_stance"]].values.tolist()
    [['a', 'MIXED'], ['b', 'NONE']]
    """
    speech = quotes[quotes["kind"].isin(("full", "partial")) & (quotes["speaker_id"] != "")]
    counts = pd.crosstab(speech["speaker_id"], speech[column]).reindex(columns=list(STANCES), fill_value=0)
    counts.columns = [c.lower() for c in counts.columns]
    counts = counts.reset_index()

    def one(row):
        if row["favor"] and row["against"]:
            return "MIXED"
        if row["favor"]:
            return "FAVOR"
        if row["against"]:
            return "AGAINST"
        return "NONE"

    counts["actor_stance"] = counts.apply(one, axis=1)
    counts.columns.name = None
    return counts
