"""How Slack reaches the app: an aiohttp server (HTTP mode) or a Socket Mode connection.

Both run until cancelled and release their sockets on the way out.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Mapping

from aiohttp import web
from slack_bolt.adapter.aiohttp import to_aiohttp_response
from slack_bolt.adapter.socket_mode.async_handler import AsyncSocketModeHandler
from slack_bolt.async_app import AsyncApp
from slack_bolt.request.async_request import AsyncBoltRequest
from slack_sdk.signature import SignatureVerifier

log = logging.getLogger(__name__)
EVENTS_PATH = "/slack/events"
HEALTH_PATH = "/healthz"
MAX_REQUEST_BYTES = 1_000_000


def build_web_app(app: AsyncApp, signing_secret: str) -> web.Application:
    """Events and slash commands go through Bolt; /healthz is for the load balancer, which has
    no Slack signature.

    The signature is checked on the raw bytes before anything parses them: Bolt parses the
    body first, so an unsigned '{bad' would otherwise cost a 500 and a logged traceback."""
    verifier = SignatureVerifier(signing_secret)

    async def slack_events(request: web.Request) -> web.Response:
        raw = await request.read()
        if not is_signed(verifier, raw, request.headers):
            return web.Response(status=401, text="invalid request signature")
        bolt_request = parse_signed_request(raw, request.query_string, request.headers)
        if bolt_request is None:
            return web.Response(status=400, text="malformed request body")
        bolt_response = await app.async_dispatch(bolt_request)
        return await to_aiohttp_response(bolt_response)

    async def health(_request: web.Request) -> web.Response:
        return web.Response(text="ok")

    web_app = web.Application(client_max_size=MAX_REQUEST_BYTES)
    web_app.router.add_post(EVENTS_PATH, slack_events)
    web_app.router.add_get(HEALTH_PATH, health)
    return web_app


def is_signed(verifier: SignatureVerifier, raw: bytes, headers: Mapping[str, str]) -> bool:
    """Slack's v0 signature over the raw body; odd headers (a timestamp that is no number, a
    non-ASCII signature) are simply unsigned."""
    try:
        return verifier.is_valid(raw, headers.get("x-slack-request-timestamp"),
                                 headers.get("x-slack-signature"))
    except (ValueError, TypeError, OverflowError):
        return False


def parse_signed_request(raw: bytes, query: str,
                         headers: Mapping[str, str]) -> AsyncBoltRequest | None:
    """The Bolt request, or None when even a signed body is no UTF-8 JSON object or form."""
    try:
        request = AsyncBoltRequest(body=raw.decode("utf-8"), query=query,
                                   headers=dict(headers))  # type: ignore[arg-type]
    except (ValueError, TypeError, AttributeError, RecursionError) as error:
        log.warning("refused a signed Slack request with a malformed body (%s)",
                    type(error).__name__)
        return None
    if not isinstance(request.body, dict) or not request.body:
        log.warning("refused a signed Slack request whose body is no object")
        return None
    return request


async def serve_http(app: AsyncApp, host: str, port: int, signing_secret: str) -> None:
    """Serve Slack's HTTP requests on host:port until cancelled."""
    runner = web.AppRunner(build_web_app(app, signing_secret), access_log=None)
    await runner.setup()
    try:
        site = web.TCPSite(runner, host, port)
        await site.start()
        log.info("Slack HTTP mode: listening on %s:%d%s", host, port, EVENTS_PATH)
        await asyncio.Event().wait()
    finally:
        await runner.cleanup()
        log.info("Slack HTTP mode: stopped")


async def run_socket_mode(app: AsyncApp, app_token: str) -> None:
    """Hold a Socket Mode connection until cancelled: no public URL needed."""
    handler = AsyncSocketModeHandler(app, app_token)
    await handler.connect_async()
    log.info("Slack Socket Mode: connected")
    try:
        await asyncio.Event().wait()
    finally:
        await handler.close_async()
        log.info("Slack Socket Mode: closed")
