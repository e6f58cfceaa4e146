"""Every answer to a "Your turn" exercise that is a figure, computed from the corpus.

The teacher's edition (``teaching/answers/README.md``) never types a number: where an answer is a count,
a sentence, a speaker or a share, it names the function here that computes it ("computed by
``figures.most_negative_sentence()``"). Each function reads the tables of ``helpers.pipeline.build()``, so
its answer stays right when articles are added to ``corpus/`` (or when ``SANCTUARY_CORPUS`` points at a
copy), and returns a small ``pandas.DataFrame`` or a ``str``.

Print them all::

    python -m teaching.answers.figures          # from the repository root
    python teaching/answers/figures.py          # the same

Each function takes an optional ``p`` (a built pipeline); without it, the corpus is built once per process
(from the cache in ``.cache/`` when it is current) and reused.
"""

from __future__ import annotations

import functools

import pandas as pd

from helpers import coding, evaluate, kwic, paragraphs, parties, pipeline, policies, quotebook, stance, words

#: The functions ``main()`` prints, in the order of the notebooks and their exercises:
#: (notebook, exercise number, function name).
ANSWERS: list[tuple[str, int, str]] = []


def answers(notebook: str, *numbers: int):
    """Register a function as the figure of ``notebook``'s exercises ``numbers`` (for ``main()`` and the tests)."""
    def mark(function):
        ANSWERS.extend((notebook, n, function.__name__) for n in numbers)
        function.exercises = (notebook, numbers)
        return function
    return mark


@functools.lru_cache(maxsize=None)
def _built():
    return pipeline.build()


def _p(p=None):
    """Return ``p`` or the corpus's pipeline, built once per process."""
    return p if p is not None else _built()


def _short(text: str, width: int = 110) -> str:
    """Return ``text`` on one line, cut after ``width`` characters with an ellipsis."""
    text = " ".join(str(text).split())
    return text if len(text) <= width else text[: width - 1].rstrip() + "…"


# ---------------------------------------------------------------- 00 Start here

@answers("00", 1)
def most_negative_sentence(p=None) -> pd.DataFrame:
    """The body sentence(s) TextBlob scores most negative: every sentence tied at the lowest polarity.

    Body paragraphs only (captions and headlines are not the author's own sentences); several sentences
    often share the lowest score, so all of them are returned, with VADER's compound score beside.
    """
    sents = _p(p).sentences
    body = sents[sents["paragraph_type"] == "body"]
    lowest = body["polarity"].min()
    rows = body[body["polarity"] == lowest]
    return rows[["article_id", "sentence", "polarity", "vader_compound", "text"]].reset_index(drop=True)


@answers("00", 2)
def keyword_counts(p=None, keywords: tuple[str, ...] = ("ICE", "immigra*")) -> pd.DataFrame:
    """How often each article uses each keyword (keyword-in-context hits), most first for the first keyword.

    Also gives each article's number of words, since a longer article has more room for any word.
    """
    built = _p(p)
    counts = {word: kwic.kwic(built.sentences, built.articles, word).groupby("article_id").size()
              for word in keywords}
    table = pd.DataFrame(counts).reindex(built.articles["article_id"]).fillna(0).astype(int)
    table["words in article"] = built.articles.set_index("article_id")["text"].str.split().str.len()
    return table.sort_values(list(keywords), ascending=False).rename_axis("article_id").reset_index()


@answers("00", 3)
def caption_and_boilerplate(p=None) -> pd.DataFrame:
    """Every paragraph labelled caption or boilerplate, with the rule that decided and the hand label."""
    built = _p(p)
    paras = built.paragraphs
    agree = paragraphs.agreement(paras, paragraphs.reference())
    picked = paras[paras["paragraph_type"].isin(["caption", "boilerplate"])]
    hand = agree.set_index(["article_id", "paragraph"])["hand_type"]
    keys = list(zip(picked["article_id"], picked["paragraph"]))
    return pd.DataFrame({
        "article_id": picked["article_id"].to_numpy(), "paragraph": picked["paragraph"].to_numpy(),
        "automatic": picked["paragraph_type"].to_numpy(), "rule": picked["rule"].to_numpy(),
        "hand": [hand.get(k, "not hand-labelled") for k in keys],
        "text": [_short(t, 80) for t in picked["text"]],
    })


