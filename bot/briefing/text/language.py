"""How long a text is and whether it is English: the engine's rules and word lists are.

Word counts treat each Chinese or Japanese character as a word, since those scripts put no
spaces between words. English is told apart by its function words (the, of, and, to...),
which make up a third or more of any English prose and almost none of other languages'.
"""

from __future__ import annotations

import re

from bot.briefing.text.keywords import STOP_WORDS
from bot.briefing.text.sentences import words

# Han ideographs (with extensions and compatibility forms), hiragana and katakana.
_UNSPACED = re.compile(
    r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0002fa1f]")
_SAMPLE_WORDS = 2000
MIN_WORDS_TO_JUDGE = 20
MIN_ENGLISH_SHARE = 0.15  # news in English: 0.22 and up (BBC set); German, French, Spanish: 0.1


def count_words(text: str) -> int:
    """Words in `text`, counting each Chinese or Japanese character as one."""
    unspaced = len(_UNSPACED.findall(text))
    return unspaced + len(words(_UNSPACED.sub(" ", text)))


def is_english(text: str) -> bool:
    """False when `text` is clearly in another language or script; True when unsure."""
    letters = [char for char in text[:20_000] if char.isalpha()]
    if letters and sum(1 for char in letters if char.isascii()) < len(letters) / 2:
        return False  # mostly another script: Chinese, Cyrillic, Arabic, Greek...
    tokens = [token.lower() for token in words(text[:50_000])[:_SAMPLE_WORDS]]
    if len(tokens) < MIN_WORDS_TO_JUDGE:
        return True
    share = sum(1 for token in tokens if token in STOP_WORDS) / len(tokens)
    return share >= MIN_ENGLISH_SHARE
