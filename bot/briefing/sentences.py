"""Sentence and word segmentation with offsets, built on nupunkt (no downloads at run time).

Paragraphs are split on line breaks first: news bodies keep one paragraph per line, and a
sentence never crosses a paragraph. nupunkt then splits each paragraph into sentences.
"""

from __future__ import annotations

import re
from functools import lru_cache

import nupunkt

from bot.briefing.model import Span

_PARAGRAPH = re.compile(r"[^\n]+")
_WORD = re.compile(r"[^\W_](?:[^\W_]|['’.\-](?=[^\W_]))*", re.UNICODE)
_LETTER = re.compile(r"[^\W\d_]", re.UNICODE)


def split_paragraphs(text: str) -> list[Span]:
    """Non-blank lines of `text`, stripped, with offsets."""
    spans = []
    for match in _PARAGRAPH.finditer(text):
        span = _strip(text, match.start(), match.end())
        if span is not None:
            spans.append(span)
    return spans


def split_sentences(text: str) -> list[Span]:
    """Sentences of `text` in order, stripped, each with offsets into `text`."""
    sentences: list[Span] = []
    for paragraph in split_paragraphs(text):
        for start, end in _sentence_offsets(paragraph.text):
            span = _strip(text, paragraph.start + start, paragraph.start + end)
            if span is not None:
                sentences.append(span)
    return sentences


def words(text: str) -> list[str]:
    """Word tokens (letters and digits, with inner apostrophes, hyphens and dots)."""
    return _WORD.findall(text)


def word_spans(text: str) -> list[tuple[int, int]]:
    return [m.span() for m in _WORD.finditer(text)]


def _sentence_offsets(paragraph: str) -> list[tuple[int, int]]:
    if len(paragraph) < 2:
        return [(0, len(paragraph))]
    return _cached_offsets(paragraph)


@lru_cache(maxsize=4096)
def _cached_offsets(paragraph: str) -> list[tuple[int, int]]:
    return nupunkt.sent_spans(paragraph)


def _strip(text: str, start: int, end: int) -> Span | None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if start >= end or not _LETTER.search(text, start, end):
        return None
    return Span(text[start:end], start, end)


class SumyTokenizer:
    """Drop-in for sumy's `Tokenizer` that needs no NLTK data: nupunkt sentences, regex words."""

    language = "english"

    def to_sentences(self, paragraph: str) -> tuple[str, ...]:
        return tuple(span.text for span in split_sentences(paragraph))

    def to_words(self, sentence: str) -> tuple[str, ...]:
        return tuple(w for w in words(sentence) if _LETTER.search(w))
