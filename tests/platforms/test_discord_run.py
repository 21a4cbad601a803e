"""run_discord over a fake gateway: intent refusal, reconnecting without it, clean shutdown."""

from __future__ import annotations

import asyncio
import logging
from typing import Any

from bot.bootstrap import Services, bootstrap, build_chat_parts, build_conversation
from bot.platforms.discord_bot import (
    BriefingClient,
    build_discord_client,
    discord_configured,
    run_discord,
)
from bot.platforms.parts import ChatParts
from bot.settings import Settings
from tests.platforms.discord_fakes import MESSAGE_CONTENT_INTENT, Wire, use_fake_wire

TOKEN = "secret-discord-token-123"


def make_services(tmp_path, **overrides: Any) -> Services:
    values: dict[str, Any] = {"database_url": f"sqlite:///{tmp_path}/bot.db",
                              "discord_token": TOKEN, "log_level": "WARNING"}
    values.update(overrides)
    return bootstrap(Settings(_env_file=None, **values))


def serve_until_identified(services: Services, wire: Wire, sockets: int, *,
                           cancel: bool = True) -> list[BriefingClient]:
    """Run the bot until the gateway has seen `sockets` IDENTIFYs, then stop it: by
    cancelling its task (the runner's shutdown), or by closing the connected client."""
    clients: list[BriefingClient] = []

    def factory(parts: ChatParts, **options: Any) -> BriefingClient:
        client = build_discord_client(parts, **options)
        use_fake_wire(client, wire)
        clients.append(client)
        return client

    async def main() -> None:
        parts = build_chat_parts(services, build_conversation(services))
        task = asyncio.create_task(run_discord(parts, client_factory=factory))
        async with asyncio.timeout(10):
            while not (len(wire.sockets) == sockets
                       and wire.sockets[-1].identified_intents() is not None):
                assert not task.done(), task.exception()
                await asyncio.sleep(0.01)
        if cancel:
            task.cancel()
        else:
            await clients[-1].close()
        async with asyncio.timeout(30):  # a shutdown that hangs fails here, not the suite
            await asyncio.gather(task, return_exceptions=True)
        assert task.cancelled() if cancel else task.exception() is None

    asyncio.run(main())
    return clients


def test_a_refused_content_intent_reconnects_without_it_and_warns_once(tmp_path,
                                                                       caplog) -> None:
    caplog.set_level(logging.DEBUG)
    services = make_services(tmp_path, discord_guild_id=1234)
    wire = Wire(refuse_intent=True)
    # Closed rather than cancelled: the cancelled shutdown is the next test's subject, and
    # cancelling right after a reconnect raced with the fake gateway in full CI runs.
    first, second = serve_until_identified(services, wire, sockets=2, cancel=False)

    refused, accepted = wire.sockets
    assert refused.identified_intents() & MESSAGE_CONTENT_INTENT
    assert refused.close_code == 4014
    assert not accepted.identified_intents() & MESSAGE_CONTENT_INTENT
    assert second.intents.message_content is False
    # /brief is registered again by the client that stays connected.
    assert len(wire.find("PUT", "/applications/{application_id}/guilds/{guild_id}/commands")) == 2
    warnings = [r.getMessage() for r in caplog.records if r.levelno == logging.WARNING
                and r.name.startswith("bot.")]
    assert len(warnings) == 1 and "message-content intent" in warnings[0]
    # Cancelled: both clients closed, the gateway socket closed cleanly.
    assert first.is_closed() and second.is_closed()
    assert accepted.closed and accepted.close_code == 1000
    assert all(TOKEN not in r.getMessage() for r in caplog.records)
    services.close()


def test_the_content_intent_is_requested_by_default(tmp_path) -> None:
    services = make_services(tmp_path)
    wire = Wire()
    [client] = serve_until_identified(services, wire, sockets=1)
    assert wire.sockets[0].identified_intents() & MESSAGE_CONTENT_INTENT
    assert wire.find("PUT", "/applications/{application_id}/commands")  # global sync
    assert client.is_closed()
    services.close()


def test_discord_is_configured_only_with_a_token(tmp_path) -> None:
    assert not discord_configured(Settings(_env_file=None))
    assert not discord_configured(Settings(_env_file=None, discord_token="  "))
    settings = Settings(_env_file=None, discord_token=TOKEN)
    assert discord_configured(settings)
    assert TOKEN not in repr(settings)
