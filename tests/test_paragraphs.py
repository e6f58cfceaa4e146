import pandas as pd
import pytest

from helpers import corpus, paragraphs
from helpers.corpus import CorpusError
from helpers.paragraphs import label


@pytest.fixture(scope="module")
def paras(articles):
    return paragraphs.paragraphs(articles)


def test_spans_point_into_the_raw_text(articles, paras):
    texts = dict(zip(articles["article_id"], articles["text"]))
    for row in paras.itertuples():
        assert texts[row.article_id][row.start:row.end] == row.text


def test_every_paragraph_agrees_with_the_hand_labels(paras):
    agree = paragraphs.agreement(paras, paragraphs.reference())
    assert len(agree) == 133
    wrong = agree[~(agree["type_agrees"] & agree["section_agrees"])]
    assert wrong.empty, wrong[["article_id", "paragraph", "auto_type", "hand_type", "auto_section", "hand_section"]]


def test_counts_by_type(paras):
    counts = paras.groupby("paragraph_type", observed=False).size().to_dict()
    assert counts == {"title": 6, "body": 98, "caption": 9, "boilerplate": 10, "section heading": 10}


def test_city_headings_scope_the_paragraphs_under_them(paras):
    abc = paras[paras["article_id"] == "abc-2016-11-17"]
    headings = abc[abc["paragraph_type"] == "section heading"]["text"].tolist()
    assert headings == ["Los Angeles", "New York City", "Philadelphia", "Nashville", "Chicago", "Seattle", "Washington, D.C."]
    kenney = abc[abc["text"].str.startswith("As one of his first acts as mayor, Jim Kenney")]
    assert kenney["section"].tolist() == ["Philadelphia"]
    bowser = abc[abc["text"].str.contains("Muriel Bowser")]
    assert bowser["section"].tolist() == ["Washington, D.C."]
    assert set(abc[abc["paragraph"] < 14]["section"]) == {""}


@pytest.mark.parametrize("lines, expected", [
    (["Headline here", "By Jo Lee", "Body text starts here."], ["title", "boilerplate", "body"]),
    (["A first paragraph that is reporting.", "Image: A mayor",
      "The mayor speaks on May 1, 2020. Jane Doe / Getty Images", "More reporting."],
     ["body", "caption", "caption", "body"]),
    (["Reporting.", "01:05 - Source: KTV", "Mayor on budget", "More reporting."],
     ["body", "caption", "caption", "body"]),
    (["Reporting on the council.", "Five things to know about tariffs", "The council met on Monday."],
     ["body", "boilerplate", "body"]),
    (["Reporting on the council.", "Council delays the budget vote", "The council voted to delay the budget."],
     ["body", "section heading", "body"]),
    (["Reporting.", "Related Topics"], ["body", "boilerplate"]),
    (["Reporting.", "Sam Roe and Al Poe contributed to this report."], ["body", "boilerplate"]),
    (["REUTERS, BERLIN", "Ministers met on Friday."], ["boilerplate", "body"]),
    (["A first reporting paragraph.", "Portland, Ore.", "Portland's mayor spoke."], ["body", "section heading", "body"]),
])
def test_rules_on_invented_pages(lines, expected):
    assert [kind for kind, _, _ in label(lines)] == expected


