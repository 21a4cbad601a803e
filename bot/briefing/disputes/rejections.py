"""Claims rejected without a dispute verb: "I don't buy that", "Republicans never bought the
idea that ...", "the budget office hasn't endorsed that perspective", "he disagreed".

A negated verb of accepting contests the claim it names: its that-clause, else the earlier
claim a reference ("that", "that perspective") points back to. A bare "disagreed", with no
object, and "denied this", with a pronoun for its object, contest the claim stated just before
by someone else.
"""

from __future__ import annotations

import re
from functools import cache

from bot.briefing.disputes.clauses import (
    clean_claim,
    clean_name,
    cue_is_blocked,
    is_pronoun,
    trim_claim,
)
from bot.briefing.disputes.lookup import MIN_CLAIM_WORDS, DisputeLookup, claim_start
from bot.briefing.disputes.phrases import alternation
from bot.briefing.model import Dispute, Position, Span

_REFERENCE = r"(?:that|this|it)"
_BARE_DISAGREEMENT = re.compile(
    r"\b(?:disagreed|disagrees|disagree)\b(?=\s*(?:[.;:]|,\s|\s(?:and|but)\s|$))",
    re.IGNORECASE)


@cache
def _doubted() -> re.Pattern[str]:
    """"were sceptical that ...", "is not convinced that ...", "doubted that ...",
    "questioned whether ...", "cast doubt on claims that ..."."""
    return re.compile(
        rf"\b(?:(?:is|are|was|were|remain|remains|remained|appear|appears|appeared|seem|seems|"
        rf"seemed|be|been)\s+(?:\w+ly\s+)?(?:{alternation('doubt_phrases')})\s+"
        rf"(?:that|about\s+(?:claims?|reports?)\s+that|whether)"
        rf"|(?:{alternation('doubt_verbs')})(?:\s+(?:the|any)\s+(?:claims?|reports?|idea))?"
        rf"\s+(?:that|whether))\s+",
        re.IGNORECASE)


# "He denied this.", "but she has always denied it": the pronoun ends the clause, so it stands
# for a claim made before (not "denied it was a U-turn"). Not "rejected it", often a plan.
_PRONOUN_DENIAL = re.compile(
    r"\b(?:deny|denies|denied|denying|dispute|disputes|disputed|disputing|refute|refutes|"
    r"refuted|rebut|rebuts|rebutted)\s+(?:this|that|it)\b"
    r"(?=\s*(?:[.;:!?\"”’)]|,\s|\s(?:and|but|in|on|at|when|after|through)\b|$))",
    re.IGNORECASE)
# ", but she has always denied this": the clause the pronoun's contest is joined to.
_JOINED_CLAUSE = re.compile(r"(?:,\s*|;\s*|\s)(?:but|although|though|while|yet)\s+[^,;:]*$"
                            r"|;\s*[^,;:]*$", re.IGNORECASE)
_REPORTED_THAT = re.compile(r"\b(?:reported|claimed|alleged|suggested|rumou?red|said)\s+that\s+",
                            re.IGNORECASE)
# "despite a denial from the family that there was anything wrong"
_DENIAL_FROM = re.compile(r"\bdenials?\s+(?:from|by)\s+(?P<who>[^,;:]{2,60}?)\s+that\s+",
                          re.IGNORECASE)


@cache
def _unaccepted() -> re.Pattern[str]:
    """"[do|did|has] not|never [yet] buy [into] that | the idea that ... | that perspective"."""
    return re.compile(
        rf"(?:\b(?:not|never)|n['’]t)\s+(?:\w+ly\s+|yet\s+)?"
        rf"(?:{alternation('acceptance_verbs')})\s+"
        rf"(?:(?P<reference>{_REFERENCE})\b(?!\s+\w+\s+(?:is|are|was|were|will|would)\b)"
        rf"(?:\s+(?P<noun>{alternation('claim_nouns')}))?"
        rf"|(?:the|any)\s+(?:{alternation('claim_nouns')})\s+that\s+)",
        re.IGNORECASE)


