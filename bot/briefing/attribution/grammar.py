"""Grammar checks on a found attribution, with the language layer's tags as evidence.

The cue patterns find "X said ...", "X denied ...", "X: ..." by words alone. A reader knows
more: "They were twice denied visas" is a passive with no speaker, "questioned the student"
reports an act rather than a statement, and "Image: Nick Moreau" is a credit. What a source
states, reports or holds is a clause: a quotation, a that- or wh-clause, a clause with a
finite verb, or an infinitive ("plans to hold the contest").
"""

from __future__ import annotations

from collections.abc import Sequence

from bot.briefing.attribution.attributions import Attribution, find_attributions
from bot.briefing.attribution.outside import outside_speaker_quotes
from bot.briefing.attribution.speakers import (
    ADVERB_TAGS,
    PUNCTUATION_TAGS,
    is_speaker_phrase,
    participle_subject,
    subject_as_source,
)
from bot.briefing.language.analysis import FINITE_VERB_TAGS, Analysis
from bot.briefing.lexicon.wordlists import load_words
from bot.briefing.model import Span
from bot.briefing.text.cover import Cover

_CLAUSE_OPENERS = frozenset({"that", "if", "whether", "how", "why", "what", "when", "where",
                             "who", "which"})
_BE = frozenset({"is", "are", "was", "were", "be", "been", "being", "'s", "’s", "'re", "’re"})
_QUOTE_TAGS = frozenset({"``", "''"})
# Words that open a noun phrase before its nouns: "a", "controversial", "their", "Trump's".
_NOUN_PHRASE_OPENERS = frozenset({"DT", "PDT", "JJ", "JJR", "JJS", "PRP$", "POS", "CD", "IN"})
_REFUSALS = ("declin", "refus")
_EMBEDDING_TAGS = frozenset({"WDT"})
_NEGATIONS = frozenset({"not", "n't", "n’t", "never", "cannot"})
_QUESTION_OPENERS = frozenset({"WRB", "WP", "WDT", "MD"})  # how, who, which, would


def mode_of(attribution: Attribution, analysis: Analysis) -> str:
    """"belief" for what a source believes or intends (believes, fears, wants, plans), else
    "speech": what it said, wrote or did in words. Chat shows stated positions first."""
    lemma = _cue_lemma(attribution, analysis)
    word = attribution.cue.text.lower()
    if word in load_words("belief_verbs") or lemma in load_words("intention_verbs"):
        return "belief"
    return "speech"


def credible_attributions(text: str, sentences: Sequence[Span], analysis: Analysis
                          ) -> list[Attribution]:
    """The attributions of `text` that pass the grammar checks: what becomes positions.

    A claim that someone denies is not the position of the one it is about: in "she denied
    she planned to retire", "she planned" is the disputed claim, not her stated plan."""
    found = [subject_as_source(a, analysis, text) for a in find_attributions(text, sentences)]
    questions = Cover((s.start, s.end) for s in sentences if _is_question(text, s, analysis))
    kept = [participle_subject(a, analysis, text) for a in found
            if is_credible(a, analysis, text)
            and (a.direct or not questions.covers(a.cue.start, a.cue.end))]
    denied = Cover((a.content.start, a.content.end) for a in kept
                   if a.cue.text.lower() in load_words("dispute_verbs"))
    kept = [a for a in kept if not denied.covers(a.cue.start, a.cue.end)]
    kept += outside_speaker_quotes(text, sentences, analysis, found, kept)
    return sorted(kept, key=lambda a: (a.content.start, a.cue.start))


def is_credible(attribution: Attribution, analysis: Analysis, text: str) -> bool:
    """The attribution has a speaker's voice: an active cue and a clause (or a quotation)."""
    if _passive_cue(attribution, analysis, text) or _negated_cue(attribution, analysis, text):
        return False
    if _declined_to_speak(attribution) or not is_speaker_phrase(attribution, analysis, text):
        return False
    if attribution.direct and attribution.cue.text != ":":
        return True  # a quotation follows: a verb, even when tagged a noun ("The ad claims")
    if _noun_cue(attribution, analysis) and not _after_that(attribution, text):
        return False
    if _opens_with_preposition(attribution, analysis, text):
        return False
    if not _needs_clause(attribution.cue.text, _cue_lemma(attribution, analysis)):
        return True  # a stance toward a thing: "endorsed Clinton", "mentioned Trump"
    if _states_a_clause(attribution, analysis, text):
        return True
    # "Trump: 'Populist anger'": a headline-style quote is fine from a named speaker, but
    # "Image: Nick Moreau" credits a name.
    return attribution.cue.text == ":" and _named_speaker(attribution, analysis) \
        and not analysis.is_only_names(attribution.content.start, attribution.content.end)