# ---------------------------------------------------------------- 01 Stance

@answers("01", 1)
def most_positive_quotation(p=None) -> pd.DataFrame:
    """The quotation(s) TextBlob scores most positive, with both stances (tied ones all returned)."""
    book = _p(p).book
    rows = book[book["polarity"] == book["polarity"].max()]
    return rows[["speaker", "polarity", "vader_compound", "stance_hand", "stance_auto", "text", "ref"]].reset_index(drop=True)


@answers("01", 2)
def republicans_by_stance(p=None) -> pd.DataFrame:
    """Each Republican speaker: office, jurisdiction, quotations by hand-coded stance, and the speaker's stance.

    ``speaker stance`` is MIXED for a speaker with both FAVOR and AGAINST quotations.
    """
    book = _p(p).book
    rep = book[book["party"] == "Republican"]
    counts = pd.crosstab(rep["speaker"], rep["stance_hand"]).reindex(columns=["FAVOR", "AGAINST", "NONE"], fill_value=0)
    first = rep.drop_duplicates("speaker").set_index("speaker")
    table = counts.assign(role=first["role"], jurisdiction=first["jurisdiction"])
    table["speaker stance"] = ["MIXED" if f and a else "FAVOR" if f else "AGAINST" if a else "NONE"
                               for f, a in zip(table["FAVOR"], table["AGAINST"])]
    order = {"FAVOR": 0, "MIXED": 1, "AGAINST": 2, "NONE": 3}
    table = table.sort_values("speaker stance", key=lambda s: s.map(order), kind="stable")
    return table[["role", "jurisdiction", "FAVOR", "AGAINST", "NONE", "speaker stance"]].reset_index()


@answers("01", 2)
def guinn_quotations(p=None, speaker: str = "Kent Guinn") -> pd.DataFrame:
    """One speaker's quotations with their hand-coded stance (Ocala's mayor by default)."""
    book = _p(p).book
    rows = book[book["speaker"] == speaker]
    return rows[["text", "stance_hand", "polarity", "ref"]].reset_index(drop=True)


@answers("01", 3)
def rules_against_coder(p=None) -> pd.DataFrame:
    """The quotations on which the automatic stance differs from the hand coding, with the rules' cues."""
    book = _p(p).book
    rows = book.loc[~book["agrees"], ["speaker", "text", "stance_hand", "stance_auto", "cues", "ref"]]
    return rows.assign(cues=rows["cues"].replace("", "(no cue)")).reset_index(drop=True)


@answers("01", 4)
def stance_by_year(p=None) -> pd.DataFrame:
    """Quotations per year by hand-coded stance, with shares (``quotebook.counts(book, "year")``)."""
    return quotebook.counts(_p(p).book, "year").reset_index()


@answers("01", 4)
def none_quotations(p=None, year: int = 2026) -> pd.DataFrame:
    """The NONE quotations of one year (2026 by default): who speaks, and in what role."""
    book = _p(p).book
    rows = book[(book["year"] == year) & (book["stance_hand"] == "NONE")]
    return rows[["speaker", "role", "party", "text", "ref"]].reset_index(drop=True)


# ---------------------------------------------------------------- 02 City policies

@answers("02", 1)
def jurisdiction_actions(p=None, jid: str = "philadelphia") -> pd.DataFrame:
    """One jurisdiction's policy actions (Philadelphia by default): date, category, direction and who acted."""
    built = _p(p)
    acts, kb = built.policies, built.knowledge
    mine = acts[acts["jurisdiction"] == jid]
    names = dict(zip(kb.actors["id"], kb.actors["name"]))
    return pd.DataFrame({
        "date": mine["date_label"].to_numpy(), "category": mine["category"].to_numpy(),
        "direction": mine["direction"].to_numpy(),
        "actor": [names.get(a, "not named in the text") for a in mine["actor_id"]],
        "evidence": [_short(e) for e in mine["evidence"]],
    })


def _latest_direction(acts: pd.DataFrame, year: int) -> pd.Series:
    """Each jurisdiction's direction of its latest action dated up to the end of ``year`` (as the map colours it)."""
    upto = acts[acts["year"] <= year].sort_values("start", kind="stable")
    return upto.groupby("jurisdiction")["direction"].last()


