"""Article -> Brief: the one pipeline every caller uses."""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from bot.briefing.actors.continuity import (
    SPEAKER_BACK,
    continuing_speaker,
    names_its_actor,
    speaker_before,
)
from bot.briefing.actors.table import PERSON_PRONOUNS, PLURAL_PRONOUNS, ActorTable, find_actors
from bot.briefing.attribution.attributions import Attribution
from bot.briefing.attribution.grammar import credible_attributions, mode_of
from bot.briefing.disputes.finder import find_disputes
from bot.briefing.language.analysis import Analysis, analyse
from bot.briefing.model import Article, Brief, Position, Span
from bot.briefing.summary.headline import without_headline
from bot.briefing.summary.summarize import summarize
from bot.briefing.text.quotes import inside_quotes
from bot.briefing.text.sentences import split_sentences

_OPENING_PRONOUN = PERSON_PRONOUNS | PLURAL_PRONOUNS
# A sentence that opens with a quotation and closes it right before its speaker: '"...," he'.
_AFTER_QUOTE = re.compile(r"\W*[\"“].+[\"”]\s*,?\s*", re.DOTALL)
_RECENT_POSITIONS = 60  # more than six sentences hold; keeps a page of 2,000 quotes linear


@dataclass(frozen=True, slots=True)
class Reading:
    """What the engine reads off an article's text before it briefs it."""

    sentences: list[Span]
    analysis: Analysis
    table: ActorTable
    positions: list[Position]


def read_article(text: str) -> Reading:
    """Sentences, the language layer's evidence, actors and their positions."""
    spans = split_sentences(text)
    analysis = analyse(text, spans)
    attributions = credible_attributions(text, spans, analysis)
    table = find_actors(text, spans, analysis, [a.source for a in attributions])
    positions = resolve_positions(text, attributions, table, [s.start for s in spans],
                                  analysis)
    return Reading(spans, analysis, table, positions)


def build_brief(article: Article, sentences: int = 3, method: str = "auto") -> Brief:
    """Brief one article. Pure and deterministic: the same article gives the same brief."""
    reading = read_article(article.text)
    spans, analysis, table, positions = (reading.sentences, reading.analysis, reading.table,
                                         reading.positions)
    quoted = Counter(p.actor for p in positions if p.actor)
    actors = table.ranked(quoted, article.title)

    def referent_of(index: int) -> str | None:
        first_word = spans[index].text.split(maxsplit=1)[0].strip("\"'“‘").lower()
        if first_word not in _OPENING_PRONOUN:
            return None
        name = table.resolve_pronoun(first_word, spans[index].start, index)
        return _short_name(name) if table.kind_of(name or "") == "person" else name

    # A page's headline often opens its text too; it is shown as the title already.
    candidates = without_headline(spans, article.title)
    picked = [(candidates[i][1], referent) for i, referent in summarize(
        [span for _, span in candidates], sentences, method,
        lambda i: referent_of(candidates[i][0]), title=article.title)]
    disputes = find_disputes(article.text, spans, positions, table, analysis)
    return Brief(
        article=article,
        summary=tuple(span for span, _ in picked),
        actors=actors,
        # Stated positions first, then beliefs and intentions; each in text order.
        positions=tuple(sorted(positions, key=lambda p: p.mode != "speech")),
        disputes=tuple(disputes),
        summary_referents=tuple(referent for _, referent in picked),
    )


def resolve_positions(
    text: str, attributions: Sequence[Attribution], table: ActorTable,
    sentence_starts: Sequence[int],
    analysis: Analysis | None = None,
) -> list[Position]:
    """Attach the canonical actor to each attribution's source mention, and its mode."""
    positions: list[Position] = []
    previous: list[Position] = []
    for attribution in attributions:
        sentence = max(bisect_right(sentence_starts, attribution.source.start) - 1, 0)
        before = speaker_before(text, attribution.source, sentence_starts[sentence],
                                sentence_starts[max(sentence - 1, 0)],
                                previous[-_RECENT_POSITIONS:])
        after_quote = before is None and _AFTER_QUOTE.fullmatch(
            text, sentence_starts[sentence], attribution.source.start) is not None
        continuing = continuing_speaker(  # '"...," said X. "...," he said': X, not a name
            attribution.source.text.strip(), attribution.source.start,  # inside X's quote
            sentence_starts[sentence], sentence_starts[max(sentence - 1, 0)],
            [p for p in previous[-_RECENT_POSITIONS:] if names_its_actor(p)],
            table) if after_quote else None
        actor = before.actor if before else continuing or _actor_of_source(
            text, attribution.source, table, sentence_starts, previous)
        if actor is None and before is None:
            actor = continuing_speaker(
                attribution.source.text.strip(), attribution.source.start,
                sentence_starts[sentence], sentence_starts[max(sentence - SPEAKER_BACK, 0)],
                previous[-_RECENT_POSITIONS:], table,
                inside_quotes(text, sentence_starts[sentence], attribution.source.start))
        if not attribution.cue.text and table.kind_of(actor or "") != "person":
            continue  # a lone quotation is given only to a person the article introduced
        mode = mode_of(attribution, analysis) if analysis is not None else "speech"
        source = attribution.source
        if actor is None and before is not None:  # "He added", after "a spokesman said"
            source = before.source
        elif actor is None and source.text.strip().lower() == "they":  # those people
            source = table.plural_subject_for(source.start, sentence) or source
        position = Position(actor, source, attribution.cue, attribution.content,
                            attribution.direct, mode)
        positions.append(position)
        previous.append(position)
    return positions


