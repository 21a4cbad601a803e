"""What the store hands back: frozen values, detached from any session."""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from bot.briefing.model import Brief

_WHITESPACE = re.compile(r"\s+")


def normalise_text(text: str) -> str:
    """The same article fetched twice differs in spacing, case and Unicode forms, not words."""
    return _WHITESPACE.sub(" ", unicodedata.normalize("NFKC", text)).strip().casefold()


def content_hash(text: str) -> str:
    """sha256 of the normalised text: finds one story behind several URLs."""
    return hashlib.sha256(normalise_text(text).encode("utf-8")).hexdigest()


@dataclass(frozen=True, slots=True)
class StoredArticle:
    """An article row without its text and brief, which `Store.get_brief` loads on demand."""

    id: int
    canonical_url: str
    content_hash: str
    title: str
    source: str | None
    published: date | None
    created_at: datetime


@dataclass(frozen=True, slots=True)
class Post:
    """A chat message that shares an article: where it was posted, by whom, and when."""

    platform: str
    workspace: str
    channel: str
    user: str
    message_id: str
    thread_id: str | None
    shared_at: datetime


@dataclass(frozen=True, slots=True)
class Share(Post):
    """One post of an article as stored: its id, the article, and the bot's reply, which
    anchors the thread as well as the user's message does."""

    id: int
    article_id: int
    reply_id: str | None


@dataclass(frozen=True, slots=True)
class Shared:
    """What one unit of work for a shared article gives back: the article, the brief to
    show, this share's id, and the workspace's first share of it before this one."""

    article: StoredArticle
    brief: Brief
    share_id: int
    first: Share | None


@dataclass(frozen=True, slots=True)
class ChannelSettings:
    """Per-channel switches; a channel never configured gets these defaults."""

    platform: str
    workspace: str
    channel: str
    watch: bool = True
    digest_enabled: bool = False
    digest_time: str | None = None  # "HH:MM", local to digest_timezone
    digest_timezone: str | None = None  # IANA name, e.g. "Europe/Berlin"
    extra: Mapping[str, Any] = field(default_factory=dict)


# Fields `Store.update_channel_settings` may change; the identity fields are the key.
CHANNEL_SETTING_FIELDS = frozenset({"watch", "digest_enabled", "digest_time", "digest_timezone"})
