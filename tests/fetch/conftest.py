"""A real HTTP server on 127.0.0.1 whose answers each test scripts, plus settings for it."""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from bot.settings import Settings

Route = Callable[[BaseHTTPRequestHandler], None]


class LocalSite:
    """Routes by path; records every request so tests can prove what reached the server."""

    def __init__(self) -> None:
        self.routes: dict[str, Route] = {}
        self.requests: list[tuple[str, dict[str, str]]] = []
        site = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def do_GET(self) -> None:
                site.requests.append((self.path, {k.lower(): v for k, v in self.headers.items()}))
                route = site.routes.get(self.path) or site.routes.get(self.path.split("?")[0])
                try:
                    if route is None:
                        send(self, b"not here", status=404, content_type="text/plain")
                    else:
                        route(self)
                except (BrokenPipeError, ConnectionResetError):
                    pass  # the fetcher hung up on purpose (too large, too slow)

            def log_message(self, *_args: object) -> None:
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        # Handlers of hung-up requests may fail after the test ended; that is expected.
        self.server.handle_error = lambda *_args: None  # type: ignore[method-assign]
        self.port = self.server.server_address[1]
        self._thread = threading.Thread(
            target=self.server.serve_forever, kwargs={"poll_interval": 0.02}, daemon=True
        )
        self._thread.start()

    def url(self, path: str, host: str = "127.0.0.1") -> str:
        return f"http://{host}:{self.port}{path}"

    def paths_requested(self) -> list[str]:
        return [path for path, _ in self.requests]

    def close(self) -> None:
        self.server.shutdown()
        self.server.server_close()


def send(
    handler: BaseHTTPRequestHandler,
    body: bytes,
    *,
    status: int = 200,
    content_type: str = "text/html; charset=utf-8",
    headers: dict[str, str] | None = None,
) -> None:
    handler.send_response(status)
    if content_type:
        handler.send_header("Content-Type", content_type)
    handler.send_header("Content-Length", str(len(body)))
    for name, value in (headers or {}).items():
        handler.send_header(name, value)
    handler.end_headers()
    handler.wfile.write(body)


def page(body: bytes | str, **options: object) -> Route:
    data = body.encode("utf-8") if isinstance(body, str) else body
    return lambda handler: send(handler, data, **options)  # type: ignore[arg-type]


def redirect(location: str, status: int = 302) -> Route:
    return lambda handler: send(handler, b"", status=status, headers={"Location": location})


ARTICLE_HTML = """<!doctype html>
<html><head>
<title>Council approves the new bridge | Riverside Gazette</title>
<meta property="og:site_name" content="Riverside Gazette">
<meta property="article:published_time" content="2024-03-05T09:30:00Z">
<link rel="canonical" href="/news/bridge?utm_source=feed">
</head><body>
<nav><a href="/">Home</a> <a href="/news">News</a></nav>
<article>
<h1>Council approves the new bridge</h1>
<p>The city council voted on Tuesday to approve the construction of a new bridge across
the river, ending a debate that has lasted for more than a decade in the town.</p>
<p>Mayor Jane Porter said the bridge would cut commuting times for thousands of residents
and bring new business to the eastern districts, which have long felt neglected.</p>
<p>Opponents, led by councillor Tom Reyes, argued that the cost estimates were too
optimistic and that the environmental review had been rushed through the committee.</p>
<p>Construction is expected to begin next spring and to last about three years, according
to the engineering firm that won the contract after a public tender last autumn.</p>
</article>
<footer>Copyright Riverside Gazette</footer>
</body></html>
"""


@pytest.fixture
def site() -> Iterator[LocalSite]:
    local = LocalSite()
    yield local
    local.close()


def make_settings(**overrides: object) -> Settings:
    """Fast limits, so slow and large cases finish in about a second."""
    values: dict[str, object] = {
        "fetch_allowlist": "127.0.0.1",
        "fetch_allowed_ports": "",
        "fetch_connect_timeout": 1.0,
        "fetch_total_timeout": 1.5,
        "fetch_max_bytes": 200_000,
        "fetch_max_redirects": 5,
        "fetch_retries": 2,
        "fetch_retry_backoff": 0.02,
        "fetch_retry_after_cap": 0.1,
    }
    values.update(overrides)
    return Settings(_env_file=None, **values)  # type: ignore[call-arg]
