"""A real store in a temp SQLite file, a clock the test moves, and a helper that shares a
hand-written article in a channel as a link paste would."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

import pytest

from bot.bootstrap import Services, bootstrap
from bot.briefing.engine import build_brief
from bot.briefing.model import Article
from bot.messages import Reply
from bot.settings import Settings
from bot.store import StoredArticle

NOW = datetime(2026, 11, 20, 8, 0, tzinfo=UTC)
PLATFORM, WORKSPACE, CHANNEL = "test", "team", "news"


@dataclass
class FakeClock:
    now: datetime = NOW

    def __call__(self) -> datetime:
        return self.now

    def advance(self, **delta: float) -> datetime:
        self.now += timedelta(**delta)
        return self.now


def digest_settings(tmp_path, **overrides: object) -> Settings:
    values: dict[str, object] = {"database_url": f"sqlite:///{tmp_path}/bot.db",
                                 "log_level": "WARNING", **overrides}
    return Settings(**values)  # type: ignore[arg-type]


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
def services(tmp_path, clock) -> Iterator[Services]:
    built = bootstrap(digest_settings(tmp_path), clock=clock)
    yield built
    built.close()


def share(services: Services, title: str, text: str, url: str, source: str | None = None,
          *, channel: str = CHANNEL, at: datetime | None = None) -> StoredArticle:
    """Store and brief an article, and record its share in a channel at `at`."""
    article = Article(title=title, text=text, url=url, source=source, published="2026-11-19")
    stored = services.store.save_article(article, build_brief(article), url)
    services.store.record_share(stored.id, PLATFORM, WORKSPACE, channel, "u1",
                                f"m-{stored.id}-{channel}", shared_at=at or services.clock())
    return stored


class RecordingSender:
    """A platform's sender that keeps what it was asked to post; fails when told to."""

    def __init__(self, fail: bool = False, failures: int = 0) -> None:
        self.posted: list[tuple[str, str, Reply]] = []
        self.fail = fail
        self.failures = failures  # fail this many times, then post

    async def __call__(self, workspace: str, channel: str, reply: Reply) -> None:
        if self.fail or self.failures > 0:
            self.failures -= 1
            raise ConnectionError("platform unreachable")
        self.posted.append((workspace, channel, reply))
