"""`/brief ...`: help, watch on|off, the digest, links, or a topic (with `--days N`).

A command arrives typed (`Event.command`, from Discord's options) or as text, which
`handlers.parsing` reads once; then a table picks the handler. `command_table` gives each
handler only the parts it uses.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial

from bot.messages import Command, CommandName, Event, Reply
from bot.store.protocols import ArticleReader, ChannelStore
from handlers.digest import DigestDesk, handle_digest
from handlers.links import LinkBriefing
from handlers.parsing import parse_command
from handlers.ports import Clock
from handlers.replies import help_reply, notice
from handlers.topic import DEFAULT_DAYS, topic_brief

MAX_TOPIC_CHARS = 200

CommandHandler = Callable[[Event, Command], list[Reply]]


def command_of(event: Event) -> Command:
    """The event's command: typed by the platform, else read from its text."""
    return event.command or parse_command(event.text)


def command_table(links: LinkBriefing, digests: DigestDesk, articles: ArticleReader,
                  channels: ChannelStore, clock: Clock) -> dict[CommandName, CommandHandler]:
    """Each command's handler, bound to the parts it uses."""
    return {
        "help": show_help,
        "watch": partial(set_watch, channels),
        "digest": partial(digest_command, digests),
        "links": partial(brief_command_links, links),
        "topic": partial(brief_topic, articles, clock),
    }


def show_help(event: Event, command: Command) -> list[Reply]:
    return [help_reply()]


def brief_command_links(links: LinkBriefing, event: Event, command: Command) -> list[Reply]:
    return links.brief_links(event, list(command.links), thread=None)


def digest_command(digests: DigestDesk, event: Event, command: Command) -> list[Reply]:
    return handle_digest(digests, event, command.argument)


def brief_topic(articles: ArticleReader, clock: Clock, event: Event, command: Command
                ) -> list[Reply]:
    if command.problem:
        return [notice(command.problem)]
    text = command.argument
    if not text:
        return [notice("Which topic? For example: /brief ukraine")]
    if len(text) > MAX_TOPIC_CHARS:
        return [notice(f"That topic is too long; keep it under {MAX_TOPIC_CHARS} characters.")]
    return [topic_brief(articles, event.workspace, text, command.days or DEFAULT_DAYS, clock(),
                        command.more)]


def set_watch(channels: ChannelStore, event: Event, command: Command) -> list[Reply]:
    value = command.argument
    if value in {"on", "off"}:
        channels.update_channel_settings(event.platform, event.workspace, event.channel,
                                         watch=value == "on")
        state = "now brief" if value == "on" else "no longer brief"
        return [notice(f"I will {state} links posted in this channel.")]
    current = channels.channel_settings(event.platform, event.workspace, event.channel)
    return [notice(f"Link watching is {'on' if current.watch else 'off'} here. "
                   "Use /brief watch on or /brief watch off.")]
