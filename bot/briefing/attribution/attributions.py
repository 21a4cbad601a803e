"""Attribution extraction: who said (or holds) what, with offsets, from rules and word lists.

The text is first *masked*: every quotation keeps its marks (normalised to '"') but its inside
is blanked with '_', so a cue or a source is never found inside a quote, and all offsets stay
those of the text. Sentences that a quotation runs across are merged into one unit, so a
quote of several sentences (or paragraphs) is one content. Each unit is then read for cues:
"X said (that) ...", "..., X said", "..., said X", "A, said X, B", "according to X", "X: '...'".
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace

from bot.briefing.attribution.content import (
    coordinator_start,
    is_adjunct_only,
    relative_antecedent,
    word_before,
)
from bot.briefing.attribution.cues import Cue, find_phrase_cues, find_verb_cues
from bot.briefing.attribution.inside import inserted_attribution
from bot.briefing.attribution.parts import (
    colon_source,
    content_after,
    content_before,
    is_clause_tail,
    is_inverted_source,
    phrase_source,
    strip_span,
)
from bot.briefing.attribution.polls import poll_attribution
from bot.briefing.attribution.quotes import find_quotes
from bot.briefing.attribution.source import source_after, source_before, unit_subject
from bot.briefing.attribution.units import find_units, lone_quotation, mask_quotes
from bot.briefing.lexicon.wordlists import load_words
from bot.briefing.model import Span
from bot.briefing.text.sentences import split_sentences

_QUOTE, _FILL = '"', "_"
_TAIL = " .,;:!?"
_RELATIVES = frozenset({"who", "which", "that"})
_PREPOSITIONS = frozenset({"for", "from", "to", "in", "on", "at", "with", "by", "about", "of"})


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
    units = find_units(text, masked, sentences, quotes)
    per_unit = [_unit_attributions(text, masked, start, end) for start, end in units]
    for index, (start, end) in enumerate(units):
        in_unit = per_unit[index]
        if not in_unit and last_direct is not None:
            in_unit = _continued_quote(text, masked, start, end, last_direct)
            if found and in_unit and found[-1].content == in_unit[0].content:
                in_unit = []  # already taken by "X said in a statement." just before
        following = units[index + 1] if index + 1 < len(units) and not per_unit[index + 1] \
            else None
        in_unit = [a for a in (_past_adjunct(text, masked, a, following) for a in in_unit) if a]
        found.extend(in_unit)
        last_direct = next((a for a in reversed(in_unit) if a.direct), last_direct if (
            not in_unit and found and found[-1].direct and found[-1].content.start >= start
        ) else None)
    quote_ends = dict(quotes)  # start -> end
    found = [_whole_quotation(text, quote_ends, a) for a in found]
    found.sort(key=lambda a: (a.content.start, a.cue.start))
    return found


def _whole_quotation(text: str, quote_ends: dict[int, int], found: Attribution
                     ) -> Attribution:
    """A content that is one quotation, marks and all ('According to the paper, "..."', 'As
    Politico reported, "..."'), is a direct quote: its words without the marks."""
    start, end = found.content.start, found.content.end
    quote_end = quote_ends.get(start)
    if found.direct or quote_end is None or quote_end < end or text[quote_end:end].strip(_TAIL):
        return found
    inner = strip_span(text, start, quote_end, quotes=True)
    if inner is None:
        return found
    return replace(found, content=_span(text, *inner), direct=True)


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
        if lead_end is not None and " " not in masked[cue.start:cue.end] and (  # "referring to X"
            cue.word not in load_words("listener_verbs")  # "..., X told Vatican Radio"
        ):
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
            same = [s for c, s in pending if c.word == cue.word] + [
                (a.source.start, a.source.end) for a in found if a.cue.text.lower() == cue.word]
            source = (same or [last_source])[-1] or unit_subject(masked, start, cue.start)
            if same:  # "X said A, and said B": B is X's too, and A ends before "and"
                cuts.append(coordinator_start(masked, segment_start, cue.start))
        if source is None:
            continue
        before = word_before(masked, start, source[0])
        if before == "as" and _says_nothing(masked, cue.end, end):  # "C, as X said, D"
            _add(found, text, source, (cue.start, cue.end),
                 _as_content(masked, start, source[0], cue.end, end))
            segment_start, last_source = cue.end, source
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
        content = content_after(masked, cue.end, limit, cue.takes_listener,
                                min_words=1 if " " in masked[cue.start:cue.end] else 2)
        if content is not None and word_before(masked, start, source[0]) == "what" and (
            masked[content[0]:content[1]].split(None, 1)[0].lower() in _PREPOSITIONS
        ):
            continue  # "what they want for their children": the content is the "what"
        _add(found, text, source, (cue.start, cue.end),
             _with_antecedent(masked, start, source, content))
    for cue_start, cue_end in find_phrase_cues(masked, start, end):
        source, content = phrase_source(masked, start, cue_start, cue_end, end)
        if source is not None:
            _add(found, text, source, (cue_start, cue_end), content)
    poll = poll_attribution(masked, start, end)
    if poll is not None:
        _add(found, text, *poll)
    if not found:
        colon = colon_source(masked, start, end)
        if colon is not None:
            source, cue_span, content = colon
            _add(found, text, source, cue_span, content)
    return found


def _as_content(
    masked: str, unit_start: int, source_start: int, cue_end: int, unit_end: int
) -> tuple[int, int, bool] | None:
    """The main clause around "as X said": before a comma that precedes "as", else after the
    comma that follows the cue ("As Obama said on Tuesday, the economy is growing")."""
    as_start = unit_start + masked[unit_start:source_start].lower().rfind("as")
    lead_end = _lead_end(masked, unit_start, as_start)
    if lead_end is not None and masked[lead_end] == ",":
        return content_before(masked, unit_start, lead_end)
    if masked[unit_start:as_start].strip():
        return None
    comma = masked.find(",", cue_end, unit_end)
    region = None if comma == -1 else strip_span(masked, comma + 1, unit_end)
    return None if region is None else (region[0], region[1], False)


def _says_nothing(masked: str, cue_end: int, unit_end: int) -> bool:
    """Nothing but an adjunct between the cue and the next comma: 'as X said on Monday,'."""
    comma = masked.find(",", cue_end, unit_end)
    stop = unit_end if comma == -1 else comma
    return not masked[cue_end:stop].strip(" .") or is_adjunct_only(masked, cue_end, stop)


def _with_antecedent(
    masked: str, unit_start: int, source: tuple[int, int], content: tuple[int, int, bool] | None
) -> tuple[int, int, bool] | None:
    """'the plan, which she said was flawed': "was flawed" is given its subject back."""
    if content is None or content[2]:
        return content
    first = masked[content[0]:content[1]].split(None, 1)[0].lower()
    if first not in load_words("auxiliaries"):
        return content
    antecedent = relative_antecedent(masked, unit_start, source[0])
    return content if antecedent is None else (antecedent, content[1], False)


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


def _past_adjunct(
    text: str, masked: str, found: Attribution, following: tuple[int, int] | None
) -> Attribution | None:
    """'X said in a statement. "..."': the content is the quotation of the next unit; an
    adjunct alone ('said on Twitter on Monday.') is no content at all."""
    content = found.content
    if found.direct or found.cue.text.lower() not in load_words("speech_verbs") or (
        not is_adjunct_only(masked, content.start, content.end)
    ):
        return found
    if following is None:
        return None
    quoted = _continued_quote(text, masked, *following, found)
    return quoted[0] if quoted else None


def _continued_quote(
    text: str, masked: str, start: int, end: int, previous: Attribution
) -> list[Attribution]:
    """A unit that is only a quotation, right after a quoted attribution: the same speaker."""
    content = lone_quotation(text, masked, start, end)
    if content is None:
        return []
    return [Attribution(previous.source, previous.cue, _span(text, *content), True)]



def _span(text: str, start: int, end: int) -> Span:
    return Span(text[start:end], start, end)
