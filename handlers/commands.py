"""`/brief ...`: help, watch on|off, the digest, links, or a topic (with `--days N`).

A command arrives typed (`Event.command`, from Discord's options) or as text, which
`handlers.parsing` reads once; then a table picks the handler.
"""

from __future__ import annotations

from collections.abc import Callable

from bot.bootstrap import Services
from bot.messages import Command, CommandName, Event, Reply
from handlers.digest import handle_digest
from handlers.links import brief_links
from handlers.parsing import parse_command
from handlers.replies import help_reply, notice
from handlers.topic import DEFAULT_DAYS, topic_brief

MAX_TOPIC_CHARS = 200

CommandHandler = Callable[[Services, Event, Command], list[Reply]]


def command_of(event: Event) -> Command:
    """The event's command: typed by the platform, else read from its text."""
    return event.command or parse_command(event.text)


def handle_command(services: Services, event: Event) -> list[Reply]:
    command = command_of(event)
    return COMMAND_HANDLERS[command.name](services, event, command)


def show_help(services: Services, event: Event, command: Command) -> list[Reply]:
    return [help_reply()]


def brief_command_links(services: Services, event: Event, command: Command) -> list[Reply]:
    return brief_links(services, event, list(command.links), thread=None)


def digest_command(services: Services, event: Event, command: Command) -> list[Reply]:
    return handle_digest(services, event, command.argument)


def brief_topic(services: Services, event: Event, command: Command) -> list[Reply]:
    if command.problem:
        return [notice(command.problem)]
    text = command.argument
    if not text:
        return [notice("Which topic? For example: /brief ukraine")]
    if len(text) > MAX_TOPIC_CHARS:
        return [notice(f"That topic is too long; keep it under {MAX_TOPIC_CHARS} characters.")]
    return [topic_brief(services, event.workspace, text, command.days or DEFAULT_DAYS,
                        command.more)]


def set_watch(services: Services, event: Event, command: Command) -> list[Reply]:
    store = services.store
    value = command.argument
    if value in {"on", "off"}:
        store.update_channel_settings(event.platform, event.workspace, event.channel,
                                      watch=value == "on")
        state = "now brief" if value == "on" else "no longer brief"
        return [notice(f"I will {state} links posted in this channel.")]
    current = store.channel_settings(event.platform, event.workspace, event.channel)
    return [notice(f"Link watching is {'on' if current.watch else 'off'} here. "
                   "Use /brief watch on or /brief watch off.")]


COMMAND_HANDLERS: dict[CommandName, CommandHandler] = {
    "help": show_help,
    "watch": set_watch,
    "digest": digest_command,
    "links": brief_command_links,
    "topic": brief_topic,
}
