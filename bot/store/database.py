"""Engines for the two supported databases: SQLite (embedded default) and PostgreSQL."""

from __future__ import annotations

import logging
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, Table, create_engine, event
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.engine import URL, make_url
from sqlalchemy.orm import Session
from sqlalchemy.pool import StaticPool

logger = logging.getLogger(__name__)

SQLITE_BUSY_TIMEOUT_MS = 10_000

# Hosting providers hand out `postgres://` and `postgresql://`; we only ship psycopg 3.
_POSTGRES_PREFIXES = ("postgres://", "postgresql://")


class UnsupportedDatabaseError(ValueError):
    """DATABASE_URL names a backend the store has no migrations or search for."""


def normalise_database_url(url: str) -> URL:
    """Map every accepted spelling of a URL onto a driver we actually have installed."""
    raw = url.strip()
    for prefix in _POSTGRES_PREFIXES:
        if raw.startswith(prefix):
            raw = "postgresql+psycopg://" + raw[len(prefix):]
            break
    parsed = make_url(raw)
    backend = parsed.get_backend_name()
    if backend == "postgresql":
        return parsed.set(drivername="postgresql+psycopg")
    if backend == "sqlite":
        return parsed.set(drivername="sqlite+pysqlite")
    raise UnsupportedDatabaseError(
        f"Unsupported DATABASE_URL backend {backend!r}: use sqlite:///path or postgresql://..."
    )


def is_sqlite_memory(url: URL) -> bool:
    return url.get_backend_name() == "sqlite" and url.database in (None, "", ":memory:")


def _ensure_sqlite_folder(url: URL) -> None:
    """A bare checkout has no `var/`; create it rather than fail on first start."""
    if is_sqlite_memory(url) or str(url.database).startswith("file:"):
        return
    Path(str(url.database)).expanduser().parent.mkdir(parents=True, exist_ok=True)


def _set_sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
    """WAL lets readers run beside the writer; busy_timeout makes writers queue, not fail."""
    cursor = dbapi_connection.cursor()
    try:
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute(f"PRAGMA busy_timeout={SQLITE_BUSY_TIMEOUT_MS}")
        cursor.execute("PRAGMA synchronous=NORMAL")
    finally:
        cursor.close()


def create_store_engine(database_url: str) -> Engine:
    """One pooled, thread-safe engine per Store; SQLite gets its pragmas on every connect."""
    url = normalise_database_url(database_url)
    if url.get_backend_name() == "sqlite":
        _ensure_sqlite_folder(url)
        # An in-memory database lives in one connection; every thread must share it.
        pool = {"poolclass": StaticPool} if is_sqlite_memory(url) else {}
        engine = create_engine(url, connect_args={"check_same_thread": False}, **pool)
        event.listen(engine, "connect", _set_sqlite_pragmas)
    else:
        engine = create_engine(url, pool_pre_ping=True)
    logger.debug("database engine for %s", url.render_as_string(hide_password=True))
    return engine


def insert_ignoring_conflicts(
    session: Session, table: Table, values: Mapping[str, Any], conflict_columns: list[str]
) -> bool:
    """INSERT ... ON CONFLICT DO NOTHING; True when this call inserted the row.

    The database decides who wins a race, which is what makes claims exactly-once
    across processes.
    """
    dialect = session.get_bind().dialect.name
    insert = postgresql.insert if dialect == "postgresql" else sqlite.insert
    statement = (
        insert(table)
        .values(**values)
        .on_conflict_do_nothing(index_elements=conflict_columns)
        # rowcount is -1 under RETURNING on psycopg, so ask for the row itself.
        .returning(*table.primary_key.columns)
    )
    return session.execute(statement).first() is not None
