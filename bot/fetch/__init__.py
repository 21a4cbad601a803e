"""Safe HTTP and article extraction: the only way the bot reads the web."""

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
from bot.fetch.extract import extract_article
from bot.fetch.fetcher import Fetcher
from bot.fetch.urls import canonical_url, find_links

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
