import socket

import nltk
import pytest
from pytest_socket import SocketBlockedError
from textblob import TextBlob

from helpers import offline


@pytest.mark.filterwarnings("ignore:A test tried to use socket")
def test_sockets_are_blocked_during_the_tests():
    with pytest.raises(SocketBlockedError):
        socket.socket(socket.AF_INET, socket.SOCK_STREAM)


def test_punkt_tab_files_are_reproducible_and_sorted(tmp_path):
    first = offline.write_punkt_tab(tmp_path / "a")
    second = offline.write_punkt_tab(tmp_path / "b")
    assert sorted(p.name for p in first.iterdir()) == sorted(offline.PUNKT_FILES)
    for name in offline.PUNKT_FILES:
        data = (first / name).read_bytes()
        assert data == (second / name).read_bytes()
        lines = data.decode("utf-8").splitlines()
        assert lines == sorted(lines) and len(lines) > 10


def test_textblob_tokenizes_with_the_written_model(tmp_path, monkeypatch):
    offline.write_punkt_tab(tmp_path)
    monkeypatch.setattr(nltk.data, "path", [str(tmp_path)])
    blob = TextBlob("The U.S. Conference of Mayors met in Washington, D.C. on Jan. 24. Mayors left early.")
    assert [str(s) for s in blob.sentences] == [
        "The U.S. Conference of Mayors met in Washington, D.C. on Jan. 24.", "Mayors left early."]
    assert blob.words[:3] == ["The", "U.S", "Conference"]


def test_a_missing_model_is_a_clear_error(tmp_path, monkeypatch):
    monkeypatch.setattr(nltk.data, "path", [str(tmp_path)])
    assert not offline.punkt_available()
    with pytest.raises(LookupError, match=r"run `make setup`, or `python -m helpers setup`"):
        offline.require_punkt()


def test_lab_overrides_turn_news_off_and_keep_other_settings(tmp_path):
    import json

    path = tmp_path / "share" / "jupyter" / "lab" / "settings" / "overrides.json"
    path.parent.mkdir(parents=True)
    path.write_text(json.dumps({"@jupyterlab/apputils-extension:themes": {"theme": "JupyterLab Dark"}}))
    assert offline.write_lab_overrides(tmp_path) == path
    settings = json.loads(path.read_text())
    assert settings["@jupyterlab/apputils-extension:notification"] == {"fetchNews": "false", "checkForUpdates": False}
    assert settings["@jupyterlab/apputils-extension:themes"] == {"theme": "JupyterLab Dark"}
