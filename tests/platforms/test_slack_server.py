"""`run_slack`: HTTP mode on a real port and Socket Mode against a local WebSocket, both until
cancelled; plus the configuration checks that guard them."""

from __future__ import annotations

import asyncio
import hashlib
import hmac
import json
import socket
import time
from collections.abc import Iterator

import aiohttp
import pytest
from aiohttp import web

from bot.bootstrap import Services, bootstrap, build_chat_parts, build_conversation
from bot.platforms.parts import ChatParts
from bot.platforms.slack import (
    SlackNotConfigured,
    build_slack_app,
    run_slack,
    slack_configured,
)
from bot.platforms.slack_bridge import SlackBridge
from bot.settings import Settings
from tests.platforms.conftest import slack_settings
from tests.support.clock import NOW
from tests.support.fake_slack import FakeSlack
from tests.support.slack_requests import SIGNING_SECRET, event_body, message, signed_headers


def chat_parts(services: Services) -> ChatParts:
    return build_chat_parts(services, build_conversation(services))

def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture
def make_services(tmp_path, slack_site, fake_slack) -> Iterator:
    built: list[Services] = []

    def make(**overrides: object) -> Services:
        settings = slack_settings(tmp_path, slack_site, fake_slack, **overrides)
        built.append(bootstrap(settings, clock=lambda: NOW))
        return built[-1]

    yield make
    for services in built:
        services.close()


async def wait_until_listening(port: int, timeout: float = 5.0) -> None:
    for _ in range(int(timeout / 0.02)):
        try:
            _reader, writer = await asyncio.open_connection("127.0.0.1", port)
        except OSError:
            await asyncio.sleep(0.02)
            continue
        writer.close()
        await writer.wait_closed()
        return
    raise AssertionError(f"nothing listens on {port}")


def test_slack_is_configured_with_a_bot_token_and_a_way_in() -> None:
    def settings(**values: object) -> Settings:
        return Settings(_env_file=None, **values)  # type: ignore[call-arg]

    assert not slack_configured(settings())
    assert not slack_configured(settings(slack_bot_token="xoxb-1"))
    assert not slack_configured(settings(slack_bot_token=" ", slack_app_token="xapp-1"))
    assert slack_configured(settings(slack_bot_token="xoxb-1", slack_app_token="xapp-1"))
    assert slack_configured(settings(slack_bot_token="xoxb-1", slack_signing_secret="s"))
    assert "xoxb-1" not in repr(settings(slack_bot_token="xoxb-1"))


def test_the_app_needs_a_bot_token_and_http_mode_a_signing_secret(make_services) -> None:
    services = make_services(slack_bot_token=None)
    with pytest.raises(SlackNotConfigured, match="SLACK_BOT_TOKEN"):
        build_slack_app(services.settings, SlackBridge(chat_parts(services), services.store))
    services = make_services(slack_signing_secret=None)
    with pytest.raises(SlackNotConfigured, match="SLACK_SIGNING_SECRET"):
        asyncio.run(run_slack(chat_parts(services), services.store, http=True))


def test_http_mode_serves_signed_events_and_health_until_cancelled(
        make_services, fake_slack: FakeSlack, slack_site) -> None:
    port = free_port()
    services = make_services(port=port, slack_http_host="127.0.0.1", slack_app_token="xapp-1")
    base = f"http://127.0.0.1:{port}"

    async def scenario() -> None:
        server = asyncio.create_task(run_slack(chat_parts(services), services.store, http=True))
        await wait_until_listening(port)
        body = event_body(message(slack_site.url("/energy"), "100.000001"))
        async with aiohttp.ClientSession() as session:
            async with session.get(f"{base}/healthz") as health:
                assert (health.status, await health.text()) == (200, "ok")
            async with session.post(f"{base}/slack/events", data=body,
                                    headers=signed_headers(body)) as accepted:
                assert accepted.status == 200
            async with session.post(f"{base}/slack/events", data=body,
                                    headers={"content-type": "application/json"}) as unsigned:
                assert unsigned.status == 401
        await asyncio.to_thread(fake_slack.wait_for, "chat.postMessage")
        server.cancel()
        with pytest.raises(asyncio.CancelledError):
            await server
        with pytest.raises(OSError):
            await asyncio.open_connection("127.0.0.1", port)

    asyncio.run(scenario())
    [brief] = fake_slack.posts()
    assert brief.params["thread_ts"] == "100.000001"


