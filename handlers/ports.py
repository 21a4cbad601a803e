"""The narrow parts the conversation is built from; `bot.bootstrap` wires the real ones.

Each handler receives only the parts it uses (see `Conversation.__init__`).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from typing import Protocol

from bot.briefing.model import Article, Brief
from bot.settings import Settings
from bot.store.protocols import ArticleReader, ChannelStore, DigestStore, EventClaims, LinkStore

Clock = Callable[[], datetime]


class LinkBriefer(Protocol):
    """Fetches and briefs a link (in the link pool's workers when `run` started one)."""

    def fetch_and_brief(self, url: str) -> tuple[Article, Brief]: ...

    def brief_article(self, article: Article) -> Brief: ...


@dataclass(frozen=True, slots=True)
class ConversationParts:
    """What the conversation may use; the store parts are usually one `Store`."""

    briefer: LinkBriefer
    links: LinkStore
    articles: ArticleReader
    channels: ChannelStore
    digests: DigestStore
    claims: EventClaims
    settings: Settings
    clock: Clock
