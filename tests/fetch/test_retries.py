"""Busy answers are asked again within the deadline; Retry-After is read by urllib3."""

from __future__ import annotations

import time
from datetime import UTC, datetime, timedelta
from email.utils import format_datetime

import pytest

from bot.fetch import Fetcher, HttpStatusError
from bot.fetch.retries import retry_after_seconds
from tests.fetch.pages import make_settings
from tests.support.site import LocalSite, page


def test_retry_after_reads_seconds_and_dates() -> None:
    assert retry_after_seconds("120") == 120.0
    assert retry_after_seconds(" 7 ") == 7.0
    soon = format_datetime(datetime.now(UTC) + timedelta(seconds=60), usegmt=True)
    assert 55 <= retry_after_seconds(soon) <= 60  # type: ignore[operator]
    past = format_datetime(datetime.now(UTC) - timedelta(days=1), usegmt=True)
    assert retry_after_seconds(past) == 0.0


@pytest.mark.parametrize("value", [None, "", "soon", "-3", "1.5"])
def test_an_unreadable_retry_after_falls_back_to_the_backoff(value: str | None) -> None:
    assert retry_after_seconds(value) is None


def test_a_wait_past_the_deadline_is_not_waited(site: LocalSite) -> None:
    site.routes["/busy"] = page(b"busy", status=503, headers={"Retry-After": "30"})
    settings = make_settings(fetch_retries=3, fetch_retry_after_cap=30.0,
                             fetch_total_timeout=1.0)
    started = time.monotonic()
    with pytest.raises(HttpStatusError) as caught:
        Fetcher(settings).fetch_article(site.url("/busy"))
    assert caught.value.status_code == 503
    assert len(site.requests) == 1
    assert time.monotonic() - started < 0.9
