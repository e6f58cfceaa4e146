"""Quotations, kinds and speakers: unit cases, invented news paragraphs, the hand-coded reference."""

import pandas as pd
import pytest

from helpers import annotate, corpus, evaluate, knowledge, quotes
from helpers.corpus import CorpusError

from conftest import rewrite_csv

NO_KNOWLEDGE = knowledge.Knowledge.nothing()


def annotate_text(body: str, kb=NO_KNOWLEDGE) -> pd.DataFrame:
    """Annotate one invented article: a headline, then the given paragraphs."""
    text = "City leaders split over immigration enforcement\n\n" + body.strip() + "\n"
    articles = pd.DataFrame([{"article_id": "t", "text": text}])
    sents = annotate.sentences(articles)
    found = quotes.find(articles, sents, kb)
    return found.assign(content=found["text"].str.strip("\"“” "))


def speakers(frame):
    return [(q.content[:25], q.kind, q.speaker) for q in frame.itertuples()]


@pytest.mark.parametrize("text, expected", [
    ('He said "yes,” then “no" and “never.', ['"yes,”', '“no"']),
    ('““Twice,” she said.', ['““Twice,”']),
    ('An opening “ that never closes.', []),
    ('” a stray closing mark, then "a quote" here.', ['"a quote"']),
    ('""', []),
    ('only those “mission critical“ to public safety', ['“mission critical“']),
    ('She said: ”This tragedy will grow,” and left.', ['”This tragedy will grow,”']),
    ('“You always have so much fear,’’ she said.', ['“You always have so much fear,’’']),
])
def test_spans_mixed_doubled_and_unbalanced_marks(text, expected):
    assert [text[s:e] for s, e in quotes.spans(text)] == expected


@pytest.mark.parametrize("paragraph, kind", [
    ('Critics called it a so-called "sanctuary county" policy.', "not speech"),
    ('She described the term “detainer” to the panel.', "not speech"),
    ('He appeared on NBC’s "Meet the Press" on Sunday.', "not speech"),
    ('The council cited a report, “Counting Every Resident,” in its vote.', "not speech"),
    ('Tucson declared itself a "welcoming city," last year.', "not speech"),
    ('Most migrants are “honest.”', "not speech"),
    ('Ruiz said, "We will not comply with that request."', "full"),
    ('Ruiz said the order was "a cruel joke."', "partial"),
    ('Demonstrators held signs declaring “ICE out of Springfield” downtown.', "not speech"),
    ('Federal code says “the alien shall be removed within 90 days” of an order.', "not speech"),
    ('The county now faces “sanctuary jurisdiction” status under the rule.', "not speech"),
    ('The mayor vowed to “fight back” against the raids.', "partial"),
    ('The sheriff accused the city of “playing politics.”', "partial"),
    ('Ann Lee, a law professor, said, “The courts have not settled it.”', "full"),
    ('In his ruling, Judge Ann Lee stated, “These arguments are beyond the reach of this Court.”', "not speech"),
    ('A study said that “sanctuary counties” have lower crime rates.', "not speech"),
    ('Critics compared it to the “show me your papers” law in Arizona.', "not speech"),
    ('The mayor said the city “will not back down” from the fight.', "partial"),
])
def test_kind(paragraph, kind):
    (s, e), = quotes.spans(paragraph)
    assert quotes.kind(paragraph, s, e)[0] == kind


def test_attribution_after_before_split_and_pronoun():
    found = annotate_text("""
Springfield Mayor Ana Ruiz said Tuesday that her city would not hand anyone over to federal agents without a judge's warrant.

"We will not do ICE's job for them," Ruiz said. "Not now, not ever."

Tom Okafor, the Sangamon County sheriff, disagreed. "If ICE sends a detainer, we will honor it," he told the newspaper.

"Public safety comes first," said Lena Marsh, a county commissioner. She added that the jail "will keep working with ICE on every detainer."
""")
    assert speakers(found) == [
        ("We will not do ICE's job ", "full", "Ana Ruiz"),
        ("Not now, not ever.", "full", "Ana Ruiz"),
        ("If ICE sends a detainer, ", "full", "Tom Okafor"),
        ("Public safety comes first", "full", "Lena Marsh"),
        ("will keep working with IC", "partial", "Lena Marsh"),
    ]
    ruiz = found.iloc[0]
    assert (ruiz.speaker_id, ruiz.speaker_role, ruiz.speaker_jurisdiction, ruiz.speaker_known) == ("ana-ruiz", "mayor", "Springfield", False)
    okafor = found.iloc[2]
    assert (okafor.speaker_role, okafor.speaker_jurisdiction) == ("sheriff", "Sangamon County")
    assert list(found["stance"]) == ["AGAINST", "AGAINST", "FAVOR", "FAVOR", "FAVOR"]


