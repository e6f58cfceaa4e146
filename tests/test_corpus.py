import hashlib
import json
from pathlib import Path

import pandas as pd
import pytest

from helpers import corpus
from helpers.corpus import CorpusError

# SHA-256 of the five article texts as they were handed over: the corpus keeps them unchanged.
SEED_SHA256 = {
    "000_a5066308da510da4.txt": "28cfd0a05b417c03ec2849bed018d2adaf5369f30c109aa531774c753f969eb8",
    "001_6d4a94da81ec0449.txt": "ab294539dc0de5d2a5f5e1c35775427d38eb238cefaf5ab50d7eda4d5c88628b",
    "002_42c16dfa1c9f147c.txt": "5a3b85d7e9210594cad3ae3c12acce9af15afed70d7195c5438a3f8596af10c3",
    "003_9a143aaf12d166a6.txt": "9da6aee10d03cd134eeb2fb970b2300b719f0e71e3dd210aa9ccbf19fa20ecc7",
    "004_01e7087bc25f124f.txt": "1f17ee9a8c516280526f8c591187cad07b1f9cd836591765ab96cba42bc1dfd5",
}


def test_load_returns_one_typed_row_per_article_sorted_by_date(articles):
    assert list(articles["article_id"]) == [
        "abc-2016-11-17", "cnn-2017-01-27", "ap-2017-06-25", "nbc-2018-01-24", "kr-2026-02"]
    assert articles["published"].is_monotonic_increasing
    assert str(articles["published"].dtype).startswith("datetime64")
    assert articles["n_chars"].dtype == "int64"
    assert list(articles["date_precision"]) == ["minute", "day", "day", "day", "month"]
    assert list(articles["date_status"]) == ["stated", "inferred", "inferred", "inferred", "inferred"]
    assert articles.loc[0, "published"] == pd.Timestamp("2016-11-17 18:40")
    assert articles.loc[4, "published"] == pd.Timestamp("2026-02-01")


def test_texts_are_the_source_files_unchanged(articles):
    for row in articles.itertuples():
        raw = (corpus.CORPUS_DIR / "articles" / row.source_file).read_bytes()
        assert raw.decode("utf-8") == row.text
        assert hashlib.sha256(raw).hexdigest() == SEED_SHA256[row.source_file]


def test_metadata_marks_stated_and_inferred_as_the_sources_say(articles):
    by_id = articles.set_index("article_id")
    assert by_id.loc["nbc-2018-01-24", "outlet_status"] == "inferred"
    assert by_id.loc["abc-2016-11-17", "outlet_status"] == "stated"
    assert by_id.loc["kr-2026-02", "translation"].startswith("English translation")
    assert by_id.loc["ap-2017-06-25", "dateline"] == "AP, MIAMI BEACH, Florida"
    assert by_id.loc["ap-2017-06-25", "title_status"] == "inferred"
    assert by_id.loc["kr-2026-02", "date_label"] == "Feb 2026 (inferred, month)"


def test_every_evidence_string_is_verbatim_in_its_text():
    for path in sorted((corpus.CORPUS_DIR / "articles").glob("*.json")):
        meta = json.loads(path.read_text(encoding="utf-8"))
        text = (path.parent / meta["source_file"]).read_text(encoding="utf-8")
        for field in ("title_evidence", "outlet_evidence", "date_evidence", "dateline"):
            if meta.get(field):
                assert meta[field] in text, (path.name, field)


def test_default_dir_follows_the_environment_variable(monkeypatch, tmp_path):
    monkeypatch.setenv("SANCTUARY_CORPUS", str(tmp_path))
    assert corpus.default_dir() == tmp_path
    monkeypatch.delenv("SANCTUARY_CORPUS")
    assert corpus.default_dir() == corpus.CORPUS_DIR


def test_a_new_article_is_loaded_in_date_order(corpus_with_new_article):
    arts = corpus.load(corpus_with_new_article)
    assert len(arts) == 6
    assert list(arts["article_id"])[4] == "test-2025-03-03"


# --- bad input: one clear error naming the file, the field and what was expected ---

def _meta(folder: Path, name="001_6d4a94da81ec0449.json") -> tuple[Path, dict]:
    path = folder / "articles" / name
    return path, json.loads(path.read_text(encoding="utf-8"))


def _write(path: Path, meta: dict) -> None:
    path.write_text(json.dumps(meta, ensure_ascii=False), encoding="utf-8")


def _error(folder) -> str:
    with pytest.raises(CorpusError) as info:
        corpus.load(folder)
    return str(info.value)


def test_missing_corpus_folder(tmp_path):
    msg = _error(tmp_path / "nowhere")
    assert "nowhere" in msg and "expected a corpus folder with an 'articles' subfolder" in msg and "no such folder" in msg


