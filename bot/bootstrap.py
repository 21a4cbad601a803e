"""The one place that builds concrete dependencies: settings, fetcher, engine."""

from __future__ import annotations

import logging
from dataclasses import dataclass, field

from bot.briefing.engine import build_brief
from bot.briefing.model import Article, Brief
from bot.inputs import check_length, read_input
from bot.settings import Settings, get_settings


@dataclass
class Services:
    settings: Settings
    _fetcher: object | None = field(default=None, repr=False)

    def fetch_article(self, url: str) -> Article:
        """Fetch through the hardened fetcher, built once on first use."""
        if self._fetcher is None:
            from bot.fetch import Fetcher

            self._fetcher = Fetcher(self.settings)
        return check_length(self._fetcher.fetch_article(url))  # type: ignore[attr-defined]

    def brief_article(self, article: Article, sentences: int | None = None,
                      method: str | None = None) -> Brief:
        return build_brief(article, sentences or self.settings.summary_sentences,
                           method or self.settings.summary_method)

    def brief_input(self, argument: str, sentences: int | None = None,
                    method: str | None = None) -> Brief:
        article = read_input(argument, fetch_url=self.fetch_article)
        return self.brief_article(article, sentences, method)


def configure_logging(settings: Settings) -> None:
    logging.basicConfig(level=settings.log_level.upper(),
                        format="%(asctime)s %(levelname)s %(name)s: %(message)s")


def bootstrap(settings: Settings | None = None) -> Services:
    settings = settings or get_settings()
    configure_logging(settings)
    return Services(settings)
