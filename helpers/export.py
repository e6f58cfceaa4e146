"""Write the corpus tables as CSV files for people who use other tools."""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from . import corpus, knowledge, quotes
from .corpus import CorpusError  # noqa: F401  (raised by export)

ARTICLE_COLUMNS = [
    "article_id", "source_file", "title", "title_status", "outlet", "outlet_status",
    "published", "date_precision", "date_status", "date_note", "translation", "dateline", "n_chars",
]
PARAGRAPH_COLUMNS = ["article_id", "paragraph", "paragraph_type", "section", "rule", "start", "end", "text"]
SENTENCE_COLUMNS = [
    "article_id", "sentence", "paragraph", "paragraph_type", "section", "start", "end", "text",
    "n_words", "polarity", "subjectivity", "vader_compound",
]

QUOTE_COLUMNS = [
    "article_id", "quote", "paragraph", "sentence", "start", "end", "text", "kind", "speaker", "speaker_id",
    "speaker_known", "speaker_role", "speaker_jurisdiction", "verb", "attribution", "stance", "cues",
]
ACTOR_COLUMNS = knowledge.ACTOR_COLUMNS + ["stance", "n_quotes"]
PLACE_COLUMNS = knowledge.PLACE_COLUMNS
POLICY_COLUMNS = ["id", "jurisdiction", "jurisdiction_name", "actor_id", "actor", "date", "date_precision", "date_status",
                  "date_evidence", "category", "direction", "article_id", "evidence", "evidence_start", "note"]
FEDERAL_COLUMNS = ["id", "actor_id", "actor", "date", "date_precision", "date_status", "date_evidence", "event",
                   "article_id", "evidence", "evidence_start", "note"]


def tables(corpus_dir: str | Path | None = None, pipe=None, **options) -> dict[str, pd.DataFrame]:
    """Return the exportable tables by file name: articles, paragraphs, sentences, quotes, actors, places,
    policies and federal events.

    ``quotes.csv`` is the automatic annotation; ``actors.csv`` is the
    hand-curated actors (with ``party`` and ``party_source``) plus every
    speaker found in the text alone, with the automatic actor ``stance``.
    ``pipe`` is a :class:`helpers.pipeline.Pipeline` already built; else one
    is built (or read from the cache) with ``options`` (see
    :func:`helpers.pipeline.build`).
    """
    from .pipeline import build
    from .stance import actors as actor_stances

    p = pipe if pipe is not None else build(corpus_dir, **options)
    articles, kb, found, sents = p.articles, p.knowledge, p.quotations, p.sentences
    stances = actor_stances(found)
    speech = found[found["kind"].isin(quotes.SPEECH) & (found["speaker_id"] != "")]
    people = kb.actors.copy()
    unknown = speech[~speech["speaker_id"].isin(set(people["id"]))].drop_duplicates("speaker_id")
    extra = pd.DataFrame({
        "id": unknown["speaker_id"], "name": unknown["speaker"], "kind": "", "aliases": "",
        "role": unknown["speaker_role"], "jurisdiction": unknown["speaker_jurisdiction"], "party": "unknown",
        "party_source": "not applicable", "party_article": "", "party_evidence": "", "party_note": "",
        "nonpartisan_office": "", "notes": "found in the text; not in knowledge/actors.csv",
    })
    people = pd.concat([people, extra], ignore_index=True)
    people = people.merge(stances[["speaker_id", "actor_stance"]], left_on="id", right_on="speaker_id", how="left")
    people["stance"] = people["actor_stance"].fillna("")
    people["n_quotes"] = people["id"].map(speech.groupby("speaker_id").size()).fillna(0).astype(int)
    names = dict(zip(kb.actors["id"], kb.actors["name"]))
    acts = p.policies
    acts = acts.assign(jurisdiction_name=acts["jurisdiction"].map(kb.place_name),
                       actor=[names.get(a, "") for a in acts["actor_id"]])
    events = p.federal
    events = events.assign(actor=[names.get(a, "") for a in events["actor_id"]])
    arts = articles.copy()
    arts["published"] = [
        ts.strftime(corpus.DATE_FORMATS[p]) for ts, p in zip(arts["published"], arts["date_precision"])
    ]
    return {
        "articles.csv": arts[ARTICLE_COLUMNS],
        "paragraphs.csv": p.paragraphs[PARAGRAPH_COLUMNS],
        "sentences.csv": sents[SENTENCE_COLUMNS],
        "quotes.csv": found[QUOTE_COLUMNS],
        "actors.csv": people[ACTOR_COLUMNS],
        "places.csv": kb.places[PLACE_COLUMNS],
        "policies.csv": acts[POLICY_COLUMNS],
        "federal_events.csv": events[FEDERAL_COLUMNS],
    }


