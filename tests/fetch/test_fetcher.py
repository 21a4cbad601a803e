"""The fetcher against real local servers: SSRF guard, redirects, limits, types, retries."""

from __future__ import annotations

import gzip
import logging
import socket
import time
from http.server import BaseHTTPRequestHandler

import pytest

from bot import __version__
from bot.fetch import (
    BlockedAddress,
    DnsFailure,
    Fetcher,
    FetchError,
    FetchTimeout,
    HttpStatusError,
    InvalidUrl,
    NoArticleText,
    TooLarge,
    TooManyRedirects,
    UnsupportedContentType,
)
from tests.fetch.pages import ARTICLE_HTML, make_settings
from tests.support.site import LocalSite, page, redirect, send


def resolver_to(*addresses: str, calls: list[str] | None = None):
    """A fake DNS that answers every name with `addresses` and counts the lookups."""

    def resolve(host: str, port: int) -> list[str]:
        if calls is not None:
            calls.append(host)
        return list(addresses)

    return resolve


def test_fetches_an_allowlisted_local_page_on_a_non_default_port(site: LocalSite) -> None:
    site.routes["/news/bridge"] = page(ARTICLE_HTML)
    article = Fetcher(make_settings()).fetch_article(site.url("/news/bridge?utm_medium=x#top"))
    assert article.title.startswith("Council approves the new bridge")
    assert article.url == site.url("/news/bridge")  # canonical, tracking stripped
    assert article.published == "2024-03-05"
    assert article.source == "Riverside Gazette"
    lines = article.text.split("\n")
    assert any(line.startswith("Mayor Jane Porter said") for line in lines)
    assert "Home" not in article.text


def test_sends_a_user_agent_naming_the_bot_and_the_original_host(site: LocalSite) -> None:
    site.routes["/a"] = page(ARTICLE_HTML)
    calls: list[str] = []
    fetcher = Fetcher(make_settings(fetch_allowlist="news.test"),
                      resolver=resolver_to("127.0.0.1", calls=calls))
    fetcher.fetch_article(site.url("/a", host="News.Test"))
    headers = site.requests[0][1]
    assert f"BriefingBot/{__version__}" in headers["user-agent"]
    assert headers["host"] == f"news.test:{site.port}"
    assert calls == ["news.test"]  # one lookup: the connection used the checked address


@pytest.mark.parametrize("answer", ["127.0.0.1", "::1", "10.0.0.7", "169.254.169.254"])
def test_a_name_resolving_to_a_private_address_is_refused(site: LocalSite, answer: str) -> None:
    fetcher = Fetcher(make_settings(fetch_allowlist=""), resolver=resolver_to(answer))
    with pytest.raises(BlockedAddress):
        fetcher.fetch_article(f"http://intranet.example:{site.port}/")
    assert site.requests == []


def test_a_name_with_one_private_address_among_public_ones_is_refused() -> None:
    fetcher = Fetcher(make_settings(fetch_allowlist=""),
                      resolver=resolver_to("93.184.216.34", "127.0.0.1"))
    with pytest.raises(BlockedAddress):
        fetcher.fetch_article("http://mixed.example/")


@pytest.mark.parametrize("host", [
    "127.0.0.1", "2130706433", "0x7f000001", "0177.0.0.1", "0x7f.1", "127.1", "017700000001",
    "[::1]", "[::ffff:127.0.0.1]", "[0:0:0:0:0:ffff:7f00:1]", "0.0.0.0", "10.1", "0xa9fea9fe",
    "[fe80::1]", "[::ffff:10.0.0.1]", "[64:ff9b::a00:1]", "[2002:7f00:1::]", "224.0.0.1",
    "localhost",
])
def test_ip_spellings_of_private_addresses_are_refused(host: str) -> None:
    fetcher = Fetcher(make_settings(fetch_allowlist=""), resolver=resolver_to("127.0.0.1"))
    with pytest.raises(BlockedAddress):
        fetcher.fetch_article(f"http://{host}/")


@pytest.mark.parametrize("host", ["2130706433", "0x7f000001", "0177.0.0.1", "127.1"])
def test_odd_spellings_reach_the_same_address_when_allowlisted(site: LocalSite, host: str) -> None:
    site.routes["/a"] = page(ARTICLE_HTML)
    article = Fetcher(make_settings()).fetch_article(site.url("/a", host=host))
    assert "bridge" in article.text


