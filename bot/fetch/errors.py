"""Typed fetch failures: each one carries a short message the bot can post in chat as is."""

from __future__ import annotations

from bot.errors import BotError


class FetchError(BotError):
    """Base of every failure to read a link; `user_message` is safe to show."""

    reason = "fetch failed"


class InvalidUrl(FetchError):
    """Not a web link the bot will open: bad syntax, scheme or port."""

    reason = "invalid url"


class BlockedAddress(FetchError):
    """The host is, or resolves to, an address the bot must never reach (SSRF guard)."""

    reason = "blocked address"


class DnsFailure(FetchError):
    """The host name does not resolve."""

    reason = "dns failure"


class FetchConnectionError(FetchError):
    """The server could not be reached or dropped the connection."""

    reason = "connection failed"


class FetchTimeout(FetchError):
    """The server was too slow to connect or to send the whole page."""

    reason = "timeout"


class TooLarge(FetchError):
    """The page is bigger than the body cap."""

    reason = "too large"


class TooManyRedirects(FetchError):
    """The link bounces through more redirects than allowed."""

    reason = "too many redirects"


class UnsupportedContentType(FetchError):
    """The link is a PDF, an image or another type that cannot be briefed."""

    reason = "unsupported content type"

    def __init__(self, message: str, content_type: str = "") -> None:
        super().__init__(message)
        self.content_type = content_type


class HttpStatusError(FetchError):
    """The server answered with an error status."""

    reason = "http status"

    def __init__(self, message: str, status_code: int) -> None:
        super().__init__(message)
        self.status_code = status_code


class NoArticleText(FetchError):
    """The page has too little readable text: paywall, consent wall or script-only page."""

    reason = "no article text"

    def __init__(
        self,
        message: str = "no article text found (paywall, consent wall or script-only page?)",
    ) -> None:
        super().__init__(message)
