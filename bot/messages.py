"""Neutral events in and replies out: the vocabulary every layer above the engine shares.

The bottom of the house: it imports nothing from the bot, so handlers, the digest and
the platforms can all import it without importing each other.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from typing import Literal, NamedTuple

EventKind = Literal["message", "command", "mention"]
ReplyKind = Literal["brief", "topic", "answer", "help", "notice", "error", "digest"]
CommandName = Literal["help", "watch", "digest", "links", "topic"]


@dataclass(frozen=True, slots=True)
class Command:
    """`/brief ...`, read once: from Slack's or the console's text by
    `handlers.parsing.parse_command`, or straight from Discord's typed options.

    `argument` is what the command works on: the topic's words, `on`/`off` for watch (any
    other word shows the setting), what follows `digest`. `problem`, when set, is why the
    command cannot run, in words for the user.
    """

    name: CommandName
    argument: str = ""
    links: tuple[str, ...] = ()
    days: int | None = None  # a topic's window; None: the default
    more: bool = False  # `/brief ukraine more`: the stories after the first page
    problem: str | None = None


@dataclass(frozen=True, slots=True)
class Event:
    """Something a user did: posted a message, ran `/brief ...`, or mentioned the bot.

    `message_id` is the platform's id of the user's message (Slack ts, Discord snowflake);
    `thread` is the thread it was posted in, if any. For commands `text` is what follows
    `/brief`.
    """

    platform: str
    workspace: str
    channel: str
    user: str
    text: str
    kind: EventKind = "message"
    message_id: str = ""
    thread: str | None = None
    command: Command | None = None  # set by platforms with typed options (Discord)


@dataclass(frozen=True, slots=True)
class Quote:
    """Who said what: each platform renders the parts natively (Slack bolds the speaker)
    instead of splitting a pre-formatted line again. `str()` is the plain-text line."""

    speaker: str
    cue: str  # the verb as the article has it: "said", "denied"; "" for a lone quotation
    text: str
    citation: str | None = None  # where it was said, e.g. the article's title

    @property
    def holder(self) -> str:
        """"Tom Reed (said)", or just "Tom Reed" for a quotation with no cue word."""
        return f"{self.speaker} ({self.cue})" if self.cue else self.speaker

    def __str__(self) -> str:
        line = f"{self.holder}: {self.text}"
        return f"{line} — {self.citation}" if self.citation else line


Bullet = str | Quote


class Link(NamedTuple):
    """A labelled address; platforms make it clickable (a pair, so `label, url = link`)."""

    label: str
    url: str


@dataclass(frozen=True, slots=True)
class Section:
    heading: str | None
    bullets: tuple[Bullet, ...]


@dataclass(frozen=True, slots=True)
class Reply:
    """What the bot says; each platform renders it its own way (Block Kit, embed, text)."""

    kind: ReplyKind
    title: str | None = None
    url: str | None = None  # the title links here
    context: str | None = None  # a small line under the title: site, date, "first shared ..."
    sections: tuple[Section, ...] = ()
    fields: tuple[tuple[str, str], ...] = ()  # short name/value pairs, e.g. key actors
    links: tuple[Link, ...] = ()
    thread: str | None = None  # post in this thread (a message id); None: in the channel
    ephemeral: bool = False  # only the caller sees it
    share_id: int | None = field(default=None, compare=False)  # see Conversation.reply_posted

    def plain_text(self) -> str:
        """The whole reply as plain text: notifications, logs and the console."""
        lines: list[str] = []
        if self.title:
            lines.append(self.title)
        if self.context:
            lines.append(self.context)
        if self.fields:
            lines.append("Who: " + "; ".join(f"{name} ({value})" if value else name
                                              for name, value in self.fields))
        for section in self.sections:
            if section.heading:
                lines.append(f"{section.heading}:")
            lines.extend(f"  • {bullet}" for bullet in section.bullets)
        lines.extend(f"{label}: {url}" for label, url in self.links)
        return "\n".join(lines)


# A platform's way to post a reply the bot composed on its own (the digest) into a
# channel: (workspace, channel, reply).
Sender = Callable[[str, str, Reply], Awaitable[None]]
