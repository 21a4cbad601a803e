"""The Discord bot's test harness: a local article site, services on a temp database, and a
real client logged in over the fake wire (shared by the Discord tests and fixtures)."""

from __future__ import annotations

import asyncio
from collections.abc import Callable, Coroutine
from pathlib import Path
from typing import Any

from bot.bootstrap import Services, bootstrap, build_chat_parts, build_conversation
from bot.platforms.discord_bot import BriefingClient, build_discord_client
from bot.settings import Settings
from tests.platforms.discord_fakes import (
    CHANNEL_ID,
    GUILD_ID,
    Call,
    Wire,
    guild_payload,
    interaction_payload,
    settle,
    text_channel_payload,
    use_fake_wire,
)
from tests.support.articles import ENERGY, article_html
from tests.support.site import LocalSite, page

UKRAINE = """\
Ukraine and Russia agreed on Tuesday to resume talks on a prisoner exchange, officials in Kyiv said.
President Volodymyr Zelensky said the talks would take place in Istanbul next week.
"We want every one of our people home," Zelensky told reporters in Kyiv.
Russian officials denied that any exchange had been agreed, saying only that contacts continued.
Turkey has hosted several rounds of talks between Ukraine and Russia since the war began.
"""


OTHER_CHANNEL_ID = CHANNEL_ID + 1


POST_MESSAGE = ("POST", "/channels/{channel_id}/messages")


CALLBACK = ("POST", "/interactions/{webhook_id}/{webhook_token}/callback")


FOLLOW_UP = ("POST", "/webhooks/{webhook_id}/{webhook_token}")


EPHEMERAL = 64


def long_article(paragraphs: int = 120) -> str:
    """Distinct sentences, so the engine has real work (deduplication cannot shortcut it)."""
    lines = []
    for number in range(paragraphs):
        for line in ENERGY.strip().splitlines():
            lines.append(line.replace("April", f"April {number + 1}").replace(
                "a tenth", f"{number + 2} percent"))
    return "\n".join(lines)


def open_site() -> LocalSite:
    local = LocalSite()
    local.routes["/energy"] = page(article_html("Energy bills to fall in April", ENERGY))
    local.routes["/ukraine"] = page(article_html("Ukraine and Russia to resume prisoner talks",
                                                 UKRAINE))
    local.routes["/long"] = page(article_html("The long energy story", long_article()))
    for number in range(1, 4):  # distinct stories: a repost within minutes is not rebriefed
        local.routes[f"/energy/{number}"] = page(article_html(
            f"Energy bills, part {number}", ENERGY.replace("a tenth", f"{number} percent")))
    return local


class ServicesFactory:
    """Services on one temp database; a test may build several (e.g. with other settings)."""

    def __init__(self, tmp_path: Path, site: LocalSite) -> None:
        self.tmp_path, self.site = tmp_path, site
        self.built: list[Services] = []

    def __call__(self, **overrides: Any) -> Services:
        values: dict[str, Any] = {
            "database_url": f"sqlite:///{self.tmp_path}/bot.db",
            "fetch_allowlist": "127.0.0.1", "fetch_allowed_ports": str(self.site.port),
            "fetch_retries": 0, "log_level": "WARNING", "discord_token": "test-token",
            "discord_guild_id": GUILD_ID,
        }
        values.update(overrides)
        self.built.append(bootstrap(Settings(_env_file=None, **values)))
        return self.built[-1]

    def close(self) -> None:
        for services in self.built:
            services.close()


Scenario = Callable[[BriefingClient, Wire], Coroutine[Any, Any, None]]


def run_bot(services: Services, scenario: Scenario) -> Wire:
    """Log a real client in over the fake wire, load the guild, play the scenario, close."""
    async def main() -> Wire:
        client = build_discord_client(build_chat_parts(services, build_conversation(services)))
        wire = Wire()
        use_fake_wire(client, wire)
        await client.login("test-token")
        client._connection._add_guild_from_data(guild_payload(
            text_channel_payload(), text_channel_payload(OTHER_CHANNEL_ID, "other")))
        try:
            await scenario(client, wire)
        finally:
            await client.close()
        return wire

    return asyncio.run(main())


async def post(client: BriefingClient, payload: dict) -> dict:
    """Deliver a MESSAGE_CREATE as the gateway would, and wait for the bot to finish."""
    client._connection.parse_message_create(payload)
    await settle()
    return payload


async def command(client: BriefingClient, subcommand: str, **options: Any) -> None:
    client._connection.parse_interaction_create(interaction_payload(subcommand, options))
    await settle()


def posted(wire: Wire) -> list[Call]:
    return wire.find(*POST_MESSAGE)
