"""Attribution extraction: who said (or holds) what, with offsets, from rules and word lists.

The text is first *masked*: every quotation keeps its marks (normalised to '"') but its inside
is blanked with '_', so a cue or a source is never found inside a quote, and all offsets stay
those of the text. Sentences that a quotation runs across are merged into one unit, so a
quote of several sentences (or paragraphs) is one content. Each unit is then read for cues:
"X said (that) ...", "..., X said", "..., said X", "A, said X, B", "according to X", "X: '...'".
"""

from __future__ import annotations

import bisect
from collections.abc import Sequence
from dataclasses import dataclass

from bot.briefing.attribution_cues import Cue, find_phrase_cues, find_verb_cues
from bot.briefing.attribution_inside import inserted_attribution
from bot.briefing.attribution_parts import (
    colon_source,
    content_after,
    content_before,
    is_clause_tail,
    is_inverted_source,
    phrase_source,
    quote_end,
    strip_span,
)
from bot.briefing.attribution_quotes import find_quotes
from bot.briefing.attribution_source import source_after, source_before, unit_subject
from bot.briefing.model import Span
from bot.briefing.sentences import split_sentences
from bot.briefing.wordlists import load_words

_QUOTE, _FILL = '"', "_"
_CONTINUATION_MIN_WORDS = 3
_MAX_TAG_WORDS = 6
_RELATIVES = frozenset({"who", "which", "that"})


@dataclass(frozen=True, slots=True)
class Attribution:
    source: Span  # the source as written: "he", "a Ukrainian official", "Horne, the spokesperson"
    cue: Span  # "said", "told", "according to", ":" ...
    content: Span  # what was said: the quotation (without its marks) or the reported clause
    direct: bool  # True when the content is a verbatim quotation


def find_attributions(text: str, sentences: Sequence[Span] | None = None) -> list[Attribution]:
    """Every attribution in `text`, sorted by where its content starts."""
    if sentences is None:
        sentences = split_sentences(text)
    quotes = find_quotes(text)
    masked = mask_quotes(text, quotes)
    found: list[Attribution] = []
    last_direct: Attribution | None = None
    for start, end in _units(text, masked, sentences, quotes):
        in_unit = _unit_attributions(text, masked, start, end)
        if not in_unit and last_direct is not None:
            in_unit = _continued_quote(text, masked, start, end, last_direct)
        found.extend(in_unit)
        last_direct = next((a for a in reversed(in_unit) if a.direct), None)
    found.sort(key=lambda a: (a.content.start, a.cue.start))
    return found


def mask_quotes(text: str, quotes: Sequence[tuple[int, int]]) -> str:
    """`text` with each quotation as '"____"': same length, so offsets carry over."""
    pieces: list[str] = []
    position = 0
    for start, end in quotes:
        pieces.append(text[position:start])
        closed = end - start >= 2 and _is_mark_end(text, end)
        inner_end = end - _mark_length(text, end) if closed else end
        mark_length = 2 if text.startswith("''", start) else 1
        pieces.append(_QUOTE * mark_length + _FILL * (inner_end - start - mark_length))
        pieces.append(_QUOTE * (end - inner_end))
        position = end
    pieces.append(text[position:])
    return "".join(pieces)


def _is_mark_end(text: str, end: int) -> bool:
    return text[end - 1] in "\"”»" or text[end - 2:end] == "''"


def _mark_length(text: str, end: int) -> int:
    return 2 if text[end - 2:end] == "''" else 1


