"""Render a neutral `Reply` as Slack Block Kit, trimmed to Slack's limits rather than rejected.

Blocks are built with `slack_sdk.models.blocks`, whose `to_dict()` checks Slack's limits and
raises on a breach. Slack refuses a whole message when one block breaks a rule, so every text
is shortened here first (with `bot.shorten`, marked "…"): a long brief loses its tail, never
the post.
"""

from __future__ import annotations

import re
from typing import Any

from slack_sdk.models.blocks import (
    Block,
    ContextBlock,
    HeaderBlock,
    MarkdownTextObject,
    PlainTextObject,
    SectionBlock,
)

from bot.messages import Bullet, Link, Quote, Reply, Section
from bot.shorten import shorten

# Slack's own limits, as slack_sdk states (and checks) them.
MAX_SECTION_TEXT = SectionBlock.text_max_length
MAX_FIELDS = SectionBlock.fields_max_length
MAX_HEADER_TEXT = HeaderBlock.text_max_length
MAX_CONTEXT_ELEMENTS = ContextBlock.elements_max_length
# Slack's limits that slack_sdk documents but does not check.
MAX_BLOCKS = 50
MAX_FIELD_TEXT = 2000
# Our own choices.
MAX_FALLBACK_TEXT = 3000
MAX_LINK_BLOCKS = 2
MAX_LABEL_TEXT = 300  # titles and names, so a link or bold marker is never cut in half
MAX_BULLET_SOURCE = 2000  # before escaping, so a cut rarely lands inside a link
NOTICE_KINDS = frozenset({"notice", "error"})
TRIMMED_NOTE = "…trimmed to fit Slack."
_URL = re.compile(r"<(https?://[^\s<>|]+)>|(https?://[^\s<>|]+)")
_TRAILING_PUNCTUATION = ".,;:!?)]'\"”’"

BlockJson = dict[str, Any]


def escape_mrkdwn(text: str) -> str:
    """Slack reads &, < and > as control characters; anything from users or articles is text."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def mrkdwn_with_links(text: str) -> str:
    """Escape text but keep its web addresses (bare or `<...>`) clickable as Slack links."""
    parts: list[str] = []
    position = 0
    for match in _URL.finditer(text):
        url = match.group(1) or match.group(2)
        end = match.end()
        if match.group(2):  # a bare address: "see https://x.org/a." ends before the dot
            kept = url.rstrip(_TRAILING_PUNCTUATION)
            end -= len(url) - len(kept)
            url = kept
        parts.append(escape_mrkdwn(text[position:match.start()]))
        parts.append(f"<{escape_mrkdwn(url).replace('|', '%7C')}>")
        position = end
    parts.append(escape_mrkdwn(text[position:]))
    return "".join(parts)


def slack_link(url: str, label: str) -> str:
    """`<url|label>` with both parts made safe: a `|` or `>` in the URL would end the link."""
    safe_url = escape_mrkdwn(url).replace("|", "%7C")
    safe_label = escape_mrkdwn(" ".join(label.split()) or url)
    return f"<{safe_url}|{safe_label}>"


def fallback_text(reply: Reply) -> str:
    """The notification text: plain, escaped, short."""
    return shorten(escape_mrkdwn(reply.plain_text()), MAX_FALLBACK_TEXT, flatten=False) or " "


def render_blocks(reply: Reply) -> list[BlockJson]:
    """Block Kit JSON for a reply: title, context, actors, sections, links; at most 50 blocks."""
    return [block.to_dict() for block in build_blocks(reply)]


def build_blocks(reply: Reply) -> list[Block]:
    """The reply's blocks as slack_sdk objects, every text already within its limit."""
    blocks = _title_blocks(reply)
    if reply.context:
        blocks.append(_context([mrkdwn_with_links(reply.context)]))
    sections = list(reply.sections)
    if sections and sections[0].heading is None:  # the summary reads before the actors
        blocks.extend(_section_blocks(sections.pop(0)))
    if reply.fields:
        blocks.extend(_field_blocks(reply.fields))
    for section in sections:
        blocks.extend(_section_blocks(section))
    if reply.links:
        blocks.extend(_link_blocks(reply.links))
    if len(blocks) > MAX_BLOCKS:
        blocks = [*blocks[: MAX_BLOCKS - 1], _context([TRIMMED_NOTE])]
    return blocks


