"""Claims contested by the absence of support: "there is no evidence that ...", "the inquiry
found no proof that ...", "Trump claimed ..., but offered no proof", "Trump claimed, without
evidence, that ...".

Who contests depends on the verb before "no": one that gives support ("offered", "provided")
has the claimant as its subject, so the contest is the article's (or that of the speaker the
sentence is quoting); any other ("found", "there is") has the disputant as its subject.
"""

from __future__ import annotations

import re
from functools import cache

from bot.briefing.disputes.clauses import clean_name, trim_claim, words_before
from bot.briefing.disputes.lookup import ARTICLE, MIN_CLAIM_WORDS, DisputeLookup
from bot.briefing.disputes.phrases import alternation
from bot.briefing.lexicon.wordlists import load_words
from bot.briefing.model import Dispute, Position, Span

_EXISTENCE = re.compile(r"\bthere\s*(?:is|was|are|were|['’]s|has\s+been|have\s+been|had\s+been)"
                        r"(?:\s+(?:still|simply|just|also|absolutely))?\s*$", re.IGNORECASE)
_HYPOTHETICAL = frozenset({"if", "unless", "whether", "until", "when", "even"})


@cache
def _absence() -> re.Pattern[str]:
    """"no [two modifiers] evidence [whatsoever] [that | to suggest that ...]": a clause
    follows, since "no evidence of a boost" states a finding rather than contesting a claim."""
    return re.compile(
        rf"\bno\s+(?:[\w\-]+\s+){{0,2}}?(?:{alternation('evidence_nouns')})\b"
        r"(?:\s*,?\s*(?:whatsoever|at\s+all))?\s*"
        r"(?P<link>that\b|to\s+(?:support|suggest|show|back\s+up|prove)\b"
        r"(?:\s+(?:the|his|her|their|its|that|this)\s+(?:\w+\s+)?claims?\b)?(?:\s+that\b)?)?\s*",
        re.IGNORECASE)


@cache
def _without() -> re.Pattern[str]:
    """"without evidence", "without offering any proof", "without citing evidence"."""
    givers = alternation("evidence_giving_verbs")
    return re.compile(rf",?\s*\bwithout\s+(?:(?:{givers})\s+)?(?:any\s+)?(?:(?:supporting|"
                      rf"hard|real)\s+)?(?:{alternation('evidence_nouns')})\b,?", re.IGNORECASE)


class EvidenceRules(DisputeLookup):
    def _claimed_without_evidence(self, index: int, sentence: Span) -> Dispute | None:
        """"Trump claimed, without evidence, that X", "said X without offering any proof":
        the speaker claims X, the article (or the one quoting the sentence) contests it."""
        match = _without().search(sentence.text)
        if match is None or set(words_before(sentence.text[:match.start()], 6)) & \
                _HYPOTHETICAL:
            return None
        at, end = sentence.start + match.start(), sentence.start + match.end()
        stated = [p for p in self.positions if sentence.start <= p.cue.start < at
                  and p.content.end > p.cue.end and p.source.start < p.cue.start
                  and not (p.content.start < at < p.content.end and p.cue.start > at)]
        if not stated:
            return None
        position = stated[-1]
        claim = trim_claim(self.text[max(position.content.start, end):position.content.end]
                           if position.content.start >= at - 1 else
                           self.text[position.content.start:at])
        claimant = self._holder_name(position)
        if not claimant or len(claim.split()) < MIN_CLAIM_WORDS:
            return None
        holder = self._position_containing(at)
        disputant = (self._holder_name(holder) if holder and holder is not position
                     else None) or ARTICLE
        return Dispute(claim, (clean_name(claimant) or claimant,), (disputant,), (sentence,))

    def _missing_evidence(self, index: int, sentence: Span) -> Dispute | None:
        """"There is no evidence that X" (the speaker, else the article, contests X); "Y
        claimed X but offered no proof" (Y claims X, the article contests it)."""
        match = _absence().search(sentence.text)
        if match is None:
            return None
        before = sentence.text[:match.start()]
        if set(words_before(before, 6)) & _HYPOTHETICAL:
            return None  # "if there is no evidence that ...", "even without ..."
        at = sentence.start + match.start()
        holder = self._position_containing(at)
        verb = (words_before(before, 1) or [""])[0]
        claim = self._absent_claim(match, sentence)
        if verb in load_words("evidence_giving_verbs"):
            return self._unsupported(index, sentence, at, claim, holder)
        if claim is None:
            return None
        if _EXISTENCE.search(before) or not before.strip():
            disputant = (self._holder_name(holder) if holder else None) or ARTICLE
        else:
            verb_at = sentence.start + len(before.rstrip(" \"“”'‘’")) - len(verb)  # 'found "no
            disputant = self._disputant(index, sentence, verb_at) or (
                self._holder_name(holder) if holder else None)
        if disputant is None:
            return None
        return self._sentence_dispute(claim, disputant, sentence)

    def _absent_claim(self, match: re.Match[str], sentence: Span) -> str | None:
        """What the missing evidence would support: the that-clause, or a that-less clause
        after the noun ("no evidence this would work"); None for a bare noun or a complement."""
        rest = sentence.text[match.end():]
        if not match.group("link") and not self._clause_follows(sentence.start + match.end(),
                                                                sentence.end):
            return None
        claim = trim_claim(rest)
        return claim if len(claim.split()) >= 3 else None

    def _clause_follows(self, start: int, end: int) -> bool:
        """A subject and a verb open the text: a that-less clause. Needs the tagger."""
        if self.analysis is None:
            return False
        tokens = list(self.analysis.tokens_in(start, end))[:5]
        tags = [self.analysis.tags[t] for t in tokens]
        return bool(tags) and tags[0][:2] in {"PR", "DT", "NN", "EX"} and any(
            t[:2] in {"VB", "MD"} for t in tags[1:])

    def _unsupported(self, index: int, sentence: Span, at: int, claim: str | None,
                     holder: Position | None) -> Dispute | None:
        """"Y claimed X, but offered no proof": Y's claim in this sentence (or the one
        before), or the that-clause after "proof"; contested by the speaker quoting the
        sentence, else the article."""
        stated = [p for p in self.positions if p.content.start < at and p.cue.start < at
                  and self.sentences[max(index - 1, 0)].start <= p.cue.start]
        claimant = None
        if stated:
            claimant = self._holder_name(stated[-1])
            claim = claim or trim_claim(stated[-1].content.text)
        elif claim is not None:
            verb_start = at - 1 - len(words_before(self.text[sentence.start:at], 1)[0])
            claimant = self._disputant(index, sentence, max(verb_start, sentence.start))
        if not claim or len(claim.split()) < 3:
            return None
        disputant = (self._holder_name(holder) if holder else None) or ARTICLE
        if disputant == claimant:
            disputant = ARTICLE
        evidence = tuple(dict.fromkeys(
            [self._sentence_of(stated[-1].content.start)] if stated else []) | {sentence: None})
        claimants = (clean_name(claimant) or claimant,) if claimant else ()
        return Dispute(claim, claimants, (disputant,), evidence)
