"""Cue patterns the dispute rules share, compiled once from the word lists, and the
word-level tests of what a reference ("the allegations", "that") points back to."""

from __future__ import annotations

import re
from functools import cache

from bot.briefing.disputes.phrases import alternation as _alternation
from bot.briefing.lexicon.wordlists import load_words

_NAME_CHARS = r"[\w'’.\-]"
# Words that cannot sit inside the noun phrase between a dispute verb and its claim noun
# ("challenged the minister to deny reports" has none).
_FUNCTION_WORDS = (r"(?:to|that|who|which|and|or|but|as|for|with|by|in|on|at|of|about|whether|if|"
                   r"was|were|is|are)")


@cache
def dispute_patterns() -> dict[str, re.Pattern[str]]:
    flags = re.IGNORECASE
    return {
        "verb": re.compile(
            rf"\b(?P<cue>"
            rf"{_alternation('dispute_verbs', 'claim_object_verbs', 'fact_contest_verbs')})"
            rf"\b[\"”’',]?\s+"
            rf"(?:(?:a|an|the|any|all|these|"
            rf"those|such|that|this|his|her|their|its|our|reports?|claims?)\s+)?"
            rf"(?:(?:accuracy|truth|veracity|validity|credibility)\s+of\s+"  # "the accuracy
            rf"(?:(?:the|these|those|this|that|his|her|their|its)\s+)?)?"  # of her account"
            rf"(?:(?!{_FUNCTION_WORDS}\b){_NAME_CHARS}+\s+){{0,5}}?"
            rf"(?P<noun>{_alternation('claim_nouns')})\b|"
            rf"\b(?P<verb_that>{_alternation('dispute_verbs')})\s+(?:(?!that\b)\w+\s+){{0,3}}?"
            rf"that\b",  # "has denied to Reuters that"
            flags,
        ),
        "claim_noun": re.compile(rf"\b(?:{_alternation('claim_nouns')})\b", flags),
        # "not the case with India", "nothing wrong with it": a comparison, no verdict
        "falsity": re.compile(rf"\b(?:{_alternation('falsity_phrases')}|"
                              rf"{_alternation('absurdity_words')})\b(?!\s+with\b)",
                              flags),
        "disagree": re.compile(rf"\b(?:{_alternation('disagreement_phrases')})\b", flags),
        "denial": re.compile(rf"\b(?:{_alternation('denial_phrases')})\b", flags),
        "doubt": re.compile(rf"\b(?:{_alternation('doubt_phrases')})\b", flags),
        "contrast": re.compile(rf"[,;]\s+(?:{_alternation('contrast_words')})\s+", flags),
        "that_clause": re.compile(r"\bthat\s+", flags),
        # "the claim (made) by X", "reports from X"
        "by_phrase": re.compile(r"\s*(?:(?:made|put\s+forward|levelled|voiced)\s+)?"
                                r"\b(?:by|from|of)\s+", flags),
        "clause_end": re.compile(r",\s|;|\s[-–—]\s|[\"”]"),
    }


@cache
def claim_noun_clause() -> re.Pattern[str]:
    """A claim noun and the clause it introduces: "speculation (that) the pair were ..."."""
    return re.compile(rf"\b(?:{_alternation('claim_nouns')})\s+(?:that\s+)?"
                      r"(?=(?:the|a|an|he|she|they|it|(?-i:[A-Z]\w+))\s)", re.IGNORECASE)


_BACK_REFERENCE = re.compile(
    r"^\W*(?:that\s+)?(?:this|that|it|they|these|those|such|reports?|claims?|any\s+\w+)\b",
    re.IGNORECASE)


@cache
def _noun_cues() -> dict[str, tuple[str, ...]]:
    table = {}
    for line in load_words("claim_noun_cues"):
        noun, *cues = line.split()
        table[noun] = tuple(cues)
    return table


def cue_stems(noun: str) -> tuple[str, ...]:
    """The beginnings of the words by which a claim of this noun is made: its own first five
    letters, and for "allegations" also "accus" ("accused X of ...")."""
    key = noun.lower().rstrip("s")
    return (noun.lower()[:5], *_noun_cues().get(key, ()))


def is_accusation_noun(noun: str) -> bool:
    """A noun whose claim other words make too ("wrongdoing": someone "accused" or "alleged"),
    so that "denied any wrongdoing" points back to the accusation."""
    return noun.lower().rstrip("s") in _noun_cues()


def refers_back(prefix: str) -> bool:
    """The verdict's subject points at an earlier claim ("This", "that characterization",
    "the allegations"), not at an actor ("the party had got its sums wrong")."""
    words = prefix.split()
    owned = [w.lower().strip("\"“'‘") for w in words[:4]]
    if len(words) <= 12 and owned[:1] in (["the"], ["these"], ["those"]) and any(
            w in load_words("claim_nouns") for w in owned[1:]):
        return True  # "the president's claims about retaliation"
    if len(words) > 6:
        return False
    if _BACK_REFERENCE.match(prefix):
        return True
    heads = [w.lower().strip("\"“'‘") for w in words[:2]]
    if heads and heads[0] == "the":
        heads = heads[1:]
    return bool(heads) and heads[0] in load_words("claim_nouns")
