"""`/brief` through discord.py's CommandTree: interaction payloads in, webhook calls out."""

from __future__ import annotations

from bot.platforms.discord_bot import BriefingClient
from tests.platforms.discord_fakes import Wire, message_payload
from tests.platforms.discord_harness import (
    CALLBACK,
    EPHEMERAL,
    FOLLOW_UP,
    command,
    post,
    posted,
    run_bot,
)


def test_commands_are_synced_to_the_development_guild_on_login(make_services) -> None:
    async def nothing(client: BriefingClient, wire: Wire) -> None:
        pass

    wire = run_bot(make_services(), nothing)
    [sync] = wire.find("PUT", "/applications/{application_id}/guilds/{guild_id}/commands")
    [brief] = sync.payload
    assert brief["name"] == "brief"
    assert {o["name"] for o in brief["options"]} == {"topic", "url", "help", "watch", "digest"}


def test_slash_topic_defers_then_follows_up_with_the_topic_brief(make_services,
                                                                discord_site) -> None:
    async def scenario(client: BriefingClient, wire: Wire) -> None:
        await post(client, message_payload(discord_site.url("/ukraine")))
        await command(client, "topic", text="ukraine")

    wire = run_bot(make_services(), scenario)
    [deferral] = wire.find(*CALLBACK)
    [follow_up] = wire.find(*FOLLOW_UP)
    assert wire.calls.index(deferral) < wire.calls.index(follow_up)
    assert deferral.payload == {"type": 5}  # deferred channel message, public
    assert not follow_up.payload.get("flags")
    [embed, *_] = follow_up.embeds
    assert embed["title"].startswith("ukraine: 1 story")
    assert "Zelensky" in str(follow_up.embeds)


def test_help_and_failed_topics_answer_only_the_caller(make_services) -> None:
    async def scenario(client: BriefingClient, wire: Wire) -> None:
        await command(client, "help")
        await command(client, "topic", text="volcanoes")

    wire = run_bot(make_services(), scenario)
    help_deferral, topic_deferral = wire.find(*CALLBACK)
    help_reply, topic_reply = wire.find(*FOLLOW_UP)
    assert help_deferral.payload == {"type": 5, "data": {"flags": EPHEMERAL}}
    assert help_reply.payload["flags"] == EPHEMERAL
    assert help_reply.embeds[0]["title"] == "What I can do"
    # The topic deferred in public; its "thinking" message goes before the private answer.
    assert topic_deferral.payload == {"type": 5}
    [deleted] = wire.find("DELETE", "/webhooks/{webhook_id}/{webhook_token}/messages/@original")
    assert wire.calls.index(deleted) < wire.calls.index(topic_reply)
    assert topic_reply.payload["flags"] == EPHEMERAL
    assert "Nothing stored" in topic_reply.embeds[0]["title"]


def test_watch_off_stops_link_briefs_in_that_channel(make_services, discord_site) -> None:
    async def scenario(client: BriefingClient, wire: Wire) -> None:
        await command(client, "watch", state="off")
        await post(client, message_payload(discord_site.url("/energy")))
        assert posted(wire) == []
        [notice] = wire.find(*FOLLOW_UP)
        assert "no longer brief" in notice.embeds[0]["title"]

    run_bot(make_services(), scenario)


def test_slash_topic_days_option_sets_the_window_without_any_text_parsing(
        make_services, discord_site) -> None:
    async def scenario(client: BriefingClient, wire: Wire) -> None:
        await post(client, message_payload(discord_site.url("/ukraine")))
        await command(client, "topic", text="ukraine --days 2", days=30)

    wire = run_bot(make_services(), scenario)
    [follow_up] = wire.find(*FOLLOW_UP)
    # The option is the window; the words are the topic, read as typed (nothing stored).
    assert "30 days" in follow_up.embeds[0]["title"]
    assert "ukraine --days 2" in follow_up.embeds[0]["title"]
