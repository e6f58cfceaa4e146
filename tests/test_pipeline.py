import os

import pandas as pd
import pytest

from helpers import annotate, corpus, engines, knowledge, paragraphs, pipeline, quotebook, quotes, scale


@pytest.fixture
def cache(tmp_path, monkeypatch):
    folder = tmp_path / "cache"
    monkeypatch.setenv("SANCTUARY_CACHE", str(folder))
    return folder / "pipeline"


@pytest.fixture(scope="module")
def serial():
    return pipeline.build(cache=False, engine="serial")


def test_build_gives_the_tables_of_the_chain(serial):
    arts = corpus.load()
    kb = knowledge.load(articles=arts)
    paras = paragraphs.paragraphs(arts)
    sents = annotate.sentences(arts, paras)
    found = quotes.find(arts, sents, kb)
    hand = quotes.reference(arts, kb)
    pd.testing.assert_frame_equal(serial.articles, arts)
    pd.testing.assert_frame_equal(serial.paragraphs, paras)
    pd.testing.assert_frame_equal(serial.sentences, annotate.sentiment(sents, analyzer=("textblob", "vader")))
    pd.testing.assert_frame_equal(serial.quotations, found)
    pd.testing.assert_frame_equal(serial.hand, hand)
    pd.testing.assert_frame_equal(serial.book, quotebook.build(arts, sents, found, hand, kb))
    assert (len(serial.articles), len(serial.sentences), len(serial.quotations), len(serial.book)) == (5, 175, 65, 59)
    assert (len(serial.hand), len(serial.policies), len(serial.federal)) == (65, 26, 3)


def test_process_pool_gives_the_serial_tables(tmp_path):
    folder = scale.replicate(12, tmp_path / "c")
    one = pipeline.build(folder, cache=False, engine="serial")
    many = pipeline.build(folder, cache=False, engine="process", workers=2)
    for name, table in pipeline._tables(one).items():
        pd.testing.assert_frame_equal(pipeline._tables(many)[name], table)
    assert len(one.articles) == 12 and one.articles["article_id"].is_unique


def test_second_build_reads_the_cache_and_does_not_annotate(cache, serial, monkeypatch):
    first = pipeline.build()
    assert not first.from_cache and (cache / first.key / "manifest.json").is_file()

    def refuse(*args, **kwargs):
        raise AssertionError("annotated again")

    monkeypatch.setattr(pipeline, "annotate_articles", refuse)
    again = pipeline.build()
    assert again.from_cache and again.key == first.key
    for name, table in pipeline._tables(serial).items():
        pd.testing.assert_frame_equal(pipeline._tables(again)[name], table)
    assert again.knowledge.surfaces == serial.knowledge.surfaces


def test_key_changes_with_a_corpus_file_the_code_or_a_package(tmp_corpus, tmp_path, monkeypatch):
    key = pipeline.fingerprint(tmp_corpus)
    assert pipeline.fingerprint(tmp_corpus) == key
    text = tmp_corpus / "annotations" / "CODEBOOK.md"
    text.write_text(text.read_text(encoding="utf-8") + " ", encoding="utf-8")
    edited = pipeline.fingerprint(tmp_corpus)
    assert edited != key
    code = tmp_path / "helpers"
    (code / "charts").mkdir(parents=True)
    (code / "pipeline.py").write_text("from . import stance\n", encoding="utf-8")
    (code / "stance.py").write_text("CUES = []\n", encoding="utf-8")
    (code / "tables.py").write_text("from .charts import style\n", encoding="utf-8")
    (code / "charts" / "style.py").write_text("COLOR = 'red'\n", encoding="utf-8")
    monkeypatch.setattr(pipeline, "HELPERS_DIR", code)
    other_code = pipeline.fingerprint(tmp_corpus)
    assert other_code != edited
    # code the pipeline imports builds afresh; code that only draws or shows does not
    (code / "stance.py").write_text("CUES = ['x']\n", encoding="utf-8")
    assert pipeline.fingerprint(tmp_corpus) != other_code
    other_code = pipeline.fingerprint(tmp_corpus)
    (code / "tables.py").write_text("from .charts import style\nWIDTH = 3\n", encoding="utf-8")
    (code / "charts" / "style.py").write_text("COLOR = 'blue'\n", encoding="utf-8")
    assert pipeline.fingerprint(tmp_corpus) == other_code
    monkeypatch.setattr(pipeline, "package_versions", lambda: {"pandas": "0.0"})
    assert pipeline.fingerprint(tmp_corpus) != other_code


