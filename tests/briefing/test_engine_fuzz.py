"""Garbled and odd text never breaks the engine, and every offset still slices the text."""

import random

import pytest

from bot.briefing.engine import build_brief
from bot.briefing.model import Article

PIECES = [
    "said", "told", "denied", "disputed a claim by", "that", "\"", "“", "”", "'", ",", ".",
    ":", ";", "—", "(", ")", "\n", "\n\n", "President", "Mr.", "U.S.", "Dr", "Jan.", "No.",
    "Anna Berg", "the White House", "Ukrainian", "officials in Chile, Peru and Ecuador",
    "he", "she", "they", "This is not true", "no grounds to believe", "though", "less convinced",
    "🙂", "東京", "ß", "\u202e", "\u200b", "\t", "   ", "$1,409", "3.5%", "e.g.", "…", "\"\"",
    "according to", "sources close to the talks", "reported", "citing", "NATO", "Kyiv",
]


def garbled_text(rng: random.Random) -> str:
    return " ".join(rng.choice(PIECES) for _ in range(rng.randint(0, 400)))


@pytest.mark.parametrize("seed", range(60))
def test_random_text_is_briefed_with_valid_offsets(seed):
    rng = random.Random(seed)
    article = Article(title=garbled_text(rng)[:80], text=garbled_text(rng))
    record = build_brief(article).to_dict()
    text = record["article"]["text"]
    for item in record["summary"]:
        assert text[item["start"]:item["end"]] == item["text"]
    for position in record["positions"]:
        for part in ("source", "cue", "content"):
            span = position[part]
            assert text[span["start"]:span["end"]] == span["text"]
    for dispute in record["disputes"]:
        assert dispute["disputants"]
        for evidence in dispute["evidence"]:
            assert 0 <= evidence["start"] <= evidence["end"] <= len(text)


@pytest.mark.parametrize("text", ["", " ", "\n\n\n", ".", "\"", "“", "Hi.", "A" * 100_000,
                                  "word " * 20_000, "\"" * 5_000, "(" * 3_000 + ")" * 3_000])
def test_degenerate_texts(text):
    brief = build_brief(Article(title="t", text=text))
    assert len(brief.summary) <= 3
