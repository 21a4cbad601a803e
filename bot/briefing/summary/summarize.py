"""Extractive summary: rank sentences with sumy, then apply the rules a chat brief needs.

Ranking comes from `rank` (sumy's algorithms) or `ours` (the default, built on sumy's
pieces). Selection then picks sentences one at a time, in the manner of maximal
marginal relevance: each pick is the sentence whose relevance, less a penalty for the content
words it shares with sentences already picked, is highest, so that two paraphrases of one
fact are not both shown. It skips what reads badly on its own in a chat message: fragments,
bare links, page furniture (`text/boilerplate.py`), headings and list items, near-duplicates,
sentences opening with a pronoun nobody can resolve, sentences that lean on the one before
unless it is shown (`context.py`), and, unless nothing else is left, quotations cut off from
their speaker. The chosen
sentences come back in article order.
"""

from __future__ import annotations

import logging
import re
from collections import Counter
from collections.abc import Callable, Sequence

import numpy as np

from bot.briefing.model import Span
from bot.briefing.summary.context import PRONOUNS, is_fragment, needs_context
from bot.briefing.summary.ours import ours_scores
from bot.briefing.summary.quotes import speakerless_quotes
from bot.briefing.summary.rank import STOP_WORDS, SUMY_METHODS, build_document, run_sumy
from bot.briefing.summary.select import (
    REDUNDANCY_WEIGHT,
    content_words,
    rank_relevance,
    redundancy,
    scaled,
)
from bot.briefing.text.boilerplate import is_boilerplate
from bot.briefing.text.sentences import words
from bot.errors import BotError

logger = logging.getLogger(__name__)

METHODS: tuple[str, ...] = ("auto", "lead", *SUMY_METHODS)
MIN_WORDS = 6
DUPLICATE_JACCARD = 0.6
MAX_RANKED = 300  # sentences compared pairwise; longer texts are pre-selected linearly

# A connective may come first ("But he said ..."); the pronoun after it is what counts.
_CONNECTIVES = frozenset({
    "but", "and", "however", "yet", "so", "still", "meanwhile", "instead", "also", "now",
    "then", "indeed", "moreover", "nevertheless", "later",
})
_URL = re.compile(r"(?:https?://|www\.)\S+", re.IGNORECASE)

Referent = Callable[[int], str | None]


class UnknownMethodError(BotError, ValueError):
    """A summary method name that does not exist (a settings or command typo)."""


def summarize(
    sentences: Sequence[Span],
    count: int = 3,
    method: str = "auto",
    referent_of: Referent | None = None,
    title: str | None = None,
) -> list[tuple[int, str | None]]:
    """Up to `count` sentence indices in article order, each with the referent to show.

    `title`, when known, lets "auto" prefer the sentences that carry the headline's words.
    """
    ranking, relevance = _ranking_and_relevance(sentences, method, title)
    if count <= 0:
        return []
    picker = _Picker(sentences, ranking, relevance, referent_of)
    chosen = picker.select(count, min_words=MIN_WORDS)
    if not chosen:  # a very short article: allow short sentences rather than say nothing
        chosen = picker.select(count, min_words=1, strict=False)
    return sorted(chosen)


def rank_sentences(sentences: Sequence[Span], method: str = "auto",
                   title: str | None = None) -> list[int]:
    """Every sentence index, best first, by `method`."""
    return _ranking_and_relevance(sentences, method, title)[0]


def _ranking_and_relevance(
    sentences: Sequence[Span], method: str, title: str | None = None
) -> tuple[list[int], list[float]]:
    """The ranking best first, and each sentence's relevance in [0, 1] by index."""
    if method not in METHODS:
        raise UnknownMethodError(
            f"unknown summary method {method!r}; choose one of: {', '.join(METHODS)}"
        )
    if not sentences:
        return [], []
    if method == "lead" or len(sentences) > MAX_RANKED:
        ranking = (list(range(len(sentences))) if method == "lead"
                   else _rank_long(sentences, method))
        return ranking, rank_relevance(ranking)
    if method == "auto":
        scores = ours_scores(sentences, title)
        ranking = [int(i) for i in np.argsort(-scores, kind="stable")]
        return ranking, scaled([float(v) for v in scores])
    recorder = run_sumy(build_document(sentences), method)
    return recorder.order, scaled(recorder.ratings)


