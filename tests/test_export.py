import csv

import pytest

from helpers import export
from helpers.__main__ import main


def _read(path):
    with open(path, encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


NAMES = ("articles.csv", "paragraphs.csv", "sentences.csv", "quotes.csv", "actors.csv", "places.csv", "policies.csv",
         "federal_events.csv")


def test_cli_writes_every_table(tmp_path, capsys):
    assert main(["export", str(tmp_path / "out")]) == 0
    assert capsys.readouterr().out.split() == [str(tmp_path / "out" / n) for n in NAMES]
    arts = _read(tmp_path / "out" / "articles.csv")
    assert [a["article_id"] for a in arts] == ["abc-2016-11-17", "cnn-2017-01-27", "ap-2017-06-25", "nbc-2018-01-24", "kr-2026-02"]
    assert {"article_id", "source_file", "title", "outlet", "published", "date_precision"} <= set(arts[0])
    assert [a["published"] for a in arts] == ["2016-11-17T18:40", "2017-01-27", "2017-06-25", "2018-01-24", "2026-02"]
    paras = _read(tmp_path / "out" / "paragraphs.csv")
    assert len(paras) == 133
    sents = _read(tmp_path / "out" / "sentences.csv")
    assert len(sents) == 175
    assert {"article_id", "paragraph", "paragraph_type", "section", "start", "end", "text", "polarity", "subjectivity"} <= set(sents[0])
    assert all(-1 <= float(s["polarity"]) <= 1 and 0 <= float(s["subjectivity"]) <= 1 for s in sents)


def test_cli_reads_another_corpus_folder(corpus_with_new_article, tmp_path):
    assert main(["export", str(tmp_path / "out"), "--corpus", str(corpus_with_new_article)]) == 0
    arts = _read(tmp_path / "out" / "articles.csv")
    assert "test-2025-03-03" in [a["article_id"] for a in arts]
    sents = _read(tmp_path / "out" / "sentences.csv")
    assert any("Zanzibarian" in s["text"] for s in sents if s["article_id"] == "test-2025-03-03")


def test_cli_reports_a_bad_corpus_without_a_traceback(tmp_path, capsys):
    assert main(["export", str(tmp_path / "out"), "--corpus", str(tmp_path / "missing")]) == 1
    err = capsys.readouterr().err
    assert err.startswith("error: ") and "missing" in err and "no such folder" in err


def test_export_refuses_to_write_into_the_corpus(tmp_corpus):
    with pytest.raises(ValueError, match="refusing to write into the corpus folder"):
        export.export(tmp_corpus / "out", tmp_corpus)


def test_quotes_actors_and_places_tables(tmp_path):
    export.export(tmp_path)
    quotes = _read(tmp_path / "quotes.csv")
    assert {"article_id", "start", "end", "text", "kind", "speaker", "speaker_id", "stance", "cues"} <= set(quotes[0])
    assert len(quotes) == 65
    assert sum(q["kind"] != "not speech" for q in quotes) == 59
    assert all(q["stance"] in ("FAVOR", "AGAINST", "NONE") for q in quotes if q["kind"] != "not speech")
    assert all(q["stance"] == "" and q["speaker_id"] == "" for q in quotes if q["kind"] == "not speech")
    actors = {a["id"]: a for a in _read(tmp_path / "actors.csv")}
    assert {"party", "party_source", "party_evidence", "stance"} <= set(next(iter(actors.values())))
    assert actors["kent-guinn"]["stance"] == "MIXED"
    assert actors["carlos-gimenez"]["party"] == "Republican" and actors["carlos-gimenez"]["party_source"] == "stated"
    places = {p["id"]: p for p in _read(tmp_path / "places.csv")}
    assert float(places["los-angeles"]["lat"]) == pytest.approx(34.05, abs=0.1)


def test_export_of_a_folder_without_hand_curated_files(corpus_with_new_article, tmp_path):
    import shutil

    shutil.rmtree(corpus_with_new_article / "knowledge")
    shutil.rmtree(corpus_with_new_article / "annotations")
    export.export(tmp_path / "out", corpus_with_new_article)
    quotes = [q for q in _read(tmp_path / "out" / "quotes.csv") if q["article_id"] == "test-2025-03-03"]
    assert [(q["speaker"], q["speaker_known"], q["stance"]) for q in quotes] == [
        ("Ana Ruiz", "False", "AGAINST"), ("Ana Ruiz", "False", "AGAINST")]
    actors = {a["id"]: a for a in _read(tmp_path / "out" / "actors.csv")}
    assert actors["ana-ruiz"]["role"] == "mayor" and actors["ana-ruiz"]["jurisdiction"] == "Springfield"
    assert _read(tmp_path / "out" / "places.csv") == []
    assert _read(tmp_path / "out" / "policies.csv") == [] and _read(tmp_path / "out" / "federal_events.csv") == []


def test_policies_table(tmp_path, articles):
    export.export(tmp_path)
    acts = _read(tmp_path / "policies.csv")
    assert len(acts) == 26
    assert {"jurisdiction", "actor", "date", "date_precision", "category", "direction", "article_id", "evidence"} <= set(acts[0])
    first = acts[0]
    assert (first["jurisdiction_name"], first["actor"], first["date"], first["date_precision"], first["category"]) == \
        ("Los Angeles", "Los Angeles Police Department", "1979", "year", "status inquiries")
    texts = dict(zip(articles["article_id"], articles["text"]))
    for a in acts:
        start = int(a["evidence_start"])
        assert texts[a["article_id"]][start:start + len(a["evidence"])] == a["evidence"]
    events = _read(tmp_path / "federal_events.csv")
    assert [e["id"] for e in events] == ["ice-2015-program", "trump-2017-order", "doj-2018-letters"]
