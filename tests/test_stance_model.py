import numpy as np
import pandas as pd
import pytest

from helpers import stance_model, validation
from helpers.validation import Part

SIDES = {
    "FAVOR": ['"We will fully cooperate with ICE and honor every detainer," {who} said.',
              '"Sanctuary cities protect criminal aliens and they must stop," {who} said.'],
    "AGAINST": ['"We will not cooperate with ICE raids that tear families apart," {who} said.',
                '"Our city will always protect immigrants from deportation," {who} vowed.'],
    "NONE": ['"The meeting is on Tuesday at the library," {who} said.',
             '"We are counting the ballots this week," {who} added.'],
}
WHO = ["Republican Mayor Ana Ruiz", "Sheriff J.R. Okafor", "Democratic Governor Lee Park", "Fox News anchor Dan Cole"]


def tiny_part(n_articles: int = 8) -> Part:
    """Return an invented part: every article holds one quotation of each side, said by named officials."""
    arts, quotes = [], []
    for a in range(n_articles):
        article_id = f"art-{a}"
        lines, at = [], 0
        for k, (label, templates) in enumerate(SIDES.items()):
            line = templates[(a + k) % 2].format(who=WHO[(a + k) % len(WHO)])
            quote = line[:line.index('"', 1) + 1]
            quotes.append({"article_id": article_id, "quote": quote, "occurrence": "1", "kind": "full",
                           "speaker": WHO[(a + k) % len(WHO)].split(" ", 2)[-1], "speaker_type": "person", "role": "",
                           "jurisdiction": "", "stance": label, "start": at, "end": at + len(quote), "text": quote})
            lines.append(line)
            at += len(line) + 2
        arts.append({"article_id": article_id, "title": "", "outlet": "Springfield Courier", "url": "",
                     "published": pd.Timestamp(2025, 1, 1 + a), "date_precision": "day", "text": "\n\n".join(lines)})
    articles = pd.DataFrame(arts)
    articles["n_chars"] = articles["text"].str.len()
    return Part("tiny", articles, pd.DataFrame(quotes), pd.DataFrame(columns=validation.PARAGRAPH_COLUMNS))


@pytest.fixture(scope="module")
def tiny_model():
    return stance_model.fit(tiny_part())


def test_tiny_part_is_coded_where_its_words_are():
    part = tiny_part(2)
    texts = dict(zip(part.articles["article_id"], part.articles["text"]))
    assert all(texts[q.article_id][q.start:q.end] == q.quote for q in part.quotes.itertuples())


def test_features_never_hold_a_name_a_party_an_office_or_the_outlet(tiny_model):
    names = [n.lower() for n in stance_model.feature_names(tiny_model)]
    context = [n for n in names if n.startswith(("reporting:", "before:"))]
    forbidden = ("ruiz", "okafor", "park", "cole", "republican", "democratic", "mayor", "sheriff", "governor", "anchor",
                 "fox", "courier", "springfield")
    assert not [n for n in names if any(f in n for f in forbidden)]
    assert context  # the reporting sentence is read, without them


def test_target_features_say_what_is_aimed_at_which_side():
    found = stance_model.aimed("We will not cooperate with ICE.", "quote")
    assert found["quote: not support > federal"] == 1.0
    assert "quote: attack > criminals" in stance_model.aimed("Those criminals are dangerous.", "quote")
    # the speaker's own name is blanked: "President Trump said" is not the federal side
    assert "report: federal" not in stance_model.aimed(stance_model._without_speaker("President Donald Trump said", "Donald Trump"),
                                                       "report")


def test_confidence_is_a_probability_and_sure_follows_the_threshold(tiny_model):
    part = tiny_part(3)
    rows = part.quotes.assign(cues="", speaker_role="")
    from helpers import annotate

    out = stance_model.label(rows, part.articles, annotate.sentences(part.articles), model=tiny_model)
    assert out["stance"].isin(["FAVOR", "AGAINST", "NONE"]).all()
    assert out["stance_confidence"].between(0, 1).all()
    assert (out["stance_sure"] == (out["stance_confidence"] >= tiny_model.threshold)).all()
    assert 0 <= tiny_model.threshold <= 1


def test_grouped_folds_never_share_an_article():
    groups = tiny_part().quotes["article_id"].to_numpy()
    for train, test in stance_model._splits(groups):
        assert not set(groups[train]) & set(groups[test])


def test_the_key_changes_with_the_training_data_and_the_learner():
    part = tiny_part(3)
    key = stance_model.training_key(part)
    assert stance_model.training_key(tiny_part(3)) == key
    flipped = Part(part.name, part.articles, part.quotes.assign(stance=part.quotes["stance"].replace({"FAVOR": "NONE"})),
                   part.paragraphs)
    assert stance_model.training_key(flipped) != key
    edited = Part(part.name, part.articles.assign(text=part.articles["text"] + " "), part.quotes, part.paragraphs)
    assert stance_model.training_key(edited) != key
    assert stance_model.training_key(part, "boosting") != key


def test_trained_once_then_read_from_the_cache(tmp_path, monkeypatch):
    monkeypatch.setenv("SANCTUARY_CACHE", str(tmp_path))
    part = tiny_part(6)
    first = stance_model.trained(part)
    assert stance_model.model_path(first).is_file() and stance_model.model_path(first).parent == tmp_path / "stance_model"
    stance_model._LOADED.clear()
    monkeypatch.setattr(stance_model, "fit", lambda *a, **k: (_ for _ in ()).throw(AssertionError("fitted again")))
    again = stance_model.trained(part)
    assert again.key == first.key and again.threshold == first.threshold


def test_threshold_is_the_lowest_confidence_with_the_precision():
    assert stance_model.choose_threshold([True] * 9 + [False], np.linspace(1, 0.1, 10)) == 0.1
    assert stance_model.choose_threshold([False, True, True], [0.9, 0.8, 0.7]) == 1.0


def test_boosting_reads_the_same_features(tiny_model):
    boosted = stance_model.fit(tiny_part(), learner="boosting", threshold=False)
    assert stance_model.feature_names(boosted) == stance_model.feature_names(tiny_model)
    assert boosted.classes == ["AGAINST", "FAVOR", "NONE"]


def test_the_default_model_meets_the_precision_of_sure_labels_on_its_cross_validated_predictions():
    model = stance_model.trained()
    cv = pd.DataFrame(model.cv)
    assert len(cv) == model.n_train == int(validation.load().quotes["kind"].isin(validation.SPEECH).sum())
    sure = cv[cv["confidence"] >= model.threshold]
    assert len(sure) == 0 or (sure["stance"] == sure["predicted"]).mean() >= stance_model.SURE_PRECISION
    assert not set(model.cv) - {"stance", "predicted", "confidence", "article_id"}


def test_weights_in_plain_words():
    one = stance_model.weights(stance_model.trained(), n=5)
    assert list(one.columns) == ["label", "rank", "feature", "weight"]
    assert sorted(set(one["label"])) == ["AGAINST", "FAVOR", "NONE"]
    assert not one["feature"].str.contains(":").any()


def test_plain_words():
    assert stance_model._plain("reporting cue: vows to resist (AGAINST)") == "the cue 'vows to resist' (AGAINST) in the reporting sentence"
    assert stance_model._plain("rules: FAVOR") == "the rules' label FAVOR"