def _actor_of_source(
    text: str, source: Span, table: ActorTable, sentence_starts: Sequence[int],
    previous: list[Position],
) -> str | None:
    words = source.text.split()
    if not words:
        return None
    sentence = max(bisect_right(sentence_starts, source.start) - 1, 0)
    if len(words) == 1 and words[0].lower() in _OPENING_PRONOUN:
        return table.resolve_pronoun(words[0], source.start, sentence)
    if len(words) == 1 and words[0].lower() == "it":
        return _body_subject(text, source.start, table, sentence_starts, sentence)
    if len(words) == 1 and words[0].lower() == "who":
        return _relative_antecedent(text, source, table, sentence_starts[sentence])
    named = table.speaker_in(source)
    if named is not None or words[0].lower() != "the" or len(words) > 3 or any(
            w[:1].isupper() for w in words[1:]):
        return named  # "the Trump campaign" is no earlier "Clinton campaign"
    role = " ".join(words[1:]).rstrip(",")
    known = table.holder_of_title(role) or table.body_headed_by(role)
    if known is not None:
        return known  # "the prime minister", "the bank": the one actor the article names so
    # "the official" points back to an earlier source with the same head noun.
    head = words[-1].lower().rstrip(",")
    for earlier in reversed(previous):
        if earlier.source.text.lower().split()[-1:] == [head] and earlier.actor:
            return earlier.actor
    return None


# What may open a sentence before its subject: "The", "But", "In a statement, Qantas";
# not "Critics of Yukos", whose subject is the critics.
_SUBJECT_LEAD = re.compile(r"\W*(?:(?:the|but|and|however,?|[^,.;:]{1,40},)\s+)*",
                           re.IGNORECASE)
# Between a name and its relative "who": a comma, after a bracket or an appositive
# ("Claire McCaskill (D-Mo.), who", "Harlan Crow, a Texas real estate developer, who").
_BEFORE_WHO = re.compile(r"\s*(?:\([^()]{0,40}\))?\s*,(?:[^,;:()]{1,80},)?\s*")
_LIST = re.compile(r"\band\s+[A-Z]")
_LIST_END = re.compile(r"\band\s+$")
_OF_LIKE = re.compile(r"\b(?:of|to|for|at|with)\s+(?:the\s+)?$", re.IGNORECASE)


def _relative_antecedent(text: str, source: Span, table: ActorTable, floor: int
                         ) -> str | None:
    """The name a non-restrictive "who" hangs on; None for "a president who"."""
    for mention in table.mentions_in(floor, source.start)[-3:]:  # the appositive's head
        if _BEFORE_WHO.fullmatch(text, mention.end, source.start) is not None:
            # "an adviser to Trump, who": the name only completes the person meant;
            # "Rank Group and Stanley Leisure, who": a list, no one actor
            listed = _LIST.search(text[mention.end:source.start]) or _LIST_END.search(
                text, floor, mention.start)
            return None if listed or _OF_LIKE.search(text, floor, mention.start) \
                else mention.actor
    return None


def _body_subject(text: str, offset: int, table: ActorTable, sentence_starts: Sequence[int],
                  sentence: int) -> str | None:
    """"EMI said it ...", "EMI fell. It said ...": the organisation that is the subject of
    this sentence, or of the one before when "it" opens this one. The subject is the first
    mention, opening its sentence (`_SUBJECT_LEAD`), and a body."""
    index = sentence if text[sentence_starts[sentence]:offset].strip() else sentence - 1
    if index < 0:
        return None
    start = sentence_starts[index]
    end = offset if index == sentence else sentence_starts[sentence]
    mentions = table.mentions_in(start, end)
    if not mentions or mentions[0].kind != "organization" or \
            not _SUBJECT_LEAD.fullmatch(text, start, mentions[0].start):
        return None
    return mentions[0].actor


def _short_name(name: str | None) -> str | None:
    return name.split()[-1] if name and " " in name else name
