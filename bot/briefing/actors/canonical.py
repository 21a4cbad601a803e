"""Canonical names and kinds of raw mentions, from the strongest evidence down.

"President Joe Biden", "Joe Biden" and "Biden" become one actor; "US", "U.S." and "United
States" become one; "a Ukrainian official" counts towards Ukraine. Only what the article ties
together is merged: a surname to its full name, a given name or an organisation's head word
to the one name it opens or heads, an acronym to its expansion.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from dataclasses import replace

from bot.briefing.actors.gazetteer import Gazetteer, normalise
from bot.briefing.actors.mentions import RawMention
from bot.briefing.actors.people import opens_with_given_name
from bot.briefing.lexicon.wordlists import load_words
from bot.briefing.text.keywords import ENGLISH_STOP_WORDS

_ACRONYM = re.compile(r"^[A-Z](?:\.?[A-Z]){1,5}\.?$")
_INITIALS_SKIP = frozenset({"of", "the", "and", "for", "on", "de"})


def canonical_names(
    raw: list[RawMention], gaz: Gazetteer, speakers: frozenset[str] = frozenset(),
    lone_speakers: frozenset[str] = frozenset(),
) -> list[tuple[str | None, str]]:
    """Canonical name and kind for every raw mention (None for the ones to drop); `speakers`
    are names that stand as the source of something said, `lone_speakers` single words that
    do so alone and are always capitalised (`mentions.speaker_names`): with no other
    evidence, an acronym among them is an organisation and a word a person."""
    raw = _without_lone_initials(raw)
    votes: dict[str, Counter[str]] = defaultdict(Counter)
    titled: set[str] = set()
    bodies = {m.name for m in raw if m.said_a_body}
    for mention in raw:
        if mention.entity_kind:
            votes[mention.name][mention.entity_kind] += 1
        if mention.title:
            titled.add(mention.name)
    kinds = {m.name: "organization" if m.name in bodies and m.name not in titled
             and normalise(m.name) not in gaz.names
             else _kind(m.name, votes[m.name], m.name in titled, gaz, m.name in speakers)
             or _lone_speaker_kind(m.name, lone_speakers)
             for m in raw if not m.demonym_of}
    full_names = _person_full_names(kinds, raw)
    mid_sentence = {m.name for m in raw if not m.initial or len(m.name.split()) > 1}
    by_given = _by_given_name(kinds)
    by_head = _by_head_word(kinds, gaz)
    orgs = [name for name, kind in kinds.items() if kind == "organization"]
    initials = {_initials(name): name for name in orgs if len(name.split()) > 1}
    result: list[tuple[str | None, str]] = []
    for mention in raw:
        key = normalise(mention.name)
        kind = kinds.get(mention.name)
        titled_surname = (mention.title or mention.surname_only) and \
            len(mention.name.split()) == 1 and mention.name in full_names
        if mention.demonym_of:
            result.append((mention.demonym_of, "place"))
        elif titled_surname:  # "Dr Fox" after "Liam Fox": not the known name "Fox" (News)
            result.append((full_names[mention.name], "person"))
        elif key in gaz.names:
            known = gaz.names[key]
            result.append((known.canonical, known.kind))
        elif _is_acronym(mention.name):
            canonical = initials.get(mention.name.replace(".", ""))
            if canonical:
                result.append((canonical, kinds.get(canonical) or "organization"))
            elif votes[mention.name] or mention.name in lone_speakers:
                result.append((mention.name, kind))  # no expansion: the model's word
            elif mention.after_determiner and normalise(mention.name) not in gaz.non_actors:
                result.append((mention.name, "organization"))  # "the ONS", "the IAAF"
            else:
                result.append((None, ""))
        elif len(mention.name.split()) == 1 and mention.name in full_names:
            result.append((full_names[mention.name], "person"))
        elif mention.name in by_given and not mention.surname_only:
            result.append((by_given[mention.name], "person"))
        elif mention.name in by_head:
            result.append((by_head[mention.name], "organization"))
        elif kind is None or (mention.after_determiner and not mention.entity_kind
                              and not _headed(mention.name, gaz)):
            result.append((None, ""))  # no evidence that it names anything ("the Family")
        elif mention.name not in mid_sentence and not _listed(mention.name, titled, gaz) \
                and mention.name not in bodies:
            result.append((None, ""))  # "Rain fell": an opener only the model calls a name
        else:
            result.append((mention.name, kind))
    return result


_MIDDLE_INITIAL = re.compile(r"(?<=\w) [A-Z]\. (?=[A-Z])")


def _without_lone_initials(raw: list[RawMention]) -> list[RawMention]:
    """"Donald J. Trump" is "Donald Trump" where the article also writes that form; alone,
    the initial stays ("George W. Bush")."""
    names = {m.name for m in raw}
    return [replace(m, name=plain) if (plain := _MIDDLE_INITIAL.sub(" ", m.name)) != m.name
            and plain in names else m for m in raw]


def _kind(name: str, votes: Counter[str], titled: bool, gaz: Gazetteer,
          speaks: bool = False) -> str | None:
    """The kind of a name from its evidence, strongest first: the project's lists, a person's
    title, the head word ("Church of ...", "... County"), a given name, the kept gazetteers,
    then the model's entity types. None when nothing says it is a name."""
    key = normalise(name)
    if key in gaz.names:
        return gaz.names[key].kind
    if re.fullmatch(r"[A-Z]+s", name.split()[-1]):
        return "group"  # "Labour MPs", "MEPs": people of a kind, no one person
    if titled and not _is_acronym(name):
        return "person"  # an acronym is a body even after a title-like word
    head = head_word(name)
    last = normalise(name.split()[-1])
    if (head in gaz.thing_words or last in gaz.thing_words) and len(name.split()) > 1:
        return None  # "Election Day", "Federal Records Act": a thing, not an actor
    if head in gaz.org_words or (len(name.split()) > 1 and last in load_words("name_bodies")):
        return "organization"  # "... Council"; "Clinton camp", though "Clinton" is a given name
    if head in gaz.place_words and len(name.split()) > 1:
        return "place"
    several_words = len(name.split()) > 1
    if several_words and _modified_place(name, gaz):
        return "place"
    if opens_with_given_name(name):
        return "person"
    if key in gaz.places:
        return "place"
    if votes:
        voted = max(sorted(votes), key=lambda kind: votes[kind])
        if voted == "person" and _is_acronym(name):
            return "organization"  # "AK insisted": capitals in news are a body, not a person
        # A place no gazetteer knows that says things, or that has a first and a last name's
        # shape ("Axel Witsel"), is the model mistaking a person: the gazetteers know places
        # of several words down to small towns.
        return "person" if voted == "place" and (speaks or _name_shaped(name, gaz)) else voted
    if _is_acronym(name):
        return "organization"
    return None