def test_pronoun_goes_to_the_subject_not_the_last_name():
    found = annotate_text("""
Gov. Nadia Brook of Idaho spoke by phone with Boise Mayor Carl Hunt on Monday about the new jail policy.

"Every jail in this state will honor every ICE detainer," she said afterwards.
""")
    assert speakers(found) == [("Every jail in this state ", "full", "Nadia Brook")]


def test_organisations_tweets_memos_and_continuing_paragraphs():
    found = annotate_text("""
"Families are afraid to send their children to school," the Lakeshore Immigrant Alliance said in a statement.

ICE said in a statement that the agency "will continue to enforce federal law in every county."

Mayor Dana Whitfield wrote in a memo to department heads that no employee may "share information with federal immigration agents without a warrant."

"This city will not be bullied," Whitfield wrote on X. "We have the law on our side.

"And we will see them in court."
""")
    assert speakers(found) == [
        ("Families are afraid to se", "full", "Lakeshore Immigrant Alliance"),
        ("will continue to enforce ", "partial", "ICE"),
        ("share information with fe", "partial", "Dana Whitfield"),
        ("This city will not be bul", "full", "Dana Whitfield"),
        ("And we will see them in c", "full", "Dana Whitfield"),
    ]
    assert list(found["stance"]) == ["AGAINST", "FAVOR", "AGAINST", "AGAINST", "AGAINST"]


def test_unbalanced_marks_never_raise():
    found = annotate_text("""
"We are not going anywhere, the mayor said, and the crowd cheered.

“Keep going,” said Rosa Delgado, an organizer. “Keep “going.
""")
    assert speakers(found) == [("Keep going,", "full", "Rosa Delgado")]


# --- the hand-coded reference -------------------------------------------------



def test_reference_spans_are_the_article_text(articles):
    ref = quotes.reference(articles)
    texts = dict(zip(articles["article_id"], articles["text"]))
    assert len(ref) == 65
    assert all(texts[r.article_id][r.start:r.end] == r.text for r in ref.itertuples())
    assert ref[ref["kind"] != "not speech"]["stance"].value_counts().to_dict() == {"AGAINST": 43, "FAVOR": 9, "NONE": 7}


@pytest.mark.parametrize("change, message", [
    (lambda r: r[0].update(speaker_id="donald-j-trump"),
     r"quotes.csv, row 2, field 'speaker_id': expected the id of an actor in knowledge/actors.csv; found unknown actor id 'donald-j-trump'"),
    (lambda r: r[0].update(stance="PRO"),
     r"quotes.csv, row 2, field 'stance': expected a stance from the codebook: 'FAVOR', 'AGAINST', 'NONE'; found 'PRO'"),
    (lambda r: r[0].update(kind="quote"),
     r"quotes.csv, row 2, field 'kind': expected a kind from the codebook: 'full', 'partial', 'not speech'; found 'quote'"),
    (lambda r: r[0].update(text='"deportation forces"'),
     r"quotes.csv, row 2, field 'text': expected exactly the article's text from 447 to 466, .*found '\"deportation forces\"', and those words are not in the article"),
    (lambda r: r[0].update(start="448"),
     r"quotes.csv, row 2, field 'text': expected exactly the article's text from 448 to 466.*those words are at 447:466"),
    (lambda r: r[1].update(start="460", text=None) or r[1].update(text=None),
     None),
    (lambda r: r[1].update(speaker_id="donald-trump"),
     r"quotes.csv, row 3, field 'stance': expected an empty cell for a quotation that is 'not speech'|field 'speaker_id': expected an empty cell"),
    (lambda r: r[0].update(article_id="abc-2016"),
     r"row 2, field 'article_id': expected the id of an article in the corpus; found unknown article 'abc-2016'"),
])
def test_bad_reference_rows(tmp_corpus, articles, change, message):
    path = tmp_corpus / "annotations" / "quotes.csv"
    if message is None:  # an overlapping span: make row 3 start inside row 2
        texts = dict(zip(articles["article_id"], articles["text"]))

        def overlap(rows):
            rows[1]["start"] = "460"
            rows[1]["text"] = texts[rows[1]["article_id"]][460:int(rows[1]["end"])]
        change, message = overlap, r"quotes.csv, row 3, field 'start': expected a span that does not overlap another quotation of abc-2016-11-17; found 460:490, which overlaps 447:466 in row 2"
    rewrite_csv(path, change)
    with pytest.raises(CorpusError, match=message):
        quotes.reference(articles, corpus_dir=tmp_corpus)


