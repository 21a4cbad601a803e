"""The slices of `Store` that its users depend on, so each one is handed only what it uses.

`Store` implements them all; a test may implement one with a small fake.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime, timedelta
from typing import Any, Protocol

from bot.briefing.model import Article, Brief
from bot.store.records import ChannelSettings, Post, Share, Shared, StoredArticle


class ChannelStore(Protocol):
    """A channel's settings: link watching, the digest's schedule and state."""

    def channel_settings(self, platform: str, workspace: str, channel: str
                         ) -> ChannelSettings: ...

    def update_channel_settings(self, platform: str, workspace: str, channel: str,
                                **changes: Any) -> ChannelSettings: ...


class ArticleReader(Protocol):
    """Stored articles and their briefs: search, recent shares, a thread's article."""

    def get_brief(self, article_id: int) -> Brief: ...

    def get_briefs(self, article_ids: Sequence[int]) -> dict[int, Brief]: ...

    def search_articles(self, workspace: str | None, query: str,
                        since: datetime | None = None, limit: int = 10, *,
                        match_any: bool = False) -> list[StoredArticle]: ...

    def recent_articles(self, workspace: str | None, since: datetime | None = None,
                        limit: int = 20, *, channel: str | None = None
                        ) -> list[StoredArticle]: ...

    def article_for_thread(self, platform: str, workspace: str, channel: str,
                           thread_id: str) -> StoredArticle | None: ...


class DigestStore(ChannelStore, ArticleReader, Protocol):
    """What composing a digest reads, and remembering it writes."""


class LinkStore(Protocol):
    """Shared links: find one kept before, keep and share one in one unit of work."""

    def find_article(self, canonical_url: str | None = None,
                     content_hash: str | None = None) -> StoredArticle | None: ...

    def latest_share_in_channel(self, article_id: int, platform: str, workspace: str,
                                channel: str) -> Share | None: ...

    def share_new_article(self, article: Article, brief: Brief, canonical_url: str,
                          post: Post) -> Shared: ...

    def share_stored_article(self, stored: StoredArticle, post: Post) -> Shared: ...

    def set_reply_id(self, share_id: int, reply_id: str) -> None: ...


class EventClaims(Protocol):
    """Exactly-once claims on keys, held in the database so every process agrees."""

    def claim_event(self, platform: str, key: str, lease: timedelta = ...,
                    now: datetime | None = None) -> bool: ...

    def finish_event(self, platform: str, key: str) -> None: ...
