"""Whether a sentence can stand alone in a chat brief, or leans on the one before it.

A brief shows a few sentences out of their article. A sentence that opens with "Also" or
"In some rooms", has a pronoun for subject after an opening phrase ("On Monday, it ..."),
starts in lower case in a text that has capitals (a fragment), opens with a list marker,
runs on beyond MAX_SENTENCE_WORDS, or has no closing punctuation (a heading, caption, link
or keyword line) cannot. Pronoun
openers at the very start are the summary's own rule, since a shown referent can rescue
them. Every test here reads words case-free, so lower-cased text loses nothing but the
lower-case-start rule, which it cannot have.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import cache

from bot.briefing.lexicon.wordlists import load_words
from bot.briefing.text.boilerplate import is_list_item, normalise

PRONOUNS = frozenset({
    "he", "she", "they", "it", "this", "these", "those", "that", "his", "her", "their",
    "its", "him", "them", "such",
})
MAX_OPENING_PHRASE = 6  # words before the comma of an opening phrase ("In the end, ...")
# Longer than any sentence a reader takes in at once in chat: several run together, as when
# a page's link or pop-up text is glued into a sentence.
MAX_SENTENCE_WORDS = 60
_TERMINATED = re.compile(r"[.!?…]+[\"'”’»)\]]*\s*$|[.!?…]\s*(?:''|\"|-rrb-)\s*$")


@cache
def _openers() -> re.Pattern[str]:
    entries = sorted(load_words("context_openers"), key=len, reverse=True)
    return re.compile("^(?:" + "|".join(re.escape(e) for e in entries) + r")(?!\w)")


def is_unterminated(text: str) -> bool:
    """No closing full stop, question or exclamation mark: not a sentence of prose."""
    return not _TERMINATED.search(text)


def is_fragment(text: str, cased: bool, word_count: int = 0) -> bool:
    """Not a sentence that stands alone, whatever comes before it."""
    stripped = text.lstrip("\"'“‘([ ")
    starts_lower = cased and stripped[:1].isalpha() and stripped[:1].islower()
    return (starts_lower or word_count > MAX_SENTENCE_WORDS or is_list_item(text)
            or is_unterminated(text))


def needs_context(text: str, tokens: Sequence[str]) -> bool:
    """Leans on the sentence before: a back-pointing opener, or a pronoun subject after an
    opening phrase."""
    if _openers().match(normalise(text)):
        return True
    head = text.split(",", 1)
    if len(head) < 2 or len(head[0].split()) > MAX_OPENING_PHRASE:
        return False
    after = head[1].split(None, 1)
    first = re.split(r"['’]", after[0].lower(), maxsplit=1)[0] if after else ""
    return first in PRONOUNS and len(tokens) > len(head[0].split()) + 1
