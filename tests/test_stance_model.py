import pandas as pd

from helpers import stance_model, validation


def test_the_model_is_fitted_deterministically_and_shows_its_weights():
    part = validation.load()
    one, two = stance_model.weights(stance_model.fit(part), n=5), stance_model.weights(stance_model.fit(part), n=5)
    pd.testing.assert_frame_equal(one, two)
    assert list(one.columns) == ["label", "rank", "feature", "weight"]
    assert sorted(set(one["label"])) == ["AGAINST", "FAVOR", "NONE"]
    assert one["feature"].str.startswith(("the word", "the cue", "the rules'")).all()


def test_no_name_or_office_of_the_reporting_sentence_is_a_feature():
    model = stance_model.fit(validation.load())
    reporting = [w for w in model.context.get_feature_names_out()]
    assert not any(w in reporting for w in ("mayor", "governor", "sheriff", "sessions", "adams", "republican", "democrat"))


def test_plain_words():
    assert stance_model._plain("reporting cue: vows to resist (AGAINST)") == "the cue 'vows to resist' (AGAINST) in the reporting sentence"
    assert stance_model._plain("rules: FAVOR") == "the rules' label FAVOR"
