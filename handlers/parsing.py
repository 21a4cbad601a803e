"""`/brief ...` text to a typed `Command`: the one place that reads a command's words.

Slack and the console carry a command as text; Discord has typed options and builds the
`Command` itself (with `topic_command` and `link_command` for the parts that still read
words: a topic's trailing `more`, and the links in a pasted address).
"""

from __future__ import annotations

import re

from bot.fetch import find_links
from bot.messages import Command
from handlers.topic import MAX_DAYS

_DAYS = re.compile(r"(?:^|\s)--days(?:=|\s+)(\S+)(?=\s|$)")
_MORE = re.compile(r"\S\s+more$", re.IGNORECASE)  # "/brief ukraine more"
HELP_WORDS = frozenset({"", "help", "-h", "--help", "?"})


def parse_command(text: str) -> Command:
    """Help, watch, digest, links, else a topic (with `--days N` and a trailing `more`)."""
    text = " ".join(text.split())
    head, _, rest = text.partition(" ")
    head = head.lower()
    if head in HELP_WORDS:
        return Command("help")
    if head == "watch":
        return Command("watch", rest.strip().lower())
    if head == "digest":
        return Command("digest", rest)
    links = find_links(text)
    if links:
        return Command("links", text, links=tuple(links))
    return _parse_topic(text)


def _parse_topic(text: str) -> Command:
    days = None
    match = _DAYS.search(text)
    if match:
        value = match.group(1)
        # str.isdigit() also says yes to "²" and "٣", which int() refuses or reads oddly.
        if not (value.isascii() and value.isdigit()) or not 1 <= int(value) <= MAX_DAYS:
            return Command("topic", text,
                           problem=f"--days takes a whole number from 1 to {MAX_DAYS}.")
        days = int(value)
        text = (text[:match.start()] + " " + text[match.end():]).strip()
    return topic_command(text, days)


def topic_command(text: str, days: int | None = None) -> Command:
    """A topic's words, with `more` at the end asking for the next page."""
    text = " ".join(text.split())
    more = bool(_MORE.search(text))
    if more:
        text = text[:-len("more")].strip()
    return Command("topic", text, days=days, more=more)


def link_command(text: str) -> Command:
    """An address to brief; words with no link in them are read as a topic, as on Slack."""
    links = find_links(text)
    if links:
        return Command("links", text.strip(), links=tuple(links))
    return _parse_topic(" ".join(text.split()))
