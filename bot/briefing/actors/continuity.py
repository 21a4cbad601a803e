"""Speaker continuity: a "he said" after a run of quotes is the person quoted last (when
"he" fits the name); a "he" after "..., said a spokesman." is that spokesman, not a person
named before; "they" after "..., MPs said." is those MPs."""

from __future__ import annotations

import re
from collections.abc import Sequence

from bot.briefing.actors.people import pronoun_fits
from bot.briefing.actors.table import ActorTable
from bot.briefing.model import Position, Span

SPEAKER_BACK = 6  # sentences; a quote paragraph rarely runs longer
_OPENING_WORDS = 2  # before a pronoun that opens its sentence: "But then he"
# "MPs", "Critics", "Labour MPs", "the officials": a group that spoke, not "they" again.
_PLURAL_SPEAKER = re.compile(r"(?:the\s+)?(?:[\w\-]+\s+){0,2}[A-Za-z]+s", re.IGNORECASE)
_NOT_GROUPS = frozenset({"this", "his", "its", "is", "was", "as", "us", "yes", "news"})
# "a spokesman", "one senior aide", "the prime minister's official spokesman"
_UNNAMED_SPEAKER = re.compile(r"(?:a|an|one|the)\s+(?:[\w\-'’]+\s+){0,3}(?:spokesman|"
                             r"spokeswoman|spokesperson|aide|adviser|advisor|official|source|"
                             r"insider)", re.IGNORECASE)


def continuing_speaker(pronoun: str, offset: int, sentence_start: int, floor: int,
                       positions: Sequence[Position], table: ActorTable,
                       quoted: bool = False) -> str | None:
    """The person whose position comes last before `offset` (from `floor`, in an earlier
    sentence than the pronoun's), when "he" or "she" fits, or an "I" inside a quotation
    (`quoted`), and no other person is named between them: '"...," Mr Eavis said. "...,"
    he added.', 'Mr Eavis said: "..." "I think ..."'. None when unsure."""
    if pronoun.lower() not in {"he", "she"} and not (pronoun == "I" and quoted):
        return None
    earlier = [p for p in positions if p.actor and floor <= p.cue.start < sentence_start
               and _surely_a_person(p.actor, table) and pronoun_fits(pronoun, p.actor)
               and not any(o.content.start <= p.source.start < o.content.end
                           for o in positions if o is not p)]  # not one reported inside
    if not earlier:  # another's words ("Clarke said he backed it when Blunkett argued ...")
        return None
    last = max(earlier, key=lambda p: p.cue.start)
    between = table.mentions_in(min(last.source.start, last.cue.start), offset)
    if any(m.kind == "person" and m.actor != last.actor for m in between):
        return None
    return last.actor


def names_its_actor(position: Position, within: int | None = None) -> bool:
    """The position's source names its speaker (in its first `within` words, when given):
    "said Christopher Preble", "Tory chairman Liam Fox", not "he"."""
    words = re.findall(r"[\w'’\-]+", position.source.text)
    return bool(position.actor) and position.actor.split()[-1] in words[:within]


def _surely_a_person(name: str, table: ActorTable) -> bool:
    """A person by a full name or a title: a one-word "person" is too often a place or a
    body the model mistyped ("Clarkston", "Commons") to carry a pronoun that far."""
    entry = table.entries.get(name)
    return entry is not None and entry.kind == "person" and (
        " " in name or entry.title is not None)


def speaker_before(text: str, pronoun: Span, sentence_start: int, previous_start: int,
                   positions: Sequence[Position]) -> Position | None:
    """The speaker the sentence before (from `previous_start`) ends with, when a pronoun
    opening this one (after "But" or "And" at most) most likely means them: "he" or "she"
    after an unnamed one ("..., said a spokesman. He added"), so that no person named
    earlier is given the words; "they" after a group that ends its sentence ("Courts should
    be used as a last resort, MPs said. But they rejected ...")."""
    word = pronoun.text.strip().lower()
    if word not in {"he", "she", "they"} or previous_start >= sentence_start or \
            len(text[sentence_start:pronoun.start].split()) > _OPENING_WORDS:
        return None
    spoken = [p for p in positions if previous_start <= p.cue.start < sentence_start]
    last = max(spoken, key=lambda p: p.source.start, default=None)
    if last is None:
        return None
    source = " ".join(last.source.text.split())
    if word == "they":  # a trailing "..., MPs said.", not a subject that may be misread
        plural = _PLURAL_SPEAKER.fullmatch(source) and source.lower() not in _NOT_GROUPS
        return last if plural and last.content.start < last.source.start else None
    return last if last.actor is None and _UNNAMED_SPEAKER.fullmatch(source) else None
