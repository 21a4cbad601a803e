"""Headlines and datelines inside the text: a page's text often opens with its headline,
sometimes glued to the sub-headline or the first sentence ("... Ranked No. 1 (Again) Spend
your golden ..."), or with a timestamp run into the first sentence ("November 20, 2019 -
11:28 AMT Site.Net - Verified video ...").

The headline is shown as the title already, so a sentence made only of headline words is
left out, and a headline or a dateline at the start of a sentence is cut off, leaving the
sentence. Words are compared lower-cased, so tokenised or lower-cased text is handled the
same way.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from bot.briefing.model import Span
from bot.briefing.text.boilerplate import is_dateline

_WORD = re.compile(r"[^\W_]+")
MIN_GLUED_WORDS = 4  # a shorter run of headline words may be chance
MIN_GLUED_SHARE = 0.6  # of the headline's words, for a glued run to count as the headline
_SEPARATORS = " \t-–—:|.,;"
_DASH = re.compile(r"\s[-–—|]\s")
MAX_DATELINE_PART = 6  # words in one dash-separated part of a dateline


def without_headline(sentences: Sequence[Span], title: str | None) -> list[tuple[int, Span]]:
    """(index, sentence) for the sentences to summarise: headline lines dropped, glued
    headlines and datelines cut off (the span then starts later in the same sentence)."""
    title_words = [w.lower() for w in _WORD.findall(title or "")]
    kept: list[tuple[int, Span]] = []
    for index, sentence in enumerate(sentences):
        matches = list(_WORD.finditer(sentence.text))
        glued = _headline_words(title_words, [m.group().lower() for m in matches])
        rest = _rest_after(sentence, matches[glued - 1].end()) if glued else sentence
        if rest is not None:
            kept.append((index, _without_dateline(rest)))
    return kept


def _without_dateline(sentence: Span) -> Span:
    """The sentence after a leading run of dash-separated date, time and source parts."""
    cut = 0
    for dash in _DASH.finditer(sentence.text):
        part = sentence.text[cut:dash.start()]
        tokens = _WORD.findall(part)
        stamped = any(t[0].isdigit() for t in tokens) or is_dateline(part)
        if not tokens or len(tokens) > MAX_DATELINE_PART or not stamped:
            break
        cut = dash.end()
    if cut == 0 or not is_dateline(sentence.text[:cut]):
        return sentence
    return _rest_after(sentence, cut) or sentence


def _headline_words(title: list[str], sentence: list[str]) -> int:
    """How many leading words of the sentence are the headline (0: none, or not enough)."""
    if not sentence:
        return 0
    longest = 0
    for start in range(len(title)):
        run = 0
        while (run < len(sentence) and start + run < len(title)
               and title[start + run] == sentence[run]):
            run += 1
        longest = max(longest, run)
    if longest == len(sentence) and (longest >= 3 or longest == len(title)):
        return longest  # the whole sentence is (part of) the headline
    if longest >= MIN_GLUED_WORDS and longest >= MIN_GLUED_SHARE * len(title):
        return longest
    return 0


def _rest_after(sentence: Span, cut: int) -> Span | None:
    """What follows the headline in the sentence, if it has words of its own."""
    text = sentence.text
    while cut < len(text) and (text[cut] in _SEPARATORS or text[cut] in ")]!?'\"’”"):
        cut += 1
    rest = text[cut:].rstrip()
    if not _WORD.search(rest):
        return None
    return Span(rest, sentence.start + cut, sentence.start + cut + len(rest))
