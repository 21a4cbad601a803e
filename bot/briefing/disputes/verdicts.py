"""Verdicts on a claim: an actor calls it false, or the article itself corrects it.

A verdict needs the claim it judges. When its subject is a reference ("the charges", "that
account") the claim is the earlier one it stands for; when the subject carries the claim
("Trump's tweets accusing Machado of ...") the claim is read from it; with a naming verb
("called climate change a hoax") the named thing is the claim.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from functools import cache

from bot.briefing.disputes.clauses import (
    clean_claim,
    clean_name,
    phrase_is_nameable,
    trim_claim,
    verdict_is_predicative,
    words_before,
)
from bot.briefing.disputes.lookup import (
    _LONGEST_CONTENT,
    ARTICLE,
    MIN_CLAIM_WORDS,
    OWNER_BACK,
    DisputeLookup,
    claim_start,
)
from bot.briefing.disputes.patterns import refers_back
from bot.briefing.disputes.phrases import alternation as _alternation
from bot.briefing.lexicon.wordlists import load_words
from bot.briefing.model import Dispute, Position, Span
from bot.briefing.text.keywords import content_words
from bot.briefing.text.quotes import inside_quotes

# A verdict's subject ends with its copula and articles: "climate change a", "the charges are".
_COPULA_TAIL = re.compile(
    r"(?:\s+|^)(?:(?:is|are|was|were|['’]s|be|been|as|a|an|just|all|simply|completely|totally|"
    r"beyond|certainly|utterly|entirely|absolutely|patently|plainly|clearly|downright|"
    r"nothing\s+but|\d+\s+percent|has|have|had|proved|proven|"
    r"(?:turned\s+out|shown|found)\s+to|[\w\-]+,?\s+(?:and|or))\b[\s\"“”'‘’]*"
    r"|(?:is|are|was|were)\s+(?:[a-z\-]+,\s*)+)*"  # "are partial, inaccurate"
    r"[\s\"“”'‘’,]*$", re.IGNORECASE)
_HYPOTHETICAL = re.compile(r"(?:['’]d|\bwould|\bcould|\bmight)\s+(?:\w+\s+)?be\b\W*\w*\W*$",
                           re.IGNORECASE)
_PASSIVE_TAIL = re.compile(r"\s+(?:had|has|have)?\s*(?:been|was|were|is|are)(?:\s+\w+ly)?\s*$",
                           re.IGNORECASE)
_CLAIM_CUES = frozenset({"accusing", "claiming", "alleging", "suggesting", "saying",
                         "asserting", "insisting", "charging"})
# "said falsely that", "wrongly asserts": the adverb judges the claim the verb reports.
_REPORT_VERBS = (r"(?:claim\w*|said|says|say|assert\w*|suggest\w*|stat\w*|argu\w*|"
                 r"insist\w*|impl\w*|told|tells|report\w*)")


@cache
def _owned_claim() -> re.Pattern[str]:
    """A subject ending in an owned claim noun: "his medical advice", "Trump's figures"."""
    return re.compile(
        rf"(?P<owner>\b(?:his|her|their|(?-i:[A-Z])[\w.\-]*(?:\s+(?-i:[A-Z])[\w.\-]*)*['’]s?))"
        rf"\s+(?:[\w\-]+\s+){{0,3}}(?:{_alternation('claim_nouns')})\W*$", re.IGNORECASE)


@cache
def _stated_claim() -> re.Pattern[str]:
    """A claim noun that says what is claimed: "claims (of|that|about) X", "fraud charges
    levelled against him"."""
    return re.compile(
        rf"(?:\b[\w\-]+\s+)?\b(?:{_alternation('claim_nouns')})\s+(?:(?:of|that|about)\s+"
        rf"(?P<content>\S+(?:\s+\S+){{2,}})|(?:\w+ed\s+)?against\s+\S+.*)$", re.IGNORECASE)


_COPULA = re.compile(r"\b(?:is|are|was|were|been|be|proved|proven)\b", re.IGNORECASE)
_MOST_SUBJECT_WORDS = 12  # in a subject that states the claim it judges
_CLAUSE_OPENING = re.compile(r",\s+|\b(?:that|after|because|when|since|while|although|though)"
                             r"\s+", re.IGNORECASE)
