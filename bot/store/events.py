"""Exactly-once handling of platform events, decided by the database's unique key.

A claim is a lease: the claiming process marks the event done once its replies are posted.
If that process dies first (kill -9, a crash), the claim expires and a redelivery of the
event takes it over, so the user still gets an answer.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from sqlalchemy import delete, update
from sqlalchemy.orm import Session

from bot.store.database import insert_ignoring_conflicts
from bot.store.models import HandledEventRow, utc_now

_EVENT_KEY = ["platform", "event_key"]
MAX_KEY_LENGTH = 255


def claim_event(session: Session, platform: str, key: str, lease: timedelta,
                now: datetime | None = None) -> bool:
    """True for the first caller with this key, in any process, and for a caller that finds
    an unfinished claim older than `lease`; False for every other repeat. `now` is the
    claim's time (the clock by default)."""
    key, now = key[:MAX_KEY_LENGTH], now or utc_now()
    values = {"platform": platform, "event_key": key, "handled_at": now, "done": False}
    if insert_ignoring_conflicts(session, HandledEventRow.__table__, values, _EVENT_KEY):
        return True
    # One UPDATE decides a race between redeliveries: the row lock lets only one through.
    taken = session.execute(
        update(HandledEventRow)
        .where(HandledEventRow.platform == platform, HandledEventRow.event_key == key,
               HandledEventRow.done.is_(False), HandledEventRow.handled_at < now - lease)
        .values(handled_at=now)
    )
    return (taken.rowcount or 0) == 1


def finish_event(session: Session, platform: str, key: str) -> None:
    """The event's replies are out: no redelivery handles it again."""
    session.execute(
        update(HandledEventRow)
        .where(HandledEventRow.platform == platform,
               HandledEventRow.event_key == key[:MAX_KEY_LENGTH])
        .values(done=True)
    )


def forget_events_before(session: Session, cutoff: datetime) -> int:
    """Drop old keys; platforms stop redelivering after minutes, so days are plenty."""
    result = session.execute(delete(HandledEventRow).where(HandledEventRow.handled_at < cutoff))
    return result.rowcount or 0
