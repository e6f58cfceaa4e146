"""Write the corpus tables as CSV files for people who use other tools."""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from . import annotate, corpus, knowledge, paragraphs, policies, quotes

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


def tables(corpus_dir: str | Path | None = None) -> dict[str, pd.DataFrame]:
    """Return the exportable tables by file name: articles, paragraphs, sentences, quotes, actors, places,
    policies and federal events.

    ``quotes.csv`` is the automatic annotation; ``actors.csv`` is the
    hand-curated actors (with ``party`` and ``party_source``) plus every
    speaker found in the text alone, with the automatic actor ``stance``.
    """
    from .stance import actors as actor_stances

    articles = corpus.load(corpus_dir)
    kb = knowledge.load(corpus_dir, articles)
    paras = paragraphs.paragraphs(articles)
    sents = annotate.sentences(articles, paras)
    found = quotes.find(articles, sents, kb)
    sents = annotate.sentiment(sents, analyzer=("textblob", "vader"))
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
    acts = policies.reference(articles, kb, corpus_dir)
    acts = acts.assign(jurisdiction_name=acts["jurisdiction"].map(kb.place_name),
                       actor=[names.get(a, "") for a in acts["actor_id"]])
    events = policies.federal(articles, kb, corpus_dir)
    events = events.assign(actor=[names.get(a, "") for a in events["actor_id"]])
    arts = articles.copy()
    arts["published"] = [
        ts.strftime(corpus.DATE_FORMATS[p]) for ts, p in zip(arts["published"], arts["date_precision"])
    ]
    return {
        "articles.csv": arts[ARTICLE_COLUMNS],
        "paragraphs.csv": paras[PARAGRAPH_COLUMNS],
        "sentences.csv": sents[SENTENCE_COLUMNS],
        "quotes.csv": found[QUOTE_COLUMNS],
        "actors.csv": people[ACTOR_COLUMNS],
        "places.csv": kb.places[PLACE_COLUMNS],
        "policies.csv": acts[POLICY_COLUMNS],
        "federal_events.csv": events[FEDERAL_COLUMNS],
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
