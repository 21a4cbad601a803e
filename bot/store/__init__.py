"""What the bot remembers: articles, shares, channel settings and digest claims.

SQLite under `var/` by default, PostgreSQL when DATABASE_URL says so; the schema is
managed by Alembic (`Store.upgrade()`).
"""

from bot.store.articles import NotFoundError
from bot.store.database import UnsupportedDatabaseError, normalise_database_url
from bot.store.records import (
    ChannelSettings,
    Post,
    Share,
    Shared,
    StoredArticle,
    content_hash,
)
from bot.store.store import Store

__all__ = [
    "ChannelSettings",
    "NotFoundError",
    "Post",
    "Share",
    "Shared",
    "Store",
    "StoredArticle",
    "UnsupportedDatabaseError",
    "content_hash",
    "normalise_database_url",
]
