"""Cue words of attribution: verbs of saying and believing, and phrases like "according to".

Which word is a cue is data (`data/speech_verbs.txt`, `belief_verbs.txt`, `source_phrases.txt`);
this module only decides when a listed word is *used* as a cue, not as a noun ("the report"),
a passive ("was told") or a set phrase ("that said").
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from bot.briefing.wordlists import load_words

_WORD = re.compile(r"[^\W_](?:[^\W_]|['’.\-](?=[^\W_]))*", re.UNICODE)


@dataclass(frozen=True, slots=True)
class Cue:
    start: int
    end: int
    word: str  # lowercased
    takes_listener: bool  # "told Y that", "urged Y to"


@cache
def _cue_words() -> frozenset[str]:
    return load_words("speech_verbs") | load_words("belief_verbs") | load_words("stance_verbs")


@cache
def _longest_exception() -> int:
    return max(len(phrase.split()) for phrase in load_words("cue_exceptions"))


@cache
def _phrase_cue_pattern() -> re.Pattern[str]:
    phrases = sorted(load_words("source_phrases"), key=len, reverse=True)
    alternatives = "|".join(r"\s+".join(map(re.escape, p.split())) for p in phrases)
    return re.compile(rf"\b(?:{alternatives})\b", re.IGNORECASE)


def is_cue_word(word: str) -> bool:
    return word.lower() in _cue_words()


def find_verb_cues(masked: str, start: int, end: int) -> list[Cue]:
    """Cue verbs in `masked[start:end]` that are used as verbs of saying or believing."""
    cues: list[Cue] = []
    previous: list[str] = []  # the last few words, lowercased, to judge the context
    listeners = load_words("object_verbs")
    last_end = start
    for match in _WORD.finditer(masked, start, end):
        if '"' in masked[last_end:match.start()]:
            previous.clear()  # a quotation ends the context: '"...," said X' is not 'is said'
        last_end = match.end()
        word = match.group()
        lowered = word.lower()
        if lowered in _cue_words() and _used_as_cue(word, previous):
            cues.append(Cue(match.start(), match.end(), lowered, lowered in listeners))
        previous.append(lowered)
        if len(previous) > _longest_exception():
            previous.pop(0)
    return cues


def find_phrase_cues(masked: str, start: int, end: int) -> list[tuple[int, int]]:
    """Offsets of "according to" and its kin."""
    return [m.span() for m in _phrase_cue_pattern().finditer(masked, start, end)]


def _used_as_cue(word: str, previous: list[str]) -> bool:
    if previous and not word.islower():
        return False  # inside a name: "United States", "The Washington Post"
    if previous:
        before = previous[-1]
        if before in load_words("determiners") or before.endswith(("'s", "’s")):
            return False  # a noun: "the report", "Trump's claims"
        if before == "to":
            return False  # an infinitive: "declined to say"
    elif word[0].isupper() and word.lower().endswith("s"):
        return False  # "Reports of ..." opening a sentence is a noun
    words = [*previous, word.lower()]
    exceptions = load_words("cue_exceptions")
    return not any(" ".join(words[i:]) in exceptions for i in range(len(words) - 1))
