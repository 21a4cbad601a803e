"""Slack payloads to neutral `Event`s, and which payloads the bot must not answer at all."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from bot.messages import Event

PLATFORM = "slack"
# Plain messages, replies also sent to the channel, and messages with an attachment. Everything
# else (message_changed, message_deleted, bot_message, channel_join, ...) is not a person
# saying something new.
ANSWERED_SUBTYPES = frozenset({None, "thread_broadcast", "file_share"})

Payload = Mapping[str, Any]


def is_from_a_person(event: Payload, bot_user_id: str | None, bot_id: str | None) -> bool:
    """False for edits, deletions, other bots and the bot itself: answering them loops."""
    if event.get("subtype") not in ANSWERED_SUBTYPES:
        return False
    if event.get("bot_id") or event.get("bot_profile"):
        return False
    user = event.get("user")
    if not user or (bot_user_id and user == bot_user_id):
        return False
    return not (bot_id and event.get("bot_id") == bot_id)


def mentions_bot(event: Payload, bot_user_id: str | None) -> bool:
    """Slack also sends an `app_mention` for such a message; that one gets the answer."""
    return bool(bot_user_id) and f"<@{bot_user_id}>" in (event.get("text") or "")


def thread_of(event: Payload) -> str | None:
    """The thread a message was posted in; a thread's parent is not "in" its own thread."""
    thread_ts = event.get("thread_ts")
    if not thread_ts or thread_ts == event.get("ts"):
        return None
    return str(thread_ts)


def team_of(body: Payload, event: Payload | None = None) -> str:
    """The installation's team (Event.workspace): the same for every event it receives."""
    team = body.get("team")
    team_id = team.get("id") if isinstance(team, Mapping) else None
    return str(body.get("team_id") or team_id or (event or {}).get("team") or "")


def message_event(body: Payload, event: Payload, kind: str) -> Event:
    """A channel message ("message") or an @mention ("mention"); the mention stays in the
    text for the handlers to strip, and Slack's `<url|label>` links pass through raw."""
    return Event(
        platform=PLATFORM, workspace=team_of(body, event), channel=str(event.get("channel", "")),
        user=str(event.get("user", "")), text=str(event.get("text") or ""),
        kind=kind,  # type: ignore[arg-type]
        message_id=str(event.get("ts", "")), thread=thread_of(event),
    )


def command_event(body: Payload) -> Event:
    """`/brief <text>`: a command has no message of its own, so `message_id` stays empty."""
    return Event(
        platform=PLATFORM, workspace=team_of(body), channel=str(body.get("channel_id", "")),
        user=str(body.get("user_id", "")), text=str(body.get("text") or ""), kind="command",
    )


def command_key(body: Payload) -> str | None:
    """What a replayed slash command shares with the original: its `trigger_id`, which
    Slack makes anew for every invocation."""
    trigger = body.get("trigger_id")
    return f"command:{team_of(body)}:{trigger}" if trigger else None


def delivery_key(body: Payload) -> str | None:
    """What stays the same when Slack delivers an event again: its `event_id`."""
    event_id = body.get("event_id")
    if event_id:
        return f"event:{event_id}"
    event = body.get("event") or {}
    if event.get("channel") and event.get("ts"):
        return f"message:{event['channel']}:{event['ts']}:{event.get('type', '')}"
    return None
