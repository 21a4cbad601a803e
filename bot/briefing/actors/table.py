"""Key actors: canonical names, kinds, titles, mentions and salience.

"President Joe Biden", "Joe Biden" and "Biden" become one actor; "US", "U.S." and "United
States" become one; "a Ukrainian official" counts towards Ukraine. Pronouns are resolved to
the nearest fitting actor before them.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from bot.briefing.actors.gazetteer import Gazetteer, gazetteer, normalise
from bot.briefing.actors.mentions import RawMention, find_raw_mentions
from bot.briefing.model import Actor, Span

PERSON_PRONOUNS = frozenset({"he", "she", "him", "his", "her"})
PLURAL_PRONOUNS = frozenset({"they", "them", "their"})
_ACRONYM = re.compile(r"^[A-Z](?:\.?[A-Z]){1,5}\.?$")
_INITIALS_SKIP = frozenset({"of", "the", "and", "for", "on", "de"})
# How much one mention form weighs in salience.
_DEMONYM_WEIGHT = 0.5
_SOURCE_WEIGHT = 2.0
_HEADLINE_WEIGHT = 2.0


@dataclass(frozen=True, slots=True)
class Mention:
    actor: str
    kind: str
    start: int
    end: int
    sentence: int
    via_demonym: bool = False


@dataclass(slots=True)
class _Entry:
    name: str
    kind: str
    title: str | None = None
    aliases: set[str] = field(default_factory=set)
    weight: float = 0.0
    mentions: int = 0


@dataclass(frozen=True, slots=True)
class ActorTable:
    """Actors of one article and where each is mentioned."""

    entries: dict[str, _Entry]
    mentions: tuple[Mention, ...]  # text order
    starts: tuple[int, ...]  # mention starts, for bisect

    def kind_of(self, name: str) -> str | None:
        entry = self.entries.get(name)
        return entry.kind if entry else None

    def actor_in(self, span: Span) -> str | None:
        """The actor named in a span, e.g. a source mention; persons are preferred."""
        inside = self.mentions_in(span.start, span.end)
        for kinds in (("person",), ("organization", "group"), ("place",)):
            for mention in inside:
                if mention.kind in kinds:
                    return mention.actor
        return None

    def mentions_in(self, start: int, end: int) -> list[Mention]:
        """Mentions lying wholly within [start, end), found by bisection."""
        found = []
        for index in range(bisect_left(self.starts, start), len(self.mentions)):
            mention = self.mentions[index]
            if mention.start >= end:
                break
            if mention.end <= end:
                found.append(mention)
        return found

    def resolve_pronoun(self, pronoun: str, offset: int, sentence: int) -> str | None:
        """The actor a pronoun at `offset` most likely refers to, or None when unsure.

        Same sentence first (nearest before), then the subjects of up to two sentences back;
        further back the guess is too often wrong to show a reader.
        """
        word = pronoun.lower()
        if word in PERSON_PRONOUNS:
            kinds: tuple[str, ...] = ("person",)
        elif word in PLURAL_PRONOUNS:
            kinds = ("group", "organization")  # "they" is seldom a country
        else:
            return None
        earliest: dict[int, Mention] = {}  # sentence -> its first fitting mention
        for index in range(bisect_left(self.starts, offset) - 1, -1, -1):
            mention = self.mentions[index]
            if mention.sentence < sentence - 2:
                break
            if mention.kind not in kinds:
                continue
            if mention.sentence == sentence:
                return mention.actor
            earliest[mention.sentence] = mention
        for back in (1, 2):
            if sentence - back in earliest:
                return earliest[sentence - back].actor
        return None

    def ranked(self, source_counts: Counter[str], headline: str = "") -> tuple[Actor, ...]:
        """Actors by salience: mentions, being quoted, and appearing in the headline."""
        headline_words = {normalise(w) for w in re.findall(r"[\w'’.]+", headline)}
        scored: list[tuple[float, _Entry]] = []
        for entry in self.entries.values():
            score = entry.weight + _SOURCE_WEIGHT * source_counts.get(entry.name, 0)
            if any(normalise(part) in headline_words for part in _name_keys(entry)):
                score += _HEADLINE_WEIGHT
            scored.append((score, entry))
        scored.sort(key=lambda pair: (-pair[0], pair[1].name))
        top = scored[0][0] if scored else 1.0
        return tuple(
            Actor(
                name=entry.name, kind=entry.kind, title=entry.title,
                aliases=tuple(sorted(entry.aliases - {entry.name})),
                mentions=entry.mentions, salience=score / top if top else 0.0,
            )
            for score, entry in scored
        )


def _name_keys(entry: _Entry) -> Iterable[str]:
    yield entry.name
    yield from entry.aliases
    if entry.kind == "person":
        yield entry.name.split()[-1]


def find_actors(text: str, sentences: Sequence[Span]) -> ActorTable:
    raw = find_raw_mentions(text, sentences)
    gaz = gazetteer()
    resolved = _canonical_names(raw, gaz)
    entries: dict[str, _Entry] = {}
    mentions: list[Mention] = []
    for mention, (name, kind) in zip(raw, resolved, strict=True):
        if name is None:
            continue
        entry = entries.setdefault(name, _Entry(name, kind))
        entry.mentions += 1
        entry.weight += _DEMONYM_WEIGHT if mention.demonym_of else 1.0
        entry.aliases.add(mention.name)
        if entry.title is None and mention.title:
            entry.title = mention.title
        mentions.append(Mention(name, kind, mention.start, mention.end, mention.sentence,
                                bool(mention.demonym_of)))
    return ActorTable(entries, tuple(mentions), tuple(m.start for m in mentions))


def _canonical_names(
    raw: list[RawMention], gaz: Gazetteer
) -> list[tuple[str | None, str]]:
    """Canonical name and kind for every raw mention (None for the ones to drop)."""
    full_names = _person_full_names(raw, gaz)
    orgs = {m.name for m in raw if _org_like(m.name, gaz)}
    initials = {_initials(name): name for name in orgs if len(name.split()) > 1}
    mid_sentence = Counter(normalise(m.name) for m in raw if not m.initial)
    result: list[tuple[str | None, str]] = []
    for mention in raw:
        key = normalise(mention.name)
        if mention.demonym_of:
            result.append((mention.demonym_of, "place"))
        elif key in gaz.names:
            known = gaz.names[key]
            result.append((known.canonical, known.kind))
        elif _ACRONYM.match(mention.name.replace(".", "")) and mention.name.isupper():
            result.append((initials.get(mention.name.replace(".", ""), mention.name),
                           "organization"))
        elif mention.name in orgs:
            result.append((mention.name, "organization"))
        elif len(mention.name.split()) > 1:
            result.append((full_names.get(mention.name.split()[-1], mention.name), "person"))
        elif mention.name in full_names:
            result.append((full_names[mention.name], "person"))
        elif mention.after_determiner:
            result.append((None, ""))  # "the Family": a capitalised common noun
        elif mid_sentence[key] or mention.title:
            result.append((mention.name, "person"))
        else:
            result.append((None, ""))  # a capitalised sentence opener, seen nowhere else
    return result


def _person_full_names(raw: list[RawMention], gaz: Gazetteer) -> dict[str, str]:
    """Surname -> the most mentioned full name ending with it ("Biden" -> "Joe Biden")."""
    by_surname: dict[str, Counter[str]] = defaultdict(Counter)
    for mention in raw:
        words = mention.name.split()
        if (len(words) > 1 and not mention.demonym_of and normalise(mention.name) not in gaz.names
                and not _org_like(mention.name, gaz)):
            by_surname[words[-1]][mention.name] += 1
    return {
        surname: max(forms.items(), key=lambda item: (item[1], len(item[0]), item[0]))[0]
        for surname, forms in by_surname.items()
    }


def _org_like(name: str, gaz: Gazetteer) -> bool:
    words = name.split()
    return normalise(words[-1]) in gaz.org_words or (len(words) == 1 and name.isupper())


def _initials(name: str) -> str:
    return "".join(w[0] for w in name.split() if w.lower() not in _INITIALS_SKIP).upper()
