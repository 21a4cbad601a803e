"""Contrasts: two actors holding opposite positions on one matter, framed as opposed.

All three signals are needed, since two positions side by side are usually no dispute: the
same matter (two shared content words, or words of one `matter_synonyms` group; one is enough
when the second sentence opens with "But" or "However" against the first), opposite stance
(one side negated, or an `opposed_stances` pair), and framing ("while", "but", "however",
"unlike", "disagree") between the two or opening the second sentence. When the next sentence
turns to the other speaker ("X said A. But Y said B") on the same matter, the turn itself is
the opposition; when Y is the one X's claim is about and Y negates it, no shared word is
needed.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from functools import cache, cached_property

from bot.briefing.actors.continuity import names_its_actor
from bot.briefing.disputes.clauses import clean_claim, is_pronoun
from bot.briefing.disputes.lookup import MIN_CLAIM_WORDS, DisputeLookup, claim_start
from bot.briefing.disputes.phrases import alternation
from bot.briefing.lexicon.wordlists import load_words
from bot.briefing.model import Dispute, Position, Span
from bot.briefing.text.keywords import STEM_CHARS, content_words, is_negated

_DEFINITE_HOLDER = re.compile(r"the\s+\w+$", re.IGNORECASE)  # "the agency said": no guess
_OPENING = re.compile(r"\W*(?:but|however|yet)\b", re.IGNORECASE)
_RELATIVES = frozenset({"who", "which", "that"})
_FRAME_REACH = 4  # sentences after a debate frame that may give its sides
_RECENT = 8  # positions back that may hold the sentence before's speaker
_NAME_REACH = 6  # words into a source where a side's own name stands ("former MP Martin Bell")
_QUANTIFIED = re.compile(r"\W*(?:all|both|each|most|many|some)\b", re.IGNORECASE)
_QUESTION = re.compile(r"\W*(?:if|whether|why|how|what|who)\b", re.IGNORECASE)


@cache
def _framing() -> re.Pattern[str]:
    return re.compile(rf"\b(?:{alternation('contrast_words', 'contrast_framings')})\b",
                      re.IGNORECASE)


@cache
def _debate_frame() -> re.Pattern[str]:
    return re.compile(rf"\b(?:{alternation('debate_frames')})\b", re.IGNORECASE)


@cache
def _synonyms() -> dict[str, str]:
    """Stem -> the first word of its group."""
    groups = {}
    for line in load_words("matter_synonyms"):
        words = line.split()
        for word in words:
            groups[word[:STEM_CHARS]] = words[0][:STEM_CHARS]
    return groups


@cache
def _opposites() -> frozenset[tuple[str, str]]:
    pairs = set()
    for line in load_words("opposed_stances"):
        first, _, second = line.partition(" ")
        pairs |= {(first[:STEM_CHARS], second[:STEM_CHARS]),
                  (second[:STEM_CHARS], first[:STEM_CHARS])}
    return frozenset(pairs)


def matter_of(text: str, names: set[str]) -> frozenset[str]:
    synonyms = _synonyms()
    return frozenset(synonyms.get(w, w) for w in content_words(text, min_length=4)
                     if w not in names)


def opposed_words(first: str, second: str) -> bool:
    """Each side holds one word of an `opposed_stances` pair ("honor" / "cancel")."""
    left, right = _stems(first), _stems(second)  # stance words may be stop words ("keep")
    return any((a, b) in _opposites() for a in left for b in right)


def _stance_words(position: Position) -> str:
    """The stance a position takes in its own verbs: the cue, and the verb of an infinitive
    right after it ("supports", "pledged to cancel"), not a word of what is said ("predict
    that support will fall")."""
    words = position.content.text.split()[:2]
    infinitive = words[1] if len(words) == 2 and words[0].lower() == "to" else ""
    return f"{position.cue.text} {infinitive}"


def _stems(text: str) -> set[str]:
    return {w[:STEM_CHARS] for w in re.findall(r"[a-z]+", text.lower())}


class ContrastRules(DisputeLookup):
    def _opposed_positions(self, index: int, sentence: Span) -> Dispute | None:
        """A position in this sentence set against another actor's in this or the previous
        sentence: the earlier one is the claim, the later holder the disputant."""
        later = [p for p in self.positions if sentence.start <= p.cue.start < sentence.end]
        back = 2 if _OPENING.match(sentence.text) else 1  # "But Y said ..." answers further up
        floor = self.sentences[max(index - back, 0)].start
        # The nearest sentence first, the outermost position of a sentence first.
        earlier = sorted((p for p in self.positions if floor <= p.cue.start < sentence.end),
                         key=lambda p: (-self._sentence_of(p.cue.start).start, p.cue.start))
        for second in later:
            second_name = self._holder_name(second)
            if not second_name or not second.actor or \
                    second.source.text.strip().lower() in _RELATIVES:
                continue  # "But ..., Trump, who has criticized ...": background, no answer
            framed = self._framed_dispute(second, second_name, sentence)
            if framed is not None:
                return framed
            for first in earlier:
                if not (floor <= first.cue.start and first.cue.end <= second.source.start
                        and first.content.start < second.source.start):
                    continue
                found = self._contrast(first, second, second_name, sentence)
                if found is not None:
                    return found
        return None

    def _framed_dispute(self, second: Position, second_name: str, sentence: Span
                        ) -> Dispute | None:
        """"But opinion is divided on whether ... . 'Any of them would make competent MPs,'
        Martin Bell insisted. ... But Sir Bernard Ingham took a less charitable view ...":
        the article says the sides that follow its frame are opposed, so the second side
        contests what the first said first, without a stance word or shared words."""
        found = self._sides_of_frame(second)
        if found is None:
            return None
        frame, opening = found
        claim = self._claim_of(opening)
        first_name = self._holder_name(opening)
        if not first_name or len(claim.split()) < MIN_CLAIM_WORDS or any(
                _QUESTION.match(text) for text in (claim, second.content.text)):
            return None
        return Dispute(claim, (first_name,), (second_name,),
                       (frame, self._sentence_of(opening.content.start), sentence))

    def _sides_of_frame(self, second: Position) -> tuple[Span, Position] | None:
        """The frame sentence and the first side's opening position, when `second` is the
        frame's second side: after a frame sentence that quotes no one, the first side speaks
        in the next sentence (and may go on), the second is the next other speaker, within
        four sentences of the frame; each speaks under its own name ("Mr MacKenzie thought
        ... But Ms Kelly said", not "one analyst quoted by Agence France Presse", nor "All
        the Democrats")."""
        then = self._sentence_index(second)
        frame_at = next((at for at in range(then - 1, max(then - 1 - _FRAME_REACH, -1), -1)
                         if at in self._frame_sentences), None)
        if frame_at is None or any(self._sentence_index(p) == frame_at for p in self.positions):
            return None
        sides = sorted((p for p in self.positions if frame_at < self._sentence_index(p) <= then
                        and self._speaks_as_itself(p)), key=lambda p: p.cue.start)
        if not sides or self._sentence_index(sides[0]) != frame_at + 1 or then == frame_at + 1:
            return None  # the sides speak in turn, not as co-subjects of one sentence
        other = next((p for p in sides if p.actor != sides[0].actor), None)
        if other is not second or any(m.actor == second.actor for m in self.table.mentions_in(
                self.sentences[frame_at + 1].start, sides[0].cue.start)):
            return None  # "Sanders and O'Malley suggested ...": one side, not two
        return self.sentences[frame_at], sides[0]

    @cached_property
    def _position_order(self) -> dict[int, int]:
        """Where each position stands in `positions`, by identity."""
        return {id(p): at for at, p in enumerate(self.positions)}

    @cached_property
    def _frame_sentences(self) -> frozenset[int]:
        """Indices of the sentences that hold a debate frame."""
        return frozenset(at for at, sentence in enumerate(self.sentences)
                         if _debate_frame().search(sentence.text))

    def _sentence_index(self, position: Position) -> int:
        return bisect_right(self.starts, position.cue.start) - 1

    @staticmethod
    def _speaks_as_itself(position: Position) -> bool:
        """The source names its actor early ("Tory chairman Liam Fox") and is no quantified
        group ("All the Democrats")."""
        return names_its_actor(position, _NAME_REACH) and \
            not _QUANTIFIED.match(position.source.text)

    def _juxtaposed(self, first: Position, second: Position, claim_end: int) -> bool:
        """Two stances of opposite words set side by side in consecutive sentences ("Clinton
        has vowed to honor the Paris agreement. Trump has pledged to cancel the accord"): the
        pairing of the words frames them as opposed without "but" or "while"."""
        return first.content.end <= claim_end and \
            self._sentence_index(first) == self._sentence_index(second) - 1 and \
            opposed_words(_stance_words(first), _stance_words(second))

    def _named_just_before(self, position: Position) -> bool:
        """A pronoun speaker whose actor was named as the speaker of the sentence before:
        "Environment Secretary Margaret Beckett has said ... . Public opinion would force
        change, she told BBC news"."""
        at = self._position_order[id(position)]
        index = self._sentence_index(position)
        earlier = [p for p in self.positions[max(at - _RECENT, 0):at]
                   if self._sentence_index(p) == index - 1]
        return bool(earlier) and earlier[-1].actor == position.actor is not None and \
            names_its_actor(earlier[-1])

    def _next_turn(self, first: Position, second: Position, sentence: Span) -> bool:
        """"X said A. But Y said B": the sentence right after X's opens with "But" (or
        "However", "Yet") and Y, the article turning from one speaker to the other."""
        opening = _OPENING.match(sentence.text)
        return opening is not None and \
            self._sentence_of(first.content.start).end >= sentence.start - 2 and \
            not self.text[sentence.start + opening.end():second.source.start].strip(" ,")

    def _answers(self, first: Position, second: Position, claim: str) -> bool:
        """"X said Y did A. But Y said not-B": the one a claim is about answers it in the
        next turn, negating what X did not. Shared words are then not needed ("The Times
        said Crosby told the leader to ... But Mr Crosby said: 'I have never had any such
        conversation'")."""
        return bool(second.actor) and second.actor.split()[-1] in second.source.text and \
            any(m.actor == second.actor for m in self.table.mentions_in(
                first.content.start, first.content.end)) and \
            is_negated(second.content.text) and not is_negated(claim)

    def _contrast(self, first: Position, second: Position, second_name: str,
                  sentence: Span) -> Dispute | None:
        claim_end = min(first.content.end, second.source.start, second.cue.start)
        framing = _framing().search(self.text, claim_end, min(
            second.source.start, second.cue.start, second.content.start))
        if framing is None and second.content.start < second.source.start:
            framing = _OPENING.match(self.text, second.content.start)  # '"But ...," Y said'
        if framing is None and second.source.end <= second.cue.start:  # "Trump, by contrast,"
            framing = _framing().search(self.text, second.source.end, second.cue.start)
        if first.content.end > claim_end:  # "vowed to honor X, while Y has pledged ..."
            inside = list(_framing().finditer(self.text, first.content.start, claim_end))
            framing = inside[-1] if inside else None
            claim_end = framing.start() if framing else claim_end
        if framing is None and not self._juxtaposed(first, second, claim_end):
            return None
        claim = clean_claim(self.text[first.content.start:claim_end])
        first_name = self._holder_name(first)
        if not first_name or not (first.actor or _DEFINITE_HOLDER.match(first_name)) or \
                first.actor == second.actor or is_pronoun(second.source.text.strip()) or (
                is_pronoun(first.source.text.strip()) and not self._named_just_before(first)):
            return None  # both sides named where they speak (or the first just before)
        if first_name.split()[-1] in second.source.text.split() or \
                second_name.split()[-1] in first.source.text.split():
            return None  # "Cruz and Rubio implied", "Robertson, a spokesperson for X": one side
        before = self.table.mentions_in(self._sentence_of(first.source.start).start,
                                        first.source.start)
        if before and before[-1].actor == second.actor and \
                self.text[before[-1].end:first.source.start].strip() == ",":
            return None  # "Sean Robertson, [a spokesperson for X,] told ...": the same person
        if any(_QUESTION.match(text) for text in (claim, second.content.text)):
            return None  # "isn't saying if ...": no stance taken
        names = {w.lower()[:STEM_CHARS] for n in (first_name, second_name) for w in n.split()}
        shared = len(matter_of(claim, names) & matter_of(second.content.text, names))
        opens_against = _OPENING.match(sentence.text) is not None and \
            first.content.start < sentence.start  # "X said ... . But Y said ..."
        turn = self._next_turn(first, second, sentence)
        opposed = opposed_words(f"{first.cue.text} {claim}",  # "supports X" / "opposes X"
                                f"{second.cue.text} {second.content.text}")
        if shared < (0 if turn and self._answers(first, second, claim) else
                     1 if opens_against or opposed else 2):
            return None
        if not (opposed or is_negated(claim) != is_negated(second.content.text) or (
                turn and shared >= 2)):
            return None  # "X said A. But Y said B", both on one matter: framed as opposed
        first_sentence = self._sentence_of(first.content.start)
        evidence = (first_sentence,) if first_sentence == sentence else (first_sentence,
                                                                         sentence)
        shown = clean_claim(self.text[claim_start(first):claim_end])  # with a stance verb
        return Dispute(shown, (first_name,), (second_name,), evidence)
