"""Redundancy between sentences, for a selection in the manner of maximal marginal relevance.

Two sentences repeat a fact when they share its content words: names, nouns and verbs, not
function words. Verbs of saying ("told", "reported") are left out, since most sentences of a
news article have one and sharing "said" says nothing about sharing a fact. Words are
stemmed, so that "warned" and "warning" meet. The measure is the overlap coefficient of the
two word sets (it beat the cosine and Jaccard on the tune half); the penalty for a candidate
is its largest similarity to a sentence already chosen, times REDUNDANCY_WEIGHT.
"""

from __future__ import annotations

from collections.abc import Sequence

from bot.briefing.lexicon.wordlists import load_words
from bot.briefing.summary.rank import STOP_WORDS, stem
from bot.briefing.text.sentences import words

# Tuned on the tune half of bench/summary.py (files numbered 1 mod 4) only; re-tuned with
# the context rules and the lead prior (0.25 before).
REDUNDANCY_WEIGHT = 0.15


def content_words(text: str) -> frozenset[str]:
    """Stems of the words that carry a sentence's facts."""
    speech_verbs = load_words("speech_verbs")
    kept = set()
    for word in words(text):
        lowered = word.lower()
        if (lowered in STOP_WORDS or lowered in speech_verbs or not word[0].isalpha()
                or len(lowered) < 2):
            continue
        kept.add(stem(lowered))
    return frozenset(kept)


def similarity(a: frozenset[str], b: frozenset[str]) -> float:
    """Share of the shorter sentence's words found in the other (the overlap coefficient):
    a short paraphrase of a long sentence scores high, however much the long one adds."""
    if not a or not b:
        return 0.0
    return len(a & b) / min(len(a), len(b))


def redundancy(candidate: frozenset[str], chosen: Sequence[frozenset[str]]) -> float:
    """How much of `candidate` the chosen sentences already say: its largest similarity."""
    return max((similarity(candidate, other) for other in chosen), default=0.0)


def scaled(values: Sequence[float]) -> list[float]:
    """`values` mapped onto [0, 1]; all equal maps to all zero."""
    if not values:
        return []
    low, high = min(values), max(values)
    if high <= low:
        return [0.0] * len(values)
    return [(v - low) / (high - low) for v in values]


def rank_relevance(ranking: Sequence[int]) -> list[float]:
    """Relevance from rank alone, for rankings that come without scores: 1 first, 0 last."""
    relevance = [0.0] * len(ranking)
    for rank, index in enumerate(ranking):
        relevance[index] = 1.0 - rank / max(len(ranking) - 1, 1)
    return relevance
