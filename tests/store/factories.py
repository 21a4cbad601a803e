"""Small builders for articles and briefs, so tests state only what they are about."""

from __future__ import annotations

from datetime import UTC, datetime

from bot.briefing.model import Actor, Article, Brief, Position
from bot.store import Store, StoredArticle

FILLER = (
    "The committee met on Tuesday. Officials described the session as routine. "
    "Several members asked for more time to review the figures before a vote. "
)


def make_article(
    title: str = "Port strike ends after two weeks",
    text: str | None = None,
    url: str = "https://news.example/port-strike",
    published: str | None = "2024-05-01",
    source: str | None = "Example News",
) -> Article:
    body = text if text is not None else f"{title}. {FILLER}"
    return Article(title=title, text=body, url=url, published=published, source=source)


def make_brief(article: Article) -> Brief:
    """A brief with every part filled, so a round trip through JSON is a real test."""
    first = article.text.find(".") + 1 or len(article.text)
    summary = (article.span(0, first),)
    actor = Actor("Example Union", "organization", None, ("the union",), 2, 0.731234)
    position = Position(
        actor="Example Union", source=article.span(0, 4), cue=article.span(5, 10),
        content=article.span(11, first), direct=False,
    )
    return Brief(article, summary, (actor,), (position,), (), ("the union",))


def save(
    store: Store, title: str, text: str | None = None, url: str | None = None
) -> StoredArticle:
    slug = title.lower().replace(" ", "-")
    article = make_article(title, text, url or f"https://news.example/{slug}")
    return store.save_article(article, make_brief(article), article.url or "")


def at(year: int, month: int, day: int, hour: int = 12) -> datetime:
    return datetime(year, month, day, hour, tzinfo=UTC)

