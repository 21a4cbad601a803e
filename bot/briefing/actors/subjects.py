"""Sentence subjects that no name fills, read from the model's tags."""

from __future__ import annotations

from collections.abc import Sequence

from bot.briefing.actors.gazetteer import gazetteer, normalise
from bot.briefing.language.analysis import PROPER_NOUN_TAGS, Analysis
from bot.briefing.lexicon.wordlists import load_words
from bot.briefing.model import Span

_PLURAL_NOUN = "NNS"


def unnamed_plural_subjects(sentences: Sequence[Span], analysis: Analysis
                            ) -> dict[int, Span]:
    """Sentence index -> (start, end) of its subject where that is people named by a plural
    common noun, not a named group: "Voting rights advocates have ...", "On Monday,
    Scientology officials went ...". The subject is the words before the first verb, after
    any comma (a fronted phrase), and its last noun is plural and not a name."""
    found = {}
    for index, sentence in enumerate(sentences):
        subject: list[int] = []
        for i in analysis.tokens_in(sentence.start, sentence.end):
            if analysis.tags[i].startswith(("VB", "MD")) and subject:
                break
            subject = [] if analysis.tags[i] == "," else [*subject, i]
        else:
            continue  # no verb after a subject: a heading or a caption
        nouns = [i for i in subject if analysis.tags[i].startswith("NN")]
        plural = nouns and analysis.tags[nouns[-1]] == _PLURAL_NOUN \
            and analysis.tags[subject[0]] not in PROPER_NOUN_TAGS | {"IN"}
        if plural or (len(nouns) == len(subject) == 1
                      and _plural_source(sentence, subject[0], analysis)):
            start, end = analysis.starts[subject[0]], analysis.ends[nouns[-1]]
            found[index] = Span(sentence.text[start - sentence.start:end - sentence.start],
                                start, end)
    return found


def _plural_source(sentence: Span, token: int, analysis: Analysis) -> bool:
    """A lone opening word the tagger read as a name that is a plural source noun: "Aides
    said ...", "Officials say ..."."""
    start, end = analysis.starts[token], analysis.ends[token]
    word = sentence.text[start - sentence.start:end - sentence.start]
    return word.endswith("s") and word.lower() in load_words("source_nouns") \
        and normalise(word) not in gazetteer().names  # "Democrats" is a named group
