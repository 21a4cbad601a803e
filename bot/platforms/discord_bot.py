"""The Discord bot: gateway events and `/brief` in, embeds out (discord.py 2.x).

Translation only: messages and interactions become neutral `Event`s (discord_events.py),
the synchronous engine runs in a worker thread so a brief never blocks the gateway
heartbeat, and replies go back as embeds (discord_embeds.py, discord_posting.py).
Setup, intents and permissions: docs/discord.md.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable

import discord
from discord import app_commands

from bot.messages import Command, Reply
from bot.platforms.discord_commands import build_brief_group
from bot.platforms.discord_embeds import render_messages
from bot.platforms.discord_events import command_event, message_event, should_ignore
from bot.platforms.discord_posting import ReplyPoster
from bot.platforms.parts import ChatParts
from bot.settings import Settings

log = logging.getLogger(__name__)

MISSING_INTENT_WARNING = (
    "Discord refused the privileged message-content intent, so pasted links cannot be "
    "watched; /brief, mentions and DMs still work. Enable 'Message Content Intent' for the "
    "bot in the Developer Portal (docs/discord.md), or set DISCORD_MESSAGE_CONTENT=false."
)


def discord_configured(settings: Settings) -> bool:
    """A token is all Discord needs; everything else has a default."""
    token = settings.discord_token
    return token is not None and bool(token.get_secret_value().strip())


def discord_intents(message_content: bool) -> discord.Intents:
    """Guilds, guild messages and DMs; message content only when asked (it is privileged)."""
    intents = discord.Intents.default()
    intents.message_content = message_content
    return intents


CLOSE_SECONDS = 10.0  # how long shutdown waits for the gateway to close cleanly


class BriefingClient(discord.Client):
    """A discord.Client with the `/brief` command tree and the conversation behind it."""

    def __init__(self, parts: ChatParts, *, intents: discord.Intents) -> None:
        discord.VoiceClient.warn_nacl = discord.VoiceClient.warn_dave = False  # no voice here
        super().__init__(intents=intents, allowed_mentions=discord.AllowedMentions.none())
        self.settings = parts.settings
        self.conversation = parts.conversation
        self.poster = ReplyPoster(parts.conversation,
                                  brief_in_thread=parts.settings.discord_brief_in_thread)
        self.tree = app_commands.CommandTree(self)
        self.tree.add_command(build_brief_group(self))
        self.lanes = parts.lanes()

    async def setup_hook(self) -> None:
        """Runs once per login, before the gateway connects: register `/brief`."""
        await self.sync_commands()

    async def sync_commands(self) -> None:
        """Per guild in development (instant), global otherwise (may take a while to show)."""
        guild_id = self.settings.discord_guild_id
        try:
            if guild_id:
                guild = discord.Object(id=guild_id)
                self.tree.copy_global_to(guild=guild)
                synced = await self.tree.sync(guild=guild)
                log.info("synced %d Discord command(s) to guild %s", len(synced), guild_id)
            else:
                synced = await self.tree.sync()
                log.info("synced %d global Discord command(s)", len(synced))
        except discord.HTTPException as error:
            log.warning("could not sync /brief with Discord (HTTP %s, code %s); existing "
                        "commands keep working", error.status, error.code)

    async def on_ready(self) -> None:
        content = "on" if self.intents.message_content else "off (link watching disabled)"
        log.info("Discord connected as %s (id %s) in %d guild(s); message content %s",
                 self.user, self.user.id if self.user else "?", len(self.guilds), content)

    async def on_message(self, message: discord.Message) -> None:
        if should_ignore(message):
            return
        event = message_event(message, self.user)

        async def notify(reply: Reply) -> None:
            await self.poster.answer_message(message, [reply])

        replies = await self.lanes.route(event, notify)
        if replies:
            await self.poster.answer_message(message, replies)

    async def run_command(self, interaction: discord.Interaction, command: Command,
                          text: str, *, private: bool) -> None:
        """Defer at once (Discord allows 3 seconds), brief in a thread, then follow up."""
        try:
            await interaction.response.defer(ephemeral=private, thinking=True)
        except discord.HTTPException as error:
            log.warning("could not defer /brief (HTTP %s, code %s); the interaction expired",
                        error.status, error.code)
            return
        # The user already sees "thinking..." for a deferred command: no busy notice.
        replies = await self.lanes.route(command_event(interaction, command, text))
        await self.poster.answer_interaction(interaction, replies, deferred_private=private)

    async def close(self) -> None:
        await super().close()
        self.lanes.close()


def build_discord_client(parts: ChatParts, *, message_content: bool | None = None
                         ) -> BriefingClient:
    """The client with `/brief`; `message_content` overrides the setting (intent fallback)."""
    wanted = parts.settings.discord_message_content if message_content is None \
        else message_content
    return BriefingClient(parts, intents=discord_intents(wanted))


ClientFactory = Callable[..., BriefingClient]


async def run_discord(parts: ChatParts, *,
                      client_factory: ClientFactory = build_discord_client) -> None:
    """Log in and serve until cancelled; without the content intent if Discord refuses it."""
    settings = parts.settings
    if not discord_configured(settings) or settings.discord_token is None:
        raise RuntimeError("DISCORD_TOKEN is not set; see docs/discord.md")
    token = settings.discord_token.get_secret_value().strip()
    client = client_factory(parts)
    if not client.intents.message_content:
        log.warning("Discord message content is off (DISCORD_MESSAGE_CONTENT=false): pasted "
                    "links are not watched; /brief, mentions and DMs still work.")
    try:
        try:
            await client.start(token)
        except discord.LoginFailure:
            log.error("Discord rejected DISCORD_TOKEN; reset it in the Developer Portal "
                      "(docs/discord.md)")
            raise
        except discord.PrivilegedIntentsRequired:
            if not client.intents.message_content:
                raise
            log.warning(MISSING_INTENT_WARNING)
            await client.close()
            client = client_factory(parts, message_content=False)
            await client.start(token)
    finally:
        await close_within(client, CLOSE_SECONDS)


async def close_within(client: BriefingClient, seconds: float) -> None:
    """Close the client, but never let a gateway that stops answering hold shutdown."""
    try:
        await asyncio.wait_for(client.close(), seconds)
        log.info("Discord client closed")
    except TimeoutError:
        log.warning("the Discord gateway did not close within %.0f s; leaving it", seconds)


class DiscordSender:
    """Posts replies the bot composes on its own (the daily digest) through whichever client
    `run_discord` is running; use `factory` as its `client_factory`."""

    def __init__(self) -> None:
        self.client: BriefingClient | None = None

    def factory(self, parts: ChatParts, **options: bool | None) -> BriefingClient:
        self.client = build_discord_client(parts, **options)
        return self.client

    async def __call__(self, workspace: str, channel: str, reply: Reply) -> None:
        client = self.client
        if client is None or not client.is_ready():
            raise RuntimeError("Discord is not connected")
        target = client.get_channel(int(channel)) or await client.fetch_channel(int(channel))
        for embeds in render_messages(reply):
            await target.send(embeds=embeds)  # type: ignore[union-attr]
