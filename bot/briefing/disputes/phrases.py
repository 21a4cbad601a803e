"""Word-list phrases as regular-expression alternations, written the way articles write them."""

from __future__ import annotations

import re
from collections.abc import Iterable

from bot.briefing.lexicon.wordlists import load_words

_APOSTROPHE = "['’]"


def phrase_regex(phrase: str) -> str:
    """One phrase: any run of spaces between its words, a straight or curly apostrophe
    ("didn't" also matches "didn’t", the form most news sites print)."""
    words = (re.escape(w.replace("’", "'")).replace("'", _APOSTROPHE) for w in phrase.split())
    return r"\s+".join(words)


def phrases_regex(phrases: Iterable[str]) -> str:
    """Longest first, so that "is not true" wins over "not true"."""
    return "|".join(phrase_regex(p) for p in sorted(set(phrases), key=len, reverse=True))


def alternation(*names: str) -> str:
    """The phrases of the named word lists as one alternation."""
    return phrases_regex(frozenset().union(*(load_words(n) for n in names)))
