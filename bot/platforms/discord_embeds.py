"""Render a neutral `Reply` as Discord embeds, always within Discord's limits.

Discord rejects a whole message when any limit is broken, so every text is trimmed to its
limit and overflowing fields move to further embeds and messages. Rendering never fails:
a reply that is still too large after `MAX_MESSAGES` messages loses its tail.
"""

from __future__ import annotations

from dataclasses import dataclass

import discord

from bot.messages import Reply, Section
from bot.shorten import shorten

TITLE_LIMIT = 256
DESCRIPTION_LIMIT = 4096
FIELDS_PER_EMBED = 25
FIELD_NAME_LIMIT = 256
FIELD_VALUE_LIMIT = 1024
FOOTER_LIMIT = 2048
EMBED_TOTAL_LIMIT = 6000  # per embed, and for all embeds of one message together
EMBEDS_PER_MESSAGE = 10
URL_LIMIT = 2048
MAX_MESSAGES = 3  # a reply never floods a channel
ELLIPSIS = "…"
EMPTY_VALUE = "\u200b"  # Discord requires a non-empty field value

COLOURS = {
    "brief": discord.Colour.blurple(),
    "topic": discord.Colour.blurple(),
    "answer": discord.Colour.teal(),
    "digest": discord.Colour.gold(),
    "error": discord.Colour.red(),
}


@dataclass(frozen=True, slots=True)
class EmbedField:
    name: str
    value: str
    inline: bool = False

    def size(self) -> int:
        return len(self.name) + len(self.value)


def render_messages(reply: Reply) -> list[list[discord.Embed]]:
    """The embeds of each message to post for a reply, in order (at least one message)."""
    first = _first_embed(reply)
    embeds = _pack_fields(reply, first, _fields(reply))
    return _group_into_messages(embeds)


def _first_embed(reply: Reply) -> discord.Embed:
    colour = COLOURS.get(reply.kind, discord.Colour.light_grey())
    url = reply.url if reply.url and _is_web_url(reply.url) else None
    embed = discord.Embed(
        title=shorten(reply.title, TITLE_LIMIT, flatten=False) if reply.title else None,
        url=url,
        description=_description(reply.sections) or None,
        colour=colour,
    )
    room = EMBED_TOTAL_LIMIT - len(embed)  # title 256 + description 4096 + footer 2048 > 6000
    if reply.context and room > len(ELLIPSIS):
        embed.set_footer(text=shorten(reply.context, min(FOOTER_LIMIT, room), flatten=False))
    if not embed.title and not embed.description and not embed.footer.text:
        embed.description = EMPTY_VALUE  # Discord refuses an empty embed
    return embed


def _description(sections: tuple[Section, ...]) -> str:
    """Sections without a heading (the summary) read as the body of the embed."""
    bullets = [str(b) for s in sections if s.heading is None for b in s.bullets if str(b).strip()]
    if len(bullets) == 1:
        return shorten(bullets[0], DESCRIPTION_LIMIT, flatten=False)
    return shorten("\n".join(f"• {b.strip()}" for b in bullets), DESCRIPTION_LIMIT, flatten=False)


def _fields(reply: Reply) -> list[EmbedField]:
    """Actors first (inline, short), then each headed section, then the links."""
    fields = [EmbedField(shorten(name, FIELD_NAME_LIMIT, flatten=False) or EMPTY_VALUE,
                         shorten(value, FIELD_VALUE_LIMIT, flatten=False) or EMPTY_VALUE,
                         inline=True)
              for name, value in reply.fields]
    for section in reply.sections:
        if section.heading is not None:
            fields.extend(_bullet_fields(section.heading, [f"• {b}" for b in section.bullets]))
    links = [f"[{_link_label(label)}]({url})" if _is_web_url(url) else f"{label}: {url}"
             for label, url in reply.links]
    fields.extend(_bullet_fields("Links", links))
    return fields


def _bullet_fields(heading: str, lines: list[str]) -> list[EmbedField]:
    """Split a long list over several fields of at most 1024 characters each."""
    name = shorten(heading, FIELD_NAME_LIMIT - 10, flatten=False) or EMPTY_VALUE
    chunks: list[str] = []
    current = ""
    for line in (shorten(line, FIELD_VALUE_LIMIT, flatten=False) for line in lines if line.strip()):
        if current and len(current) + 1 + len(line) > FIELD_VALUE_LIMIT:
            chunks.append(current)
            current = line
        else:
            current = f"{current}\n{line}" if current else line
    if current:
        chunks.append(current)
    return [EmbedField(name if number == 0 else f"{name} (cont.)", chunk)
            for number, chunk in enumerate(chunks)]


def _pack_fields(reply: Reply, first: discord.Embed, fields: list[EmbedField]
                 ) -> list[discord.Embed]:
    """Fill embeds in order; a field that does not fit starts the next embed."""
    colour = first.colour
    embeds = [first]
    current = first
    for field in fields:
        if len(current.fields) >= FIELDS_PER_EMBED or \
                len(current) + field.size() > EMBED_TOTAL_LIMIT:
            current = discord.Embed(colour=colour)
            embeds.append(current)
        current.add_field(name=field.name, value=field.value, inline=field.inline)
    return embeds


def _group_into_messages(embeds: list[discord.Embed]) -> list[list[discord.Embed]]:
    """At most 10 embeds and 6000 characters per message; at most MAX_MESSAGES messages."""
    messages: list[list[discord.Embed]] = [[]]
    size = 0
    for embed in embeds:
        full = len(messages[-1]) >= EMBEDS_PER_MESSAGE or size + len(embed) > EMBED_TOTAL_LIMIT
        if messages[-1] and full:
            if len(messages) == MAX_MESSAGES:
                _mark_cut(messages[-1], size)
                break
            messages.append([])
            size = 0
        messages[-1].append(embed)
        size += len(embed)
    return messages


def _mark_cut(message: list[discord.Embed], size: int) -> None:
    """Say that the reply was shortened, if the note still fits the message."""
    note = "(shortened for Discord)"
    last = message[-1]
    footer = last.footer.text or ""
    text = f"{footer} · {note}" if footer else note
    if len(text) <= FOOTER_LIMIT and size - len(footer) + len(text) <= EMBED_TOTAL_LIMIT:
        last.set_footer(text=text)


def _is_web_url(url: str) -> bool:
    return url.startswith(("http://", "https://")) and len(url) <= URL_LIMIT and " " not in url


def _link_label(label: str) -> str:
    """Brackets would end the markdown link early."""
    return shorten(label.replace("[", "(").replace("]", ")"), 200, flatten=False) or "link"