def test_socket_mode_acks_envelopes_and_posts_briefs(make_services, fake_slack: FakeSlack,
                                                     slack_site) -> None:
    services = make_services(slack_app_token="xapp-test", slack_signing_secret=None)
    acks: list[dict] = []

    async def scenario() -> None:
        connected = asyncio.Event()

        async def socket_endpoint(request: web.Request) -> web.WebSocketResponse:
            ws = web.WebSocketResponse()
            await ws.prepare(request)
            await ws.send_json({"type": "hello", "num_connections": 1})
            envelope = {"envelope_id": "env-1", "type": "events_api",
                        "accepts_response_payload": False, "retry_attempt": 0,
                        "payload": json.loads(event_body(message(slack_site.url("/energy"),
                                                                 "100.000001")))}
            await ws.send_json(envelope)
            connected.set()
            async for frame in ws:
                if frame.type == aiohttp.WSMsgType.TEXT:
                    acks.append(json.loads(frame.data))
            return ws

        socket_app = web.Application()
        socket_app.router.add_get("/link", socket_endpoint)
        runner = web.AppRunner(socket_app)
        await runner.setup()
        site = web.TCPSite(runner, "127.0.0.1", 0)
        await site.start()
        fake_slack.socket_url = f"ws://127.0.0.1:{runner.addresses[0][1]}/link"
        try:
            bot = asyncio.create_task(run_slack(chat_parts(services), services.store, http=False))
            await asyncio.wait_for(connected.wait(), 5)
            await asyncio.to_thread(fake_slack.wait_for, "chat.postMessage")
            bot.cancel()
            with pytest.raises(asyncio.CancelledError):
                await bot
        finally:
            await runner.cleanup()

    asyncio.run(scenario())
    assert {"envelope_id": "env-1"} in acks
    opened = [c for c in fake_slack.calls if c.method == "apps.connections.open"]
    assert opened[0].authorization == "Bearer xapp-test"
    [brief] = fake_slack.posts()
    assert brief.params["thread_ts"] == "100.000001"


DEEP_JSON = "[" * 100_000 + "]" * 100_000
UNSIGNED_OR_MALFORMED = [
    ("{bad", {"content-type": "application/json"}),
    ("{bad", {"content-type": "application/json", "x-slack-request-timestamp": "soon",
              "x-slack-signature": "v0=00"}),
    ("{bad", {"content-type": "application/json", "x-slack-request-timestamp": "1" * 400,
              "x-slack-signature": "v0=00"}),
    (b"\xff\xfe{\x80}", {"content-type": "application/json"}),
    ("[]", {"content-type": "application/json"}),
    ("null", {"content-type": "application/json"}),
    ("payload=%7Bnot+json", {"content-type": "application/x-www-form-urlencoded"}),
    (DEEP_JSON, {"content-type": "application/json"}),
]
def raw_signed_headers(raw: bytes) -> dict[str, str]:
    """Slack's v0 signature computed over raw bytes, which need not be UTF-8."""
    stamp = str(int(time.time()))
    digest = hmac.new(SIGNING_SECRET.encode(), b"v0:" + stamp.encode() + b":" + raw,
                      hashlib.sha256).hexdigest()
    return {"content-type": "application/json", "x-slack-request-timestamp": stamp,
            "x-slack-signature": f"v0={digest}"}


SIGNED_BUT_MALFORMED = ["{bad", "[]", "null", "payload=%7Bnot+json", DEEP_JSON, "\"text\"", "7"]


def test_http_mode_refuses_unsigned_and_malformed_bodies_without_a_traceback(
        make_services, fake_slack: FakeSlack, caplog: pytest.LogCaptureFixture) -> None:
    """Issue 17.7: Bolt parsed the body before checking the signature: 500 and a traceback."""
    port = free_port()
    services = make_services(port=port, slack_http_host="127.0.0.1")
    base = f"http://127.0.0.1:{port}/slack/events"
    statuses: list[int] = []

    async def post(session: aiohttp.ClientSession, body: str | bytes,
                   headers: dict[str, str]) -> None:
        async with session.post(base, data=body, headers=headers) as answer:
            statuses.append(answer.status)

    async def scenario() -> None:
        server = asyncio.create_task(run_slack(chat_parts(services), services.store, http=True))
        await wait_until_listening(port)
        async with aiohttp.ClientSession() as session:
            for body, headers in UNSIGNED_OR_MALFORMED:
                await post(session, body, headers)
            assert statuses == [401] * len(UNSIGNED_OR_MALFORMED)
            statuses.clear()
            for body in SIGNED_BUT_MALFORMED:
                await post(session, body, signed_headers(body))
            await post(session, b"\xff{}", raw_signed_headers(b"\xff{}"))
        server.cancel()
        with pytest.raises(asyncio.CancelledError):
            await server

    asyncio.run(scenario())
    # A body that is no UTF-8 cannot carry Slack's signature (Slack signs text): 401.
    assert statuses == [400] * len(SIGNED_BUT_MALFORMED) + [401]
    assert not [r for r in caplog.records if r.exc_info or r.levelname == "ERROR"]
    assert not fake_slack.posts()