@answers("02", 2)
def map_changes(p=None, before: int = 2016, after: int = 2017) -> pd.DataFrame:
    """The jurisdictions whose map bubble changes between two years of the slider: new, or a new colour.

    A bubble's colour is the direction of its latest action up to the end of the year shown; ``change``
    says whether the bubble changes colour or first appears, with the evidence of the action behind it.
    """
    built = _p(p)
    acts, kb = built.policies, built.knowledge
    was, now = _latest_direction(acts, before), _latest_direction(acts, after)
    rows = []
    for jid, direction in now.items():
        if jid in was and was[jid] == direction:
            continue
        latest = acts[(acts["jurisdiction"] == jid) & (acts["year"] <= after)].sort_values("start", kind="stable").iloc[-1]
        rows.append({"jurisdiction": kb.place_name(jid),
                     "change": f"colour: {was[jid]} to {direction}" if jid in was else f"new bubble: {direction}",
                     "date": latest["date_label"], "category": latest["category"],
                     "evidence": _short(latest["evidence"])})
    table = pd.DataFrame(rows, columns=["jurisdiction", "change", "date", "category", "evidence"])
    return table.sort_values("change", key=lambda s: ~s.str.startswith("colour"), kind="stable").reset_index(drop=True)


@answers("02", 3)
def jurisdiction_titles(p=None, a: str = "new-york-city", b: str = "chicago") -> pd.DataFrame:
    """What the side-by-side panel titles count: each jurisdiction's officials' quotations by stance, and its actions."""
    built = _p(p)
    book, acts, kb = built.book, built.policies, built.knowledge
    rows = []
    for jid in (a, b):
        people = kb.actors[(kb.actors["jurisdiction"] == jid) & (kb.actors["kind"] == "person")]["id"]
        quotes = book[book["speaker_id"].isin(people)]
        counts = quotes["stance_hand"].value_counts()
        mine = acts[acts["jurisdiction"] == jid]
        rows.append({"jurisdiction": kb.place_name(jid), "quotations": len(quotes),
                     **{s: int(counts.get(s, 0)) for s in ("FAVOR", "AGAINST", "NONE")},
                     "speakers": ", ".join(dict.fromkeys(quotes["speaker"])) or "(none)",
                     "actions": len(mine), "years of actions": ", ".join(str(y) for y in sorted(set(mine["year"])))})
    return pd.DataFrame(rows)


@answers("02", 4)
def missed_actions(p=None) -> pd.DataFrame:
    """The hand-coded actions the automatic pass does not find, with their evidence sentence."""
    built = _p(p)
    cov = policies.coverage(policies.candidates(built.sentences), built.policies)
    missed = cov.loc[~cov["found"]]
    return pd.DataFrame({"jurisdiction": [built.knowledge.place_name(j) for j in missed["jurisdiction"]],
                         "category": missed["category"].to_numpy(),
                         "evidence": [_short(e) for e in missed["evidence"]]})


#: A sentence of the Boston shelter promise's kind, and one a too-broad cue would wrongly catch.
CUE_TRIALS = {
    "the evidence (missed)": "Boston Mayor Marty Walsh was firm in his resistance this week – promising that if "
                             "necessary, he would “use City Hall itself to shelter and protect anyone who is "
                             "targeted unjustly.”",
    "should match (invented)": "The mayor promised to shelter anyone targeted by ICE in City Hall.",
    "should not match (invented)": "The city opened City Hall as a shelter during the snowstorm.",
}


@answers("02", 4)
def cue_trial(p=None) -> pd.DataFrame:
    """What ``policies.candidate()`` says, as it stands, about the missed shelter promise and two test sentences.

    A good new cue must turn the first two into candidates and leave the third alone.
    """
    rows = []
    for name, text in CUE_TRIALS.items():
        found = policies.candidate(text)
        rows.append({"sentence": name, "text": _short(text, 90),
                     "candidate now": "no" if found is None else f"yes: {found[0] or '(no category)'}, {found[1]}"})
    return pd.DataFrame(rows)


# ---------------------------------------------------------------- 03 Party breakdown

