"""`python -m bot run` as an operator starts it: the console fallback, and a clean SIGTERM."""

from __future__ import annotations

import json
import os
import signal
import socket
import sqlite3
import subprocess
import sys
import time
import urllib.request
from collections.abc import Callable
from pathlib import Path

from tests.support.articles import ENERGY, article_html
from tests.support.fake_slack import BOT_TOKEN, FakeSlack
from tests.support.site import LocalSite, page, slow_page
from tests.support.slack_requests import SIGNING_SECRET, event_body, message, signed_headers

REPO = Path(__file__).resolve().parent.parent
PLATFORM_VARIABLES = ("SLACK_", "DISCORD_", "PORT")


def clean_env(tmp_path: Path, **extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(PLATFORM_VARIABLES)}
    env.update({"DATABASE_URL": f"sqlite:///{tmp_path}/bot.db", "LOG_LEVEL": "WARNING",
                "PYTHONPATH": str(REPO)})
    env.update(extra)
    return env


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def test_run_without_platforms_starts_the_console(tmp_path):
    result = subprocess.run(
        [sys.executable, "-m", "bot", "run"], cwd=tmp_path, env=clean_env(tmp_path),
        input="/brief help\n/brief ukraine\n", capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    assert "What I can do" in result.stdout
    assert "1 matching story was published earlier" in result.stdout  # seeds loaded (2022)
    assert "Traceback" not in result.stderr


def wait_for_health(port: int, process: subprocess.Popen[str], seconds: float = 60) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        assert process.poll() is None, process.communicate()[1]
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/healthz", timeout=1) as answer:
                if answer.status == 200:
                    return
        except OSError:
            time.sleep(0.2)
    raise AssertionError("the Slack HTTP server never became healthy")


def wait_until(condition: Callable[[], bool], seconds: float = 30) -> None:
    """Poll a condition (bounded), rather than sleeping for a guessed time."""
    deadline = time.monotonic() + seconds
    while not condition():
        assert time.monotonic() < deadline, "condition never became true"
        time.sleep(0.02)


def post_event(port: int, body: str, retry_num: int | None = None) -> int:
    request = urllib.request.Request(f"http://127.0.0.1:{port}/slack/events",
                                     data=body.encode(),
                                     headers=signed_headers(body, retry_num=retry_num))
    with urllib.request.urlopen(request, timeout=5) as answer:
        return answer.status


def test_sigterm_lets_the_brief_in_flight_finish_and_closes_cleanly(tmp_path):
    site, fake = LocalSite(), FakeSlack()
    site.routes["/slow"] = slow_page(article_html("Energy bills to fall in April", ENERGY))
    port = free_port()
    env = clean_env(tmp_path, SLACK_BOT_TOKEN=BOT_TOKEN, SLACK_SIGNING_SECRET=SIGNING_SECRET,
                    SLACK_API_URL=fake.api_url, PORT=str(port), SLACK_HTTP_HOST="127.0.0.1",
                    FETCH_ALLOWLIST="127.0.0.1", FETCH_RETRIES="0")
    process = subprocess.Popen([sys.executable, "-m", "bot", "run", "--slack-http"],
                               cwd=tmp_path, env=env, stdin=subprocess.DEVNULL,
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        wait_for_health(port, process)
        assert post_event(port, event_body(message(f"read {site.url('/slow')}", "1.0"))) == 200
        wait_until(lambda: "/slow" in site.paths_requested())  # acked; fetch in flight
        process.send_signal(signal.SIGTERM)
        _, stderr = process.communicate(timeout=30)
    finally:
        if process.poll() is None:
            process.kill()
        site.close()
        fake.close()
    assert process.returncode == 0, stderr
    assert "Traceback" not in stderr
    posts = [call for call in fake.calls if call.method == "chat.postMessage"]
    assert len(posts) == 1 and posts[0].params.get("thread_ts") == "1.0"
    database = sqlite3.connect(tmp_path / "bot.db")
    try:
        assert database.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        articles = database.execute("SELECT count(*) FROM articles").fetchone()[0]
        shares = database.execute("SELECT count(*), count(reply_id) FROM shares").fetchone()
    finally:
        database.close()
    assert articles == 1 and shares == (1, 1)
    assert json.dumps(posts[0].blocks)  # a real Block Kit payload went out


def test_console_through_piped_standard_input(tmp_path):
    lines = "/brief ukraine\nwhat did zelensky say\nwho disagrees\nsources\n?!\n"
    result = subprocess.run(
        [sys.executable, "-m", "bot", "console"], cwd=tmp_path, env=clean_env(tmp_path),
        input=lines, capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    out = result.stdout
    assert "1 matching story was published earlier" in out  # the 2022 seed
    assert "Volodymyr Zelensky (told)" in out  # his stated position, from the seed
    assert "White House disputes" in out  # who disagrees: a stored dispute
    assert "news.yahoo.com" in out  # sources cite the article
    assert "he (said)" not in out  # an unresolved pronoun is no source to show
    assert "couldn't tell what you're asking" in out
    assert "Traceback" not in result.stderr


def test_an_event_in_flight_at_kill_9_is_answered_by_the_next_process(tmp_path):
    """Issue 17.9, against real processes: the claim of a process killed mid-brief expires,
    and Slack's redelivery to a fresh process gets the brief; the database stays sound."""
    site, fake = LocalSite(), FakeSlack()
    slow, fast = slow_page(article_html("Energy bills to fall in April", ENERGY)), page(
        article_html("Energy bills to fall in April", ENERGY))
    site.routes["/slow"] = lambda handler: (fast if len(site.requests) > 1 else slow)(handler)
    port = free_port()
    env = clean_env(tmp_path, SLACK_BOT_TOKEN=BOT_TOKEN, SLACK_SIGNING_SECRET=SIGNING_SECRET,
                    SLACK_API_URL=fake.api_url, PORT=str(port), SLACK_HTTP_HOST="127.0.0.1",
                    FETCH_ALLOWLIST="127.0.0.1", FETCH_RETRIES="0",
                    SLACK_CLAIM_LEASE_SECONDS="1")
    body = event_body(message(f"read {site.url('/slow')}", "1.0"), "EvKILLED")

    def start() -> subprocess.Popen[str]:
        process = subprocess.Popen([sys.executable, "-m", "bot", "run", "--slack-http"],
                                   cwd=tmp_path, env=env, stdin=subprocess.DEVNULL,
                                   stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
        wait_for_health(port, process)
        return process

    first = start()
    try:
        assert post_event(port, body) == 200
        wait_until(lambda: "/slow" in site.paths_requested())  # claimed; brief in flight
        first.kill()  # SIGKILL: no clean-up at all
        first.wait(timeout=10)
        lease_over = time.monotonic() + 1.1
        second = start()
        try:
            time.sleep(max(0.0, lease_over - time.monotonic()))  # the dead claim's lease ends
            assert post_event(port, body, retry_num=1) == 200
            wait_until(lambda: any(c.method == "chat.postMessage" for c in fake.calls))
        finally:
            second.send_signal(signal.SIGTERM)
            _, stderr = second.communicate(timeout=30)
    finally:
        if first.poll() is None:
            first.kill()
        site.close()
        fake.close()
    assert "Traceback" not in stderr
    posts = [call for call in fake.calls if call.method == "chat.postMessage"]
    assert len(posts) == 1 and posts[0].params.get("thread_ts") == "1.0"
    database = sqlite3.connect(tmp_path / "bot.db")
    try:
        assert database.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        assert database.execute("SELECT done FROM handled_events").fetchall() == [(1,)]
    finally:
        database.close()
