import csv
from pathlib import Path

import pandas as pd
import pytest

from helpers import corpus, validation
from helpers.corpus import CorpusError

TEXT = """Springfield mayor vows to fight

By Jo Lee | Updated: May 2, 2025 10:00 AM

Springfield Mayor Ana Ruiz said Tuesday the city would stay a sanctuary city.

"We will not do ICE's job for them," Ruiz said. "Not now, not ever."

Sheriff J.R. Okafor disagreed. "Sanctuary cities are sanctuaries for criminals," Okafor said.

Protesters held signs declaring "ICE out of Springfield" downtown.
"""


def _write(folder: Path, rows: dict[str, list[dict]]) -> Path:
    (folder / "articles").mkdir(parents=True)
    (folder / "articles" / "spr-2025-05-02.txt").write_text(TEXT, encoding="utf-8")
    for name, table in rows.items():
        with open(folder / f"{name}.csv", "w", encoding="utf-8", newline="") as f:
            w = csv.DictWriter(f, fieldnames=list(table[0]))
            w.writeheader()
            w.writerows(table)
    return folder


def _quote(quote, kind, speaker="", stance="", speaker_type="person", occurrence="1"):
    return {"article_id": "spr-2025-05-02", "quote": quote, "occurrence": occurrence, "kind": kind, "speaker": speaker,
            "speaker_type": speaker_type if speaker else "", "role": "", "jurisdiction": "", "stance": stance, "note": ""}


PARAGRAPHS = ["title", "boilerplate", "body", "body", "body", "body"]


@pytest.fixture
def part_dir(tmp_path):
    lines = [line.strip() for line in TEXT.split("\n") if line.strip()]
    return _write(tmp_path / "part", {
        "articles": [{"article_id": "spr-2025-05-02", "url": "https://example.org/a", "outlet": "Example Gazette",
                      "published": "2025-05-02", "date_precision": "day", "date_source": "text",
                      "date_evidence": "May 2, 2025", "title": "Springfield mayor vows to fight", "query": "", "note": ""}],
        "quotes": [
            _quote('"We will not do ICE\'s job for them,"', "full", "Ana Ruiz", "AGAINST"),
            _quote('"Not now, not ever."', "full", "Ana Ruiz", "AGAINST"),
            _quote('"Sanctuary cities are sanctuaries for criminals,"', "full", "J.R. Okafor", "FAVOR"),
            _quote('"ICE out of Springfield"', "not speech"),
        ],
        "paragraphs": [{"article_id": "spr-2025-05-02", "paragraph": str(i), "paragraph_type": t, "text_start": line[:40]}
                       for i, (t, line) in enumerate(zip(PARAGRAPHS, lines), 1)],
    })


def test_a_part_loads_into_the_frames_of_a_corpus(part_dir):
    part = validation.load(part_dir)
    assert list(part.articles[["article_id", "outlet", "title"]].iloc[0]) == ["spr-2025-05-02", "Example Gazette",
                                                                              "Springfield mayor vows to fight"]
    assert part.articles["published"].iloc[0] == pd.Timestamp("2025-05-02")
    q = part.quotes.iloc[2]
    assert TEXT[q["start"]:q["end"]] == '"Sanctuary cities are sanctuaries for criminals,"'
    assert part.paragraphs["paragraph_type"].tolist() == PARAGRAPHS


def test_every_measure_on_a_tiny_part(part_dir):
    part = validation.load(part_dir)
    figures = validation.evaluate(part, reps=50).set_index("measure")
    assert figures.loc["quotation recall", "count"] == "3 of 3 hand-coded speech quotations found"
    assert figures.loc["speaker accuracy", "count"] == "3 of 3 matched quotations"
    assert figures.loc["stance F_avg", "value"] == 1.0
    assert figures.loc["not speech kept from speech", "count"] == "1 of 1 hand-coded 'not speech' quotations typed 'not speech'"
    assert figures.loc["paragraph types", "count"] == "6 of 6 paragraphs"
    assert list(figures.columns) == ["value", "count", "low", "high", "interval"]


def test_the_cue_lexicon_reads_criticism_of_sanctuary_cities_the_wrong_way(part_dir):
    part = validation.load(part_dir)
    lexicon = validation.match(validation.annotate(part, "lexicon"), part.quotes)
    rules = validation.match(validation.annotate(part, "rules"), part.quotes)
    okafor = lambda m: m.loc[m["text"].str.startswith('"Sanctuary'), "stance_auto"].item()  # noqa: E731
    assert (okafor(lexicon), okafor(rules)) == ("AGAINST", "FAVOR")


