"""Sentence subjects that no name fills, read from the model's tags."""

from __future__ import annotations

from collections.abc import Sequence

from bot.briefing.language.analysis import PROPER_NOUN_TAGS, Analysis
from bot.briefing.model import Span

_PLURAL_NOUN = "NNS"


def unnamed_plural_subjects(sentences: Sequence[Span], analysis: Analysis
                            ) -> dict[int, tuple[int, int]]:
    """Sentence index -> (start, end) of its subject, the words before the first verb, where
    it ends in a plural common noun and holds no name: "Voting rights advocates have ..."."""
    found = {}
    for index, sentence in enumerate(sentences):
        tokens = analysis.tokens_in(sentence.start, sentence.end)
        subject: list[int] = []
        for i in tokens:
            if analysis.tags[i].startswith(("VB", "MD")) and subject:
                break
            subject.append(i)
        else:
            continue  # no verb after a subject: a heading or a caption
        nouns = [i for i in subject if analysis.tags[i].startswith("NN")]
        if nouns and analysis.tags[nouns[-1]] == _PLURAL_NOUN and not any(
                analysis.tags[i] in PROPER_NOUN_TAGS for i in subject):
            found[index] = (analysis.starts[subject[0]], analysis.ends[nouns[-1]])
    return found
