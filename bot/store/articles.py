"""Article rows: saved once per canonical URL or per text, read back as `StoredArticle`."""

from __future__ import annotations

import logging
from collections.abc import Sequence
from datetime import date, datetime
from typing import Any

from sqlalchemy import Row, select
from sqlalchemy.orm import Session

from bot.briefing.model import Article, Brief, brief_from_dict
from bot.errors import InputError
from bot.store.database import insert_ignoring_conflicts
from bot.store.models import URL_LENGTH, ArticleRow, ShareRow
from bot.store.records import StoredArticle, content_hash, normalise_text

logger = logging.getLogger(__name__)


class NotFoundError(LookupError):
    """An id the caller holds no longer names a row (deleted, or from another database)."""


# Everything but `text` and `brief`, which can be large and are loaded on demand.
_SUMMARY_COLUMNS = (
    ArticleRow.id,
    ArticleRow.canonical_url,
    ArticleRow.content_hash,
    ArticleRow.title,
    ArticleRow.source,
    ArticleRow.published,
    ArticleRow.created_at,
)


def _to_stored(row: Row[Any]) -> StoredArticle:
    return StoredArticle(
        id=row.id,
        canonical_url=row.canonical_url,
        content_hash=row.content_hash,
        title=row.title,
        source=row.source,
        published=row.published,
        created_at=row.created_at,
    )


def parse_published(value: str | None) -> date | None:
    """`Article.published` is an ISO date when known; anything else is kept only in the brief."""
    if not value:
        return None
    try:
        return date.fromisoformat(value.strip()[:10])
    except ValueError:
        return None


def find_article(
    session: Session, canonical_url: str | None = None, digest: str | None = None
) -> StoredArticle | None:
    """By URL first, since it is exact; then by content hash, oldest copy wins."""
    if canonical_url:
        by_url = select(*_SUMMARY_COLUMNS).where(ArticleRow.canonical_url == canonical_url)
        row = session.execute(by_url).first()
        if row is not None:
            return _to_stored(row)
    if digest:
        by_hash = (
            select(*_SUMMARY_COLUMNS)
            .where(ArticleRow.content_hash == digest)
            .order_by(ArticleRow.id)
            .limit(1)
        )
        row = session.execute(by_hash).first()
        if row is not None:
            return _to_stored(row)
    return None


def get_article(session: Session, article_id: int) -> StoredArticle | None:
    row = session.execute(select(*_SUMMARY_COLUMNS).where(ArticleRow.id == article_id)).first()
    return None if row is None else _to_stored(row)


def articles_by_ids(session: Session, article_ids: Sequence[int]) -> list[StoredArticle]:
    """Rows for ids in the order given (search ranking order)."""
    if not article_ids:
        return []
    rows = session.execute(select(*_SUMMARY_COLUMNS).where(ArticleRow.id.in_(article_ids)))
    by_id = {row.id: _to_stored(row) for row in rows}
    return [by_id[article_id] for article_id in article_ids if article_id in by_id]


def save_article(
    session: Session, article: Article, brief: Brief, canonical_url: str
) -> StoredArticle:
    """Idempotent: the same URL or the same text returns the row already kept."""
    return keep_article(session, article, brief, canonical_url)[0]


def keep_article(
    session: Session, article: Article, brief: Brief, canonical_url: str
) -> tuple[StoredArticle, bool]:
    """`save_article`, and whether this call wrote the row (so `brief` is what it holds)."""
    url = canonical_url.strip()
    if not url:
        raise InputError("That link has no address I can keep.")
    if len(url) > URL_LENGTH:
        raise InputError("That link is too long for me to keep.")
    digest = content_hash(article.text)
    has_text = bool(normalise_text(article.text))
    existing = find_article(session, url, digest if has_text else None)
    if existing is not None:
        return existing, False
    values = {
        "canonical_url": url,
        "content_hash": digest,
        "title": article.title,
        "source": article.source,
        "published": parse_published(article.published),
        "text": article.text,
        "brief": stored_brief(brief, article.text),
    }
    inserted = insert_ignoring_conflicts(session, ArticleRow.__table__, values, ["canonical_url"])
    if not inserted:
        logger.debug("article %s was saved concurrently; using that row", url)
    saved = find_article(session, url)
    if saved is None:  # pragma: no cover - the insert or the conflicting row guarantees one
        raise NotFoundError(f"article {url} vanished while saving")
    return saved, inserted


def stored_brief(brief: Brief, text: str) -> dict[str, Any]:
    """The brief's JSON without the article text when `articles.text` holds the same (0005)."""
    data = brief.to_dict()
    if data["article"].get("text") == text:
        del data["article"]["text"]
    return data


def load_brief(session: Session, article_id: int) -> Brief:
    return load_briefs(session, [article_id])[article_id]


def load_briefs(session: Session, article_ids: Sequence[int]) -> dict[int, Brief]:
    """Briefs by article id, in one query; a missing one raises NotFoundError."""
    wanted = set(article_ids)
    rows = session.execute(select(ArticleRow.id, ArticleRow.brief, ArticleRow.text)
                           .where(ArticleRow.id.in_(wanted))) if wanted else []
    briefs = {row.id: _brief_of(row.brief, row.text) for row in rows if row.brief is not None}
    for article_id in article_ids:
        if article_id not in briefs:
            raise NotFoundError(f"no article with id {article_id}")
    return briefs


def _brief_of(data: dict[str, Any], text: str) -> Brief:
    """The stored brief with the article's text put back (briefs are stored without it)."""
    if "text" not in data["article"]:
        data = {**data, "article": {**data["article"], "text": text}}
    return brief_from_dict(data)


def recent_articles(
    session: Session,
    workspace: str | None,
    since: datetime | None,
    limit: int,
    channel: str | None = None,
) -> list[StoredArticle]:
    """Articles by their latest share, newest first; never-shared articles are not "recent".

    Reads the newest shares through the (workspace, shared_at) index and stops as soon as
    `limit` distinct articles are found, so the cost does not grow with the store."""
    if limit <= 0:
        return []
    statement = select(ShareRow.article_id)
    if workspace is not None:
        statement = statement.where(ShareRow.workspace == workspace)
    if channel is not None:
        statement = statement.where(ShareRow.channel == channel)
    if since is not None:
        statement = statement.where(ShareRow.shared_at >= since)
    statement = statement.order_by(ShareRow.shared_at.desc(), ShareRow.id.desc())
    article_ids: list[int] = []
    batch, offset = limit * 8, 0
    while len(article_ids) < limit:
        page = session.execute(statement.limit(batch).offset(offset)).scalars().all()
        for article_id in page:
            if article_id not in article_ids:
                article_ids.append(article_id)
        if len(page) < batch:
            break
        offset += batch
    return articles_by_ids(session, article_ids[:limit])
