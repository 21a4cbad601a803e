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
from bot.briefing.actors.people import given_names
from bot.briefing.language.analysis import Analysis, analyse
from bot.briefing.model import Actor, Span

PERSON_PRONOUNS = frozenset({"he", "she", "him", "his", "her"})
PLURAL_PRONOUNS = frozenset({"they", "them", "their"})
_ACRONYM = re.compile(r"^[A-Z](?:\.?[A-Z]){1,5}\.?$")
_INITIALS_SKIP = frozenset({"of", "the", "and", "for", "on", "de"})
# How much one mention form weighs in salience.
_DEMONYM_WEIGHT = 0.5
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
                name=entry.name, kind=entry.kind, title=entry.title,
                aliases=tuple(sorted(entry.aliases - {entry.name})),
                mentions=entry.mentions, salience=score / top if top else 0.0,
            )
            for score, entry in scored
        )


def _possessive_free(word: str) -> str:
    return word[:-2] if word[-2:] in ("'s", "’s") else word


def _name_keys(entry: _Entry) -> Iterable[str]:
    yield entry.name
    yield from entry.aliases
    if entry.kind == "person":
        yield entry.name.split()[-1]


def find_actors(text: str, sentences: Sequence[Span], analysis: Analysis | None = None
                ) -> ActorTable:
    """The article's actors; `analysis` is the language layer's evidence (made when absent)."""
    if analysis is None:
        analysis = analyse(text, sentences)
    raw = find_raw_mentions(text, sentences, analysis)
    with_verb = {i for i, s in enumerate(sentences) if analysis.has_verb(s.start, s.end)}
    gaz = gazetteer()
    resolved = _canonical_names(raw, gaz)
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
        if entry.title is None and mention.title:
            entry.title = mention.title
        mentions.append(Mention(name, kind, mention.start, mention.end, mention.sentence,
                                bool(mention.demonym_of)))
    return ActorTable(entries, tuple(mentions), tuple(m.start for m in mentions))


def _canonical_names(
    raw: list[RawMention], gaz: Gazetteer
) -> list[tuple[str | None, str]]:
    """Canonical name and kind for every raw mention (None for the ones to drop)."""
    votes: dict[str, Counter[str]] = defaultdict(Counter)
    titled: set[str] = set()
    for mention in raw:
        if mention.entity_kind:
            votes[mention.name][mention.entity_kind] += 1
        if mention.title:
            titled.add(mention.name)
    kinds = {m.name: _kind(m.name, votes[m.name], m.name in titled, gaz)
             for m in raw if not m.demonym_of}
    full_names = _person_full_names(kinds, raw)
    mid_sentence = {m.name for m in raw if not m.initial or len(m.name.split()) > 1}
    by_given = _by_given_name(kinds)
    orgs = [name for name, kind in kinds.items() if kind == "organization"]
    initials = {_initials(name): name for name in orgs if len(name.split()) > 1}
    result: list[tuple[str | None, str]] = []
    for mention in raw:
        key = normalise(mention.name)
        kind = kinds.get(mention.name)
        if mention.demonym_of:
            result.append((mention.demonym_of, "place"))
        elif key in gaz.names:
            known = gaz.names[key]
            result.append((known.canonical, known.kind))
        elif _is_acronym(mention.name):
            canonical = initials.get(mention.name.replace(".", ""))
            if canonical:
                result.append((canonical, kinds.get(canonical) or "organization"))
            else:  # no expansion in the article: a name only if the model says so
                result.append((mention.name, kind) if votes[mention.name] else (None, ""))
        elif len(mention.name.split()) == 1 and mention.name in full_names:
            result.append((full_names[mention.name], "person"))
        elif mention.name in by_given:
            result.append((by_given[mention.name], "person"))
        elif kind is None or (mention.after_determiner and not mention.entity_kind
                              and not _headed(mention.name, gaz)):
            result.append((None, ""))  # no evidence that it names anything ("the Family")
        elif mention.name not in mid_sentence and not _listed(mention.name, titled, gaz):
            result.append((None, ""))  # "Rain fell": an opener only the model calls a name
        else:
            result.append((mention.name, kind))
    return result


def _kind(name: str, votes: Counter[str], titled: bool, gaz: Gazetteer) -> str | None:
    """The kind of a name from its evidence, strongest first: the project's lists, a person's
    title, the head word ("Church of ...", "... County"), the model's entity types, kept
    gazetteers. None when nothing says it is a name."""
    key = normalise(name)
    if key in gaz.names:
        return gaz.names[key].kind
    if titled:
        return "person"
    head = _head_word(name)
    if head in gaz.org_words:
        return "organization"
    if head in gaz.place_words and len(name.split()) > 1:
        return "place"
    several_words = len(name.split()) > 1
    if several_words and _modified_place(name, gaz):
        return "place"
    if several_words and normalise(name.split()[0]) in given_names():
        return "person"
    if key in gaz.places:
        return "place"
    if votes:
        return max(sorted(votes), key=lambda kind: votes[kind])
    if _is_acronym(name):
        return "organization"
    return None


def _headed(name: str, gaz: Gazetteer) -> bool:
    """Its head word makes the name an organisation's or a place's ("the Harbour Institute")."""
    head = _head_word(name)
    return len(name.split()) > 1 and (head in gaz.org_words or head in gaz.place_words)


def _listed(name: str, titled: set[str], gaz: Gazetteer) -> bool:
    """Evidence beyond the model's: a list or gazetteer knows the name, or it has a title."""
    key = normalise(name)
    return name in titled or key in gaz.names or key in gaz.places


def _modified_place(name: str, gaz: Gazetteer) -> bool:
    """A known place after a compass word: "South Australia", "Western Sahara"."""
    first, _, rest = name.partition(" ")
    key = normalise(rest)
    known = (gaz.names.get(key) or gaz.places.get(key))
    return normalise(first) in gaz.place_modifiers and known is not None and known.kind == "place"


def _head_word(name: str) -> str:
    """The noun a name is built on: before "of" ("Church of Scientology"), else the last."""
    words = [normalise(w) for w in name.split()]
    if "of" in words[1:]:
        return words[words.index("of") - 1]
    return words[-1]


def _is_acronym(name: str) -> bool:
    return bool(_ACRONYM.match(name.replace(".", ""))) and name.isupper()


def _person_full_names(kinds: dict[str, str | None], raw: list[RawMention]) -> dict[str, str]:
    """Surname -> the most mentioned full name of a person ending with it ("Biden" ->
    "Joe Biden"). Only people: "Fairfax County" and "Montgomery County" share no surname."""
    by_surname: dict[str, Counter[str]] = defaultdict(Counter)
    for mention in raw:
        words = mention.name.split()
        if len(words) > 1 and kinds.get(mention.name) == "person":
            by_surname[words[-1]][mention.name] += 1
    return {
        surname: max(forms.items(), key=lambda item: (item[1], len(item[0]), item[0]))[0]
        for surname, forms in by_surname.items()
    }


def _by_given_name(kinds: dict[str, str | None]) -> dict[str, str]:
    """A given name used alone -> the one person's full name it opens ("Daniel" -> "Daniel
    Montalvo"); with two such people, neither."""
    opened: dict[str, set[str]] = defaultdict(set)
    for name, kind in kinds.items():
        words = name.split()
        if kind == "person" and len(words) > 1 and normalise(words[0]) in given_names():
            opened[words[0]].add(name)
    return {given: next(iter(names)) for given, names in opened.items() if len(names) == 1}


def _initials(name: str) -> str:
    return "".join(w[0] for w in name.split() if w.lower() not in _INITIALS_SKIP).upper()
