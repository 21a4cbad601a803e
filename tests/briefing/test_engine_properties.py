"""Property-based fuzzing of the engine with hypothesis.

Four properties hold for any text: no exception; every span's text is the slice of
`article.text` it names; spans start and end on word boundaries; the time stays bounded.
`make test` runs a few examples; `make fuzz` sets FUZZ_EXAMPLES to run many more.
"""

from __future__ import annotations

import os
import time

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from bot.briefing.engine import build_brief
from bot.briefing.model import Article, Brief, Span

EXAMPLES = int(os.environ.get("FUZZ_EXAMPLES", "40"))
RANDOM_SEEDS_OFF = "FUZZ_EXAMPLES" not in os.environ  # make test is reproducible
TIME_BOUND_SECONDS = 20.0  # generous: a quadratic blow-up, not a slow machine, trips it

PIECES = [
    "said", "told", "denied", "disputed a claim by", "that", "The minister", "officials",
    "agreed", "would work", "the plan", "President", "Mr.", "U.S.", "Dr", "Jan.", "e.g.",
    "Anna Berg", "the White House", "Ukrainian", "NATO", "Kyiv", "he", "she", "they",
    "according to", "This is not true", "though", "reported", "citing", "'", "''", "\"",
    "“", "”", "‘", "’", "«", "»", "„", ",", ".", ":", ";", "?", "!", "—", "(", ")", "\n",
    "\n\n", "\t", "   ", "\x1d", "\x0b", "\u2028", "\u200b", "\u202e", "🙂", "東京", "ß",
    "$1,409", "3.5%", "…", "A", "l",
]

SENTENCES = [
    "The minister said the plan would work and officials agreed. ",
    "\"We will not give up,\" Anna Berg told reporters on Monday. ",
    "The Kremlin denied that troops were massing, though NATO disputed that claim. ",
    "According to the U.S. embassy, talks will resume in Kyiv. ",
]

junk = st.one_of(
    st.lists(st.sampled_from(PIECES), max_size=60).map(" ".join),
    st.lists(st.sampled_from(PIECES), max_size=60).map("".join),
    st.text(max_size=200),
    st.text(alphabet=st.sampled_from(" \n\t.'\"“”Aal:,—\x1d"), max_size=60),
)
texts = st.builds(
    lambda head, sentences, tail, repeat: head + "".join(sentences) * repeat + tail,
    junk, st.lists(st.sampled_from(SENTENCES), max_size=4), junk,
    st.integers(min_value=1, max_value=5),
)


def all_spans(brief: Brief) -> list[Span]:
    spans = list(brief.summary)
    for position in brief.positions:
        spans += [position.source, position.cue, position.content]
    for dispute in brief.disputes:
        spans += list(dispute.evidence)
    return spans


def on_word_boundary(text: str, offset: int) -> bool:
    """No word is cut at `offset`: the characters on both sides are not both word characters."""
    if offset <= 0 or offset >= len(text):
        return True
    return not (text[offset - 1].isalnum() and text[offset].isalnum())


@settings(max_examples=EXAMPLES, deadline=None, derandomize=RANDOM_SEEDS_OFF, database=None,
          suppress_health_check=[HealthCheck.too_slow])
@given(title=st.text(max_size=60), text=texts)
@example(title="", text="''\x1d\nl\nA " + SENTENCES[0] * 5)  # issue 17.1
@example(title="", text="'' \n" + SENTENCES[0])  # issue 17.2
def test_engine_holds_for_any_text(title: str, text: str) -> None:
    started = time.monotonic()
    brief = build_brief(Article(title=title, text=text))
    assert time.monotonic() - started < TIME_BOUND_SECONDS
    for span in all_spans(brief):
        assert 0 <= span.start <= span.end <= len(text), span
        assert text[span.start:span.end] == span.text, span
        assert on_word_boundary(text, span.start), (span, text)
        assert on_word_boundary(text, span.end), (span, text)