@answers("03", 1)
def republicans_against(p=None) -> pd.DataFrame:
    """The Republican speakers with AGAINST quotations: the words, and the office facts behind them."""
    built = _p(p)
    book = built.book
    people = parties.actors(built.knowledge, book).set_index("id")
    rows = book[(book["party"] == "Republican") & (book["stance_hand"] == "AGAINST")]
    return pd.DataFrame({
        "speaker": rows["speaker"].to_numpy(), "role": rows["role"].to_numpy(),
        "jurisdiction": rows["jurisdiction"].to_numpy(),
        "party source": [people["party_source"].get(s, "") for s in rows["speaker_id"]],
        "nonpartisan office": [people["nonpartisan_office"].get(s, "") for s in rows["speaker_id"]],
        "text": [_short(t) for t in rows["text"]],
    })


@answers("03", 2)
def democrats_per_quote_and_speaker(p=None, party: str = "Democratic") -> pd.DataFrame:
    """One party's stance counted per quotation and per speaker, and its most quoted speakers."""
    book = _p(p).book
    quote = parties.stance_counts(book, level="quote").loc[[party]]
    actor = parties.stance_counts(book, level="actor").loc[[party]]
    rows = [{"counted per": "quotation", **{c: quote[c].iloc[0] for c in quote.columns}},
            {"counted per": "speaker", **{c: actor[c].iloc[0] for c in actor.columns}}]
    table = pd.DataFrame(rows).fillna(0)
    top = book[book["party"] == party]["speaker"].value_counts()
    table["most quoted"] = f"{top.index[0]}: {top.iloc[0]} of {top.sum()} quotations" if len(top) else ""
    return table


@answers("03", 3)
def words_past_threshold(p=None, alpha0: float = 50) -> pd.DataFrame:
    """Words reaching |z| >= 1.96 with a prior of weight ``alpha0``, and which speakers said them.

    With the notebook's prior (``alpha0=500``) none does on the five articles; with ``alpha0=50`` some may.
    Returns every word past the threshold (or, if none, the strongest three), with the speakers who use it.
    """
    built = _p(p)
    book, sents = built.book, built.sentences
    body = sents[sents["paragraph_type"] == "body"]["text"]
    dem, rep = book[book["party"] == "Democratic"], book[book["party"] == "Republican"]
    terms = words.distinctive(dem["text"], rep["text"], background_texts=body, alpha0=alpha0)
    past = terms[terms["z"].abs() >= 1.96]
    shown = past if len(past) else terms.reindex(terms["z"].abs().sort_values(ascending=False).index).head(3)
    rows = []
    for t in shown.itertuples():
        pattern = kwic.pattern(t.term)
        users = pd.concat([dem, rep])
        users = users[users["text"].str.contains(pattern)]
        counts = users["speaker"].value_counts()
        rows.append({"word": t.term, "z": round(float(t.z), 2), "Democratic uses": int(t.count_a),
                     "Republican uses": int(t.count_b), "past 1.96": abs(t.z) >= 1.96,
                     "said by": ", ".join(f"{s} ({n})" for s, n in counts.items())})
    return pd.DataFrame(rows)


@answers("03", 4)
def polarity_by_period(p=None, party: str = "Democratic") -> pd.DataFrame:
    """One party's mean TextBlob polarity per period, with its interval, speakers, and the change between periods."""
    table = parties.by_period(parties.with_period(_p(p).book))
    rows = table[table["party"] == party][["period", "n", "n_speakers", "speakers", "polarity", "lo", "hi"]].reset_index(drop=True)
    if len(rows) >= 2:
        first, last = rows.iloc[0], rows.iloc[-1]
        overlap = not (first["hi"] < last["lo"] or last["hi"] < first["lo"])
        rows["change from first period"] = (rows["polarity"] - first["polarity"]).round(3)
        rows["intervals overlap"] = overlap
    return rows


# ---------------------------------------------------------------- 04 Methods and validation

def _pairs(built):
    merged = evaluate.match(built.quotations, built.hand)
    return merged, evaluate.speech_pairs(merged)


@answers("04", 1)
def methods_disagreements(p=None) -> pd.DataFrame:
    """Every disagreement of section 7: the difference, the quotation, the cues and the coder's note."""
    built = _p(p)
    merged, _ = _pairs(built)
    table = evaluate.disagreements(merged, built.sentences)
    return table.assign(quote=[_short(q, 80) for q in table["quote"]],
                        cues=table["cues"].replace("", "(no cue)").map(lambda c: _short(c, 60)))[
        ["article_id", "difference", "quote", "cues", "hand note"]]


