"""A dispute verb with a that-less clause: "Mr Blair denied Mr Brown made that quote", "she
denies she knew about the payments"; a denial may also take a gerund ("denied taking money").
The tagger says where the clause's subject ends: a short noun phrase or subject pronoun, then
a finite verb. "denied him entry" has no verb after its object, so it stays an act, not a
contest."""

from __future__ import annotations

import re
from functools import cache

from bot.briefing.disputes.clauses import clean_claim, cue_is_blocked, trim_claim
from bot.briefing.disputes.lookup import MIN_CLAIM_WORDS, NOUN_PHRASE_TAGS, DisputeLookup
from bot.briefing.disputes.phrases import alternation
from bot.briefing.language.analysis import FINITE_VERB_TAGS
from bot.briefing.model import Dispute, Span

_SUBJECT_PRONOUNS = frozenset({"he", "she", "they", "it", "i", "we", "there"})
_LONGEST_SUBJECT = 5  # tokens


@cache
def _pointer() -> re.Pattern[str]:
    return re.compile(
        rf"\b(?:that|this|those|these|such)\s+(?P<noun>{alternation('claim_nouns')})$",
        re.IGNORECASE)


@cache
def _verb() -> re.Pattern[str]:
    return re.compile(rf"\b(?:{alternation('dispute_verbs')})\b\s+", re.IGNORECASE)


class ThatlessRules(DisputeLookup):
    def _thatless_clause(self, index: int, sentence: Span) -> Dispute | None:
        """The verb's subject contests the clause after it. Needs the tagger."""
        if self.analysis is None:
            return None
        for match in _verb().finditer(sentence.text):
            at = sentence.start + match.start()
            if cue_is_blocked(self.text[sentence.start:at], match.group().strip()):
                continue
            clause_start = sentence.start + match.end()
            if not (self._opens_clause(clause_start, sentence.end) or (
                    match.group().lower().startswith("den")
                    and self._opens_gerund(clause_start, sentence.end))):
                continue  # a clause, or "denied comparing the idea with dictatorships"
            claim = trim_claim(self.text[clause_start:sentence.end])
            disputant = self._disputant(index, sentence, at) or self._source_of_cue(at)
            if disputant is None or len(claim.split()) < MIN_CLAIM_WORDS:
                continue
            pointer = _pointer().search(claim)
            earlier = pointer and self._referent(index, at, pointer.group("noun"), disputant)
            holder = earlier and self._holder_name(earlier)
            if earlier and holder and holder != disputant:  # "denied Mr Brown made that quote"
                return Dispute(clean_claim(earlier.content.text), (holder,), (disputant,),
                               (self._sentence_of(earlier.content.start), sentence))
            return self._sentence_dispute(claim, disputant, sentence)
        return None

    def _opens_gerund(self, start: int, end: int) -> bool:
        """A gerund opens the text: "denied taking money", "denies having met him"."""
        assert self.analysis is not None
        tokens = self.analysis.tokens_in(start, end)
        return bool(tokens) and self.analysis.tags[tokens[0]] == "VBG"

    def _opens_clause(self, start: int, end: int) -> bool:
        """A subject pronoun, or up to five noun-phrase tokens, then a finite verb."""
        assert self.analysis is not None
        tokens = list(self.analysis.tokens_in(start, end))[:_LONGEST_SUBJECT + 1]
        if not tokens:
            return False
        first = self.text[self.analysis.starts[tokens[0]]:self.analysis.ends[tokens[0]]]
        if first.lower() in _SUBJECT_PRONOUNS:
            return len(tokens) > 1 and self.analysis.tags[tokens[1]] in FINITE_VERB_TAGS
        for offset, token in enumerate(tokens):
            tag = self.analysis.tags[token]
            if tag in FINITE_VERB_TAGS or (tag == "VBN" and self._takes_clause(token)):
                return offset > 0
            if tag not in NOUN_PHRASE_TAGS:
                return False
        return False

    def _takes_clause(self, token: int) -> bool:
        """A clause opens after the word, so the tagger's participle is a past tense that
        takes it: "denied her faith meant she would refuse"."""
        assert self.analysis is not None
        after = token + 1
        if after >= len(self.analysis.tags):
            return False
        word = self.text[self.analysis.starts[after]:self.analysis.ends[after]].lower()
        return word in _SUBJECT_PRONOUNS - {"it", "there"} or word == "that"
