"""Discord's and Slack's documented limits, as assertions shared by the rendering tests."""

from __future__ import annotations

import re
from typing import Any

import discord
from slack_sdk.models.blocks import Block

LIMITS = {"title": 256, "description": 4096, "fields": 25, "field_name": 256,
          "field_value": 1024, "footer": 2048, "total": 6000, "embeds": 10}


def embed_size(embed: dict[str, Any]) -> int:
    """Discord's count: title, description, field names and values, footer, author."""
    return (len(embed.get("title", "")) + len(embed.get("description", ""))
            + sum(len(f["name"]) + len(f["value"]) for f in embed.get("fields", []))
            + len(embed.get("footer", {}).get("text", ""))
            + len(embed.get("author", {}).get("name", "")))


def assert_within_discord_limits(embeds: list[dict[str, Any]]) -> None:
    """One message's embeds, as JSON on the wire."""
    assert 1 <= len(embeds) <= LIMITS["embeds"]
    assert sum(embed_size(e) for e in embeds) <= LIMITS["total"]
    for embed in embeds:
        assert embed_size(embed) > 0
        assert len(embed.get("title", "")) <= LIMITS["title"]
        assert len(embed.get("description", "")) <= LIMITS["description"]
        assert len(embed.get("footer", {}).get("text", "")) <= LIMITS["footer"]
        fields = embed.get("fields", [])
        assert len(fields) <= LIMITS["fields"]
        for field in fields:
            assert 0 < len(field["name"]) <= LIMITS["field_name"]
            assert 0 < len(field["value"]) <= LIMITS["field_value"]


def as_json(messages: list[list[discord.Embed]]) -> list[list[dict[str, Any]]]:
    return [[embed.to_dict() for embed in message] for message in messages]


LINK = re.compile(r"<https?://[^\s<>|]+(?:\|[^<>]*)?>")


ENTITY = re.compile(r"&(?:amp|lt|gt);")


def assert_valid_mrkdwn(text: str) -> None:
    """Only links may use < and >, and every & starts an escape: Slack's control characters."""
    bare = LINK.sub("", text)
    assert "<" not in bare and ">" not in bare, text
    assert "&" not in ENTITY.sub("", bare), text


def assert_valid_text(obj: dict[str, Any], limit: int) -> None:
    assert obj["type"] in {"mrkdwn", "plain_text"}
    assert 1 <= len(obj["text"]) <= limit, len(obj["text"])
    if obj["type"] == "mrkdwn":
        assert_valid_mrkdwn(obj["text"])


def assert_valid_blocks(blocks: list[dict[str, Any]]) -> None:
    """Slack's Block Kit rules for the block types this renderer uses, and slack_sdk's own."""
    assert 1 <= len(blocks) <= 50
    for block in blocks:
        assert Block.parse(block).to_dict() == block  # slack_sdk reads it back and checks it
        kind = block["type"]
        assert kind in {"header", "section", "context"}, kind
        if kind == "header":
            assert block["text"]["type"] == "plain_text"
            assert 1 <= len(block["text"]["text"]) <= 150
        elif kind == "section":
            assert "text" in block or "fields" in block
            if "text" in block:
                assert_valid_text(block["text"], 3000)
            fields = block.get("fields", [])
            assert len(fields) <= 10
            for field in fields:
                assert_valid_text(field, 2000)
        else:
            assert 1 <= len(block["elements"]) <= 10
            for element in block["elements"]:
                assert_valid_text(element, 3000)