# --- agreement: the corpus and the invented articles ------------------------------

@pytest.fixture(scope="module")
def corpus_run(articles):
    kb = knowledge.load(articles=articles)
    sents = annotate.sentences(articles)
    return quotes.find(articles, sents, kb), quotes.reference(articles, kb)


def test_agreement_with_the_hand_coding_meets_the_targets(corpus_run):
    auto, hand = corpus_run
    figures = evaluate.summary(auto, hand).set_index("measure")["value"]
    assert figures["quotation F1"] >= 0.95
    assert figures["speaker accuracy"] >= 0.95
    assert figures["stance F_avg"] >= 0.85


def test_hard_cases_of_the_codebook(corpus_run):
    auto, _ = corpus_run
    by_start = auto.set_index(["article_id", "start"])
    assert by_start.loc[("nbc-2018-01-24", 4355), "stance"] == "NONE"  # about infrastructure, not immigration
    assert by_start.loc[("nbc-2018-01-24", 657), "speaker_id"] == "mitch-landrieu"  # the same words in his statement
    from helpers.stance import actors
    assert actors(auto).set_index("speaker_id").loc["kent-guinn", "actor_stance"] == "MIXED"


@pytest.mark.parametrize("folder, floors", [
    ("invented", {"quotation F1": 0.95, "speaker accuracy": 0.9, "stance F_avg": 0.8}),
    ("heldout", {"quotation F1": 0.8, "speaker accuracy": 0.7, "stance F_avg": 0.5}),
])
def test_invented_articles_with_other_names(folder, floors):
    from pathlib import Path

    data = Path(__file__).parent / "data"
    if not (data / folder).is_dir():
        pytest.skip(f"no tests/data/{folder}")
    articles = corpus.load(data / folder)
    kb = knowledge.load(data / folder, articles)
    assert kb.empty  # the text alone
    expected = evaluate.locate(pd.read_csv(data / f"{folder}_expected.csv", dtype=str, keep_default_na=False), articles)
    figures = evaluate.by_name(quotes.find(articles, kb=kb), expected).set_index("measure")["value"]
    for measure, floor in floors.items():
        assert figures[measure] >= floor, (measure, figures[measure])


@pytest.mark.parametrize("body, speaker", [
    ('"We need dignified spaces for migrants," said 22nd Ward Ald. Michael Rodriguez.', "Michael Rodriguez"),
    ('“What we see here is despicable,” McIver said.', "McIver"),
    ('“They called and asked for assistance,” said Goertzen.', "Goertzen"),
    ('"It was an attempt to bully us," Mollie Lee with the City Attorney\'s Office said.', "Mollie Lee"),
    ('"We are disappointed today," Domingo Garcia, president of LULAC said.', "Domingo Garcia"),
    ('Mayor Karen Bass rushed to the scene and said afterward, “It looked like a city under siege.”', "Karen Bass"),
    ('The administration will “triple down” on sanctuary cities, border czar Tom Homan said in a Q&A.', "Tom Homan"),
    ('Vince Jones, 54, sat on a chair.\n\n“Never in a million years,” he said.', "Vince Jones"),
    ('Pete Buttigieg, mayor of South Bend, Indiana, tweeted that the raids would “tear families apart.”', "Pete Buttigieg"),
    ('HOMAN: I told them, "We will flood the zone."\n\nHOST: And the mayors?', "Homan"),
    ('“We are pleased with the outcome,” the U.S. Attorney’s Office said in a statement.', "U.S. Attorney’s Office"),
    ('At the time, Landry\'s office stated: "Louisiana agencies will enforce federal immigration laws."', "Landry"),
    ('A spokesperson for Gov. Ron DeSantis said the flights were part of a “promise to drop off migrants.”', ""),
])
def test_speakers_of_real_news(body, speaker):
    found = annotate_text(body)
    assert found[found["kind"].isin(["full", "partial"])]["speaker"].tolist()[0] == speaker


