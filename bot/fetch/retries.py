"""Busy answers (429, 502, 503, 504) are asked again, with tenacity.

Waits double from `FETCH_RETRY_BACKOFF`, or follow the server's `Retry-After` (read by
urllib3), never longer than `FETCH_RETRY_AFTER_CAP`. A wait that would outlast the
fetch's deadline is not waited: the busy answer is returned as it is, like the last one.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable

import httpx
from tenacity import RetryCallState, Retrying, retry_if_result, stop_after_attempt
from urllib3.exceptions import InvalidHeader
from urllib3.util.retry import Retry

from bot.fetch.deadline import Deadline
from bot.redact import redact_userinfo
from bot.settings import Settings

logger = logging.getLogger(__name__)
RETRY_STATUSES = frozenset({429, 502, 503, 504})
_HEADER_READER = Retry()


def retry_after_seconds(value: str | None) -> float | None:
    """Seconds from a `Retry-After` header (seconds or an HTTP date); None when unreadable."""
    if not value:
        return None
    try:
        return float(_HEADER_READER.parse_retry_after(value))
    except InvalidHeader:
        return None


def send_with_retries(send: Callable[[], httpx.Response], url: str, settings: Settings,
                      deadline: Deadline) -> httpx.Response:
    """`send()` until it is not busy, the retries run out or the deadline is too near."""

    def wait(state: RetryCallState) -> float:
        response: httpx.Response = state.outcome.result()  # type: ignore[union-attr]
        backoff = settings.fetch_retry_backoff * 2 ** (state.attempt_number - 1)
        asked = retry_after_seconds(response.headers.get("retry-after"))
        return min(asked if asked is not None else backoff, settings.fetch_retry_after_cap)

    def past_deadline(state: RetryCallState) -> bool:
        return state.upcoming_sleep >= deadline.remaining()

    def before_sleep(state: RetryCallState) -> None:
        response: httpx.Response = state.outcome.result()  # type: ignore[union-attr]
        response.close()
        logger.info("retrying %s in %.2f s after HTTP %d", redact_userinfo(url),
                    state.upcoming_sleep, response.status_code)

    retrying = Retrying(
        retry=retry_if_result(lambda response: response.status_code in RETRY_STATUSES),
        stop=stop_after_attempt(settings.fetch_retries + 1) | past_deadline,
        wait=wait,
        before_sleep=before_sleep,
        retry_error_callback=lambda state: state.outcome.result(),  # type: ignore[union-attr]
        sleep=time.sleep,
    )
    return retrying(send)
