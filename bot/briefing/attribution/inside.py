"""Attributions set inside the content: "The contrast, said Doyle, would be clear" and
"The contrast, Doyle said, would be clear". The content is the two pieces around the insert.

Works on the masked text (see `attribution.py`); offsets are those of the text.
"""

from __future__ import annotations

import re

from bot.briefing.attribution.cues import Cue
from bot.briefing.attribution.parts import Content, content_before, strip_span
from bot.briefing.attribution.source import looks_like_source
from bot.briefing.lexicon.wordlists import load_words

_WORDS = re.compile(r"[^\W_]+")
_NEXT_WORD = re.compile(r"\s+([^\W_]+)")
_INSERT_END = re.compile(r"[,;:\"!?]")
_MAX_INSERT_CHARS = 150
_TAIL = re.compile(r"(?:\s+[^\W_]+){0,2}?\s*,\s+([^\W_]+)")  # " Tuesday, would"
_MAX_INSERT_WORDS = 8

Insert = tuple[tuple[int, int], Content, Content]  # source, content before, content after


def inserted_attribution(masked: str, unit_start: int, cue: Cue, unit_end: int) -> Insert | None:
    """Source and the two content pieces when `cue` sits in commas inside its content."""
    comma = _comma_before(masked, unit_start, cue.start)
    if comma is not None:  # "..., said Doyle, would ..."
        rest_start = _verb_after_comma(masked, cue.end, unit_end)
        if rest_start is None:
            return None
        source = strip_span(masked, cue.end, masked.rfind(",", cue.end, rest_start))
        lead_end = comma
    else:  # "..., Doyle said, would ..."
        tail = _TAIL.match(masked, cue.end, unit_end)
        lead_end = masked.rfind(",", unit_start, cue.start)
        if tail is None or not _is_verb(tail.group(1)) or lead_end <= unit_start:
            return None
        source = strip_span(masked, lead_end + 1, cue.start)
        rest_start = tail.start(1)
    if source is None or not _is_short_source(masked, source):
        return None
    lead = content_before(masked, unit_start, lead_end)
    rest = strip_span(masked, rest_start, unit_end)
    if lead is None or rest is None or len(_WORDS.findall(masked, *rest)) < 2:
        return None
    return source, lead, (rest[0], rest[1], False)


def _comma_before(masked: str, unit_start: int, position: int) -> int | None:
    index = position
    while index > unit_start and masked[index - 1].isspace():
        index -= 1
    return index - 1 if index > unit_start + 1 and masked[index - 1] == "," else None


def _verb_after_comma(masked: str, start: int, unit_end: int) -> int | None:
    """'said Kofman, an expert, would read': where the verb after the insert's last comma is."""
    limit = min(unit_end, start + _MAX_INSERT_CHARS)
    for stop in _INSERT_END.finditer(masked, start, limit):
        if stop.group() != ",":
            return None
        word = _NEXT_WORD.match(masked, stop.end(), unit_end)
        if word is not None and _is_verb(word.group(1)):
            return word.start(1)
    return None


def _is_verb(word: str) -> bool:
    return word.islower() and word in load_words("auxiliaries")


def _is_short_source(masked: str, source: tuple[int, int]) -> bool:
    words = [m.group() for m in _WORDS.finditer(masked, *source)]
    return (
        0 < len(words) <= _MAX_INSERT_WORDS
        and '"' not in masked[source[0]:source[1]]
        and looks_like_source(words)
        and not any(w.lower() in load_words("auxiliaries") for w in words)
    )
