"""Page furniture that is not part of a story: calls to action, prompts, credits, datelines.

Shared by the summary (which never shows such a sentence) and by the extractor (which drops
such short lines from a page's text). The phrases are word lists in `lexicon/`: openers
count at the start of a sentence or line, phrases anywhere; both on whole words, case and
curly apostrophes ignored, and tokenised contractions ("do n't") joined back first, so the
lists work on lower-cased, tokenised text as well.
"""

from __future__ import annotations

import re
from functools import cache

from bot.briefing.lexicon.wordlists import load_words
from bot.briefing.text.sentences import words

# A bullet, a dash or a small number with a dot or bracket, then a space: a list item.
_LIST_MARKER = re.compile(r"^\s*(?:[•●▪◦·▸►*+|–—-]+|\d{1,2}[.)])\s")
_LEADING_PUNCTUATION = re.compile(r"^[^\w$£€]+")
_TOKENISED_CLITIC = re.compile(r" (n't|'s|'re|'ve|'ll|'d|'m)\b")
MAX_BYLINE_WORDS = 6
MAX_FURNITURE_LINE_WORDS = 25  # a longer line that opens like a prompt is kept: it may be prose
MAX_DATELINE_WORDS = 15


def normalise(text: str) -> str:
    """Lower case, straight apostrophes, clitics joined, single spaces, no leading marks."""
    text = text.lower().replace("’", "'").replace("‘", "'")
    text = _TOKENISED_CLITIC.sub(r"\1", " ".join(text.split()))
    return _LEADING_PUNCTUATION.sub("", text)


@cache
def _pattern(name: str, anchored: bool) -> re.Pattern[str]:
    """One regex for a word list: any entry, on word boundaries, maybe only at the start."""
    entries = sorted(load_words(name), key=len, reverse=True)
    alternatives = "|".join(re.escape(e) + (r"(?!\w)" if e[-1].isalnum() else "")
                            for e in entries)
    return re.compile(("^" if anchored else r"(?<!\w)") + f"(?:{alternatives})")


def is_promotion(text: str) -> bool:
    """A call to action, a newsletter, registry or subscription prompt, consent or credit."""
    flat = normalise(text)
    return bool(_pattern("promotion_openers", True).match(flat)
                or _pattern("promotion_phrases", False).search(flat))


def is_byline(text: str) -> bool:
    """"By Jane Smith, Reuters": a short line that names the writer."""
    tokens = words(text)
    return (bool(tokens) and tokens[0].lower() == "by" and len(tokens) <= MAX_BYLINE_WORDS
            and not any(t[0].isdigit() for t in tokens))


def is_dateline(text: str) -> bool:
    """A timestamp line: mostly calendar words and numbers, and short."""
    tokens = words(text)
    calendar = load_words("dateline_words")
    dated = sum(1 for t in tokens if t.lower() in calendar or t[0].isdigit())
    return dated * 2 > len(tokens) and len(tokens) < MAX_DATELINE_WORDS


def is_list_item(text: str) -> bool:
    """A line that opens with a list marker: an item of a list, not a sentence of prose."""
    return bool(_LIST_MARKER.match(text))


def is_boilerplate(text: str) -> bool:
    """Page furniture of any kind listed here: promotion, byline or dateline."""
    return is_promotion(text) or is_byline(text) or is_dateline(text)


def is_promotion_line(line: str) -> bool:
    """A short line of a page that opens as a call to action or a credit: the extractor
    drops it. Phrases anywhere are left to the summary, since a story may quote them."""
    return (len(words(line)) <= MAX_FURNITURE_LINE_WORDS
            and bool(_pattern("promotion_openers", True).match(normalise(line))))
