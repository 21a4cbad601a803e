"""Sentence rankings from sumy's summarizers, run on documents built from our own spans.

sumy's summarizers return only their top sentences, in document order. We want the whole
ranking, so that the selection rules in `summary.py` can skip a sentence and take the
next-best one. sumy lets `sentences_count` be a callable that receives every sentence with
its rating, best first; `RankingRecorder` is such a callable, so every algorithm is used
exactly as sumy ships it.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Sequence
from functools import lru_cache
from typing import Any

from sumy.models.dom import ObjectDocumentModel, Paragraph, Sentence
from sumy.nlp.stemmers import Stemmer
from sumy.summarizers.edmundson import EdmundsonSummarizer
from sumy.summarizers.kl import KLSummarizer
from sumy.summarizers.lex_rank import LexRankSummarizer
from sumy.summarizers.lsa import LsaSummarizer
from sumy.summarizers.luhn import LuhnSummarizer
from sumy.summarizers.reduction import ReductionSummarizer
from sumy.summarizers.sum_basic import SumBasicSummarizer
from sumy.summarizers.text_rank import TextRankSummarizer
from sumy.utils import get_stop_words

from bot.briefing.model import Span
from bot.briefing.text.sentences import SumyTokenizer

STOP_WORDS: frozenset[str] = frozenset(get_stop_words("english"))
# Hedges that Edmundson's cue method counts against a sentence.
_STIGMA_WORDS = ("hardly", "impossible", "perhaps", "maybe", "reportedly", "allegedly")
_TOKENIZER = SumyTokenizer()

# nltk's Snowball stemmer needs no downloaded data; caching it makes stemming nearly free.
stem: Callable[[str], str] = lru_cache(maxsize=65536)(Stemmer("english"))
# sumy's setters stem a word list on every assignment; these are stemmed once, at import,
# exactly as `EdmundsonSummarizer.stem_word` would (lower-case, then stem).
_NULL_STEMS: frozenset[str] = frozenset(stem(w.lower()) for w in STOP_WORDS)
_STIGMA_STEMS: frozenset[str] = frozenset(stem(w.lower()) for w in _STIGMA_WORDS)


class RankingRecorder:
    """Passed to sumy as `sentences_count`: keeps every rated sentence, best first."""

    def __init__(self) -> None:
        self.order: list[int] = []
        self.ratings: list[float] = []

    def __call__(self, infos: list) -> list:
        self.order = [info.order for info in infos]
        self.ratings = [0.0] * len(infos)
        for info in infos:
            self.ratings[info.order] = float(info.rating)
        return infos


def build_document(sentences: Sequence[Span]) -> ObjectDocumentModel:
    """A sumy document made from our spans, tokenised by our tokenizer, with no NLTK data."""
    return ObjectDocumentModel([Paragraph([Sentence(s.text, _TOKENIZER) for s in sentences])])


def _with_stop_words(summarizer: Any) -> Any:
    """Every sumy summarizer that filters stop words takes them the same way."""
    summarizer.stop_words = STOP_WORDS
    return summarizer


def _edmundson(document: ObjectDocumentModel) -> EdmundsonSummarizer:
    """Edmundson needs word lists: the document's frequent content words are its bonus words."""
    summarizer = EdmundsonSummarizer(stem, cue_weight=1.0, key_weight=1.0,
                                     title_weight=0.0, location_weight=1.0)
    counts = Counter(stem(w.lower()) for w in document.words if w.lower() not in STOP_WORDS)
    summarizer.bonus_words = [w for w, _ in counts.most_common(10)] or ["news"]
    summarizer._stigma_words = _STIGMA_STEMS  # the setters would re-stem both lists
    summarizer._null_words = _NULL_STEMS
    return summarizer


_FACTORIES: dict[str, Callable[[ObjectDocumentModel], object]] = {
    "lexrank": lambda _: _with_stop_words(LexRankSummarizer(stem)),
    "textrank": lambda _: _with_stop_words(TextRankSummarizer(stem)),
    "lsa": lambda _: _with_stop_words(LsaSummarizer(stem)),
    "luhn": lambda _: _with_stop_words(LuhnSummarizer(stem)),
    "sumbasic": lambda _: _with_stop_words(SumBasicSummarizer(stem)),
    "kl": lambda _: _with_stop_words(KLSummarizer(stem)),
    "reduction": lambda _: _with_stop_words(ReductionSummarizer(stem)),
    "edmundson": _edmundson,
}
SUMY_METHODS: tuple[str, ...] = tuple(_FACTORIES)


def run_sumy(document: ObjectDocumentModel, method: str) -> RankingRecorder:
    """Run sumy's `method` on `document`, keeping its full ranking and every rating."""
    recorder = RankingRecorder()
    if document.sentences:
        _FACTORIES[method](document)(document, recorder)  # type: ignore[operator]
    return recorder


def sumy_ranking(sentences: Sequence[Span], method: str) -> list[int]:
    """Indices of `sentences`, best first, as sumy's `method` rates them."""
    if not sentences:
        return []
    return run_sumy(build_document(sentences), method).order


def sumy_top(sentences: Sequence[Span], method: str, count: int) -> list[int]:
    """sumy's own answer, unfiltered: the plain baseline the benchmark compares against."""
    return sorted(sumy_ranking(sentences, method)[:count])
