"""Key actors: canonical names, kinds, titles, mentions and salience.

Names and kinds come from `actors.canonical`; this module keeps where each actor is
mentioned, ranks the actors by salience and resolves pronouns to the nearest fitting actor.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from functools import cache

from bot.briefing.actors.canonical import canonical_names, head_word, surname
from bot.briefing.actors.companies import company_names
from bot.briefing.actors.gazetteer import gazetteer, normalise
from bot.briefing.actors.mentions import (
    SURNAME_HONORIFICS,
    RawMention,
    find_raw_mentions,
    speaker_names,
)
from bot.briefing.actors.people import opens_with_given_name, pronoun_fits
from bot.briefing.actors.subjects import unnamed_plural_subjects
from bot.briefing.language.analysis import Analysis, analyse
from bot.briefing.lexicon.wordlists import load_words
from bot.briefing.model import Actor, Span
from bot.briefing.text.cover import Cover

PERSON_PRONOUNS = frozenset({"he", "she", "him", "his", "her"})
PLURAL_PRONOUNS = frozenset({"they", "them", "their"})
POSSESSIVE_ENDINGS = frozenset({"'s", "’s"})


def _associate_nouns() -> str:
    return "|".join(sorted(load_words("associate_nouns")))


@cache
def _associate() -> re.Pattern[str]:
    """A possessive, then one who stands with or against the owner: "'s longtime allies"."""
    return re.compile(rf"['’]s?\s+(?:[\w\-]+\s+)?(?:{_associate_nouns()})\b", re.IGNORECASE)


@cache
def _associate_of() -> re.Pattern[str]:
    return re.compile(rf"\b(?:{_associate_nouns()})\s+of\s+(?:[\w\-.]+\s+){{0,4}}$",
                      re.IGNORECASE)


def ends_on_associate_of(text: str) -> bool:
    """One who stands with or against an owner named right after `text`: "a close associate
    of former Yukos boss", "critics of the"."""
    return _associate_of().search(text) is not None


# How much one mention form weighs in salience.
_DEMONYM_WEIGHT = 0.5
_LOCATIVES = frozenset({"in", "at", "from"})
_VERBLESS_WEIGHT = 0.25  # a caption, credit or heading ("Image: Nick Moreau")
_SOURCE_WEIGHT = 0.5
_HEADLINE_WEIGHT = 5.0
_LEAD_WEIGHT = 1.5  # named in the first two sentences
_LEAD_SENTENCES = 2


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
    lead: bool = False
    mentions: int = 0


