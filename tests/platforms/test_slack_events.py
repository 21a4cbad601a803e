"""Signed events through Bolt's real dispatch, answered against the fake Web API."""

from __future__ import annotations

import asyncio
import time
from datetime import timedelta

import pytest

from bot.bootstrap import bootstrap
from tests.platforms.conftest import slack_settings
from tests.support.clock import NOW
from tests.support.fake_slack import BOT_TOKEN, BOT_USER_ID
from tests.support.slack_requests import (
    CHANNEL,
    SlackHarness,
    event_body,
    mention,
    message,
    signed_headers,
)


def test_a_pasted_link_gets_a_threaded_brief(slack: SlackHarness, slack_site) -> None:
    async def scenario() -> None:
        response = await slack.event(message(f"look <{slack_site.url('/energy')}>", "100.000001"))
        assert response.status == 200
        await slack.settle()

    asyncio.run(scenario())
    [post] = slack.fake.posts()
    assert post.params["channel"] == CHANNEL
    assert post.params["thread_ts"] == "100.000001"
    assert post.authorization == f"Bearer {BOT_TOKEN}"
    assert "Energy bills to fall in April" in post.text
    assert post.blocks[0]["text"]["text"].startswith(f"*<{slack_site.url('/energy')}|")
    assert post.params["unfurl_links"] is False


def test_a_reply_in_the_briefs_thread_gets_an_answer(slack: SlackHarness, slack_site) -> None:
    async def scenario() -> None:
        await slack.event(message(slack_site.url("/energy"), "100.000001"))
        await slack.settle()
        await slack.event(message("what did Ed Miliband say?", "100.000002",
                                  thread_ts="100.000001"))
        await slack.settle()

    asyncio.run(scenario())
    brief, answer = slack.fake.posts()
    assert answer.params["thread_ts"] == "100.000001"
    assert answer.text != brief.text
    assert "suppliers" in answer.text.lower()


def test_a_mention_in_the_thread_of_a_commanded_brief_is_answered(slack: SlackHarness,
                                                                   slack_site) -> None:
    """`/brief <url>` posts in the channel; its thread is found through the bot's own ts."""
    async def scenario() -> None:
        await slack.command(slack_site.url("/energy"))
        await slack.settle()
        posted_ts = slack.fake.posts()[0].answer["ts"]
        await slack.event(mention(f"<@{BOT_USER_ID}> who is Ed Miliband?", "100.000009",
                                  thread_ts=posted_ts))
        await slack.settle()

    asyncio.run(scenario())
    brief, answer = slack.fake.posts()
    assert "thread_ts" not in brief.params
    assert answer.params["thread_ts"] == brief.answer["ts"]
    assert "Miliband" in answer.text


def test_a_retried_event_is_handled_once(slack: SlackHarness, slack_site) -> None:
    async def scenario() -> None:
        await slack.event(message(slack_site.url("/energy"), "100.000001"))
        await slack.settle()
        question = message("what did Ed Miliband say?", "100.000002", thread_ts="100.000001")
        first = await slack.event(question, event_id="EvQUESTION")
        retry = await slack.event(question, event_id="EvQUESTION", retry_num=1)
        assert first.status == retry.status == 200
        await slack.settle()

    asyncio.run(scenario())
    assert len(slack.fake.posts()) == 2  # the brief and one answer


def test_a_link_message_that_mentions_the_bot_is_briefed_once(slack: SlackHarness,
                                                               slack_site) -> None:
    """Slack sends `message` and `app_mention` for it; the mention answers."""
    text = f"<@{BOT_USER_ID}> {slack_site.url('/energy')}"

    async def scenario() -> None:
        await slack.event(message(text, "100.000001"))
        await slack.event(mention(text, "100.000001"))
        await slack.settle()

    asyncio.run(scenario())
    [post] = slack.fake.posts()
    assert post.params["thread_ts"] == "100.000001"


def test_a_fetch_failure_posts_the_human_error(slack: SlackHarness, slack_site) -> None:
    async def scenario() -> None:
        await slack.event(message(f"<{slack_site.url('/gone')}>", "100.000001"))
        await slack.settle()

    asyncio.run(scenario())
    [post] = slack.fake.posts()
    assert post.params["thread_ts"] == "100.000001"
    assert post.text.startswith("Couldn't brief http://127.0.0.1")
    assert "Traceback" not in post.text


