"""One story, many outlets: group briefs whose texts tell the same news.

The store already merges identical texts (content hash) and identical URLs. Two outlets'
versions of one story share neither, but they share their names, numbers and key nouns,
so we compare word sets of the title and the story's opening.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from sumy.utils import get_stop_words

from bot.briefing.model import Brief
from bot.store.records import StoredArticle

_STOP = frozenset(get_stop_words("english")) | {
    "said", "says", "told", "would", "could", "also", "percent", "monday", "tuesday",
    "wednesday", "thursday", "friday", "saturday", "sunday", "year", "years", "week", "weeks",
}
_WORD = re.compile(r"[^\W_]{3,}|\d+(?:[.,]\d+)?")
LEAD_WORDS = 250  # the opening carries the story; later paragraphs drift into background
STEM_CHARS = 6  # "strike" and "strikes", "approve" and "approved" compare equal
# Jaccard similarity at or above which two articles are one story. On the examples in
# tests/digest/texts.py three outlets' versions of one story score 0.35-0.64 with each
# other, different stories on one subject (energy bills vs a wind farm, both quoting one
# minister) 0.09, unrelated stories under 0.05. A follow-up with the same cast (0.32)
# joins its story, which a daily digest wants anyway.
SAME_STORY = 0.2


@dataclass(frozen=True, slots=True)
class Coverage:
    """One article in the digest: the stored row, for its URL and outlet, and its brief."""

    article: StoredArticle
    brief: Brief


@dataclass(frozen=True, slots=True)
class Story:
    """Articles judged to report the same news; the first is the one we summarise."""

    coverage: tuple[Coverage, ...]

    @property
    def lead(self) -> Coverage:
        return self.coverage[0]

    @property
    def briefs(self) -> list[Brief]:
        return [c.brief for c in self.coverage]


def story_words(brief: Brief) -> frozenset[str]:
    """The title and the first `LEAD_WORDS` words of the text, stemmed, without stop words."""
    words = _WORD.findall(brief.article.title.lower())
    words += _WORD.findall(brief.article.text.lower())[:LEAD_WORDS]
    return frozenset(w[:STEM_CHARS] for w in words if w not in _STOP)


def similarity(first: frozenset[str], second: frozenset[str]) -> float:
    """Jaccard: symmetric, and a long article does not swallow every short one."""
    if not first or not second:
        return 0.0
    return len(first & second) / len(first | second)


def group_stories(coverage: Sequence[Coverage], threshold: float = SAME_STORY) -> list[Story]:
    """Single-link groups, in the order each story first appears in `coverage`."""
    words = [story_words(c.brief) for c in coverage]
    parent = list(range(len(coverage)))

    def root(index: int) -> int:
        while parent[index] != index:
            parent[index] = parent[parent[index]]
            index = parent[index]
        return index

    for i in range(len(coverage)):
        for j in range(i + 1, len(coverage)):
            if similarity(words[i], words[j]) >= threshold:
                parent[max(root(i), root(j))] = min(root(i), root(j))
    groups: dict[int, list[Coverage]] = {}
    for index, item in enumerate(coverage):
        groups.setdefault(root(index), []).append(item)
    return [Story(tuple(items)) for items in groups.values()]