# --- speakers on unseen news: one invented fixture per pattern -------------------------------------

def test_an_office_before_the_name_is_never_the_name():
    found = annotate_text("""
“We will flood the zone,” said House Majority Leader William Lamberth, R-Portland.

Border czar Tom Homan said the agency would “triple down” on sanctuary cities.

The Border Czar warned that a full withdrawal depends on the “continued cooperation” of state officials.
""")
    assert speakers(found) == [
        ("We will flood the zone,", "full", "William Lamberth"),
        ("triple down", "partial", "Tom Homan"),
        ("continued cooperation", "partial", "Tom Homan"),
    ]


def test_the_reporting_sentence_wins_over_a_name_in_the_paragraph_before():
    found = annotate_text("""
President Donald Trump signed an order in January that called for a list of localities.

“When agencies fail to honor detainers, it undermines our mission,” ICE's acting director Thomas Homan said in a statement.

“We know we have an issue there,” Mr. Homan said of New York.
""")
    assert speakers(found) == [
        ("When agencies fail to hon", "full", "Thomas Homan"),
        ("We know we have an issue ", "full", "Thomas Homan"),
    ]


def test_agencies_and_organisations_are_speakers():
    found = annotate_text("""
Immigration and Customs Enforcement announced on Wednesday that it would focus on “public safety risks” only.

“We conducted a targeted enforcement action on Tuesday,” ICE officials said in an email.

A spokesperson for the Department of Homeland Security (DHS) remarked that the judge had “deep misconceptions” about the case.

The Springfield Police Department responded within the hour. “We do not enforce civil immigration law,” the department said in a statement.

“The idea was briefly raised and quickly rejected,” read a statement from the White House.
""")
    assert speakers(found) == [
        ("public safety risks", "partial", "Immigration and Customs Enforcement"),
        ("We conducted a targeted e", "full", "ICE"),
        ("deep misconceptions", "partial", "Department of Homeland Security"),
        ("We do not enforce civil i", "full", "Springfield Police Department"),
        ("The idea was briefly rais", "full", "White House"),
    ]


def test_questions_belong_to_the_interviewer_and_answers_to_the_guest():
    found = annotate_text("""
Border czar Tom Homan took questions on Sunday. A reporter asked Homan about the new mayor, Zohran Mamdani, who has
promised not to cooperate.

“Do you have a plan?” the reporter asked. “How are you going to handle it?”

“We’re going to be in New York City,” he explained. “Because that is where the problem is.”
""")
    assert speakers(found) == [
        ("Do you have a plan?", "full", "unnamed reporter"),
        ("How are you going to hand", "full", "unnamed reporter"),
        ("We’re going to be in New ", "full", "Tom Homan"),
        ("Because that is where the", "full", "Tom Homan"),
    ]


def test_pronouns_go_to_the_nearest_person_they_can_stand_for():
    found = annotate_text("""
After weeks of cooperating with President Donald Trump, Mayor Muriel Bowser changed course, according to a local station.

“Immigration enforcement is not what our police do,” she said. “And it won’t be in the future.”

Terri Burke, Executive Director, ACLU of Texas expressed that the fight was only beginning.

“The Texas I know is free,” she said in a statement.
""")
    assert speakers(found) == [
        ("Immigration enforcement i", "full", "Muriel Bowser"),
        ("And it won’t be in the fu", "full", "Muriel Bowser"),
        ("The Texas I know is free,", "full", "Terri Burke"),
    ]


def test_continued_split_and_cut_off_quotations():
    found = annotate_text("""
"Those who can no longer be held will be given to Sanctuary Cities and States!" Trump wrote on Twitter.

Governor Bill Lee commended the legislature for a bill that “creates criminal penalties for officials who adopt sanctuary policies.”

“Today’s lawsuit should serve as a warning,” Mayor Eric Adams said. “Nobody is above the law.

“And we will see them in court.”
""")
    assert speakers(found) == [
        ("Those who can no longer b", "full", "Trump"),
        ("creates criminal penaltie", "partial", "Bill Lee"),
        ("Today’s lawsuit should se", "full", "Eric Adams"),
        ("And we will see them in c", "full", "Eric Adams"),  # the paragraph before is not closed: no span of its own
    ]