def _units(
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
    last_word = masked[max(unit[0], unit[1] - 8):unit[1]].rsplit(None, 1)[-1].lower()
    return last_word in load_words("abbreviations")


def _tag_after_question(text: str, masked: str, unit_end: int, sentence: Span) -> bool:
    """'"Is that you?" | Borger asked.': a quotation ending in ? or ! and a short speech tag."""
    if masked[unit_end - 1] != _QUOTE or text[unit_end - 2:unit_end - 1] not in ("?", "!"):
        return False
    if masked[sentence.start] == _QUOTE or not sentence.text.endswith("."):
        return False
    cues = find_verb_cues(masked, sentence.start, sentence.end)
    return bool(cues) and len(masked[sentence.start:cues[0].start].split()) <= _MAX_TAG_WORDS


def _inside_quote(position: int, starts: list[int], quotes: Sequence[tuple[int, int]]) -> bool:
    index = bisect.bisect_left(starts, position) - 1
    return index >= 0 and quotes[index][1] > position


def _unit_attributions(text: str, masked: str, start: int, end: int) -> list[Attribution]:
    """Attributions whose cue lies in one unit (a sentence, or sentences a quote joins)."""
    found: list[Attribution] = []
    tails: list[int] = []  # where the content of a post-posed cue ends ("..., X said")
    cuts: list[int] = []  # commas right before a cue: a content before them ends there
    pending: list[tuple[Cue, tuple[int, int]]] = []  # pre-posed cues, content still to cut
    segment_start = start
    last_source: tuple[int, int] | None = None
    for cue in find_verb_cues(masked, start, end):
        cut = _comma_led(text, masked, start, cue.start)
        if cut is not None:
            cuts.append(cut)  # "X said A, adding B" / "X, who said A, said B": A ends here
        inserted = inserted_attribution(masked, start, cue, end)
        if inserted is not None:
            source, lead, rest = inserted
            for piece in (lead, rest):
                _add(found, text, source, (cue.start, cue.end), piece)
            tails.append(lead[1])
            segment_start, last_source = rest[1], source
            continue
        lead_end = _lead_end(masked, start, cue.start)
        source = None
        if lead_end is not None:
            source = source_after(masked, cue.end, end)
            if source is not None and not is_inverted_source(masked, start, lead_end, source, end):
                source = None
        if source is not None and lead_end is not None:
            _add(found, text, source, (cue.start, cue.end), content_before(masked, start, lead_end))
            tails.append(lead_end)
            segment_start, last_source = cue.end, source
            continue
        source = source_before(masked, segment_start, cue.start)
        if source is None and cut is not None and _is_relative(masked, last_source):
            source = source_before(masked, start, cue.start)  # "X, who said A, said B"
            if source is not None and "," in masked[source[0]:source[1]]:
                source = (source[0], masked.index(",", source[0]))
        shared = source is None and _shares_subject(masked, segment_start, cue)
        if shared:
            source = last_source or unit_subject(masked, start, cue.start)
        if source is None:
            continue
        lead_end = None if shared or _is_relative(masked, source) else _lead_end(
            masked, start, source[0])
        if lead_end is not None and is_clause_tail(
            masked, start, lead_end, (cue.end, cue.end), end, cue.takes_listener
        ):
            _add(found, text, source, (cue.start, cue.end), content_before(masked, start, lead_end))
            tails.append(lead_end)
        else:
            pending.append((cue, source))
        segment_start, last_source = cue.end, source
    for cue, source in pending:
        limit = min((t for t in tails if t > cue.end), default=end)
        limit = min(limit, min((c for c in cuts if c > cue.end and _has_words(masked, cue.end, c)),
                               default=end))
        _add(found, text, source, (cue.start, cue.end),
             content_after(masked, cue.end, limit, cue.takes_listener))
    for cue_start, cue_end in find_phrase_cues(masked, start, end):
        source, content = phrase_source(masked, start, cue_start, cue_end, end)
        if source is not None:
            _add(found, text, source, (cue_start, cue_end), content)
    if not found:
        colon = colon_source(masked, start, end)
        if colon is not None:
            source, cue_span, content = colon
            _add(found, text, source, cue_span, content)
    return found


def _has_words(masked: str, start: int, end: int) -> bool:
    return len(masked[start:end].split()) >= 2


def _is_relative(masked: str, source: tuple[int, int] | None) -> bool:
    return source is not None and masked[source[0]:source[1]].lower() in _RELATIVES


def _comma_led(text: str, masked: str, unit_start: int, cue_start: int) -> int | None:
    """Where a clause before a cue ends when only a comma (and adverbs) stand between them."""
    modifiers = load_words("verb_modifiers")
    index = cue_start
    while True:
        while index > unit_start and masked[index - 1].isspace():
            index -= 1
        word_start = index
        while word_start > unit_start and masked[word_start - 1].isalpha():
            word_start -= 1
        word = masked[word_start:index]
        if not word or not word.islower() or not (word in modifiers or word.endswith("ly")):
            break
        index = word_start
    if index > unit_start + 1 and masked[index - 1] == ",":
        return index
    if index > unit_start + 2 and masked[index - 1] == _QUOTE and text[index - 2] == ",":
        return index  # '... "New York values," stating ...'
    return None


def _shares_subject(masked: str, segment_start: int, cue: Cue) -> bool:
    """'..., adding that ...', '... refused to answer but said ...': the last cue's subject."""
    modifiers = load_words("verb_modifiers")
    between = [w for w in masked[segment_start:cue.start].split() if w.lower() not in modifiers]
    return cue.word.endswith("ing") or (bool(between) and between[-1] in ("and", "but"))


def _lead_end(masked: str, unit_start: int, position: int) -> int | None:
    """Where the content before a post-posed cue or source ends: at a comma, dash or quote."""
    index = position
    while index > unit_start and masked[index - 1].isspace():
        index -= 1
    if index > unit_start and masked[index - 1] in ',"—–':
        return index if masked[index - 1] == _QUOTE else index - 1
    return None


def _add(
    found: list[Attribution],
    text: str,
    source: tuple[int, int],
    cue: tuple[int, int],
    content: tuple[int, int, bool] | None,
) -> None:
    if content is None:
        return
    content_start, content_end, direct = content
    while direct and content_end > content_start and text[content_end - 1] in " ,;:":
        content_end -= 1  # '"... will invade," he said': the comma belongs to the sentence
    found.append(Attribution(
        source=_span(text, *source),
        cue=_span(text, *cue),
        content=_span(text, content_start, content_end),
        direct=direct,
    ))


def _continued_quote(
    text: str, masked: str, start: int, end: int, previous: Attribution
) -> list[Attribution]:
    """A unit that is only a quotation, right after a quoted attribution: the same speaker."""
    unit = strip_span(masked, start, end)
    if unit is None or masked[unit[0]] != _QUOTE:
        return []
    closing = quote_end(masked, unit[0])
    if masked[closing:unit[1]].strip(_QUOTE + ".?! ") != "":
        return []
    content = strip_span(text, unit[0], closing, quotes=True)
    if content is None or len(text[content[0]:content[1]].split()) < _CONTINUATION_MIN_WORDS:
        return []
    return [Attribution(previous.source, previous.cue, _span(text, *content), True)]


def _span(text: str, start: int, end: int) -> Span:
    return Span(text[start:end], start, end)
