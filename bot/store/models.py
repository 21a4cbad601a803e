"""ORM tables. The migrations under `migrations/versions` are the source of truth for DDL;
these classes mirror them for queries (a test checks that the two agree).

The full-text index is not mapped: it is an FTS5 table on SQLite and a generated
`tsvector` column on PostgreSQL, both created by migration 0002 and read by `search.py`.
"""

from __future__ import annotations

from datetime import UTC, date, datetime
from typing import Any

from sqlalchemy import (
    JSON,
    Boolean,
    Date,
    DateTime,
    Dialect,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Text,
    TypeDecorator,
    UniqueConstraint,
    true,
)
from sqlalchemy.dialects.postgresql import JSONB
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

ID_LENGTH = 255  # platform ids: Slack ts, Discord snowflakes, console names
URL_LENGTH = 2048

JSONDocument = JSON().with_variant(JSONB(), "postgresql")


def utc_now() -> datetime:
    return datetime.now(UTC)


class UtcDateTime(TypeDecorator[datetime]):
    """Always store UTC and always hand back aware datetimes.

    SQLite keeps no zone, so without this a naive and an aware value would compare
    as strings in one backend and as instants in the other.
    """

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            value = value.replace(tzinfo=UTC)
        value = value.astimezone(UTC)
        return value.replace(tzinfo=None) if dialect.name == "sqlite" else value

    def process_result_value(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)


# Explicit names so that migrations can drop and alter constraints on both backends.
NAMING_CONVENTION = {
    "ix": "ix_%(table_name)s_%(column_0_N_name)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)


def is_mapped_schema_object(
    _obj: object, name: str | None, kind: str, _reflected: bool, _compare_to: object
) -> bool:
    """Alembic `include_object`: autogenerate must not drop the search index it cannot see."""
    name = name or ""
    if kind == "table" and name.startswith(("articles_fts", "apscheduler_jobs")):
        return False  # the FTS5 index, and APScheduler's job tables (it manages them itself)
    return not (kind in ("column", "index") and "search_vector" in name)


class ArticleRow(Base):
    __tablename__ = "articles"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    canonical_url: Mapped[str] = mapped_column(String(URL_LENGTH), unique=True)
    content_hash: Mapped[str] = mapped_column(String(64), index=True)
    title: Mapped[str] = mapped_column(Text)
    source: Mapped[str | None] = mapped_column(Text)
    published: Mapped[date | None] = mapped_column(Date)
    text: Mapped[str] = mapped_column(Text)
    brief: Mapped[dict[str, Any]] = mapped_column(JSONDocument)
    created_at: Mapped[datetime] = mapped_column(UtcDateTime, default=utc_now)


class ShareRow(Base):
    """One post of an article in one channel: the anchor for threads and first-share notes."""

    __tablename__ = "shares"
    __table_args__ = (
        # A platform redelivering the same event must not create a second share.
        UniqueConstraint(
            "platform", "workspace", "channel", "message_id", "article_id",
            name="uq_shares_message_article",
        ),
        Index("ix_shares_workspace_shared_at", "workspace", "shared_at"),
        Index("ix_shares_article_workspace", "article_id", "workspace", "shared_at"),
        Index("ix_shares_thread", "platform", "workspace", "channel", "thread_id"),
        Index("ix_shares_reply", "platform", "workspace", "channel", "reply_id"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    article_id: Mapped[int] = mapped_column(ForeignKey("articles.id", ondelete="CASCADE"))
    platform: Mapped[str] = mapped_column(String(32))
    workspace: Mapped[str] = mapped_column(String(ID_LENGTH))
    channel: Mapped[str] = mapped_column(String(ID_LENGTH))
    user_id: Mapped[str] = mapped_column(String(ID_LENGTH))
    message_id: Mapped[str] = mapped_column(String(ID_LENGTH))
    thread_id: Mapped[str | None] = mapped_column(String(ID_LENGTH))
    reply_id: Mapped[str | None] = mapped_column(String(ID_LENGTH))
    shared_at: Mapped[datetime] = mapped_column(UtcDateTime, default=utc_now)


class ChannelSettingsRow(Base):
    """Typed columns for what handlers query; `extra` holds keys added before a migration."""

    __tablename__ = "channel_settings"

    platform: Mapped[str] = mapped_column(String(32), primary_key=True)
    workspace: Mapped[str] = mapped_column(String(ID_LENGTH), primary_key=True)
    channel: Mapped[str] = mapped_column(String(ID_LENGTH), primary_key=True)
    watch: Mapped[bool] = mapped_column(Boolean, default=True)
    digest_enabled: Mapped[bool] = mapped_column(Boolean, default=False)
    digest_time: Mapped[str | None] = mapped_column(String(5))
    digest_timezone: Mapped[str | None] = mapped_column(String(64))
    extra: Mapped[dict[str, Any]] = mapped_column(JSONDocument, default=dict)
    updated_at: Mapped[datetime] = mapped_column(UtcDateTime, default=utc_now)


class DigestSentRow(Base):
    """The unique key is the exactly-once claim: the first INSERT wins, the rest conflict."""

    __tablename__ = "digests_sent"
    __table_args__ = (
        UniqueConstraint("platform", "workspace", "channel", "day", name="uq_digests_sent_day"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    platform: Mapped[str] = mapped_column(String(32))
    workspace: Mapped[str] = mapped_column(String(ID_LENGTH))
    channel: Mapped[str] = mapped_column(String(ID_LENGTH))
    day: Mapped[date] = mapped_column(Date)
    claimed_at: Mapped[datetime] = mapped_column(UtcDateTime, default=utc_now)


class HandledEventRow(Base):
    """A redelivered platform event (Slack retries, a repeated event id) is handled once.

    `handled_at` is when the current claim was taken; `done` turns true once the replies
    are posted. A claim that is not done after the lease belongs to a process that died."""

    __tablename__ = "handled_events"
    __table_args__ = (
        UniqueConstraint("platform", "event_key", name="uq_handled_events_key"),
        Index("ix_handled_events_handled_at", "handled_at"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    platform: Mapped[str] = mapped_column(String(32))
    event_key: Mapped[str] = mapped_column(String(ID_LENGTH))
    handled_at: Mapped[datetime] = mapped_column(UtcDateTime, default=utc_now)
    done: Mapped[bool] = mapped_column(Boolean, default=False, server_default=true())
