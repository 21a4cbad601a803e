"""The `/brief` application command group: each subcommand's typed options become a
typed `Command` at once, never text to be parsed again.

Discord cannot mix subcommands with top-level options, so `/brief topic:<text>` is the
subcommand `/brief topic text:<text>`, and likewise `url`, `help`, `watch` and `digest`.
"""

from __future__ import annotations

from typing import Literal, Protocol

import discord
from discord import app_commands

from bot.messages import Command
from handlers.parsing import link_command, topic_command
from handlers.topic import MAX_DAYS

TOPIC_CHARS = 200
URL_CHARS = 2000


class CommandRunner(Protocol):
    async def run_command(self, interaction: discord.Interaction, command: Command,
                          text: str, *, private: bool) -> None: ...


def build_brief_group(runner: CommandRunner) -> app_commands.Group:
    """Help, watch and digest answer only the caller, so they defer privately."""
    group = app_commands.Group(name="brief", description="Briefs of news articles and topics")

    @group.command(name="topic", description="A brief across articles stored here on a topic")
    @app_commands.describe(text="What to brief, e.g. ukraine",
                           days=f"How many days back to look (1-{MAX_DAYS}, default 7)")
    async def topic(interaction: discord.Interaction,
                    text: app_commands.Range[str, 1, TOPIC_CHARS],
                    days: app_commands.Range[int, 1, MAX_DAYS] | None = None) -> None:
        await runner.run_command(interaction, topic_command(text, days), text, private=False)

    @group.command(name="url", description="Brief one article link now")
    @app_commands.describe(link="The article's address (https://...)")
    async def url(interaction: discord.Interaction,
                  link: app_commands.Range[str, 1, URL_CHARS]) -> None:
        await runner.run_command(interaction, link_command(link), link, private=False)

    @group.command(name="help", description="What the briefing bot can do")
    async def help_(interaction: discord.Interaction) -> None:
        await runner.run_command(interaction, Command("help"), "", private=True)

    @group.command(name="watch", description="Brief links posted in this channel: on or off")
    @app_commands.describe(state="on or off; leave empty to see the current setting")
    async def watch(interaction: discord.Interaction,
                    state: Literal["on", "off"] | None = None) -> None:
        await runner.run_command(interaction, Command("watch", state or ""), state or "",
                                 private=True)

    @group.command(name="digest", description="The daily digest for this channel")
    @app_commands.describe(setting="e.g. on, off, or a time such as 08:30")
    async def digest(interaction: discord.Interaction,
                     setting: app_commands.Range[str, 0, 100] | None = None) -> None:
        words = " ".join((setting or "").split())
        await runner.run_command(interaction, Command("digest", words), words, private=True)

    return group
