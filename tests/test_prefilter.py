import random
import re

import pytest

from helpers import annotate, corpus, prefilter, stance, stance_rules, validation
from helpers.knowledge import normalise


@pytest.mark.parametrize("pattern, flags, expected", [
    (r"\bwill not\b", re.I, {"will n"}),
    (r"\b(?:sue[sd]?|suing)\b", re.I, {"sue", "suing"}),
    (r"(?:no|never)\s+cooperat\w*", re.I, {"no", "never"}),
    (r"colou?r", 0, {"colour", "color"}),
    (r"(?:the )?raids", re.I, {"the ra", "raids"}),
    (r"[Tt]rump", 0, {"trump"}),
    (r"(?=ICE)ICE agents", 0, {"ice ag"}),
    (r"x{0,3}yz", 0, None),  # may begin with "y" alone: too short to look for
    (r"\w+ said", 0, None),
    (r"[^.]{0,40} refused", 0, None),
    (r"(a)\1", 0, None),
])
def test_the_strings_a_pattern_starts_with(pattern, flags, expected):
    found = prefilter.starts(pattern, flags)
    assert (None if found is None else set(found)) == expected


def _texts() -> list[str]:
    arts = corpus.load()
    texts = annotate.sentences(arts)["text"].tolist()
    dev = validation.load()
    texts += dev.quotes["text"].tolist()
    texts += [t for t in dev.articles["text"].str.split("\n").explode().tolist() if t]
    return texts


CUES = stance_rules._COMPILED + stance._COMPILED


def test_a_skipped_pattern_never_had_a_match():
    """The filter only skips what cannot match: checked for every cue on every corpus and real-news sentence."""
    texts = [normalise(t).translate(stance._NO_MARKS) for t in _texts()]
    rng = random.Random(7)
    # and on texts cut at random places, which start and end inside words
    texts += [t[rng.randrange(len(t)):] for t in texts if len(t) > 2]
    skipped = 0
    for _, _, rx in CUES:
        for text in texts:
            if not prefilter.may_match(rx, prefilter.fold(text)):
                skipped += 1
                assert rx.search(text) is None, (rx.pattern[:60], text[:80])
    assert skipped > len(CUES) * len(texts) // 2  # and it does skip most


@pytest.mark.parametrize("text", ["THE RAIDS TEAR FAMILIES APART", "ıce agents were wrong", "İCE agents were wrong",
                                  "The administration’s raids were cruel", "K\u212aNOW"])
def test_case_folding_matches_what_ignorecase_matches(text):
    for _, _, rx in CUES:
        if rx.search(text):
            assert prefilter.may_match(rx, prefilter.fold(text)), rx.pattern[:60]


def test_scan_gives_the_same_cues_with_and_without_the_filter(monkeypatch):
    texts = _texts()[:400]
    with_filter = [stance_rules.cues(t) for t in texts]
    monkeypatch.setattr(prefilter, "_CUES", {})
    monkeypatch.setattr(prefilter, "starts_of", lambda rx: None)  # every pattern run on every text
    assert [stance_rules.cues(t) for t in texts] == with_filter
    assert prefilter._CUES and all(entry[3] is None for _, rows in prefilter._CUES.values() for entry in rows)
