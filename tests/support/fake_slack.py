"""A fake Slack Web API on 127.0.0.1: answers auth.test, records posts and response_url calls.

The Bolt app under test talks to it over real HTTP (`AsyncWebClient(base_url=...)`), so the
requests it records are exactly what Slack would have received.
"""

from __future__ import annotations

import json
import threading
import time
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qsl

from tests.support.site import send

BOT_USER_ID = "UBOT"
BOT_ID = "BBOT"
TEAM_ID = "T1"
BOT_TOKEN = "xoxb-test-token"


@dataclass
class Call:
    """One request: the API method (or `response_url`), its arguments and its token."""

    method: str
    params: dict[str, Any]
    authorization: str = ""
    status: int = 200
    answer: dict[str, Any] = field(default_factory=dict)

    @property
    def text(self) -> str:
        return str(self.params.get("text", ""))

    @property
    def blocks(self) -> list[dict[str, Any]]:
        blocks = self.params.get("blocks") or []
        return json.loads(blocks) if isinstance(blocks, str) else blocks


@dataclass
class FakeSlack:
    """Scripted answers: `rate_limit[method] = n` answers the next n calls with a 429."""

    calls: list[Call] = field(default_factory=list)
    rate_limit: dict[str, int] = field(default_factory=dict)
    refuse: dict[str, str] = field(default_factory=dict)  # method -> Slack error code
    socket_url: str = ""  # what apps.connections.open hands a Socket Mode client
    _lock: threading.Lock = field(default_factory=threading.Lock)
    _next_ts: int = 0

    def __post_init__(self) -> None:
        self.server = ThreadingHTTPServer(("127.0.0.1", 0), _handler_for(self))
        self.server.daemon_threads = True
        self.port = self.server.server_address[1]
        self._thread = threading.Thread(target=self.server.serve_forever,
                                        kwargs={"poll_interval": 0.02}, daemon=True)
        self._thread.start()

    @property
    def api_url(self) -> str:
        return f"http://127.0.0.1:{self.port}/api/"

    def response_url(self, name: str = "cmd") -> str:
        return f"http://127.0.0.1:{self.port}/response/{name}"

    def close(self) -> None:
        self.server.shutdown()
        self.server.server_close()

    def posts(self, method: str = "chat.postMessage") -> list[Call]:
        """Successful calls of one method, in order."""
        with self._lock:
            return [c for c in self.calls if c.method == method and c.status == 200]

    def wait_for(self, method: str, count: int = 1, timeout: float = 10.0) -> list[Call]:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            found = self.posts(method)
            if len(found) >= count:
                return found
            time.sleep(0.01)
        raise AssertionError(f"expected {count} {method} call(s), got {self.posts(method)}")

    def answer(self, method: str, params: dict[str, Any]) -> tuple[int, dict[str, Any]]:
        """Slack's reply to one call, and whether it was rate limited (429)."""
        with self._lock:
            if self.rate_limit.get(method, 0) > 0:
                self.rate_limit[method] -= 1
                return 429, {"ok": False, "error": "ratelimited"}
            if method in self.refuse:
                return 200, {"ok": False, "error": self.refuse[method]}
            self._next_ts += 1
            ts = f"1800000000.{self._next_ts:06d}"
        if method == "auth.test":
            return 200, {"ok": True, "url": "https://test.slack.com/", "team": "Test",
                         "user": "briefbot", "team_id": TEAM_ID, "user_id": BOT_USER_ID,
                         "bot_id": BOT_ID, "is_enterprise_install": False}
        if method == "chat.postMessage":
            return 200, {"ok": True, "channel": params.get("channel"), "ts": ts,
                         "message": {"text": params.get("text"), "ts": ts}}
        if method == "apps.connections.open":
            return 200, {"ok": True, "url": self.socket_url}
        if method == "chat.postEphemeral":
            return 200, {"ok": True, "message_ts": ts}
        return 200, {"ok": False, "error": "unknown_method"}


def _handler_for(fake: FakeSlack) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def do_POST(self) -> None:
            raw = self.rfile.read(int(self.headers.get("Content-Length") or 0)).decode()
            params = _parse(raw, self.headers.get("Content-Type") or "")
            authorization = self.headers.get("Authorization") or ""
            if self.path.startswith("/response/"):
                with fake._lock:
                    fake.calls.append(Call("response_url", params, authorization))
                send(self, b"ok", content_type="text/plain")
                return
            method = self.path.removeprefix("/api/").split("?")[0]
            status, answer = fake.answer(method, params)
            with fake._lock:
                fake.calls.append(Call(method, params, authorization, status, answer))
            headers = {"Retry-After": "0"} if status == 429 else {}
            send(self, json.dumps(answer).encode(), status=status,
                 content_type="application/json", headers=headers)

        def log_message(self, *_args: object) -> None:
            pass

    return Handler


def _parse(raw: str, content_type: str) -> dict[str, Any]:
    if "json" in content_type:
        return json.loads(raw or "{}")
    return dict(parse_qsl(raw))
