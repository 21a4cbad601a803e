"""Given names from a kept package: the `names` package ships the US Census 1990 lists of
male and female first names (public domain data). A name that opens with one of them is
evidence of a person ("Margaret Atwood"), weighed with the rest in `actors.table`."""

from __future__ import annotations

from functools import cache
from importlib import resources

_LISTS = ("dist.male.first", "dist.female.first")


@cache
def given_names() -> frozenset[str]:
    """Lower-case given names."""
    found: set[str] = set()
    for name in _LISTS:
        text = resources.files("names").joinpath(name).read_text(encoding="ascii")
        found.update(line.split(maxsplit=1)[0].lower() for line in text.splitlines() if line)
    return frozenset(found)


def opens_with_given_name(name: str) -> bool:
    """A name of several words whose first is a given name: "Margaret Atwood"."""
    words = name.split()
    return len(words) > 1 and words[0].replace(".", "").lower() in given_names()
