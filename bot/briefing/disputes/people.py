"""Contests aimed at a person: "Clinton contradicted him" contests what he last said."""

from __future__ import annotations

import re
from functools import cache

from bot.briefing.disputes.clauses import clean_claim
from bot.briefing.disputes.lookup import DisputeLookup
from bot.briefing.disputes.phrases import alternation
from bot.briefing.model import Dispute, Span

_OBJECT_PRONOUNS = frozenset({"him", "her"})
_MIN_CLAIM_WORDS = 3


@cache
def _person_contest() -> re.Pattern[str]:
    return re.compile(rf"\b(?:{alternation('person_contest_verbs')})\s+", re.IGNORECASE)


class PersonContestRules(DisputeLookup):
    def _person_contest(self, index: int, sentence: Span) -> Dispute | None:
        """A contest verb with a person as its object: the claim is that person's latest
        position before this sentence, the disputant the verb's subject."""
        for match in _person_contest().finditer(sentence.text):
            cue_start = sentence.start + match.start()
            target = self._person_after(index, sentence, sentence.start + match.end())
            if target is None:
                continue
            disputant = self._disputant(index, sentence, cue_start)
            claim = self._latest_position_of(target, index, sentence.start)
            if disputant is None or disputant == target or claim is None:
                continue
            text = clean_claim(claim.content.text)
            if len(text.split()) < _MIN_CLAIM_WORDS:
                continue
            return Dispute(text, (target,), (disputant,),
                           (self._sentence_of(claim.content.start), sentence))
        return None

    def _person_after(self, index: int, sentence: Span, offset: int) -> str | None:
        """The person the verb's object names: a him/her, or a person's name right after.
        An object "her" is never the clause's own subject, so it is looked up from the
        sentences before."""
        word = re.match(r"[\w'’]+", self.text[offset:offset + 40])
        if word is None:
            return None
        if word.group().lower() in _OBJECT_PRONOUNS:
            return self.table.resolve_pronoun(word.group(), sentence.start, index)
        mentions = self.table.mentions_in(offset, offset + len(word.group()) + 40)
        first = mentions[0] if mentions else None
        if first is not None and first.start == offset and first.kind == "person":
            return first.actor
        return None
