"""Content words and negation: how positions and claims are compared across the project."""

from __future__ import annotations

import re

from sumy.utils import get_stop_words

REPORTING_WORDS = frozenset({"said", "says", "say", "told", "would", "could"})
# The one stop-word list: sumy's English list, which the summarisers also read.
ENGLISH_STOP_WORDS = frozenset(get_stop_words("english"))
STOP_WORDS = ENGLISH_STOP_WORDS | REPORTING_WORDS
# A word that flips what a statement asserts ("not", "denied", "false", "doesn't").
NEGATION = re.compile(
    r"\b(?:not|no|never|nothing|none|nobody|neither|nor|barely|hardly|scarcely|cannot|deny|"
    r"denies|denied|false|untrue|refuse\w*|"
    r"reject\w*|refute\w*|disagree\w*|oppose\w*)\b|n't\b", re.IGNORECASE)
_WORD = re.compile(r"[a-z]+")
STEM_CHARS = 6  # "invade" and "invaded", "strike" and "strikes" compare equal


def content_words(text: str, *, min_length: int = 3, stem: int | None = STEM_CHARS
                  ) -> frozenset[str]:
    """Lower-case words that carry meaning, cut to `stem` characters (a cheap stemmer)."""
    words = (w for w in _WORD.findall(text.lower()) if len(w) >= min_length and
             w not in STOP_WORDS)
    return frozenset(w[:stem] if stem else w for w in words)


def is_negated(text: str) -> bool:
    return NEGATION.search(text) is not None