_SUBJECT_OF = {"his": "he", "her": "she", "their": "they"}
_POINTER_BEFORE = re.compile(r"\b(that|this)[\s\"“'‘]*$", re.IGNORECASE)
# "no truth in the claims", "no basis for these reports": the reference the verdict judges.
_JUDGED_AFTER = re.compile(r"[\"”’']*\s+(?:in|to|for|behind)\s+(?P<what>(?:the|these|those|such|"
                           r"his|her|their|its)\s+(?:[\w\-]+\s+){0,2}?[\w\-]+)\b",
                           re.IGNORECASE)
# The "but" that joins a speaker's claim to the verdict on it, right before the judge.
_JOINED_BEFORE = re.compile(r",?\s+(?:but|yet)\s+[^,;:]*$", re.IGNORECASE)
_OPENER = re.compile(r"^\W*(?:and|but|so|yet)\s+", re.IGNORECASE)
# A participle set off after a noun phrase: "the number of independents -- always exaggerated".
_ASIDE_BEFORE = re.compile(r"\s*(?:--|[–—,])\s*(?:\w+ly\s+|always\s+|often\s+)?$")


@cache
def _plan_of_pattern() -> re.Pattern[str]:
    return re.compile(rf"\b(?:{_alternation('proposal_nouns')})\s+of\b", re.IGNORECASE)


