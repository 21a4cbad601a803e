"""Claims named or judged false in so many words: "the false accusations that Obama was a
socialist", "the claim that X is wholly unsubstantiated", "it was simply wrong to suggest that
X", "this is not whinging as the government so often claims". The speaker whose words hold
the phrase contests the claim, else the article itself does."""

from __future__ import annotations

import re
from functools import cache

from bot.briefing.disputes.clauses import clean_claim, trim_claim
from bot.briefing.disputes.lookup import ARTICLE, MIN_CLAIM_WORDS, OWNER_BACK, DisputeLookup
from bot.briefing.disputes.phrases import alternation
from bot.briefing.lexicon.wordlists import load_words
from bot.briefing.model import Dispute, Position, Span
from bot.briefing.text.quotes import inside_quotes

# What may follow the claim noun to say what is claimed: a that-clause or an about-phrase.
_CONTENT = re.compile(r"\s*(?:,\s*)?(?:that|about|of|linking)\s+", re.IGNORECASE)


@cache
def _false_claim() -> re.Pattern[str]:
    """"[owner's] false [one word] claim(s)"."""
    return re.compile(
        rf"(?:\b(?P<owner>[A-Z][\w.\-]*(?:\s+[A-Z][\w.\-]*)*)['’]s?\s+)?"
        rf"\b(?:{alternation('false_claim_adjectives')})\s+"
        rf"(?:(?!(?:the|a|an|his|her|their|its|this|that|these|those)\b)[\w\-]+\s+)?"
        rf"(?P<noun>{alternation('claim_nouns')})\b")


@cache
def _claim_judged_false() -> re.Pattern[str]:
    """"the claim that X is wholly unsubstantiated", "reports that X were false"."""
    return re.compile(
        rf"\b(?P<noun>{alternation('claim_nouns')})\s+(?:that|(?<=s\s)of)\s+"
        rf"(?P<claim>.{{10,300}}?),?\s+"
        rf"(?:is|was|are|were|has\s+been|have\s+been|remains?|(?:have\s+|has\s+)?prov(?:ed|en))"
        rf"\s+"
        rf"(?:\w+ly\s+|also\s+|simply\s+)?(?:{alternation('falsity_phrases')})\b",
        re.IGNORECASE)


# "It was simply wrong to suggest that X", "it is false to claim X": X is contested.
_WRONG_TO_SAY = re.compile(
    r"\b(?:(?:it\s+is|it\s+was|it['’]s|is|was)\s+(?:\w+ly\s+|also\s+)?"
    r"(?:wrong|false|untrue|incorrect|inaccurate|misleading|nonsense)\s+to\s+"
    r"(?:suggest|say|claim|imply|assert|argue|insist|pretend|think|believe)"
    r"|wrong[\"”’']?\s+(?:for|in)\s+(?:claiming|saying|suggesting|insisting|arguing))"
    r"\s+(?:that\s+)?",
    re.IGNORECASE)
# "This is not whinging as the Labour Assembly Government so often claims": the subject, the
# negated predicate, and who claims it.
_NOT_AS_CLAIMED = re.compile(
    r"(?P<subject>\b[\w'’]+(?:\s+[\w'’]+){0,3}?)\s+(?P<verb>is|was|are|were)\s+not\s+"
    r"(?P<predicate>[^,;:.\-–—]{2,80}?),?\s+as\s+(?P<who>[^,;:.]{2,60}?)\s+"
    r"(?:(?:so\s+)?often\s+|has\s+|have\s+|had\s+|repeatedly\s+|falsely\s+)?"
    r"(?:claims?|claimed|suggests?|suggested|alleges?|alleged|insists?|insisted|argues?|argued|"
    r"says|said|maintains?|maintained)\b", re.IGNORECASE)


# The verb right before a claim noun phrase: "repeating a false claim", "pushed the theory".
_SPREAD = re.compile(r"\b(?P<verb>[a-z]+)\s+(?:(?:the|a|an|his|her|their|its|this|that)\s+)?"
                     r"(?:[\w\-]+\s+)?$")
_REPORTED = re.compile(r"\b(?:accus\w+|alleg(?:es|ed|ing))\b", re.IGNORECASE)


