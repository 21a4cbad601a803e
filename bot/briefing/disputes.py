"""Disputed points: claims that some actor contests, found by explicit cues only.

Precision matters more than recall, since a wrongly reported dispute misinforms the reader:
every rule needs an explicit signal (a dispute verb with a claim as its object, a falsity
verdict about an earlier claim, a disagreement phrase, or a doubting contrast clause).
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Sequence
from functools import cache

from sumy.utils import get_stop_words

from bot.briefing.actors import ActorTable
from bot.briefing.model import Dispute, Position, Span
from bot.briefing.wordlists import load_words

_NAME_CHARS = r"[\w'’.\-]"
_LONGEST_CONTENT = 5000  # characters; a quote running longer is not looked into


def _alternation(name: str) -> str:
    phrases = sorted(load_words(name), key=len, reverse=True)
    return "|".join(r"\s+".join(re.escape(w) for w in p.split()) for p in phrases)


@cache
def _patterns() -> dict[str, re.Pattern[str]]:
    flags = re.IGNORECASE
    return {
        "verb": re.compile(
            rf"\b(?:{_alternation('dispute_verbs')})\b\s+(?:(?:a|an|the|any|all|these|those|"
            rf"such|reports?|claims?)\s+)?(?:{_NAME_CHARS}+\s+){{0,3}}?"
            rf"(?P<noun>{_alternation('claim_nouns')})\b|"
            rf"\b(?P<verb_that>{_alternation('dispute_verbs')})\s+(?:\w+\s+)?that\b",
            flags,
        ),
        "falsity": re.compile(rf"\b(?:{_alternation('falsity_phrases')})\b", flags),
        "disagree": re.compile(rf"\b(?:{_alternation('disagreement_phrases')})\b", flags),
        "denial": re.compile(rf"\b(?:{_alternation('denial_phrases')})\b", flags),
        "doubt": re.compile(rf"\b(?:{_alternation('doubt_phrases')})\b", flags),
        "contrast": re.compile(rf"[,;]\s+(?:{_alternation('contrast_words')})\s+", flags),
        "that_clause": re.compile(r"\bthat\s+", flags),
        "by_phrase": re.compile(r"\s*\b(?:by|from|of)\s+", flags),
        "clause_end": re.compile(r",\s|;|\s[-–—]\s|[\"”]"),
    }


def find_disputes(
    text: str, sentences: Sequence[Span], positions: Sequence[Position], table: ActorTable
) -> list[Dispute]:
    """Disputes in article order, one per claim."""
    starts = [s.start for s in sentences]
    finder = _DisputeFinder(text, sentences, starts, positions, table)
    found: list[Dispute] = []
    for index, sentence in enumerate(sentences):
        found.extend(finder.in_sentence(index, sentence))
    return _unique(found)


class _DisputeFinder:
    def __init__(self, text: str, sentences: Sequence[Span], starts: list[int],
                 positions: Sequence[Position], table: ActorTable) -> None:
        self.text, self.sentences, self.starts = text, sentences, starts
        self.positions = sorted(positions, key=lambda p: p.content.start)
        self.content_starts = [p.content.start for p in self.positions]
        self.table = table
        self.patterns = _patterns()

    def in_sentence(self, index: int, sentence: Span) -> list[Dispute]:
        found = []
        for rule in (self._dispute_verb, self._falsity_verdict, self._disagreement,
                     self._doubting_contrast):
            dispute = rule(index, sentence)
            if dispute is not None:
                found.append(dispute)
        return found

    # --- rules -------------------------------------------------------------------------------
    def _dispute_verb(self, index: int, sentence: Span) -> Dispute | None:
        """"X disputed a claim by Y that ..." / "X denies that ..."."""
        match = self.patterns["verb"].search(sentence.text)
        if not match:
            return None
        cue_start = sentence.start + match.start()
        disputant = (self._source_of_cue(cue_start)
                     or self._subject_before(sentence.start, cue_start)
                     or _subject_phrase(self.text[sentence.start:cue_start]))
        if disputant is None:
            return None
        rest_start = sentence.start + match.end()
        claim = self._clause_after(rest_start, sentence.end)
        claimants: list[str] = []
        if match.group("noun"):
            by = self.patterns["by_phrase"].match(self.text, rest_start, sentence.end)
            if by:
                claimant = self.table.actor_in(Span("", by.end(), sentence.end))
                claimants = [claimant] if claimant else []
            that = self.patterns["that_clause"].search(self.text, rest_start, sentence.end)
            noun_start = sentence.start + match.start("noun")
            claim = (self._clause_after(that.end(), sentence.end) if that
                     else self.text[noun_start:rest_start])
        if not claim:
            return None
        claimants = claimants or self._claimants_by_overlap(claim, {disputant}, sentence)
        return Dispute(claim, tuple(claimants), (disputant,), (sentence,))

    def _falsity_verdict(self, index: int, sentence: Span) -> Dispute | None:
        """A position calling an earlier claim false: "This is not true", "... was false"."""
        match = self.patterns["falsity"].search(sentence.text)
        if not match:
            return None
        verdict_at = sentence.start + match.start()
        holder = self._position_containing(verdict_at)
        if holder is None or not _refers_back(self.text[holder.content.start:verdict_at]):
            return None
        if holder.content.start + 1 < sentence.start:  # a verdict deep inside a long quote
            return None
        earlier = self._earlier_claim(holder, index)
        if earlier is None:
            return None
        disputant = holder.actor or holder.source.text
        claimant = earlier.actor or earlier.source.text
        return Dispute(_clean_claim(earlier.content.text), (claimant,), (disputant,),
                       (self._sentence_of(earlier.content.start), sentence))

    def _disagreement(self, index: int, sentence: Span) -> Dispute | None:
        """"X did not agree with Y's assessment" / "no grounds to believe Z"."""
        for kind in ("disagree", "denial"):
            match = self.patterns[kind].search(sentence.text)
            if match is None:
                continue
            cue_start = sentence.start + match.start()
            disputant = self._subject_before(sentence.start, cue_start, prefer_source=True)
            if disputant is None:
                continue
            holder = self._position_containing(cue_start)
            limit = min(holder.content.end, sentence.end) if holder else sentence.end
            claim_end = self._clause_end(sentence.start + match.end(), limit)
            claim = self._clause_after(sentence.start + match.end(), claim_end)
            if not claim:
                continue
            if kind == "disagree":
                named = self.table.actor_in(Span("", sentence.start + match.end(), claim_end))
                claimants = [named] if named and named != disputant else []
            else:
                claimants = []
            claimants = claimants or self._claimants_by_overlap(claim, {disputant}, sentence)
            return Dispute(claim, tuple(claimants), (disputant,), (sentence,))
        return None

    def _doubting_contrast(self, index: int, sentence: Span) -> Dispute | None:
        """"A warned of X, though B appear less convinced"."""
        contrast = self.patterns["contrast"].search(sentence.text)
        if contrast is None:
            return None
        doubt = self.patterns["doubt"].search(sentence.text, contrast.end())
        if doubt is None:
            return None
        main = Span(sentence.text[:contrast.start()], sentence.start,
                    sentence.start + contrast.start())
        doubters = Span("", sentence.start + contrast.end(), sentence.start + doubt.start())
        claimants = self._actors_in(main, direct_only=True)
        disputants = [a for a in self._actors_in(doubters) if a not in claimants]
        if not claimants or not disputants:
            return None
        return Dispute(_clean_claim(main.text), tuple(claimants), tuple(disputants), (sentence,))

    # --- helpers -------------------------------------------------------------------------------
    def _subject_before(self, floor: int, cue_start: int, prefer_source: bool = False
                        ) -> str | None:
        """Who performs the cue: the source of a position around it, else the nearest actor."""
        holder = self._position_containing(cue_start)
        if holder is not None and prefer_source and holder.actor:
            inner = self.table.actor_in(Span("", holder.content.start, cue_start))
            return inner or holder.actor
        mentions = self.table.mentions_in(floor, cue_start)
        if mentions:
            return mentions[-1].actor
        if holder is not None:
            return holder.actor
        return None

    def _source_of_cue(self, cue_start: int) -> str | None:
        """The holder of a position whose cue is this very verb ("The central bank denies")."""
        for position in self.positions:
            if position.cue.start == cue_start:
                return position.actor or _clean_claim(position.source.text)
        return None

    def _actors_in(self, span: Span, direct_only: bool = False) -> list[str]:
        """Actors named in a span; with `direct_only`, not by a demonym ("Russian invasion")."""
        names: list[str] = []
        for mention in self.table.mentions_in(span.start, span.end):
            if not (direct_only and mention.via_demonym) and mention.actor not in names:
                names.append(mention.actor)
        return names

    def _position_containing(self, offset: int) -> Position | None:
        """The innermost position whose content holds `offset` (contents are sentence-sized,
        so only positions starting shortly before it are looked at)."""
        first = bisect_right(self.content_starts, offset - _LONGEST_CONTENT)
        last = bisect_right(self.content_starts, offset)
        holders = [p for p in self.positions[first:last] if offset < p.content.end]
        return min(holders, key=lambda p: p.content.end - p.content.start, default=None)

    def _earlier_claim(self, holder: Position, index: int) -> Position | None:
        """The latest position before `holder`, within three sentences, by someone else."""
        floor = self.sentences[max(index - 3, 0)].start
        first = bisect_right(self.content_starts, floor - 1)
        last = bisect_right(self.content_starts, holder.content.start)
        for position in reversed(self.positions[first:last]):
            if position.content.end > holder.content.start:
                continue
            if (position.actor or position.source.text) == (holder.actor or holder.source.text):
                continue
            if not self.patterns["falsity"].search(position.content.text):
                return position
        return None

    def _claimants_by_overlap(self, claim: str, exclude: set[str], sentence: Span
                              ) -> list[str]:
        """Actors whose stated positions elsewhere share the claim's key words."""
        claim_words = _content_words(claim)
        names: list[str] = []
        for position in self.positions:
            actor = position.actor
            if not actor or actor in exclude or actor in names:
                continue
            if position.content.start < sentence.end and sentence.start < position.content.end:
                continue  # reports this very sentence
            if len(claim_words & _content_words(position.content.text)) >= 2:
                names.append(actor)
        return names

    def _clause_end(self, start: int, limit: int) -> int:
        match = self.patterns["clause_end"].search(self.text, start, limit)
        return match.start() if match else limit

    def _clause_after(self, start: int, end: int) -> str:
        return _clean_claim(self.text[start:end])

    def _sentence_of(self, offset: int) -> Span:
        return self.sentences[max(bisect_right(self.starts, offset) - 1, 0)]


