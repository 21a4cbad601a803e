"""Per-channel settings and the exactly-once digest claim."""

from __future__ import annotations

import re
from collections.abc import Mapping
from datetime import date
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from bot.errors import InputError
from bot.shorten import shorten
from bot.store.database import insert_ignoring_conflicts
from bot.store.models import ChannelSettingsRow, DigestSentRow, utc_now
from bot.store.records import CHANNEL_SETTING_FIELDS, ChannelSettings

_DIGEST_TIME = re.compile(r"([01][0-9]|2[0-3]):[0-5][0-9]")  # ASCII digits only, not "٣"
MAX_ZONE_CHARS = 64  # the longest IANA name is about 30; longer ones reach the file system
_CHANNEL_KEY = ["platform", "workspace", "channel"]
_DIGEST_KEY = ["platform", "workspace", "channel", "day"]


def _to_settings(row: ChannelSettingsRow) -> ChannelSettings:
    return ChannelSettings(
        platform=row.platform,
        workspace=row.workspace,
        channel=row.channel,
        watch=row.watch,
        digest_enabled=row.digest_enabled,
        digest_time=row.digest_time,
        digest_timezone=row.digest_timezone,
        extra=dict(row.extra or {}),
    )


def channel_settings(
    session: Session, platform: str, workspace: str, channel: str
) -> ChannelSettings:
    row = session.get(ChannelSettingsRow, (platform, workspace, channel))
    return ChannelSettings(platform, workspace, channel) if row is None else _to_settings(row)


def _validate(changes: Mapping[str, Any]) -> None:
    """Settings come from chat commands; bad values get a message, not a traceback."""
    unknown = set(changes) - CHANNEL_SETTING_FIELDS - {"extra"}
    if unknown:
        raise TypeError(f"unknown channel settings: {', '.join(sorted(unknown))}")
    for flag in ("watch", "digest_enabled"):
        if flag in changes and not isinstance(changes[flag], bool):
            raise TypeError(f"{flag} must be a bool")
    digest_time = changes.get("digest_time")
    if digest_time is not None and not _DIGEST_TIME.fullmatch(str(digest_time)):
        raise InputError("A digest time looks like 08:30 (24-hour clock).")
    timezone = changes.get("digest_timezone")
    if timezone is not None and not is_known_zone(str(timezone)):
        shown = shorten(str(timezone), 40, flatten=False)
        raise InputError(f"I don't know the time zone {shown!r}.")


def is_known_zone(name: str) -> bool:
    """An IANA zone name that tzdata knows; odd names never reach a file system error."""
    if not name or len(name) > MAX_ZONE_CHARS or not name.isascii():
        return False
    try:
        ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError, OSError):
        return False
    return True


def update_channel_settings(
    session: Session, platform: str, workspace: str, channel: str, changes: Mapping[str, Any]
) -> ChannelSettings:
    """Change only the named fields; `extra` is merged key by key (None deletes a key)."""
    _validate(changes)
    key = {"platform": platform, "workspace": workspace, "channel": channel}
    defaults = ChannelSettings(platform, workspace, channel)
    insert_ignoring_conflicts(
        session,
        ChannelSettingsRow.__table__,
        {
            **key,
            "watch": defaults.watch,
            "digest_enabled": defaults.digest_enabled,
            "extra": {},
            "updated_at": utc_now(),
        },
        _CHANNEL_KEY,
    )
    row = session.get(
        ChannelSettingsRow, (platform, workspace, channel), with_for_update=True,
        populate_existing=True,
    )
    if row is None:  # pragma: no cover - inserted above, unless deleted concurrently
        raise LookupError(f"channel settings for {platform}/{workspace}/{channel} vanished")
    for name in CHANNEL_SETTING_FIELDS & set(changes):
        setattr(row, name, changes[name])
    if "extra" in changes:
        merged = {**(row.extra or {}), **changes["extra"]}
        row.extra = {name: value for name, value in merged.items() if value is not None}
    row.updated_at = utc_now()
    session.flush()
    return _to_settings(row)


def claim_digest(session: Session, platform: str, workspace: str, channel: str, day: date) -> bool:
    """True for exactly one caller per channel and day, across every process and machine."""
    values = {"platform": platform, "workspace": workspace, "channel": channel, "day": day}
    return insert_ignoring_conflicts(
        session, DigestSentRow.__table__, {**values, "claimed_at": utc_now()}, _DIGEST_KEY
    )


def release_digest(
    session: Session, platform: str, workspace: str, channel: str, day: date
) -> None:
    """Give a claim back after a failed post, so that a retry may claim it again."""
    session.execute(
        delete(DigestSentRow).where(
            DigestSentRow.platform == platform,
            DigestSentRow.workspace == workspace,
            DigestSentRow.channel == channel,
            DigestSentRow.day == day,
        )
    )


def digest_channels(session: Session) -> list[ChannelSettings]:
    """Every channel that has the daily digest on: what the schedulers must keep jobs for."""
    rows = session.execute(
        select(ChannelSettingsRow).where(ChannelSettingsRow.digest_enabled)
        .order_by(ChannelSettingsRow.platform, ChannelSettingsRow.workspace,
                  ChannelSettingsRow.channel)
    ).scalars()
    return [_to_settings(row) for row in rows]
