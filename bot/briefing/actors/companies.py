"""Context that makes a name a company: what it owns and how its shares are spoken of."""

from __future__ import annotations

import re
from functools import cache

from bot.briefing.lexicon.wordlists import load_words

_OPENER = re.compile(r"(?:^|[.!?:][\"”’']?\s+|\n\s*)[\"“‘']?$")
_NAME = r"(?<![\w&\-])((?-i:[A-Z][\w&\-]*)(?:\s+(?-i:[A-Z][\w&\-]*)){0,3})"


@cache
def _pattern() -> re.Pattern[str]:
    owned = "|".join(sorted((re.escape(w).replace(r"\ ", r"\s+")
                             for w in load_words("company_possessions")), key=len,
                            reverse=True))
    return re.compile(rf"{_NAME}(?:['’]s?)?\s+(?:{owned})\b|\bshares\s+(?:in|of)\s+{_NAME}"
                      rf"|{_NAME}\s+and\s+its\b", re.IGNORECASE)


def company_names(text: str) -> frozenset[str]:
    """Names the text speaks of as companies: "Sony's profits", "Boeing executives", "shares
    in EMI", "Vivendi and its" (no person is an "it")."""
    found = set()
    for match in _pattern().finditer(text):
        index, name = next((i, g) for i, g in enumerate(match.groups(), 1) if g)
        start = match.start(index)
        if not _OPENER.search(text, max(start - 12, 0), start):
            found.add(name)  # "Pre-tax profits rose": a capital that only opens a sentence
    return frozenset(found)