def _cue_lemma(attribution: Attribution, analysis: Analysis) -> str:
    tokens = analysis.tokens_in(attribution.cue.start, attribution.cue.end)
    return analysis.lemmas[tokens[0]].lower() if tokens else ""


def _named_speaker(attribution: Attribution, analysis: Analysis) -> bool:
    entity = analysis.entity_over(attribution.source.start, attribution.source.end)
    return entity is not None and entity.kind in {"person", "organization"}


def _needs_clause(cue: str, lemma: str) -> bool:
    """A colon, or a verb that with a bare object means an act ("denied visas", "claimed
    asylum", "posted to Twitter"), reports a statement only with a clause after it. The
    cue's own base form counts when the model's lemma misses it ("tweeted")."""
    if cue == ":":
        return True
    senses = load_words("object_senses")
    words = cue.lower().split()
    return lemma in senses or (bool(words) and any(b in senses for b in _base_forms(words[0])))


def _base_forms(word: str) -> tuple[str, ...]:
    """Candidate base forms of an inflected verb: "tweeted" -> tweet, "conceding" -> concede."""
    forms = [word]
    for suffix, replacement in (("ied", "y"), ("ies", "y"), ("ed", ""), ("ed", "e"),
                                ("ing", ""), ("ing", "e"), ("es", ""), ("s", "")):
        if word.endswith(suffix) and len(word) > len(suffix) + 2:
            forms.append(word[:-len(suffix)] + replacement)
    return tuple(forms)


def _states_a_clause(attribution: Attribution, analysis: Analysis, text: str) -> bool:
    tokens = analysis.tokens_in(attribution.content.start, attribution.content.end)
    if not tokens:
        return False
    words = [i for i in tokens if analysis.tags[i] not in _QUOTE_TAGS]
    if not words or any(analysis.tags[i] in _QUOTE_TAGS for i in tokens):
        return bool(words)  # it quotes the speaker's words: 'told Brandt to "stop ..."'
    first = text[analysis.starts[words[0]]:analysis.ends[words[0]]].lower()
    if first in _CLAUSE_OPENERS:
        return True
    if first == "to" and len(words) > 1 and analysis.tags[words[1]] == "VB":
        return True
    return any(analysis.tags[i] in FINITE_VERB_TAGS for i in _main_clause(words, analysis))


def _main_clause(words: list[int], analysis: Analysis) -> list[int]:
    """The words before a relative clause starts: "a penalty [which the referee awarded]",
    "the man [who spoke]" have no verb of their own."""
    for position, index in enumerate(words):
        tag = analysis.tags[index]
        relative_who = tag in {"WP", "WP$"} and position > 0 \
            and analysis.tags[words[position - 1]].startswith("NN")  # "the man who ..."
        if tag in _EMBEDDING_TAGS or relative_who:
            return words[:position]
    return words


def _opens_with_preposition(attribution: Attribution, analysis: Analysis, text: str) -> bool:
    """What follows the cue is an adjunct with no clause, not what was said: "confirming
    with the referee", "blamed them for the delay". A clause after a fronted phrase is kept
    ("said in the first half it felt good"), and so is "according to" and its clause."""
    tokens = analysis.tokens_in(attribution.content.start, attribution.content.end)
    if not tokens or analysis.tags[tokens[0]] != "IN" \
            or attribution.cue.text.lower() in load_words("source_phrases"):
        return False
    first = text[analysis.starts[tokens[0]]:analysis.ends[tokens[0]]].lower()
    return first not in _CLAUSE_OPENERS and not any(analysis.tags[i] in FINITE_VERB_TAGS
                                                    for i in tokens)


