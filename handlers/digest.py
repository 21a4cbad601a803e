"""`/brief digest ...`: turn the channel's daily digest on or off, post one now, choose
topics, or show the settings.

    /brief digest                       the channel's digest settings
    /brief digest on [HH:MM] [Area/City] [--always]
    /brief digest off
    /brief digest now                   post one here now
    /brief digest topics ukraine, energy   (or: topics none)

`--always` makes a day without stories post one short line; without it such a day posts
nothing. Each `on` sets that choice afresh. Handlers only write settings: the scheduler
of this process is notified at once, and every bot process re-syncs its jobs from the
settings periodically (see bot/digest/scheduler.py).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache
from zoneinfo import available_timezones

from bot.digest.composer import build_digest
from bot.digest.registry import notify_channel_changed
from bot.digest.state import (
    ALWAYS_KEY,
    digest_time_and_zone,
    digest_topics,
    posts_on_empty_days,
    record_digest,
    save_topics,
    window_start,
)
from bot.messages import Event, Reply
from bot.settings import Settings
from bot.store import ChannelSettings
from bot.store.protocols import DigestStore
from handlers.ports import Clock
from handlers.replies import notice

USAGE = ("Use /brief digest on [HH:MM] [Area/City] [--always], /brief digest off, "
         "/brief digest now, or /brief digest topics ukraine, energy.")
MAX_TOPICS = 10
MAX_TOPIC_CHARS = 80
_TIME = re.compile(r"([0-9]{1,2})[:.h]([0-9]{2})")
_TIME_LIKE = re.compile(r"\d{1,2}[:.h]\d{2}")  # also other scripts' digits: ٠٨:٣٠
_CLEAR_TOPICS = {"none", "off", "clear", "-"}


@dataclass(frozen=True, slots=True)
class DigestDesk:
    """What the digest commands use: the channel's settings and stories, the workspace's
    defaults (time and zone), and the clock."""

    store: DigestStore
    defaults: Settings
    clock: Clock


def handle_digest(desk: DigestDesk, event: Event, text: str) -> list[Reply]:
    """`text` is what follows `digest`: an action, then its words."""
    action, _, rest = text.strip().partition(" ")
    action = action.lower()
    run = DIGEST_ACTIONS.get(action)
    if run is None:
        return [notice(f"I don't know “digest {action}”. {USAGE}")]
    return [run(desk, event, rest)]


def turn_on(desk: DigestDesk, event: Event, text: str) -> Reply:
    clock: str | None = None
    zone: str | None = None
    always = False
    for word in text.split():
        match = _TIME.fullmatch(word)
        if word.lower() == "--always":
            always = True
        elif match:
            clock = f"{int(match.group(1)):02d}:{match.group(2)}"
        elif _TIME_LIKE.fullmatch(word):
            return notice("A digest time looks like 08:30 (24-hour clock, digits 0 to 9).")
        elif word.startswith("-") or zone is not None:
            return notice(f"I don't understand “{word}”. {USAGE}")
        else:
            zone = canonical_zone(word)
    current = _settings(desk, event)
    default_clock, default_zone = digest_time_and_zone(current, desk.defaults)
    # The store checks the time and the zone and raises InputError with a human message.
    updated = desk.store.update_channel_settings(
        event.platform, event.workspace, event.channel, digest_enabled=True,
        digest_time=clock or default_clock, digest_timezone=zone or default_zone,
        extra={ALWAYS_KEY: always or None})
    notify_channel_changed(event.platform, event.workspace, event.channel)
    return notice(f"I will post a digest here every day at {updated.digest_time} "
                  f"({updated.digest_timezone}). " + _empty_day_note(updated))


@lru_cache(maxsize=1)
def _zones_by_folded_name() -> dict[str, str]:
    return {name.casefold(): name for name in available_timezones()}


def canonical_zone(word: str) -> str:
    """Zone names as tzdata spells them, whatever the case ("utc", "europe/berlin");
    an unknown word is returned as typed, for the store's own message."""
    return _zones_by_folded_name().get(word.casefold(), word)


def turn_off(desk: DigestDesk, event: Event, _text: str = "") -> Reply:
    desk.store.update_channel_settings(event.platform, event.workspace, event.channel,
                                           digest_enabled=False)
    notify_channel_changed(event.platform, event.workspace, event.channel)
    return notice("Daily digests are off in this channel. /brief digest now still posts one.")


def digest_now(desk: DigestDesk, event: Event, _text: str = "") -> Reply:
    """Post one here, now; it counts as the last digest for the next comparison."""
    now = desk.clock()
    digest = build_digest(desk.store, desk.defaults, event.platform, event.workspace,
                          event.channel, now)
    if digest is None or digest.snapshot is None:
        since = window_start(_settings(desk, event), now)
        return notice(f"Nothing for a digest since {since:%Y-%m-%d %H:%M} UTC: no stories were "
                      "shared here or matched this channel's topics.")
    record_digest(desk.store, event.platform, event.workspace, event.channel, now,
                  digest.snapshot)
    return digest.reply


def set_topics(desk: DigestDesk, event: Event, text: str) -> Reply:
    raw = [topic.strip() for topic in text.split(",") if topic.strip()]
    if not raw:
        topics = digest_topics(_settings(desk, event))
        listed = ", ".join(topics) if topics else "none"
        return notice(f"Digest topics here: {listed}. Set them with "
                      "/brief digest topics ukraine, energy (or: topics none).")
    if len(raw) == 1 and raw[0].lower() in _CLEAR_TOPICS:
        raw = []
    if len(raw) > MAX_TOPICS or any(len(topic) > MAX_TOPIC_CHARS for topic in raw):
        return notice(f"Up to {MAX_TOPICS} topics of at most {MAX_TOPIC_CHARS} characters, "
                      "separated by commas.")
    topics = list(dict.fromkeys(raw))
    save_topics(desk.store, event.platform, event.workspace, event.channel, topics)
    if not topics:
        return notice("The digest here now covers only the stories shared in this channel.")
    return notice(f"The digest here now also covers: {', '.join(topics)}.")


def show_settings(desk: DigestDesk, event: Event, _text: str = "") -> Reply:
    settings = _settings(desk, event)
    topics = digest_topics(settings)
    about = f" Topics: {', '.join(topics)}." if topics else ""
    if not settings.digest_enabled:
        return notice(f"The daily digest is off in this channel.{about} {USAGE}")
    clock, zone = digest_time_and_zone(settings, desk.defaults)
    return notice(f"The daily digest is on: every day at {clock} ({zone}).{about} "
                  f"{_empty_day_note(settings)} {USAGE}")


DigestAction = Callable[[DigestDesk, Event, str], Reply]
DIGEST_ACTIONS: dict[str, DigestAction] = {
    "": show_settings, "status": show_settings, "show": show_settings,
    "on": turn_on,
    "off": turn_off,
    "now": digest_now,
    "topics": set_topics, "topic": set_topics,
}


def _empty_day_note(settings: ChannelSettings) -> str:
    if posts_on_empty_days(settings):
        return "A day without stories gets one short line."
    return "A day without stories posts nothing (add --always for one short line)."


def _settings(desk: DigestDesk, event: Event) -> ChannelSettings:
    return desk.store.channel_settings(event.platform, event.workspace, event.channel)
