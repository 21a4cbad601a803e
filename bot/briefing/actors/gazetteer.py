"""Lookup tables built from the word lists: countries, demonyms, organisations, titles."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from bot.briefing.actors.geography import place_names
from bot.briefing.lexicon.wordlists import DATA_DIR, load_words


@dataclass(frozen=True, slots=True)
class KnownName:
    canonical: str
    kind: str  # person | organization | place | group


@dataclass(frozen=True, slots=True)
class Gazetteer:
    names: dict[str, KnownName]  # normalised alias -> known name, from the project's lists
    places: dict[str, KnownName]  # normalised place -> name, from kept gazetteer libraries
    demonyms: dict[str, str]  # normalised demonym -> country
    countries: frozenset[str]  # normalised aliases of countries and blocs
    titles: frozenset[tuple[str, ...]]  # title phrases as word tuples
    title_words: frozenset[str]  # every single word that can head a title
    org_words: frozenset[str]
    place_words: frozenset[str]
    thing_words: frozenset[str]  # heads of laws, events, prizes: "... Act", "... Day"
    place_modifiers: frozenset[str]
    non_actors: frozenset[str]
    lone_adjectives: frozenset[str]
    longest_title: int


def normalise(name: str) -> str:
    """Key for lookups: lower case, no dots, no leading "the", single spaces."""
    key = " ".join(name.replace(".", "").replace("’", "'").lower().split())
    return key[4:] if key.startswith("the ") else key


def load_lines(name: str) -> list[str]:
    """Entries of a structured list (data/<name>.txt) with their case kept."""
    lines = []
    for raw in (DATA_DIR / f"{name}.txt").read_text(encoding="utf-8").splitlines():
        line = raw.split("#", 1)[0].strip()
        if line:
            lines.append(line)
    return lines


def _fields(line: str) -> list[str]:
    return [part.strip() for part in line.split("|")]


def _items(field: str) -> list[str]:
    return [item.strip() for item in field.split(",") if item.strip()]


@cache
def gazetteer() -> Gazetteer:
    names: dict[str, KnownName] = {}
    demonyms: dict[str, str] = {}
    countries: set[str] = set()
    for line in load_lines("countries"):
        parts = [*_fields(line), "", ""]
        known = KnownName(parts[0], "place")
        for alias in [parts[0], *_items(parts[1])]:
            names[normalise(alias)] = known
            countries.add(normalise(alias))
        for demonym in _items(parts[2]):
            demonyms[normalise(demonym)] = parts[0]
    for line in load_lines("places"):
        names.setdefault(normalise(line), KnownName(line, "place"))
    for line in load_lines("known_organizations"):
        parts = [*_fields(line), "", ""]
        known = KnownName(parts[0], parts[2] or "organization")
        for alias in [parts[0], *_items(parts[1])]:
            names.setdefault(normalise(alias), known)
    geographic = {normalise(name): name for name in place_names() if "," not in name}
    titles = frozenset(tuple(normalise(t).split()) for t in load_lines("titles"))
    return Gazetteer(
        names=names,
        places={key: KnownName(name, "place") for key, name in geographic.items()
                if key not in names},
        demonyms=demonyms,
        countries=frozenset(countries),
        titles=titles,
        title_words=frozenset(word for title in titles for word in title),
        org_words=frozenset(normalise(w) for w in load_words("organizations")),
        place_words=frozenset(normalise(w) for w in load_words("place_words")),
        thing_words=frozenset(normalise(w) for w in load_words("thing_words")),
        place_modifiers=load_words("place_modifiers"),
        non_actors=load_words("non_actors"),
        lone_adjectives=load_words("lone_adjectives"),
        longest_title=max(len(t) for t in titles),
    )
