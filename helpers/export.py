"""Write the corpus tables as CSV files for people who use other tools."""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from . import annotate, corpus, paragraphs

ARTICLE_COLUMNS = [
    "article_id", "source_file", "title", "title_status", "outlet", "outlet_status",
    "published", "date_precision", "date_status", "date_note", "translation", "dateline", "n_chars",
]
PARAGRAPH_COLUMNS = ["article_id", "paragraph", "paragraph_type", "section", "rule", "start", "end", "text"]
SENTENCE_COLUMNS = [
    "article_id", "sentence", "paragraph", "paragraph_type", "section", "start", "end", "text",
    "n_words", "polarity", "subjectivity", "vader_compound",
]


def tables(corpus_dir: str | Path | None = None) -> dict[str, pd.DataFrame]:
    """Return the exportable tables by file name: articles, paragraphs, sentences."""
    articles = corpus.load(corpus_dir)
    paras = paragraphs.paragraphs(articles)
    sents = annotate.sentences(articles, paras)
    sents = annotate.sentiment(sents, analyzer=("textblob", "vader"))
    arts = articles.copy()
    arts["published"] = [
        ts.strftime(corpus.DATE_FORMATS[p]) for ts, p in zip(arts["published"], arts["date_precision"])
    ]
    return {
        "articles.csv": arts[ARTICLE_COLUMNS],
        "paragraphs.csv": paras[PARAGRAPH_COLUMNS],
        "sentences.csv": sents[SENTENCE_COLUMNS],
    }


def export(outdir: str | Path, corpus_dir: str | Path | None = None) -> list[Path]:
    """Return the paths of the CSV files written into ``outdir`` (UTF-8, one header row).

    ``published`` is written as precisely as it is known (``2026-02`` for a
    month); ``start``/``end`` are character offsets into the article text.
    """
    outdir = Path(outdir)
    source = Path(corpus_dir).resolve() if corpus_dir else corpus.default_dir().resolve()
    if outdir.resolve() == source or source in outdir.resolve().parents:
        raise ValueError(f"refusing to write into the corpus folder {source}; choose another OUTDIR")
    outdir.mkdir(parents=True, exist_ok=True)
    written = []
    for name, frame in tables(corpus_dir).items():
        path = outdir / name
        frame.to_csv(path, index=False, lineterminator="\n")
        written.append(path)
    return written