@dataclass(frozen=True, slots=True)
class ActorTable:
    """Actors of one article and where each is mentioned."""

    entries: dict[str, _Entry]
    mentions: tuple[Mention, ...]  # text order
    starts: tuple[int, ...]  # mention starts, for bisect
    # Sentences whose subject is an unnamed plural ("Voting rights advocates have ..."):
    # a "they" after one most likely means those people, who are no actor.
    unnamed_plurals: dict[int, Span] = field(default_factory=dict)

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

    def speaker_in(self, source: Span) -> str | None:
        """The actor a source mention names as the speaker, persons first. A place after
        "in", "at" or "from", or a state or city before a title, only says where the speaker is
        ("officials in Kabul", "a doctor at a hospital in Gaza", "the Vermont senator"), and
        a title alone ("Secretary" of "the White House Press Secretary") names no one, so
        neither is the speaker."""
        inside = [m for m in self.mentions_in(source.start, source.end)
                  if not (m.kind == "place" and (_after_locative(source, m)
                                                 or _home_of_role(source, m)))
                  and not _is_title(m.actor)]
        persons = [m for m in inside if m.kind == "person"]
        owners = [m for m in persons
                  if _text_between(source, m.end, m.end + 2) in POSSESSIVE_ENDINGS]
        for owner in owners:
            associate = _associate().match(source.text, owner.end - source.start)
            if associate is not None:
                if not any(m.start - source.start >= associate.end() for m in persons):
                    return None  # "Mr Flight's supporters say", "Trump's rivals for the GOP
                persons.remove(owner)  # nomination"; but "Herbert's colleague Noam Cohen"
                inside.remove(owner)
        owners = [m for m in owners if m in persons]
        if persons and ends_on_associate_of(source.text[:persons[0].start - source.start]):
            return None  # "A close associate of former Yukos boss Mikhail Khodorkovsky"
        if owners and len(owners) < len(persons):  # "Mr. Trump's campaign chairman, Paul
            persons = [m for m in persons if m not in owners]  # Manafort": not Trump
            inside = [m for m in inside if m not in owners]
        if len(persons) > 1 and "," not in _text_between(source, persons[0].end,
                                                         persons[-1].start):
            return persons[-1].actor  # "AK chief Isaiah Kiplagat": the name it ends on
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

    def holder_of_title(self, role: str) -> str | None:
        """The one person whose title ends with `role` ("the prime minister" is "Prime
        Minister Tony Blair"), or None when no one or several have it."""
        wanted = role.lower().split()
        if not wanted:
            return None
        holders = [e.name for e in self.entries.values() if e.kind == "person" and e.title
                   and e.title.lower().split()[-len(wanted):] == wanted]
        return holders[0] if len(holders) == 1 else None

    def body_headed_by(self, noun: str) -> str | None:
        """The one organisation named with `noun` as its head word ("the bank" is "Deutsche
        Bank", "the ministry" the "Ministry of Defence"), or None."""
        wanted = noun.lower()
        if " " in wanted or not wanted:
            return None
        bodies = [e.name for e in self.entries.values() if e.kind == "organization"
                  and head_word(e.name) == normalise(wanted)]
        return bodies[0] if len(bodies) == 1 else None

    def plural_subject_for(self, offset: int, sentence: int) -> Span | None:
        """The plural-noun subject a "they" at `offset` stands for: its own sentence's, when
        that comes before it ("officials went ..., where they claimed"), else the sentence
        before's ("Voting rights advocates ... They cite ...")."""
        own = self.unnamed_plurals.get(sentence)
        if own is not None and own.end <= offset:
            return own
        return self.unnamed_plurals.get(sentence - 1)

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
        subject = self.unnamed_plurals.get(sentence)
        if word in PLURAL_PRONOUNS and subject is not None and subject.end <= offset:
            return None  # "Scientology officials went ..., where they claimed": those people
        earliest: dict[int, Mention] = {}  # sentence -> its first fitting mention
        for index in range(bisect_left(self.starts, offset) - 1, -1, -1):
            mention = self.mentions[index]
            if mention.sentence < sentence - 2:
                break
            if mention.kind not in kinds or not pronoun_fits(word, mention.actor):
                continue
            if mention.sentence == sentence:
                return mention.actor
            earliest[mention.sentence] = mention
        for back in (1, 2):
            if word in PLURAL_PRONOUNS and sentence - back in self.unnamed_plurals:
                return None
            if sentence - back in earliest:
                return earliest[sentence - back].actor
        return None

    def ranked(self, source_counts: Counter[str], headline: str = "") -> tuple[Actor, ...]:
        """Actors by salience: mentions, being quoted, and appearing in the headline."""
        words = (_possessive_free(w) for w in re.findall(r"[\w'’.\-]+", headline))
        padded = f" {' '.join(normalise(w) for w in words)} "
        scored: list[tuple[float, _Entry]] = []
        for entry in self.entries.values():
            score = entry.weight + _SOURCE_WEIGHT * source_counts.get(entry.name, 0)
            if any(f" {normalise(part)} " in padded for part in _name_keys(entry)):
                score += _HEADLINE_WEIGHT
            scored.append((score, entry))
        scored.sort(key=lambda pair: (-pair[0], pair[1].name))
        top = scored[0][0] if scored else 1.0
        return tuple(
            Actor(
                name=entry.name, kind=entry.kind,
                title=None if _no_role(entry.title) else entry.title,
                aliases=tuple(sorted(entry.aliases - {entry.name})),
                mentions=entry.mentions, salience=score / top if top else 0.0,
            )
            for score, entry in scored
        )


