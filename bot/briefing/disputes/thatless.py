"""A dispute verb with a that-less clause: "Mr Blair denied Mr Brown made that quote", "she
denies she knew about the payments"; a denial may also take a gerund ("denied taking money").
The tagger says where the clause's subject ends: a short noun phrase or subject pronoun, then
a finite verb. "denied him entry" has no verb after its object, so it stays an act, not a
contest."""

from __future__ import annotations

import re
from functools import cache

from bot.briefing.disputes.clauses import cue_is_blocked, trim_claim
from bot.briefing.disputes.lookup import MIN_CLAIM_WORDS, NOUN_PHRASE_TAGS, DisputeLookup
from bot.briefing.disputes.phrases import alternation
from bot.briefing.language.analysis import FINITE_VERB_TAGS
from bot.briefing.model import Dispute, Span

_SUBJECT_PRONOUNS = frozenset({"he", "she", "they", "it", "i", "we", "there"})
_LONGEST_SUBJECT = 5  # tokens
_LONGEST_APPOSITIVE = 8  # tokens
_TIME_WORDS = frozenset({"yesterday", "today", "tonight", "week", "month", "year", "morning",
                         "afternoon", "evening", "night", "weekend"})
_NAME_TAGS = frozenset({"NNP", "NNPS"})
_APPOSITIVE_TAGS = NOUN_PHRASE_TAGS | {"CC", "IN"}  # "his transport and environment spokesman"


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
            claim = trim_claim(self._without_appositive(clause_start, sentence.end))
            disputant = self._disputant(index, sentence, at) or self._source_of_cue(at)
            if disputant is None or len(claim.split()) < MIN_CLAIM_WORDS:
                continue
            pointer = _pointer().search(claim)
            earlier = pointer and self._referent(index, at, pointer.group("noun"), disputant)
            holder = earlier and self._holder_name(earlier)
            if earlier and holder and holder != disputant:  # "denied Mr Brown made that quote"
                return Dispute(self._claim_of(earlier), (holder,), (disputant,),
                               (self._sentence_of(earlier.content.start), sentence))
            return self._sentence_dispute(claim, disputant, sentence)
        return None

    def _opens_gerund(self, start: int, end: int) -> bool:
        """A gerund opens the text: "denied taking money", "denies having met him"."""
        assert self.analysis is not None
        tokens = self.analysis.tokens_in(start, end)
        return bool(tokens) and self.analysis.tags[tokens[0]] == "VBG"

    def _opens_clause(self, start: int, end: int) -> bool:
        """A subject pronoun, or up to five noun-phrase tokens, then a finite verb; a name's
        appositive may stand between ("denied Mr Yeo, his transport spokesman, said")."""
        assert self.analysis is not None
        tokens = self._clause_opening(start, end)
        if not tokens:
            return False
        first = self.text[self.analysis.starts[tokens[0]]:self.analysis.ends[tokens[0]]]
        if first.lower() in _SUBJECT_PRONOUNS:
            return len(tokens) > 1 and self.analysis.tags[tokens[1]] in FINITE_VERB_TAGS
        skipped = self._appositive(tokens)
        if skipped is not None:
            tokens = tokens[:skipped[0]] + tokens[skipped[1]:]
        for offset, token in enumerate(tokens[:_LONGEST_SUBJECT + 1]):
            tag = self.analysis.tags[token]
            if tag in FINITE_VERB_TAGS or (tag == "VBN" and self._takes_clause(token)):
                return offset > 0
            if tag not in NOUN_PHRASE_TAGS:
                return False
        return False

    def _clause_opening(self, start: int, end: int) -> list[int]:
        """The tokens that may hold a clause's subject, an appositive and its verb."""
        assert self.analysis is not None
        return list(self.analysis.tokens_in(start, end))[:_LONGEST_SUBJECT
                                                          + _LONGEST_APPOSITIVE + 3]

    def _appositive(self, tokens: list[int]) -> tuple[int, int] | None:
        """Where an appositive between commas after an opening name starts and ends, commas
        included ("Mr Yeo, his transport and environment spokesman,"), when a noun phrase
        fills it."""
        assert self.analysis is not None
        tags = [self.analysis.tags[t] for t in tokens]
        name_end = next((at for at, tag in enumerate(tags) if tag not in _NAME_TAGS), 0)
        if not name_end or tags[name_end] != ",":
            return None
        close = next((at for at in range(name_end + 1, min(len(tags), name_end + 2
                                                           + _LONGEST_APPOSITIVE))
                      if tags[at] == ","), None)
        if close is None or close == name_end + 1 or any(
                tag not in _APPOSITIVE_TAGS for tag in tags[name_end + 1:close]):
            return None
        return name_end, close + 1

    def _without_appositive(self, start: int, end: int) -> str:
        """The clause's text with its subject's appositive left out."""
        assert self.analysis is not None
        tokens = self._clause_opening(start, end)
        skipped = self._appositive(tokens)
        if skipped is None or skipped[1] >= len(tokens):
            return self.text[start:end]
        return (self.text[start:self.analysis.starts[tokens[skipped[0]]]] + " "
                + self.text[self.analysis.starts[tokens[skipped[1]]]:end])

    def _takes_clause(self, token: int) -> bool:
        """A clause or an object follows the word, so the tagger's participle is a past tense:
        "denied her faith meant she would refuse", "denied their ancestors practised
        cannibalism" (not "denied the visas issued by the embassy")."""
        assert self.analysis is not None
        after = token + 1
        if after >= len(self.analysis.tags):
            return False
        word = self.text[self.analysis.starts[after]:self.analysis.ends[after]].lower()
        if word in _SUBJECT_PRONOUNS - {"it", "there"} or word == "that":
            return True
        tag = self.analysis.tags[after]  # an object: "their ancestors practised cannibalism"
        return (tag in {"PRP$", "NN", "NNS"} or word in {"the", "a", "an"}) and \
            word not in _TIME_WORDS
