"""Translate Discord messages and `/brief` options into neutral `Event`s (a command's
options into a typed `Command`, see discord_commands.py).

Threads: a Discord thread is a channel of its own, but the store keys an article's thread by
(channel, thread id). So a message inside a thread maps to channel = the thread's parent and
thread = the thread's id. A thread opened from a message has that message's id, so a thread
on the user's link post (or on the bot's brief) finds the share the brief recorded.
"""

from __future__ import annotations

import discord

from bot.messages import Command, Event

PLATFORM = "discord"
DIRECT_MESSAGES = "dm"  # each user's DMs are a workspace of their own: "dm:<user id>"
USER_MESSAGE_TYPES = (discord.MessageType.default, discord.MessageType.reply)


def should_ignore(message: discord.Message) -> bool:
    """Bots (ourselves included), webhooks and system messages never reach the handlers."""
    return (message.author.bot or message.webhook_id is not None
            or message.type not in USER_MESSAGE_TYPES or not message.content.strip())


def message_event(message: discord.Message, me: discord.abc.User | None) -> Event:
    """A mention or a DM speaks to the bot; a reply to the bot continues its brief."""
    channel_id, thread = channel_and_thread(message.channel)
    replied_to = _replied_to_bot(message, me)
    if replied_to is not None and thread is None:
        thread = replied_to
    mentioned = me is not None and any(user.id == me.id for user in message.mentions)
    direct = message.guild is None
    return Event(
        platform=PLATFORM,
        workspace=(str(message.guild.id) if message.guild
                   else f"{DIRECT_MESSAGES}:{message.author.id}"),
        channel=channel_id,
        user=str(message.author.id),
        text=message.content,
        kind="mention" if mentioned or direct else "message",
        message_id=str(message.id),
        thread=thread,
    )


def command_event(interaction: discord.Interaction, command: Command, text: str) -> Event:
    """`/brief ...` with its options already typed; `text` is what the user typed into them
    (for the length check). No message of its own, so no message id."""
    channel_id, thread = channel_and_thread(interaction.channel)
    if interaction.channel is None and interaction.channel_id is not None:
        channel_id = str(interaction.channel_id)
    return Event(
        platform=PLATFORM,
        workspace=(str(interaction.guild_id) if interaction.guild_id
                   else f"{DIRECT_MESSAGES}:{interaction.user.id}"),
        channel=channel_id,
        user=str(interaction.user.id),
        text=text,
        kind="command",
        thread=thread,
        command=command,
    )


def channel_and_thread(channel: object) -> tuple[str, str | None]:
    """(channel id, thread id): a thread reports its parent as the channel."""
    if isinstance(channel, discord.Thread):
        return str(channel.parent_id), str(channel.id)
    channel_id = getattr(channel, "id", None)
    return (str(channel_id) if channel_id is not None else ""), None


def _replied_to_bot(message: discord.Message, me: discord.abc.User | None) -> str | None:
    """The id of the bot's message this one replies to, if it replies to the bot."""
    reference = message.reference
    if reference is None or reference.message_id is None or me is None:
        return None
    if reference.channel_id != message.channel.id:
        return None  # a forward or a cross-channel reply is not a follow-up
    resolved = reference.resolved
    if isinstance(resolved, discord.Message) and resolved.author.id == me.id:
        return str(reference.message_id)
    return None