def _declined_to_speak(attribution: Attribution) -> bool:
    """"declined to say whether ...", "refused to comment": a refusal states nothing."""
    words = attribution.content.text.lower().split()[:2]
    return attribution.cue.text.lower().startswith(_REFUSALS) and len(words) == 2 \
        and words[0] == "to" and (words[1] in load_words("speech_verbs")
                                  or words[1] in {"answer", "elaborate", "specify"})


def _after_that(attribution: Attribution, text: str) -> bool:
    """"that" opens what follows the cue: "The report claims that ...", a verb's clause."""
    return "that" in text[attribution.cue.end:attribution.content.start].lower().split()


def _noun_cue(attribution: Attribution, analysis: Analysis) -> bool:
    """A cue word used as a noun, inside a noun phrase: "a controversial TV show", "the
    news reports", "the one-sentence comment", or the subject of the verb after it
    ("Privacy advocates are concerned"). Tagged a noun after a bare name it is otherwise
    still read as a verb ("Bozell adds"), since the tagger often misses present-tense verbs
    there."""
    cue = analysis.tokens_in(attribution.cue.start, attribution.cue.end)
    if not cue or analysis.tags[cue[0]] not in {"NN", "NNS"} \
            or attribution.cue.text.lower() in load_words("source_phrases"):
        return False
    after, before = cue[-1] + 1, cue[0] - 1
    if after < len(analysis.tags) and analysis.tags[after] in FINITE_VERB_TAGS and \
            before >= 0 and analysis.tags[before] in {"NN", "NNP", "JJ"} and not any(
            analysis.tags[i] in {"WDT", "WP"} for i in range(max(before - 3, 0), before)):
        return True  # the subject of the next verb: "Privacy advocates are concerned", not
        # "which President Chavez argues are needed", "voters fear"
    index = before
    while index >= 0 and analysis.tags[index] in {"NN", "NNS", "NNP", "NNPS", "HYPH"}:
        index -= 1
    return index >= 0 and analysis.tags[index] in _NOUN_PHRASE_OPENERS


def _passive_cue(attribution: Attribution, analysis: Analysis, text: str) -> bool:
    """A participle cue after a form of "be": "were denied visas", "was told to leave"."""
    cue = analysis.tokens_in(attribution.cue.start, attribution.cue.end)
    if not cue or analysis.tags[cue[0]] != "VBN":
        return False
    index = cue[0] - 1
    while index >= 0 and analysis.tags[index] in ADVERB_TAGS:
        index -= 1
    if index < 0:
        return False
    return text[analysis.starts[index]:analysis.ends[index]].lower() in _BE


def _is_question(text: str, sentence: Span, analysis: Analysis) -> bool:
    """The sentence asks rather than states: it ends with "?" and opens with an auxiliary or
    a wh-word ("Do you want ...?", "How can you tell ...?"). A reported question is kept:
    "The moderator asked a simple question: who will win?"."""
    if not text[sentence.start:sentence.end].rstrip(" \t\n\"'”’)").endswith("?"):
        return False
    tokens = [i for i in analysis.tokens_in(sentence.start, sentence.end)
              if analysis.tags[i] not in PUNCTUATION_TAGS]
    if not tokens:
        return False
    first = text[analysis.starts[tokens[0]]:analysis.ends[tokens[0]]].lower()
    return analysis.tags[tokens[0]] in _QUESTION_OPENERS or first in load_words("auxiliaries")



def _negated_cue(attribution: Attribution, analysis: Analysis, text: str) -> bool:
    """A cue under negation states nothing: "I don't know", "cannot comment", "did not say"."""
    cue = analysis.tokens_in(attribution.cue.start, attribution.cue.end)
    if not cue:
        return False
    index = cue[0] - 1
    while index >= 0:
        word = text[analysis.starts[index]:analysis.ends[index]].lower()
        if word in _NEGATIONS:
            return True
        if analysis.tags[index] not in ADVERB_TAGS and analysis.tags[index] != "MD" \
                and word not in load_words("auxiliaries"):
            return False
        index -= 1
    return False


