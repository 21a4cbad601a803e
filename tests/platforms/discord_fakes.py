"""Discord at its HTTP layer: a fake HTTPClient, webhook adapter and gateway socket.

The bot runs on discord.py's real state, Message and Interaction objects; only the wire is
fake. Every REST call (channel posts, threads, command sync, interaction callbacks and
follow-ups) is recorded as a `Call` and answered with JSON shaped as Discord sends it.
"""

from __future__ import annotations

import asyncio
import itertools
import json
from dataclasses import dataclass, field
from types import SimpleNamespace
from typing import Any

import aiohttp
import discord
from discord.http import HTTPClient, Route
from discord.webhook.async_ import AsyncWebhookAdapter, async_context

BOT_ID = 900_000_000_000_000_001
APP_ID = BOT_ID
GUILD_ID = 800_000_000_000_000_001
CHANNEL_ID = 700_000_000_000_000_001
OWNER_ID = 600_000_000_000_000_001
USER_ID = 600_000_000_000_000_002
TIMESTAMP = "2026-11-20T09:00:00.000000+00:00"
MESSAGE_CONTENT_INTENT = 1 << 15
_snowflakes = itertools.count(100_000_000_000_000_000)


def snowflake() -> str:
    return str(next(_snowflakes))


@dataclass
class Call:
    method: str
    path: str  # the route template, e.g. /channels/{channel_id}/messages
    url: str
    payload: Any = None
    params: dict[str, Any] | None = None
    response: Any = None

    @property
    def embeds(self) -> list[dict[str, Any]]:
        return list((self.payload or {}).get("embeds") or [])


def user_payload(user_id: int = USER_ID, name: str = "reader", bot: bool = False) -> dict:
    return {"id": str(user_id), "username": name, "discriminator": "0", "global_name": name,
            "avatar": None, "bot": bot, "public_flags": 0}


def text_channel_payload(channel_id: int = CHANNEL_ID, name: str = "news") -> dict:
    return {"id": str(channel_id), "type": 0, "guild_id": str(GUILD_ID), "name": name,
            "position": 0, "permission_overwrites": [], "nsfw": False, "parent_id": None,
            "topic": None, "last_message_id": None, "rate_limit_per_user": 0}


def thread_payload(thread_id: int | str, parent_id: int = CHANNEL_ID, name: str = "Brief"
                   ) -> dict:
    return {"id": str(thread_id), "type": 11, "guild_id": str(GUILD_ID),
            "parent_id": str(parent_id), "owner_id": str(BOT_ID), "name": name,
            "last_message_id": None, "rate_limit_per_user": 0, "message_count": 0,
            "member_count": 1, "flags": 0,
            "thread_metadata": {"archived": False, "auto_archive_duration": 1440,
                                "archive_timestamp": TIMESTAMP, "locked": False}}


def guild_payload(*channels: dict) -> dict:
    return {"id": str(GUILD_ID), "name": "Newsroom", "icon": None, "owner_id": str(OWNER_ID),
            "roles": [{"id": str(GUILD_ID), "name": "@everyone", "permissions": "1024",
                       "position": 0, "color": 0, "hoist": False, "managed": False,
                       "mentionable": False, "flags": 0}],
            "emojis": [], "features": [], "verification_level": 0,
            "default_message_notifications": 0, "explicit_content_filter": 0, "mfa_level": 0,
            "premium_tier": 0, "nsfw_level": 0, "preferred_locale": "en-US",
            "member_count": 2, "channels": list(channels) or [text_channel_payload()],
            "threads": [], "members": [], "voice_states": [], "presences": [],
            "stickers": [], "large": False, "unavailable": False}


def message_payload(content: str, *, channel_id: int | str = CHANNEL_ID,
                    author: dict | None = None, message_id: str | None = None,
                    mentions: list[dict] | None = None, replying_to: dict | None = None,
                    guild: bool = True, embeds: list | None = None) -> dict:
    """A MESSAGE_CREATE payload (or the body of a message Discord returns)."""
    payload: dict[str, Any] = {
        "id": message_id or snowflake(), "channel_id": str(channel_id),
        "author": author or user_payload(), "content": content, "timestamp": TIMESTAMP,
        "edited_timestamp": None, "tts": False, "mention_everyone": False,
        "mentions": mentions or [], "mention_roles": [], "attachments": [],
        "embeds": embeds or [], "pinned": False, "type": 19 if replying_to else 0, "flags": 0,
    }
    if guild:
        payload["guild_id"] = str(GUILD_ID)
        payload["member"] = {"roles": [], "joined_at": TIMESTAMP, "deaf": False,
                             "mute": False, "flags": 0}
    if replying_to is not None:
        payload["message_reference"] = {"type": 0, "message_id": replying_to["id"],
                                        "channel_id": replying_to["channel_id"],
                                        "guild_id": str(GUILD_ID)}
        payload["referenced_message"] = replying_to
    return payload