def test_a_quote_not_in_its_article_is_named_with_file_and_row(part_dir):
    path = part_dir / "quotes.csv"
    rows = list(csv.DictReader(open(path, encoding="utf-8")))
    rows[1]["occurrence"] = "2"
    with open(path, "w", encoding="utf-8", newline="") as f:
        w = csv.DictWriter(f, fieldnames=list(rows[0]))
        w.writeheader()
        w.writerows(rows)
    with pytest.raises(CorpusError, match=r"quotes.csv, row 3, field 'quote': expected words found \(occurrence 2\)"):
        validation.load(part_dir)


@pytest.mark.parametrize("hand, auto, kind, right", [
    ("Greg Abbott", "Abbott", "person", True),
    ("Greg Abbott", "Greg Abbott", "person", True),
    ("Greg Abbott", "Ken Paxton", "person", False),
    ("Department of Homeland Security", "DHS", "organisation", True),
    ("Charlotte-Mecklenburg Police Department", "CMPD", "organisation", True),
    ("ACLU of Oregon", "the ACLU of Oregon", "organisation", True),
    ("unknown", "", "unknown", True),
    ("unknown", "Ana Ruiz", "unknown", False),
    ("Ana Ruiz", "", "person", False),
])
def test_speakers_match_by_name(hand, auto, kind, right):
    assert validation.same_speaker(hand, auto, kind) is right


def test_spans_match_when_they_overlap_by_half():
    hand = pd.DataFrame([{"article_id": "a", "start": 10, "end": 30, "quote": "x", "kind": "full", "speaker": "Ann Lee",
                          "speaker_type": "person", "stance": "FAVOR"}])
    auto = pd.DataFrame([{"article_id": "a", "start": 11, "end": 30, "text": "x", "kind": "full", "speaker": "Lee",
                          "stance": "FAVOR", "cues": "", "attribution": ""},
                         {"article_id": "a", "start": 40, "end": 50, "text": "y", "kind": "partial", "speaker": "",
                          "stance": "NONE", "cues": "", "attribution": ""}])
    merged = validation.match(auto, hand)
    assert merged["found"].tolist() == ["both", "auto only"]
    assert merged["speaker_right"].tolist() == [True, False]


def test_intervals():
    assert validation.wilson(45, 50) == (0.786, 0.957)
    assert validation.wilson(0, 10) == (0.0, 0.278)
    frame = pd.DataFrame({"article_id": list("aabbcc"), "x": [1, 1, 0, 0, 1, 1]})
    first = validation.bootstrap(frame, lambda d: float(d["x"].mean()), reps=300, seed=1)
    assert first == validation.bootstrap(frame, lambda d: float(d["x"].mean()), reps=300, seed=1)
    assert 0.0 <= first[0] <= 2 / 3 <= first[1] <= 1.0


def test_folds_keep_articles_whole_and_cover_them_once():
    part = validation.load()
    folds = validation.folds(part, 5)
    ids = [a for f in folds for a in f]
    assert sorted(ids) == sorted(part.articles["article_id"]) and len(ids) == len(set(ids))


def test_the_development_part_is_not_the_corpus():
    ids = set(corpus.load()["article_id"])
    assert ids.isdisjoint(validation.load().articles["article_id"])
    assert len(ids) == 5


def test_the_development_part_describes_itself():
    size = validation.describe(validation.load())
    assert size["articles"] >= 60 and size["outlets"] >= 20
    assert set(size["stances"]) == {"FAVOR", "AGAINST", "NONE"}
    assert min(size["years"]) >= 2016 and max(size["years"]) <= 2026


def test_baselines_beside_the_automatic_stance(part_dir):
    part = validation.load(part_dir)
    table = validation.baselines(validation.match(validation.annotate(part), part.quotes))
    assert table["method"].tolist()[0] == "automatic (stance cues)"
    assert table["n"].tolist() == [3, 3, 3]
    assert table["F_avg"].tolist()[0] == 1.0


def test_the_methods_table_has_a_column_per_part(part_dir):
    table = validation.methods_table(validation.load(), {"tiny": validation.load(part_dir)}, k=2, reps=50)
    assert table[["method", "measure"]].values.tolist() == [
        [m, x] for m in ("lexicon", "rules", "model") for x in ("speaker accuracy", "stance F_avg")]
    assert list(table.columns) == ["method", "description", "measure", "dev (cross-validation)", "tiny"]
    assert table.loc[(table["method"] == "rules") & (table["measure"] == "stance F_avg"), "tiny"].item().startswith("1.000 ")
