"""Quotes whose speaker is outside their sentence, attributed the way a reader would.

News often sets a quotation on its own, with no cue: 'Its new chair, Tom Reed, was blunt.'
and then '"We wasted a year."'. A reader takes the quote for the person just introduced, or
for the speaker of the quotation next to it in the same paragraph ('"A." "B," Reed said.').
When the sentence before names no one, or several people, it is unclear who speaks, and no
position is better than a wrong one.

A position found this way has no cue word. Its cue is an empty span at the start of the
quotation's content (see docs/brief-json.md); one that borrows the speaker of an adjacent
quotation borrows its cue too, as a continued quotation does.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from bot.briefing.actors.gazetteer import gazetteer, normalise
from bot.briefing.attribution.attributions import Attribution
from bot.briefing.attribution.quotes import find_quotes
from bot.briefing.attribution.units import find_units, lone_quotation, mask_quotes
from bot.briefing.language.analysis import Analysis
from bot.briefing.model import Span

_FILL = "_"
# Finite verbs, and past participles: the small model often tags "voted" VBN after a noun.
_MAIN_VERBS = frozenset({"VBD", "VBZ", "VBP", "MD", "VBN"})
_POSSESSIVE = re.compile(r"['’]s?$|[.,]$")


def outside_speaker_quotes(
    text: str, sentences: Sequence[Span], analysis: Analysis, found: Sequence[Attribution],
    kept: Sequence[Attribution],
) -> list[Attribution]:
    """Attributions for lone quotations that the cue rules (`found`) leave without a speaker;
    only the attributions that pass the grammar checks (`kept`) lend theirs."""
    quotes = find_quotes(text)
    masked = mask_quotes(text, quotes)
    units = find_units(text, masked, sentences, quotes)
    added: list[Attribution] = []
    for index, (start, end) in enumerate(units):
        content = lone_quotation(text, masked, start, end)
        if content is None or _touched(found, start, end):
            continue
        quotation = Span(text[content[0]:content[1]], *content)
        no_cue = Span("", content[0], content[0])
        speaker = _next_quote_speaker(text, units, index, kept)
        if speaker is None and index > 0:
            speaker = _previous_speaker(masked, units[index - 1], [*kept, *added])
        if speaker is None and index > 0 and not _has_cue(found, units[index - 1]):
            person = _introduced_person(masked, analysis, units[index - 1])
            speaker = person and (person, no_cue)
        if speaker is not None:
            cue = speaker[1] if speaker[1].text else no_cue
            added.append(Attribution(speaker[0], cue, quotation, True))
    return added


def _touched(found: Sequence[Attribution], start: int, end: int) -> bool:
    """Some attribution already has its cue or its content in the unit."""
    return any(start <= a.cue.start < end or (a.content.start < end and a.content.end > start)
               for a in found)


def _next_quote_speaker(
    text: str, units: Sequence[tuple[int, int]], index: int, found: Sequence[Attribution]
) -> tuple[Span, Span] | None:
    """'"A." "B," Reed said.': the next unit, in the same paragraph, opens with a quotation
    that has a speaker."""
    if index + 1 >= len(units):
        return None
    start, end = units[index + 1]
    if "\n" in text[units[index][1]:start]:
        return None
    opening = len(text[start:end]) - len(text[start:end].lstrip(" \"“'‘"))
    for attribution in found:
        if attribution.direct and attribution.content.start == start + opening and (
            start <= attribution.cue.start < end
        ):
            return attribution.source, attribution.cue
    return None


def _previous_speaker(
    masked: str, unit: tuple[int, int], attributions: Sequence[Attribution]
) -> tuple[Span, Span] | None:
    """The one speaker of the unit before, when it quotes ('"A," Hedge said. | "B."'): the
    same speaker, as a continued quotation is. With two speakers there, or none quoted, it is
    unclear whose it is."""
    inside = [a for a in attributions if unit[0] <= a.content.start < unit[1]]
    if not inside or len({a.source.text.lower() for a in inside}) != 1:
        return None
    if '"' not in masked[unit[0]:unit[1]]:
        return None  # "Gawker has stated that it will keep the video.": no quotation to go on
    return inside[-1].source, inside[-1].cue


def _has_cue(found: Sequence[Attribution], unit: tuple[int, int]) -> bool:
    return any(unit[0] <= a.cue.start < unit[1] for a in found)


def _introduced_person(masked: str, analysis: Analysis, unit: tuple[int, int]) -> Span | None:
    """The one person the sentence before names, outside quotes, when that person is its
    subject (and the sentence has no cue: then its speaker is the one to follow). A credit
    with no verb ('"..." ― Ana Ruiz') introduces no one: it names the quote before.
    Mentions ending in the same word are one person ("Tom Reed ... Reed"); a name the word
    lists know as a place or a body is none."""
    people = [entity for entity in analysis.entities
              if entity.kind == "person" and unit[0] <= entity.start and entity.end <= unit[1]
              and _FILL not in masked[entity.start:entity.end]]
    surnames = {_POSSESSIVE.sub("", masked[e.start:e.end]).split()[-1].lower() for e in people}
    if len(surnames) != 1:
        return None
    person = people[0]
    verb = _first_main_verb(masked, analysis, unit)
    if verb is None or person.start > verb or masked[person.end:].startswith(("'", "’")):
        return None  # '"..." ― Ana Ruiz', "Sanders voted ... Clinton", "Byler's piece"
    if not _may_be_person(masked[person.start:person.end]):
        return None
    return Span(masked[person.start:person.end], person.start, person.end)


def _first_main_verb(masked: str, analysis: Analysis, unit: tuple[int, int]) -> int | None:
    """Where the unit's first main verb outside quotes starts: its subject comes before."""
    for index in analysis.tokens_in(*unit):
        if analysis.tags[index] in _MAIN_VERBS and masked[analysis.starts[index]] != _FILL:
            return analysis.starts[index]
    return None


def _may_be_person(name: str) -> bool:
    """Not a country, city, known body or a name headed by 'City', 'Council' and the like."""
    gaz = gazetteer()
    key = normalise(_POSSESSIVE.sub("", name))
    known = gaz.names.get(key)
    if (known is not None and known.kind != "person") or key in gaz.places:
        return False
    head = key.split()[-1] if key else ""
    return head not in gaz.org_words and head not in gaz.place_words