def _lone_speaker_kind(name: str, lone_speakers: frozenset[str]) -> str | None:
    if name not in lone_speakers:
        return None
    return "organization" if _is_acronym(name) else "person"


def _name_shaped(name: str, gaz: Gazetteer) -> bool:
    """Two or three capitalised words, none a function word and none a place or a place's
    word: "Nacer Chadli", "Hwang Hee-Chan"; not "Lake Erie", "Nazi Germany"."""
    words = name.split()
    return 2 <= len(words) <= 3 and all(
        w[:1].isupper() and w.lower() not in ENGLISH_STOP_WORDS
        and normalise(w) not in gaz.place_words and normalise(w) not in gaz.places
        and normalise(w) not in gaz.countries and normalise(w) not in gaz.demonyms
        for w in words)


def _headed(name: str, gaz: Gazetteer) -> bool:
    """Its head word makes the name an organisation's or a place's ("the Harbour Institute")."""
    head = head_word(name)
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


def head_word(name: str) -> str:
    """The noun a name is built on: before "of" or "for" ("Church of Scientology", "Office
    for National Statistics"), else the last."""
    words = [normalise(w) for w in name.split()]
    for link in ("of", "for"):
        if link in words[1:]:
            return words[words.index(link) - 1]
    return words[-1]


def _is_acronym(name: str) -> bool:
    return bool(_ACRONYM.match(name.replace(".", ""))) and name.isupper()


def surname(name: str) -> str:
    """A person's last name: the last word, or the one before a generational suffix
    ("James P. Kennedy Jr." -> "Kennedy")."""
    words = name.split()
    if len(words) > 2 and normalise(words[-1]) in load_words("name_suffixes"):
        return words[-2].rstrip(",")
    return words[-1]


def _person_full_names(kinds: dict[str, str | None], raw: list[RawMention]) -> dict[str, str]:
    """Surname -> the most mentioned full name of a person ending with it ("Biden" ->
    "Joe Biden"). Only people: "Fairfax County" and "Montgomery County" share no surname."""
    by_surname: dict[str, Counter[str]] = defaultdict(Counter)
    for mention in raw:
        words = mention.name.split()
        if len(words) > 1 and kinds.get(mention.name) == "person":
            by_surname[surname(mention.name)][mention.name] += 1
    return {
        surname: max(forms.items(), key=lambda item: (item[1], len(item[0]), item[0]))[0]
        for surname, forms in by_surname.items()
    }


def _by_given_name(kinds: dict[str, str | None]) -> dict[str, str]:
    """A given name used alone -> the one person's full name it opens ("Daniel" -> "Daniel
    Montalvo"); with two such people, neither."""
    opened: dict[str, set[str]] = defaultdict(set)
    for name, kind in kinds.items():
        if kind == "person" and opens_with_given_name(name):
            opened[name.split()[0]].add(name)
    return {given: next(iter(names)) for given, names in opened.items() if len(names) == 1}


def _by_head_word(kinds: dict[str, str | None], gaz: Gazetteer) -> dict[str, str]:
    """An organisation's head word used alone -> the one organisation it heads ("the Church"
    -> "Church of Scientology", "the Court" -> "Supreme Court"); with two, neither."""
    headed: dict[str, set[str]] = defaultdict(set)
    for name, kind in kinds.items():
        if kind == "organization" and len(name.split()) > 1:
            head = head_word(name)
            if head in gaz.org_words:
                headed[head.title()].add(name)
    return {head: next(iter(names)) for head, names in headed.items() if len(names) == 1}


def _initials(name: str) -> str:
    return "".join(w[0] for w in name.split() if w.lower() not in _INITIALS_SKIP).upper()
