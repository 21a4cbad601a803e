"""Evidence from the trained model for one article: tokens with tags and lemmas, and typed
named-entity spans, all with character offsets into the article text.

The rules ask questions of it ("is this word a proper noun here?", "what kind of entity
covers these characters?") and decide for themselves; the model never writes a brief.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from dataclasses import dataclass

from bot.briefing.language.pipeline import pipeline
from bot.briefing.model import Span

# Sentences are fed to the model in chunks of about this many characters: long enough for
# context, short enough that memory stays flat on a huge page.
_CHUNK_CHARS = 3000
PROPER_NOUN_TAGS = frozenset({"NNP", "NNPS"})
FINITE_VERB_TAGS = frozenset({"VBD", "VBZ", "VBP", "MD"})  # a verb that makes a clause
# Model labels -> actor kinds.
ENTITY_KINDS = {"PERSON": "person", "ORG": "organization", "PLACE": "place", "GROUP": "group"}


@dataclass(frozen=True, slots=True)
class Entity:
    start: int
    end: int
    kind: str  # person | organization | place | group


@dataclass(frozen=True, slots=True)
class Analysis:
    """Token and entity evidence for one text, searchable by character offset."""

    starts: tuple[int, ...]
    ends: tuple[int, ...]
    tags: tuple[str, ...]  # Penn Treebank tags: NNP, VBD, PRP...
    lemmas: tuple[str, ...]
    entities: tuple[Entity, ...]  # text order, not overlapping
    entity_starts: tuple[int, ...]
    entity_ends: tuple[int, ...]

    def tokens_in(self, start: int, end: int) -> range:
        """Indices of the tokens lying within [start, end)."""
        return range(bisect_left(self.starts, start), bisect_right(self.ends, end))

    def tag_at(self, start: int) -> str | None:
        """The tag of the token that starts at `start`, if one does."""
        index = bisect_left(self.starts, start)
        if index < len(self.starts) and self.starts[index] == start:
            return self.tags[index]
        return None

    def is_proper(self, start: int, end: int) -> bool:
        """Some token in [start, end) is tagged a proper noun."""
        return any(self.tags[i] in PROPER_NOUN_TAGS for i in self.tokens_in(start, end))

    def is_only_names(self, start: int, end: int) -> bool:
        """Every word token in [start, end) is a proper noun: a name, as in a credit line."""
        words = [i for i in self.tokens_in(start, end) if self.tags[i][0].isalpha()]
        return bool(words) and all(self.tags[i] in PROPER_NOUN_TAGS for i in words)

    def has_verb(self, start: int, end: int) -> bool:
        """Some token in [start, end) is tagged a verb: a clause, not a caption or heading."""
        return any(self.tags[i].startswith(("VB", "MD")) for i in self.tokens_in(start, end))

    def entity_over(self, start: int, end: int) -> Entity | None:
        """The entity span that overlaps [start, end) most, if any does."""
        first = bisect_right(self.entity_ends, start)
        last = bisect_left(self.entity_starts, end)
        overlapping = self.entities[first:last]
        if not overlapping:
            return None
        return max(overlapping, key=lambda e: min(end, e.end) - max(start, e.start))



EMPTY = Analysis((), (), (), (), (), (), ())


def analyse(text: str, sentences: Sequence[Span]) -> Analysis:
    """Run the model over the text, a chunk of whole sentences at a time."""
    if not sentences:
        return EMPTY
    nlp = pipeline()
    chunks = list(_chunks(sentences))
    starts: list[int] = []
    ends: list[int] = []
    tags: list[str] = []
    lemmas: list[str] = []
    entities: list[Entity] = []
    docs = nlp.pipe((text[a:b] for a, b in chunks), batch_size=16)
    for (offset, _), doc in zip(chunks, docs, strict=True):
        for token in doc:
            if token.is_space:
                continue
            starts.append(offset + token.idx)
            ends.append(offset + token.idx + len(token.text))
            tags.append(token.tag_)
            lemmas.append(token.lemma_)
        for ent in doc.ents:
            kind = ENTITY_KINDS.get(ent.label_)
            if kind:
                entities.append(Entity(offset + ent.start_char, offset + ent.end_char, kind))
    return Analysis(tuple(starts), tuple(ends), tuple(tags), tuple(lemmas), tuple(entities),
                    tuple(e.start for e in entities), tuple(e.end for e in entities))


def _chunks(sentences: Sequence[Span]) -> list[tuple[int, int]]:
    chunks: list[tuple[int, int]] = []
    start = sentences[0].start
    end = start
    for sentence in sentences:
        if sentence.end - start > _CHUNK_CHARS and end > start:
            chunks.append((start, end))
            start = sentence.start
        end = sentence.end
    chunks.append((start, end))
    return chunks
