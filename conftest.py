"""Suite-wide checks: the corpus folder is never written, and notebook kernels render plotly as JSON."""

import hashlib
import os
import shutil
import tempfile
from pathlib import Path

import pytest

CORPUS = Path(__file__).resolve().parent / "corpus"

# Kernels started by nbval inherit this: figures are stored and compared as JSON.
os.environ.setdefault("PLOTLY_RENDERER", "plotly_mimetype")


def corpus_hashes(folder: Path = CORPUS) -> dict[str, str]:
    """Return the SHA-256 of every file under ``folder``, by relative path."""
    return {
        str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*")) if p.is_file() and "__pycache__" not in p.parts
    }


def pytest_sessionstart(session):
    session.config._corpus_hashes = corpus_hashes()
    # the pipeline's cache of this session (notebook kernels inherit it): the user's own cache stays untouched
    if "SANCTUARY_CACHE" not in os.environ:
        session.config._cache_dir = tempfile.mkdtemp(prefix="sanctuary-test-cache-")
        os.environ["SANCTUARY_CACHE"] = session.config._cache_dir


def pytest_collection_modifyitems(config, items):
    # nbval talks to its kernel over local sockets; every other test runs with sockets blocked.
    for item in items:
        if type(item).__name__ == "NbCellItem":
            item.add_marker(pytest.mark.enable_socket)


def pytest_sessionfinish(session, exitstatus):
    cache = getattr(session.config, "_cache_dir", None)
    if cache:
        shutil.rmtree(cache, ignore_errors=True)
        os.environ.pop("SANCTUARY_CACHE", None)
    before = getattr(session.config, "_corpus_hashes", None)
    if before is None:
        return
    after = corpus_hashes()
    changed = sorted(k for k in before.keys() | after.keys() if before.get(k) != after.get(k))
    session.config._corpus_changed = changed
    if changed:
        session.exitstatus = pytest.ExitCode.TESTS_FAILED


def pytest_terminal_summary(terminalreporter, exitstatus, config):
    changed = getattr(config, "_corpus_changed", None)
    if changed:
        terminalreporter.section("corpus/ must never be written", red=True, bold=True)
        terminalreporter.write_line("FAILED: these files under corpus/ changed during the test run:", red=True)
        for name in changed:
            terminalreporter.write_line(f"  corpus/{name}", red=True)
