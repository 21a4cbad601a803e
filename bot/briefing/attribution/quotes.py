"""Quotation spans of a text: curly, straight and doubled-apostrophe ('') quotes.

Straight marks carry no direction, so a mark opens when it follows a space and closes when it
is followed by one; a mark with spaces on both sides toggles. A quote left open at the end of a
paragraph continues when the next paragraph opens with a quote mark (the newspaper convention
for a long quotation); otherwise it ends with its paragraph.
"""

from __future__ import annotations

import re

_MARK = re.compile(r"“|”|''|\"|„|«|»")
_OPENERS = frozenset("“„«")
_CLOSERS = frozenset("”»")
_PARAGRAPH = re.compile(r"[^\n]+")


def find_quotes(text: str) -> list[tuple[int, int]]:
    """(start, end) of each quotation, quote marks included, in text order."""
    quotes: list[tuple[int, int]] = []
    carried: int | None = None  # start of a quote still open at the previous paragraph's end
    carried_end = 0
    for paragraph in _PARAGRAPH.finditer(text):
        para_start = _lstrip(text, *paragraph.span())
        para_end = _rstrip(text, *paragraph.span())
        if para_end <= para_start:
            continue
        opening = _MARK.match(text, para_start)
        if carried is not None and opening is None:
            quotes.append((carried, carried_end))
            carried = None
        open_at: int | None = None
        for mark in _MARK.finditer(text, para_start, para_end):
            start, end = mark.span()
            if carried is not None:
                # The re-opening mark of a continued quotation: the carried quote goes on.
                open_at, carried = carried, None
                continue
            role = _role(text, start, end, para_start, para_end)
            if open_at is None:
                if role != "close":
                    open_at = start
            elif role == "open" and mark.group() in _OPENERS:
                open_at = start  # the previous quote was never closed; start afresh
            else:
                if mark.group() == "''" and text[end:end + 1] == "'":
                    end += 1  # three marks: a nested quote closes first, then the outer ''
                quotes.append((open_at, end))
                open_at = None
        carried, carried_end = open_at, para_end
    if carried is not None:
        quotes.append((carried, carried_end))
    return quotes


def _role(text: str, start: int, end: int, lo: int, hi: int) -> str:
    """'open', 'close' or 'either' for one mark, from its shape and its neighbours."""
    mark = text[start:end]
    if mark in _OPENERS:
        return "open"
    if mark in _CLOSERS:
        return "close"
    before = text[start - 1] if start > lo else " "
    after = text[end] if end < hi else " "
    space_before = before.isspace() or before in "([{—–-/"
    space_after = after.isspace() or after in ".,;:!?)]}—–-"
    if space_before and not space_after:
        return "open"
    if space_after and not space_before:
        return "close"
    return "either"


def _lstrip(text: str, start: int, end: int) -> int:
    while start < end and text[start].isspace():
        start += 1
    return start


def _rstrip(text: str, start: int, end: int) -> int:
    while end > start and text[end - 1].isspace():
        end -= 1
    return end