class VerdictRules(DisputeLookup):
    """Rules that judge a claim: falsity verdicts, false-report adverbs, corrections."""


    def _falsity_verdict(self, index: int, sentence: Span) -> Dispute | None:
        """A position calling a claim false: "This is not true", "called the charges
        fabricated", "Trump's tweets accusing X of Y are lies"."""
        match = self.patterns["falsity"].search(sentence.text)
        if not match:
            return None
        verdict_at = sentence.start + match.start()
        holders = self._positions_containing(verdict_at)
        absurd = match.group().lower() in load_words("absurdity_words")
        if not holders:
            return None if absurd else self._articles_verdict(index, sentence, match)
        if holders[0].content.start + 1 < sentence.start:
            return None  # a verdict deep inside a long quote
        naming = holders[0].cue.text.lower() in load_words("naming_verbs")
        judged = _JUDGED_AFTER.match(sentence.text, match.end()) \
            if match.group().lower().startswith("no ") else None
        if not (naming or judged or verdict_is_predicative(sentence.text[match.end():])):
            return None  # "the wrong path"; but "called it a hoax perpetrated by ..." is one
        carried = self._claim_in_subject(holders, verdict_at, sentence)
        if carried is not None:
            return carried
        holder = holders[0]
        subject = _COPULA_TAIL.sub("", self.text[holder.content.start:verdict_at])
        tail = self.text[holder.content.start + len(subject):verdict_at]
        pointer = _POINTER_BEFORE.search(self.text, holder.cue.end, holder.content.start)
        if not subject.strip() and pointer:  # "said that was nonsense": "that" is the subject
            subject = pointer.group(1)
        if judged:  # "there was no truth in the claims": what has no truth
            subject = judged.group("what")
        disputant = self._holder_name(holder)
        if disputant is None:
            return None
        if _HYPOTHETICAL.search(self.text[holder.content.start:verdict_at]):
            return None  # "They'd be wrong", "that would be false": no verdict yet
        # "claims of X were false"; "called the notion of X a hoax"
        stated = _stated_claim().search(subject) if naming or _COPULA.search(tail) else None
        content_at = holder.content.start + (stated.start("content") if stated and
                                             stated.group("content") else 0)
        if absurd and stated is not None and _plan_of_pattern().search(stated.group(0)):
            return None  # "the idea of deporting 11 million people is absurd": a plan
        if stated is not None and not (stated.group("content") and self._verb_follows(
                content_at, verdict_at)):  # "claims of a clash ... were wrong", not "comments
            claim = clean_claim(stated.group("content") or stated.group(0))  # that insult"
            owner = self._possessor(holder.content.start, holder.content.start + stated.start())
            claimants = [owner] if owner and owner != disputant else \
                self._claimants_by_overlap(claim, {disputant}, sentence)
            return Dispute(claim, tuple(claimants), (disputant,), (sentence,))
        clause = _CLAUSE_OPENING.split(subject)[-1]  # "I'm clear that X, and that these
        inner = not refers_back(subject) and len(clause.split()) <= 4 and refers_back(clause)
        if inner:  # allegations are unfounded": the last clause's subject, whose referent
            subject = clause  # must be cued by the same word ("alleged")
        if refers_back(subject):
            if absurd and set(subject.lower().split()) & load_words("proposal_nouns"):
                return None  # "rejected the idea as ludicrous": a proposal, not a claim
            judged = self._judged_reference(index, holder, subject, disputant, sentence,
                                            cued_only=inner) \
                or self._joined_claim_judged(holders, disputant, sentence)
            if absurd and judged is not None and (re.match(r"\W*it\b", subject, re.I) or
                                                  judged.evidence[0].start < self.starts[
                                                      max(index - 1, 0)]):
                return None  # "It's ludicrous" judges an act; "that" the words just before
            return judged
        owned = _owned_claim().search(subject)
        if owned is not None and not naming:  # "half of his medical advice is wrong"
            return self._owned_claim_judged(index, holder, owned, subject, disputant, sentence)
        if absurd:  # of a plan or a thing, "absurd" is criticism, not a contest
            return None
        if naming and subject.split()[:1] in (["them"], ["it"]):  # "dismissed them as nonsense"
            return self._named_before(index, sentence, disputant)
        if naming and 2 <= len(subject.split()) <= 6 and "," not in subject and \
                subject.split()[0].lower() not in {"out", "on", "for", "up", "off", "in"}:
            claim = clean_claim(subject)  # "called climate change a hoax"
            claimants = self._claimants_by_overlap(claim, {disputant}, sentence)
            return Dispute(claim, tuple(claimants), (disputant,), (sentence,))
        return None

    def _articles_verdict(self, index: int, sentence: Span, match: re.Match[str]
                          ) -> Dispute | None:
        """"That is not true." in the article's own words, outside any quote: the article
        contests the claim its subject points back to."""
        before = sentence.text[:match.start()]
        if "“" in before or '"' in before or not verdict_is_predicative(
                sentence.text[match.end():]) or _HYPOTHETICAL.search(before):
            return None
        subject = _COPULA_TAIL.sub("", before).strip()
        words = subject.split()
        if not words or words[0].lower() in {"it"}:  # "It is wrong to ...", of a thing
            return None
        own = Position(None, Span("", sentence.start, sentence.start), Span("", 0, 0),
                       Span(sentence.text, sentence.start, sentence.end), False)
        clause = _CLAUSE_OPENING.split(subject)[-1]  # "after her statement was shown to be"
        if len(clause.split()) <= _MOST_SUBJECT_WORDS and _COPULA.search(
                before[len(subject):]):
            stated = _stated_claim().search(clause)  # "previous claims of X have proved
            if stated is not None and stated.group("content"):  # inaccurate"
                return self._sentence_dispute(clean_claim(stated.group("content")), ARTICLE,
                                              sentence)
            owned = _owned_claim().search(clause)
            if owned is not None:
                return self._owned_claim_judged(index, own, owned, clause, ARTICLE, sentence)
        if len(words) > 4 or not refers_back(subject):
            return None
        return self._judged_reference(index, own, subject, ARTICLE, sentence)

    def _joined_claim_judged(self, holders: list[Position], disputant: str, sentence: Span
                             ) -> Dispute | None:
        """"Clinton said the foundation had full disclosure, but multiple reports reveal
        that's untrue": the outer speaker's words before the joining "but" are the claim."""
        if len(holders) < 2:
            return None
        inner, outer = holders[0], holders[1]
        joined = _JOINED_BEFORE.search(self.text, outer.content.start, inner.source.start)
        claimant = self._holder_name(outer)
        if joined is None or claimant in {None, disputant}:
            return None
        claim = trim_claim(self.text[claim_start(outer):joined.start()])
        return Dispute(claim, (claimant,), (disputant,), (sentence,)) \
            if len(claim.split()) >= MIN_CLAIM_WORDS else None

    def _owned_claim_judged(self, index: int, holder: Position, owned: re.Match[str],
                            subject: str, disputant: str, sentence: Span) -> Dispute | None:
        """The subject is someone's claim ("his medical advice", "Trump's figures"): it is the
        claim, and its owner the claimant."""
        at = holder.content.start + owned.start("owner")
        word = owned.group("owner").lower()
        owner = (self._pronoun_referent(_SUBJECT_OF[word], at, index, at) if word in _SUBJECT_OF
                 else self._possessor(at, holder.content.start + owned.end("owner")))
        if owner is None or owner == disputant:
            return None
        earlier = self._latest_position_of(owner, index, holder.content.start, back=OWNER_BACK)
        if earlier is not None:  # "the ministry's allegations are false": what it alleged
            return Dispute(self._claim_of(earlier), (owner,), (disputant,),
                           (self._sentence_of(earlier.content.start), sentence))
        shown = subject[subject.rfind(",", 0, owned.start()) + 1:]  # not "Taken together,"
        return Dispute(clean_claim(_OPENER.sub("", shown)), (owner,), (disputant,),
                       (sentence,))

    def _named_before(self, index: int, sentence: Span, disputant: str) -> Dispute | None:
        """"There was speculation the pair were ... . He dismissed them as nonsense": the
        clause a claim noun introduced in the two sentences before."""
        found = self._claim_clause_before(index)
        if found is None:
            return None
        claim, earlier = found
        claimants = self._claimants_by_overlap(claim, {disputant}, sentence)
        return Dispute(claim, tuple(claimants), (disputant,), (earlier, sentence))

    def _judged_reference(self, index: int, holder: Position, subject: str, disputant: str,
                          sentence: Span, cued_only: bool = False) -> Dispute | None:
        """"That account was false": the earlier claim it stands for, by someone else; with
        `cued_only`, only a claim cued by the noun's own word ("alleged" for "allegations")."""
        noun = re.sub(r"\W+$", "", subject.split()[-1]) if subject.split() else ""
        earlier = self._cued_referent(index, holder.content.start, noun, disputant) \
            if cued_only else self._referent(index, holder.content.start, noun or "it",
                                             disputant)
        if earlier is None:
            return None
        claimant = earlier.actor or " ".join(earlier.source.text.split())
        if not (earlier.actor or phrase_is_nameable(claimant)) or claimant == disputant or \
                content_words(subject, min_length=4) & content_words(earlier.content.text,
                                                                      min_length=4):
            return None  # an unknown claimant, or a claim *about* the thing called false
        return Dispute(self._claim_of(earlier), (clean_name(claimant) or claimant,),
                       (disputant,), (self._sentence_of(earlier.content.start), sentence))

    def _claim_in_subject(self, holders: list[Position], verdict_at: int, sentence: Span
                          ) -> Dispute | None:
        """"She says [Trump's tweets accusing Machado of ...] are lies": an inner position
        whose cue carries a claim, judged by an outer speaker."""
        inner = holders[0]
        if inner.cue.text.lower() not in _CLAIM_CUES:
            return None
        claimant = self._holder_name(inner)
        outer = next((h for h in holders[1:] if self._holder_name(h) not in {None, claimant}
                      and h.content.start <= inner.source.start), None)
        if outer is None or claimant is None:
            return None
        claim = clean_claim(_COPULA_TAIL.sub("", self.text[inner.content.start:verdict_at]))
        if len(claim.split()) < 3:
            return None
        return Dispute(claim, (claimant,), (self._holder_name(outer) or "",), (sentence,))

    def _lie_accusation(self, index: int, sentence: Span) -> Dispute | None:
        """"Trump says Clinton is lying about her support for the deal": the speaker contests
        what the one accused says about the matter. Only inside a speaker's position."""
        pattern = re.compile(rf"\b(?:{_alternation('lie_phrases')})\s+", re.IGNORECASE)
        match = pattern.search(sentence.text)
        if match is None:
            return None
        at = sentence.start + match.start()
        holder = next(iter(self._positions_containing(at)), None)
        disputant = holder and self._holder_name(holder)
        accused = self.table.mentions_in(holder.content.start, at) if holder else []
        if not disputant or not accused or accused[-1].actor == disputant:
            return None
        claim = trim_claim(self.text[sentence.start + match.end():sentence.end])
        if len(claim.split()) < 3:
            return None
        return Dispute(claim, (accused[-1].actor,), (disputant,), (sentence,))

    def _false_report(self, index: int, sentence: Span) -> Dispute | None:
        """"The ad wrongly asserts that ...", "the states were exaggerating the reach of the
        EPA": what the verb reports is contested by the speaker around it, else the article."""
        pattern = re.compile(rf"\b(?:(?:{_alternation('false_report_adverbs')})\b[\"”’']*\s+"
                             rf"{_REPORT_VERBS}|{_alternation('distortion_verbs')})\b"
                             rf"(?:\s+that\b)?\s*", re.IGNORECASE)
        match = pattern.search(sentence.text)
        if match is None or words_before(sentence.text[:match.start()], 1)[:1] in (
                [w] for w in load_words("determiners")) or re.match(
                r"\s*by\b", sentence.text[match.end():]):
            return None  # "an exaggerated accent", "reality as distorted by a misconception"
        at = sentence.start + match.start()
        holder = next(iter(self._positions_containing(at)), None)
        claim = trim_claim(self.text[sentence.start + match.end():sentence.end])
        auxiliary = [w for w in words_before(sentence.text[:match.start()], 2)
                     if not w.endswith("ly")][-1:]  # "is wildly exaggerated"
        participle = match.group(0).split()[0].lower().endswith("ed")  # not "exaggerating"
        aside = _ASIDE_BEFORE.search(sentence.text, 0, match.start()) if participle else None
        if auxiliary in (["been"], ["was"], ["were"], ["is"], ["are"]) and participle:
            start = holder.content.start if holder else sentence.start  # "his comments had
            claim = _PASSIVE_TAIL.sub("", self.text[start:at])  # been distorted": the comments
        elif aside is not None:  # "the number of independents -- always exaggerated -- ..."
            start = holder.content.start if holder else sentence.start
            claim = clean_claim(self.text[start:sentence.start + aside.start()])
        if len(claim.split()) < 2:
            return None
        adverb = match.group(0).split()[0].lower().strip("\"”’'")
        if holder is None and adverb not in load_words("false_report_adverbs"):
            return None  # a distortion verb needs a speaker who says so
        before = self.table.mentions_in(holder.content.start if holder else sentence.start, at)
        reported = next((p.actor for p in self.positions  # "where he erroneously suggested"
                         if at <= p.cue.start < sentence.start + match.end() and p.actor), None)
        claimants = (reported,) if reported else (before[-1].actor,) if before else ()
        disputant = (holder and self._holder_name(holder)) or ARTICLE
        if disputant in claimants:
            disputant = ARTICLE
        return Dispute(claim, claimants, (disputant,), (sentence,))

    def _correction(self, index: int, sentence: Span) -> Dispute | None:
        """"Voting fraud is, in fact, very rare." right after someone's claim about it: the
        article corrects the claim. Only outside any quote, and only on the same matter."""
        pattern = re.compile(rf"\b(?:{_alternation('correction_phrases')})\b", re.IGNORECASE)
        match = pattern.search(sentence.text)
        if match is None or index == 0 or not sentence.text[:match.start()].strip(" \"“'‘") or \
                self._positions_containing(sentence.start + match.start()) or inside_quotes(
                self.text, sentence.start, sentence.start + match.start()):
            return None  # a speaker's "in fact", not the article's
        words = content_words(sentence.text, min_length=4)
        for back in (1, 2):
            if index - back < 0:
                break
            previous = self.sentences[index - back]
            found = self._claim_stated_in(index - back, previous)
            if found is None:
                continue
            claim, claimant = found
            if len(words & content_words(claim, min_length=4)) >= 2 and claimant:
                return Dispute(claim, (claimant,), (ARTICLE,), (previous, sentence))
        return None

    def _claim_stated_in(self, index: int, sentence: Span) -> tuple[str, str | None] | None:
        """The claim a sentence reports, with who made it: a position, else "X claims that"."""
        for position in self.positions:
            if sentence.start <= position.cue.start < sentence.end:
                return self._claim_of(position), self._holder_name(position)
        match = re.search(r"\b(?:claim\w*|insist\w*|assert\w*)\s+(?:that\s+)?",
                          sentence.text, re.IGNORECASE)
        if match is None:
            return None
        who = self._disputant(index, sentence, sentence.start + match.start())
        return trim_claim(sentence.text[match.end():]), who

    def _positions_containing(self, offset: int) -> list[Position]:
        """Positions whose content holds `offset`, innermost first."""
        first = bisect_right(self.content_starts, offset - _LONGEST_CONTENT)
        last = bisect_right(self.content_starts, offset)
        holders = [p for p in self.positions[first:last] if offset < p.content.end]
        return sorted(holders, key=lambda p: p.content.end - p.content.start)
