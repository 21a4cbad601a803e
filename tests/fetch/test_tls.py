"""HTTPS to a pinned address: TCP goes to the checked IP, TLS still verifies the host name."""

from __future__ import annotations

import shutil
import ssl
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest

from bot.fetch import Fetcher, FetchError
from tests.fetch.pages import ARTICLE_HTML, make_settings
from tests.support.site import LocalSite, page

pytestmark = pytest.mark.skipif(shutil.which("openssl") is None, reason="needs openssl")


@pytest.fixture
def tls_site(tmp_path: Path) -> Iterator[tuple[LocalSite, ssl.SSLContext, list[str]]]:
    """A local HTTPS server with a self-signed certificate for `news.test` only."""
    key, cert = tmp_path / "key.pem", tmp_path / "cert.pem"
    subprocess.run(
        ["openssl", "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1",
         "-nodes", "-keyout", str(key), "-out", str(cert), "-days", "1", "-subj", "/CN=news.test",
         "-addext", "subjectAltName=DNS:news.test"],
        check=True, capture_output=True,
    )
    server_names: list[str] = []
    server_context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    server_context.load_cert_chain(cert, key)
    server_context.sni_callback = lambda _sock, name, _ctx: server_names.append(name) and None
    site = LocalSite()
    site.server.socket = server_context.wrap_socket(site.server.socket, server_side=True)
    client_context = ssl.create_default_context(cafile=str(cert))
    yield site, client_context, server_names
    site.close()


def test_https_verifies_the_name_while_connecting_to_the_pinned_address(
    tls_site: tuple[LocalSite, ssl.SSLContext, list[str]],
) -> None:
    site, trust, server_names = tls_site
    site.routes["/story"] = page(ARTICLE_HTML)
    lookups: list[str] = []

    def resolve(host: str, port: int) -> list[str]:
        lookups.append(host)
        return ["127.0.0.1"]

    fetcher = Fetcher(make_settings(fetch_allowlist="127.0.0.1"), resolver=resolve,
                      ssl_context=trust)
    article = fetcher.fetch_article(f"https://news.test:{site.port}/story")
    assert "bridge" in article.text
    assert server_names == ["news.test"]
    assert lookups == ["news.test"]
    assert site.requests[0][1]["host"] == f"news.test:{site.port}"


def test_a_certificate_for_another_name_is_refused(
    tls_site: tuple[LocalSite, ssl.SSLContext, list[str]],
) -> None:
    site, trust, _names = tls_site
    site.routes["/story"] = page(ARTICLE_HTML)
    fetcher = Fetcher(make_settings(fetch_allowlist="127.0.0.1"),
                      resolver=lambda host, port: ["127.0.0.1"], ssl_context=trust)
    with pytest.raises(FetchError, match="certificate"):
        fetcher.fetch_article(f"https://other.test:{site.port}/story")
    assert site.requests == []
