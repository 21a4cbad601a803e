"""Post neutral replies to Discord: as message replies, in threads, or as command follow-ups.

Sending never raises. A channel that refuses us (missing Send Messages, Embed Links or
thread permissions) gets one warning until a send there succeeds again, and the event's
remaining replies are dropped: one failed request per user message, never a retry loop.
"""

from __future__ import annotations

import asyncio
import logging
from dataclasses import replace

import discord

from bot.messages import Reply
from bot.platforms.discord_embeds import render_messages
from bot.shorten import shorten
from handlers import Conversation

log = logging.getLogger(__name__)
THREAD_NAME_LIMIT = 100
THREAD_ARCHIVE_MINUTES = 1440


class ReplyPoster:
    """Owns the per-channel warning memory, so a refusing channel does not flood the log."""

    def __init__(self, conversation: Conversation, *, brief_in_thread: bool) -> None:
        self.conversation = conversation
        self.brief_in_thread = brief_in_thread
        self._warned_channels: set[int] = set()

    async def answer_message(self, message: discord.Message, replies: list[Reply]) -> None:
        """Reply to the user's message, or open a thread on it for a brief if configured."""
        target: discord.abc.Messageable = message.channel
        reference: discord.Message | None = message
        thread_tried = False
        for reply in replies:
            if not thread_tried and self._wants_thread(message, reply):
                thread_tried = True
                thread = await self._open_thread(message, reply)
                if thread is not None:
                    target, reference = thread, None
            posted, refused = await self._send(target, reply, reference)
            if refused:
                return
            if posted is not None:
                await self._remember(reply, posted.id)

    async def answer_interaction(self, interaction: discord.Interaction, replies: list[Reply],
                                 *, deferred_private: bool) -> None:
        """Follow up a deferred command; each reply keeps its own ephemeral flag."""
        first = True
        for reply in replies:
            if first and reply.ephemeral != deferred_private:
                # The first follow-up would inherit the deferral's visibility: drop the
                # "thinking..." message so the follow-up is a message of its own.
                await _delete_thinking(interaction)
            first = False
            for embeds in render_messages(reply):
                try:
                    posted = await interaction.followup.send(embeds=embeds, wait=True,
                                                             ephemeral=reply.ephemeral)
                except discord.Forbidden as error:
                    self._warn_refused(interaction.channel_id or 0, "follow up a command", error)
                    return
                except discord.HTTPException as error:
                    log.warning("Discord refused a /brief follow-up (HTTP %s, code %s)",
                                error.status, error.code)
                    return
                if not reply.ephemeral and posted is not None:
                    await self._remember(reply, posted.id)
                    reply = _without_share(reply)  # only the first message anchors the brief

    def _wants_thread(self, message: discord.Message, reply: Reply) -> bool:
        return (self.brief_in_thread and reply.kind == "brief"
                and isinstance(message.channel, discord.TextChannel))

    async def _open_thread(self, message: discord.Message, reply: Reply) -> discord.Thread | None:
        """A thread on the user's message has the message's id, which the share recorded."""
        name = shorten(reply.title or "Brief", THREAD_NAME_LIMIT, flatten=False)
        try:
            return await message.create_thread(name=name,
                                               auto_archive_duration=THREAD_ARCHIVE_MINUTES)
        except discord.Forbidden as error:
            self._warn_refused(message.channel.id, "open a thread", error)
        except discord.HTTPException as error:
            log.info("could not open a thread in channel %s (HTTP %s, code %s); replying inline",
                     message.channel.id, error.status, error.code)
        return None

    async def _send(self, target: discord.abc.Messageable, reply: Reply,
                    reference: discord.Message | None) -> tuple[discord.Message | None, bool]:
        """(first message posted, whether the channel refused us)."""
        channel_id = getattr(target, "id", 0)
        first: discord.Message | None = None
        for embeds in render_messages(reply):
            to_reference = None
            if reference is not None and first is None:
                to_reference = reference.to_reference(fail_if_not_exists=False)
            try:
                sent = await target.send(embeds=embeds, reference=to_reference,
                                         mention_author=False)
            except discord.Forbidden as error:
                self._warn_refused(channel_id, "post", error)
                return first, True
            except discord.HTTPException as error:
                log.warning("Discord refused a reply in channel %s (HTTP %s, code %s)",
                            channel_id, error.status, error.code)
                return first, False
            first = first or sent
        self._warned_channels.discard(channel_id)
        return first, False

    def _warn_refused(self, channel_id: int, action: str, error: discord.HTTPException) -> None:
        if channel_id in self._warned_channels:
            log.debug("still no permission to %s in channel %s", action, channel_id)
            return
        self._warned_channels.add(channel_id)
        log.warning("No permission to %s in Discord channel %s (code %s: %s). Grant the bot "
                    "View Channel, Send Messages, Embed Links, Read Message History and "
                    "Create Public Threads there; see docs/discord.md.",
                    action, channel_id, error.code, error.text or "Forbidden")

    async def _remember(self, reply: Reply, message_id: int) -> None:
        """The store is synchronous; keep it off the event loop like the engine."""
        if reply.share_id is not None:
            await asyncio.to_thread(self.conversation.reply_posted, reply, str(message_id))


async def _delete_thinking(interaction: discord.Interaction) -> None:
    try:
        await interaction.delete_original_response()
    except discord.HTTPException as error:
        log.debug("could not remove the deferred response (HTTP %s)", error.status)


def _without_share(reply: Reply) -> Reply:
    return replace(reply, share_id=None)
