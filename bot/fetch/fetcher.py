"""The one way the bot reads the web: guarded, bounded HTTP, then article extraction."""

from __future__ import annotations

import logging
import ssl
import zlib
from dataclasses import dataclass
from urllib.parse import SplitResult, urljoin, urlsplit

import certifi
import httpx

from bot import __version__
from bot.briefing.model import Article
from bot.fetch.addresses import AddressPolicy, Resolver, parse_ip_literal
from bot.fetch.charsets import decode_body
from bot.fetch.content import HTML, BoundedDecoder, classify_declared, refuse_binary, sniff_kind
from bot.fetch.deadline import Deadline
from bot.fetch.errors import (
    FetchConnectionError,
    FetchError,
    FetchTimeout,
    HttpStatusError,
    InvalidUrl,
    TooManyRedirects,
)
from bot.fetch.extract import article_from_plain_text, extract_article
from bot.fetch.retries import send_with_retries
from bot.fetch.urls import DEFAULT_PORTS, ascii_host, split_web_url
from bot.redact import redact_userinfo
from bot.settings import Settings

logger = logging.getLogger(__name__)

USER_AGENT = f"BriefingBot/{__version__} (news-briefing chat bot; fetches links posted in chat)"
REDIRECT_STATUSES = frozenset({301, 302, 303, 307, 308})


@dataclass(frozen=True, slots=True)
class Page:
    """A fetched, decoded page before extraction; `url` is where the redirects ended."""

    url: str
    kind: str  # content.HTML or content.PLAIN_TEXT
    text: str


class Fetcher:
    """Fetches links users post; every failure is a `FetchError` with a postable message.

    Thread-safe: each fetch uses its own client, so adapters can run many in an executor.
    """

    def __init__(
        self,
        settings: Settings,
        *,
        resolver: Resolver | None = None,
        ssl_context: ssl.SSLContext | None = None,
    ) -> None:
        """`resolver` fakes DNS in tests; `ssl_context` trusts a private CA (self-hosting)."""
        self._settings = settings
        self._policy = AddressPolicy(settings.allowlist_entries(), settings.extra_ports(), resolver)
        self._ssl_context = ssl_context or ssl.create_default_context(cafile=certifi.where())

    def fetch_article(self, url: str) -> Article:
        """Fetch `url` and extract its article; raises `FetchError` subclasses only."""
        try:
            page = self.fetch_page(url)
            if page.kind == HTML:
                return extract_article(page.text, page.url)
            return article_from_plain_text(page.text, page.url)
        except FetchError as error:
            logger.warning("fetch of %s failed: %s (%s)", redact_userinfo(url), error.reason,
                           error.user_message)
            raise
        except Exception as error:
            # Hostile pages reach third-party parsers; whatever they throw, users get words.
            logger.exception("unexpected failure fetching %s", redact_userinfo(url))
            raise FetchError("couldn't read that link (unexpected error)") from error

    def fetch_page(self, url: str) -> Page:
        """Download and decode `url`, following at most `fetch_max_redirects` checked hops."""
        with Deadline(self._settings.fetch_total_timeout) as deadline, self._client() as client:
            try:
                return self._follow_redirects(client, url, deadline)
            except FetchError:
                if deadline.expired():
                    raise self._timeout(url) from None
                raise
            except (httpx.HTTPError, httpx.InvalidURL, zlib.error) as error:
                raise self._translate(error, url, deadline) from error

    def _client(self) -> httpx.Client:
        return httpx.Client(
            verify=self._ssl_context,
            trust_env=False,  # an environment proxy would bypass the address checks
            follow_redirects=False,  # every hop is checked by hand
            limits=httpx.Limits(max_keepalive_connections=0),  # no reuse across pinned hosts
            headers={
                "User-Agent": USER_AGENT,
                "Accept": "text/html,application/xhtml+xml,text/plain;q=0.9,*/*;q=0.5",
                "Accept-Encoding": "gzip, deflate",
            },
        )

    def _follow_redirects(self, client: httpx.Client, url: str, deadline: Deadline) -> Page:
        current = url
        for _hop in range(self._settings.fetch_max_redirects + 1):
            response = self._send(client, current, deadline)
            try:
                location = response.headers.get("location", "").strip()
                if response.status_code in REDIRECT_STATUSES and location:
                    following = _join_location(current, location)
                    if urlsplit(following).hostname != urlsplit(current).hostname:
                        client.cookies.clear()  # cookies never cross to another host
                    current = following
                    continue
                if response.status_code >= 400:
                    raise _status_error(response.status_code, current)
                return self._read_page(response, current, deadline)
            finally:
                response.close()
        raise TooManyRedirects(
            f"that link redirects too many times (more than {self._settings.fetch_max_redirects})"
        )

    def _send(self, client: httpx.Client, url: str, deadline: Deadline) -> httpx.Response:
        """One checked request, retried on 429/502/503/504 while the deadline allows."""
        parts = split_web_url(url)
        scheme = parts.scheme.lower()
        host = ascii_host(parts.hostname or "")
        port = parts.port or DEFAULT_PORTS[scheme]
        address = self._policy.pin_address(host, port)
        extensions: dict[str, object] = {"trace": deadline.trace}
        if scheme == "https" and parse_ip_literal(host) is None:
            extensions["sni_hostname"] = host  # TLS checks the name, TCP goes to the address
        target = _address_url(parts, scheme, address, port)
        headers = {"Host": _host_header(host, port, scheme)}

        def attempt() -> httpx.Response:
            if deadline.expired():
                raise self._timeout(url)
            request = client.build_request(
                "GET", target, headers=headers, timeout=self._timeouts(deadline),
                extensions=extensions,
            )
            return client.send(request, stream=True)

        return send_with_retries(attempt, url, self._settings, deadline)

    def _read_page(self, response: httpx.Response, url: str, deadline: Deadline) -> Page:
        """Stream the body under the byte cap and the deadline, then decode it."""
        content_type = response.headers.get("content-type")
        kind = classify_declared(content_type)
        limit = self._settings.fetch_max_bytes
        declared_length = response.headers.get("content-length", "")
        decoder = BoundedDecoder(response.headers.get("content-encoding"), limit)
        if declared_length.isdigit() and int(declared_length) > limit:
            raise decoder.too_large_error()
        chunks: list[bytes] = []
        for chunk in response.iter_raw():
            chunks.append(decoder.feed(chunk))
            if deadline.expired():
                raise self._timeout(url)
        if deadline.expired():  # the watchdog's shutdown looks like a clean end of body
            raise self._timeout(url)
        body = b"".join(chunks)
        refuse_binary(body)
        kind = kind or sniff_kind(body)
        text = decode_body(body, content_type, html=kind == HTML)
        return Page(url=url, kind=kind, text=text)

    def _timeouts(self, deadline: Deadline) -> httpx.Timeout:
        remaining = max(deadline.remaining(), 0.01)
        connect = min(self._settings.fetch_connect_timeout, remaining)
        return httpx.Timeout(connect=connect, read=remaining, write=remaining, pool=remaining)

    def _timeout(self, url: str) -> FetchTimeout:
        seconds = self._settings.fetch_total_timeout
        return FetchTimeout(f"{_host_of(url)} was too slow to answer (gave up after {seconds:g} s)")

    def _translate(self, error: Exception, url: str, deadline: Deadline) -> FetchError:
        """httpx and zlib failures, in words a chat user understands."""
        host = _host_of(url)
        if deadline.expired() or isinstance(error, httpx.TimeoutException):
            return self._timeout(url)
        if isinstance(error, httpx.InvalidURL):
            return InvalidUrl("that link is not a valid web address")
        if isinstance(error, httpx.ConnectError):
            if "CERTIFICATE" in str(error).upper():
                return FetchConnectionError(
                    f"couldn't open a secure connection to {host} (certificate problem)"
                )
            return FetchConnectionError(f"couldn't connect to {host}")
        if isinstance(error, httpx.DecodingError | zlib.error):
            return FetchConnectionError(f"{host} sent a corrupt page")
        return FetchConnectionError(f"the connection to {host} failed")