def interaction_payload(subcommand: str, options: dict[str, Any] | None = None, *,
                        channel: dict | None = None) -> dict:
    """An INTERACTION_CREATE for `/brief <subcommand> option:value ...` in the guild."""
    channel = channel or text_channel_payload()
    typed = {str: 3, int: 4, bool: 5}
    return {
        "id": snowflake(), "application_id": str(APP_ID), "type": 2, "version": 1,
        "token": f"interaction-token-{snowflake()}", "guild_id": str(GUILD_ID),
        "channel_id": channel["id"], "channel": channel, "locale": "en-US",
        "guild_locale": "en-US", "app_permissions": "2248473465835073",
        "attachment_size_limit": 10_485_760, "entitlements": [], "context": 0,
        "authorizing_integration_owners": {"0": str(GUILD_ID)},
        "member": {"user": user_payload(), "roles": [], "joined_at": TIMESTAMP,
                   "deaf": False, "mute": False, "flags": 0, "permissions": "2248473465835073"},
        "data": {"id": snowflake(), "name": "brief", "type": 1, "guild_id": str(GUILD_ID),
                 "options": [{"name": subcommand, "type": 1, "options": [
                     {"name": name, "type": typed[type(value)], "value": value}
                     for name, value in (options or {}).items()]}]},
    }


def forbidden(code: int = 50013, message: str = "Missing Permissions") -> discord.Forbidden:
    return discord.Forbidden(SimpleNamespace(status=403, reason="Forbidden"),
                             {"code": code, "message": message})


@dataclass
class Wire:
    """What crossed the fake wire, shared by the REST client and the webhook adapter."""

    calls: list[Call] = field(default_factory=list)
    forbidden_channels: set[int] = field(default_factory=set)
    sockets: list[FakeGatewaySocket] = field(default_factory=list)
    refuse_intent: bool = False  # close with 4014 when IDENTIFY asks for message content

    def find(self, method: str, path: str) -> list[Call]:
        return [c for c in self.calls if c.method == method and c.path == path]


class FakeDiscordHTTP(HTTPClient):
    """discord.py's HTTPClient with `request` answering locally instead of over the net."""

    def __init__(self, wire: Wire) -> None:
        super().__init__(asyncio.get_running_loop())
        self.wire = wire

    async def request(self, route: Route, *, files: Any = None, form: Any = None,
                      **kwargs: Any) -> Any:
        payload = kwargs.get("json")
        call = Call(route.method, route.path, route.url, payload, kwargs.get("params"))
        self.wire.calls.append(call)
        await asyncio.sleep(0)  # a real request yields to the loop
        if route.channel_id is not None and int(route.channel_id) in self.wire.forbidden_channels:
            raise forbidden()
        call.response = self._answer(route, payload)
        return call.response

    def _answer(self, route: Route, payload: Any) -> Any:
        key = (route.method, route.path)
        if key == ("GET", "/users/@me"):
            return user_payload(BOT_ID, "briefing-bot", bot=True)
        if key == ("GET", "/oauth2/applications/@me"):
            return {"id": str(APP_ID), "name": "briefing-bot", "description": "", "icon": None,
                    "bot_public": True, "bot_require_code_grant": False, "flags": 0,
                    "owner": user_payload(OWNER_ID, "owner"), "verify_key": "00",
                    "team": None, "summary": ""}
        if route.path.endswith("/commands") and route.method == "PUT":
            return [dict(command, id=snowflake(), application_id=str(APP_ID), version="1")
                    for command in payload]
        if key == ("POST", "/channels/{channel_id}/messages"):
            body = payload or {}
            return message_payload(body.get("content") or "", channel_id=route.channel_id,
                                   author=user_payload(BOT_ID, "briefing-bot", bot=True),
                                   embeds=body.get("embeds"))
        if route.path == "/channels/{channel_id}/messages/{message_id}/threads":
            message_id = route.url.rstrip("/").split("/")[-2]
            return thread_payload(message_id, int(route.channel_id), payload.get("name", ""))
        return {}

    async def ws_connect(self, url: str, *, compress: int = 0) -> Any:
        socket = FakeGatewaySocket(self.wire)
        self.wire.sockets.append(socket)
        return socket


