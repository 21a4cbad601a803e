"""Sentence and word segmentation with offsets, built on nupunkt (no downloads at run time).

Paragraphs are split on line breaks first: news bodies keep one paragraph per line, and a
sentence never crosses a paragraph. nupunkt then splits each paragraph into sentences, and
two repairs follow. nupunkt's default model lists thousands of ordinary words as
abbreviations ("month", "car", "poland"), so "last month. Throughout 2004" stayed one
sentence: a full stop, a space and a capital now end a sentence after any plain word that is
not a real abbreviation (`data/abbreviations.txt` for titles, `data/short_forms.txt` for the
rest). And a split right after a title ("Lt. | Gov. Holcomb") is undone when a name or
number follows it.
"""

from __future__ import annotations

import re
from functools import lru_cache

import nupunkt

from bot.briefing.lexicon.wordlists import load_words
from bot.briefing.model import Span
from bot.briefing.text.keywords import ENGLISH_STOP_WORDS

_PARAGRAPH = re.compile(r"[^\n]+")
_WORD = re.compile(r"[^\W_](?:[^\W_]|['’.\-](?=[^\W_]))*", re.UNICODE)
_LETTER = re.compile(r"[^\W\d_]", re.UNICODE)
# A full stop after a letter, maybe closing quotes or brackets, then space and a letter
# (maybe after opening quotes): the letter's case is checked in code.
_STOP_THEN_WORD = re.compile(r"(?<=[^\W\d_])\.[\"'”’)\]]*(?=\s+[\"'“‘(\[]*[^\W\d_])")
_PLAIN_WORD = re.compile(r"[^\W\d_]+(?:['’\-][^\W\d_]+)*")
_OPENERS = "\"'“‘([ "
# "No." is also the word "no": as an abbreviation it only ever comes before a number.
_NUMBER_ONLY = frozenset({"no", "nos"})


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


def paragraph_sentence_offsets(paragraph: str) -> list[tuple[int, int]]:
    """(start, end) of each sentence of one paragraph: nupunkt's spans, then the repairs.

    Not cached, so that a benchmark can time it; `split_sentences` goes through a cache.
    """
    if len(paragraph) < 2:
        return [(0, len(paragraph))]
    merged = _merge_after_titles(paragraph, nupunkt.sent_spans(paragraph))
    pieces = [piece for start, end in merged for piece in _split_after_words(paragraph, start, end)]
    return _merge_inside_brackets(paragraph, pieces)


def _sentence_offsets(paragraph: str) -> list[tuple[int, int]]:
    if len(paragraph) < 2:
        return [(0, len(paragraph))]
    return _cached_offsets(paragraph)


@lru_cache(maxsize=4096)
def _cached_offsets(paragraph: str) -> list[tuple[int, int]]:
    return paragraph_sentence_offsets(paragraph)


def clear_sentence_cache() -> None:
    """Forget cached paragraphs, so that a benchmark times the splitting itself."""
    _cached_offsets.cache_clear()


def _merge_after_titles(paragraph: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Undo nupunkt's split after "Lt." or "Sen." when a name or a number comes next."""
    merged: list[tuple[int, int]] = []
    for start, end in spans:
        if merged and _title_before_name(paragraph, merged[-1][1], start):
            merged[-1] = (merged[-1][0], end)
        else:
            merged.append((start, end))
    return merged


def _merge_inside_brackets(paragraph: str, spans: list[tuple[int, int]]
                           ) -> list[tuple[int, int]]:
    """Undo a split inside brackets: "Rep. Bobby Scott (D-Va.), ranking member ..." is one
    sentence. The piece before leaves a bracket open and the next one closes it first, or
    goes on in lower case."""
    merged: list[tuple[int, int]] = []
    for start, end in spans:
        if merged:
            before = paragraph[merged[-1][0]:merged[-1][1]]
            after = paragraph[start:end].lstrip()
            if before.count("(") > before.count(")") and after[:1] in {")", ","} | (
                    {after[:1]} if after[:1].islower() else set()):
                merged[-1] = (merged[-1][0], end)
                continue
        merged.append((start, end))
    return merged


def _title_before_name(paragraph: str, end: int, start: int) -> bool:
    head = paragraph[:end].rstrip()
    if not head.endswith("."):
        return False
    title = _last_token(head[:-1]).lower()
    if f"{title}." not in load_words("abbreviations"):
        return False
    following = words(paragraph[start:start + 40])
    if not following:
        return False
    if following[0][0].isdigit():
        return True
    return (title not in _NUMBER_ONLY and following[0][0].isupper()
            and following[0].lower() not in ENGLISH_STOP_WORDS)


def _split_after_words(paragraph: str, start: int, end: int) -> list[tuple[int, int]]:
    """Break one span at ". Capital" after a plain word that nupunkt took for an abbreviation."""
    pieces: list[tuple[int, int]] = []
    for match in _STOP_THEN_WORD.finditer(paragraph, start, end):
        word = _last_token(paragraph[start:match.start()])
        following = paragraph[match.end():end].lstrip(_OPENERS + "\t")
        next_word = following.split(None, 1)[0] if following else ""
        if word.isupper() and next_word.isupper():
            continue  # a line in capitals ("ST. LOUIS — "): no case to go by
        if next_word[:1].isupper() and _ends_sentence(word):
            pieces.append((start, match.end()))
            start = match.end()
    pieces.append((start, end))
    return pieces


def _ends_sentence(word: str) -> bool:
    """A full stop after `word` ends a sentence: a plain word, not an initial or abbreviation."""
    if len(word) < 2 or not _PLAIN_WORD.fullmatch(word):
        return False
    if word.lower() in _NUMBER_ONLY or word.isupper():
        return True  # "No. Definitely", "with MS. Final": a word or an acronym, not a title
    last_part = re.split(r"[-'’]", word)[-1].lower()
    short_forms = load_words("short_forms")
    titles = load_words("abbreviations")
    return not any(w in short_forms or f"{w}." in titles for w in (word.lower(), last_part))


def _last_token(text: str) -> str:
    """The last whitespace-separated token of `text`, without opening quotes or brackets."""
    tokens = text.rsplit(None, 1)
    return tokens[-1].lstrip(_OPENERS) if tokens else ""


@lru_cache(maxsize=1)


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
