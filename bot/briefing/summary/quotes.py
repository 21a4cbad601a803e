"""Quotation fragments: sentences of a quotation that do not say who is speaking.

A chat brief shows a few sentences out of context. A sentence from the middle or the tail of
a multi-sentence quotation ('... that's the extra £1,400."') reads as an anonymous quote
there, so the summary takes one only when nothing else is left.

Only the sentences themselves are read, in article order. Quote marks are followed across
sentences: curly marks carry their direction, a straight mark opens after a space or at the
start of a sentence and closes otherwise. An opening mark while a quotation is open is the
newspaper convention for a quotation that runs on into a new paragraph, so it stays open. A
stray mark must not silence the rest of an article: a quotation left open runs on through at
most MAX_RUN_ON sentences without quote marks.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from bot.briefing.lexicon.wordlists import load_words
from bot.briefing.model import Span
from bot.briefing.text.sentences import words

MAX_RUN_ON = 3
_MARK = re.compile(r"“|”|''|``|\"|„|«|»")
_OPENERS = frozenset({"“", "„", "«", "``"})
_CLOSERS = frozenset({"”", "»", "''"})
_OPEN_BEFORE = " \t([{—–-:;/"
_CUE_PHRASES = ("according to",)


def speakerless_quotes(sentences: Sequence[Span]) -> list[bool]:
    """For each sentence: True when part of it belongs to a quotation that runs on into a
    neighbouring sentence, and no speech cue stands outside the quoted words."""
    flags: list[bool] = []
    open_quote = False
    quiet = 0  # sentences without quote marks since the quotation opened
    for sentence in sentences:
        text = sentence.text
        started_open = open_quote
        outside: list[str] = []
        cursor = 0
        marks = list(_MARK.finditer(text))
        for mark in marks:
            if not open_quote:
                outside.append(text[cursor:mark.start()])
            open_quote = _opens(text, mark.start(), mark.group(), open_quote)
            cursor = mark.end()
        if not open_quote:
            outside.append(text[cursor:])
        runs_beyond = started_open or open_quote
        flags.append(runs_beyond and not has_speech_cue(" ".join(outside)))
        quiet = 0 if marks else quiet + 1
        if open_quote and quiet >= MAX_RUN_ON:
            open_quote = False
    return flags


def has_speech_cue(text: str) -> bool:
    """A verb of saying ("said", "told") or "according to": the speaker is named nearby."""
    verbs = load_words("speech_verbs")
    lowered = text.lower()
    return any(w.lower() in verbs for w in words(text)) or any(
        phrase in lowered for phrase in _CUE_PHRASES
    )


def _opens(text: str, at: int, mark: str, open_quote: bool) -> bool:
    """The quotation state after one mark: True while a quotation is open."""
    if mark in _OPENERS:
        return True
    if mark in _CLOSERS:
        return False
    starts_word = at == 0 or text[at - 1] in _OPEN_BEFORE
    if starts_word and not open_quote:
        return True
    if starts_word and open_quote:
        # A mark after a space while open: it closes a quotation ending in a space-separated
        # word only if nothing but punctuation follows; otherwise it re-opens (runs on).
        rest = text[at + 1:at + 2]
        return not (rest == "" or rest in " ,.;:!?)")
    return False