@pytest.mark.parametrize("lines, expected", [
    (["Skip to content", "Mayor Sues Over Funds", "By Jo Lee | Updated: July 25, 2025 06:04 IST", "The mayor sued on Monday."],
     ["boilerplate", "title", "boilerplate", "body"]),
    (["Mayor Sues Over Funds", "Jo Lee", "Gazette of Springfield", "By Jo Lee", "The mayor sued."],
     ["title", "boilerplate", "boilerplate", "boilerplate", "body"]),
    (["The mayor sued.", "RELATED: Council backs the mayor", "More reporting."], ["body", "boilerplate", "body"]),
    (["date 2025-09-30", "The mayor sued.", "Site last updated 10:04 AM ET"], ["boilerplate", "body", "boilerplate"]),
    (["The mayor sued.", "Your browser does not support the video tag.", "More."], ["body", "boilerplate", "body"]),
    (["The mayor sued.", "A woman prays outside the county jail on Sept. 30.", "More reporting."], ["body", "caption", "body"]),
    (["The mayor sued.", "Protesters rally downtown. (AP Photo/Jo Lee)", "More."], ["body", "caption", "body"]),
    (["The mayor sued.", "What we know:", "The suit names ICE."], ["body", "section heading", "body"]),
    (["The mayor sued.", "They said the government at"], ["body", "body"]),
    (["The mayor sued.", "Posted at 9:56 PM, Jul 12, 2019", "More."], ["body", "boilerplate", "body"]),
    (["NATION", "Mayor Sues Over Funds", "Friday, September 8, 2023", "The mayor sued."], ["boilerplate", "title", "boilerplate", "body"]),
    (["The mayor sued.", "BACKGROUND:Governor flies migrants north", "More."], ["body", "boilerplate", "body"]),
    (["Mayor sues", "By Jo Lee"] + ["The mayor spoke."] * 7 + ["LOS ANGELES", "The mayor spoke."],
     ["title", "boilerplate"] + ["body"] * 7 + ["boilerplate", "body"]),
    (["Mayor sues", "By Jo Lee"] + ["The mayor spoke."] * 7 + ["CHICAGO (AP) —", "The mayor spoke."],
     ["title", "boilerplate"] + ["body"] * 7 + ["boilerplate", "body"]),
])
def test_rules_on_real_page_furniture(lines, expected):
    assert [kind for kind, _, _ in label(lines)] == expected


def test_titles_and_boilerplate_carry_no_section():
    rows = label(["Reporting.", "Denver", "Denver's mayor spoke.", "Related Topics"])
    assert [section for _, section, _ in rows] == ["", "Denver", "Denver", ""]


def test_reference_rejects_an_unknown_type(tmp_corpus):
    path = tmp_corpus / "annotations" / "paragraphs.csv"
    path.write_text(path.read_text(encoding="utf-8").replace(",caption,", ",picture,", 1), encoding="utf-8")
    with pytest.raises(CorpusError, match=r"paragraphs.csv, field 'paragraph_type': expected one of .* \(row \d+\); found 'picture'"):
        paragraphs.reference(tmp_corpus)


def test_agreement_rejects_a_text_start_that_does_not_match(paras):
    ref = paragraphs.reference().copy()
    ref.loc[0, "text_start"] = "Not how it begins"
    with pytest.raises(CorpusError, match="field 'text_start'"):
        paragraphs.agreement(paras, ref)


def test_agreement_rejects_a_missing_row(paras):
    with pytest.raises(CorpusError, match="has no paragraph"):
        paragraphs.agreement(paras, paragraphs.reference().iloc[1:])


def test_a_dateline_on_the_first_line_leaves_no_title_zone():
    rows = label(["AP, DENVER, Colorado", "Short headline-like line", "The council met on Monday."])
    assert [kind for kind, _, _ in rows][0] == "boilerplate"
    assert rows[1][0] != "title"


def test_the_picture_verb_gate_only_skips_what_cannot_match():
    """A paragraph without any picture verb is never a present-tense picture description: every corpus and
    real-news paragraph, cut at random places too."""
    import random

    from helpers import validation

    texts = paragraphs.paragraphs(corpus.load())["text"].tolist()
    for part in (validation.DEV_DIR, validation.BLIND_DIR):
        texts += paragraphs.paragraphs(validation.load(part).articles)["text"].tolist()
    rng = random.Random(5)
    texts += [t[rng.randrange(len(t)):] for t in texts if len(t) > 2]
    texts += ["Protesters block the entrance.", "A woman prays outside", "Crowds protest outside City Hall"]
    skipped = [t for t in texts if not paragraphs._may_describe_a_picture(t)]
    assert len(skipped) > len(texts) // 2
    assert not [t for t in skipped if paragraphs._CAPTION_VERBS.match(t)]
