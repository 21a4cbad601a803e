"""Safe HTTP and article extraction: the only way the bot reads the web.

The fetcher and the extractor (trafilatura, lxml) load on first use, so a process that only
finds links in messages, such as the bot's main process beside its link pool, never holds
them.
"""

from typing import TYPE_CHECKING, Any

from bot.fetch.errors import (
    BlockedAddress,
    DnsFailure,
    FetchConnectionError,
    FetchError,
    FetchTimeout,
    HttpStatusError,
    InvalidUrl,
    NoArticleText,
    TooLarge,
    TooManyRedirects,
    UnsupportedContentType,
)
from bot.fetch.urls import canonical_url, find_links

if TYPE_CHECKING:
    from bot.fetch.extract import extract_article
    from bot.fetch.fetcher import Fetcher

__all__ = [
    "BlockedAddress",
    "DnsFailure",
    "FetchConnectionError",
    "FetchError",
    "FetchTimeout",
    "Fetcher",
    "HttpStatusError",
    "InvalidUrl",
    "NoArticleText",
    "TooLarge",
    "TooManyRedirects",
    "UnsupportedContentType",
    "canonical_url",
    "extract_article",
    "find_links",
]


def __getattr__(name: str) -> Any:
    if name == "Fetcher":
        from bot.fetch.fetcher import Fetcher

        return Fetcher
    if name == "extract_article":
        from bot.fetch.extract import extract_article

        return extract_article
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
