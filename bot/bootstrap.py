"""The composition root: the one place that builds settings, the store (and so the only
database engine), the fetcher, the briefing engine and the link pool, and wires them into
the conversation and the digest scheduler. Nothing below imports this module."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime
from typing import TYPE_CHECKING

from bot.briefing.model import Article, Brief
from bot.errors import InputError
from bot.inputs import check_briefable, cut_text, read_input
from bot.logs import configure_logging
from bot.messages import Sender
from bot.settings import Settings, get_settings

if TYPE_CHECKING:
    from bot.digest.scheduler import DigestScheduler
    from bot.fetch import Fetcher
    from bot.platforms.parts import ChatParts
    from bot.store import Store
    from bot.workers import LinkPool
    from handlers import Conversation


def utc_now() -> datetime:
    return datetime.now(UTC)


@dataclass
class Services:
    """The concrete parts, each built on first use so `brief` never opens a database.

    Only entry points (the CLI, the runner, a worker process, tests) hold it; they hand
    each consumer the narrow part it uses (see `build_conversation`)."""

    settings: Settings
    clock: Callable[[], datetime] = utc_now
    _fetcher: Fetcher | None = field(default=None, repr=False)
    _store: Store | None = field(default=None, repr=False)
    link_pool: LinkPool | None = field(default=None, repr=False)

    @property
    def fetcher(self) -> Fetcher:
        if self._fetcher is None:
            from bot.fetch import Fetcher

            self._fetcher = Fetcher(self.settings)
        return self._fetcher

    @property
    def store(self) -> Store:
        """The store, migrated to the newest schema on first use."""
        if self._store is None:
            from bot.store import Store

            store = Store(self.settings.database_url)
            store.upgrade()
            self._store = store
        return self._store

    def schema_status(self) -> tuple[str, str | None, str | None]:
        """(backend, current revision, newest revision), read without migrating anything."""
        from bot.store import Store
        from bot.store.migrate import head_revision

        store = self._store or Store(self.settings.database_url)
        try:
            return store.backend, store.schema_revision(), head_revision()
        finally:
            if store is not self._store:
                store.close()

    def fetch_article(self, url: str) -> Article:
        return check_briefable(self.fetcher.fetch_article(url))

    def brief_article(self, article: Article, sentences: int | None = None,
                      method: str | None = None) -> Brief:
        """Brief at most `brief_max_chars` of the text (a reply says so when it was cut);
        the brief keeps the whole article, and its offsets hold in either."""
        count = self.settings.summary_sentences if sentences is None else sentences
        if count < 1:
            raise InputError(f"a summary needs at least one sentence, not {count}")
        from bot.briefing.engine import build_brief  # lazy: `run` briefs in its workers

        briefed = cut_text(article, self.settings.brief_max_chars)
        brief = build_brief(briefed, count, method or self.settings.summary_method)
        return brief if briefed is article else replace(brief, article=article)

    def fetch_and_brief(self, url: str) -> tuple[Article, Brief]:
        """A link: in the pool's workers when `run` started one, else in this process."""
        if self.link_pool is not None:
            return self.link_pool.run(url)
        return self.fetch_and_brief_here(url)

    def fetch_and_brief_here(self, url: str) -> tuple[Article, Brief]:
        article = self.fetch_article(url)
        return article, self.brief_article(article)

    @property
    def link_workers(self) -> int | None:
        """How many links are briefed at once: the pool's size; None without a pool."""
        return self.link_pool.size if self.link_pool is not None else None

    def start_link_pool(self) -> None:
        """Warm workers for `run`; the CLI and console brief in their own process."""
        from bot.workers import LinkPool

        if self.link_pool is None:
            self.link_pool = LinkPool(self.settings)

    def brief_input(self, argument: str, sentences: int | None = None,
                    method: str | None = None) -> Brief:
        article = read_input(argument, fetch_url=self.fetch_article)
        return self.brief_article(article, sentences, method)

    def close(self) -> None:
        if self.link_pool is not None:
            self.link_pool.close()
            self.link_pool = None
        if self._store is not None:
            self._store.close()
            self._store = None


def bootstrap(settings: Settings | None = None, *, fetcher: Fetcher | None = None,
              clock: Callable[[], datetime] | None = None) -> Services:
    """Build the services; tests pass their own settings (a temp database), fetcher or clock."""
    settings = settings or get_settings()
    configure_logging(settings.log_level, settings.log_format)
    return Services(settings, clock or utc_now, _fetcher=fetcher)


def build_conversation(services: Services) -> Conversation:
    """The conversation, given the narrow parts of the store, the briefer and the clock."""
    from handlers import Conversation
    from handlers.ports import ConversationParts

    store = services.store
    return Conversation(ConversationParts(
        briefer=services, links=store, articles=store, channels=store, digests=store,
        claims=store, settings=services.settings, clock=services.clock))


def build_chat_parts(services: Services, conversation: Conversation) -> ChatParts:
    """What a chat platform uses: the conversation, the settings and the link pool's size
    (read after `start_link_pool`). Slack is also given `services.store` as `EventClaims`."""
    from bot.platforms.parts import ChatParts

    return ChatParts(conversation, services.settings, services.link_workers)


def build_digest_scheduler(services: Services, senders: Mapping[str, Sender]
                           ) -> DigestScheduler:
    """The digest scheduler on the store's own engine, posting through `senders`."""
    from bot.digest.scheduler import DigestScheduler

    return DigestScheduler(services.store, services.settings, senders, services.clock)