def test_a_non_default_port_is_refused_for_public_hosts(site: LocalSite) -> None:
    fetcher = Fetcher(make_settings(fetch_allowlist=""), resolver=resolver_to("93.184.216.34"))
    with pytest.raises(InvalidUrl, match="port 8000"):
        fetcher.fetch_article("http://public.example:8000/story")


@pytest.mark.parametrize("url", ["ftp://example.com/x", "file:///etc/passwd", "gopher://x/",
                                 "javascript:alert(1)", "http:///nohost", "http://a:99999/"])
def test_only_http_links_with_valid_ports_are_opened(url: str) -> None:
    with pytest.raises(InvalidUrl):
        Fetcher(make_settings()).fetch_article(url)


def test_a_redirect_into_private_space_is_refused(site: LocalSite) -> None:
    site.routes["/start"] = redirect(site.url("/secret"))
    site.routes["/secret"] = page(ARTICLE_HTML)
    fetcher = Fetcher(make_settings(fetch_allowlist="public.test"),
                      resolver=resolver_to("127.0.0.1"))
    with pytest.raises(BlockedAddress):
        fetcher.fetch_article(site.url("/start", host="public.test"))
    assert site.paths_requested() == ["/start"]


@pytest.mark.parametrize("target", ["http://169.254.169.254/latest/meta-data/",
                                    "http://[::1]/", "http://0x7f000001/", "file:///etc/passwd",
                                    "http://[broken/", "http://localhost:22/"])
def test_redirects_are_checked_like_the_first_hop(site: LocalSite, target: str) -> None:
    site.routes["/start"] = redirect(target, status=301)
    fetcher = Fetcher(make_settings(fetch_allowlist="public.test"),
                      resolver=resolver_to("127.0.0.1"))
    with pytest.raises((BlockedAddress, InvalidUrl)):
        fetcher.fetch_article(site.url("/start", host="public.test"))


def test_redirects_are_followed_up_to_the_limit(site: LocalSite) -> None:
    for hop in range(6):
        site.routes[f"/r{hop}"] = redirect(f"/r{hop + 1}", status=307)
    site.routes["/r6"] = page(ARTICLE_HTML)
    fetcher = Fetcher(make_settings(fetch_max_redirects=5))
    assert "bridge" in fetcher.fetch_article(site.url("/r1")).text
    with pytest.raises(TooManyRedirects):
        fetcher.fetch_article(site.url("/r0"))


def test_an_oversized_body_is_cut_off_while_streaming(site: LocalSite) -> None:
    def endless(handler: BaseHTTPRequestHandler) -> None:
        handler.send_response(200)
        handler.send_header("Content-Type", "text/html")
        handler.send_header("Connection", "close")
        handler.end_headers()
        for _ in range(2000):  # 20 MB unless the client hangs up first
            handler.wfile.write(b"<p>" + b"x" * 10_000 + b"</p>")

    site.routes["/huge"] = endless
    with pytest.raises(TooLarge, match="too large"):
        Fetcher(make_settings(fetch_max_bytes=50_000)).fetch_article(site.url("/huge"))


def test_a_declared_oversized_length_is_refused_and_a_gzip_bomb_too(site: LocalSite) -> None:
    site.routes["/declared"] = page(b"y" * 60_000)
    bomb = gzip.compress(b"<p>" + b"0" * 20_000_000)
    site.routes["/bomb"] = page(bomb, headers={"Content-Encoding": "gzip"})
    fetcher = Fetcher(make_settings(fetch_max_bytes=50_000))
    for path in ("/declared", "/bomb"):
        with pytest.raises(TooLarge):
            fetcher.fetch_article(site.url(path))


def trickle(handler: BaseHTTPRequestHandler, head: bytes, drip: bytes) -> None:
    handler.wfile.write(head)
    handler.wfile.flush()
    for _ in range(200):
        time.sleep(0.05)
        handler.wfile.write(drip)
        handler.wfile.flush()


