"""How Slack reaches the app: an aiohttp server (HTTP mode) or a Socket Mode connection.

Both run until cancelled and release their sockets on the way out.
"""

from __future__ import annotations

import asyncio
import logging

from aiohttp import web
from slack_bolt.adapter.aiohttp import to_aiohttp_response, to_bolt_request
from slack_bolt.adapter.socket_mode.async_handler import AsyncSocketModeHandler
from slack_bolt.async_app import AsyncApp

log = logging.getLogger(__name__)
EVENTS_PATH = "/slack/events"
HEALTH_PATH = "/healthz"
MAX_REQUEST_BYTES = 1_000_000


def build_web_app(app: AsyncApp) -> web.Application:
    """Events and slash commands go through Bolt (which verifies signatures); /healthz is for
    the load balancer, which has no Slack signature."""

    async def slack_events(request: web.Request) -> web.Response:
        bolt_response = await app.async_dispatch(await to_bolt_request(request))
        return await to_aiohttp_response(bolt_response)

    async def health(_request: web.Request) -> web.Response:
        return web.Response(text="ok")

    web_app = web.Application(client_max_size=MAX_REQUEST_BYTES)
    web_app.router.add_post(EVENTS_PATH, slack_events)
    web_app.router.add_get(HEALTH_PATH, health)
    return web_app


async def serve_http(app: AsyncApp, host: str, port: int) -> None:
    """Serve Slack's HTTP requests on host:port until cancelled."""
    runner = web.AppRunner(build_web_app(app), access_log=None)
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