_BACK_REFERENCE = re.compile(
    r"^\W*(?:that\s+)?(?:this|that|it|these|those|such|the\s+\w+|reports?|claims?|"
    r"any\s+\w+)\b", re.IGNORECASE)
_STOP = frozenset(get_stop_words("english")) | {"said", "says", "say", "told"}


_SUBJECT = re.compile(
    r"^(?:The|A|An|Its|Their|His|Her)\s+(?:[\w'’\-]+\s+){0,3}?[\w'’\-]+?"
    r"(?=\s+(?:(?:also|again|repeatedly|strongly|flatly|firmly|quickly|later|has|have|had)\s+)*$)")


def _subject_phrase(prefix: str) -> str | None:
    """A plain noun phrase that opens the sentence and does the disputing ("The central bank")."""
    match = _SUBJECT.match(prefix.strip() + " ")
    return match.group(0) if match else None


def _refers_back(prefix: str) -> bool:
    """The verdict's subject points at an earlier claim ("This", "that characterization")."""
    words = prefix.split()
    if len(words) > 6:
        return False
    if _BACK_REFERENCE.match(prefix):
        return True
    return bool(words) and words[0].lower().strip("\"“") in load_words("claim_nouns")


def _content_words(text: str) -> set[str]:
    return {w[:6] for w in re.findall(r"[a-z]{4,}", text.lower()) if w not in _STOP}


def _clean_claim(text: str) -> str:
    text = text.strip().strip(",;:").strip()
    return text[:-1] if text.endswith(".") and not text.endswith("..") else text


def _unique(disputes: list[Dispute]) -> list[Dispute]:
    """One dispute per claim: the disputants and evidence of repeats are merged in."""
    merged: dict[str, Dispute] = {}
    for dispute in disputes:
        key = dispute.claim.lower()
        known = merged.get(key)
        if known is None:
            merged[key] = dispute
            continue
        merged[key] = Dispute(
            known.claim,
            known.claimants + tuple(c for c in dispute.claimants if c not in known.claimants),
            known.disputants + tuple(d for d in dispute.disputants if d not in known.disputants),
            known.evidence + tuple(e for e in dispute.evidence if e not in known.evidence),
        )
    return [d for d in merged.values() if d.disputants and not set(d.disputants)
            & set(d.claimants)]