#: Articles per Parquet file in a partitioned export.
PART_ARTICLES = 1000
#: The per-article tables written as partitioned Parquet: folder -> CSV of the same rows.
PARQUET_TABLES = {"paragraphs": "paragraphs.csv", "sentences": "sentences.csv", "quotes": "quotes.csv"}


def _write_parquet(folder: Path, frame: pd.DataFrame, article_ids: list[str]) -> list[Path]:
    """Write ``frame`` as ``part-NNNNN.parquet`` files of :data:`PART_ARTICLES` articles each."""
    folder.mkdir(parents=True)
    part_of = {a: i // PART_ARTICLES for i, a in enumerate(article_ids)}
    keys = frame["article_id"].map(part_of)
    written = []
    for number in range(max(1, -(-len(article_ids) // PART_ARTICLES))):
        path = folder / f"part-{number:05d}.parquet"
        frame[keys == number].reset_index(drop=True).to_parquet(path, engine="pyarrow", index=False)
        written.append(path)
    return written


def export(outdir: str | Path, corpus_dir: str | Path | None = None, engine: str | None = None,
           scheduler: str | None = None, workers: int | None = None, parquet: bool | None = None) -> list[Path]:
    """Return the paths of the files written into ``outdir``: one CSV per table (UTF-8, one header row).

    ``published`` is written as precisely as it is known (``2026-02`` for a
    month); ``start``/``end`` are character offsets into the article text.
    Every corpus file is checked first, the hand-coded annotations too; a
    problem raises :class:`helpers.corpus.CorpusError`. The files are written
    into a temporary folder beside ``outdir`` that replaces it only once all
    are written, so a failed export leaves nothing behind. With ``engine``
    (``"serial"``, ``"process"`` or ``"dask"``, with a Dask ``scheduler``
    address or a local cluster) the tables are annotated afresh by that engine
    rather than read from the cache; with ``parquet`` (the default for Dask),
    paragraphs, sentences and quotes are also written as partitioned Parquet
    (``parquet/<table>/part-NNNNN.parquet``, :data:`PART_ARTICLES` articles a file).
    """
    import os
    import shutil
    import tempfile

    from .pipeline import build

    outdir = Path(outdir)
    source = Path(corpus_dir).resolve() if corpus_dir else corpus.default_dir().resolve()
    if outdir.resolve() == source or source in outdir.resolve().parents:
        raise ValueError(f"refusing to write into the corpus folder {source}; choose another OUTDIR")
    if outdir.exists() and not outdir.is_dir():
        raise ValueError(f"{outdir} is a file; choose a folder to write the tables into")
    pipe = build(corpus_dir, engine=engine, scheduler=scheduler, workers=workers, refresh=engine is not None)
    parquet = engine == "dask" if parquet is None else parquet
    outdir.parent.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(dir=outdir.parent, prefix=f".{outdir.name}.tmp-"))
    try:
        names = []
        found = tables(pipe=pipe)
        for name, frame in found.items():
            frame.to_csv(tmp / name, index=False, lineterminator="\n")
            names.append(Path(name))
        if parquet:
            ids = list(pipe.articles["article_id"])
            for folder, name in PARQUET_TABLES.items():
                names += [p.relative_to(tmp) for p in _write_parquet(tmp / "parquet" / folder, found[name], ids)]
        if not outdir.exists():
            os.replace(tmp, outdir)
        else:
            # files of the folder that the export does not write stay as they are
            for entry in sorted(tmp.iterdir()):
                target = outdir / entry.name
                if entry.is_dir():
                    if target.exists():
                        aside = tmp / f".old-{entry.name}"
                        os.replace(target, aside)
                    os.replace(entry, target)
                else:
                    os.replace(entry, target)
            shutil.rmtree(tmp, ignore_errors=True)
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise
    return [outdir / n for n in names]
