import pandas as pd
import pytest

from helpers import annotate, corpus, quotes, stance, stance_rules
from helpers.knowledge import Knowledge


@pytest.mark.parametrize("words, label", [
    ("Sanctuary cities are sanctuaries for criminals, hard stop.", "FAVOR"),
    ("We'll flood the zone in sanctuary cities.", "FAVOR"),
    ("They don't honor our detainers, so we arrest them in the community.", "FAVOR"),
    ("No one cooperates with immigration agents as much as we do.", "FAVOR"),
    ("We will not honor ICE detainers.", "AGAINST"),
    ("The raids were designed to tear families apart.", "AGAINST"),
    ("This city will remain a sanctuary city.", "AGAINST"),
    ("We value and welcome the renewed collaboration with our federal partners.", "FAVOR"),
    ("The county signed an agreement with ICE last year.", "FAVOR"),
    ("We are going to treat them with dignity.", "AGAINST"),
    ("Our migrant shelters are nearly at capacity.", "NONE"),
    ("The people they were searching for had outstanding warrants.", "NONE"),
    ("It will be difficult to categorically bar ICE agents from public parks.", "NONE"),
    ("The mayor blasted the Trump administration on Friday.", "AGAINST"),
    ("The Justice Department sued the state over its sanctuary policies.", "FAVOR"),
])
def test_target_aware_cues(words, label):
    assert stance.decide(stance_rules.cues(words)) == label


def _annotate(body: str, method: str) -> pd.DataFrame:
    text = "Headline about immigration\n\n" + body.strip() + "\n"
    arts = pd.DataFrame({"article_id": ["t"], "text": [text]})
    sents = annotate.sentences(arts)
    found = quotes.find(arts, sents, Knowledge.nothing(), stance=False)
    return stance.label(found, arts, sents, Knowledge.nothing(), method=method)


def test_the_reporting_sentence_gives_a_stance_to_a_quotation_without_cues():
    found = _annotate('Mayor Ana Ruiz vowed to remain a sanctuary city. "We said what we said," Ruiz said.', "rules")
    assert found["stance"].tolist() == ["AGAINST"]
    assert found["cues"].item().startswith('context: stays a sanctuary: "remain a sanctuary city"')


def test_a_speakers_next_quotation_keeps_the_stance_of_the_first():
    found = _annotate('"Sanctuary cities release criminals," Sheriff Tom Okafor said.\n\n'
                      '"I have said it before and I will say it again," Okafor said.', "rules")
    assert found["stance"].tolist() == ["FAVOR", "FAVOR"]
    assert found["cues"].iloc[1] == "same speaker: Tom Okafor's quotations beside this one are FAVOR"


def test_stance_never_comes_from_who_speaks():
    # the same words, said by a mayor and by a federal official, get the same label
    one = _annotate('"We have to think about the families," Mayor Ana Ruiz said.', "rules")
    two = _annotate('"We have to think about the families," ICE Director Tom Okafor said.', "rules")
    assert one["stance"].tolist() == two["stance"].tolist()


def test_the_corpus_agreement_is_kept(articles):
    from helpers import evaluate, knowledge

    kb = knowledge.load()
    sents = annotate.sentences(articles)
    auto = quotes.find(articles, sents, kb)
    figures = evaluate.summary(auto, quotes.reference(articles, kb)).set_index("measure")
    assert figures.loc["stance F_avg", "value"] >= 0.982
    assert figures.loc["stance F_avg", "counts"] == "56 of 59 quotations agree"


def test_unknown_method_is_refused(articles):
    with pytest.raises(ValueError, match="method must be one of"):
        stance.label(pd.DataFrame(), articles, pd.DataFrame(), Knowledge.nothing(), method="vibes")
