"""`python -m bot digest ...` as an operator runs it: a subprocess on a temp database."""

from __future__ import annotations

import os
import subprocess
import sys
from datetime import UTC, datetime
from pathlib import Path

import pytest

from bot.briefing.engine import build_brief
from bot.briefing.model import Article
from bot.digest.state import last_digest
from bot.store import Store
from tests.digest import texts

REPO = Path(__file__).resolve().parents[2]


@pytest.fixture
def database(tmp_path) -> str:
    """The console's channel with one story shared just now."""
    url = f"sqlite:///{tmp_path}/cli.db"
    with Store(url) as store:
        store.upgrade()
        article = Article(title="Energy bills to fall in April", text=texts.ENERGY_BILLS,
                          url="https://example.news/energy-bills", source="Example News")
        stored = store.save_article(article, build_brief(article), article.url or "")
        store.record_share(stored.id, "console", "local", "local", "you", "m1",
                           shared_at=datetime.now(UTC))
    return url


def run_digest(database: str, *args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "DATABASE_URL": database, "LOG_LEVEL": "WARNING"}
    return subprocess.run([sys.executable, "-m", "bot", "digest", *args], cwd=REPO, env=env,
                          capture_output=True, text=True, timeout=60)


def test_dry_run_prints_and_remembers_nothing_then_console_post_remembers(database):
    dry = run_digest(database, "console:local", "--dry-run")
    assert dry.returncode == 0, dry.stderr
    lines = dry.stdout.splitlines()
    assert lines[0] == "Daily digest: 1 story"
    assert "1. Energy bills to fall in April:" in lines
    assert "1 · Example News: https://example.news/energy-bills" in lines
    with Store(database) as store:
        assert last_digest(store.channel_settings("console", "local", "local")) == (None, None)

    posted = run_digest(database, "console:local", "--hours", "2")
    assert posted.returncode == 0, posted.stderr
    assert posted.stdout.startswith("Daily digest: 1 story")
    with Store(database) as store:
        at, snapshot = last_digest(store.channel_settings("console", "local", "local"))
    assert at is not None and snapshot is not None


def test_posting_to_slack_needs_the_running_bot(database):
    result = run_digest(database, "slack:C123", "--workspace", "T1")
    assert result.returncode == 2
    assert "needs the bot running" in result.stderr and "--dry-run" in result.stderr
    assert "Traceback" not in result.stderr and result.stdout == ""


def test_a_bad_target_is_one_line(database):
    result = run_digest(database, "local", "--dry-run")
    assert result.returncode == 2
    assert result.stderr.strip() == "error: 'local': expected PLATFORM:CHANNEL, e.g. console:local"
