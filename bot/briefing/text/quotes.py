"""Whether a place in a sentence lies inside a quotation."""

from __future__ import annotations


def inside_quotes(text: str, sentence_start: int, offset: int) -> bool:
    """A quotation opens in the sentence before the offset and is not closed by it
    ('"I think ...', as a quote paragraph goes on)."""
    before = text[sentence_start:offset]
    return before.count("“") > before.count("”") or before.count('"') % 2 == 1
