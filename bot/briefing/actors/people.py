"""Given names from a kept package: the `names` package ships the US Census 1990 lists of
male and female first names (public domain data). A name that opens with one of them is
evidence of a person ("Margaret Atwood"), weighed with the rest in `actors.table`; a name
far more common for one sex tells which of "he" and "she" may stand for the person."""

from __future__ import annotations

from functools import cache
from importlib import resources

_LISTS = ("dist.male.first", "dist.female.first")
_SEXED_PRONOUNS = {"he": "male", "him": "male", "his": "male", "she": "female", "her": "female"}
_CLEARLY = 10  # times as common for one sex as for the other


@cache
def given_names() -> frozenset[str]:
    """Lower-case given names."""
    return frozenset(_name_shares(_LISTS[0])) | frozenset(_name_shares(_LISTS[1]))


@cache
def _name_shares(name: str) -> dict[str, float]:
    """Lower-case given name -> its share of people in one Census list, in percent."""
    text = resources.files("names").joinpath(name).read_text(encoding="ascii")
    return {parts[0].lower(): float(parts[1]) for line in text.splitlines()
            if len(parts := line.split()) > 1}


def pronoun_fits(pronoun: str, name: str) -> bool:
    """Whether "he" or "she" can stand for a person of this name: not when the given name is
    ten times as common for the other sex ("she" is not Tony Blair). Any other name fits."""
    word = pronoun.lower()
    if word not in _SEXED_PRONOUNS:
        return True
    given = name.split()[0].replace(".", "").lower() if name.split() else ""
    male = _name_shares(_LISTS[0]).get(given, 0.0)
    female = _name_shares(_LISTS[1]).get(given, 0.0)
    if _SEXED_PRONOUNS[word] == "male":
        return not female > _CLEARLY * male
    return not male > _CLEARLY * female


def opens_with_given_name(name: str) -> bool:
    """A name of several words whose first is a given name: "Margaret Atwood"."""
    words = name.split()
    return len(words) > 1 and words[0].replace(".", "").lower() in given_names()
