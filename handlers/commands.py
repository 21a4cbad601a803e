"""`/brief ...`: help, watch on|off, a URL, or a topic (with `--days N`)."""

from __future__ import annotations

import re

from bot.bootstrap import Services
from bot.fetch import find_links
from bot.messages import Event, Reply
from handlers.digest import handle_digest
from handlers.links import brief_links
from handlers.replies import help_reply, notice
from handlers.topic import DEFAULT_DAYS, MAX_DAYS, topic_brief

_DAYS = re.compile(r"(?:^|\s)--days(?:=|\s+)(\S+)(?=\s|$)")
MAX_TOPIC_CHARS = 200
HELP_WORDS = frozenset({"", "help", "-h", "--help", "?"})
COMMAND_WORDS = HELP_WORDS | {"watch", "digest"}  # `/brief <word> ...` that is no link


def handle_command(services: Services, event: Event) -> list[Reply]:
    text = " ".join(event.text.split())
    head, _, rest = text.partition(" ")
    head = head.lower()
    if head in HELP_WORDS:
        return [help_reply()]
    if head == "watch":
        return [set_watch(services, event, rest.strip().lower())]
    if head == "digest":
        return handle_digest(services, event, rest)
    links = find_links(text)
    if links:
        return brief_links(services, event, links, thread=None)
    return [topic_command(services, event, text)]


def topic_command(services: Services, event: Event, text: str) -> Reply:
    days = DEFAULT_DAYS
    match = _DAYS.search(text)
    if match:
        value = match.group(1)
        # str.isdigit() also says yes to "²" and "٣", which int() refuses or reads oddly.
        if not (value.isascii() and value.isdigit()) or not 1 <= int(value) <= MAX_DAYS:
            return notice(f"--days takes a whole number from 1 to {MAX_DAYS}.")
        days = int(value)
        text = (text[:match.start()] + " " + text[match.end():]).strip()
    rest = bool(re.search(r"\S\s+more$", text, re.IGNORECASE))  # "/brief ukraine more"
    if rest:
        text = text[:-len("more")].strip()
    if not text:
        return notice("Which topic? For example: /brief ukraine")
    if len(text) > MAX_TOPIC_CHARS:
        return notice(f"That topic is too long; keep it under {MAX_TOPIC_CHARS} characters.")
    return topic_brief(services, event.workspace, text, days, rest)


def set_watch(services: Services, event: Event, value: str) -> Reply:
    store = services.store
    if value in {"on", "off"}:
        store.update_channel_settings(event.platform, event.workspace, event.channel,
                                      watch=value == "on")
        state = "now brief" if value == "on" else "no longer brief"
        return notice(f"I will {state} links posted in this channel.")
    current = store.channel_settings(event.platform, event.workspace, event.channel)
    return notice(f"Link watching is {'on' if current.watch else 'off'} here. "
                  "Use /brief watch on or /brief watch off.")
