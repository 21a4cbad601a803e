"""Lookups shared by the dispute rules: who a subject phrase names, which position holds an
offset, which earlier claim a verdict or a bare "the report" points back to."""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Sequence

from bot.briefing.actors.continuity import continuing_speaker, speaker_before
from bot.briefing.actors.gazetteer import gazetteer, normalise
from bot.briefing.actors.people import pronoun_fits
from bot.briefing.actors.table import POSSESSIVE_ENDINGS, ActorTable, ends_on_associate_of
from bot.briefing.disputes.clauses import (
    clean_claim,
    clean_name,
    heads_a_group,
    is_pronoun,
    phrase_is_nameable,
    plausible_name,
    subject_phrase,
    trim_claim,
)
from bot.briefing.disputes.patterns import claim_noun_clause, cue_stems, dispute_patterns
from bot.briefing.language.analysis import FINITE_VERB_TAGS, Analysis
from bot.briefing.lexicon.wordlists import load_words
from bot.briefing.model import Dispute, Position, Span
from bot.briefing.text.keywords import content_words

_RELATIVE = re.compile(r",\s*(?:who|which)\s+(?:(?:has|have|had|was|were|is|are|also|again|"
                       r"earlier|\w+ly|(?:last|this|earlier|next)\s+(?:year|month|week)|"
                       r"on\s+\w+day)\s+)*$", re.IGNORECASE)  # ", who last year denied"
NOUN_PHRASE_TAGS = frozenset({"DT", "JJ", "NN", "NNS", "NNP", "NNPS", "POS", "CD", "PRP$"})
ARTICLE = "the article"  # the disputant when the article itself corrects a claim
OWNER_BACK = 6  # sentences back to the claim of the one a possessive names ("Swift's claims")
_JOINED_VERB = re.compile(r"\s\band\s+(?:\w+ly\s+|also\s+|then\s+)?$")
_LONGEST_MODIFIERS = 14  # tokens of prepositional phrases after a noun
_MODIFIER_TAGS = NOUN_PHRASE_TAGS | {"IN", "JJR", "JJS", "HYPH"}  # prepositional phrases
# Words the tagger marks as prepositions that open a clause, not a phrase of the noun.
_SUBORDINATORS = frozenset({"that", "because", "as", "while", "although", "though", "after",
                            "before", "since", "if", "until", "despite"})
MIN_CLAIM_WORDS = 3  # a shorter claim names no matter ("contesting that fine")
_LEAST_SHARED_WORDS = 3  # for a claimant found by the claim's words alone
_MOST_CLAIMANTS = 2  # found by shared words alone
_LONGEST_CONTENT = 5000  # characters; a quote running longer is not looked into
_APPOSITIVE_NAME = re.compile(r"\s*,\s*[^,;:]{3,60},\s*(?:\w+ly\s+)?")
# A parenthesis between a subject and its verb, in dashes or brackets.
_ASIDE = re.compile(r"(?:\s+[-–—]\s+[^-–—]{2,120}?\s+[-–—]|\s*\([^()]{2,120}\))\s*"
                    r"(?:(?:has|have|had|is|are|was|were|also|\w+ly)\s+)*$", re.IGNORECASE)
_PART_OF_WHOM = re.compile(r"(?:many|some|most|all|several|both|one|two|three)\s+of\s+whom",
                           re.IGNORECASE)
# The noun phrase a ", many of whom" hangs on, after the preposition or verb that takes it.
_WHOLE_BEFORE = re.compile(r"\b(?:with|to|by|for|from|among|on|at|of|are|were|is|was)\s+"
                           r"(?P<whole>(?:the\s+)?[^,;:]{3,80}?)\s*,\s*$", re.IGNORECASE)


def claim_start(position: Position) -> int:
    """Where a position's claim starts: at a stance verb whose object it is ("supports the
    new stadium", "accused Trump University of using deceptive practices"), which is the
    position itself, or at the content of words said."""
    if position.cue.end <= position.content.start and \
            position.cue.text.lower() in load_words("stance_verbs"):
        return position.cue.start
    return position.content.start


