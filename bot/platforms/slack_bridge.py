"""Bolt listeners: ack at once, run the synchronous conversation in a thread, post the replies.

Slack wants an answer to every request within three seconds, and a brief can take longer
(fetching, summarising). Bolt acks events before the listener runs; `/brief` acks first thing.
The work happens afterwards, off the event loop, and the replies arrive as new messages.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable, Iterator, Mapping
from contextlib import contextmanager
from datetime import timedelta
from typing import Any

from slack_bolt.context.async_context import AsyncBoltContext
from slack_bolt.request.async_request import AsyncBoltRequest
from slack_sdk.errors import SlackApiError
from slack_sdk.web.async_client import AsyncWebClient

from bot.messages import Event, Reply
from bot.platforms.parts import ChatParts
from bot.platforms.slack_blocks import fallback_text, render_blocks
from bot.platforms.slack_events import (
    PLATFORM,
    command_event,
    command_key,
    delivery_key,
    is_from_a_person,
    mentions_bot,
    message_event,
)
from bot.store.protocols import EventClaims

log = logging.getLogger(__name__)
Payload = Mapping[str, Any]
Respond = Callable[..., Awaitable[Any]]
# Posting somewhere the bot may not write: a slash command answers through its response_url.
CANNOT_POST_HERE = frozenset({"not_in_channel", "channel_not_found", "is_archived"})
PRIVATE_KINDS = frozenset({"help", "error"})


class SlackBridge:
    """The app's listeners; keeps no state that correctness depends on (see `claim_event`)."""

    def __init__(self, parts: ChatParts, claims: EventClaims) -> None:
        self.conversation = parts.conversation
        self.settings = parts.settings
        self.claims = claims
        self._in_flight: set[asyncio.Task[Any]] = set()
        self.lanes = parts.lanes()

    async def on_message(self, body: Payload, event: Payload, context: AsyncBoltContext,
                         client: AsyncWebClient, request: AsyncBoltRequest) -> None:
        """A channel message: maybe a link to brief, maybe a question in a brief's thread."""
        if not is_from_a_person(event, context.bot_user_id, context.bot_id):
            return
        if mentions_bot(event, context.bot_user_id):
            return  # the app_mention event for the same message answers it
        await self._handle(message_event(body, event, "message"), body, client, request)

    async def on_mention(self, body: Payload, event: Payload, context: AsyncBoltContext,
                         client: AsyncWebClient, request: AsyncBoltRequest) -> None:
        """`@bot ...`: a link to brief or a question, answered in the thread."""
        if not is_from_a_person(event, context.bot_user_id, context.bot_id):
            return
        await self._handle(message_event(body, event, "mention"), body, client, request)

    async def on_command(self, ack: Callable[..., Awaitable[Any]], body: Payload,
                         client: AsyncWebClient, respond: Respond) -> None:
        """`/brief ...`: ack within Slack's three seconds, then do the work, once per
        trigger_id: a replayed request is acked and not answered again."""
        await ack()
        with self._tracked():
            key = command_key(body)
            if not await self._claim(key):
                log.info("skipping a repeated /brief command (%s)", key)
                return
            event = command_event(body)

            async def notify(reply: Reply) -> None:
                await self._post_command_reply(client, respond, event, reply)

            for reply in await self.lanes.route(event, notify):
                await self._post_command_reply(client, respond, event, reply)
            await self._finish(key)

    async def drain(self, timeout: float | None = None) -> None:
        """Wait for the events being handled, for a clean shutdown."""
        pending = {task for task in self._in_flight if task is not asyncio.current_task()}
        if pending:
            await asyncio.wait(pending, timeout=timeout)

    def cancel_pending(self) -> None:
        for task in list(self._in_flight):
            task.cancel()
        self.lanes.close()

    @contextmanager
    def _tracked(self) -> Iterator[None]:
        """Bolt starts listeners as bare tasks; holding them keeps them alive until done."""
        task = asyncio.current_task()
        if task is not None:
            self._in_flight.add(task)
        try:
            yield
        finally:
            if task is not None:
                self._in_flight.discard(task)

    async def _handle(self, event: Event, body: Payload, client: AsyncWebClient,
                      request: AsyncBoltRequest) -> None:
        with self._tracked():
            retry = request.headers.get("x-slack-retry-num", [None])[0]
            key = delivery_key(body)
            if not await self._claim(key):
                log.info("skipping a repeated delivery of %s (retry %s)",
                         body.get("event_id"), retry)
                return
            async def notify(reply: Reply) -> None:
                await self._post_event_reply(client, event, reply)

            for reply in await self.lanes.route(event, notify):
                await self._post_event_reply(client, event, reply)
            await self._finish(key)

    async def _claim(self, key: str | None) -> bool:
        """The first delivery wins, in the store, so any process may get retries. A claim is
        a lease: if this process dies before `_finish`, a later redelivery takes over."""
        if key is None:
            return True
        lease = timedelta(seconds=self.settings.slack_claim_lease_seconds)
        try:
            return await asyncio.to_thread(self.claims.claim_event, PLATFORM, key, lease)
        except Exception:
            log.exception("cannot claim Slack event %s; not handling it", key)
            return False

    async def _finish(self, key: str | None) -> None:
        """The replies are posted (or refused by Slack for good): never handle it again."""
        if key is None:
            return
        try:
            await asyncio.to_thread(self.claims.finish_event, PLATFORM, key)
        except Exception:
            log.exception("cannot mark Slack event %s as handled", key)

    async def _post_event_reply(self, client: AsyncWebClient, event: Event, reply: Reply) -> None:
        if reply.ephemeral:
            await self._call(client.chat_postEphemeral, reply, channel=event.channel,
                             user=event.user, thread_ts=reply.thread)
            return
        await self._post_message(client, event.channel, reply)

    async def _post_command_reply(self, client: AsyncWebClient, respond: Respond, event: Event,
                                  reply: Reply) -> None:
        """Help and errors go to the caller only; briefs go to the channel."""
        if reply.ephemeral or reply.kind in PRIVATE_KINDS:
            await self._respond(respond, reply, "ephemeral")
            return
        error = await self._post_message(client, event.channel, reply)
        if error in CANNOT_POST_HERE:
            await self._respond(respond, reply, "in_channel")

    async def _post_message(self, client: AsyncWebClient, channel: str, reply: Reply
                            ) -> str | None:
        """Post, then tell the conversation the message's ts; returns Slack's error, if any."""
        response, error = await self._call(client.chat_postMessage, reply, channel=channel,
                                           thread_ts=reply.thread, unfurl_links=False,
                                           unfurl_media=False)
        if response is not None and reply.share_id is not None:
            await asyncio.to_thread(self.conversation.reply_posted, reply, str(response["ts"]))
        return error

    async def _call(self, method: Callable[..., Awaitable[Any]], reply: Reply, **arguments: Any
                    ) -> tuple[Any, str | None]:
        """One Web API call; a failure is logged (by code, never with tokens) and survived."""
        arguments = {name: value for name, value in arguments.items() if value is not None}
        try:
            response = await method(text=fallback_text(reply), blocks=render_blocks(reply),
                                    **arguments)
        except SlackApiError as error:
            code = str(error.response.get("error", "unknown"))
            log.warning("Slack refused a %s reply in %s: %s", reply.kind,
                        arguments.get("channel"), code)
            return None, code
        except Exception:
            log.exception("cannot post a %s reply to Slack", reply.kind)
            return None, "exception"
        return response, None

    async def _respond(self, respond: Respond, reply: Reply, response_type: str) -> None:
        try:
            response = await respond(text=fallback_text(reply), blocks=render_blocks(reply),
                                     response_type=response_type, replace_original=False)
        except Exception:
            log.exception("cannot answer a /brief command through its response_url")
            return
        if response.status_code != 200:
            log.warning("Slack refused a /brief answer: HTTP %s", response.status_code)