def _rank_long(sentences: Sequence[Span], method: str) -> list[int]:
    """Rank a very long text (a book-length page) without quadratic cost.

    The ranking algorithms compare every sentence with every other. Beyond MAX_RANKED
    sentences a linear pre-selection keeps the sentences richest in the document's frequent
    words; only those are ranked, and the rest follow in their pre-selection order.
    """
    frequency: Counter[str] = Counter()
    tokenised = [[w.lower() for w in words(s.text)] for s in sentences]
    for tokens in tokenised:
        frequency.update(t for t in set(tokens) if t not in STOP_WORDS)
    scores = [sum(frequency[t] for t in set(tokens) if t not in STOP_WORDS) / (len(tokens) + 5)
              for tokens in tokenised]
    order = sorted(range(len(sentences)), key=lambda i: (-scores[i], i))
    kept = sorted(order[:MAX_RANKED])
    ranked = rank_sentences([sentences[i] for i in kept], method)
    return [kept[i] for i in ranked] + order[MAX_RANKED:]


class _Picker:
    """Greedy selection: the best relevance less redundancy, among sentences that pass."""

    def __init__(self, sentences: Sequence[Span], ranking: Sequence[int],
                 relevance: Sequence[float], referent_of: Referent | None) -> None:
        self.sentences = sentences
        self.ranking = ranking
        self.relevance = relevance
        self.referent_of = referent_of
        self.tokens = [words(s.text) for s in sentences]
        self.content = [content_words(s.text) for s in sentences]
        self.speakerless = speakerless_quotes(sentences)
        cased = any(c.isupper() for s in sentences for c in s.text)
        self.fragment = [is_fragment(s.text, cased, len(t))
                         for s, t in zip(sentences, self.tokens, strict=True)]
        self.leaning = [needs_context(s.text, t) for s, t in zip(sentences, self.tokens,
                                                                  strict=True)]

    def select(self, count: int, min_words: int, strict: bool = True
               ) -> list[tuple[int, str | None]]:
        """Pick by value; after each pick the values change, so the rest is re-sorted.

        A sentence turned away stays away (the reasons only grow as picks are added), so
        each pick costs one sort, however many sentences are skipped on the way.
        """
        chosen: list[tuple[int, str | None]] = []
        open_ = [i for i in self.ranking
                 if not is_junk(self.sentences[i].text, self.tokens[i], min_words)
                 and not (strict and self.fragment[i])]
        while open_ and len(chosen) < count:
            picked = [self.content[i] for i, _ in chosen]
            open_.sort(key=lambda i: self._key(i, picked))  # stable: ties keep rank order
            while open_:
                index = open_.pop(0)
                admitted, referent = self._admit(index, [i for i, _ in chosen])
                if admitted:
                    chosen.append((index, referent))
                    break
        return chosen

    def _key(self, index: int, picked: Sequence[frozenset[str]]) -> tuple[bool, float]:
        """Quote fragments last, whatever their value; then relevance less redundancy."""
        penalty = REDUNDANCY_WEIGHT * redundancy(self.content[index], picked)
        return self.speakerless[index], penalty - self.relevance[index]

    def _admit(self, index: int, chosen: Sequence[int]) -> tuple[bool, str | None]:
        """Whether the sentence may be shown, and the referent to show with it if any."""
        word_set = frozenset(t.lower() for t in self.tokens[index])
        for other in chosen:
            other_set = frozenset(t.lower() for t in self.tokens[other])
            if jaccard(word_set, other_set) >= DUPLICATE_JACCARD:
                return False, None
        context_shown = index - 1 in chosen
        if self.leaning[index] and not context_shown:
            logger.debug("skipping sentence %d: it leans on the one before", index)
            return False, None
        if not opens_with_pronoun(self.tokens[index]) or context_shown:
            return True, None
        referent = self.referent_of(index) if self.referent_of is not None else None
        if not referent:
            logger.debug("skipping sentence %d: unresolved pronoun opener", index)
        return bool(referent), referent


def is_junk(text: str, tokens: Sequence[str], min_words: int = MIN_WORDS) -> bool:
    """Short bits, bare links and page furniture (promotion, bylines, datelines)."""
    if len(tokens) < min_words or is_boilerplate(text):
        return True
    return not _URL.sub("", text).strip(" \t.,;:()[]<>\"'")


def opens_with_pronoun(tokens: Sequence[str]) -> bool:
    """True when the sentence leans on an antecedent outside itself ("He said ...")."""
    # "He's", "They’ve": the pronoun before the contraction is what counts.
    lowered = [re.split(r"['’]", t.lower(), maxsplit=1)[0] for t in tokens[:2]]
    if lowered and lowered[0] in _CONNECTIVES:
        lowered = lowered[1:]
    return bool(lowered) and lowered[0] in PRONOUNS


def jaccard(a: frozenset[str], b: frozenset[str]) -> float:
    union = len(a | b)
    return len(a & b) / union if union else 0.0
