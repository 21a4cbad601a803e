"""Extractive summary: rank sentences with sumy, then apply the rules a chat brief needs.

Ranking comes from `summary_rank` (sumy's algorithms) or `summary_ours` (the default, built
on sumy's pieces). Selection then walks the ranking best first and skips what reads badly on
its own in a chat message: fragments, bare links, datelines, near-duplicates, and sentences
opening with a pronoun nobody can resolve. The chosen sentences come back in article order.
"""

from __future__ import annotations

import logging
import re
from collections import Counter
from collections.abc import Callable, Sequence

from bot.briefing.model import Span
from bot.briefing.sentences import words
from bot.briefing.summary_ours import ours_ranking
from bot.briefing.summary_rank import STOP_WORDS, SUMY_METHODS, sumy_ranking
from bot.errors import BotError

logger = logging.getLogger(__name__)

METHODS: tuple[str, ...] = ("auto", "lead", *SUMY_METHODS)
MIN_WORDS = 6
DUPLICATE_JACCARD = 0.6
MAX_RANKED = 300  # sentences compared pairwise; longer texts are pre-selected linearly

# Openers whose antecedent is in an earlier sentence the reader will not see.
_PRONOUNS = frozenset({
    "he", "she", "they", "it", "this", "these", "those", "that", "his", "her", "their",
    "its", "him", "them", "such",
})
# A connective may come first ("But he said ..."); the pronoun after it is what counts.
_CONNECTIVES = frozenset({
    "but", "and", "however", "yet", "so", "still", "meanwhile", "instead", "also", "now",
    "then", "indeed", "moreover", "nevertheless", "later",
})
_CALENDAR = frozenset({
    "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
    "january", "february", "march", "april", "june", "july", "august", "september", "october",
    "november", "december", "monday", "tuesday", "wednesday", "thursday", "friday",
    "saturday", "sunday", "am", "pm", "gmt", "bst", "utc", "et", "est", "edt", "pt", "pst",
    "published", "updated", "posted", "last", "on", "at",
})
_URL = re.compile(r"(?:https?://|www\.)\S+", re.IGNORECASE)
_BOILERPLATE = re.compile(
    r"^\W*(?:image (?:caption|copyright)|media caption|read more|click here|sign up|"
    r"subscribe|follow us|share this|advertisement|related:|watch:|listen:)",
    re.IGNORECASE,
)

Referent = Callable[[int], str | None]


class UnknownMethodError(BotError, ValueError):
    """A summary method name that does not exist (a settings or command typo)."""


def summarize(
    sentences: Sequence[Span],
    count: int = 3,
    method: str = "auto",
    referent_of: Referent | None = None,
) -> list[tuple[int, str | None]]:
    """Up to `count` sentence indices in article order, each with the referent to show."""
    ranking = rank_sentences(sentences, method)
    if count <= 0:
        return []
    chosen = _select(sentences, ranking, count, referent_of, min_words=MIN_WORDS)
    if not chosen:  # a very short article: allow short sentences rather than say nothing
        chosen = _select(sentences, ranking, count, referent_of, min_words=1)
    return sorted(chosen)


def rank_sentences(sentences: Sequence[Span], method: str = "auto") -> list[int]:
    """Every sentence index, best first, by `method`."""
    if method not in METHODS:
        raise UnknownMethodError(
            f"unknown summary method {method!r}; choose one of: {', '.join(METHODS)}"
        )
    if method == "lead":
        return list(range(len(sentences)))
    if len(sentences) > MAX_RANKED:
        return _rank_long(sentences, method)
    if method == "auto":
        return ours_ranking(sentences)
    return sumy_ranking(sentences, method)


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


def _select(
    sentences: Sequence[Span],
    ranking: Sequence[int],
    count: int,
    referent_of: Referent | None,
    min_words: int,
) -> list[tuple[int, str | None]]:
    chosen: list[tuple[int, str | None]] = []
    kept_words: list[frozenset[str]] = []
    for index in ranking:
        text = sentences[index].text
        tokens = words(text)
        if is_junk(text, tokens, min_words):
            continue
        word_set = frozenset(t.lower() for t in tokens)
        if any(jaccard(word_set, other) >= DUPLICATE_JACCARD for other in kept_words):
            continue
        referent = None
        if opens_with_pronoun(tokens):
            referent = referent_of(index) if referent_of is not None else None
            if not referent:
                logger.debug("skipping sentence %d: unresolved pronoun opener", index)
                continue
        chosen.append((index, referent))
        kept_words.append(word_set)
        if len(chosen) == count:
            break
    return chosen


def is_junk(text: str, tokens: Sequence[str], min_words: int = MIN_WORDS) -> bool:
    """Fragments, bare links, datelines and page furniture, which say nothing on their own."""
    if len(tokens) < min_words or _BOILERPLATE.match(text):
        return True
    if not _URL.sub("", text).strip(" \t.,;:()[]<>\"'"):
        return True
    calendar = sum(1 for t in tokens if t.lower() in _CALENDAR or t[0].isdigit())
    return calendar * 2 > len(tokens) and len(tokens) < 15


def opens_with_pronoun(tokens: Sequence[str]) -> bool:
    """True when the sentence leans on an antecedent outside itself ("He said ...")."""
    lowered = [t.lower() for t in tokens[:2]]
    if lowered and lowered[0] in _CONNECTIVES:
        lowered = lowered[1:]
    return bool(lowered) and lowered[0] in _PRONOUNS


def jaccard(a: frozenset[str], b: frozenset[str]) -> float:
    union = len(a | b)
    return len(a & b) / union if union else 0.0
