"""Across several briefs: shared actors and contrasting positions. Pure, like the engine."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from bot.briefing.model import Actor, Brief, Position
from bot.briefing.text.keywords import content_words, is_negated

MIN_SHARED_WORDS = 3
MIN_OVERLAP = 0.3


@dataclass(frozen=True, slots=True)
class CitedPosition:
    """A position with the brief it comes from, so every line can cite its article."""

    position: Position
    brief: Brief


@dataclass(frozen=True, slots=True)
class Contrast:
    """Two actors' positions on the same matter with opposite polarity."""

    first: CitedPosition
    second: CitedPosition
    shared_words: tuple[str, ...]


def merge_actors(briefs: Sequence[Brief], limit: int = 8) -> list[Actor]:
    """Actors across briefs, ranked by summed salience; the first title seen is kept."""
    merged: dict[str, Actor] = {}
    for brief in briefs:
        for actor in brief.actors:
            known = merged.get(actor.name)
            if known is None:
                merged[actor.name] = actor
                continue
            merged[actor.name] = Actor(
                name=actor.name, kind=known.kind, title=known.title or actor.title,
                aliases=tuple(sorted(set(known.aliases) | set(actor.aliases))),
                mentions=known.mentions + actor.mentions,
                salience=known.salience + actor.salience,
            )
    ranked = sorted(merged.values(), key=lambda a: (-a.salience, a.name))
    return ranked[:limit]


def positions_by_actor(briefs: Sequence[Brief]) -> dict[str, list[CitedPosition]]:
    """Resolved positions per actor, newest article first (briefs are given newest first)."""
    grouped: dict[str, list[CitedPosition]] = {}
    for brief in briefs:
        for position in brief.positions:
            if position.actor:
                grouped.setdefault(position.actor, []).append(CitedPosition(position, brief))
    return grouped


def find_contrasts(briefs: Sequence[Brief], limit: int = 5) -> list[Contrast]:
    """Pairs of positions from different actors and articles that share a matter but not a
    polarity. Strict thresholds: a false contrast misinforms more than a missed one."""
    cited = [c for group in positions_by_actor(briefs).values() for c in group]
    words = [content_words(c.position.content.text) for c in cited]
    negated = [is_negated(c.position.content.text) for c in cited]
    found: list[Contrast] = []
    for i, first in enumerate(cited):
        for j in range(i + 1, len(cited)):
            second = cited[j]
            if (first.position.actor == second.position.actor or first.brief is second.brief
                    or negated[i] == negated[j]):
                continue
            shared = words[i] & words[j]
            smaller = min(len(words[i]), len(words[j])) or 1
            if len(shared) >= MIN_SHARED_WORDS and len(shared) / smaller >= MIN_OVERLAP:
                found.append(Contrast(first, second, tuple(sorted(shared))))
                if len(found) >= limit:
                    return found
    return found
