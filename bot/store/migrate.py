"""Alembic, driven from code: the bot upgrades its own schema at start-up."""

from __future__ import annotations

import logging
import threading
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Connection, Engine, text

logger = logging.getLogger(__name__)

MIGRATIONS_DIR = Path(__file__).with_name("migrations")

# Any constant works; it only has to be the same in every bot process.
_POSTGRES_MIGRATION_LOCK = 7_305_202_611
# Alembic keeps `context` and `op` in module globals, so one process runs one command at a time.
_ALEMBIC_IN_PROCESS = threading.Lock()


def alembic_config(connection: Connection | None = None) -> Config:
    """Config that runs on a given connection, so the caller owns transaction and lock."""
    config = Config()  # no ini file: the CLI's logging set-up must not replace the bot's
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    if connection is not None:
        config.attributes["connection"] = connection
    return config


def head_revision() -> str | None:
    return ScriptDirectory.from_config(alembic_config()).get_current_head()


def current_revision(engine: Engine) -> str | None:
    with engine.connect() as connection:
        return MigrationContext.configure(connection).get_current_revision()


def _lock_schema(connection: Connection) -> None:
    """Several processes may start at once; one migrates, the others wait and find it done."""
    if connection.dialect.name == "postgresql":
        connection.execute(
            text("SELECT pg_advisory_xact_lock(:key)"), {"key": _POSTGRES_MIGRATION_LOCK}
        )
    elif connection.dialect.name == "sqlite":
        # Take the write lock before reading the version table, not at the first DDL.
        connection.exec_driver_sql("BEGIN IMMEDIATE")


def upgrade(engine: Engine, revision: str = "head") -> None:
    with _ALEMBIC_IN_PROCESS, engine.begin() as connection:
        _lock_schema(connection)
        command.upgrade(alembic_config(connection), revision)
    logger.info("database schema at %s", current_revision(engine))


def downgrade(engine: Engine, revision: str) -> None:
    with _ALEMBIC_IN_PROCESS, engine.begin() as connection:
        _lock_schema(connection)
        command.downgrade(alembic_config(connection), revision)
    logger.info("database schema at %s", current_revision(engine))
