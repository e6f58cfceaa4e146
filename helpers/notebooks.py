"""Execute notebooks in place so that their stored outputs are current.

Outputs are kept small and deterministic: plotly figures are stored as
their JSON (the ``plotly_mimetype`` renderer), execution timestamps and
widget state are dropped, and execution counts run 1, 2, 3, ...
"""

from __future__ import annotations

import os
import time
from contextlib import contextmanager
from pathlib import Path

import nbformat
from nbclient import NotebookClient

from .navigation import NOTEBOOK_DIR

KERNEL_ENV = {"PLOTLY_RENDERER": "plotly_mimetype"}


def notebook_paths(folder: Path = NOTEBOOK_DIR) -> list[Path]:
    """Return the numbered notebooks, in order."""
    return sorted(folder.glob("[0-9][0-9]_*.ipynb"))


@contextmanager
def _kernel_env(extra: dict[str, str] | None = None):
    saved = dict(os.environ)
    os.environ.update({**KERNEL_ENV, **(extra or {})})
    try:
        yield
    finally:
        os.environ.clear()
        os.environ.update(saved)


def clean(nb) -> None:
    """Drop what changes from run to run: execution timestamps and widget state."""
    nb.metadata.pop("widgets", None)
    for cell in nb.cells:
        cell.metadata.pop("execution", None)


def run(path: Path, timeout: int = 300, env: dict[str, str] | None = None):
    """Return ``(executed notebook, seconds)`` for the notebook at ``path``, not written anywhere.

    The kernel starts in the notebook's folder with ``env`` added to its
    environment (e.g. ``{"SANCTUARY_CORPUS": "/path/to/corpus"}``).
    """
    nb = nbformat.read(path, as_version=4)
    client = NotebookClient(nb, timeout=timeout, kernel_name="python3", store_widget_state=False,
                            resources={"metadata": {"path": str(Path(path).parent)}})
    with _kernel_env(env):
        started = time.perf_counter()
        client.execute()
        seconds = time.perf_counter() - started
    clean(nb)
    return nb, seconds


def execute_all(paths=None) -> list[tuple[Path, float]]:
    """Execute notebooks in place (all numbered ones by default); return their timings."""
    done = []
    for path in [Path(p) for p in paths] if paths else notebook_paths():
        nb, seconds = run(path)
        nbformat.write(nb, path)
        done.append((path, seconds))
    return done
