"""Find who and where a sentence mentions: actors, places, pronouns, roles.

Known actors and places come from the hand-curated tables
(:mod:`helpers.knowledge`); people and organisations that are not in them are
still found from how news writing introduces them ("Springfield Mayor Ana
Ruiz", "Tom Okafor, the county sheriff,", "the Tenants Union said"), and a
surname used later in the same article refers back to them.

The rules here are general: none names a person, sentence or quote of the
corpus.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

import pandas as pd

from .knowledge import Knowledge, normalise
from .prefilter import small_words
from .vocabulary import GIVEN_FEMALE, GIVEN_MALE

# Titles written before a name, longest first, and the role each one gives.
TITLES = {
    "Lieutenant Governor": "lieutenant governor", "Lt. Gov.": "lieutenant governor",
    "Police Chief": "police chief", "Fire Chief": "fire chief", "District Attorney": "district attorney",
    "Attorney General": "attorney general", "County Executive": "county executive",
    "County Commissioner": "county commissioner", "City Council member": "city council member",
    "Council member": "council member", "Councilmember": "council member", "Councilwoman": "council member",
    "Councilman": "council member", "Press Secretary": "press secretary", "press secretary": "press secretary",
    "Vice President": "vice president", "President-elect": "president-elect", "President": "president",
    "Mayor": "mayor", "mayor": "mayor", "Governor": "governor", "Gov.": "governor", "Sen.": "senator",
    "Senator": "senator", "Rep.": "representative", "Representative": "representative", "Sheriff": "sheriff",
    "sheriff": "sheriff", "Chief Justice": "chief justice", "Chief": "chief", "Commissioner": "commissioner",
    "Judge": "judge", "Justice": "justice", "Secretary": "secretary", "Director": "director",
    "Superintendent": "superintendent", "Professor": "professor", "Prof.": "professor", "Dr.": "",
    "Alderman": "alderman", "Alderwoman": "alderwoman", "Supervisor": "supervisor",
    "Spokesperson": "spokesperson", "Spokesman": "spokesperson", "Spokeswoman": "spokesperson",
    "Ald.": "alderman", "Reps.": "representative", "Del.": "delegate", "Atty. Gen.": "attorney general",
    "Border Czar": "border czar", "border czar": "border czar", "Deputy Chief": "deputy chief", "deputy chief": "deputy chief",
    "Cmdr.": "commander", "Commander": "commander", "Lt.": "lieutenant", "Sgt.": "sergeant", "Capt.": "captain",
    "Assemblyman": "assembly member", "Assemblywoman": "assembly member", "Assemblymember": "assembly member",
    "Congressman": "representative", "Congresswoman": "representative", "Comptroller": "comptroller",
    "Majority Leader": "majority leader", "Minority Leader": "minority leader", "Speaker": "speaker",
    "Chairman": "chair", "Chairwoman": "chair", "Ambassador": "ambassador", "Attorney": "attorney",
    "Rev.": "pastor", "Pastor": "pastor", "Bishop": "bishop", "Acting Director": "director",
    "Deputy Director": "deputy director", "U.S. Attorney": "u.s. attorney", "US Attorney": "u.s. attorney",
}
# Office words that can open a run of capitalised words before a name ("House Majority Leader William
# Lamberth", "Trump's Border Czar"): they are the office, never part of the name.
OFFICE_WORDS = frozenset(
    "House Senate Majority Minority Leader Border Czar Deputy Director Acting Assistant Secretary Chairman "
    "Chairwoman Chair Board Counsel Chief General Attorney Commissioner Commander Superintendent Spokesperson "
    "Spokesman Spokeswoman Press Democrat Republican Democratic President Vice Governor Gov. Mayor Sheriff Sen. "
    "Rep. Senator Representative Congressman Congresswoman Judge Justice District U.S. US State Assemblyman "
    "Assemblywoman Councilman Councilwoman Councilmember Police Homeland Security Patrol Officer Agent Executive "
    "Administrator Ald. Del. Lt. Cmdr. Sgt. Capt. Ambassador Speaker Whip Supervisor Comptroller Treasurer Auditor "
    "Controller Inspector Marshal Gen. Adm. Lieutenant Federal County City White Immigration Customs Enforcement "
    "Customs Department Office Officials Secretary-designate Czar Tsar Former Interim Prosecutor Magistrate Circuit "
    "Court Appeals Senior Staff Legal Policy Communications Public Affairs Affairs Operations Field Regional".split()
)
# Words that make a run of capitalised words something other than a person: a place, a group of people, an event.
NOT_A_PERSON = frozenset(
    "County City State States Parish Island Vineyard Valley Beach Heights Park Street Avenue Road Bridge Migration "
    "Operation Act Bill Law Amendment Supporters Opponents Republicans Democrats Protesters Critics Advocates "
    "Officials Residents Lawmakers Activists Immigrants Americans Agents Officers Both Many Others Police Guard "
    "Alabama Alaska Arizona Arkansas California Colorado Connecticut Delaware Florida Georgia Hawaii Idaho Illinois "
    "Indiana Iowa Kansas Kentucky Louisiana Maine Maryland Massachusetts Michigan Minnesota Mississippi Missouri "
    "Montana Nebraska Nevada Ohio Oklahoma Oregon Pennsylvania Tennessee Texas Utah Vermont Virginia Washington "
    "Wisconsin Wyoming York Jersey Carolina Dakota Hampshire Mexico Chicago Boston Denver Portland COVID".split()
)
PARTY_WORDS = frozenset(("Republican", "Democrat"))
# Words after a name that are not part of it ("Donald Trump Thursday").
_AFTER_NAME = frozenset(
    "Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February March April May June July August "
    "September October November December Jan. Feb. Aug. Sept. Oct. Nov. Dec. Today Tonight Earlier".split()
)
# Roles of journalists: an interviewer's questions are the interviewer's ("the reporter asked").
MEDIA_ROLES = ("reporter", "interviewer", "host", "anchor", "moderator", "journalist", "correspondent")
# Nouns that refer back to an organisation ("the agency said", "the department said in a statement").
ORG_NOUNS = ("agency", "department", "group", "organization", "organisation", "office", "administration",
             "coalition", "union", "company", "campaign", "committee", "association", "nonprofit", "firm", "police")
# Roles that name no office of their own: they refer to the person the text is about.
_PLAIN_ROLES = frozenset(("democrat", "republican"))
# Nouns that make a phrase a role ("the county sheriff", "a law professor").
ROLE_NOUNS = (
    "mayor", "governor", "sheriff", "police chief", "chief", "director", "founder", "professor", "spokesperson",
    "spokesman", "spokeswoman", "president", "secretary", "adviser", "advisor", "attorney", "prosecutor",
    "commissioner", "council member", "councilmember", "executive", "administrator", "manager", "organizer",
    "lawyer", "chair", "chairman", "chairwoman", "head", "leader", "official", "officer", "representative",
    "senator", "judge", "analyst", "researcher", "scholar", "activist", "advocate", "pastor", "deputy",
    "superintendent", "coordinator", "strategist", "economist", "historian", "expert", "sociologist",
    "criminologist", "demographer", "scientist", "fellow", "student", "resident", "owner", "worker",
)
# Last words that make a capitalised name an organisation.
ORG_WORDS = (
    "Union", "Coalition", "Department", "Office", "Center", "Centre", "Council", "Institute", "Project",
    "Association", "Alliance", "Network", "Agency", "Committee", "Foundation", "Fund", "Bureau", "Post",
    "Times", "News", "Journal", "Tribune", "Herald", "Press", "Conference", "Service", "Services", "Commission",
    "Board", "Party", "Administration", "House", "Court", "University", "College", "Society", "League",
    "Partnership", "Caucus", "Group", "Campaign", "Church", "Clinic", "Sheriff's Office", "Police",
)
NEWS_WORDS = ("Post", "Times", "News", "Journal", "Tribune", "Herald", "Press", "Gazette", "Chronicle")
# Words that cannot start a name ("In Philadelphia", "On Monday").
_STOP = frozenset(
    "The A An And But Or On In At As For From With After Before Since Until Earlier Later Meanwhile When While "
    "Then Now Last This That These Those Former Republican Democratic GOP Interim Acting Many Some Several Most "
    "If Yesterday Today Tomorrow Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February "
    "March April May June July August September October November December According Under Over By Of To "
    "Why What How Who Where Still Also Even Both Each Every Other Such His Her Their Its Our Your We They "
    "He She It I You Image Photo Video Source Mr. Mrs. Ms.".split()
)
_CAP = r"[A-ZÀ-Þ][\w'’.-]*"
_DAYS = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b"
_PARTICLE = r"(?:de|del|della|da|dos|van|von|der|den|la|le|di|du|bin|al|St\.)"
NAME = rf"{_CAP}(?:\s+(?:{_PARTICLE}\s+)*{_CAP}){{1,3}}"
_TITLE_RE = "|".join(re.escape(t) for t in sorted(TITLES, key=len, reverse=True))
# a plain search for one of them is cheaper than the whole pattern tried at every position
_TITLE_WORDS = re.compile("|".join(re.escape(t) for t in sorted(TITLES, key=len)))
SPEECH_VERBS = (
    "said", "says", "say", "told", "tells", "wrote", "writes", "added", "adds", "tweeted", "posted", "stated",
    "announced", "declared", "warned", "vowed", "promised", "argued", "noted", "explained", "insisted", "asked",
    "replied", "responded", "urged", "cautioned", "acknowledged", "conceded", "emphasized", "stressed",
    "recalled", "continued", "countered", "complained", "predicted", "maintained", "contended", "testified",
    "saying", "adding", "citing", "noting", "calling", "arguing", "promising", "warning", "telling", "writing",
    "declaring", "insisting", "vowing", "urging", "describing", "described", "called", "pledged", "pledging",
    "notes", "claims", "claimed", "accused", "reiterated", "shouted", "chanted", "explaining", "asking", "stating",
    "recalls", "explains", "argues", "insists", "warns", "remarked", "echoed", "admitted", "admits", "boasted",
    "quipped", "recounted", "demanded", "proclaimed", "announces", "asks", "replies", "responds", "testifies",
    "emphasizes", "stresses", "observed", "lamented", "wondered", "affirmed", "confirmed", "denied",
    "blasted", "slammed", "touted", "praised", "criticized", "charged", "alleged", "alleges", "contends", "concluded",
    "concludes", "remarking", "adds", "posting", "tweeting", "announcing", "responding", "replying", "pleaded",
)
DIRECTIVE_VERBS = ("ordered", "instructed", "directed", "banned", "barred", "required", "signed", "issued", "proposed")
PRONOUNS = {"he": "person", "she": "person", "He": "person", "She": "person"}
DOCUMENTS = (
    "executive order", "order", "memo", "memorandum", "letter", "statement", "directive", "ordinance",
    "resolution", "guidance", "tweet", "post", "news release", "press release", "release", "bill", "policy",
)

_TITLED = re.compile(
    rf"(?P<place>(?:{_CAP}\s+){{0,3}}?)(?P<title>{_TITLE_RE})\s+(?P<name>{NAME})"
    rf"(?:\s+of\s+(?P<of>{_CAP}(?:\s+{_CAP}){{0,2}}))?"
)
_ROLE_NOUN_RE = "|".join(re.escape(r) for r in sorted(ROLE_NOUNS, key=len, reverse=True))
_APPOSITIVE = re.compile(
    rf"(?P<name>{NAME}),\s+(?P<app>(?:(?:the|a|an)\s+)?[^,.;\"“”]{{0,60}}?\b(?:{_ROLE_NOUN_RE})s?\b[^,.;\"“”]{{0,60}}?)"
    rf"(?=,|\.|;|$|\s+(?:said|told|wrote|added))"
)
_VERB_RE = "|".join(SPEECH_VERBS)
_NAME_VERB = re.compile(rf"(?P<name>{NAME})(?:,[^,\"“”]{{1,160}}|,|\s+(?:with|of|from|at|for)\s+(?:the\s+)?[^,.;\"“”]{{1,80}}?)?,?\s+(?:also\s+|meanwhile\s+|later\s+)?(?:{_VERB_RE})\b")
# A person introduced with an age: "Vince Jones, 54, sat ..."
_AGED = re.compile(rf"(?P<name>{NAME}),\s+\d{{1,3}},")
_VERB_NAME = re.compile(rf"\b(?:said|says|wrote|added|told|asked)\s+(?:{_CAP}(?:\s+{_CAP})?(?:’s|'s)\s+)?(?P<name>{NAME})")
# A surname alone next to a speech verb ("McIver said", "said Goertzen"): news style once a person is introduced.
_SURNAME = r"(?P<name>[A-Z][a-z](?:[\w-]|['’](?!s\b))*[a-z])"
_SURNAME_VERB = re.compile(rf"(?<![\w'’.-])(?<![A-Z][a-z]\s){_SURNAME}(?:(?:’s|'s)\s+(?:press\s+)?(?:office|campaign|spokes\w+))?\s+"
                           rf"(?:also\s+|later\s+|then\s+)?(?:{_VERB_RE})\b")
_VERB_SURNAME = re.compile(rf"\b(?:said|says|wrote|added|told|asked)\s+{_SURNAME}(?=\s*[,.;:!?]|\s*[\"“”]|\s+(?:in|on|at|of|to|during|after|before|when)\b|$)")
_ORG = re.compile(
    rf"\b(?:[Tt]he\s+)(?P<name>(?:{_CAP}\s+){{0,6}}?(?:{'|'.join(re.escape(w) for w in sorted(ORG_WORDS, key=len, reverse=True))}))"
    rf"(?:\s+of\s+(?!{_DAYS}){_CAP}(?:\s+(?!{_DAYS}){_CAP})?)?\b"
)
# An organisation's name without "the", its words joined by "and", "of", "for" ("Immigration and Customs
# Enforcement announced", "Lawyers for Civil Rights filed", "Charlotte-Mecklenburg Police Department said").
_ORG_HEADS = tuple(w for w in ORG_WORDS if " " not in w) + ("Enforcement", "Protection", "Patrol", "Rights", "Security")
_ORG_BARE = re.compile(
    rf"(?<![\w’'.-])(?P<name>(?:U\.S\.\s+)?[A-Z][\w’'.-]*(?:\s+(?:(?:and|of|for|on|&)\s+(?:the\s+)?)?[A-Z][\w’'.-]*){{0,5}}"
    rf"\s+(?:{'|'.join(sorted(_ORG_HEADS, key=len, reverse=True))}))(?![\w’'-])"
    rf"(?:\s+(?:of|for)\s+(?:the\s+)?(?!{_DAYS})[A-Z][\w’'.-]*(?:\s+(?:and\s+)?(?!{_DAYS})[A-Z][\w’'.-]*){{0,2}})?"
)
_ACRONYM_OF = re.compile(r"(?<![\w’'.-])(?P<name>[A-Z]{2,6}\s+of\s+[A-Z][\w’'.-]*[\w](?:\s+[A-Z][\w’'.-]*[\w])?)")
_CAPITAL_WORD = re.compile(r"\b[A-Z][a-z]+\b")
_HONORIFIC = re.compile(r"\bM(?:r|rs|s)\.")
_UPPER_RUN = re.compile(r"[A-Z]{2}")
_SPOKESPEOPLE = r"(?:[Oo]fficials?|spokes\w+|representatives?|statement|post|release)\b(?!\s+[A-Z])"
_ACRONYM = re.compile(rf"(?:\b[Tt]he\s+(?P<a>[A-Z]{{2,6}})\b(?![’'-])|\b(?P<b>[A-Z]{{2,6}})\s+(?=(?:also\s+)?(?:{_VERB_RE})\b|"
                      rf"{_SPOKESPEOPLE})|\b[Aa]n?\s+(?P<c>[A-Z]{{2,6}})\s+(?={_SPOKESPEOPLE}))")
_PRONOUN = re.compile(r"\b(?:he|she|He|She)\b")
# A given name and a surname, anywhere ("Gregory Bovino and dozens of agents"): the given name is checked against
# the common given names of :mod:`helpers.vocabulary`.
_GIVEN_NAME = re.compile(r"(?<![\w’'.-])(?P<given>[A-Z][a-z]+)\s+(?P<rest>(?:[A-Z]\.\s+)?(?:(?:de|del|la|van|von|da|di)\s+)?"
                         r"[A-Z](?:[\w-]|['’](?!s\b))*[a-z](?:\s+[A-Z](?:[\w-]|['’](?!s\b))*[a-z]){0,2})")
_GIVEN = GIVEN_FEMALE | GIVEN_MALE
# A given name alone, introduced by what follows it ("Sylvia, a street vendor who ...", "Edwin, who has ..."):
# people who give only their first name.
_GIVEN_ALONE = re.compile(r"(?<![\w’'.-])(?P<given>[A-Z][a-z]+),\s+(?=(?:a|an|the|who|whose|\d{1,3},)\s)")
# A name, then the organisation the person speaks for ("Baltazar Enriquez of the Little Village Council").
_NAME_OF_ORG = re.compile(rf"(?<![\w’'.-])(?P<name>[A-Z][a-z]+(?:\s+[A-Z]\.)?\s+[A-Z][a-z][\w’'-]*[a-z])\s+(?:of|with|from)\s+the\s+[A-Z]")
# A title and a surname alone ("Mayor Bowser", "Ms. Ruiz"): a person, often met before by full name.
_TITLED_SURNAME = re.compile(rf"(?<![\w.])(?P<title>{_TITLE_RE}|Mr\.|Mrs\.|Ms\.)\s+(?P<name>[A-Z][a-z](?:[\w-]|['’](?!s\b))*[a-z])"
                             rf"(?![\w’'-]*\s+(?:[A-Z]|(?:de|del|la|van|von|da|di)\s))")
# A role in small letters right before a name: "attorney Ann Jacobs", "DeSantis spokeswoman Helen Ferre".
_ROLE_BEFORE = re.compile(rf"\b(?P<role>{'|'.join(sorted(ROLE_NOUNS + MEDIA_ROLES, key=len, reverse=True))})\s+(?P<name>{NAME})")
# Role phrases of journalists and organisations ("the reporter asked", "the agency said").
# (found from the noun, then the determiner looked for before it: far fewer places to try than every "the")
_OTHER_ROLE_NOUN = re.compile(rf"\b(?P<role>{'|'.join(MEDIA_ROLES + ORG_NOUNS)})\b(?!s\b|\s+of\b|['’])")
_OTHER_ROLE_LEAD = re.compile(r"\b(?:[Tt]he|[Ii]ts|[Aa])\s+(?:[\w’']+(?:’s|'s)\s+)?(?:(?:[A-Z][\w.-]+|federal|state|city|county|local)\s+){0,2}$")
_ROLE_PHRASE = re.compile(
    rf"\b(?:[Tt]he|[Ii]ts|[Hh]is|[Hh]er|[Tt]heir)\s+(?:[\w’']+(?:’s|'s)\s+)?(?:(?:[A-Z][\w.-]+|former|new|interim|county|city|state)\s+){{0,3}}"
    rf"(?P<role>{_ROLE_NOUN_RE})\b(?!s\b)"
)
_DOCUMENT = re.compile(
    rf"\b(?:[Tt]he|[Hh]is|[Hh]er|[Ii]ts|[Tt]heir)\s+(?:(?:new|latest|signed|written|executive)\s+)?"
    rf"(?P<doc>{'|'.join(re.escape(d) for d in sorted(DOCUMENTS, key=len, reverse=True))})\b"
)

# The patterns named in GATED cannot match unless one of these words is in the text as a run of small
# letters (the speech verb, the role or the document they end on): a set lookup skips them in most sentences.
_NEEDS = {
    "speech verb": frozenset(SPEECH_VERBS),
    "media": frozenset(MEDIA_ROLES),
    "organisation": frozenset(ORG_NOUNS),
    "role": frozenset(r.split()[0] for r in ROLE_NOUNS),
    "document": frozenset(d.split()[0] for d in DOCUMENTS),
}
#: pattern -> the words it needs (tests check every one against every sentence of the corpus and the real news)
GATED = {"_NAME_VERB": "speech verb", "_VERB_NAME": "speech verb", "_SURNAME_VERB": "speech verb",
         "_VERB_SURNAME": "speech verb", "_ROLE_PHRASE": "role", "_DOCUMENT": "document"}


def _needed_words(text: str) -> dict[str, bool]:
    """Return, for each group of :data:`_NEEDS`, whether one of its words is in ``text``."""
    words = small_words(text)
    return {name: not words.isdisjoint(group) for name, group in _NEEDS.items()}


def slug(name: str) -> str:
    """Return an id for a name found in the text.

    >>> slug("Raúl O’Ortega-Smith")
    'raul-oortega-smith'
    """
    import unicodedata

    plain = unicodedata.normalize("NFKD", normalise(name)).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", plain.lower().replace("'", "")).strip("-")


@dataclass
class Mention:
    """One mention in an article: ``text[start:end]`` names ``entity``."""

    start: int
    end: int
    surface: str
    kind: str  # actor | name | organisation | pronoun | role | document
    entity: str = ""  # actor id, or an id made from the name, or "" until resolved
    role: str = ""
    jurisdiction: str = ""
    is_person: bool | None = None
    possessive: bool = False
    rule: str = ""
    gender: str = ""  # female | male | "" (unknown), from a given name or a title


@dataclass
class Registry:
    """What an article has introduced so far: ids, names, roles and surnames."""

    kb: Knowledge
    names: dict[str, dict] = field(default_factory=dict)  # id -> {name, role, jurisdiction, person}
    surnames: dict[str, str] = field(default_factory=dict)  # surname -> id

    def info(self, entity: str) -> dict:
        """Return what is known of an entity: hand-curated first, then what the text said."""
        found = dict(self.names.get(entity, {}))
        actor = self.kb.actor(entity)
        if actor:
            found.update(name=actor["name"], role=actor["role"] or found.get("role", ""),
                         jurisdiction=actor["jurisdiction"] or found.get("jurisdiction", ""),
                         person=actor["kind"] == "person")
        return found

    def misspelt(self, surname: str) -> str:
        """Return the id of a person met earlier whose surname this one misspells by a letter or two, else "".

        >>> reg = Registry(Knowledge.nothing())
        >>> reg.introduce(Mention(0, 14, "Thomas Hodgson", "name", "thomas-hodgson", is_person=True))
        >>> reg.misspelt("Hodson"), reg.misspelt("Hobbs")
        ('thomas-hodgson', '')
        """
        from difflib import SequenceMatcher

        word = normalise(surname)
        if len(word) < 5:
            return ""
        for known, entity in self.surnames.items():
            if known[:1] == word[:1] and " " not in known and abs(len(known) - len(word)) <= 2 \
                    and SequenceMatcher(None, known, word).ratio() >= 0.8:
                return entity
        return ""

    def introduce(self, m: Mention) -> None:
        """Remember a named mention so later surnames and role phrases can refer back to it."""
        if not m.entity or m.kind not in ("actor", "name", "organisation"):
            return
        known = self.names.setdefault(m.entity, {"name": m.surface, "role": "", "jurisdiction": "", "person": m.is_person,
                                                 "gender": ""})
        if m.gender and not known.get("gender"):
            known["gender"] = m.gender
        if m.role and not known["role"]:
            known["role"] = m.role
        if m.jurisdiction and not known["jurisdiction"]:
            known["jurisdiction"] = m.jurisdiction
        if m.kind == "name" and m.is_person:
            parts = known["name"].split()
            if len(parts) >= 2:
                tail = parts[-1]
                # "Cesar Garcia Hernandez" -> "Garcia Hernandez" when the writer uses both surnames
                self.surnames.setdefault(normalise(tail), m.entity)
                if len(parts) >= 3:
                    self.surnames.setdefault(normalise(" ".join(parts[-2:])), m.entity)


_POSSESSIVE = re.compile(r"(?:’s|'s|’|')(?:\s|$)")


def _possessive(text: str, end: int) -> bool:
    return _POSSESSIVE.match(text, end, end + 3) is not None


def _bare(name: str) -> str:
    """Return a name without a possessive ending or trailing punctuation.

    >>> _bare("Trump’s"), _bare("Utah.")
    ('Trump', 'Utah')
    """
    return re.sub(r"(?:’s|'s|’|')$", "", name.rstrip(".,;:"))


_TOKEN = re.compile(r"\S+")
_NEXT_CAP = re.compile(rf"\s+(?:{_PARTICLE}\s+)?(?P<w>[A-ZÀ-Þ][\w'’-]*[\w])")


def person_span(text: str, start: int, end: int) -> tuple[int, int, str]:
    """Return ``(start, end, office)``: a candidate name without the office words before it or a date after it.

    A name the pattern cut short ("House Majority Leader William") is carried on over the capitalised words
    that follow. ``start == end`` when nothing but an office is left; ``office`` is the office words, in
    small letters.

    >>> t = "said House Majority Leader William Lamberth, R-Portland."
    >>> s, e, office = person_span(t, 5, 34)
    >>> t[s:e], office
    ('William Lamberth', 'house majority leader')
    >>> t = "Trump’s Border Czar warned"
    >>> person_span(t, 0, 19)
    (19, 19, 'border czar')
    """
    words = [(m.start() + start, m.end() + start) for m in _TOKEN.finditer(text[start:end])]
    office = []
    while words:
        w = text[words[0][0]:words[0][1]]
        bare = _bare(w)
        if bare in OFFICE_WORDS:
            office.append(bare)
        elif not (bare != w and len(words) > 1 and text[words[1][0]:words[1][1]] in OFFICE_WORDS):
            break  # an owner ("Trump’s") is dropped only before an office
        words.pop(0)
    while words and _bare(text[words[-1][0]:words[-1][1]]) in _AFTER_NAME:
        words.pop()
    if not words:
        return end, end, " ".join(office).lower()
    s, e = words[0][0], words[-1][1]
    n = len(words)
    if office:
        while n < 3:
            m = _NEXT_CAP.match(text, e)
            if not m or m.group("w") in _STOP or m.group("w") in OFFICE_WORDS or m.group("w") in _AFTER_NAME:
                break
            e, n = m.end(), n + 1
    if e > s and text[e - 1] in ".,;:" and not re.search(r"\b[A-Z]\.$", text[s:e]):
        e -= 1
    return s, e, " ".join(office).lower()


def given_gender(name: str) -> str:
    """Return "female" or "male" when a name's first word is a common given name of that kind, else "".

    >>> given_gender("Maria Ruiz"), given_gender("Tom Okafor"), given_gender("Okafor")
    ('female', 'male', '')
    """
    words = name.split()
    for i, first in enumerate(words[:-1]):  # past a title or a place ("President Donald Trump", "Chicago Mayor Ann Lee")
        if first in GIVEN_FEMALE or first in GIVEN_MALE:
            return "female" if first in GIVEN_FEMALE else "male"
    return ""


def _strip_stop(place: str) -> str:
    words = place.split()
    while words and (words[0] in _STOP or words[0].lower() in ("the", "a", "an")):
        words = words[1:]
    return " ".join(words)


def _role_from_appositive(app: str) -> tuple[str, str]:
    """Return (role, jurisdiction) from an appositive such as 'the Harris County sheriff'.

    >>> _role_from_appositive("the Harris County sheriff")
    ('sheriff', 'Harris County')
    >>> _role_from_appositive("mayor of Ocala")
    ('mayor', 'Ocala')
    """
    app = re.sub(r"^(?:the|a|an)\s+", "", app.strip())
    app = re.split(r"\s+(?:who|which|that|whose)\b", app)[0]
    m = re.match(r"(?P<role>[^A-Z]+?)\s+(?:of|for|at|in)\s+(?:the\s+)?(?P<place>[A-Z].*)$", app)
    if m:
        return m.group("role").strip().lower(), m.group("place").strip()
    caps = re.findall(rf"{_CAP}(?:\s+{_CAP})*", app)
    jurisdiction = caps[0] if caps else ""
    role = app.replace(jurisdiction, "", 1) if jurisdiction else app
    return re.sub(r"\s+", " ", role).strip(" ,").lower(), jurisdiction


def _actor_pattern(kb: Knowledge):
    """Return one compiled pattern of every hand-curated actor name and alias, longest first (None without any).

    Built once per knowledge object and kept on it: every sentence of every article reads it.
    """
    cached = kb.__dict__.get("_actor_pattern", False)
    if cached is False:
        forms = [s for s, (e, _) in kb.surfaces.items() if e == "actor"]
        cached = re.compile(r"(?<![\w@])(?:" + "|".join(re.escape(s) for s in sorted(forms, key=len, reverse=True))
                            + r")(?![\w’'-]?\w)") if forms else None
        kb.__dict__["_actor_pattern"] = cached
    return cached


def find(text: str, registry: Registry, offset: int = 0) -> list[Mention]:
    """Return the actor-like mentions in ``text`` (persons, organisations, pronouns, roles, documents).

    Offsets are ``offset + position in text``. Overlaps are resolved in favour
    of the longest mention; known names (hand-curated) win over guessed ones.

    >>> reg = Registry(Knowledge.nothing())
    >>> [(m.surface, m.kind, m.role, m.jurisdiction) for m in find("Springfield Mayor Ana Ruiz said it.", reg)]
    [('Ana Ruiz', 'name', 'mayor', 'Springfield')]
    """
    norm = normalise(text)
    cands: list[tuple[int, Mention]] = []  # (priority, mention)

    def known(name: str):
        hit = registry.kb.surfaces.get(normalise(name).strip())
        return hit[1] if hit and hit[0] == "actor" else None

    def add(priority, start, end, kind, entity="", role="", jurisdiction="", person=None, rule="", gender=""):
        owner = re.search(r"(?:’s|'s)$", text[start:end]) if kind in ("name", "organisation") else None
        if owner:  # "Carlos Gimenez's": the name, marked as an owner
            if entity == slug(text[start:end]):
                entity = slug(text[start:owner.start() + start])
            end = start + owner.start()
        if person and not gender and kind in ("name", "actor"):
            gender = given_gender(text[start:end])
        cands.append((priority, Mention(offset + start, offset + end, text[start:end], kind, entity, role,
                                        jurisdiction, person, _possessive(text, end), rule, gender)))

    def add_person(priority, start, end, rule, role="", jurisdiction=""):
        """Add a guessed person's name, without the office words before it; an office alone is a role phrase."""
        s, e, office = person_span(text, start, end)
        if s == e:
            if office:
                add(priority, start, end, "role", "", office, "", True, rule + " (an office, no name)")
            return
        name = text[s:e]
        last = _bare(name.split()[-1])
        if last in PARTY_WORDS:  # "the Kentucky Republican told": the person the text is about
            add(priority, start, end, "role", "", last.lower(), "", True, rule + " (a party, no name)")
            return
        if registry.kb.surfaces.get(normalise(name), ("",))[0] == "place" or name in _STOP or (
                not known(name) and any(_bare(w) in NOT_A_PERSON or w.isupper() and len(w) > 1 for w in name.split())):
            return
        entity = known(name)
        add(priority, s, e, "actor" if entity else "name", entity or slug(name), role or office, jurisdiction, True, rule)

    # hand-curated names and aliases (persons and organisations), longest first
    pattern = _actor_pattern(registry.kb)
    if pattern is not None:
        for m in pattern.finditer(norm):
            entity = registry.kb.surfaces[m.group(0)][1]
            actor = registry.kb.actor(entity)
            add(3, m.start(), m.end(), "actor", entity, actor.get("role", ""), actor.get("jurisdiction", ""),
                actor.get("kind") == "person", "hand-curated alias")
    for m in (_TITLED.finditer(text) if _TITLE_WORDS.search(text) else ()):  # a title must be there
        name, place = _bare(m.group("name")), _strip_stop(m.group("place"))
        ns, ne, _ = person_span(text, m.start("name"), m.start("name") + len(name))
        if ns == ne:
            continue  # "Mayor Monday": a title before a date or another office
        name = text[ns:ne]
        start = m.start("place") + m.group("place").find(place) if place else m.start("title")
        end = m.end() if m.group("of") and ne == m.start("name") + len(_bare(m.group("name"))) else ne
        entity = known(name) or known(f"{m.group('title')} {name}")
        jurisdiction = place or _bare(m.group("of") or "")
        title = m.group("title")
        gender = "female" if re.search(r"woman$|^(?:Mrs|Ms)\.?$", title) else "male" if re.search(r"man$", title) else ""
        add(2, start, end, "actor" if entity else "name", entity or slug(name), TITLES[title],
            jurisdiction, True, "title before a name", gender)
        cands[-1][1].surface = name if not entity else cands[-1][1].surface
    for m in _APPOSITIVE.finditer(text):
        name = m.group("name")
        if name.split()[0] in _STOP or known(name) is None and registry.kb.surfaces.get(normalise(name), ("",))[0] == "place":
            continue
        role, jurisdiction = _role_from_appositive(m.group("app"))
        entity = known(name)
        add(2, m.start("name"), m.end("name"), "actor" if entity else "name", entity or slug(name), role,
            jurisdiction, True, "name, then role")
    has = _needed_words(text)
    capitals = set(_CAPITAL_WORD.findall(text))  # one pass: the patterns below need one of these words
    titled = _TITLE_WORDS.search(text) is not None
    for rx in (_NAME_VERB, _VERB_NAME) if has["speech verb"] else ():
        for m in rx.finditer(text):
            name = _bare(m.group("name"))
            if name.split()[0] in _STOP:
                name = _strip_stop(name)
                if len(name.split()) < 2:
                    continue
            start = m.start("name") + m.group("name").find(name)
            if registry.kb.surfaces.get(normalise(name), ("",))[0] == "place":
                continue
            org = name.split()[-1] in ORG_WORDS
            entity = known(name)
            if org or entity:
                add(1, start, start + len(name), "actor" if entity else "organisation",
                    entity or slug(name), "", "", not org, "name next to a speech verb")
            else:
                add_person(1, start, start + len(name), "name next to a speech verb")
    for m in _AGED.finditer(text):
        name = _strip_stop(m.group("name"))
        if len(name.split()) >= 2:
            start = m.start("name") + m.group("name").find(name)
            add(1, start, start + len(name), "actor" if known(name) else "name", known(name) or slug(name), "", "", True,
                "name with an age")
    for rx in (_SURNAME_VERB, _VERB_SURNAME) if has["speech verb"] else ():
        for m in rx.finditer(text):
            name = m.group("name")
            if name in OFFICE_WORDS and rx is _SURNAME_VERB:
                add(0, m.start("name"), m.end("name"), "role", "", name.lower(), "", True, "an office next to a speech verb")
                continue
            if name in _STOP or name in ORG_WORDS or name in OFFICE_WORDS or registry.kb.surfaces.get(normalise(name), ("",))[0] == "place":
                continue
            entity = known(name) or registry.surnames.get(normalise(name), "")
            if not entity and name in NOT_A_PERSON:
                continue
            entity = entity or registry.misspelt(name)
            add(0, m.start("name"), m.end("name"), "actor" if known(name) else "name", entity or slug(name), "", "", True,
                "surname next to a speech verb")
    starts = [t.start() for t in _TITLE_WORDS.finditer(text)] if titled else []
    starts += [t.start() for t in _HONORIFIC.finditer(text)] if not capitals.isdisjoint(("Mr", "Mrs", "Ms")) else []
    for m in filter(None, (_TITLED_SURNAME.match(text, at) for at in starts)):
        name, title = m.group("name"), m.group("title")
        if name in _STOP or name in OFFICE_WORDS or name in NOT_A_PERSON or name in ORG_WORDS:
            continue
        entity = known(name) or registry.surnames.get(normalise(name), "") or registry.misspelt(name)
        gender = "female" if title in ("Mrs.", "Ms.") or title.endswith("woman") else "male" if title == "Mr." or title.endswith("man") else ""
        add(1, m.start("name"), m.end("name"), "actor" if known(name) else "name", entity or slug(name),
            TITLES.get(title, ""), "", True, "title before a surname", gender)
    for m in _ROLE_BEFORE.finditer(text) if has["role"] or has["media"] else ():
        add_person(1, m.start("name"), m.end("name"), "role, then name", m.group("role"))
    for m in _GIVEN_ALONE.finditer(text) if not capitals.isdisjoint(_GIVEN) else ():
        given = m.group("given")
        if given in _GIVEN:
            add(1, m.start("given"), m.end("given"), "name", slug(given), "", "", True, "a given name alone",
                "female" if given in GIVEN_FEMALE else "male")
    for m in _NAME_OF_ORG.finditer(text) if " the " in text else ():
        add_person(1, m.start("name"), m.end("name"), "name, then the organisation")
    for m in _GIVEN_NAME.finditer(text) if not capitals.isdisjoint(_GIVEN) else ():
        if m.group("given") in _GIVEN and not _possessive(text, m.end("given")):
            add_person(1, m.start(), m.end(), "given name and surname")
    for m in _OTHER_ROLE_NOUN.finditer(text) if has["media"] or has["organisation"] else ():
        lead = _OTHER_ROLE_LEAD.search(text, max(0, m.start() - 60), m.start())
        if lead:
            role = m.group("role")
            add(0, lead.start(), m.end(), "role", "", role, "", role in MEDIA_ROLES, "role phrase")
    for m in _ORG.finditer(text):
        name = m.group("name")
        whole = m.group(0)[m.start("name") - m.start():]
        if len(whole.split()) < 2 and name not in ("Post", "Times"):
            continue
        entity = known(whole) or known(name)
        news = any(name.endswith(w) for w in NEWS_WORDS)
        add(1, m.start("name"), m.end(), "actor" if entity else "organisation", entity or slug(whole),
            "news outlet" if news else "", "", False, "organisation name")
    for m in _ORG_BARE.finditer(text) if not capitals.isdisjoint(_ORG_HEADS) else ():
        name = m.group(0)
        owner = re.match(r"[\w.-]+(?:’s|'s)\s+", name)
        if owner:  # "DHS’s U.S. Immigration and Customs Enforcement": the agency, not its owner
            name = name[owner.end():]
        joined = re.search(rf"\s(?:{'|'.join(_ORG_HEADS)})(?=\s+(?:and|&)\s)", name)
        if joined:  # two organisations ("the Police Department and the Sheriff's Office"): the first
            name = name[:joined.end()]
        first = name.split()[0]
        before = re.match(r"(\S+(?:\s+[A-Z]\.)?\s+\S+)\s+(?:of|for|with)\s", name)
        person_first = before and not any(w in _ORG_HEADS or w in OFFICE_WORDS for w in before.group(1).split())
        if first in _GIVEN or first in TITLES or person_first:  # "John A. Mendez of the United States District Court"
            cut = re.search(r"\s(?:of|for|at)\s+(?:the\s+)?", name)
            name = name[cut.end():] if cut else ""
            first = name.split()[0] if name.split() else ""
        while first in _STOP or first.endswith("ing") or first in ("U.S.",) and len(name.split()) < 3:
            name = name[len(first):].lstrip()
            first = name.split()[0] if name.split() else ""
        if len(name.split()) < 2 or first in OFFICE_WORDS and first not in ("U.S.", "White", "Homeland", "Customs",
                                                                            "Immigration", "Police", "Federal", "State"):
            continue
        start = m.start() + m.group(0).find(name)
        end = start + len(name)
        entity = known(name)
        news = any(name.endswith(w) for w in NEWS_WORDS)
        add(1, start, end, "actor" if entity else "organisation", entity or slug(name),
            "news outlet" if news else "", "", False, "organisation name")
    for m in _ACRONYM_OF.finditer(text) if " of " in text and _UPPER_RUN.search(text) else ():
        entity = known(m.group("name"))
        add(1, m.start(), m.end(), "actor" if entity else "organisation", entity or slug(m.group("name")), "", "", False,
            "acronym of a place")
    for m in _ACRONYM.finditer(text):
        group = "a" if m.group("a") else "b" if m.group("b") else "c"
        entity = known(m.group(group))
        add(1, m.start(group), m.end(group), "actor" if entity else "organisation", entity or slug(m.group(group)),
            "", "", False, "acronym")
    for surname, entity in registry.surnames.items():
        if surname not in norm:  # a plain search first: most sentences name few of the people met so far
            continue
        for m in re.finditer(rf"(?<![\w-]){re.escape(surname)}(?![\w-])", norm):
            add(2, m.start(), m.end(), "name", entity, "", "", True, "surname of a name met earlier")
    for m in _PRONOUN.finditer(text):
        add(0, m.start(), m.end(), "pronoun", "", "", "", True, "pronoun")
    for m in _ROLE_PHRASE.finditer(text) if has["role"] else ():
        add(0, m.start(), m.end(), "role", "", m.group("role").lower(), "", None, "role phrase")
    for m in _DOCUMENT.finditer(text) if has["document"] else ():
        add(0, m.start(), m.end(), "document", "", m.group("doc"), "", None, "document")
    # keep the longest, then the most trusted, never overlapping
    cands.sort(key=lambda pm: (-(pm[1].end - pm[1].start), -pm[0], pm[1].start))
    chosen: list[Mention] = []
    for _, m in cands:
        if all(m.end <= c.start or m.start >= c.end for c in chosen):
            chosen.append(m)
    return sorted(chosen, key=lambda m: m.start)


def places(text: str, kb: Knowledge, offset: int = 0) -> list[tuple[int, int, str]]:
    """Return ``(start, end, place_id)`` for every hand-curated place named in ``text``.

    A place inside the name of a known organisation (the city in a
    newspaper's name) does not count.
    """
    forms = [s for s, (e, _) in kb.surfaces.items() if e == "place"]
    if not forms:
        return []
    norm = normalise(text)
    orgs = [s for s, (e, i) in kb.surfaces.items() if e == "actor" and kb.actor(i).get("kind") == "organisation"]
    blocked = []
    if orgs:
        for m in re.finditer(r"(?<!\w)(?:" + "|".join(re.escape(s) for s in sorted(orgs, key=len, reverse=True)) + r")(?!\w)", norm):
            blocked.append((m.start(), m.end()))
    found = []
    rx = re.compile(r"(?<![\w-])(?:" + "|".join(re.escape(s) for s in sorted(forms, key=len, reverse=True)) + r")(?![\w-]?\w)")
    for m in rx.finditer(norm):
        if any(s <= m.start() and m.end() <= e for s, e in blocked):
            continue
        found.append((offset + m.start(), offset + m.end(), kb.surfaces[m.group(0)][1]))
    return found
