"""Which stored articles a question's answer may come from, and how far to trust each.

Full-text search over the whole workspace (FTS5 or tsvector) finds the articles; their
rank becomes a weight, and the thread's own article weighs most, so that a question asked
under a brief is answered from that article unless another one fits far better.
"""

from __future__ import annotations

from bot.briefing.model import Brief
from bot.store.protocols import ArticleReader
from bot.store.records import StoredArticle
from handlers.retrieval import query_terms

SEARCH_ARTICLES = 10
HOME_WEIGHT = 2.0  # the thread's article
RANK_DECAY = 0.1  # the n-th article found weighs 1 / (1 + n * RANK_DECAY)


def question_candidates(store: ArticleReader, workspace: str, question: str,
                        home: StoredArticle | None = None) -> list[tuple[Brief, float]]:
    """(brief, weight) pairs, the thread's article first; [] when nothing matches."""
    terms = query_terms(question)
    found = store.search_articles(workspace, " ".join(terms), None, SEARCH_ARTICLES,
                                  match_any=True) if terms else []
    candidates: list[tuple[Brief, float]] = []
    if home is not None:
        candidates.append((store.get_brief(home.id), HOME_WEIGHT))
    others = [article for article in found if home is None or article.id != home.id]
    briefs = store.get_briefs([article.id for article in others])
    for rank, article in enumerate(others):
        candidates.append((briefs[article.id], 1 / (1 + rank * RANK_DECAY)))
    return candidates
