"""Who speaks: whether a written source is a speaker's noun phrase, and the subject behind a
manner phrase. The patterns take the words before a cue as its source; the model's tags say
whether those words name someone ("Rathbun", "a senior official", "Ivana Trump's brief")
or are a fragment ("Once", "The President has drawn both", "you")."""

from __future__ import annotations

from dataclasses import replace

from bot.briefing.attribution.attributions import Attribution
from bot.briefing.language.analysis import Analysis
from bot.briefing.lexicon.wordlists import load_words
from bot.briefing.model import Span
from bot.briefing.text.keywords import ENGLISH_STOP_WORDS

# What a speaker's noun phrase ends with: a noun, a name, a pronoun, a number ("the 27").
_NOMINAL = frozenset({"NN", "NNS", "NNP", "NNPS", "PRP", "CD", "WP"})
# What links a participle cue to the clause whose subject speaks: "began by saying", "went
# on to say", "defended the record whilst promising".
_MANNER_LINKS = frozenset({"by", "in", "to", "while", "whilst", "after", "before", "when",
                           "without", "despite", "upon"})
_SUBJECT_TAGS = frozenset({"NNP", "NNPS", "PRP"})  # "Mr. Trump", "he"
_BEFORE_SUBJECT = frozenset({",", ":", "CC", "RB", "``", "''"})  # "Later on Sunday, Carson"
_SECOND_PERSON = frozenset({"you", "your", "yourself", "yourselves"})
_CONTRACTIONS = frozenset({"'s", "'re", "'ve", "'d", "'ll", "'m"})
PUNCTUATION_TAGS = frozenset({",", ".", ":", "``", "''", "-LRB-", "-RRB-", "HYPH", "NFP"})
ADVERB_TAGS = frozenset({"RB", "RBR", "RBS"})  # "were twice denied", "has twice complained"


def subject_as_source(attribution: Attribution, analysis: Analysis, text: str) -> Attribution:
    """"The businessman began by saying ...", "Trump wavered in answering ...", "The fact
    check goes on to ridicule ...": the patterns take the whole lead as the source; the
    speaker is its subject, the noun phrase before its first verb."""
    tokens = _source_tokens(attribution, analysis)
    last = text[analysis.starts[tokens[-1]]:analysis.ends[tokens[-1]]].lower() if tokens else ""
    if len(tokens) < 3 or last not in _MANNER_LINKS:
        return attribution
    verb = next((k for k, i in enumerate(tokens) if analysis.tags[i].startswith(("VB", "MD"))),
                None)
    if not verb or not _is_nominal(tokens[verb - 1], analysis, text):
        return attribution
    start, end = analysis.starts[tokens[0]], analysis.ends[tokens[verb - 1]]
    return replace(attribution, source=Span(text[start:end], start, end))


def participle_subject(attribution: Attribution, analysis: Analysis, text: str
                       ) -> Attribution:
    """"In Beaumont, Tex., Mr. Trump was just as blunt, claiming ...": a participle's
    source that holds a clause, set off by a comma, speaks through the last clause's subject:
    the names right before its verb."""
    words = _source_tokens(attribution, analysis)
    cue = analysis.tokens_in(attribution.cue.start, attribution.cue.end)
    if not cue or analysis.tags[cue[0]] != "VBG" or len(words) < 3 or \
            text[attribution.source.end:attribution.cue.start].strip() != ",":
        return attribution  # without a comma it is the noun's: "a group backing Bush"
    tokens = list(analysis.tokens_in(attribution.source.start, attribution.source.end))
    verb = next((k for k in range(len(tokens) - 1, -1, -1)
                 if analysis.tags[tokens[k]] in {"VBD", "VBZ", "VBP"}), None)  # the last clause
    if not verb:
        return attribution
    first = verb
    while first > 0 and (analysis.tags[tokens[first - 1]] in _SUBJECT_TAGS or (
            analysis.tags[tokens[first - 1]] == "CC" and first > 1
            and analysis.tags[tokens[first - 2]] in _SUBJECT_TAGS)):  # "Mr A and Mr B"
        first -= 1
    if first == verb or analysis.tags[tokens[verb - 1]] not in _SUBJECT_TAGS or (
            first > 0 and analysis.tags[tokens[first - 1]] not in _BEFORE_SUBJECT):
        return attribution  # "listings in New York have", "whose LP was": no subject
    start, end = analysis.starts[tokens[first]], analysis.ends[tokens[verb - 1]]
    return replace(attribution, source=Span(text[start:end], start, end))


def is_speaker_phrase(attribution: Attribution, analysis: Analysis, text: str) -> bool:
    """A written source is a noun phrase that is not the reader ("you"): it ends with a noun,
    a name or a pronoun, not with "the", "in" or "both" ("Once", "By", "The President has
    drawn both" are fragments the patterns took for speakers)."""
    tokens = _source_tokens(attribution, analysis)
    if not tokens:
        return True  # no written source: a lone quotation, "according to" without a name
    words = {text[analysis.starts[i]:analysis.ends[i]].lower() for i in tokens}
    if words & _SECOND_PERSON:
        return False
    while len(tokens) > 1 and _auxiliary_or_adverb(tokens[-1], analysis, text):
        tokens.pop()  # "The American Legion has twice (complained)", "He's (praising)"
    last = text[analysis.starts[tokens[-1]]:analysis.ends[tokens[-1]]].lower()
    if last in _MANNER_LINKS:
        return False  # "the government's record whilst (promising)": not who speaks
    if len(tokens) > 1 and analysis.tags[tokens[-2]] == "POS":
        return True  # what follows a possessive is its head noun: "Ivana Trump's brief"
    return _is_nominal(tokens[-1], analysis, text)


def _source_tokens(attribution: Attribution, analysis: Analysis) -> list[int]:
    """The source's tokens without punctuation."""
    return [i for i in analysis.tokens_in(attribution.source.start, attribution.source.end)
            if analysis.tags[i] not in PUNCTUATION_TAGS]


def _auxiliary_or_adverb(index: int, analysis: Analysis, text: str) -> bool:
    """An auxiliary, a contraction of one, or an adverb: "has", "'s", "twice"."""
    word = text[analysis.starts[index]:analysis.ends[index]].lower().replace("’", "'")
    return analysis.tags[index] in ADVERB_TAGS or word in load_words("auxiliaries") \
        or word in _CONTRACTIONS


def _is_nominal(index: int, analysis: Analysis, text: str) -> bool:
    """The token can end a noun phrase: a noun, a name, a pronoun or a number. The tagger
    misreads names ("Rathbun" as a verb, "Trump" as a determiner) and some nouns ("a senior
    official" as an adjective): a capitalised word that is not a function word ("Once",
    "By", "The"), or a known source noun, counts too."""
    if analysis.tags[index] in _NOMINAL:
        return True
    word = text[analysis.starts[index]:analysis.ends[index]]
    if word.lower() in ENGLISH_STOP_WORDS:
        return False
    return word[0].isupper() or word.lower() in load_words("source_nouns")
