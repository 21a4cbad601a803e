"""Contests aimed at a person: "Clinton contradicted him" contests what he last said."""

from __future__ import annotations

import re
from dataclasses import replace
from functools import cache

from bot.briefing.disputes.clauses import clean_claim
from bot.briefing.disputes.lookup import MIN_CLAIM_WORDS, DisputeLookup, claim_start
from bot.briefing.disputes.phrases import alternation
from bot.briefing.model import Dispute, Position, Span

_OBJECT_PRONOUNS = frozenset({"him", "her"})


@cache
def _person_contest() -> re.Pattern[str]:
    return re.compile(rf"\b(?:{alternation('person_contest_verbs')})\s+", re.IGNORECASE)


class PersonContestRules(DisputeLookup):
    def _person_contest(self, index: int, sentence: Span) -> Dispute | None:
        """A contest verb with a person as its object: the claim is that person's latest
        position before this sentence, the disputant the verb's subject."""
        for match in _person_contest().finditer(sentence.text):
            cue_start = sentence.start + match.start()
            disputant = self._disputant(index, sentence, cue_start)
            target = self._person_after(index, sentence, sentence.start + match.end(), disputant)
            if target is None:
                continue
            claim = self._latest_position_of(target, index, cue_start) or \
                self._subordinate_claim(target, sentence, cue_start)
            if disputant is None or disputant == target or claim is None:
                continue
            text = clean_claim(self.text[claim_start(claim):min(claim.content.end, cue_start)])
            if len(text.split()) < MIN_CLAIM_WORDS:
                continue
            return Dispute(text, (target,), (disputant,),
                           (self._sentence_of(claim.content.start), sentence))
        return None

    def _subordinate_claim(self, target: str, sentence: Span, cue_start: int
                           ) -> Position | None:
        """"After Hewitt suggested that X, Trump contradicted him": the target's position in
        a clause before the verb, whose content the tagger let run on past the comma."""
        comma = self.text.rfind(",", sentence.start, cue_start)
        for position in self.positions:
            if position.actor == target and sentence.start <= position.cue.start < comma \
                    and position.content.start < comma:
                return replace(position, content=Span(
                    self.text[position.content.start:comma], position.content.start, comma))
        return None

    def _person_after(self, index: int, sentence: Span, offset: int, subject: str | None
                      ) -> str | None:
        """The person the verb's object names: a him/her, or a person's name right after.
        An object "him" is never the clause's own subject: it is the first other person
        named earlier in the sentence ("After Hewitt suggested ..., Trump contradicted him"),
        else looked up from the sentences before."""
        word = re.match(r"[\w'’]+", self.text[offset:offset + 40])
        if word is None:
            return None
        if word.group().lower() in _OBJECT_PRONOUNS:
            others = [m.actor for m in self.table.mentions_in(sentence.start, offset)
                      if m.kind == "person" and m.actor != subject]
            return others[0] if others else self.table.resolve_pronoun(
                word.group(), sentence.start, index)
        mentions = self.table.mentions_in(offset, offset + len(word.group()) + 40)
        first = mentions[0] if mentions else None
        if first is not None and first.start == offset and first.kind == "person":
            return first.actor
        return None
