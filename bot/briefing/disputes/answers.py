"""Answers from the accused: "Clinton noted that Trump supported the invasion. Trump told the
forum he was against the war." The one a claim is about, answering it on the same matter
within two sentences, contests it.

The signals are structural rather than lexical: a named claimant, a claim whose actors
include the one who answers (or the answerer's own campaign or office) as its subject, an answer
named where it is given, and an answer that shares the claim's matter and takes the opposite
stance (one side negated, or an `opposed_stances` pair). No dispute cue is needed. Without
the stance check the rule was right about one time in three on PolNeAR train articles.
"""

from __future__ import annotations

from bot.briefing.disputes.clauses import clean_claim, is_pronoun
from bot.briefing.disputes.contrasts import matter_of, opposite_stances
from bot.briefing.disputes.lookup import DisputeLookup
from bot.briefing.model import Dispute, Position, Span
from bot.briefing.text.keywords import STEM_CHARS

_BACK = 2  # sentences between a claim and its answer, at most
_MIN_CLAIM_WORDS = 4
_SUBJECT_WORDS = 3  # words before the claim's first actor, at most ("that Mr. Trump")


def _is_answerer(answerer: str, named: str) -> bool:
    """The same actor, or the person whose campaign or office answers ("Trump campaign")."""
    return named == answerer or named.split()[-1] in answerer.split()


class AnswerRules(DisputeLookup):
    def _accused_answers(self, index: int, sentence: Span) -> Dispute | None:
        """A position in this sentence by an actor that an earlier claim, by someone else
        and within two sentences, is about: the earlier claim is contested by the answerer."""
        floor = self.sentences[max(index - _BACK, 0)].start
        for answer in self.positions:
            if not sentence.start <= answer.cue.start < sentence.end or not answer.actor or \
                    answer.mode != "speech" or is_pronoun(answer.source.text.strip()):
                continue
            answerer = self._holder_name(answer)
            if not answerer:
                continue
            for claim in reversed(self.positions):
                if claim.content.start < floor or claim.content.end > min(
                        answer.source.start, answer.cue.start):
                    continue
                found = self._answered(claim, answer, answerer)
                if found is not None:
                    return found
        return None

    def _answered(self, claim: Position, answer: Position, answerer: str) -> Dispute | None:
        claimant = self._holder_name(claim)
        if not claimant or not claim.actor or claim.actor == answer.actor or \
                claim.mode != "speech" or \
                is_pronoun(claim.source.text.strip()):
            return None
        mentions = self.table.mentions_in(claim.content.start, claim.content.end)
        if not mentions or not _is_answerer(answerer, mentions[0].actor) or \
                len(self.text[claim.content.start:mentions[0].start].split()) > _SUBJECT_WORDS:
            return None  # the claim is not about the answerer: its subject is someone else
        named = [m.actor for m in mentions]
        text = clean_claim(claim.content.text)
        if len(text.split()) < _MIN_CLAIM_WORDS:
            return None
        names = {w.lower()[:STEM_CHARS] for n in (claimant, answerer, *named) for w in n.split()}
        if not matter_of(text, names) & matter_of(answer.content.text, names) or \
                not opposite_stances(text, answer.content.text):
            return None
        first = self._sentence_of(claim.content.start)
        second = self._sentence_of(answer.cue.start)
        evidence = (first,) if first == second else (first, second)
        return Dispute(text, (claimant,), (answerer,), evidence)
