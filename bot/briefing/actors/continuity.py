"""Speaker continuity: a "he said" after a run of quotes is the person quoted last, and a
"he" after "..., said a spokesman." is that spokesman, not a person named before."""

from __future__ import annotations

import re
from collections.abc import Sequence

from bot.briefing.actors.table import ActorTable
from bot.briefing.model import Position

SPEAKER_BACK = 6  # sentences; a quote paragraph rarely runs longer
_UNNAMED_SPEAKER = re.compile(r"(?:a|an|one)\s+(?:[\w\-]+\s+){0,3}(?:spokesman|spokeswoman|"
                             r"spokesperson|aide|adviser|advisor|official|source|insider)",
                             re.IGNORECASE)


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
               and _surely_a_person(p.actor, table)]
    if not earlier:
        return None
    last = max(earlier, key=lambda p: p.cue.start)
    between = table.mentions_in(min(last.source.start, last.cue.start), offset)
    if any(m.kind == "person" and m.actor != last.actor for m in between):
        return None
    return last.actor


def _surely_a_person(name: str, table: ActorTable) -> bool:
    """A person by a full name or a title: a one-word "person" is too often a place or a
    body the model mistyped ("Clarkston", "Commons") to carry a pronoun that far."""
    entry = table.entries.get(name)
    return entry is not None and entry.kind == "person" and (
        " " in name or entry.title is not None)


def after_unnamed_speaker(pronoun: str, sentence_start: int, previous_start: int,
                          positions: Sequence[Position]) -> bool:
    """The sentence before (from `previous_start`) ends with an unnamed speaker ("..., said a
    spokesman."), whom a "he" or "she" in this one most likely means: then no named person
    is sure."""
    if pronoun.lower() not in {"he", "she"} or previous_start >= sentence_start:
        return False
    spoken = [p for p in positions if previous_start <= p.cue.start < sentence_start]
    last = max(spoken, key=lambda p: p.source.start, default=None)
    return last is not None and last.actor is None and \
        _UNNAMED_SPEAKER.fullmatch(" ".join(last.source.text.split())) is not None
