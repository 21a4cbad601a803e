"""A channel's digest state, kept in `ChannelSettings.extra` (a JSON column) so that the
digest needs no migration: subscribed topics, the empty-day choice, the last digest.

`update_channel_settings` merges `extra` key by key, so each key here is written alone
and never clobbers keys other features keep there.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from bot.digest.changes import Snapshot
from bot.settings import Settings
from bot.store import ChannelSettings
from bot.store.protocols import ChannelStore

log = logging.getLogger(__name__)

TOPICS_KEY = "digest_topics"
ALWAYS_KEY = "digest_always"  # post one short line on a day with no stories
LAST_KEY = "digest_last"  # {"at": ISO time, "snapshot": Snapshot.to_json()}
WINDOW = timedelta(hours=24)
LONGEST_WINDOW = timedelta(days=7)  # a channel silent for a month gets a week, not a month


def digest_topics(settings: ChannelSettings) -> list[str]:
    topics = settings.extra.get(TOPICS_KEY)
    return [str(t) for t in topics if str(t).strip()] if isinstance(topics, list) else []


def posts_on_empty_days(settings: ChannelSettings) -> bool:
    return settings.extra.get(ALWAYS_KEY) is True


def last_digest(settings: ChannelSettings) -> tuple[datetime | None, Snapshot | None]:
    """When the last digest went out and what it showed; (None, None) for a first digest."""
    last = settings.extra.get(LAST_KEY)
    if not isinstance(last, dict):
        return None, None
    try:
        at = datetime.fromisoformat(str(last.get("at")))
    except ValueError:
        at = None
    return at, Snapshot.from_json(last.get("snapshot"))


def window_start(settings: ChannelSettings, now: datetime, hours: int | None = None) -> datetime:
    """The last 24 hours, or since the last digest when that is longer ago (up to a week);
    an explicit `hours` (the CLI's --hours) wins."""
    if hours is not None:
        return now - timedelta(hours=hours)
    since = now - WINDOW
    at, _ = last_digest(settings)
    if at is not None and at < since:
        since = max(at, now - LONGEST_WINDOW)
    return since


def record_digest(store: ChannelStore, platform: str, workspace: str, channel: str, at: datetime,
                  snapshot: Snapshot | None) -> None:
    """After a post: remember when, and what it showed (None keeps the previous snapshot,
    for an empty day's one-liner that showed nothing to compare with)."""
    if snapshot is None:
        _, snapshot = last_digest(store.channel_settings(platform, workspace, channel))
    value = {"at": at.isoformat(), "snapshot": snapshot.to_json() if snapshot else None}
    store.update_channel_settings(platform, workspace, channel, extra={LAST_KEY: value})


def save_topics(store: ChannelStore, platform: str, workspace: str, channel: str,
                topics: Sequence[str]) -> ChannelSettings:
    return store.update_channel_settings(platform, workspace, channel,
                                         extra={TOPICS_KEY: list(topics) or None})


def digest_time_and_zone(settings: ChannelSettings, defaults: Settings) -> tuple[str, str]:
    """The channel's own time and zone, else the workspace defaults from settings."""
    return (settings.digest_time or defaults.digest_default_time,
            settings.digest_timezone or defaults.digest_default_timezone)


def channel_zone(settings: ChannelSettings, defaults: Settings) -> ZoneInfo:
    _, name = digest_time_and_zone(settings, defaults)
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError, OSError):
        log.warning("unknown digest time zone %r for %s; using UTC", name, settings.channel)
        return ZoneInfo("UTC")


def scheduled_day(settings: ChannelSettings, defaults: Settings, now: datetime) -> date:
    """The local day of the most recent scheduled time at or before `now`.

    This is the day a run belongs to, so a 23:30 digest caught up at 00:40 claims the day
    it was due, not the next one (which would let tomorrow's run post twice or not at all).
    """
    clock, _ = digest_time_and_zone(settings, defaults)
    zone = channel_zone(settings, defaults)
    local = now.astimezone(zone)
    hour, minute = (int(part) for part in clock.split(":"))
    due_today = datetime.combine(local.date(), time(hour, minute), tzinfo=zone)
    return local.date() if local >= due_today else local.date() - timedelta(days=1)
