"""Cue words of attribution: verbs of saying and believing, and phrases like "according to".

Which word is a cue is data (`data/speech_verbs.txt`, `belief_verbs.txt`, `source_phrases.txt`);
this module only decides when a listed word is *used* as a cue, not as a noun ("the report",
"support for", `noun_verbs.txt`), a participle ("a firm called X", `participle_cues.txt`), a
verb without its particle ("spoke at", `particle_cues.txt`), a passive ("was told") or a set
phrase ("that said").
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from bot.briefing.lexicon.wordlists import load_words

_NEXT_WORD = re.compile(r"\s*([^\W_]+)")
_NOUN_PREPOSITIONS = frozenset(
    {"for", "of", "on", "from", "against", "among", "behind", "in", "at", "with", "over", "by"}
)
_QUANTIFIERS = frozenset({"many", "some", "few", "most", "all", "both", "several", "no", "more"})
_RELATIVES = frozenset({"who", "which", "that"})
_NOT_SUBJECTS = frozenset({"percent", "and", "you", "about", "to", "only", "same", "recent", "new"})
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
    subject = ""  # the last word before any auxiliary or adverb, as written
    listeners = load_words("object_verbs")
    modifiers = load_words("verb_modifiers")
    last_end = start
    for match in _WORD.finditer(masked, start, end):
        if '"' in masked[last_end:match.start()]:
            previous.clear()  # a quotation ends the context: '"...," said X' is not 'is said'
            subject = ""
        last_end = match.end()
        word = match.group()
        lowered = word.lower()
        if (
            lowered in _cue_words()
            and _used_as_cue(word, previous)
            and (lowered not in load_words("noun_verbs") or _is_verb_use(masked, match, subject))
            and _has_particle(masked, match)
            and (lowered not in load_words("participle_cues") or _names_nothing(previous, subject)
                 or _next_word(masked, match) in ("for", "on"))
        ):
            cue_end = _particle_end(masked, match, end)
            cues.append(Cue(match.start(), cue_end, lowered, lowered in listeners))
        previous.append(lowered)
        if len(previous) > _longest_exception():
            previous.pop(0)
        if not (lowered in modifiers or (word.islower() and lowered.endswith("ly"))):
            subject = word
    return cues


@cache
def _particles() -> dict[str, frozenset[str]]:
    by_verb: dict[str, set[str]] = {}
    for entry in load_words("particle_cues"):
        verb, particle = entry.split()
        by_verb.setdefault(verb, set()).add(particle)
    return {verb: frozenset(particles) for verb, particles in by_verb.items()}


def _particle_end(masked: str, match: re.Match[str], limit: int) -> int:
    """'referring to', 'called on', 'spoke about': the particle is part of the cue."""
    following = _NEXT_WORD.match(masked, match.end(), limit)
    if following is None:
        return match.end()
    pair = f"{match.group().lower()} {following.group(1).lower()}"
    if pair in load_words("cue_particles") or pair in load_words("particle_cues"):
        return following.end(1)
    return match.end()


def _names_nothing(previous: list[str], subject: str) -> bool:
    """'The governor called it a disaster', not 'a company called Brightline'."""
    return _is_subject(subject) and previous[-2:-1] not in (["a"], ["an"])


def _is_subject(word: str) -> bool:
    """'Trump called it', 'critics who called it' -- not 'a company called Cambridge'."""
    lowered = word.lower()
    return bool(word) and (
        word[0].isupper()
        or lowered in _RELATIVES
        or lowered in ("and", "but")
        or (lowered.endswith("s") and not lowered.endswith("ss"))  # "agents described"
        or lowered in load_words("source_pronouns")
        or lowered in load_words("source_nouns")
    )


def _has_particle(masked: str, match: re.Match[str]) -> bool:
    """'spoke about the deal' (a cue), not 'spoke at a rally'; other verbs need no particle."""
    particles = _particles().get(match.group().lower())
    return particles is None or _next_word(masked, match) in particles


def _next_word(masked: str, match: re.Match[str]) -> str:
    following = _NEXT_WORD.match(masked, match.end())
    return "" if following is None else following.group(1).lower()


def _is_verb_use(masked: str, match: re.Match[str], subject: str) -> bool:
    """'Voters support the plan', not 'support for the plan', 'in attacks' or 'many plans rose'."""
    following = _next_word(masked, match)
    if following in _NOUN_PREPOSITIONS:
        return match.group().lower().startswith("call") and following == "for"
    if not subject or subject[0].isdigit() or subject.lower() in _QUANTIFIERS:
        return False
    lowered = subject.lower()
    return lowered not in _NOUN_PREPOSITIONS and lowered not in _NOT_SUBJECTS


def find_phrase_cues(masked: str, start: int, end: int) -> list[tuple[int, int]]:
    """Offsets of "according to" and its kin."""
    return [m.span() for m in _phrase_cue_pattern().finditer(masked, start, end)]


# Words before "to" that carry the subject's speech on: "went on to say", "continued to argue",
# "has tried to suggest" (the suggestion is made).
_GOING_ON = frozenset({"on", "continued", "continues", "proceeded", "proceeds", "tried", "tries",
                       "trying", "sought", "seeks", "seeking", "attempted", "attempts"})


def _used_as_cue(word: str, previous: list[str]) -> bool:
    if previous and not word.islower():
        return False  # inside a name: "United States", "The Washington Post"
    if previous:
        before = previous[-1]
        if before in load_words("determiners") or before.endswith(("'s", "’s")):
            return False  # a noun: "the report", "Trump's claims"
        if before == "to" and previous[-2:-1] not in ([w] for w in _GOING_ON):
            return False  # an infinitive: "declined to say", but "went on to say" says it
    elif word[0].isupper() and word.lower().endswith("s"):
        return False  # "Reports of ..." opening a sentence is a noun
    words = [*previous, word.lower()]
    exceptions = load_words("cue_exceptions")
    return not any(" ".join(words[i:]) in exceptions for i in range(len(words) - 1))
