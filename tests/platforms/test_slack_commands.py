"""`/brief` through Bolt's real dispatch: ack at once, then post to the channel or the caller."""

from __future__ import annotations

import asyncio
import time

from tests.support.fake_slack import BOT_USER_ID
from tests.support.slack_requests import (
    CHANNEL,
    SlackHarness,
    command_body,
    message,
    signed_headers,
)


def test_brief_topic_after_a_link_was_pasted_posts_the_topic_brief(slack: SlackHarness,
                                                                   slack_site) -> None:
    async def scenario() -> None:
        await slack.event(message(f"<{slack_site.url('/ukraine')}>", "100.000001"))
        await slack.settle()
        response = await slack.command("ukraine")
        assert response.status == 200
        await slack.settle()

    asyncio.run(scenario())
    brief, topic = slack.fake.posts()
    assert brief.params["thread_ts"] == "100.000001"
    assert topic.params["channel"] == CHANNEL
    assert "thread_ts" not in topic.params
    assert topic.text.startswith("ukraine: 1 story in the last 7 days")
    assert topic.blocks[0]["type"] == "header"
    assert slack.fake.posts("response_url") == []


def test_brief_help_answers_only_the_caller(slack: SlackHarness) -> None:
    async def scenario() -> None:
        response = await slack.command("help")
        assert (response.status, response.body) == (200, "")
        await slack.settle()

    asyncio.run(scenario())
    [answer] = slack.fake.posts("response_url")
    assert answer.params["response_type"] == "ephemeral"
    assert answer.text.startswith("What I can do")
    assert slack.fake.posts() == []


def test_brief_of_an_unknown_topic_answers_only_the_caller(slack: SlackHarness) -> None:
    async def scenario() -> None:
        await slack.command("volcanoes")
        await slack.settle()

    asyncio.run(scenario())
    [answer] = slack.fake.posts("response_url")
    assert answer.params["response_type"] == "ephemeral"
    assert "Nothing stored" in answer.text


def test_a_failed_brief_url_is_told_to_the_caller_only(slack: SlackHarness, slack_site) -> None:
    async def scenario() -> None:
        await slack.command(slack_site.url("/gone"))
        await slack.settle()

    asyncio.run(scenario())
    [answer] = slack.fake.posts("response_url")
    assert answer.params["response_type"] == "ephemeral"
    assert answer.text.startswith("Couldn't brief")
    assert slack.fake.posts() == []


def test_watch_off_stops_link_briefs_here(slack: SlackHarness, slack_site) -> None:
    async def scenario() -> None:
        await slack.command("watch off")
        await slack.settle()
        await slack.event(message(slack_site.url("/energy"), "100.000001"))
        await slack.settle()
        await slack.event({**message(f"<@{BOT_USER_ID}> {slack_site.url('/energy')}",
                                     "100.000002"), "type": "app_mention"})
        await slack.settle()

    asyncio.run(scenario())
    [notice] = slack.fake.posts("response_url")
    assert "no longer brief" in notice.text
    [brief] = slack.fake.posts()  # only the mention asked for it
    assert brief.params["thread_ts"] == "100.000002"


def test_a_slow_brief_command_is_acked_at_once(slack: SlackHarness, slack_site) -> None:
    async def scenario() -> tuple[float, float]:
        started = time.monotonic()
        response = await slack.command(slack_site.url("/slow"))
        acked = time.monotonic() - started
        assert response.status == 200
        await slack.settle()
        return acked, time.monotonic() - started

    acked, posted = asyncio.run(scenario())
    assert acked < 0.5
    assert posted >= 1.5
    [brief] = slack.fake.posts()
    assert brief.params["channel"] == CHANNEL


def test_a_brief_command_where_the_bot_cannot_post_uses_the_response_url(
        slack: SlackHarness, slack_site) -> None:
    slack.fake.refuse["chat.postMessage"] = "not_in_channel"

    async def scenario() -> None:
        await slack.command(slack_site.url("/energy"))
        await slack.settle()

    asyncio.run(scenario())
    [answer] = slack.fake.posts("response_url")
    assert answer.params["response_type"] == "in_channel"
    assert "Energy bills" in answer.text


def test_a_replayed_command_is_answered_once(slack: SlackHarness) -> None:
    """Issue 17.8: the same signed /brief help, replayed byte for byte, was answered twice."""
    body = command_body("help", slack.fake.response_url())
    headers = signed_headers(body, content_type="application/x-www-form-urlencoded")

    async def scenario() -> None:
        first = await slack.dispatch(body, headers)
        replay = await slack.dispatch(body, headers)
        assert first.status == replay.status == 200
        await slack.settle()
        again = command_body("help", slack.fake.response_url())  # a new trigger_id
        await slack.dispatch(again, signed_headers(
            again, content_type="application/x-www-form-urlencoded"))
        await slack.settle()

    asyncio.run(scenario())
    assert len(slack.fake.posts("response_url")) == 2
