"""The Discord bot driven through discord.py's own state: gateway payloads in, REST calls out."""

from __future__ import annotations

import asyncio
import gc
import logging
import time

from bot.platforms.discord_bot import BriefingClient
from bot.runner import freeze_startup_heap
from tests.platforms.discord_fakes import (
    BOT_ID,
    CHANNEL_ID,
    USER_ID,
    Wire,
    message_payload,
    thread_payload,
    user_payload,
)
from tests.platforms.discord_harness import OTHER_CHANNEL_ID, post, posted, run_bot
from tests.support.limits import assert_within_discord_limits


def test_pasted_link_gets_a_brief_embed_replying_to_the_message(make_services,
                                                                discord_site) -> None:
    link = discord_site.url("/energy")

    async def scenario(client: BriefingClient, wire: Wire) -> None:
        user_message = await post(client, message_payload(f"worth a read {link}"))
        [call] = posted(wire)
        assert call.payload["message_reference"]["message_id"] == int(user_message["id"])
        assert call.payload["allowed_mentions"]["replied_user"] is False

    wire = run_bot(make_services(), scenario)
    [embed] = posted(wire)[0].embeds
    assert embed["title"] == "Energy bills to fall in April"
    assert embed["url"] == link
    assert "Ofgem" in embed["description"]
    assert embed["footer"]["text"].startswith("Test News")
    names = [field["name"] for field in embed["fields"]]
    assert any("Miliband" in name for name in names) and "Positions" in names
    assert_within_discord_limits([embed])


def test_reply_to_the_brief_gets_an_answer(make_services, discord_site) -> None:
    async def scenario(client: BriefingClient, wire: Wire) -> None:
        await post(client, message_payload(discord_site.url("/energy")))
        brief_message = posted(wire)[0].response
        await post(client, message_payload("who is Ed Miliband?", replying_to=brief_message))
        [_, answer] = posted(wire)
        text = str(answer.embeds)
        assert "Miliband" in text and "Energy Secretary" in text

        await post(client, message_payload("who is Ed Miliband?"))  # not a reply: not asked
        assert len(posted(wire)) == 2

    run_bot(make_services(), scenario)


def test_a_mention_is_answered_from_recent_articles(make_services, discord_site) -> None:
    async def scenario(client: BriefingClient, wire: Wire) -> None:
        await post(client, message_payload(discord_site.url("/energy")))
        bot = user_payload(BOT_ID, "briefing-bot", bot=True)
        await post(client, message_payload(f"<@{BOT_ID}> what did Ofgem say?", mentions=[bot]))
        assert len(posted(wire)) == 2
        assert "bills" in str(posted(wire)[1].embeds)

    run_bot(make_services(), scenario)


def test_brief_in_thread_opens_a_thread_that_keeps_the_conversation(make_services,
                                                                    discord_site) -> None:
    async def scenario(client: BriefingClient, wire: Wire) -> None:
        user_message = await post(client, message_payload(discord_site.url("/energy")))
        [opened] = wire.find("POST", "/channels/{channel_id}/messages/{message_id}/threads")
        assert opened.payload["name"] == "Energy bills to fall in April"
        thread_id = user_message["id"]  # a thread opened on a message carries its id
        [brief] = posted(wire)
        assert brief.url.endswith(f"/channels/{thread_id}/messages")
        # Discord announces the new thread on the gateway; then a user asks inside it.
        client._connection.parse_thread_create(thread_payload(thread_id, name="Energy"))
        await post(client, message_payload("what's disputed?", channel_id=thread_id))
        [_, answer] = posted(wire)
        assert answer.url.endswith(f"/channels/{thread_id}/messages")
        assert "Suppliers" in str(answer.embeds)

    run_bot(make_services(discord_brief_in_thread=True), scenario)


def test_messages_from_bots_and_from_itself_are_ignored(make_services, discord_site) -> None:
    async def scenario(client: BriefingClient, wire: Wire) -> None:
        before = len(wire.calls)
        link = discord_site.url("/energy")
        await post(client, message_payload(link, author=user_payload(BOT_ID, "me", bot=True)))
        await post(client, message_payload(link, author=user_payload(42, "other-bot", bot=True)))
        assert wire.calls[before:] == []
        assert discord_site.paths_requested() == []

    run_bot(make_services(), scenario)


def test_missing_permissions_warn_once_per_channel_without_retrying(
        make_services, discord_site, caplog) -> None:
    caplog.set_level(logging.WARNING, logger="bot.platforms")

    async def scenario(client: BriefingClient, wire: Wire) -> None:
        wire.forbidden_channels.add(CHANNEL_ID)
        for number in range(1, 4):
            await post(client, message_payload(discord_site.url(f"/energy/{number}")))
        await post(client, message_payload(discord_site.url("/energy"),
                                           channel_id=OTHER_CHANNEL_ID))

    wire = run_bot(make_services(), scenario)
    attempts = [c for c in posted(wire) if f"/channels/{CHANNEL_ID}/" in c.url]
    assert len(attempts) == 3  # one attempt per message: no retries
    assert len([c for c in posted(wire) if f"/{OTHER_CHANNEL_ID}/" in c.url]) == 1
    warnings = [r for r in caplog.records if r.levelno == logging.WARNING]
    assert len(warnings) == 1
    assert str(CHANNEL_ID) in warnings[0].getMessage()


def test_a_long_brief_never_blocks_the_event_loop(make_services, discord_site) -> None:
    lags: list[float] = []

    async def scenario(client: BriefingClient, wire: Wire) -> None:
        stop = asyncio.Event()

        async def ticker() -> None:
            while not stop.is_set():
                started = time.perf_counter()
                await asyncio.sleep(0.005)
                lags.append(time.perf_counter() - started - 0.005)

        freeze_startup_heap()  # as serve does before the platforms connect
        ticking = asyncio.create_task(ticker())
        started = time.perf_counter()
        await post(client, message_payload(discord_site.url("/long")))
        elapsed = time.perf_counter() - started
        stop.set()
        await ticking
        assert elapsed > 0.2, "the brief was too quick to prove anything"
        [brief] = posted(wire)
        assert brief.embeds[0]["title"] == "The long energy story"
        logging.getLogger(__name__).info("brief took %.2fs, worst loop lag %.1f ms",
                                         elapsed, max(lags) * 1000)

    try:
        run_bot(make_services(), scenario)
    finally:
        gc.unfreeze()
    assert max(lags) < 0.1


def test_a_direct_message_speaks_to_the_bot(make_services, discord_site) -> None:
    dm_channel = CHANNEL_ID + 99

    async def scenario(client: BriefingClient, wire: Wire) -> None:
        await post(client, message_payload(discord_site.url("/energy"), guild=False,
                                           channel_id=dm_channel))
        await post(client, message_payload("who is Ed Miliband?", guild=False,
                                           channel_id=dm_channel))
        brief, answer = posted(wire)
        assert brief.url.endswith(f"/channels/{dm_channel}/messages")
        assert brief.embeds[0]["title"] == "Energy bills to fall in April"
        assert "Miliband" in str(answer.embeds)

    services = make_services()
    run_bot(services, scenario)
    [stored] = services.store.recent_articles(f"dm:{USER_ID}")  # each user's DMs apart
    assert services.store.recent_articles("dm") == []
    assert stored.title == "Energy bills to fall in April"
