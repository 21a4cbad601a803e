"""Disputed points: claims that some actor contests, found by explicit cues only.

Precision matters more than recall, since a wrongly reported dispute misinforms the reader:
every rule needs an explicit signal (a dispute or doubt verb with a claim as its object, a
falsity verdict or a claim named false, a disagreement or a negated acceptance, a fact that
belies a claim, or two actors' opposite positions framed as opposed), and a cue that is
negated, hypothetical or a noun is no signal.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import cache

from bot.briefing.actors.table import ActorTable
from bot.briefing.disputes.clauses import (
    clean_claim,
    clean_name,
    cue_is_blocked,
    opens_clause,
    phrase_is_nameable,
    starts_with_of_like,
    subject_phrase,
    takes_complement,
    trim_claim,
)
from bot.briefing.disputes.contrasts import ContrastRules
from bot.briefing.disputes.evidence import EvidenceRules
from bot.briefing.disputes.false_claims import FalseClaimRules
from bot.briefing.disputes.lookup import ARTICLE, MIN_CLAIM_WORDS, OWNER_BACK, claim_start
from bot.briefing.disputes.merging import unique_disputes
from bot.briefing.disputes.patterns import (
    claim_noun_clause,
    cue_stems,
    is_accusation_noun,
    refers_back,
)
from bot.briefing.disputes.people import PersonContestRules
from bot.briefing.disputes.phrases import alternation
from bot.briefing.disputes.rejections import RejectionRules
from bot.briefing.disputes.thatless import ThatlessRules
from bot.briefing.disputes.verdicts import VerdictRules
from bot.briefing.language.analysis import Analysis
from bot.briefing.lexicon.wordlists import load_words
from bot.briefing.model import Dispute, Position, Span

_DEFINITE = frozenset({"the", "these", "those", "such", "that", "this"})
_POINTING = _DEFINITE - {"the"}
_AS_VERDICT = re.compile(r"\s+as\s+(?:[\w\-'’\"“”]+\s*){1,6}$")  # what a dismissal calls it
_CONTESTED = r"(?:denied|rejected|dismissed|disputed|refuted|contradicted|debunked|contested)"
_CONTESTS = r"(?:denies|deny|denied|rejects|reject|rejected|disputes|dispute|disputed)"
_ADVERB = r"(?:(?:\w+ly|always|long)\s+)?"  # "has always denied", not "never"
# "a charge that Mrs. Clinton has faced in the past and has always denied": a first verb of
# the same subject, joined by "and".
_FIRST_VERB = r"(?:(?:has|have|had)\s+\w+ed(?:\s+[\w.]+){0,4}?\s+and\s+)?"
# "[But] the claim [that ...] was [flatly] denied by": the subject, then the by-agent.
_PASSIVE = re.compile(
    r"^(?:\W*(?:but|however|and|yet)\b,?\s+)?(?P<subject>[^,;:]{3,200}?)\s+"
    r"(?:is|are|was|were|has\s+been|have\s+been|had\s+been)\s+(?:\w+ly\s+)?"
    rf"{_CONTESTED}\s+by\s+", re.IGNORECASE)


@cache
def _appended() -> re.Pattern[str]:
    """", a claim denied by the chancellor", ", claims [which] Labour denies", " - a point that
    officials have disputed": a claim noun in apposition to the clause before it, and who
    contests it; or a bare ", which he has denied"
    after a claim ("allegations that he assaulted her, which he has denied")."""
    return re.compile(
        rf"(?:,|\s[-–—]{{1,2}})\s+(?:(?:a|an|the)\s+)?(?:\w+\s+)?(?:{alternation('claim_nouns')})"
        rf"\s+(?:{_ADVERB}{_CONTESTED}\s+by\s+(?P<agent>[^,;:.]{{2,80}})"
        rf"|(?:which\s+|that\s+)?(?P<subject>[^,;:]{{2,60}}?)\s+{_FIRST_VERB}"
        rf"(?:has\s+|have\s+|had\s+)?{_ADVERB}{_CONTESTS})\b"
        rf"|,\s+which\s+(?P<relative>[^,;:]{{2,60}}?)\s+(?:has\s+|have\s+|had\s+)?"
        rf"{_ADVERB}{_CONTESTS}\b", re.IGNORECASE)


# "raised new questions about whether X": X is what a claim noun after the comma sums up.
_QUESTIONED = re.compile(r"\bquestions?\s+(?:about|over|as\s+to)\s+whether\s+", re.IGNORECASE)
# "City experts say [that] ...": who states the clause an appended claim noun sums up.
_SAID = re.compile(r"\W*(?P<who>[^,;:]{2,60}?)\s+(?:say|says|said|claim|claims|claimed|allege|"
                   r"alleges|alleged|argue|argues|argued)\s+(?:that\s+)?", re.IGNORECASE)


@cache
def _claim_makers(stems: str) -> tuple[re.Pattern[str], re.Pattern[str]]:
    """A noun phrase ("a rape allegation made against X") and a clause ("X was accused of Y",
    "Police charged X with Y") that make a claim whose words begin with one of `stems`."""
    name = r"[A-Z][\w.'’\-]*"
    return (re.compile(rf"\b(?:a|an|the|his|her|their|its)\s+(?:[\w\-]+\s+){{0,3}}?(?:{stems})\w*\b"
                       rf"(?:\s+(?:(?:made|levelled|leveled|brought)\s+)?(?:against|of|about|that|"
                       rf"by)\s+[^,.;:]+)?", re.IGNORECASE),
            re.compile(rf"(?:^|(?<=[,;:]))\s*(?P<clause>[^,;:]{{0,80}}?\b(?:(?:was|were|is|are|"
                       rf"been|being)\s+(?:\w+ly\s+)?(?i:{stems})\w*|(?i:{stems})\w*\s+(?:him|her|"
                       rf"them|(?:{name}\s+){{0,3}}{name}))\s+(?:of|with)\s+[^,;:]+)"))


# "a report claiming [that] he warned ...": the participle that reports the claim.
_REPORTING = re.compile(r"\s*(?:claiming|saying|alleging|suggesting|asserting)\s+(?:that\s+)?",
                        re.IGNORECASE)
_POSSESSIVE_PRONOUNS = {"his": "he", "her": "she", "their": "they"}
_COLLECTIVE = frozenset({"both", "all"})  # "denied both allegations": named before
# What may stand between a claim noun and its that-clause: who made the claim, where.
_TO_THAT = re.compile(r"^\s*(?:,?\s*(?:by|from|of|made|in|on)\b.*)?$", re.DOTALL)


def find_disputes(
    text: str, sentences: Sequence[Span], positions: Sequence[Position], table: ActorTable,
    analysis: Analysis | None = None,
) -> list[Dispute]:
    """Disputes in article order, one per matter. `analysis` (tags, lemmas) sharpens the
    checks when given; without it the word-level rules still run."""
    starts = [s.start for s in sentences]
    finder = _DisputeFinder(text, sentences, starts, positions, table, analysis)
    found: list[Dispute] = []
    for index, sentence in enumerate(sentences):
        found.extend(finder.in_sentence(index, sentence))
    return unique_disputes(found)


class _DisputeFinder(VerdictRules, ContrastRules, EvidenceRules, PersonContestRules,
                     FalseClaimRules, RejectionRules, ThatlessRules):
    def in_sentence(self, index: int, sentence: Span) -> list[Dispute]:
        found = []
        for rule in (self._dispute_verb, self._falsity_verdict, self._disagreement,
                     self._doubting_contrast, self._false_report, self._correction,
                     self._missing_evidence, self._claimed_without_evidence,
                     self._lie_accusation, self._person_contest,
                     self._opposed_positions,
                     self._false_claim, self._unaccepted_claim, self._bare_disagreement,
                     self._doubt, self._pronoun_denial, self._thatless_clause,
                     self._passive_contest, self._appended_contest,
                     self._claim_called_false, self._not_as_claimed,
                     self._wrong_to_say, self._denial_noun):
            dispute = rule(index, sentence)
            if dispute is not None:
                found.append(dispute)
        return found

    # --- rules -------------------------------------------------------------------------------
    def _dispute_verb(self, index: int, sentence: Span) -> Dispute | None:
        """"X disputed a claim by Y that ..." / "X denies that ..."."""
        for match in self.patterns["verb"].finditer(sentence.text):
            cue = match.group("cue") or match.group("verb_that")
            cue_start = sentence.start + match.start()
            if cue_is_blocked(self.text[sentence.start:cue_start], cue):
                continue
            disputant = self._disputant(index, sentence, cue_start) or next(
                (self._holder_name(p) for p in self.positions if p.cue.start == cue_start),
                None)  # "X said that was not her view and dismissed those reports"
            if cue.lower() in load_words("fact_contest_verbs"):
                if (match.group("noun") or "").lower() not in load_words("fact_contest_objects"):
                    continue  # "undermines citizens' confidence": no claim called untrue
                disputant = self._fact_contest_disputant(cue_start, disputant)
            if disputant is None:
                continue
            rest_start = sentence.start + match.end()
            if match.group("noun"):
                found = self._noun_claim(index, sentence, match, disputant)
                if found is None:
                    continue
                claim, claimants, evidence = found
            else:
                claim = trim_claim(self.text[rest_start:sentence.end])
                claimants, evidence = [], (sentence,)
                if refers_back(claim) and len(claim.split()) <= 5:  # "denied that that was so"
                    claim, claimants, evidence = self._bare_claim(
                        index, sentence, rest_start, claim, disputant, claimants)
                if len(claim.split()) < 3:  # "Asked about the perception that X, he said:
                    claim = self._claim_named_earlier(sentence, cue_start)  # 'I reject that'"
                if len(claim.split()) < 3:  # "contesting that fine"
                    continue
            if cue.lower().startswith("dismiss"):
                claim = _AS_VERDICT.sub("", claim)  # "dismissed the claim ... as old news"
            sides = self._co_subjects(sentence, cue_start, disputant)
            claimants = [c for c in claimants if c not in sides]
            if not claimants and len(evidence) == 1:  # resolved from an earlier sentence: its
                claimants = self._claimants_by_overlap(claim, set(sides), sentence)  # own only
            return Dispute(claim, tuple(claimants), sides, evidence)
        return None

    def _co_subjects(self, sentence: Span, cue_start: int, disputant: str) -> tuple[str, ...]:
        """The disputant and the actors joined to it by "and" in the subject ("Dale and
        Martha disputed that ...": both dispute, neither claims)."""
        found = subject_phrase(self.text[sentence.start:cue_start])
        if found is None or " and " not in self.text[sentence.start + found[0]:
                                                     sentence.start + found[1]]:
            return (disputant,)
        named = [m.actor for m in self.table.mentions_in(sentence.start + found[0],
                                                          sentence.start + found[1])
                 if m.kind in {"person", "organization", "group"}]
        return tuple(dict.fromkeys(named)) if disputant in named else (disputant,)

    def _claim_named_earlier(self, sentence: Span, cue_start: int) -> str:
        """The clause a claim noun introduced earlier in the sentence, or ""."""
        found = list(claim_noun_clause().finditer(self.text, sentence.start, cue_start))
        if not found:
            return ""
        return trim_claim(self.text[found[-1].end():cue_start])

    def _fact_contest_disputant(self, cue_start: int, subject: str | None) -> str | None:
        """Who contests by "belying"/"undermining": a named actor as subject, else the speaker
        whose words these are, else the article ("the very existence of the program
        undermines the assumption that ...")."""
        if subject is not None and self.table.kind_of(subject) is not None:
            return subject
        holder = self._position_containing(cue_start)
        return (self._holder_name(holder) if holder else None) or ARTICLE

    def _passive_contest(self, index: int, sentence: Span) -> Dispute | None:
        """"That charge was denied by Mr Mandelson", "His claims were rejected by Jack Straw":
        the by-agent contests the claim the subject names."""
        match = _PASSIVE.search(sentence.text)
        if match is None or not self.patterns["claim_noun"].search(match.group("subject")):
            return None
        agent_start = sentence.start + match.end()
        agent = self.table.mentions_in(agent_start, sentence.end)
        if not agent or self.text[agent_start:agent[0].start].strip(" ,").count(" ") > 3:
            return None  # "by 64 percent of the electorate": no actor contests
        disputant = agent[0].actor
        start = sentence.start + match.start("subject")
        phrase = match.group("subject")
        that = re.search(r"\bthat\s+", phrase)
        if that:  # "The claim that X was denied by Y"
            claim, claimants, evidence = clean_claim(phrase[that.end():]), [], (sentence,)
        else:
            claim, claimants, evidence = self._bare_claim(index, sentence, start, phrase,
                                                          disputant, [])
        if len(claim.split()) < 3:
            return None
        if not claimants and len(evidence) == 1:
            claimants = self._claimants_by_overlap(claim, {disputant}, sentence)
        return Dispute(claim, tuple(claimants), (disputant,), evidence)

    def _appended_contest(self, index: int, sentence: Span) -> Dispute | None:
        """"City experts say there is a black hole, a claim denied by the chancellor": the
        clause before the comma is the claim (its speaker the claimant), or the claim noun
        phrase ending there ("prompted accusations of anti-Semitism, claims denied by ...")."""
        match = _appended().search(sentence.text)
        if match is None:
            return None
        end = sentence.start + match.start()
        group = next(g for g in ("agent", "subject", "relative") if match.group(g))
        disputant = self._name_of(index, end, sentence.start + match.start(group),
                                  sentence.start + match.end(group))
        if disputant is None:
            return None
        holder = self._position_containing(end - 1)
        said = _SAID.match(self.text, sentence.start, end)
        nouns = list(self.patterns["claim_noun"].finditer(self.text, sentence.start, end))
        if nouns and holder is not None and nouns[-1].start() > holder.cue.end:
            holder = None  # "what critics claim depicted X, prompted accusations of Y, claims"
        if holder is not None and sentence.start <= holder.cue.start < end:
            claimant = self._holder_name(holder)  # "Nora Lind says the port will close, ..."
            claim = clean_claim(self.text[claim_start(holder):end])
        elif said:  # "City experts say there is ...", which the parser read otherwise
            start = said.start("who")
            claimant = self._name_of(index, start, start, said.end("who"))
            claim = clean_claim(self.text[said.end():end])
        elif nouns:  # "prompted accusations of anti-Semitism, claims denied by Labour"
            phrase = self.text[nouns[-1].start():end]
            that = re.match(r"[\w\-]+\s+that\s+", phrase)  # "allegations that he ..."
            claimant, claim = None, clean_claim(phrase[that.end():] if that else phrase)
        elif whether := _QUESTIONED.search(self.text, sentence.start, end):
            claimant, claim = None, clean_claim(self.text[whether.end():end])  # "raised
        else:  # questions about whether X, a charge she has denied"
            return None
        if len(claim.split()) < MIN_CLAIM_WORDS or claimant == disputant:
            return None
        return Dispute(claim, (claimant,) if claimant else (), (disputant,), (sentence,))

    def _noun_claim(self, index: int, sentence: Span, match: re.Match[str], disputant: str
                    ) -> tuple[str, list[str], tuple[Span, ...]] | None:
        """What a claim noun after a dispute verb stands for: its that-clause, its complement
        ("reports of a row"), else the claim an earlier sentence reported ("denied the report")."""
        phrase_start = sentence.start + match.start() + len(match.group("cue"))
        phrase_start += len(self.text[phrase_start:]) - len(
            self.text[phrase_start:].lstrip("\"”’', \n"))  # 'refuted" any wrongdoing'
        noun_end = sentence.start + match.end()
        phrase = self.text[phrase_start:noun_end]
        claimants = [m.actor for m in self.table.mentions_in(phrase_start, noun_end)
                     if m.actor != disputant][-1:]
        by = self.patterns["by_phrase"].match(self.text, noun_end, sentence.end)
        of_accused = by is not None and by.group().strip().lower() == "of" and \
            is_accusation_noun(match.group("noun"))  # "involvement of the crew": accused
        if by and not of_accused:
            named = self.table.actor_in(Span("", by.end(), sentence.end)) or (
                None if by.group().strip().lower() == "of" else
                self._by_phrase_name(by.end(), sentence.end))  # "reports of a row": no one
            claimants = [named] if named and named != disputant else claimants
        that = self.patterns["that_clause"].search(self.text, noun_end, sentence.end)
        between = self.text[noun_end:that.start()] if that else ""
        if that and _TO_THAT.match(between) and not (
                self.patterns["claim_noun"].search(between)
                or re.search(r"\b[a-z]+ing\b", between)):  # "by pointing out that"
            return trim_claim(self.text[that.end():sentence.end]), claimants, (sentence,)
        after = self.text[noun_end:sentence.end]
        if match.group("noun").lower() in load_words("proposal_nouns") and (
                starts_with_of_like(after) or not opens_clause(after)):
            if phrase.split()[0].lower() in _POINTING and self._cued_referent(
                    index, phrase_start, match.group("noun"), disputant):
                return self._bare_claim(index, sentence, phrase_start, phrase, disputant,
                                        claimants)  # "X suggested ... . Y dismissed that
            return None  # suggestion"; but "rejected the idea of quotas": a plan, not a claim
        reporting = _REPORTING.match(after)
        if reporting or (self.analysis is not None and self._opens_clause(noun_end,
                                                                           sentence.end)):
            start = noun_end + (reporting.end() if reporting else 0)  # "the idea Mr X posed"
            return trim_claim(self.text[start:sentence.end]), claimants, (sentence,)
        if opens_clause(after) or by or self._verb_follows(noun_end, sentence.end) or \
                self._verb_after_modifiers(noun_end, sentence.end) or (
                phrase.split()[0].lower() not in _DEFINITE and takes_complement(after)):
            return trim_claim(self.text[phrase_start:sentence.end]), claimants, (sentence,)
        return self._bare_claim(index, sentence, phrase_start, phrase, disputant, claimants)

    def _by_phrase_name(self, start: int, end: int) -> str | None:
        """"the claim made by some campaign groups that ...": who, when no actor is named."""
        found = re.match(r"[^,;:\"“”]+?(?=\s+that\b|[,;:]|$)", self.text[start:end])
        phrase = found.group().strip() if found else ""
        return clean_name(phrase) if phrase and phrase_is_nameable(phrase) else None

    def _bare_claim(self, index: int, sentence: Span, start: int, phrase: str, disputant: str,
                    claimants: list[str]) -> tuple[str, list[str], tuple[Span, ...]]:
        """"denied the report": the claim an earlier position stated, else the phrase."""
        words = phrase.split()
        owned = [w for w in words[:-1] if w.endswith(("'s", "’s", "s'", "s’"))]
        owner = self._possessor(start, start + len(words[0])) if not owned else \
            self._possessor(start, start + phrase.index(owned[-1]) + len(owned[-1]))
        if owned and owner is None:  # "the government's position": its owner, or no one
            return clean_claim(phrase), claimants, (sentence,)
        if words[0].lower() in _POSSESSIVE_PRONOUNS:  # "His claims were denied by ..."
            owner = self._pronoun_referent(_POSSESSIVE_PRONOUNS[words[0].lower()], start, index,
                                           start)
        if owner is not None and owner != disputant:  # "denied Swift's claims"
            earlier = self._latest_position_of(owner, index, start, back=OWNER_BACK)
            if earlier is not None:
                return self._claim_before(earlier, owner, sentence)
        article, noun = words[0].lower(), re.sub(r"\W+$", "", words[-1])
        accusation = is_accusation_noun(noun)
        if article in _DEFINITE or (article == "any" and accusation):
            cued = self._cued_referent(index, start, noun, disputant)
            if cued is not None and len(cued.content.text.split()) >= MIN_CLAIM_WORDS:
                return self._claim_before(cued, self._claimant_of(cued, noun), sentence)
            named_before = self._antecedent(index, noun) if accusation else None
            if named_before is not None:  # "Assange was accused of rape ... He denies the
                claim, before = named_before  # accusation"
                return claim, claimants, (before, sentence)
            earlier = self._earlier_position(index, start, disputant, back=3)
            claimant = earlier and self._claimant_of(earlier, noun)
            if earlier is not None and claimant and claimant != disputant and \
                    len(earlier.content.text.split()) >= MIN_CLAIM_WORDS:
                return self._claim_before(earlier, claimant, sentence)
            clause = self._claim_clause_before(index) if article in _DEFINITE else None
            if clause is not None:  # "amid claims that X ... That charge was denied by Y"
                return clause[0], claimants, (clause[1], sentence)
        if article in _COLLECTIVE:
            named_before = self._antecedent(index, noun)
            if named_before is not None:  # "faced a second sex-related allegation ... denied
                claim, before = named_before  # both allegations"
                return claim, claimants, (before, sentence)
        return clean_claim(phrase), claimants, (sentence,)

    def _claim_before(self, earlier: Position, claimant: str | None, sentence: Span
                      ) -> tuple[str, list[str], tuple[Span, ...]]:
        """An earlier position's claim, its claimant ("Two lawsuits have accused": none) and
        the two sentences that show it."""
        return (self._claim_of(earlier), [claimant] if claimant else [],
                (self._sentence_of(earlier.content.start), sentence))

    def _claimant_of(self, earlier: Position, noun: str) -> str | None:
        """Who made the claim a reference points back to: the position's actor, else its
        source when that names someone ("published reports" made "those reports")."""
        named = clean_name(earlier.source.text)
        return earlier.actor or (named if named and (
            phrase_is_nameable(named) or noun.lower()[:5] in named.lower()) else None)

    def _antecedent(self, index: int, noun: str) -> tuple[str, Span] | None:
        """The latest phrase, in the three sentences before, that makes a claim of this noun's
        kind, with its sentence: a noun phrase ("a 2010 rape allegation against Julian
        Assange") or a clause with its verb ("Assange was accused of rape by a woman",
        "Police charged Tom Ellis with fraud")."""
        stems = cue_stems(noun)
        phrase, verbal = _claim_makers("|".join(sorted({re.escape(s) for s in stems[1:] or stems})))
        for back in range(1, 4):
            if index - back < 0:
                break
            text = self.sentences[index - back].text
            found = [(m.start(), m.group()) for m in phrase.finditer(text)] + \
                [(m.start("clause"), m.group("clause")) for m in verbal.finditer(text)]
            found = [(at, words) for at, words in found if len(words.split()) >= MIN_CLAIM_WORDS]
            if found:
                return clean_claim(max(found)[1]), self.sentences[index - back]
        return None

    def _disagreement(self, index: int, sentence: Span) -> Dispute | None:
        """"X did not agree with Y's assessment" / "no grounds to believe Z"."""
        for kind in ("disagree", "denial"):
            match = self.patterns[kind].search(sentence.text)
            if match is None:
                continue
            cue_start = sentence.start + match.start()
            holder = self._position_containing(cue_start)
            limit = min(holder.content.end, sentence.end) if holder else sentence.end
            claim_end = self._clause_end(sentence.start + match.end(), limit)
            claim = trim_claim(self.text[sentence.start + match.end():claim_end])
            if kind == "disagree":
                if not self.patterns["claim_noun"].search(" ".join(claim.split()[:6])):
                    continue  # "disagree with our foreign policy": a policy, not a claim
                disputant = self._disputant(index, sentence, cue_start)
                named = self.table.actor_in(Span("", sentence.start + match.end(), claim_end))
                claimants = [named] if named and named != disputant else []
            else:
                disputant = self._subject_before(sentence.start, cue_start)
                claimants = []
            if disputant is None or not claim:
                continue
            evidence: tuple[Span, ...] = (sentence,)
            if kind == "disagree" and len(claim.split()) <= 3:  # "pushed back on those claims"
                claim, claimants, evidence = self._bare_claim(
                    index, sentence, sentence.start + match.end(), claim, disputant, claimants)
            claimants = claimants or self._claimants_by_overlap(claim, {disputant}, sentence)
            return Dispute(claim, tuple(claimants), (disputant,), evidence)
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
        return Dispute(clean_claim(main.text), tuple(claimants), tuple(disputants), (sentence,))

    # --- helpers -------------------------------------------------------------------------------
