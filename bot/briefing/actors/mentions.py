"""Find name mentions in text: capitalised runs split into title and name, plus demonyms.

A run is a sequence of capitalised words in one sentence ("Secretary of State Anthony
Blinken"). Each run yields at most two raw mentions (a known organisation prefix and the
rest) with the title found before it, inside it or in an appositive after it.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from functools import cache

from bot.briefing.actors.evidence import (
    CONNECTORS,
    HONORIFICS,
    first_word_start,
    known_start,
    middle_initial,
    name_run,
    one_entity,
    person_body,
    split_at_entity_edges,
    titled_person,
)
from bot.briefing.actors.gazetteer import Gazetteer, gazetteer, normalise
from bot.briefing.actors.people import given_names, opens_with_given_name
from bot.briefing.language.analysis import FINITE_VERB_TAGS, Analysis
from bot.briefing.lexicon.wordlists import load_words
from bot.briefing.model import Span
from bot.briefing.text.keywords import ENGLISH_STOP_WORDS

# An acronym with dots (U.S., U.K.) or a word with inner apostrophes and hyphens.
_TOKEN = re.compile(r"(?:[^\W\d_]\.){2,}|[^\W\d_][\w'’\-]*", re.UNICODE)
_PRE_TITLE_MODIFIERS = frozenset({"former", "senior", "deputy", "acting", "top", "chief"})
_APPOSITIVE = re.compile(
    r",\s+(?:(?:the|a|an)\s+)?((?:[\w'’\-]+\s+){0,11}?[\w'’\-]+)\s*(?=[,;.]|$)", re.UNICODE
)


@dataclass(frozen=True, slots=True)
class RawMention:
    """A name as written, before canonicalisation."""

    name: str  # the name without title or possessive
    start: int
    end: int
    title: str | None
    sentence: int  # index of the sentence it occurs in
    initial: bool  # the run opens its sentence
    demonym_of: str | None = None  # set for "Ukrainian" style mentions of a country
    after_determiner: bool = False  # "the Family", "a Senate": a common noun, not a name
    entity_kind: str | None = None  # the model's entity type over the mention, if any
    # "Novartis, the Swiss drugmaker,", "Sony's profits": the text says it is an organisation
    said_a_body: bool = False
    surname_only: bool = False  # after "Mr", "Ms": "Mr Howard" is a surname, not a given name


def find_raw_mentions(text: str, sentences: Sequence[Span], analysis: Analysis,
                      speakers: frozenset[str] = frozenset()) -> list[RawMention]:
    """Every candidate mention, in text order. A second pass reads as names wherever they
    stand the surnames of people named in full and the `speakers` (see `speaker_names`),
    since the model may tag one occurrence a common word ("Trump has said")."""
    gaz = gazetteer()
    runs = []
    for index, sentence in enumerate(sentences):
        tokens = [(m.start(), _strip_possessive(m)) for m in
                  _TOKEN.finditer(text, sentence.start, sentence.end)]
        runs.extend((index, sentence, run) for whole in _capitalised_runs(text, tokens)
                    for run in split_at_entity_edges(text, whole, analysis, gaz))
    first = [_mentions_of_run(text, run, analysis, gaz, frozenset()) for run in runs]
    known = _full_name_surnames([m for found in first for m in found], gaz) | speakers
    return [m for run, found in zip(runs, first, strict=True)
            for m in (_mentions_of_run(text, run, analysis, gaz, known)
                      if known and any(text[s:e] in known for s, e in run[2]) else found)]


_WORD_TOKEN = re.compile(r"\b[\w\-]+\b")  # "Trump's" holds "Trump"


@cache
def _lone_speaker() -> re.Pattern[str]:
    """One capitalised word, maybe after "Mr" or "Dr": "Trump", "Mr Eavis", "EMI"."""
    honorifics = "|".join(h.capitalize() for h in sorted(SURNAME_HONORIFICS))
    return re.compile(rf"(?:(?:{honorifics})\.?\s+)?([A-Z][\w'’\-]+)")


def speaker_names(text: str, sentences: Sequence[Span], sources: Sequence[Span]
                  ) -> frozenset[str]:
    """Single capitalised words that stand alone as the source of something said ("Trump
    said", "EMI said") and that the article always capitalises, also inside a sentence: a
    name, whatever the model reads. "Analysts said" is no name, since the article writes
    "analysts" elsewhere, or never mid-sentence."""
    candidates = {m.group(1) for source in sources
                  if (m := _lone_speaker().fullmatch(source.text.strip()))
                  and m.group(1).lower() not in ENGLISH_STOP_WORDS}
    if not candidates:
        return frozenset()
    openers = {first_word_start(text, s) for s in sentences}
    wanted = {word.lower(): word for word in candidates}
    lower_case, mid_sentence = set(), set()
    for match in _WORD_TOKEN.finditer(text):  # one pass: every place each candidate stands
        word = wanted.get(match.group().lower())
        if word is None:
            continue
        if match.group() != word:
            lower_case.add(word)
        elif match.start() not in openers:
            mid_sentence.add(word)
    return frozenset(mid_sentence - lower_case)


def _mentions_of_run(text: str, located: tuple[int, Span, list[tuple[int, int]]],
                     analysis: Analysis, gaz: Gazetteer, surnames: frozenset[str]
                     ) -> list[RawMention]:
    """The mentions of one capitalised run (with its sentence's index and span)."""
    index, sentence, run = located
    run = name_run(text, run, sentence, analysis, gaz, surnames)
    if not run:
        return []
    return [_typed(m, analysis) for m in
            _mentions_in_run(text, run, sentence, index, gaz, analysis)]


def _full_name_surnames(found: Sequence[RawMention], gaz: Gazetteer) -> frozenset[str]:
    """Last words of names the model types a person, or with a title, of two or more words;
    never a word with another common use ("May", "Will") or a time word."""
    return frozenset(
        last for m in found if len(words := m.name.split()) > 1
        and (m.entity_kind == "person" or m.title) and not m.demonym_of
        and (last := words[-1]).lower() not in ENGLISH_STOP_WORDS
        and normalise(last) not in gaz.non_actors)


def _typed(mention: RawMention, analysis: Analysis) -> RawMention:
    """The mention with the model's entity type, where an entity covers most of it."""
    entity = analysis.entity_over(mention.start, mention.end)
    if entity is None:
        return mention
    overlap = min(entity.end, mention.end) - max(entity.start, mention.start)
    if 2 * overlap < mention.end - mention.start:
        return mention
    return replace(mention, entity_kind=entity.kind)




def _strip_possessive(match: re.Match[str]) -> int:
    """End offset of a token without its possessive ending ("Russia's" -> "Russia")."""
    word = match.group()
    if len(word) > 2 and word[-2:] in ("'s", "’s"):
        return match.end() - 2
    if word[-1] in "'’":
        return match.end() - 1
    return match.end()


def _is_capitalised(word: str) -> bool:
    return word[0].isupper()


def _capitalised_runs(text: str, tokens: list[tuple[int, int]]) -> list[list[tuple[int, int]]]:
    """Group tokens into runs of capitalised words joined by single spaces or connectors
    ("Bank of America", "Daughters of the American Revolution")."""
    runs: list[list[tuple[int, int]]] = []
    current: list[tuple[int, int]] = []
    index = 0
    while index < len(tokens):
        start, end = tokens[index]
        word = text[start:end]
        joined = bool(current) and (text[current[-1][1]:start] in (" ", "-")
                                    or middle_initial(text, current, start))
        if _is_capitalised(word):
            if not joined and current:
                runs.append(current)
                current = []
            current.append((start, end))
        elif (word in CONNECTORS or _joins_body(text, current, word)) and current and joined \
                and (link := _link_end(text, tokens, index)):
            current.extend(tokens[index:link])
            index = link
            continue
        elif current:
            runs.append(current)
            current = []
        index += 1
    if current:
        runs.append(current)
    return runs


def _joins_body(text: str, current: list[tuple[int, int]], word: str) -> bool:
    """"for" inside a body's name: "Office for National Statistics", "Center for Disease
    Control" (after an organisation's head word only)."""
    return word == "for" and bool(current) and normalise(
        text[current[-1][0]:current[-1][1]]) in gazetteer().org_words


def _link_end(text: str, tokens: list[tuple[int, int]], index: int) -> int:
    """Index of the capitalised word that a connector (and an optional "the") leads to, when
    single spaces join them; 0 when none does."""
    after = index + 1
    if after < len(tokens) and text[tokens[after][0]:tokens[after][1]] == "the":
        after += 1
    if after >= len(tokens) or not _is_capitalised(text[tokens[after][0]:tokens[after][1]]):
        return 0
    gaps = [text[tokens[i][1]:tokens[i + 1][0]] for i in range(index, after)]
    return after if all(gap == " " for gap in gaps) else 0


def _mentions_in_run(
    text: str, run: list[tuple[int, int]], sentence: Span, index: int, gaz: Gazetteer,
    analysis: Analysis,
) -> list[RawMention]:
    words = [text[s:e] for s, e in run]
    initial = not any(c.isalnum() for c in text[sentence.start:run[0][0]])
    # Drop openers and time words ("However", "On Wednesday"), and trailing connectors.
    after_honorific = False  # "Mr King": "King" is a surname, no title
    while words and normalise(words[0]) in gaz.non_actors and not known_start(words, gaz):
        after_honorific = normalise(words[0]) in SURNAME_HONORIFICS
        run, words = run[1:], words[1:]
        initial = False
    while words and (words[-1] in CONNECTORS or (normalise(words[-1]) in gaz.non_actors
                                                  and not _surname_like(words, gaz))):
        run, words = run[:-1], words[:-1]
    if not words or (len(words) == 1 and normalise(words[0]) in gaz.lone_adjectives):
        return []
    mentions: list[RawMention] = []
    title_parts: list[str] = []
    demonym = gaz.demonyms.get(normalise(words[0]))
    if demonym and (len(words) == 1 or normalise(words[1]) in gaz.title_words
                    or _person_after_demonym(words[1:], gaz)):
        # "Ukrainian official", "Ukrainian President ...", "Russian Alexei Navalny" relate
        # to the country; the name after the demonym is the person's.
        mentions.append(RawMention(words[0], run[0][0], run[0][1], None, index, initial,
                                   demonym_of=demonym))
        if len(words) == 1:
            return mentions
        title_parts.append(words[0])
        run, words = run[1:], words[1:]
        initial = False
    known = _known_prefix(words, gaz)
    if known and one_entity(analysis, run) and normalise(
            " ".join(words[:known])) not in gaz.countries:
        known = 0  # "Sydney Morning Herald" is one name, "U.S. Senate" is not
    if known and known < len(words):
        org_text = text[run[0][0]:run[known - 1][1]]
        mentions.append(RawMention(org_text, run[0][0], run[known - 1][1], None, index, initial))
        title_parts.append(org_text)
        run, words = run[known:], words[known:]
        initial = False
    title_len = titled_person(words, run, analysis, gaz) or _title_prefix(words, gaz,
                                                                            after_honorific)
    title_len = _with_complement(words, title_len)
    honorific = bool(title_len) and normalise(words[title_len - 1]) in HONORIFICS
    surname_word = bool(title_len) and normalise(words[title_len - 1]) in SURNAME_HONORIFICS
    if title_len:
        if not honorific:  # "Ms Hewitt" has no role
            title_parts.append(" ".join(words[:title_len]))
        run, words = run[title_len:], words[title_len:]
        initial = False
    while words and words[0] in CONNECTORS:
        run, words = run[1:], words[1:]
    if not words:
        return mentions
    start, end = run[0][0], run[-1][1]
    title = " ".join(title_parts) if title_len and title_parts else None
    if title is None:
        title = _title_before(text, sentence.start, start, gaz) or _appositive_title(
            text, end, sentence.end, gaz, analysis)
    before = _DETERMINER_BEFORE if not text[start:end].isupper() else _ANY_DETERMINER_BEFORE
    determiner = bool(before.search(text, max(sentence.start, start - 5), start))
    if not title_len and (body := person_body(text, start, end, sentence.end, gaz)):
        end, title = body, None  # "the Trump campaign": an organisation, not Trump
    mentions.append(RawMention(text[start:end], start, end, title, index, initial,
                               after_determiner=determiner and not title_len,
                               said_a_body=title is None and (_appositive_body(
                                   text, end, sentence.end) or _body_before(
                                   text, sentence.start, start)),
                               surname_only=len(words) == 1 and (surname_word or normalise(
                                   title or "") in SURNAME_HONORIFICS)))
    return mentions


def _person_after_demonym(words: list[str], gaz: Gazetteer) -> bool:
    """A given name and a surname after a demonym ("Russian Alexei Navalny"), with no
    organisation's word ("British Potato Council")."""
    return len(words) == 2 and not any(normalise(w) in gaz.org_words for w in words) and \
        normalise(" ".join(words)) not in gaz.names and opens_with_given_name(" ".join(words))


def _surname_like(words: list[str], gaz: Gazetteer) -> bool:
    """A month after a first name is a surname ("Theresa May"), not a date."""
    return (len(words) >= 2 and normalise(words[-1]) in _MONTHS
            and normalise(words[-2]) not in gaz.non_actors)


def _known_prefix(words: list[str], gaz: Gazetteer) -> int:
    """Length of the longest known name that opens the run (0 when none)."""
    for size in range(len(words) - 1, 0, -1):
        if normalise(" ".join(words[:size])) in gaz.names:
            return size
    return 0


def _title_prefix(words: list[str], gaz: Gazetteer, after_honorific: bool = False) -> int:
    """How many opening words form a title: the longest prefix that ends with a title phrase
    ("Secretary of State", "Trade and Industry Secretary", "Shadow Chancellor"). It may be the
    whole run, which is then a role with no name ("the Shadow Secretary of State"). A
    one-word title that ends the run after "Mr" or a given name is a surname ("Mr King",
    "Paul King"; not "Tory MP Nigel Waterson")."""
    if normalise(words[-1]) in gaz.org_words:
        return 0  # "Justice Department", "General Motors": an organisation's name
    keys = ["mr" if after_honorific else ""] + [normalise(w) for w in words]
    for end in range(len(keys), 1, -1):
        for size in range(min(end - 1, gaz.longest_title), 0, -1):
            if tuple(keys[end - size:end]) in gaz.titles and not (
                    size == 1 and end == len(keys) and (keys[end - 2] in SURNAME_HONORIFICS
                                                        or keys[end - 2] in given_names())):
                return end - 1
    return 0


def _with_complement(words: list[str], title_len: int) -> int:
    """A title's "of" or "for" complement in capitals runs to the given name that opens the
    person's name: "Secretary of Energy Spencer Abraham", "Director of Government Affairs Phil
    Smith"; without a known given name the title stops where it did."""
    if not title_len or title_len >= len(words) or words[title_len].lower() not in {"of", "for"}:
        return title_len
    for at in range(title_len + 1, len(words) - 1):
        if normalise(words[at]) in given_names():
            return at
    return title_len


# Honorifics followed by a surname ("Mr Howard"); "Sir Anthony" takes a given name.
SURNAME_HONORIFICS = frozenset({"mr", "mrs", "ms", "miss", "dr", "prof"})
_DETERMINER_BEFORE = re.compile(r"\b(?:the|a|an)\s+$")
# An acronym after "The" opening a sentence is still after a determiner ("The ONS said").
_ANY_DETERMINER_BEFORE = re.compile(r"\b(?:the|a|an)\s+$", re.IGNORECASE)
_MONTHS = frozenset({"january", "february", "march", "april", "may", "june", "july", "august",
                     "september", "october", "november", "december"})
_WORDS_BEFORE = re.compile(r"((?:[\w'’.\-]+,? ){1,8})$", re.UNICODE)


def _title_before(text: str, floor: int, start: int, gaz: Gazetteer) -> str | None:
    """A title right before the name: "defense minister Oleksii Reznikov", "NSC spokesperson
    Emily Horne", "Afghan Ambassador to the United States Hamdullah Mohib"."""
    match = _WORDS_BEFORE.search(text, max(floor, start - 80), start)
    if not match:
        return None
    words = [w.rstrip(",") for w in match.group(1).split()]
    for end in range(len(words), 0, -1):
        if end < len(words) and not _complement(words[end:]):
            continue
        for size in range(min(end, gaz.longest_title), 0, -1):
            if tuple(normalise(w) for w in words[end - size:end]) in gaz.titles:
                return " ".join(words[_title_start(words, end - size, gaz):])
    return None


def _complement(words: list[str]) -> bool:
    """What may follow a title before the name: "to the United States", "of Education"."""
    rest = words[1:]
    return (words[0].lower() in _TITLE_PREPOSITIONS and any(w[:1].isupper() for w in rest)
            and all(w[:1].isupper() or w.lower() in {"the", "and", "of"} for w in rest))


def _title_start(words: list[str], lead: int, gaz: Gazetteer) -> int:
    """Widen a title over its modifiers: "former", a demonym, or a body's name ("NSC",
    "White House") in capitals just before it."""
    names = 0
    while lead > 0:
        before = words[lead - 1]
        key = normalise(before)
        if key in _PRE_TITLE_MODIFIERS or key in gaz.demonyms:
            lead -= 1
        elif before[:1].isupper() and key not in gaz.non_actors and names < _MAX_BODY_WORDS:
            lead -= 1
            names += 1
        else:
            break
    return lead


_TITLE_PREPOSITIONS = frozenset({"to", "of", "for", "at"})
_MAX_BODY_WORDS = 3


def _holds_title(words: list[str], gaz: Gazetteer) -> bool:
    """A whole title phrase ("spokesperson", "senior analyst") stands among the words; a word
    that only helps make one ("home" of "home secretary") does not count."""
    for start in range(len(words)):
        for size in range(1, min(gaz.longest_title, len(words) - start) + 1):
            phrase = tuple(words[start:start + size])
            if phrase in gaz.titles and phrase not in _NOT_ROLES:
                return True
    return False


_NOT_ROLES = frozenset({("head",), ("star",), ("chair",)})


def _appositive_body(text: str, end: int, limit: int) -> bool:
    """An appositive that names a kind of organisation: ", the Swiss drugmaker,"."""
    match = _APPOSITIVE.match(text, end, limit)
    return bool(match) and text[end:match.start(1)].lower().rstrip().endswith(
        ("the", "a", "an")) and normalise(match.group(1).split()[-1]) in load_words("body_nouns")


def _body_before(text: str, floor: int, start: int) -> bool:
    """The name follows a kind of organisation: "the Catholic movement Opus Dei", "the
    drugmaker Novartis"."""
    match = _BODY_BEFORE.search(text, max(floor, start - 60), start)
    noun = normalise(match.group(1)) if match else ""
    return noun in load_words("body_nouns") and noun not in _ALSO_JOBS


_BODY_BEFORE = re.compile(r"\b(?:the|a|an)\s+(?:[\w\-]+\s+){0,2}?([a-z]+)\s+$")
# Body nouns that are also people's jobs before a name: "the producer Quincy Jones".
_ALSO_JOBS = frozenset({"producer", "publisher", "broadcaster", "operator", "supplier",
                        "maker", "giant"})


def _appositive_title(text: str, end: int, limit: int, gaz: Gazetteer, analysis: Analysis
                      ) -> str | None:
    """A role in an appositive: "Emily Horne, White House ... spokesperson," . Not a clause
    with a finite verb ("..., the prime minister took questions sent in by e-mail")."""
    match = _APPOSITIVE.match(text, end, limit)
    if not match or any(analysis.tags[i] in FINITE_VERB_TAGS
                        for i in analysis.tokens_in(match.start(1), match.end(1))):
        return None
    phrase = match.group(1)
    words = [normalise(w) for w in phrase.split()]
    if not _holds_title(words[:6], gaz):
        return None
    if words[0] in {"who", "which", "that", "where", "when", "said", "says", "told"}:
        return None
    return phrase