@pytest.mark.parametrize("head, drip", [
    (b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nConnection: close\r\n\r\n<p>", b"a"),
    (b"HTTP/1.1 200 OK\r\nX-Slow: ", b"z"),  # headers that never end
])
def test_a_trickling_server_cannot_outlast_the_total_deadline(
    site: LocalSite, head: bytes, drip: bytes
) -> None:
    site.routes["/slow"] = lambda handler: trickle(handler, head, drip)
    started = time.monotonic()
    with pytest.raises(FetchTimeout, match="too slow"):
        Fetcher(make_settings(fetch_total_timeout=1.0)).fetch_article(site.url("/slow"))
    assert time.monotonic() - started < 2.0


@pytest.mark.parametrize("content_type, body, message", [
    ("application/pdf", b"%PDF-1.7 ...", "can't brief a PDF link"),
    ("image/png", b"\x89PNG....", "can't brief an image link"),
    ("application/zip", b"PK\x03\x04", "can't brief a ZIP link"),
    ("application/x-shockwave-flash", b"FWS", "can't brief an application/x-shockwave-flash"),
    ("application/octet-stream", b"%PDF-1.4 untyped", "can't brief a PDF link"),
    ("", b"\x89PNG\r\n\x1a\n", "can't brief an image link"),
])
def test_unsupported_content_types_get_a_clear_error(
    site: LocalSite, content_type: str, body: bytes, message: str
) -> None:
    site.routes["/file"] = page(body, content_type=content_type)
    with pytest.raises(UnsupportedContentType) as caught:
        Fetcher(make_settings()).fetch_article(site.url("/file"))
    assert caught.value.user_message.startswith(message)


def test_plain_text_and_untyped_html_are_briefed(site: LocalSite) -> None:
    text = ("Quarterly report\n\nRevenue grew by four percent in the quarter, the company said,\n"
            "driven by strong sales abroad.\n\n" + "The board will meet again in June. " * 8)
    site.routes["/report.txt"] = page(text, content_type="text/plain; charset=utf-8")
    site.routes["/untyped"] = page(ARTICLE_HTML, content_type="")
    fetcher = Fetcher(make_settings())
    article = fetcher.fetch_article(site.url("/report.txt"))
    assert article.title == "Quarterly report"
    assert article.text.split("\n")[1].startswith("Revenue grew by four percent in the quarter,")
    assert "bridge" in fetcher.fetch_article(site.url("/untyped")).text


@pytest.mark.parametrize("content_type, body", [
    ("text/html; charset=iso-8859-1", ARTICLE_HTML.replace("Mayor", "Maire Ça").encode("latin-1")),
    ("text/html", ARTICLE_HTML.replace("<head>", '<head><meta charset="windows-1251">')
     .replace("Mayor", "Мэр Ça").encode("cp1251", errors="replace")),
    ("text/html", ARTICLE_HTML.replace("Mayor", "Maire Ça").encode("utf-8")),
    ("text/html; charset=utf-8", b"\xef\xbb\xbf" + ARTICLE_HTML.replace("Mayor", "Maire Ça")
     .encode("utf-8")),
    ("text/html; charset=iso-8859-1", b"\xef\xbb\xbf" + ARTICLE_HTML.replace("Mayor", "Maire Ça")
     .encode("utf-8")),  # a wrong header charset: the BOM wins
    ("text/html", ARTICLE_HTML.replace("<head>", '<head><meta http-equiv="Content-Type" '
                                       'content="text/html; charset=koi8-r">')
     .replace("Mayor", "Мэр").encode("koi8-r")),
])
def test_charset_comes_from_header_meta_or_a_guess(
    site: LocalSite, content_type: str, body: bytes
) -> None:
    site.routes["/enc"] = page(body, content_type=content_type)
    article = Fetcher(make_settings()).fetch_article(site.url("/enc"))
    assert "Ça" in article.text or "Мэр" in article.text
    assert "\ufffd" not in article.text


def test_retry_after_is_honoured_up_to_the_cap(site: LocalSite) -> None:
    answers = iter([503, 429])

    def busy_then_fine(handler: BaseHTTPRequestHandler) -> None:
        status = next(answers, 200)
        if status == 200:
            send(handler, ARTICLE_HTML.encode())
        else:
            send(handler, b"busy", status=status, headers={"Retry-After": "30"})

    site.routes["/busy"] = busy_then_fine
    started = time.monotonic()
    article = Fetcher(make_settings(fetch_retry_after_cap=0.1)).fetch_article(site.url("/busy"))
    assert "bridge" in article.text
    assert len(site.requests) == 3
    assert 0.2 <= time.monotonic() - started < 1.0  # two capped waits, not 30 s


def test_retries_give_up_with_the_status(site: LocalSite) -> None:
    site.routes["/down"] = page(b"down", status=502, content_type="text/plain")
    with pytest.raises(HttpStatusError) as caught:
        Fetcher(make_settings(fetch_retries=2)).fetch_article(site.url("/down"))
    assert caught.value.status_code == 502
    assert len(site.requests) == 3


def test_error_statuses_are_typed(site: LocalSite) -> None:
    site.routes["/paywall"] = page(b"no", status=403)
    fetcher = Fetcher(make_settings())
    with pytest.raises(HttpStatusError, match="404"):
        fetcher.fetch_article(site.url("/missing"))
    with pytest.raises(HttpStatusError, match="paywall"):
        fetcher.fetch_article(site.url("/paywall"))


def test_dns_and_connection_failures_are_typed() -> None:
    with socket.socket() as probe:  # a port nobody listens on
        probe.bind(("127.0.0.1", 0))
        closed_port = probe.getsockname()[1]
    fetcher = Fetcher(make_settings(), resolver=resolver_to())
    with pytest.raises(DnsFailure, match=r"nowhere\.example"):
        fetcher.fetch_article("http://nowhere.example/")
    with pytest.raises(FetchError, match="couldn't connect"):
        fetcher.fetch_article(f"http://127.0.0.1:{closed_port}/")


def test_a_consent_wall_is_no_article_text_and_is_logged(
    site: LocalSite, caplog: pytest.LogCaptureFixture
) -> None:
    site.routes["/wall"] = page("<html><body><div id='app'></div>"
                                "<script>loadConsent()</script><p>Accept cookies</p></body></html>")
    url = site.url("/wall")
    with (
        caplog.at_level(logging.WARNING, logger="bot.fetch"),
        pytest.raises(NoArticleText) as caught,
    ):
        Fetcher(make_settings()).fetch_article(url)
    assert caught.value.user_message == (
        "no article text found (paywall, consent wall or script-only page?)"
    )
    assert any(url in r.getMessage() and "no article text" in r.getMessage()
               for r in caplog.records if r.levelno == logging.WARNING)


ODD_CHARSETS = ["rot13", "base64", "hex", "zlib_codec", "idna", "undefined", "uu", "utf-7"]


@pytest.mark.parametrize("where", ["header", "meta"])
@pytest.mark.parametrize("charset", ODD_CHARSETS)
def test_a_charset_that_is_no_text_encoding_falls_back_to_detection(
    site: LocalSite, caplog: pytest.LogCaptureFixture, charset: str, where: str
) -> None:
    """Issue 17.4: codec names that are transforms or refusals were used to decode pages."""
    html = ARTICLE_HTML.replace("Mayor", "Maire Ça")
    if where == "meta":
        html = html.replace("<head>", f'<head><meta charset="{charset}">')
        content_type = "text/html"
    else:
        content_type = f"text/html; charset={charset}"
    site.routes["/odd"] = page(html.encode("utf-8"), content_type=content_type)
    with caplog.at_level(logging.DEBUG):
        article = Fetcher(make_settings()).fetch_article(site.url("/odd"))
    assert "Maire Ça" in article.text
    assert not [r for r in caplog.records if r.exc_info]


def test_a_name_resolving_to_a_site_local_ipv6_address_is_refused_before_connecting() -> None:
    """Issue 17.10: fec0::/10 was treated as public, so a connection was attempted."""
    with pytest.raises(BlockedAddress):
        Fetcher(make_settings(fetch_allowlist=""), resolver=resolver_to("fec0::1")).fetch_article(
            "http://intranet.example/")


def test_a_binary_body_labelled_html_is_refused_before_any_parser_sees_it(
    site: LocalSite, caplog: pytest.LogCaptureFixture
) -> None:
    """Issue 17.12: readability logged its own traceback for binary bodies sent as text/html."""
    import random

    noise = random.Random(12).randbytes(6000).replace(b"\x00", b"\x01")
    site.routes["/blob"] = page(b"<html><body>" + noise, content_type="text/html")
    with caplog.at_level(logging.DEBUG), pytest.raises(UnsupportedContentType, match="binary"):
        Fetcher(make_settings()).fetch_article(site.url("/blob"))
    assert not [r for r in caplog.records if r.exc_info]
    assert not [r for r in caplog.records if r.name.startswith(("readability", "trafilatura"))]