def test_corpus_folder_without_articles(tmp_path):
    msg = _error(tmp_path)
    assert "articles" in msg and "no such folder" in msg


def test_folder_with_no_metadata(tmp_path):
    (tmp_path / "articles").mkdir()
    assert "no .json file" in _error(tmp_path)


def _drop(field):
    return lambda meta: meta.pop(field)


def _set(field, value):
    return lambda meta: meta.__setitem__(field, value)


def _rename(old, new):
    return lambda meta: meta.__setitem__(new, meta.pop(old))


# (case, change to 001_6d4a94da81ec0449.json, words the error must contain)
METADATA_CASES = [
    ("missing field", _drop("outlet"), ["field 'outlet'", "the field is missing"]),
    ("misspelled key", _rename("title", "titel"), ["field 'titel'", "did you mean 'title'?"]),
    ("unparseable date", _set("published", "17/11/2016 18:40"), ["field 'published'", "Y-m-dTH:M", "'17/11/2016 18:40'"]),
    ("date finer than its precision", _set("date_precision", "month"), ["field 'published'", "date_precision is 'month'"]),
    ("unknown precision", _set("date_precision", "week"), ["field 'date_precision'", "'minute', 'day' or 'month'", "'week'"]),
    ("unknown status", _set("outlet_status", "guessed"), ["field 'outlet_status'", "'stated' or 'inferred'"]),
    ("wrong type", _set("published", 2016), ["field 'published'", "found int 2016"]),
    ("bad id", _set("id", "ABC 2016"), ["field 'id'", "lowercase letters"]),
    ("evidence not in the text", _set("date_evidence", "November 18, 2016"), ["field 'date_evidence'", "which is not in the text"]),
    ("stated title not in the text", _set("title", "A headline the page never had"), ["field 'title'", "copied exactly"]),
]


@pytest.mark.parametrize("change, expected", [c[1:] for c in METADATA_CASES], ids=[c[0] for c in METADATA_CASES])
def test_bad_metadata_field(tmp_corpus, change, expected):
    path, meta = _meta(tmp_corpus)
    change(meta)
    _write(path, meta)
    msg = _error(tmp_corpus)
    assert "001_6d4a94da81ec0449.json" in msg
    for words in expected:
        assert words in msg


def test_duplicate_id(tmp_corpus):
    path, meta = _meta(tmp_corpus, "002_42c16dfa1c9f147c.json")
    meta["id"] = "abc-2016-11-17"
    _write(path, meta)
    msg = _error(tmp_corpus)
    assert "field 'id'" in msg and "an id no other article uses" in msg and "001_6d4a94da81ec0449.json" in msg


def test_metadata_naming_an_absent_file(tmp_corpus):
    (tmp_corpus / "articles" / "001_6d4a94da81ec0449.txt").unlink()
    msg = _error(tmp_corpus)
    assert "001_6d4a94da81ec0449.json" in msg and "field 'source_file'" in msg and "no such file" in msg


def test_text_file_with_no_metadata(tmp_corpus):
    (tmp_corpus / "articles" / "999_orphan.txt").write_text("An orphan article.\n", encoding="utf-8")
    msg = _error(tmp_corpus)
    assert "999_orphan.txt" in msg and "no metadata names it" in msg


def test_empty_text_file(tmp_corpus):
    (tmp_corpus / "articles" / "001_6d4a94da81ec0449.txt").write_text("  \n\n", encoding="utf-8")
    msg = _error(tmp_corpus)
    assert "001_6d4a94da81ec0449.txt" in msg and "an empty file" in msg


def test_non_utf8_text(tmp_corpus):
    path = tmp_corpus / "articles" / "003_9a143aaf12d166a6.txt"
    path.write_bytes(path.read_bytes() + b"\xff\xfe caf\xe9")
    msg = _error(tmp_corpus)
    assert "003_9a143aaf12d166a6.txt" in msg and "expected UTF-8 text" in msg and "position" in msg


def test_invalid_json(tmp_corpus):
    path, _ = _meta(tmp_corpus)
    path.write_text('{"id": "abc-2016-11-17",', encoding="utf-8")
    msg = _error(tmp_corpus)
    assert "001_6d4a94da81ec0449.json" in msg and "valid JSON" in msg and "line 1" in msg


def test_error_is_a_value_error_with_its_parts(tmp_corpus):
    path, meta = _meta(tmp_corpus)
    del meta["date_note"]
    _write(path, meta)
    with pytest.raises(ValueError) as info:
        corpus.load(tmp_corpus)
    assert info.value.field == "date_note" and info.value.path.endswith("001_6d4a94da81ec0449.json")
