"""The link pool against real worker processes and pages served on 127.0.0.1."""

from __future__ import annotations

import os
import signal
import time
from collections.abc import Iterator

import pytest

from bot.errors import BotError
from bot.settings import Settings
from bot.workers import BudgetExceeded, LinkPool
from bot.workers.pool import MB, Budget
from tests.support.articles import ENERGY, article_html
from tests.support.site import LocalSite, page


@pytest.fixture(scope="module")
def site() -> Iterator[LocalSite]:
    local = LocalSite()
    local.routes["/energy"] = page(article_html("Energy bills to fall in April", ENERGY))
    local.routes["/short"] = page(article_html("Short", "Too short."))
    yield local
    local.close()


def settings(site: LocalSite) -> Settings:
    return Settings(database_url="sqlite://", fetch_allowlist="127.0.0.1",
                    fetch_allowed_ports=str(site.port), fetch_retries=0, log_level="WARNING")


@pytest.fixture(scope="module")
def pool(site: LocalSite) -> Iterator[LinkPool]:
    built = LinkPool(settings(site), size=1)
    yield built
    built.close()


def test_a_worker_fetches_and_briefs_a_link(pool, site):
    article, brief = pool.run(site.url("/energy"))
    assert article.title == "Energy bills to fall in April"
    assert brief.summary and "Ofgem" in " ".join(s.text for s in brief.summary)


def test_a_user_error_comes_back_as_its_message(pool, site):
    with pytest.raises(BotError, match="no article text found"):
        pool.run(site.url("/short"))


def test_a_dead_worker_is_replaced_before_it_gets_a_link(pool, site):
    [pid] = pool.worker_pids()
    os.kill(pid, signal.SIGKILL)
    deadline = time.monotonic() + 10
    while _alive(pid):  # the fork server reaps it
        assert time.monotonic() < deadline
        time.sleep(0.01)
    article, _ = pool.run(site.url("/energy"))
    assert article.title == "Energy bills to fall in April"
    assert pool.worker_pids() != [pid]


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    return True


def test_past_its_memory_cap_a_worker_is_replaced_and_the_user_told(site):
    # Below what a warm worker holds: every brief passes the cap.
    tight = LinkPool(settings(site), size=1, budget=Budget(60.0, 50 * MB, 60.0))
    try:
        [before] = tight.worker_pids()
        with pytest.raises(BudgetExceeded, match="too much memory"):
            tight.run(site.url("/energy"))
        [after] = tight.worker_pids()
        assert after != before
        assert _alive(after)
    finally:
        tight.close()


def test_past_its_cpu_budget_a_worker_is_replaced(site):
    tight = LinkPool(settings(site), size=1, budget=Budget(0.0, 4096 * MB, 60.0))
    try:
        with pytest.raises(BudgetExceeded, match="took too long to brief"):
            tight.run(site.url("/energy"))
    finally:
        tight.close()
    assert tight.worker_pids() == []