class FalseClaimRules(DisputeLookup):
    def _judge(self, holder: Position | None, sentence: Span, at: int) -> str | None:
        """Who calls the claim at `at` false: the speaker whose words these are; else the
        article, unless the words sit inside a quotation or follow someone's accusation the
        patterns missed as a position ("accuses Trump of exploiting a phony perception")."""
        if holder is not None:
            return self._holder_name(holder)
        quoted = inside_quotes(self.text, sentence.start, at)
        return None if quoted or _REPORTED.search(self.text[sentence.start:at]) else ARTICLE

    def _speaker_of_verdict(self, verdict_at: int, noun_at: int) -> Position | None:
        """"she said reports that X were inaccurate", where her words' span opens only at X:
        the position holding the verdict whose cue comes before the claim noun."""
        holders = [p for p in self.positions if p.content.start <= verdict_at < p.content.end
                   and p.cue.end <= noun_at]
        return min(holders, key=lambda p: p.content.end - p.content.start, default=None)

    def _spreader(self, index: int, sentence: Span, at: int) -> tuple[str, int] | None:
        """Who makes or spreads the claim the article calls false ("Trump said, repeating a
        false claim that ...", "the senator pushed the debunked theory that ..."): the
        subject of a `claim_spreading_verbs` verb right before it, else the speaker of that
        sentence, with where the verb stands; None when no such verb stands there."""
        verb = _SPREAD.search(self.text, sentence.start, at)
        if verb is None or verb.group("verb").lower() not in load_words("claim_spreading_verbs"):
            return None
        verb_at = verb.start("verb")
        stated = [p for p in self.positions if sentence.start <= p.cue.start < verb_at
                  and not p.content.start <= verb_at < p.content.end]
        name = self._disputant(index, sentence, verb_at) or (
            self._holder_name(stated[-1]) if stated else None)
        return (name, verb_at) if name else None

    def _claim_called_false(self, index: int, sentence: Span) -> Dispute | None:
        """"In sum, the claim that Yovanovitch has a net worth of $17 million is wholly
        unsubstantiated": the speaker around it, else the article, contests the that-clause."""
        match = _claim_judged_false().search(sentence.text)
        if match is None:
            return None
        at = sentence.start + match.start()
        holder = self._position_containing(at) or self._speaker_of_verdict(
            sentence.start + match.end() - 1, at)
        disputant = self._judge(holder, sentence, at)
        if disputant is None:
            return None
        claim = clean_claim(match.group("claim"))
        claim_at = sentence.start + match.start("claim")
        if self._verb_follows(claim_at, sentence.end):
            return None  # "comments that discriminate ... are wrong": a relative clause
        return self._sentence_dispute(claim, disputant, sentence)

    def _wrong_to_say(self, index: int, sentence: Span) -> Dispute | None:
        """"It was simply wrong to suggest that information on Prozac was missing": the speaker
        around it, else the article, contests what follows."""
        match = _WRONG_TO_SAY.search(sentence.text)
        if match is None:
            return None
        at = sentence.start + match.start()
        holder = self._position_containing(at)
        disputant = self._judge(holder, sentence, at)
        if disputant is None:
            return None
        return self._sentence_dispute(trim_claim(sentence.text[match.end():]), disputant,
                                      sentence)

    def _not_as_claimed(self, index: int, sentence: Span) -> Dispute | None:
        """"This is not whinging as the government so often claims": the one named after
        "as" claims the un-negated predicate; the speaker around it, else the article,
        contests it."""
        match = _NOT_AS_CLAIMED.search(sentence.text)
        if match is None:
            return None
        who_at = sentence.start + match.start("who")
        named = self.table.mentions_in(who_at, sentence.start + match.end("who"))
        claimant = named[-1].actor if named else None
        at = sentence.start + match.start()
        holder = self._position_containing(at)
        disputant = self._judge(holder, sentence, at)
        if disputant is None:
            return None
        if claimant is None or claimant == disputant:
            return None
        claim = " ".join((match.group("subject"), match.group("verb"), match.group("predicate")))
        return Dispute(clean_claim(claim), (claimant,), (disputant,), (sentence,))

    def _false_claim(self, index: int, sentence: Span) -> Dispute | None:
        """A claim noun qualified as false: the claim is its that-clause or about-phrase, else
        the latest claim of the one a possessive names; the claimant that owner, else who by
        overlap stated it; the disputant the speaker around it, else the article."""
        match = _false_claim().search(sentence.text)
        if match is None:
            return None
        at = sentence.start + match.start()
        end = sentence.start + match.end()
        owner = self._possessor(at, sentence.start + match.end("owner") + 2) \
            if match.group("owner") else None
        holder = self._position_containing(at)
        spread = self._spreader(index, sentence, at)
        spreader = spread[0] if spread else None
        disputant = self._judge(holder, sentence, at)
        if spread:  # "the senator pushed the debunked theory": not his verdict, the article's
            reporter = self._position_containing(spread[1])  # or "X said the senator pushed"
            disputant = self._holder_name(reporter) if reporter else ARTICLE
        if disputant is None:
            return None
        owner = owner or spreader
        if owner == disputant:
            return None  # "Trump called his own claims false": no one contests anyone
        evidence: tuple[Span, ...] = (sentence,)
        content = _CONTENT.match(self.text, end, sentence.end)
        if content is not None:
            claim = trim_claim(self.text[content.end():sentence.end])
        elif owner is not None:
            earlier = self._latest_position_of(owner, index, at, back=OWNER_BACK)
            if earlier is None:
                return None
            claim = self._claim_of(earlier)
            evidence = (self._sentence_of(earlier.content.start), sentence)
        else:
            return None
        if len(claim.split()) < MIN_CLAIM_WORDS:
            return None
        claimants = [owner] if owner else self._claimants_by_overlap(
            claim, {disputant}, sentence)
        return Dispute(claim, tuple(claimants), (disputant,), evidence)