class RejectionRules(DisputeLookup):
    def _unaccepted_claim(self, index: int, sentence: Span) -> Dispute | None:
        """A negated acceptance verb whose object is a claim: the subject contests it."""
        match = _unaccepted().search(sentence.text)
        if match is None:
            return None
        at = sentence.start + match.start()
        disputant = self._disputant(index, sentence, at) or self._speaker_of(at)
        if disputant is None:
            return None
        if match.group("reference") is None:  # "the idea that ..."
            return self._sentence_dispute(trim_claim(sentence.text[match.end():]), disputant,
                                          sentence)
        return self._earlier_claim_rejected(index, sentence, at, disputant, resolved=True)

    def _doubt(self, index: int, sentence: Span) -> Dispute | None:
        """"Stock market traders were sceptical that the latest reports heralded a deal": the
        subject doubts the clause that follows. Negated or hypothetical doubt is none."""
        match = _doubted().search(sentence.text)
        if match is None:
            return None
        at = sentence.start + match.start()
        if cue_is_blocked(self.text[sentence.start:at], match.group().split()[0]):
            return None  # "no one doubted that", "might question whether"
        disputant = self._disputant(index, sentence, at) or self._speaker_of(at)
        if disputant is None:
            return None
        return self._sentence_dispute(trim_claim(sentence.text[match.end():]), disputant,
                                      sentence)

    def _denial_noun(self, index: int, sentence: Span) -> Dispute | None:
        """"a denial from the family that there was anything wrong": who denies, what."""
        match = _DENIAL_FROM.search(sentence.text)
        if match is None:
            return None
        who_start = sentence.start + match.start("who")
        named = self.table.mentions_in(who_start, sentence.start + match.end("who"))
        disputant = named[0].actor if named else clean_name(match.group("who"))
        if not disputant:
            return None
        return self._sentence_dispute(trim_claim(sentence.text[match.end():]), disputant,
                                      sentence)

    def _bare_disagreement(self, index: int, sentence: Span) -> Dispute | None:
        """"But when Dr. Dempsey took a look, he disagreed.": what was just claimed."""
        match = _BARE_DISAGREEMENT.search(sentence.text)
        if match is None:
            return None
        at = sentence.start + match.start()
        if cue_is_blocked(self.text[sentence.start:at], match.group()):
            return None  # "may disagree", "did not disagree"
        disputant = self._disputant(index, sentence, at)
        if disputant is None:
            return None
        return self._earlier_claim_rejected(index, sentence, at, disputant)

    def _pronoun_denial(self, index: int, sentence: Span) -> Dispute | None:
        """"Critics said the mayor hid the report. He denied this.": the claim just before,
        by someone other than the one who denies it. After "but" or "although" the claim is
        the clause before it ("It has been reported that X, but he has denied this")."""
        match = _PRONOUN_DENIAL.search(sentence.text)
        if match is None:
            return None
        at = sentence.start + match.start()
        if cue_is_blocked(self.text[sentence.start:at], match.group().split()[0]):
            return None  # "did not deny it", "might dispute that"
        disputant = self._disputant(index, sentence, at)
        if disputant is None:
            return None
        joined = _JOINED_CLAUSE.search(self.text, sentence.start, at)
        if joined is None:
            return self._earlier_claim_rejected(index, sentence, at, disputant)
        end = joined.start()
        reported = [m for m in _REPORTED_THAT.finditer(self.text, sentence.start, end)
                    if self._position_containing(m.start()) is None]
        if reported:  # "It has long been reported that ...": the article reports it
            claim = clean_claim(self.text[reported[-1].end():end])
            return self._sentence_dispute(claim, disputant, sentence)
        holder = self._position_containing(end - 1)  # "Critics say X, but they deny this"
        if holder is None or holder.content.start < sentence.start or holder.actor == disputant:
            return None
        claimant = self._holder_name(holder)
        if not claimant or claimant == disputant:
            return None
        claim = clean_claim(self.text[claim_start(holder):end])
        return Dispute(claim, (claimant,), (disputant,), (sentence,)) \
            if len(claim.split()) >= MIN_CLAIM_WORDS else None

    def _earlier_claim_rejected(self, index: int, sentence: Span, at: int, disputant: str,
                                resolved: bool = False) -> Dispute | None:
        """The claim just before `at` by someone other than the disputant (a position in this
        or the two sentences before) is contested; its holder, when named, is the claimant.
        With `resolved`, its holder must be a known actor: "I don't buy that" may point back
        at the speaker's own words under another name ("the Democratic nominee")."""
        earlier = self._earlier_position(index, at, disputant)
        if earlier is None or (resolved and earlier.actor is None):
            return None
        claimant = self._holder_name(earlier)
        claim = self._claim_of(earlier)
        if claimant == disputant or is_pronoun(earlier.source.text.strip()) or \
                len(claim.split()) < MIN_CLAIM_WORDS:
            return None  # an unnamed "he" may be the disputant himself
        first = self._sentence_of(earlier.content.start)
        evidence = (first,) if first == sentence else (first, sentence)
        return Dispute(claim, (claimant,) if claimant else (), (disputant,), evidence)

    def _speaker_of(self, at: int) -> str | None:
        """Who says the words at `at`: "I don't buy that," Clinton said."""
        holder: Position | None = self._position_containing(at)
        return self._holder_name(holder) if holder else None
