"""Actors against GUM's news documents (held out of the language model's training).

`gum/derived/gold.json` lists every entity of a document with its type, how many of five
human summaries mention it (salience 0-5) and all its mentions. An actor *matches* an entity
when its name or one of its aliases is one of the entity's name forms: a mention with its
leading article and possessive removed, the capitalised name that opens a proper mention,
the entity's Wikipedia identity, or, for a person, the trailing words of a proper mention
("Hau Lung-bin" of "Taipei Mayor Hau Lung-bin"). Printed per system:

- P@3: the share of the top 3 actors that match an entity named in at least 3 summaries;
- person-or-not: for actors matching an entity with a proper-noun mention, whether
  "person" agrees with the gold type (the naive baseline has no kinds);
- junk@6: the share of the top 6 actors that match no entity at all (a fragment such as
  "Zealand", a sentence opener, a heading).
"""

from __future__ import annotations

import json
import re
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from bench.common import print_table, read_text, require_eval
from bot.briefing.engine import build_brief
from bot.briefing.model import Article

SALIENT = 3  # named in at least 3 of the 5 summaries
_NAME_LINKS = frozenset({"of", "the", "and", "for", "de"})
_CAPITALISED_RUN = re.compile(r"\b[A-Z][\w'’.-]*(?:\s+(?:of\s+|the\s+)*[A-Z][\w'’.-]*)*")


@dataclass(frozen=True, slots=True)
class Candidate:
    name: str
    kind: str | None
    aliases: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Entity:
    type: str
    salience: int
    forms: frozenset[str]
    name_parts: frozenset[str]  # weaker: the names that open longer mentions
    proper: bool


def normalise(text: str) -> str:
    words = " ".join(text.replace("’", "'").split()).lower()
    words = re.sub(r"^(?:the|a|an)\s+", "", words)
    return re.sub(r"'s?$", "", words).strip(" .,")


def load_documents() -> list[tuple[str, str, str, list[Entity]]]:
    gold = json.loads(read_text(require_eval("gum") / "derived" / "gold.json"))["docs"]
    documents = []
    for name, doc in sorted(gold.items()):
        if not name.startswith("GUM_news_"):
            continue
        raw = read_text(require_eval("gum") / "derived" / "txt" / f"{name}.txt")
        title, _, body = raw.partition("\n")
        entities = [_entity(e) for e in doc["entities"]]
        documents.append((name, title.strip(), body.strip(), entities))
    return documents


def _entity(data: dict) -> Entity:
    forms: set[str] = set()
    parts: set[str] = set()
    proper = False
    for mention in data["mentions"]:
        forms.add(normalise(mention["text"]))
        if mention["proper"]:
            proper = True
            parts.add(normalise(name_part(mention["text"])))
            if data["type"] == "person":  # "Taipei Mayor Hau Lung-bin": "Hau Lung-bin"
                words = mention["text"].split()
                forms.update(normalise(" ".join(words[i:])) for i in range(1, len(words)))
    if data.get("identity"):
        forms.add(normalise(data["identity"].replace("_", " ")))
    return Entity(data["type"], int(data["salience"]), frozenset(forms),
                  frozenset(parts - forms), proper)


def name_part(text: str) -> str:
    """The capitalised name that opens a mention: "the Daughters of the American Revolution
    Constitution Hall in Washington D.C." -> "Daughters of the American Revolution
    Constitution Hall"."""
    words = text.split()
    while words and words[0].lower() in {"the", "a", "an"}:
        words = words[1:]
    kept: list[str] = []
    for word in words:
        if not (word[:1].isupper() or word in _NAME_LINKS):
            break
        kept.append(word)
    while kept and kept[-1] in _NAME_LINKS:
        kept.pop()
    return " ".join(kept)


def match(candidate: Candidate, entities: list[Entity]) -> Entity | None:
    keys = {normalise(candidate.name), *(normalise(a) for a in candidate.aliases)}
    best = max(entities, key=lambda e: (len(keys & e.forms), len(keys & e.name_parts),
                                        e.proper, e.salience))
    return best if keys & (best.forms | best.name_parts) else None


def ours(title: str, text: str) -> list[Candidate]:
    brief = build_brief(Article(title=title, text=text))
    return [Candidate(a.name, a.kind, a.aliases) for a in brief.actors]


def most_frequent_capitalised(title: str, text: str) -> list[Candidate]:
    """Naive baseline: capitalised phrases ranked by frequency, no kinds."""
    counts = Counter(m.group().strip(" .") for m in _CAPITALISED_RUN.finditer(text))
    ranked = sorted(counts.items(), key=lambda item: (-item[1], item[0]))
    return [Candidate(name, None, ()) for name, _ in ranked]


def evaluate(system: Callable[[str, str], list[Candidate]],
             documents: Iterable[tuple[str, str, str, list[Entity]]],
             errors: list[str] | None = None) -> list[object]:
    top3_hits = top3 = kind_right = kind_total = junk = top6 = 0
    for name, title, text, entities in documents:
        actors = system(title, text)
        for rank, actor in enumerate(actors[:6]):
            entity = match(actor, entities)
            top6 += 1
            if entity is None:
                junk += 1
                _note(errors, name, f"junk: {actor.name!r}")
            if rank < 3:
                top3 += 1
                if entity is not None and entity.salience >= SALIENT:
                    top3_hits += 1
                else:
                    _note(errors, name, f"top-3 not salient: {actor.name!r}")
        for actor in actors:
            entity = match(actor, entities)
            if actor.kind is None or entity is None or not entity.proper:
                continue
            kind_total += 1
            if (actor.kind == "person") == (entity.type == "person"):
                kind_right += 1
            else:
                _note(errors, name, f"kind: {actor.name!r} is {actor.kind}, gold {entity.type}")
    person_or_not: object = kind_right / kind_total if kind_total else "n/a"
    return [top3_hits / max(top3, 1), person_or_not, kind_total, junk / max(top6, 1)]


def _note(errors: list[str] | None, name: str, line: str) -> None:
    if errors is not None:
        errors.append(f"{name}: {line}")


def main() -> None:
    documents = load_documents()
    errors: list[str] = []
    rows = [
        ["baseline: most frequent capitalised phrase",
         *evaluate(most_frequent_capitalised, documents)],
        ["ours", *evaluate(ours, documents, errors)],
    ]
    print(f"{len(documents)} GUM news documents, entities named in >= {SALIENT} of 5 summaries")
    print_table(["system", "P@3", "person-or-not", "named actors", "junk@6"], rows)
    print("\nper-document errors (ours):")
    for line in errors:
        print(f"  {line}")


if __name__ == "__main__":
    main()
