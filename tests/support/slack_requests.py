"""Signed Slack requests, built the way Slack builds them, and a harness that dispatches them
through the real Bolt app (`AsyncApp.async_dispatch`)."""

from __future__ import annotations

import asyncio
import itertools
import json
import time
from typing import Any
from urllib.parse import urlencode

from slack_bolt.async_app import AsyncApp
from slack_bolt.request.async_request import AsyncBoltRequest
from slack_bolt.response import BoltResponse
from slack_sdk.signature import SignatureVerifier

from bot.bootstrap import Services, build_chat_parts, build_conversation
from bot.platforms.slack import build_slack_app
from bot.platforms.slack_bridge import SlackBridge
from tests.support.fake_slack import TEAM_ID, FakeSlack

SIGNING_SECRET = "test-signing-secret"
CHANNEL = "C1"
USER = "U1"
_event_ids = itertools.count(1)


def signed_headers(body: str, *, secret: str = SIGNING_SECRET, timestamp: int | None = None,
                   content_type: str = "application/json",
                   retry_num: int | None = None) -> dict[str, str]:
    """Slack's v0 signature: HMAC-SHA256 of `v0:{timestamp}:{body}` with the signing secret."""
    stamp = str(int(time.time()) if timestamp is None else timestamp)
    headers = {
        "content-type": content_type,
        "x-slack-request-timestamp": stamp,
        "x-slack-signature": SignatureVerifier(secret).generate_signature(timestamp=stamp,
                                                                          body=body),
    }
    if retry_num is not None:
        headers["x-slack-retry-num"] = str(retry_num)
        headers["x-slack-retry-reason"] = "http_timeout"
    return headers


def message(text: str, ts: str, *, user: str = USER, thread_ts: str | None = None,
            **extra: Any) -> dict[str, Any]:
    event: dict[str, Any] = {"type": "message", "channel": CHANNEL, "channel_type": "channel",
                             "user": user, "text": text, "ts": ts, "team": TEAM_ID}
    if thread_ts:
        event["thread_ts"] = thread_ts
    event.update(extra)
    return event


def mention(text: str, ts: str, *, thread_ts: str | None = None) -> dict[str, Any]:
    return {**message(text, ts, thread_ts=thread_ts), "type": "app_mention"}


def event_body(event: dict[str, Any], event_id: str | None = None) -> str:
    return json.dumps({
        "token": "legacy", "team_id": TEAM_ID, "api_app_id": "A1", "type": "event_callback",
        "event": event, "event_id": event_id or f"Ev{next(_event_ids):08d}",
        "event_time": int(time.time()),
        "authorizations": [{"team_id": TEAM_ID, "user_id": "UBOT", "is_bot": True}],
    })


def command_body(text: str, response_url: str, *, user: str = USER) -> str:
    return urlencode({
        "token": "legacy", "team_id": TEAM_ID, "team_domain": "test", "channel_id": CHANNEL,
        "channel_name": "news", "user_id": user, "user_name": "ann", "command": "/brief",
        "text": text, "api_app_id": "A1", "response_url": response_url,
        "trigger_id": f"trigger.{next(_event_ids)}",
    })


class SlackHarness:
    """The real app against the fake Web API; `settle()` waits for the work after the ack.

    Bolt acks, then runs each listener as a task it starts during `async_dispatch`. The
    harness notes the tasks that dispatching started, so `settle()` waits for exactly those
    to finish: "nothing was posted" is then checked after the listeners really ran.
    """

    def __init__(self, services: Services, fake: FakeSlack) -> None:
        self.fake = fake
        parts = build_chat_parts(services, build_conversation(services))
        self.bridge = SlackBridge(parts, services.store)
        self.app: AsyncApp = build_slack_app(services.settings, self.bridge)
        self._listeners: set[asyncio.Task[Any]] = set()

    async def dispatch(self, body: str, headers: dict[str, str]) -> BoltResponse:
        before = asyncio.all_tasks()
        response = await self.app.async_dispatch(AsyncBoltRequest(body=body, headers=headers))
        self._listeners |= asyncio.all_tasks() - before - {asyncio.current_task()}
        return response

    async def event(self, event: dict[str, Any], *, event_id: str | None = None,
                    retry_num: int | None = None) -> BoltResponse:
        body = event_body(event, event_id)
        return await self.dispatch(body, signed_headers(body, retry_num=retry_num))

    async def command(self, text: str) -> BoltResponse:
        body = command_body(text, self.fake.response_url())
        headers = signed_headers(body, content_type="application/x-www-form-urlencoded")
        return await self.dispatch(body, headers)

    async def settle(self, timeout: float = 10.0) -> None:
        """Wait until every listener started so far has finished; fail if one has not."""
        while self._listeners:
            started, self._listeners = self._listeners, set()
            _, running = await asyncio.wait(started, timeout=timeout)
            if running:
                raise AssertionError(f"{len(running)} Slack listener(s) still running "
                                     f"after {timeout} s")
