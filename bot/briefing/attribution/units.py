"""Units of attribution: sentences merged where a quotation runs across them, and the masked
text in which every quotation is blanked (same length, so offsets carry over).
"""

from __future__ import annotations

import bisect
from collections.abc import Sequence

from bot.briefing.attribution.cues import find_verb_cues
from bot.briefing.attribution.parts import quote_end, strip_span
from bot.briefing.lexicon.wordlists import load_words
from bot.briefing.model import Span

_QUOTE, _FILL = '"', "_"
_MAX_TAG_WORDS = 6
_CONTINUATION_MIN_WORDS = 3


def mask_quotes(text: str, quotes: Sequence[tuple[int, int]]) -> str:
    """`text` with each quotation as '"____"': same length, so offsets carry over.

    The opening and closing marks never overlap: a bare '' is one mark, not an open and a
    close, so it stays two characters long."""
    pieces: list[str] = []
    position = 0
    for start, end in quotes:
        pieces.append(text[position:start])
        opening = min(2 if text.startswith("''", start) else 1, end - start)
        closing = _mark_length(text, end) if _is_mark_end(text, end) else 0
        if end - closing < start + opening:
            closing = 0
        pieces.append(_QUOTE * opening + _FILL * (end - closing - start - opening))
        pieces.append(_QUOTE * closing)
        position = end
    pieces.append(text[position:])
    return "".join(pieces)


def _is_mark_end(text: str, end: int) -> bool:
    return text[end - 1:end] in ("\"", "”", "»") or text[end - 2:end] == "''"


def _mark_length(text: str, end: int) -> int:
    return 2 if text[end - 2:end] == "''" else 1


def find_units(
    text: str, masked: str, sentences: Sequence[Span], quotes: Sequence[tuple[int, int]]
) -> list[tuple[int, int]]:
    """Sentences merged where a quotation crosses them, where "X said:" precedes a quote, or
    where '"Why?"' is split from its 'Borger asked.'."""
    quote_starts = [start for start, _ in quotes]
    units: list[tuple[int, int]] = []
    for sentence in sentences:
        if units and (
            _inside_quote(sentence.start, quote_starts, quotes)
            or _ends_with_abbreviation(masked, units[-1])
            or (masked[units[-1][1] - 1] == ":" and masked[sentence.start] == _QUOTE)
            or _tag_after_question(text, masked, units[-1][1], sentence)
        ):
            units[-1] = (units[-1][0], max(units[-1][1], sentence.end))
        else:
            units.append((sentence.start, sentence.end))
    return units


def _ends_with_abbreviation(masked: str, unit: tuple[int, int]) -> bool:
    tail = masked[max(unit[0], unit[1] - 8):unit[1]].split()
    return bool(tail) and tail[-1].lower() in load_words("abbreviations")


def _tag_after_question(text: str, masked: str, unit_end: int, sentence: Span) -> bool:
    """'"Is that you?" | Borger asked.': a quotation ending in ? or ! and a short speech tag."""
    # The ? may sit inside a nested quote: "... 'What can I do?'" | Weaver said.
    last = text[max(0, unit_end - 4):unit_end - 1].rstrip("’'")[-1:]
    if masked[unit_end - 1] != _QUOTE or last not in ("?", "!"):
        return False
    if masked[sentence.start] == _QUOTE or not sentence.text.endswith("."):
        return False
    cues = find_verb_cues(masked, sentence.start, sentence.end)
    return bool(cues) and len(masked[sentence.start:cues[0].start].split()) <= _MAX_TAG_WORDS


def _inside_quote(position: int, starts: list[int], quotes: Sequence[tuple[int, int]]) -> bool:
    index = bisect.bisect_left(starts, position) - 1
    return index >= 0 and quotes[index][1] > position


def lone_quotation(text: str, masked: str, start: int, end: int) -> tuple[int, int] | None:
    """The content of a unit that is nothing but a quotation of a few words, else None."""
    unit = strip_span(masked, start, end)
    if unit is None or masked[unit[0]] != _QUOTE:
        return None
    closing = quote_end(masked, unit[0])
    if masked[closing:unit[1]].strip(_QUOTE + ".?! ") != "":
        return None
    content = strip_span(text, unit[0], closing, quotes=True)
    if content is None or len(text[content[0]:content[1]].split()) < _CONTINUATION_MIN_WORDS:
        return None
    return content
