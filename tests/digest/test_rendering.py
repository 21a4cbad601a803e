"""A digest rendered for Slack (Block Kit) and Discord (embeds) stays within their limits."""

from __future__ import annotations

import json

from bot.digest import compose_digest
from bot.platforms.discord_embeds import render_messages
from bot.platforms.slack_blocks import fallback_text, render_blocks
from tests.digest import texts
from tests.digest.conftest import CHANNEL, PLATFORM, WORKSPACE, share
from tests.support.limits import as_json, assert_valid_blocks, assert_within_discord_limits

BODIES = [texts.PORT_STRIKE_EXAMPLE, texts.ENERGY_BILLS, texts.WIND_FARM]


def busy_day(services) -> None:
    """Thirty articles on three subjects from ten outlets, with long headlines."""
    for number in range(30):
        body = BODIES[number % 3] + f"\nReporter number {number} filed this copy late."
        title = f"Story {number}: " + "a very long headline that keeps going " * 8
        share(services, title, body, f"https://outlet{number % 10}.example/story/{number}",
              source=f"Outlet {number % 10}")


def test_a_busy_digest_renders_within_slack_limits(services):
    busy_day(services)
    reply = compose_digest(services.store, services.settings, PLATFORM, WORKSPACE, CHANNEL, services.clock())
    assert reply is not None and reply.kind == "digest"
    blocks = render_blocks(reply)
    assert_valid_blocks(blocks)
    assert len(json.dumps(blocks)) < 50_000
    assert 0 < len(fallback_text(reply)) <= 3000


def test_a_busy_digest_renders_within_discord_limits(services):
    busy_day(services)
    reply = compose_digest(services.store, services.settings, PLATFORM, WORKSPACE, CHANNEL, services.clock())
    assert reply is not None
    messages = as_json(render_messages(reply))
    assert 1 <= len(messages) <= 5
    for embeds in messages:
        assert_within_discord_limits(embeds)