def _address_url(parts: SplitResult, scheme: str, address: str, port: int) -> str:
    """The same URL with the checked address in place of the host name."""
    literal = f"[{address}]" if ":" in address else address
    query = f"?{parts.query}" if parts.query else ""
    return f"{scheme}://{literal}:{port}{parts.path or '/'}{query}"


def _join_location(current: str, location: str) -> str:
    try:
        following = urljoin(current, location)
        urlsplit(following).hostname  # noqa: B018 - raises ValueError on a bad host
    except ValueError:
        raise InvalidUrl("that link redirects to an invalid address") from None
    return following


def _host_header(host: str, port: int, scheme: str) -> str:
    literal = f"[{host}]" if ":" in host else host
    return literal if port == DEFAULT_PORTS[scheme] else f"{literal}:{port}"


def _host_of(url: str) -> str:
    try:
        return urlsplit(url).hostname or "the site"
    except ValueError:
        return "the site"


def _status_error(status: int, url: str) -> HttpStatusError:
    host = _host_of(url)
    if status in (401, 403):
        message = (f"{host} refused access (HTTP {status}): the page may need a login, "
                   "sit behind a paywall or block bots")
    elif status in (404, 410):
        message = f"{host} says that page doesn't exist (HTTP {status})"
    elif status == 429:
        message = f"{host} is rate-limiting the bot (HTTP 429); try again later"
    elif status >= 500:
        message = f"{host} had a server error (HTTP {status}); try again later"
    else:
        message = f"{host} answered with an error (HTTP {status})"
    return HttpStatusError(message, status)
