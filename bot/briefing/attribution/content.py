"""Trimming a reported clause so that it holds only what was said.

- "told parliament there was no threat": the listener ("parliament") is not content.
- "said in a statement." / "said on Twitter on Monday": an adjunct alone is no content; the
  quotation that follows in the next sentence is (see `attribution.py`).
- "the plan, which she said was flawed": the content "was flawed" lacks its subject, so it
  reaches back to the noun phrase the relative pronoun stands for.

All functions read the masked text (quotations as '"____"', see `attribution.py`).
"""

from __future__ import annotations

import re
from itertools import islice

from bot.briefing.lexicon.wordlists import load_words

_WORD = re.compile(r"[^\W_](?:[^\W_]|['’.\-](?=[^\W_]))*")
_OBJECT_PRONOUNS = frozenset({"him", "her", "them", "me", "us", "you"})
_SUBJECT_STARTS = frozenset({"he", "she", "they", "it", "we", "i", "there", "this", "these"})
_MAX_LISTENER_WORDS = 4
_MIN_REST_WORDS = 3
_ADJUNCT_PREPOSITIONS = frozenset({"in", "on", "at", "during", "via", "through", "after"})
_MAX_ADJUNCT_WORDS = 9
_RELATIVE_OBJECTS = frozenset({"which", "that", "who", "what"})
_MAX_ANTECEDENT_WORDS = 5


def after_listener(masked: str, cue_end: int, limit: int) -> int:
    """Where the content of "told <listener> <clause>" starts: after a short listener."""
    words = list(_WORD.finditer(masked, cue_end, limit))
    if len(words) < 2 or '"' in masked[cue_end:words[1].start()]:
        return cue_end
    size = _listener_size([w.group() for w in words[:_MAX_LISTENER_WORDS + 1]])
    if size == 0 or size >= len(words) or "," in masked[cue_end:words[size].start()]:
        return cue_end
    if words[size].group() == "to":  # "told the players to stay calm"
        return words[size + 1].start() if len(words) - size > 2 else cue_end
    if len(words) - size < _MIN_REST_WORDS or not _opens_clause(words[size].group()):
        return cue_end
    return words[size].start()


def _listener_size(words: list[str]) -> int:
    """How many words name the listener: 'him', 'parliament', 'the committee', 'CNN'."""
    first = words[0]
    lowered = first.lower()
    determiners = load_words("determiners")
    if lowered in _OBJECT_PRONOUNS:
        return 1
    if first[0].isupper():
        size = 1
        while size < min(len(words) - 1, _MAX_LISTENER_WORDS) and words[size][:1].isupper():
            size += 1
        return size
    if lowered in determiners or lowered.endswith(("'s", "’s")):
        size = 1
        while size < min(len(words) - 1, _MAX_LISTENER_WORDS) and not (
            _opens_clause(words[size]) or words[size] == "to"
        ):
            size += 1
        return size if size >= 2 else 0
    if lowered in load_words("auxiliaries") or lowered in _SUBJECT_STARTS:
        return 0
    return 1 if lowered.isalpha() else 0


def _opens_clause(word: str) -> bool:
    lowered = word.lower()
    return (
        lowered in _SUBJECT_STARTS
        or lowered in load_words("determiners")
        or (word[0].isupper() and lowered not in _OBJECT_PRONOUNS)
        or word[0].isdigit()
    )


def is_adjunct_only(masked: str, start: int, end: int) -> bool:
    """'in a statement', 'on Twitter on Monday': a prepositional phrase, not a statement."""
    # At most one word past the limit is read: a long content answers in constant time.
    words = [w.group().lower()
             for w in islice(_WORD.finditer(masked, start, end), _MAX_ADJUNCT_WORDS + 1)]
    if not words or words[0] not in _ADJUNCT_PREPOSITIONS or len(words) > _MAX_ADJUNCT_WORDS:
        return False
    if '"' in masked[start:end] or "," in masked[start:end]:
        return False
    auxiliaries = load_words("auxiliaries")
    return not any(w in auxiliaries or w in _SUBJECT_STARTS or w == "that" for w in words)


def relative_antecedent(masked: str, unit_start: int, source_start: int) -> int | None:
    """Start of 'the plan' in 'the plan, which she said was flawed', or None if no relative
    pronoun stands right before the source."""
    words = list(_WORD.finditer(masked, unit_start, source_start))
    if not words or words[-1].group().lower() not in _RELATIVE_OBJECTS:
        return None
    if masked[words[-1].end():source_start].strip():
        return None
    relative = words[-1]
    if relative.group().lower() == "what":
        return relative.start()
    determiners = load_words("determiners")
    earlier = words[-1 - _MAX_ANTECEDENT_WORDS:-1]
    for match in reversed(earlier):
        between = masked[match.end():relative.start()]
        if any(mark in between for mark in ';:"—–()'):
            break
        if match.group().lower() in determiners:
            return match.start()
    return relative.start()


def word_before(masked: str, unit_start: int, position: int) -> str:
    """The last word before `position` in its unit, lowercased."""
    words = masked[max(unit_start, position - 20):position].split()
    return words[-1].lower() if words else ""


def coordinator_start(masked: str, segment_start: int, cue_start: int) -> int:
    """Where ", and" / " but" before a shared-subject cue begins."""
    lowered = masked[segment_start:cue_start].lower()
    index = max(lowered.rfind(" and "), lowered.rfind(" but "), 0)
    while index > 0 and lowered[index - 1] in " ,":
        index -= 1
    return segment_start + index