def test_an_edited_article_is_annotated_afresh(cache, corpus_with_new_article):
    first = pipeline.build(corpus_with_new_article)
    path = corpus_with_new_article / "articles" / "900_test.txt"
    path.write_text(path.read_text(encoding="utf-8").replace("Zanzibarian", "Ruritanian"), encoding="utf-8")
    second = pipeline.build(corpus_with_new_article)
    assert not second.from_cache and second.key != first.key
    assert second.sentences["text"].str.contains("Ruritanian").any()
    assert not second.sentences["text"].str.contains("Zanzibarian").any()


@pytest.mark.parametrize("damage", ["flip a byte", "truncate", "no manifest", "manifest of another key"])
def test_a_damaged_cache_entry_is_rebuilt_not_trusted(cache, damage):
    first = pipeline.build()
    entry = cache / first.key
    target = entry / "sentences.parquet"
    if damage == "flip a byte":
        data = bytearray(target.read_bytes())
        data[len(data) // 2] ^= 0xFF
        target.write_bytes(bytes(data))
    elif damage == "truncate":
        target.write_bytes(target.read_bytes()[:100])
    elif damage == "no manifest":
        (entry / "manifest.json").unlink()
    else:
        manifest = (entry / "manifest.json").read_text(encoding="utf-8")
        (entry / "manifest.json").write_text(manifest.replace(first.key, "0" * 64), encoding="utf-8")
    assert pipeline.load_cached(first.key, corpus.CORPUS_DIR) is None
    again = pipeline.build()
    assert not again.from_cache
    assert pipeline.load_cached(first.key, corpus.CORPUS_DIR) is not None


def test_a_failed_write_leaves_neither_the_file_nor_a_temporary_one(tmp_path):
    target = tmp_path / "table.parquet"
    target.write_text("old", encoding="utf-8")

    def broken(path):
        path.write_text("half", encoding="utf-8")
        raise OSError("disk full")

    with pytest.raises(OSError):
        pipeline._write_atomic(target, broken)
    assert [p.name for p in tmp_path.iterdir()] == ["table.parquet"]
    assert target.read_text(encoding="utf-8") == "old"


def test_no_cache_writes_nothing(cache):
    pipeline.build(cache=False)
    assert not cache.exists()


def test_a_link_in_a_loop_is_a_clear_error(tmp_corpus):
    loop = tmp_corpus / "articles" / "loop.json"
    os.symlink(loop, loop)
    with pytest.raises(corpus.CorpusError, match=r"loop\.json: expected a file or a link to one; found a link that points nowhere or in a loop"):
        pipeline.build(tmp_corpus, cache=False)


def test_long_runs_show_a_progress_bar(capsys):
    pipeline.build(cache=False, engine="serial", progress=True)
    assert "annotating" in capsys.readouterr().err


def test_a_bad_article_stops_the_started_workers_with_a_clear_error(tmp_path):
    """The workers start before the corpus is read; a malformed file still ends in its one-line error, not a hang."""
    folder = scale.replicate(45, tmp_path / "c")
    assert pipeline._count_articles(folder) == 45 >= pipeline.PARALLEL_FROM
    bad = sorted((folder / "articles").glob("*.json"))[3]
    bad.write_text("{not json", encoding="utf-8")
    with pytest.raises(corpus.CorpusError, match=bad.name):
        pipeline.build(folder, cache=False, workers=2)


def test_counting_articles_reads_only_their_metadata_files(tmp_path):
    folder = scale.replicate(3, tmp_path / "c")
    (folder / "articles" / "notes.txt").write_text("not an article", encoding="utf-8")
    assert pipeline._count_articles(folder) == 3
    assert pipeline._count_articles(tmp_path / "nowhere") == 0


def test_files_read_by_threads_give_the_same_key_and_the_same_errors(tmp_path, monkeypatch):
    """Read from a slow disk, the files are hashed by several threads: the key and the errors do not change."""
    folder = scale.replicate(6, tmp_path / "c")
    one_by_one = pipeline.fingerprint(folder)
    monkeypatch.setattr(pipeline, "PROBE_FILES", 2)
    monkeypatch.setattr(pipeline, "SLOW_FILE_S", 0.0)  # every disk is slow
    assert pipeline.fingerprint(folder) == one_by_one
    locked = sorted((folder / "articles").glob("*.txt"))[-1]
    monkeypatch.setattr(pipeline, "_content", lambda path: (_ for _ in ()).throw(PermissionError(13, "Permission denied"))
                        if path == str(locked) else open(path, "rb").read())
    with pytest.raises(corpus.CorpusError, match=rf"{locked.name}: expected a readable file; found Permission denied"):
        pipeline.fingerprint(folder)


def test_a_worker_that_cannot_warm_up_still_runs_its_parts(monkeypatch):
    """Loading the lexicons early is an optimisation: when it fails, the part itself raises, or succeeds."""
    monkeypatch.setattr(annotate, "warm_up", lambda: (_ for _ in ()).throw(RuntimeError("no lexicon")))
    engines.warm_up_worker()  # does not raise
