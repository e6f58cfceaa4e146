"""Agreement of the automatic and the hand-coded quotations: the list of disagreements."""

import time

import pandas as pd

from helpers import evaluate, pipeline


def test_disagreements_name_what_differs_and_the_sentence():
    p = pipeline.build()
    found = evaluate.disagreements(evaluate.match(p.quotations, p.hand), p.sentences)
    assert found[["article_id", "start", "difference"]].values.tolist() == [
        ["kr-2026-02", 1259, "stance: hand AGAINST, auto NONE"], ["nbc-2018-01-24", 4501, "stance: hand AGAINST, auto NONE"],
        ["nbc-2018-01-24", 4549, "stance: hand AGAINST, auto NONE"]]
    assert found["sentence"].iloc[1] == "“Washington, we are here to save you,” he said."


def test_disagreements_of_thousands_of_quotations_look_each_sentence_up_once():
    p = pipeline.build()
    copies = 200
    quotes = pd.concat([p.quotations.assign(article_id=p.quotations["article_id"] + f"-r{k}") for k in range(copies)],
                       ignore_index=True)
    sents = pd.concat([p.sentences.assign(article_id=p.sentences["article_id"] + f"-r{k}") for k in range(copies)],
                      ignore_index=True)
    started = time.perf_counter()
    found = evaluate.disagreements(evaluate.match(quotes, p.hand), sents)
    assert time.perf_counter() - started < 5
    auto_only = found[found["difference"] == "span found by auto only"]
    assert len(auto_only) == len(quotes) and len(found) == len(quotes) + len(p.hand)
    first = auto_only.iloc[-1]
    sentence = sents[(sents["article_id"] == first["article_id"]) & (sents["start"] <= first["start"])
                     & (sents["end"] > first["start"])]["text"].iloc[0]
    assert first["sentence"] == sentence and (auto_only["sentence"] != "").all()
