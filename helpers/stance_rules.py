"""Stance read with its target: improved rules on top of the cue lexicon (placeholder)."""
from __future__ import annotations
from . import stance as _stance

def label(quotes, articles, sents, kb):
    return _stance.label(quotes, articles, sents, kb, method="lexicon")
