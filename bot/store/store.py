"""`Store`: the one object the rest of the bot uses to remember things.

Every method runs in its own short transaction and returns frozen records, so callers
on any thread never hold a session or a lazy-loading ORM object.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from datetime import date, datetime, timedelta
from types import TracebackType
from typing import Any

from sqlalchemy import Engine
from sqlalchemy.orm import Session, sessionmaker

from bot.briefing.model import Article, Brief
from bot.store import articles, channels, events, migrate, search, shares
from bot.store.database import create_store_engine
from bot.store.records import ChannelSettings, Post, Share, Shared, StoredArticle

# Longer than any brief takes (fetch deadline plus briefing), shorter than Slack's last retry.
DEFAULT_EVENT_LEASE = timedelta(minutes=2)

logger = logging.getLogger(__name__)


class Store:
    """Articles, shares, channel settings and digest claims in SQLite or PostgreSQL."""

    def __init__(self, database_url: str) -> None:
        self._engine = create_store_engine(database_url)
        self._sessions = sessionmaker(self._engine, expire_on_commit=False)

    @property
    def engine(self) -> Engine:
        """For APScheduler's job store: the same database and pool, no second engine."""
        return self._engine

    @property
    def backend(self) -> str:
        """"sqlite" or "postgresql", for logs and the `db` CLI."""
        return self._engine.dialect.name

    @contextmanager
    def _transaction(self) -> Iterator[Session]:
        with self._sessions.begin() as session:
            yield session

    # Schema

    def upgrade(self) -> None:
        """Bring the schema to the newest revision; safe to call on every start."""
        migrate.upgrade(self._engine, "head")

    def downgrade(self, revision: str = "-1") -> None:
        migrate.downgrade(self._engine, revision)

    def schema_revision(self) -> str | None:
        return migrate.current_revision(self._engine)

    def close(self) -> None:
        self._engine.dispose()

    def __enter__(self) -> Store:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.close()

    # Articles

    def find_article(
        self, canonical_url: str | None = None, content_hash: str | None = None
    ) -> StoredArticle | None:
        with self._transaction() as session:
            return articles.find_article(session, canonical_url, content_hash)

    def get_article(self, article_id: int) -> StoredArticle | None:
        with self._transaction() as session:
            return articles.get_article(session, article_id)

    def save_article(self, article: Article, brief: Brief, canonical_url: str) -> StoredArticle:
        with self._transaction() as session:
            return articles.save_article(session, article, brief, canonical_url)

    def get_brief(self, article_id: int) -> Brief:
        with self._transaction() as session:
            return articles.load_brief(session, article_id)

    def get_briefs(self, article_ids: Sequence[int]) -> dict[int, Brief]:
        """Several briefs in one query (a digest, a topic brief), by article id."""
        with self._transaction() as session:
            return articles.load_briefs(session, article_ids)

    def recent_articles(
        self,
        workspace: str | None,
        since: datetime | None = None,
        limit: int = 20,
        *,
        channel: str | None = None,
    ) -> list[StoredArticle]:
        with self._transaction() as session:
            return articles.recent_articles(session, workspace, since, limit, channel)

    # Search

    def search_article_ids(
        self, workspace: str | None, query: str, since: datetime | None = None, limit: int = 10
    ) -> list[int]:
        with self._transaction() as session:
            return search.search_article_ids(session.connection(), workspace, query, since, limit)

    def search_articles(
        self, workspace: str | None, query: str, since: datetime | None = None, limit: int = 10,
        *, match_any: bool = False,
    ) -> list[StoredArticle]:
        """Best match first. Any user text is safe; nothing searchable gives [].
        Every word must match, or any one of them with `match_any`."""
        with self._transaction() as session:
            ids = search.search_article_ids(session.connection(), workspace, query, since, limit,
                                            match_any)
            return articles.articles_by_ids(session, ids)

    # Shares

    def record_share(
        self,
        article_id: int,
        platform: str,
        workspace: str,
        channel: str,
        user: str,
        message_id: str,
        thread_id: str | None = None,
        *,
        shared_at: datetime | None = None,
    ) -> int:
        with self._transaction() as session:
            return shares.record_share(
                session, article_id, platform, workspace, channel, user, message_id,
                thread_id, shared_at,
            )

    def share_new_article(self, article: Article, brief: Brief, canonical_url: str,
                          post: Post) -> Shared:
        """One unit of work for a freshly briefed article: keep it with its brief and record
        the post. When the same URL or text is kept already, that row and its brief win."""
        with self._transaction() as session:
            stored, created = articles.keep_article(session, article, brief, canonical_url)
            shown = brief if created else articles.load_brief(session, stored.id)
            return Shared(stored, shown, *shares.share_post(session, stored.id, post))

    def share_stored_article(self, stored: StoredArticle, post: Post) -> Shared:
        """One unit of work for an article kept before: record the post, load its brief."""
        with self._transaction() as session:
            brief = articles.load_brief(session, stored.id)
            return Shared(stored, brief, *shares.share_post(session, stored.id, post))

    def set_reply_id(self, share_id: int, reply_id: str) -> None:
        with self._transaction() as session:
            shares.set_reply_id(session, share_id, reply_id)

    def first_share(self, article_id: int, workspace: str) -> Share | None:
        with self._transaction() as session:
            return shares.first_share(session, article_id, workspace)

    def article_for_thread(
        self, platform: str, workspace: str, channel: str, thread_id: str
    ) -> StoredArticle | None:
        with self._transaction() as session:
            article_id = shares.article_id_for_thread(
                session, platform, workspace, channel, thread_id
            )
            return None if article_id is None else articles.get_article(session, article_id)

    # Channels and digests

    def channel_settings(self, platform: str, workspace: str, channel: str) -> ChannelSettings:
        with self._transaction() as session:
            return channels.channel_settings(session, platform, workspace, channel)

    def update_channel_settings(
        self, platform: str, workspace: str, channel: str, **changes: Any
    ) -> ChannelSettings:
        """Change named fields only: watch, digest_enabled, digest_time, digest_timezone, extra."""
        with self._transaction() as session:
            return channels.update_channel_settings(session, platform, workspace, channel, changes)

    def digest_channels(self) -> list[ChannelSettings]:
        with self._transaction() as session:
            return channels.digest_channels(session)

    def claim_digest(self, platform: str, workspace: str, channel: str, day: date) -> bool:
        with self._transaction() as session:
            return channels.claim_digest(session, platform, workspace, channel, day)

    def release_digest(self, platform: str, workspace: str, channel: str, day: date) -> None:
        with self._transaction() as session:
            channels.release_digest(session, platform, workspace, channel, day)

    # Events

    def claim_event(self, platform: str, key: str,
                    lease: timedelta = DEFAULT_EVENT_LEASE, now: datetime | None = None) -> bool:
        """Claim a platform event (e.g. a Slack event_id); False when it was handled before
        or is being handled now. Call `finish_event` once its replies are posted."""
        with self._transaction() as session:
            return events.claim_event(session, platform, key, lease, now)

    def finish_event(self, platform: str, key: str) -> None:
        with self._transaction() as session:
            events.finish_event(session, platform, key)

    def forget_events_before(self, cutoff: datetime) -> int:
        with self._transaction() as session:
            return events.forget_events_before(session, cutoff)

    def latest_share_in_channel(
        self, article_id: int, platform: str, workspace: str, channel: str
    ) -> Share | None:
        """The newest post of an article in one channel, to brief a repeated link once."""
        with self._transaction() as session:
            return shares.latest_share_in_channel(session, article_id, platform, workspace,
                                                  channel)