def _home_of_role(source: Span, mention: Mention) -> bool:
    """"The Vermont senator": a state or city before a title says where the person is from;
    the title holder speaks, not the place. A country stays, as its demonym does ("the US
    president", "the Russian leader": the state speaks through them)."""
    gaz = gazetteer()
    after = source.text[mention.end - source.start:].split()
    return (not mention.via_demonym and bool(after) and after[0].islower()
            and after[0] in gaz.title_words and normalise(mention.actor) not in gaz.countries)


def _after_locative(source: Span, mention: Mention) -> bool:
    before = source.text[:mention.start - source.start].split()
    return bool(before) and before[-1].lower() in _LOCATIVES


_CUT_SHORT = frozenset({"of", "for", "to", "at", "the", "and"})


def _no_role(title: str | None) -> bool:
    """"Mr", "Ms.", "Dr": a form of address, which shows no role (though it shows a person);
    nor does a phrase ending in one ("spokesman for Mrs", the role of someone before the
    name) or in a preposition, cut short ("editor of The" keeps no role either way)."""
    words = [normalise(w) for w in (title or "").split()]
    return bool(words) and (words[-1] in SURNAME_HONORIFICS or words[-1] in _CUT_SHORT)


def _is_title(name: str) -> bool:
    words = normalise(name).split()
    return bool(words) and all(word in gazetteer().title_words for word in words)


def _inside_any(raw: Sequence[RawMention], spans: Sequence[Span]) -> frozenset[str]:
    """Names of the mentions that lie inside one of the spans."""
    cover = Cover((s.start, s.end) for s in spans)
    return frozenset(m.name for m in raw if cover.covers(m.start, m.end))


def _possessive_free(word: str) -> str:
    return word[:-2] if word[-2:] in ("'s", "’s") else word


def _name_keys(entry: _Entry) -> Iterable[str]:
    yield entry.name
    yield from entry.aliases
    if entry.kind == "person":
        yield surname(entry.name)


def _text_between(source: Span, start: int, end: int) -> str:
    """The part of a source's text between two offsets of the article."""
    return source.text[max(start - source.start, 0):max(end - source.start, 0)]


def find_actors(text: str, sentences: Sequence[Span], analysis: Analysis | None = None,
                sources: Sequence[Span] = ()) -> ActorTable:
    """The article's actors; `analysis` is the language layer's evidence (made when absent),
    `sources` the spans that say something (attribution sources), evidence of a speaker."""
    if analysis is None:
        analysis = analyse(text, sentences)
    lone_speakers = speaker_names(text, sentences, sources)
    gaz = gazetteer()
    companies = {name for name in company_names(text) if not opens_with_given_name(name)
                 and normalise(name) not in gaz.places}  # "US sales": still the country
    raw = [replace(m, said_a_body=True) if m.name in companies and m.title is None else m
           for m in find_raw_mentions(text, sentences, analysis, lone_speakers)]
    speakers = _inside_any(raw, sources)
    with_verb = {i for i, s in enumerate(sentences) if analysis.has_verb(s.start, s.end)}
    resolved = canonical_names(raw, gaz, speakers, lone_speakers)
    entries: dict[str, _Entry] = {}
    mentions: list[Mention] = []
    for mention, (name, kind) in zip(raw, resolved, strict=True):
        if name is None:
            continue
        entry = entries.setdefault(name, _Entry(name, kind))
        entry.mentions += 1
        weight = _DEMONYM_WEIGHT if mention.demonym_of else 1.0
        if mention.sentence not in with_verb:
            weight *= _VERBLESS_WEIGHT
        if mention.sentence < _LEAD_SENTENCES and not entry.lead:
            entry.lead = True
            weight += _LEAD_WEIGHT
        entry.weight += weight
        entry.aliases.add(mention.name)
        if mention.title and (entry.title is None or (
                _no_role(entry.title) and not _no_role(mention.title))):
            entry.title = mention.title  # "Chancellor" rather than "Mr"
        mentions.append(Mention(name, kind, mention.start, mention.end, mention.sentence,
                                bool(mention.demonym_of)))
    return ActorTable(entries, tuple(mentions), tuple(m.start for m in mentions),
                      unnamed_plural_subjects(sentences, analysis))