@pytest.mark.parametrize("event", [
    message("https://example.org/a", "1.1", subtype="bot_message", bot_id="B9"),
    message("https://example.org/a", "1.2", bot_id="B9"),
    message("https://example.org/a", "1.3", user=BOT_USER_ID),
    message("https://example.org/a", "1.4", subtype="message_changed"),
    message("", "1.5", subtype="message_deleted"),
    message("https://example.org/a", "1.6", subtype="channel_join"),
], ids=["bot_message", "other_bot", "own_message", "changed", "deleted", "join"])
def test_messages_not_from_people_are_ignored(slack: SlackHarness, slack_site, event) -> None:
    async def scenario() -> None:
        response = await slack.event(event)
        assert response.status == 200
        await slack.settle()

    asyncio.run(scenario())
    assert slack.fake.posts() == []
    assert slack.fake.posts("chat.postEphemeral") == []


def test_a_bad_signature_is_refused(slack: SlackHarness, slack_site) -> None:
    body = event_body(message(slack_site.url("/energy"), "100.000001"))
    headers = signed_headers(body, secret="not-the-secret")

    async def scenario() -> int:
        response = await slack.dispatch(body, headers)
        await slack.settle()
        return response.status

    assert asyncio.run(scenario()) == 401
    assert slack.fake.calls == []
    assert slack_site.requests == []


def test_an_old_timestamp_is_refused(slack: SlackHarness, slack_site) -> None:
    """A replayed request: correctly signed, but from ten minutes ago."""
    body = event_body(message(slack_site.url("/energy"), "100.000001"))
    headers = signed_headers(body, timestamp=int(time.time()) - 600)

    async def scenario() -> int:
        response = await slack.dispatch(body, headers)
        await slack.settle()
        return response.status

    assert asyncio.run(scenario()) == 401
    assert slack.fake.posts() == []


def test_a_slow_brief_is_acked_at_once_and_posted_later(slack: SlackHarness, slack_site) -> None:
    async def scenario() -> tuple[float, float]:
        started = time.monotonic()
        response = await slack.event(message(slack_site.url("/slow"), "100.000001"))
        acked = time.monotonic() - started
        assert response.status == 200
        assert slack.fake.posts() == []
        await slack.settle()
        return acked, time.monotonic() - started

    acked, posted = asyncio.run(scenario())
    assert acked < 0.5
    assert posted >= 1.5
    [post] = slack.fake.posts()
    assert "Energy bills" in post.text


def test_a_rate_limited_post_is_retried(slack: SlackHarness, slack_site) -> None:
    slack.fake.rate_limit["chat.postMessage"] = 1

    async def scenario() -> None:
        await slack.event(message(slack_site.url("/energy"), "100.000001"))
        await slack.settle()

    asyncio.run(scenario())
    attempts = [c for c in slack.fake.calls if c.method == "chat.postMessage"]
    assert [c.status for c in attempts] == [429, 200]


def test_the_request_url_check_is_answered(slack: SlackHarness) -> None:
    """Slack verifies an HTTP-mode request URL with a signed challenge before using it."""
    body = '{"token": "legacy", "challenge": "c-123", "type": "url_verification"}'

    async def scenario() -> tuple[int, str]:
        response = await slack.dispatch(body, signed_headers(body))
        return response.status, response.body

    status, answer = asyncio.run(scenario())
    assert status == 200
    assert "c-123" in answer


def test_an_event_claimed_by_a_process_that_died_is_answered_on_redelivery(
        tmp_path, slack_site, fake_slack) -> None:
    """Issue 17.9: a process killed mid-brief left its claim, and every redelivery was
    skipped as a repeat. A claim not finished within its lease is taken over."""
    settings = slack_settings(tmp_path, slack_site, fake_slack, slack_claim_lease_seconds=0.3)
    services = bootstrap(settings, clock=lambda: NOW)
    harness = SlackHarness(services, fake_slack)
    lease = timedelta(seconds=settings.slack_claim_lease_seconds)
    event = message(slack_site.url("/energy"), "100.000001")
    try:
        # The process that died claimed the event, then never posted nor finished it.
        assert services.store.claim_event("slack", "event:EvLOST", lease)

        async def scenario() -> None:
            await harness.event(event, event_id="EvLOST", retry_num=1)  # within the lease
            await harness.settle()
            assert fake_slack.posts() == []
            await asyncio.sleep(settings.slack_claim_lease_seconds + 0.1)
            await harness.event(event, event_id="EvLOST", retry_num=2)  # lease expired
            await harness.settle()
            await harness.event(event, event_id="EvLOST", retry_num=3)  # done: never again
            await harness.settle()

        asyncio.run(scenario())
    finally:
        services.close()
    [brief] = fake_slack.posts()
    assert brief.params["thread_ts"] == "100.000001"
