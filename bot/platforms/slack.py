"""The Slack app: a Bolt async app that translates Slack to `Event` and `Reply` to Block Kit.

Socket Mode when SLACK_APP_TOKEN is set (no public URL needed), otherwise HTTP mode on $PORT
with Bolt's signature check. SLACK_API_URL points the Web API client elsewhere (tests, proxies).
Install steps: docs/slack.md; the app's scopes and events: config/slack-manifest.yml.
"""

from __future__ import annotations

import logging

from pydantic import SecretStr
from slack_bolt.async_app import AsyncApp
from slack_sdk.errors import SlackApiError
from slack_sdk.http_retry.builtin_async_handlers import (
    AsyncConnectionErrorRetryHandler,
    AsyncRateLimitErrorRetryHandler,
)
from slack_sdk.web.async_client import AsyncWebClient

from bot.messages import Reply, Sender
from bot.platforms.parts import ChatParts
from bot.platforms.slack_blocks import fallback_text, render_blocks
from bot.platforms.slack_bridge import SlackBridge
from bot.platforms.slack_server import run_socket_mode, serve_http
from bot.settings import Settings
from bot.store.protocols import EventClaims

log = logging.getLogger(__name__)
COMMAND = "/brief"
RATE_LIMIT_RETRIES = 3
CONNECTION_RETRIES = 2
SHUTDOWN_GRACE_SECONDS = 5.0


class SlackNotConfigured(RuntimeError):
    """Raised at start-up, so a missing token is a clear message rather than a 401 later."""


def secret_value(value: SecretStr | None) -> str:
    return value.get_secret_value().strip() if value is not None else ""


def slack_configured(settings: Settings) -> bool:
    """A bot token, and a way for Slack to reach us: an app token or a signing secret."""
    return bool(secret_value(settings.slack_bot_token)) and bool(
        secret_value(settings.slack_app_token) or secret_value(settings.slack_signing_secret))


def build_web_client(settings: Settings) -> AsyncWebClient:
    """The Web API client: retries 429s (honouring Retry-After) and dropped connections."""
    return AsyncWebClient(
        token=secret_value(settings.slack_bot_token) or None,
        base_url=settings.slack_api_url.rstrip("/") + "/",  # the SDK appends method names
        retry_handlers=[
            AsyncRateLimitErrorRetryHandler(max_retry_count=RATE_LIMIT_RETRIES),
            AsyncConnectionErrorRetryHandler(max_retry_count=CONNECTION_RETRIES),
        ],
    )


def build_slack_app(settings: Settings, bridge: SlackBridge) -> AsyncApp:
    """The Bolt app with the bridge's listeners."""
    if not secret_value(settings.slack_bot_token):
        raise SlackNotConfigured("SLACK_BOT_TOKEN is not set; see docs/slack.md")
    app = AsyncApp(
        client=build_web_client(settings),
        # Passed explicitly (maybe empty) so Bolt never reads a different value from os.environ.
        signing_secret=secret_value(settings.slack_signing_secret),
        process_before_response=False,  # ack first; listeners run after the response
    )
    app.event("message")(bridge.on_message)
    app.event("app_mention")(bridge.on_mention)
    app.command(COMMAND)(bridge.on_command)
    return app


async def run_slack(parts: ChatParts, claims: EventClaims, *, http: bool) -> None:
    """Serve Slack until cancelled: Socket Mode if an app token is set (and not `http`),
    else HTTP mode. On cancellation, replies being written get a few seconds to finish."""
    settings = parts.settings
    bridge = SlackBridge(parts, claims)
    app = build_slack_app(settings, bridge)
    app_token = secret_value(settings.slack_app_token)
    use_socket_mode = bool(app_token) and not http
    if not use_socket_mode and not secret_value(settings.slack_signing_secret):
        raise SlackNotConfigured("HTTP mode needs SLACK_SIGNING_SECRET; see docs/slack.md")
    await introduce_bot(app)
    try:
        if use_socket_mode:
            await run_socket_mode(app, app_token)
        else:
            await serve_http(app, settings.slack_http_host, settings.port,
                             secret_value(settings.slack_signing_secret))
    finally:
        await bridge.drain(timeout=SHUTDOWN_GRACE_SECONDS)
        bridge.cancel_pending()


async def introduce_bot(app: AsyncApp) -> None:
    """auth.test once at start-up: a bad token fails here, and the log shows who we are.
    (Bolt makes the same call on the first event and uses the bot's user id to ignore its
    own messages.)"""
    try:
        identity = await app.client.auth_test()
    except SlackApiError as error:
        code = error.response.get("error", "unknown")
        raise SlackNotConfigured(f"Slack refused SLACK_BOT_TOKEN ({code})") from None
    log.info("Slack: signed in as bot user %s in team %s", identity.get("user_id"),
             identity.get("team_id"))


def slack_sender(settings: Settings) -> Sender:
    """Post a reply the bot composed on its own (the daily digest) to a channel."""
    client = build_web_client(settings)

    async def post(workspace: str, channel: str, reply: Reply) -> None:
        await client.chat_postMessage(channel=channel, text=fallback_text(reply),
                                      blocks=render_blocks(reply), unfurl_links=False)

    return post
