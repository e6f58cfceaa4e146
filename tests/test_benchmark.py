import os

from helpers import benchmark


def test_scratch_folder_holds_the_cache_meanwhile_and_is_removed_after(monkeypatch):
    monkeypatch.setenv("SANCTUARY_CACHE", "/somewhere/else")
    with benchmark._scratch("sanctuary-test-") as tmp:
        assert tmp.is_dir() and os.environ["SANCTUARY_CACHE"] == str(tmp / "cache")
    assert not tmp.exists() and os.environ["SANCTUARY_CACHE"] == "/somewhere/else"
    monkeypatch.delenv("SANCTUARY_CACHE")
    with benchmark._scratch("sanctuary-test-", cache=False) as tmp:
        assert "SANCTUARY_CACHE" not in os.environ
    assert not tmp.exists()


def test_one_long_article_against_several_shorter_ones():
    figures = benchmark.measure_long(6_000, parts=2)
    assert list(figures) == ["1 article of 0.006 MB, CPU s", "2 articles of 0.003 MB, CPU s"]
    assert all(seconds >= 0 for seconds in figures.values())
