"""Exactly-once handling of platform events, decided by the database's unique key."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import delete
from sqlalchemy.orm import Session

from bot.store.database import insert_ignoring_conflicts
from bot.store.models import HandledEventRow, utc_now

_EVENT_KEY = ["platform", "event_key"]
MAX_KEY_LENGTH = 255


def claim_event(session: Session, platform: str, key: str) -> bool:
    """True for the first caller with this key, in any process; False for every repeat."""
    values = {"platform": platform, "event_key": key[:MAX_KEY_LENGTH], "handled_at": utc_now()}
    return insert_ignoring_conflicts(session, HandledEventRow.__table__, values, _EVENT_KEY)


def forget_events_before(session: Session, cutoff: datetime) -> int:
    """Drop old keys; platforms stop redelivering after minutes, so days are plenty."""
    result = session.execute(delete(HandledEventRow).where(HandledEventRow.handled_at < cutoff))
    return result.rowcount or 0