# "Chancellor Gordon Brown's closest ally", "the Conservatives' campaign director": a role
# held for an owner named before it.
_OWNED_ROLE = re.compile(r"^.+?['’]s?\s+(?P<role>(?:[\w\-]+\s+){0,2}[\w\-]+)$")
# "A close associate of former Yukos boss ...", "The head of the stock exchange".
_ROLE_OF = re.compile(r"^(?:a|an|the)\s+(?:[\w\-]+\s+){0,2}?(?P<role>[\w\-]+)\s+of\s+",
                      re.IGNORECASE)


def _names_a_role(name: str) -> bool:
    """"the attorney general" (a title after "the"), or an owner's title or associate
    ("Gordon Brown's closest ally", "the Conservatives' campaign director")."""
    owned = _OWNED_ROLE.match(name) or _ROLE_OF.match(name)
    if owned is None:
        role = re.sub(r"^the\s+", "", name, flags=re.IGNORECASE)
        return role != name and tuple(normalise(role).split()) in gazetteer().titles
    head = normalise(owned.group("role")).split()[-1]
    return (head,) in gazetteer().titles or head in load_words("associate_nouns")


class DisputeLookup:
    """Article-wide state the rules consult: positions by offset, actors, sentences."""

    def __init__(self, text: str, sentences: Sequence[Span], starts: list[int],
                 positions: Sequence[Position], table: ActorTable,
                 analysis: Analysis | None = None) -> None:
        self.text, self.sentences, self.starts = text, sentences, starts
        self.analysis = analysis
        self.positions = sorted(positions, key=lambda p: p.content.start)
        self.content_starts = [p.content.start for p in self.positions]
        self.table = table
        self.patterns = dispute_patterns()

    def _disputant(self, index: int, sentence: Span, cue_start: int) -> str | None:
        """The subject of the cue: the actor heading the noun phrase before it, a resolved
        pronoun, or the plain phrase itself ("Lawyers for the pair"); None when unsure."""
        prefix = self.text[sentence.start:cue_start]
        aside = _ASIDE.search(prefix)  # "Mr Khodorkovsky - who has been in jail a year - "
        prefix = prefix[:aside.start()] if aside else prefix
        antecedent = self._relative_antecedent(sentence, prefix)
        if antecedent is not None:
            return self._name_of(index, cue_start, *antecedent)
        found = subject_phrase(prefix)
        if found is None:
            return self._coordinated_subject(index, sentence, prefix)
        start, end = sentence.start + found[0], sentence.start + found[1]
        phrase = self.text[start:end]
        named = self._appositive_person(start, end, cue_start)
        if named is not None:
            return named
        if heads_a_group(phrase):  # "Lawyers for Mr Fawcett and Mr McDonald"
            return " ".join(phrase.split())
        conjuncts = [m.span() for m in re.finditer(r"\S(?:(?!\s+and\s).)*", phrase)]
        whole = [m for m in self.table.mentions_in(start, end) if m.start == start + (
            len(phrase) - len(phrase.lstrip())) and m.end >= start + len(phrase.rstrip())]
        if len(conjuncts) > 1 and whole:
            return whole[0].actor  # "Procter and Gamble": one name with "and" inside
        last = phrase[conjuncts[-1][0]:conjuncts[-1][1]] if len(conjuncts) > 1 else ""
        if len([w for w in last.split() if w != "and"]) == 1 and not self.table.mentions_in(
                start + conjuncts[-1][0], end) and all(
                w[:1].isupper() for w in phrase.split() if w != "and"):
            return clean_name(phrase)  # "Ironhorse Oil and Gas": "Gas" alone names no one
        if len(conjuncts) > 1:  # "Clinton and the DNC", else "Trump and his attorneys"
            for first, last in (conjuncts[-1], conjuncts[0]):
                name = self._name_of(index, cue_start, start + first, start + last)
                if name is not None:
                    return name
            return None
        return self._name_of(index, cue_start, start, end)

    def _coordinated_subject(self, index: int, sentence: Span, prefix: str) -> str | None:
        """"Mr Khodorkovsky pleaded not guilty to the charges and denied involvement": a verb
        joined by "and" to the sentence's first verb shares its subject."""
        if self.analysis is None or not _JOINED_VERB.search(prefix):
            return None
        first = next((t for t in self.analysis.tokens_in(sentence.start, sentence.start + len(
            prefix)) if self.analysis.tags[t] in FINITE_VERB_TAGS), None)
        if first is None:
            return None
        verb_start = self.analysis.starts[first]
        if "," in self.text[verb_start:sentence.start + len(prefix)]:
            return None  # "..., and he said": a clause of its own, with its own subject
        found = subject_phrase(self.text[sentence.start:verb_start])
        if found is None:
            return None
        return self._name_of(index, verb_start, sentence.start + found[0],
                             sentence.start + found[1])

    def _appositive_person(self, start: int, end: int, cue_start: int) -> str | None:
        """"Mr. Trump's campaign chairman, Paul Manafort, dismissed": the name in the
        appositive, when the subject is a role that names no one but an owner (not "Patricia
        Holm, mother of the soldier Ivan Holm, rejected")."""
        if not _APPOSITIVE_NAME.fullmatch(self.text, end, cue_start) or any(
                m.kind == "person" and self.text[m.end:m.end + 2] not in POSSESSIVE_ENDINGS
                for m in self.table.mentions_in(start, end)):
            return None
        persons = [m for m in self.table.mentions_in(end, cue_start) if m.kind == "person"]
        return persons[0].actor if len(persons) == 1 else None

    def _relative_antecedent(self, sentence: Span, prefix: str) -> tuple[int, int] | None:
        """"members of the Saudi government, which has denied": the noun phrase right
        before ", which" or ", who" (by the tagger's nouns), not the whole clause before it."""
        match = _RELATIVE.search(prefix)
        if match is None or self.analysis is None:
            return None
        comma = sentence.start + match.start()
        tokens = self.analysis.tokens_in(sentence.start, comma)
        first = None
        for token in reversed(tokens):
            if self.analysis.tags[token] not in NOUN_PHRASE_TAGS:
                break
            first = token
        if first is None:
            return None
        return self.analysis.starts[first], comma

    def _name_of(self, index: int, cue_start: int, start: int, end: int) -> str | None:
        """The actor a subject phrase names, or the phrase itself when it is a plain name."""
        phrase = re.sub(r"['’](?:s|re|ve|d|ll)$", "", self.text[start:end])  # "He's"
        if is_pronoun(phrase):
            if phrase.lower() in {"i", "we"}:
                holder = self._position_containing(cue_start)
                return holder.actor if holder else None
            name = self._pronoun_referent(phrase, start, index, cue_start)
            if name is None and phrase.lower() == "they":  # "Aides said ..., and they rejected"
                plural = self.table.plural_subject_for(start, index)
                name = clean_name(plural.text) if plural is not None else None
            return name if name and plausible_name(name) else None
        mentions = self.table.mentions_in(start, end)
        if mentions and ends_on_associate_of(self.text[start:mentions[-1].start]):
            mentions = []  # "A close associate of Mr Ellis": not Mr Ellis
        if mentions and not self.text[mentions[-1].end:end].strip():
            return mentions[-1].actor  # "The next day Ida Holm": the name the phrase ends on
        name = clean_name(phrase)  # "The Kremlin on Friday" -> "Kremlin"
        if name is None:
            return None
        named = self._role_holder(name) or self._named_next(name, index, start, end)
        if named is not None:
            return named
        for mention in reversed(mentions):
            if name.endswith(" ".join(self.text[mention.start:mention.end].split())):
                return mention.actor  # "Arsenal's Patrick Vieira" -> Patrick Vieira
        return name if phrase_is_nameable(name) else None

    def _role_holder(self, name: str) -> str | None:
        """"the first minister", "the bank": the one actor with that title or head word."""
        role = re.sub(r"^the\s+", "", name, flags=re.IGNORECASE)
        if role == name or not role.islower():
            return None
        return self.table.holder_of_title(role) or self.table.body_headed_by(role)

    def _named_next(self, name: str, index: int, start: int, end: int) -> str | None:
        """"The attorney general has denied ... . Lord Goldsmith said ...", "Chancellor Gordon
        Brown's closest ally has denied ... . Ed Balls ... said": a title, or an owner's title
        or associate, that opens a sentence naming no other person is held by the person who
        opens the next one."""
        sentence = self.sentences[index]
        if not _names_a_role(name) or index + 1 >= len(self.sentences) or len(
                self.text[sentence.start:start].split()) > 2 or any(
                m.kind == "person" and not start <= m.start < end
                and self.text[m.end:m.end + 2] not in POSSESSIVE_ENDINGS
                for m in self.table.mentions_in(sentence.start, sentence.end)):
            return None
        following = self.sentences[index + 1]
        opening = self.table.mentions_in(following.start, following.end)[:1]
        if not opening or opening[0].kind != "person" or len(
                self.text[following.start:opening[0].start].split()) > 1 or any(
                m.actor == opening[0].actor for m in self.table.mentions_in(start, end)):
            return None  # "Gordon Brown's ally denied ... . Mr Brown said": not the ally
        return opening[0].actor

    def _pronoun_referent(self, pronoun: str, offset: int, index: int, cue_start: int
                          ) -> str | None:
        """A pronoun after persons in its own sentence means the sentence's subject, when a
        person opens it ("Netanyahu said ... although he tweeted"); else the table's guess."""
        sentence = self.sentences[index]
        persons = [m for m in self.table.mentions_in(sentence.start, offset)
                   if m.kind == "person" and pronoun_fits(pronoun, m.actor)]
        if not persons:
            spoken = self._source_of_cue(cue_start)
            if spoken or speaker_before(self.text, Span(pronoun, offset, offset + len(pronoun)),
                                        sentence.start, self.sentences[max(index - 1, 0)].start,
                                        self.positions):
                return spoken  # "said a spokesman. But he denied": no one named before
            return (self.table.resolve_pronoun(pronoun, offset, index)
                    or self._recent_speaker(pronoun, offset, index))
        opening = len(self.text[sentence.start:persons[0].start].split()) <= 2
        alone = len({m.actor for m in persons}) == 1 and pronoun.lower() in {"he", "she"}
        return persons[0].actor if opening or alone else None

    def _recent_speaker(self, pronoun: str, offset: int, index: int) -> str | None:
        """"... ," he said. He again rejected ...": the person who spoke in the two sentences
        before, when the table found no name there to resolve "he" or "she" to."""
        return continuing_speaker(pronoun, offset, self.sentences[index].start,
                                  self.sentences[max(index - 2, 0)].start, self.positions,
                                  self.table)

    def _subject_before(self, floor: int, cue_start: int) -> str | None:
        """Who states a denial: the source of the position around it, else the nearest actor."""
        holder = self._position_containing(cue_start)
        if holder is not None and holder.actor:
            inner = self.table.actor_in(Span("", holder.content.start, cue_start))
            return inner or holder.actor
        mentions = self.table.mentions_in(floor, cue_start)
        return mentions[-1].actor if mentions else None

    def _source_of_cue(self, cue_start: int) -> str | None:
        """The holder of a position whose cue is this very verb ("he denied")."""
        for position in self.positions:
            if position.cue.text and position.cue.start == cue_start:  # a cue word
                return position.actor
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
        return self._earlier_position(index, holder.content.start,
                                      holder.actor or holder.source.text, back=3)

    def _earlier_position(self, index: int, before: int, other_than: str, back: int = 2
                          ) -> Position | None:
        """The latest position ending before `before`, within `back` sentences, by another
        actor and not itself a dispute or a verdict."""
        floor = self.sentences[max(index - back, 0)].start
        first = bisect_right(self.content_starts, floor - 1)
        last = bisect_right(self.content_starts, before)
        for position in reversed(self.positions[first:last]):
            if position.content.end > before:
                continue
            if (position.actor or position.source.text) == other_than or \
                    len(position.content.text.split()) < 3:
                continue  # the disputant's own words, or no claim ("He said, she said")
            if position.cue.text.lower() in load_words("dispute_verbs"):
                return None  # "X denied C. Europe disputes the claim": the denial, not C
            content = position.content.text
            if not (self.patterns["falsity"].search(content)
                    or self.patterns["verb"].search(content)
                    or self.patterns["disagree"].search(content)):
                return position
        return None

    def _possessor(self, start: int, end: int) -> str | None:
        """The actor a possessive phrase names ("Swift's" in "Swift's claims")."""
        if not re.search(r"['’]s?$", self.text[start:end]):
            return None
        mentions = self.table.mentions_in(start, end)
        return mentions[-1].actor if mentions else None

    def _latest_position_of(self, actor: str, index: int, before: int, back: int = 3
                            ) -> Position | None:
        """The actor's latest position of three words or more ending before `before`, within
        `back` sentences."""
        floor = self.sentences[max(index - back, 0)].start
        for position in reversed(self.positions):
            if floor <= position.content.start and position.content.end <= before \
                    and position.actor == actor and len(position.content.text.split()) >= 3:
                return position
        return None

    def _cued_referent(self, index: int, before: int, noun: str, disputant: str
                       ) -> Position | None:
        """The latest position, three sentences back at most and not the disputant's, whose
        cue or source is the noun's own word ("alleging" for "the allegations", "published
        reports" for "those reports")."""
        stems = cue_stems(noun)
        floor = self.sentences[max(index - 3, 0)].start
        first = bisect_right(self.content_starts, floor - 1)
        last = bisect_right(self.content_starts, before)
        earlier = [p for p in self.positions[first:last] if p.content.end <= before
                   and (p.actor or p.source.text) != disputant]
        for position in reversed(earlier):
            words = position.cue.text.lower().split() + position.source.text.lower().split()
            if any(w.startswith(stems) for w in words):
                return position
        return None

    def _referent(self, index: int, before: int, noun: str, disputant: str
                  ) -> Position | None:
        """The earlier claim a reference ("the allegations", "those reports") stands for: the
        position cued by the noun's own word, else the latest by someone other than the
        disputant, three sentences back at most."""
        return self._cued_referent(index, before, noun, disputant) or \
            self._earlier_position(index, before, disputant, back=3)

    def _claim_clause_before(self, index: int) -> tuple[str, Span] | None:
        """The clause a claim noun introduced in the two sentences before, with its sentence:
        "amid claims that Mr Campbell is part of a dirty tricks campaign"."""
        for back in (1, 2):
            if index - back < 0:
                break
            earlier = self.sentences[index - back]
            match = claim_noun_clause().search(earlier.text)
            if match is not None:
                claim = trim_claim(earlier.text[match.end():])
                if len(claim.split()) >= MIN_CLAIM_WORDS:
                    return claim, earlier
        return None

    def _claim_of(self, position: Position) -> str:
        """The claim an earlier position states, as a reader should see it."""
        return clean_claim(self.text[claim_start(position):position.content.end])

    def _holder_name(self, position: Position) -> str | None:
        """Who holds a position, as a reader should see it: the resolved actor when the
        source names it or is a pronoun, else the source phrase ("The Trump campaign")."""
        source = " ".join(position.source.text.split())
        if position.actor and (is_pronoun(source) or any(
                w in source for w in position.actor.split())):
            return position.actor
        if _PART_OF_WHOM.fullmatch(source):  # "family members of victims, many of whom say"
            sentence = self._sentence_of(position.source.start)
            before = _WHOLE_BEFORE.search(self.text, sentence.start, position.source.start)
            return clean_name(before.group("whole")) if before else None
        index = max(bisect_right(self.starts, position.source.start) - 1, 0)
        if phrase_is_nameable(source):
            name = clean_name(source)
            return (self._role_holder(name) or self._named_next(
                name, index, position.source.start, position.source.end) or name) \
                if name else None
        if not position.actor and source.lower() == "they":
            subject = self.table.plural_subject_for(position.source.start, index)
            if subject is not None:  # "Voting rights advocates ... They cite ..."
                return " ".join(subject.text.split())
        if not position.actor:  # "A close associate of former Yukos boss Mikhail Khodorkovsky"
            return self._named_next(source, index, position.source.start, position.source.end)
        return position.actor

    def _verb_follows(self, offset: int, limit: int) -> bool:
        """The next word is a verb: a noun phrase opens a that-less clause ("those
        characterizations did Romney in"). Needs the tagger; without it, no."""
        if self.analysis is None:
            return False
        tokens = self.analysis.tokens_in(offset, limit)
        return bool(tokens) and self.analysis.tags[tokens[0]][:2] in {"VB", "MD"}

    def _verb_after_modifiers(self, offset: int, limit: int) -> bool:
        """Prepositional phrases, then a finite verb: the noun before them heads a that-less
        clause ("denied his statement to Parliament about the war was drafted by aides")."""
        if self.analysis is None:
            return False
        tokens = list(self.analysis.tokens_in(offset, limit))[:_LONGEST_MODIFIERS]
        if not tokens or self.analysis.tags[tokens[0]] != "IN" or self.text[
                self.analysis.starts[tokens[0]]:self.analysis.ends[tokens[0]]].lower() in \
                _SUBORDINATORS:
            return False
        for token in tokens[1:]:
            tag = self.analysis.tags[token]
            if tag in FINITE_VERB_TAGS:  # not "-ed", a participle as often ("a statement shared")
                return not self.text[self.analysis.starts[token]:
                                     self.analysis.ends[token]].endswith("ed")
            if tag not in _MODIFIER_TAGS:
                return False
        return False

    def _claimants_by_overlap(self, claim: str, exclude: set[str], sentence: Span
                              ) -> list[str]:
        """Actors whose stated positions elsewhere share three of the claim's key words (both
        of a two-word claim): the two that share the most. Two shared words named the wrong
        claimant more often than the right one ("Pentagon" for Russia's claim about a base)."""
        claim_words = content_words(claim, min_length=4)
        least = max(2, min(_LEAST_SHARED_WORDS, len(claim_words)))  # all of a two-word claim
        shared: dict[str, int] = {}
        for position in self.positions:
            actor = position.actor
            if not actor or actor in exclude:
                continue
            if position.content.start < sentence.end and sentence.start < position.content.end:
                continue  # reports this very sentence
            count = len(claim_words & content_words(position.content.text, min_length=4))
            if count >= least:
                shared[actor] = max(shared.get(actor, 0), count)
        ranked = sorted(shared, key=lambda actor: -shared[actor])  # stable: article order
        return ranked[:_MOST_CLAIMANTS]

    def _sentence_dispute(self, claim: str, disputant: str, sentence: Span) -> Dispute | None:
        """A dispute one sentence shows, its claimants found by shared words; None when the
        claim is too short to name a matter."""
        if len(claim.split()) < MIN_CLAIM_WORDS:
            return None
        claimants = self._claimants_by_overlap(claim, {disputant}, sentence)
        return Dispute(claim, tuple(claimants), (disputant,), (sentence,))

    def _clause_end(self, start: int, limit: int) -> int:
        match = self.patterns["clause_end"].search(self.text, start, limit)
        return match.start() if match else limit

    def _sentence_of(self, offset: int) -> Span:
        return self.sentences[max(bisect_right(self.starts, offset) - 1, 0)]