def _title_blocks(reply: Reply) -> list[Block]:
    title = " ".join((reply.title or "").split())
    if not title:
        return []
    if reply.kind in NOTICE_KINDS:
        prefix = ":warning: " if reply.kind == "error" else ""
        return [_mrkdwn_section(prefix + escape_mrkdwn(title))]
    label = shorten(title, MAX_LABEL_TEXT, flatten=False)
    linked = f"*{slack_link(reply.url, label)}*" if reply.url else ""
    if linked and len(linked) <= MAX_SECTION_TEXT:
        return [_mrkdwn_section(linked)]
    header = PlainTextObject(text=shorten(title, MAX_HEADER_TEXT, flatten=False), emoji=True)
    return [HeaderBlock(text=header)]


def _field_blocks(fields: tuple[tuple[str, str], ...]) -> list[Block]:
    """Key actors as up to ten fields; the rest are named on one context line."""
    shown, rest = fields[:MAX_FIELDS], fields[MAX_FIELDS:]
    rendered = []
    for name, value in shown:
        text = f"*{shorten(escape_mrkdwn(name), MAX_LABEL_TEXT, flatten=False)}*"
        if value:
            text += f"\n{escape_mrkdwn(value)}"
        rendered.append(MarkdownTextObject(text=shorten(text, MAX_FIELD_TEXT, flatten=False)))
    blocks: list[Block] = [SectionBlock(fields=rendered)]
    if rest:
        names = ", ".join(escape_mrkdwn(name) for name, _ in rest)
        blocks.append(_context([f"Also: {names}"]))
    return blocks


def _section_blocks(section: Section) -> list[Block]:
    """A heading and bullets, packed into as few 3000-character sections as they fit."""
    lines = [f"• {_bullet(bullet)}" for bullet in section.bullets]
    heading = f"*{escape_mrkdwn(section.heading)}*" if section.heading else None
    blocks: list[Block] = []
    chunk: list[str] = [heading] if heading else []
    for line in lines:
        line = shorten(line, MAX_SECTION_TEXT, flatten=False)
        if chunk and len("\n".join([*chunk, line])) > MAX_SECTION_TEXT:
            blocks.append(_mrkdwn_section("\n".join(chunk)))
            chunk = []
        chunk.append(line)
    if chunk:
        blocks.append(_mrkdwn_section("\n".join(chunk)))
    return blocks


def _bullet(bullet: Bullet) -> str:
    """A quote reads `*Actor (said)*: what — where`; text is escaped, its links kept."""
    if isinstance(bullet, Quote):
        speaker = shorten(bullet.holder, MAX_LABEL_TEXT, flatten=False)
        said = shorten(bullet.text, MAX_BULLET_SOURCE, flatten=False)
        line = f"*{escape_mrkdwn(speaker)}*: {mrkdwn_with_links(said)}"
        if bullet.citation:
            line += f" — {mrkdwn_with_links(bullet.citation)}"
        return line
    return mrkdwn_with_links(shorten(bullet, MAX_BULLET_SOURCE, flatten=False))


def _link_blocks(links: tuple[Link, ...]) -> list[Block]:
    """Sources as links; a link cut in half breaks, so an overlong one is left out."""
    lines = [f"• {slack_link(url, shorten(label, MAX_LABEL_TEXT, flatten=False))}"
             for label, url in links]
    blocks: list[Block] = []
    chunk: list[str] = ["*Sources*"]
    for line in lines:
        if len(line) > MAX_SECTION_TEXT:
            continue
        if len("\n".join([*chunk, line])) > MAX_SECTION_TEXT:
            blocks.append(_mrkdwn_section("\n".join(chunk)))
            chunk = []
        chunk.append(line)
    if chunk:
        blocks.append(_mrkdwn_section("\n".join(chunk)))
    return blocks[:MAX_LINK_BLOCKS]


def _context(texts: list[str]) -> ContextBlock:
    elements = [MarkdownTextObject(text=shorten(text, MAX_SECTION_TEXT, flatten=False))
                for text in texts[:MAX_CONTEXT_ELEMENTS]]
    return ContextBlock(elements=elements)


def _mrkdwn_section(text: str) -> SectionBlock:
    return SectionBlock(text=MarkdownTextObject(text=shorten(text, MAX_SECTION_TEXT,
                                                            flatten=False)))
