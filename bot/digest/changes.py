"""What changed since the last digest: actors' stated positions and new disputes.

A digest keeps a compact `Snapshot` of what it showed (per actor the position contents,
and the disputed claims). The next digest compares against it, so a channel learns that a
minister reversed himself, or that a claim is newly contested, without rereading both days.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from bot.briefing.model import Brief, Dispute
from bot.briefing.text.keywords import is_negated
from bot.formats import describe_dispute, key_positions
from bot.shorten import shorten

MAX_ACTORS = 40
CONTENTS_PER_ACTOR = 3
CONTENT_CHARS = 200
MAX_DISPUTES = 20
MAX_CHANGE_LINES = 3
# Share of the shorter statement's content words two statements need to be on one matter.
SAME_MATTER = 0.3
SAME_CLAIM = 0.5

_WORD = re.compile(r"[a-z]{3,}|\d+")
_STOP = frozenset({
    "the", "and", "that", "this", "with", "for", "from", "was", "were", "are", "has", "have",
    "had", "will", "would", "could", "should", "said", "says", "its", "their", "they", "been",
    "not", "but", "which", "who", "there", "about", "into", "than", "then", "also", "our",
})


@dataclass(frozen=True, slots=True)
class Snapshot:
    """Per actor, the position contents a digest showed; and its disputed claims."""

    positions: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    disputes: tuple[str, ...] = ()

    def to_json(self) -> dict[str, Any]:
        return {"positions": {name: list(contents) for name, contents in self.positions.items()},
                "disputes": list(self.disputes)}

    @classmethod
    def from_json(cls, data: Mapping[str, Any] | None) -> Snapshot | None:
        """Tolerant: a snapshot written by an older version must not break a digest."""
        if not isinstance(data, Mapping):
            return None
        positions = data.get("positions")
        disputes = data.get("disputes")
        return cls(
            positions={str(name): tuple(str(c) for c in contents)
                       for name, contents in (positions or {}).items()
                       if isinstance(contents, list)} if isinstance(positions, Mapping) else {},
            disputes=tuple(str(d) for d in disputes) if isinstance(disputes, list) else (),
        )


def take_snapshot(briefs: Iterable[Brief]) -> Snapshot:
    """The positions a reader would see for each brief (`key_positions`) and its disputes."""
    positions: dict[str, list[str]] = {}
    claims: list[str] = []
    for brief in briefs:
        for position in key_positions(brief):
            if position.actor is None:
                continue
            contents = positions.setdefault(position.actor, [])
            content = shorten(position.content.text, CONTENT_CHARS)
            if content not in contents and len(contents) < CONTENTS_PER_ACTOR:
                contents.append(content)
        claims.extend(shorten(d.claim, CONTENT_CHARS) for d in brief.disputes)
    kept = dict(list(positions.items())[:MAX_ACTORS])
    return Snapshot({name: tuple(c) for name, c in kept.items()},
                    tuple(dict.fromkeys(claims))[:MAX_DISPUTES])


def change_lines(previous: Snapshot | None, current: Snapshot,
                 disputes: Sequence[Dispute]) -> list[str]:
    """Closing lines: actors whose stated position changed, then disputes not seen before.

    The first digest of a channel has nothing to compare with and says nothing.
    """
    if previous is None:
        return []
    lines: list[str] = []
    for actor, now in current.positions.items():
        change = position_change(previous.positions.get(actor, ()), now)
        if change is not None:
            lines.append(f"{actor} changed position: now “{shorten(change[0], 140)}” "
                         f"(last digest: “{shorten(change[1], 100)}”)")
    seen = [_words(claim) for claim in previous.disputes]
    for dispute in disputes:
        words = _words(dispute.claim)
        if not any(_overlap(words, old) >= SAME_CLAIM for old in seen):
            lines.append(f"New dispute: {describe_dispute(dispute)}")
            seen.append(words)
    return lines[:MAX_CHANGE_LINES]


def position_change(before: Sequence[str], now: Sequence[str]) -> tuple[str, str] | None:
    """(new, old) when the actor now speaks to a matter of before with the opposite polarity.

    Nothing when any statement restates one of before, or when the actor spoke about
    something else (news, not a change of mind). Strict on purpose, like `find_contrasts`:
    a false "changed position" misinforms more than a missed one.
    """
    changed: tuple[str, str] | None = None
    for new in now:
        for old in before:
            if _overlap(_words(new), _words(old)) < SAME_MATTER:
                continue
            if is_negated(new) == is_negated(old):
                return None
            changed = changed or (new, old)
    return changed


def _words(text: str) -> frozenset[str]:
    return frozenset(w[:6] for w in _WORD.findall(text.lower()) if w not in _STOP)





def _overlap(first: frozenset[str], second: frozenset[str]) -> float:
    smaller = min(len(first), len(second))
    return len(first & second) / smaller if smaller else 0.0