@answers("04", 2)
def most_positive_pair(p=None) -> pd.DataFrame:
    """The matched speech quotation(s) TextBlob scores most positive (``scored`` of section 9), with both stances."""
    _, pairs = _pairs(_p(p))
    scored = evaluate.with_polarity(pairs)
    rows = scored[scored["polarity"] == scored["polarity"].max()]
    return rows[["article_id", "text", "polarity", "stance_hand", "stance_auto"]].reset_index(drop=True)


#: Sentences a mayor might say, with the stance a coder would give them (invented, for exercise 04.3).
LEXICON_TRIALS = {
    "We will not let ICE tear families apart.": "AGAINST",
    "Our jails will hand every undocumented inmate over to ICE.": "FAVOR",
    "We will proudly cooperate with our immigrant communities.": "AGAINST",
    "We will welcome ICE agents with open arms.": "FAVOR",
    "Our city will never be a sanctuary for criminals.": "FAVOR",
    "You are safe in Chicago.": "AGAINST",
}


@answers("04", 3)
def lexicon_trials(p=None) -> pd.DataFrame:
    """The cue lexicon on a few invented sentences: its cues, its label, and the label a coder would give."""
    rows = []
    for text, expected in LEXICON_TRIALS.items():
        found = stance.cues(text)
        label = stance.decide(found)
        rows.append({"sentence": text, "cues": "; ".join(f"{name}: {words_}" for name, _, words_ in found) or "(no cue)",
                     "lexicon says": label, "coder says": expected, "right": label == expected})
    return pd.DataFrame(rows)


# ---------------------------------------------------------------- 05 Code it yourself

def _today(built):
    return coding.today(built.book, built.articles, built.quotations, built.knowledge)


@answers("05", 1)
def example_disagreements(p=None) -> pd.DataFrame:
    """The quotations the three invented example coders do not all label alike, with every label."""
    built = _p(p)
    today = _today(built)
    examples = coding.coders(examples=True)
    wide = coding.table(today, examples)
    table = coding.disagreements(wide, today).drop(columns="unit")
    return table.assign(text=[_short(t, 70) for t in table["text"]])


@answers("05", 2)
def automatic_against_coders(p=None, examples: bool = True) -> pd.DataFrame:
    """The quotations on which the automatic label differs from a coder (the example coders by default)."""
    built = _p(p)
    today = _today(built)
    answers_ = coding.coders(examples=examples)
    wide = coding.table(today, answers_)
    names = list(answers_)
    apart = wide[names].ne(wide["automatic"], axis=0) & wide[names].notna()
    rows = wide[apart.any(axis=1)]
    text = today.set_index("unit")["text"]
    return pd.DataFrame({
        "text": [_short(text[u], 70) for u in rows.index],
        "automatic": rows["automatic"].to_numpy(), "reference": rows["reference"].to_numpy(),
        "coders who differ": [", ".join(n for n in names if apart.loc[u, n]) for u in rows.index],
    })


@answers("05", 2)
def coder_kappas(p=None, examples: bool = True) -> pd.DataFrame:
    """Each coder's Cohen's kappa with the reference and with the automatic labels (the example coders by default)."""
    built = _p(p)
    wide = coding.table(_today(built), coding.coders(examples=examples))
    table = coding.agreement(wide)
    return table[table["measure"] == "Cohen's kappa"].reset_index(drop=True)


# ---------------------------------------------------------------- all of them

FUNCTIONS = {name: globals()[name] for _, _, name in ANSWERS}


def main() -> None:
    """Print every figure, notebook by notebook and exercise by exercise."""
    with pd.option_context("display.width", 200, "display.max_colwidth", 110, "display.max_columns", 20):
        shown = set()
        for notebook, number, name in ANSWERS:
            if name in shown:
                continue
            shown.add(name)
            function = FUNCTIONS[name]
            numbers = ", ".join(f"{notebook}.{n}" for n in function.exercises[1])
            print(f"== {numbers}: figures.{name}()")
            print((function.__doc__ or "").strip().splitlines()[0])
            result = function()
            print(result.to_string(index=False) if isinstance(result, pd.DataFrame) else result)
            print()


if __name__ == "__main__":
    main()
