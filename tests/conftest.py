import csv
import shutil
from pathlib import Path

import pytest

from helpers import corpus


@pytest.fixture(scope="session")
def articles():
    return corpus.load()


@pytest.fixture
def tmp_corpus(tmp_path: Path) -> Path:
    """A writable copy of the corpus folder."""
    target = tmp_path / "corpus"
    shutil.copytree(corpus.CORPUS_DIR, target)
    return target


NEW_ARTICLE_TEXT = """Springfield mayor vows to keep city a sanctuary

By Test Desk
March 3, 2025, 9:15 AM

Springfield Mayor Ana Ruiz said Tuesday the city would keep its limits on cooperation with immigration agents.

“We will not turn our police into deportation agents,” Ruiz said. “Zanzibarian families live here too.”

Image: Ana Ruiz
Ana Ruiz speaks at City Hall on March 2, 2025. Jo Bloggs / AP file
"""

NEW_ARTICLE_META = {
    "id": "test-2025-03-03",
    "source_file": "900_test.txt",
    "title": "Springfield mayor vows to keep city a sanctuary",
    "title_status": "stated",
    "title_evidence": "Springfield mayor vows to keep city a sanctuary",
    "outlet": "Test Desk",
    "outlet_status": "stated",
    "outlet_evidence": "By Test Desk",
    "published": "2025-03-03T09:15",
    "date_precision": "minute",
    "date_status": "stated",
    "date_evidence": "March 3, 2025, 9:15 AM",
    "date_note": "The page's own timestamp.",
    "translation": None,
    "dateline": None,
    "notes": None,
}


@pytest.fixture
def corpus_with_new_article(tmp_corpus: Path) -> Path:
    """A copy of the corpus with a sixth, invented article added (text + metadata, nothing else)."""
    import json

    folder = tmp_corpus / "articles"
    (folder / "900_test.txt").write_text(NEW_ARTICLE_TEXT, encoding="utf-8")
    (folder / "900_test.json").write_text(json.dumps(NEW_ARTICLE_META, indent=2), encoding="utf-8")
    return tmp_corpus


def rewrite_csv(path: Path, change) -> None:
    """Rewrite a CSV table in place after ``change(rows)`` edits its list of row dicts."""
    with open(path, encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f))
    fields = list(rows[0])
    change(rows)
    with open(path, "w", encoding="utf-8", newline="") as f:
        writer = csv.DictWriter(f, fieldnames=fields, lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)


@pytest.fixture(scope="session")
def book(articles):
    """The quotation book of the corpus: one row per quotation, both stances."""
    from helpers import annotate, knowledge, quotebook, quotes

    kb = knowledge.load(articles=articles)
    sents = annotate.sentences(articles)
    return quotebook.build(articles, sents, quotes.find(articles, sents, kb), quotes.reference(articles, kb), kb)


@pytest.fixture(scope="session")
def policy_data(articles, book):
    """The corpus's knowledge, hand-coded actions, federal events and jurisdictions."""
    from helpers import cities, knowledge, policies

    kb = knowledge.load(articles=articles)
    acts = policies.reference(articles, kb)
    return kb, acts, policies.federal(articles, kb), cities.jurisdictions(kb, acts, book)


@pytest.fixture(scope="module")
def big(book, articles):
    """The corpus's quotation book and articles copied to 5,000 articles and 2,001 speakers: ``(book, articles)``.

    Copy ``k`` of an article gets the id ``<id>-r<k>`` and a date ``3 * k``
    days earlier; each speaker is split into 87 (``Name (k % 87)``).
    """
    import numpy as np
    import pandas as pd

    copies = 1000
    k = np.repeat(np.arange(copies), len(book))
    many = pd.concat([book] * copies, ignore_index=True)
    suffix = pd.Series([f"-r{c:04d}" for c in k])
    many["article_id"] = many["article_id"] + suffix
    many["published"] = many["published"] - pd.to_timedelta(3 * k, unit="D")
    many["speaker"] = many["speaker"] + pd.Series([f" ({c % 87})" for c in k])
    many["speaker_id"] = many["speaker_id"] + pd.Series([f"-{c % 87}" for c in k])
    a = np.repeat(np.arange(copies), len(articles))
    arts = pd.concat([articles] * copies, ignore_index=True)
    arts["article_id"] = arts["article_id"] + pd.Series([f"-r{c:04d}" for c in a])
    arts["published"] = arts["published"] - pd.to_timedelta(3 * a, unit="D")
    return many, arts
