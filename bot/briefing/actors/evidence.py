"""Evidence that a capitalised run names something, from the language layer and the lists:
which words are proper nouns or inside a model entity, and where the model's entities begin
and end inside a run."""

from __future__ import annotations

import re

from bot.briefing.actors.gazetteer import Gazetteer, normalise
from bot.briefing.actors.people import opens_with_given_name
from bot.briefing.language.analysis import Analysis
from bot.briefing.lexicon.wordlists import load_words
from bot.briefing.model import Span

HONORIFICS = frozenset({"mr", "mrs", "ms", "miss", "dr", "prof", "sir", "dame", "lord", "lady"})
CONNECTORS = frozenset({"of", "de", "du", "da", "van", "von", "bin", "al", "la", "le", "der"})
_CONTRACTION = re.compile(r"^[A-Za-z]{1,2}['’](?:ve|m|d|ll|re|t)$|^I$")


def name_run(text: str, run: list[tuple[int, int]], sentence: Span, analysis: Analysis,
             gaz: Gazetteer, surnames: frozenset[str] = frozenset()) -> list[tuple[int, int]]:
    """The run without what is capitalised for other reasons than being a name: a sentence
    opener that is no proper noun ("Try", "Yes", "Thanks"), "I" and contractions ("I've").
    A run in which no word is a name (by the model's tags or entities, a list, or one of the
    article's `surnames`) is dropped, and so is a lone letter ("N")."""
    run = [t for t in run if not _CONTRACTION.match(text[t[0]:t[1]])]
    if run and run[0][0] == first_word_start(text, sentence) and not name_word(
            text, run[0], analysis, gaz, surnames):
        run = run[1:]
    if not any(name_word(text, token, analysis, gaz, surnames) for token in run):
        return []
    if len(run) == 1 and run[0][1] - run[0][0] == 1:
        return []
    return run


def first_word_start(text: str, sentence: Span) -> int:
    offset = sentence.start
    while offset < sentence.end and not text[offset].isalnum():
        offset += 1
    return offset


def name_word(text: str, token: tuple[int, int], analysis: Analysis, gaz: Gazetteer,
              surnames: frozenset[str] = frozenset()) -> bool:
    """The model tags the word a proper noun or puts it in an entity, a list knows it, or it
    is the surname of a person the article names in full: "Trump has said", where the model
    reads a verb, is still Donald Trump (one sense of a word per article)."""
    start, end = token
    word = text[start:end]
    if analysis.is_proper(start, end) or analysis.entity_over(start, end) is not None \
            or word in surnames:
        return True
    if len(word) > 1 and word.isupper():
        return True  # an acronym; kept only if it stands for a name (see actors.table)
    key = normalise(word)
    return (key in gaz.names or key in gaz.places or key in gaz.demonyms
            or key in gaz.title_words or key in HONORIFICS)


def split_at_entity_edges(text: str, run: list[tuple[int, int]], analysis: Analysis,
                          gaz: Gazetteer) -> list[list[tuple[int, int]]]:
    """Split a run at a connector between a person and where they work or come from, by the
    model's entities or the lists: "Matthew Ingram of The Globe" and "Ted Cruz of Texas" are
    two names, "Church of Scientology" one."""
    parts: list[list[tuple[int, int]]] = []
    current: list[tuple[int, int]] = []
    for index, token in enumerate(run):
        word = text[token[0]:token[1]]
        if (word in CONNECTORS and current and index + 1 < len(run)
                and (_entity_edge(analysis, current[-1], run[index + 1])
                     or _person_of_place(text, current, run[index + 1:], gaz))):
            parts.append(current)
            current = []
            continue
        current.append(token)
    parts.append(current)
    return [part for part in parts if part]


def _person_of_place(text: str, person: list[tuple[int, int]], rest: list[tuple[int, int]],
                     gaz: Gazetteer) -> bool:
    """A full name that opens with a given name, maybe after a title ("Senator Ted Cruz"),
    then a place or a body the lists know."""
    words = [text[start:end] for start, end in person]
    where = normalise(text[rest[0][0]:rest[-1][1]])
    return any(opens_with_given_name(" ".join(words[i:])) for i in range(len(words) - 1)) \
        and (where in gaz.places or where in gaz.names)


def _entity_edge(analysis: Analysis, before: tuple[int, int], after: tuple[int, int]) -> bool:
    """A person's entity ends before the connector and another kind's starts after it."""
    left = analysis.entity_over(*before)
    right = analysis.entity_over(*after)
    return (left is not None and right is not None and left.kind == "person"
            and right.kind != "person" and left.end <= before[1] and right.start >= after[0])


def titled_person(words: list[str], run: list[tuple[int, int]], analysis: Analysis,
                   gaz: Gazetteer) -> int:
    """How many words open the run before a person the model finds at its end, when they
    hold a title word: "Minister of Education Stefania Giannini"."""
    entity = analysis.entity_over(run[-1][0], run[-1][1])
    if entity is None or entity.kind != "person" or entity.start <= run[0][0]:
        return 0
    cut = next((i for i, token in enumerate(run) if token[0] >= entity.start), 0)
    if not cut or normalise(words[cut]) in gaz.title_words:
        return 0  # the model's person starts inside the title: "Home [Secretary Yvette Cooper]"
    keys = [normalise(w) for w in words[:cut]]
    if keys[-1] in gaz.title_words or (keys[0] in gaz.title_words and "of" in keys[1:]):
        return cut
    return 0


def one_entity(analysis: Analysis, run: list[tuple[int, int]]) -> bool:
    """The model reads the whole run as one entity."""
    entity = analysis.entity_over(run[0][0], run[-1][1])
    return entity is not None and entity.start <= run[0][0] and entity.end >= run[-1][1]


def middle_initial(text: str, run: list[tuple[int, int]], start: int) -> bool:
    """The run's last word is a middle initial after a name ("Donald J. Trump"): the word at
    `start` continues the name across the initial's full stop."""
    last_start, last_end = run[-1]
    return (len(run) >= 2 and last_end - last_start == 1 and text[last_start].isupper()
            and text[last_end:start] == ". " and text[start:start + 1].isupper())


def known_start(words: list[str], gaz: Gazetteer) -> bool:
    """The run opens with a known name of two words or more ("New York Times", "New
    Zealand"), so its first word is part of the name, not an opener."""
    return any(normalise(" ".join(words[:size])) in gaz.names
               or normalise(" ".join(words[:size])) in gaz.places
               for size in range(2, min(len(words), 4) + 1))


_NEXT_WORD = re.compile(r" ([a-z]+)\b")


def person_body(text: str, start: int, end: int, limit: int, gaz: Gazetteer) -> int | None:
    """End of "Trump campaign" when a `name_bodies` noun follows a name that is no country,
    place or known organisation: the name and the noun are then one organisation."""
    match = _NEXT_WORD.match(text, end, limit)
    if match is None or match.group(1) not in load_words("name_bodies"):
        return None
    key = normalise(text[start:end])
    if key in gaz.names or key in gaz.places or key in gaz.demonyms:
        return None
    return match.end()