class FakeWebhookAdapter(AsyncWebhookAdapter):
    """Interaction callbacks and follow-ups travel by webhook, not by HTTPClient."""

    def __init__(self, wire: Wire) -> None:
        super().__init__()
        self.wire = wire

    async def request(self, route: Route, session: Any = None, *, payload: Any = None,
                      multipart: Any = None, params: Any = None, **_: Any) -> Any:
        if payload is None and multipart:
            payload = json.loads(next(p["value"] for p in multipart
                                      if p["name"] == "payload_json"))
        call = Call(route.method, route.path, route.url, payload, params)
        self.wire.calls.append(call)
        await asyncio.sleep(0)
        call.response = self._answer(route, payload)
        return call.response

    def _answer(self, route: Route, payload: Any) -> Any:
        if route.path.endswith("/callback"):
            data = (payload or {}).get("data") or {}
            return {"interaction": {"id": str(route.webhook_id), "type": 2,
                                    "response_message_loading": True,
                                    "response_message_ephemeral": bool(data.get("flags"))}}
        if route.method == "POST":
            return message_payload("", channel_id=CHANNEL_ID, embeds=(payload or {}).get(
                "embeds"), author=user_payload(BOT_ID, "briefing-bot", bot=True))
        return None


class FakeGatewaySocket:
    """Just enough of aiohttp's websocket: HELLO, then IDENTIFY is accepted or refused."""

    def __init__(self, wire: Wire) -> None:
        self.wire = wire
        self.sent: list[dict] = []
        self.inbox: asyncio.Queue[aiohttp.WSMessage] = asyncio.Queue()
        self.close_code: int | None = None
        self.closed = False
        self._push({"op": 10, "d": {"heartbeat_interval": 45_000}})

    def _push(self, message: dict) -> None:
        self.inbox.put_nowait(aiohttp.WSMessage(aiohttp.WSMsgType.TEXT, json.dumps(message),
                                                None))

    async def receive(self, timeout: float | None = None) -> aiohttp.WSMessage:
        return await self.inbox.get()

    async def send_str(self, data: str) -> None:
        message = json.loads(data)
        self.sent.append(message)
        if message.get("op") == 2 and self.wire.refuse_intent and \
                message["d"]["intents"] & MESSAGE_CONTENT_INTENT:
            self.close_code = 4014  # Disallowed intent(s)
            self.inbox.put_nowait(aiohttp.WSMessage(aiohttp.WSMsgType.CLOSE, 4014, None))

    def identified_intents(self) -> int | None:
        return next((m["d"]["intents"] for m in self.sent if m.get("op") == 2), None)

    async def close(self, *, code: int = 1000, message: bytes = b"") -> bool:
        if not self.closed:
            self.closed = True
            self.close_code = self.close_code or code
            self.inbox.put_nowait(aiohttp.WSMessage(aiohttp.WSMsgType.CLOSED, None, None))
        return True


def use_fake_wire(client: discord.Client, wire: Wire) -> FakeDiscordHTTP:
    """Point a client, its ConnectionState and its CommandTree at the fake wire.

    Call inside the running loop. Each of the three keeps its own reference to the client's
    HTTPClient, so all three are swapped.
    """
    http = FakeDiscordHTTP(wire)
    client.http = http
    client._connection.http = http
    tree = getattr(client, "tree", None)
    if tree is not None:
        tree._http = http
    async_context.set(FakeWebhookAdapter(wire))
    return http


async def settle(timeout: float = 20.0) -> None:
    """Wait for the tasks discord.py spawned for events and commands to finish."""
    prefixes = ("discord.py:", "CommandTree-invoker")
    async with asyncio.timeout(timeout):
        while True:
            pending = [t for t in asyncio.all_tasks() if t.get_name().startswith(prefixes)]
            if not pending:
                return
            await asyncio.gather(*pending, return_exceptions=True)
