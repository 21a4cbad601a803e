"""Read CoNLL-U treebanks (GUM, UD EWT) into spaCy Docs for training and evaluation.

Only `make model` and the benchmarks read treebanks; the engine itself never does. GUM marks
every entity mention (named or not) with a type; a mention counts as a *named* entity when
its syntactic head is a proper noun, and its span is the proper-noun run around that head
(so "U.S. President Donald Trump" gives PLACE "U.S." and PERSON "President Donald Trump").
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

import conllu
from spacy.tokens import Doc, Span, Token
from spacy.util import filter_spans
from spacy.vocab import Vocab

# GUM entity types that can be actors, and the label each one trains.
ENTITY_LABELS = {"person": "PERSON", "organization": "ORG", "place": "PLACE"}
GROUP_LABEL = "GROUP"  # a plural proper-noun person mention: "Democrats", "Afghans"
_ENTITY_MARK = re.compile(r"\((\d+)-([a-z]+)[^()]*(\))?|(\d+)\)")
_NAME_LINKS = frozenset({"of", "the", "and", "&", "de", "for"})


@dataclass(frozen=True, slots=True)
class _Mention:
    start: int  # token index in the chunk
    end: int  # exclusive
    kind: str


def read_docs(path: Path, vocab: Vocab, *, sentences_per_doc: int = 8,
              entities: bool = True) -> Iterator[Doc]:
    """Docs of up to `sentences_per_doc` sentences each, with tags, lemmas and dependencies;
    with `entities`, GUM's named mentions as NER annotation (else NER is left missing)."""
    with path.open(encoding="utf-8") as handle:
        chunk: list[conllu.TokenList] = []
        for sentence in conllu.parse_incr(handle):
            new_doc = "newdoc id" in sentence.metadata
            if chunk and (new_doc or len(chunk) >= sentences_per_doc):
                yield _doc(chunk, vocab, entities)
                chunk = []
            chunk.append(sentence)
        if chunk:
            yield _doc(chunk, vocab, entities)


def _doc(sentences: list[conllu.TokenList], vocab: Vocab, entities: bool) -> Doc:
    words: list[str] = []
    spaces: list[bool] = []
    tags: list[str] = []
    pos: list[str] = []
    lemmas: list[str] = []
    heads: list[int] = []
    deps: list[str] = []
    sent_starts: list[bool] = []
    mentions: list[_Mention] = []
    open_mentions: dict[str, tuple[int, str]] = {}
    for sentence in sentences:
        offset = len(words)
        words_in_sentence = [t for t in sentence if isinstance(t["id"], int)]
        no_space_after = _no_space_after(sentence)
        for index, token in enumerate(words_in_sentence):
            words.append(token["form"])
            spaces.append(token["id"] not in no_space_after)
            tags.append(token["xpos"] or "")
            pos.append(token["upos"] or "")
            lemmas.append(token["lemma"] or token["form"])
            head = token["head"] or 0
            heads.append(offset + head - 1 if head else offset + index)
            deps.append("ROOT" if not head else token["deprel"])
            sent_starts.append(index == 0)
            mark = (token["misc"] or {}).get("Entity")
            if mark:
                _read_marks(mark, len(words) - 1, open_mentions, mentions)
    doc = Doc(vocab, words=words, spaces=spaces, tags=tags, pos=pos, lemmas=lemmas,
              heads=heads, deps=deps, sent_starts=sent_starts)
    if entities:
        doc.ents = named_spans(doc, mentions)
    return doc


def _no_space_after(sentence: conllu.TokenList) -> set[int]:
    """Word ids followed by no space; a multiword token's flag applies to its last word."""
    ids: set[int] = set()
    for token in sentence:
        token_id = token["id"]
        misc = token["misc"] or {}
        if isinstance(token_id, tuple) and token_id[1] == "-":
            ids.update(range(token_id[0], token_id[2]))  # no space inside "did|n't"
            if misc.get("SpaceAfter") == "No":
                ids.add(token_id[2])
        elif isinstance(token_id, int) and misc.get("SpaceAfter") == "No":
            ids.add(token_id)
    return ids


def _read_marks(mark: str, index: int, open_mentions: dict[str, tuple[int, str]],
                mentions: list[_Mention]) -> None:
    for match in _ENTITY_MARK.finditer(mark):
        opened, kind, closed_here, closed = match.groups()
        if opened:
            if closed_here:
                mentions.append(_Mention(index, index + 1, kind))
            else:
                open_mentions[opened] = (index, kind)
        elif closed in open_mentions:
            start, kind = open_mentions.pop(closed)
            mentions.append(_Mention(start, index + 1, kind))


def named_spans(doc: Doc, mentions: Iterable[_Mention]) -> list[Span]:
    """Named-entity spans: the proper-noun run around each proper-noun-headed mention."""
    candidates: list[tuple[int, int, str]] = []
    for mention in mentions:
        label = ENTITY_LABELS.get(mention.kind)
        head = _head_of(doc, mention.start, mention.end)
        if label is None or not _proper(doc[head]):
            continue
        start, end = _proper_run(doc, head, mention.start, mention.end)
        if label == "PERSON" and doc[head].tag_ == "NNPS":
            label = GROUP_LABEL
        candidates.append((start, end, label))
    # A named mention nested at the left edge of a longer one is cut off it
    # ("U.S." out of "U.S. President Donald Trump").
    spans: list[Span] = []
    for start, end, label in candidates:
        for inner_start, inner_end, inner_label in candidates:
            if inner_start == start and inner_end < end and label == "PERSON" != inner_label:
                start = inner_end
        while start < end and doc[start].lower_ in _NAME_LINKS:
            start += 1
        if start < end:
            spans.append(Span(doc, start, end, label=label))
    return filter_spans(spans)


def _head_of(doc: Doc, start: int, end: int) -> int:
    for index in range(start, end):
        head = doc[index].head.i
        if head == index or not start <= head < end:
            return index
    return end - 1


def _proper(token: Token) -> bool:
    """GUM tags "United" in "United States" VERB but NNP: the fine tag decides."""
    return token.tag_ in {"NNP", "NNPS"}


def _proper_run(doc: Doc, head: int, floor: int, ceiling: int) -> tuple[int, int]:
    """Widen from the head over proper nouns, and over "of the" between proper nouns."""
    start = head
    while start > floor:
        link = start - 1
        while link >= floor and doc[link].lower_ in _NAME_LINKS:
            link -= 1
        if link >= floor and _proper(doc[link]):
            start = link
        else:
            break
    end = head + 1
    while end < ceiling:
        link = end
        while link < ceiling and doc[link].lower_ in _NAME_LINKS:
            link += 1
        if link < ceiling and _proper(doc[link]):
            end = link + 1
        else:
            break
    return start, end
