"""Steady memory of `python -m bot run`, the real process tree, in Slack HTTP mode.

A local stand-in for Slack's Web API answers every method with `ok`; real news pages are
served from 127.0.0.1. Ten signed `message` events with links go to the bot's own HTTP
endpoint, and once their briefs are posted the memory of the main process and of every
process under it (the link pool's fork server and workers) is read from /proc: RSS, and PSS,
which shares pages that several processes map between them, so the sum is what the machine
really holds.
"""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

from slack_sdk.signature import SignatureVerifier

from bench.common import REPO, print_table, require_eval
from bench.extraction import _serve

SECRET = "bench-signing-secret"
LINKS = 10


class _FakeSlack(BaseHTTPRequestHandler):
    posted = 0

    def do_POST(self) -> None:
        self.rfile.read(int(self.headers.get("Content-Length") or 0))
        if self.path.endswith("chat.postMessage"):
            type(self).posted += 1
        body = json.dumps({"ok": True, "user_id": "UBOT", "bot_id": "B1", "team_id": "T1",
                           "channel": "C1", "ts": f"{time.time():.6f}"}).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *_args: object) -> None:
        pass


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _send_event(port: int, number: int, url: str) -> None:
    body = json.dumps({
        "token": "legacy", "team_id": "T1", "api_app_id": "A1", "type": "event_callback",
        "event_id": f"Ev{number:08d}", "event_time": int(time.time()),
        "event": {"type": "message", "channel": "C1", "user": "U1", "text": f"<{url}>",
                  "ts": f"{time.time():.6f}", "channel_type": "channel"},
        "authorizations": [{"team_id": "T1", "user_id": "UBOT", "is_bot": True}],
    })
    stamp = str(int(time.time()))
    request = urllib.request.Request(
        f"http://127.0.0.1:{port}/slack/events", data=body.encode(), method="POST",
        headers={"Content-Type": "application/json", "X-Slack-Request-Timestamp": stamp,
                 "X-Slack-Signature": SignatureVerifier(SECRET).generate_signature(
                     timestamp=stamp, body=body)})
    urllib.request.urlopen(request, timeout=30).read()


def _tree(pid: int) -> list[int]:
    """The process and its descendants; a child belongs to the thread that started it."""
    children = [int(child) for task in Path(f"/proc/{pid}/task").iterdir()
                for child in (task / "children").read_text().split()]
    return [pid, *(p for child in children for p in _tree(child))]


def _memory_mb(pid: int) -> tuple[float, float]:
    rollup = Path(f"/proc/{pid}/smaps_rollup").read_text()
    fields = {line.split(":")[0]: int(line.split()[1]) for line in rollup.splitlines()[1:]}
    return fields["Rss"] / 1024, fields["Pss"] / 1024


def measure(workers: int, pages_port: int, urls: list[str]) -> list[object]:
    slack = ThreadingHTTPServer(("127.0.0.1", 0), _FakeSlack)
    threading.Thread(target=slack.serve_forever, daemon=True).start()
    _FakeSlack.posted = 0
    port = _free_port()
    with tempfile.TemporaryDirectory() as folder:
        env = {**os.environ, "DATABASE_URL": f"sqlite:///{folder}/bot.db",
               "SLACK_BOT_TOKEN": "xoxb-bench", "SLACK_SIGNING_SECRET": SECRET,
               "SLACK_APP_TOKEN": "", "DISCORD_TOKEN": "", "PORT": str(port),
               "SLACK_HTTP_HOST": "127.0.0.1", "LOG_LEVEL": "ERROR",
               "SLACK_API_URL": f"http://127.0.0.1:{slack.server_address[1]}/",
               "FETCH_ALLOWLIST": "127.0.0.1", "FETCH_ALLOWED_PORTS": str(pages_port),
               "LINK_WORKERS": str(workers)}
        bot = subprocess.Popen([sys.executable, "-m", "bot", "run", "--slack-http"], cwd=REPO,
                               env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        try:
            _wait_for(lambda: _listening(port), 120)
            for number, url in enumerate(urls[:LINKS]):
                _send_event(port, number, url)
            _wait_for(lambda: _FakeSlack.posted >= LINKS, 300)
            time.sleep(5)  # let the workers settle after their last brief
            processes = _tree(bot.pid)
            figures = [_memory_mb(pid) for pid in processes]
        finally:
            bot.terminate()
            bot.wait(timeout=60)
            slack.shutdown()
    main_rss = figures[0][0]
    return [workers, len(processes), main_rss, sum(r for r, _ in figures),
            sum(p for _, p in figures)]


def _listening(port: int) -> bool:
    try:
        socket.create_connection(("127.0.0.1", port), timeout=1).close()
        return True
    except OSError:
        return False


def _wait_for(condition, seconds: float) -> None:
    deadline = time.monotonic() + seconds
    while not condition():
        if time.monotonic() > deadline:
            raise SystemExit("the bot did not answer in time")
        time.sleep(0.2)


def main() -> None:
    folder = require_eval("article-extraction")
    keys = sorted(json.loads((folder / "ground-truth.json").read_text("utf-8")))[:LINKS]
    server = _serve({key: (folder / "html" / f"{key}.html.gz").read_bytes() for key in keys})
    port = server.server_address[1]
    urls = [f"http://127.0.0.1:{port}/{key}.html" for key in keys]
    rows = [measure(workers, port, urls) for workers in (1, 2)]
    print(f"`python -m bot run --slack-http` after briefing {LINKS} pasted links")
    print_table(["link workers", "processes", "main RSS MB", "sum of RSS MB",
                 "sum of PSS MB (what the machine holds)"], rows)
    server.shutdown()


if __name__ == "__main__":
    main()
