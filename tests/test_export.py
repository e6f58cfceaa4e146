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


def _leftovers(folder):
    return sorted(p.name for p in folder.iterdir())


@pytest.mark.parametrize("column, value, message", [
    ("start", "999999", r"quotes\.csv, row 2, field 'start': expected a character offset from 0 to \d+"),
    ("speaker_id", "nobody-at-all", r"quotes\.csv, row 2, field 'speaker_id': expected the id of an actor in knowledge/actors\.csv; found unknown actor id 'nobody-at-all'"),
])
def test_export_checks_the_hand_coded_quotations_and_leaves_nothing_behind(tmp_corpus, tmp_path, column, value, message):
    from conftest import rewrite_csv

    def change(rows):
        first = next(r for r in rows if r["kind"] == "full")
        rows.remove(first)
        first[column] = value
        rows.insert(0, first)

    rewrite_csv(tmp_corpus / "annotations" / "quotes.csv", change)
    out = tmp_path / "out" / "tables"
    with pytest.raises(export.CorpusError, match=message):
        export.export(out, tmp_corpus)
    assert not out.exists()
    assert main(["export", str(out), "--corpus", str(tmp_corpus)]) == 1
    assert _leftovers(tmp_path) == ["corpus"]


def test_export_names_a_control_character_with_its_file_and_position(tmp_corpus, tmp_path, capsys):
    path = tmp_corpus / "articles" / "000_a5066308da510da4.txt"
    text = path.read_text(encoding="utf-8")
    path.write_text(text[:120] + "\x00" + text[120:], encoding="utf-8")
    line = text[:120].count("\n") + 1
    column = 120 - text[:120].rfind("\n")
    assert main(["export", str(tmp_path / "out"), "--corpus", str(tmp_corpus)]) == 1
    err = capsys.readouterr().err
    assert err == (f"error: {path}: expected text without control characters (tab and line breaks are allowed); "
                   f"found U+0000 at position 120 (line {line}, column {column})\n")
    assert _leftovers(tmp_path) == ["corpus"]


def test_export_reports_an_unreadable_file(tmp_corpus, tmp_path, capsys):
    (tmp_corpus / "articles" / "zzz.json").mkdir()
    assert main(["export", str(tmp_path / "out"), "--corpus", str(tmp_corpus)]) == 1
    assert capsys.readouterr().err == f"error: {tmp_corpus / 'articles' / 'zzz.json'}: expected a readable file; found Is a directory\n"


def test_export_reports_a_link_in_a_loop(tmp_corpus, tmp_path, capsys):
    import os

    os.symlink("loop.txt", tmp_corpus / "articles" / "loop.txt")
    assert main(["export", str(tmp_path / "out"), "--corpus", str(tmp_corpus)]) == 1
    assert capsys.readouterr().err == (f"error: {tmp_corpus / 'articles' / 'loop.txt'}: expected a file or a link to one; "
                                       "found a link that points nowhere or in a loop\n")


def test_export_into_a_folder_keeps_its_other_files(tmp_path):
    out = tmp_path / "out"
    out.mkdir()
    (out / "notes.txt").write_text("mine", encoding="utf-8")
    (out / "quotes.csv").write_text("stale", encoding="utf-8")
    export.export(out)
    assert (out / "notes.txt").read_text(encoding="utf-8") == "mine"
    assert (out / "quotes.csv").read_text(encoding="utf-8").startswith("article_id,quote,")
    assert _leftovers(tmp_path) == ["out"]


@pytest.mark.enable_socket
def test_dask_on_a_local_cluster_of_two_processes_gives_the_serial_tables(tmp_path):
    import pandas as pd
    from dask.distributed import Client, LocalCluster

    export.export(tmp_path / "serial", engine="serial")
    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, host="127.0.0.1", dashboard_address=None) as cluster:
        assert len(cluster.workers) == 2
        assert main(["export", str(tmp_path / "dask"), "--engine", "dask", "--scheduler", cluster.scheduler_address]) == 0
    for name in NAMES:
        assert (tmp_path / "dask" / name).read_bytes() == (tmp_path / "serial" / name).read_bytes(), name
    for table, name in export.PARQUET_TABLES.items():
        parts = sorted((tmp_path / "dask" / "parquet" / table).glob("part-*.parquet"))
        assert [p.name for p in parts] == ["part-00000.parquet"]
        frame = pd.concat([pd.read_parquet(p) for p in parts], ignore_index=True)
        assert len(frame) == len(_read(tmp_path / "serial" / name))


def test_an_export_failing_half_way_leaves_nothing_behind(tmp_path, monkeypatch):
    def broken(folder, frame, ids):
        raise OSError("disk full")

    monkeypatch.setattr(export, "_write_parquet", broken)
    with pytest.raises(OSError, match="disk full"):
        export.export(tmp_path / "out", parquet=True)
    assert _leftovers(tmp_path) == []
