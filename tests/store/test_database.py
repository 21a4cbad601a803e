"""URL handling and SQLite connection settings."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import text

from bot.store import Store, UnsupportedDatabaseError, normalise_database_url
from bot.store.database import SQLITE_BUSY_TIMEOUT_MS, create_store_engine


@pytest.mark.parametrize(
    "given",
    [
        "postgres://bot:secret@db.example:5432/bot",
        "postgresql://bot:secret@db.example:5432/bot",
        "postgresql+psycopg://bot:secret@db.example:5432/bot",
        "  postgresql://bot:secret@db.example:5432/bot\n",
    ],
)
def test_postgres_urls_use_psycopg(given: str) -> None:
    url = normalise_database_url(given)
    assert url.drivername == "postgresql+psycopg"
    assert (url.host, url.port, url.database, url.username) == ("db.example", 5432, "bot", "bot")
    assert url.password == "secret"


def test_sqlite_url_keeps_its_path() -> None:
    url = normalise_database_url("sqlite:///var/bot.db")
    assert url.get_backend_name() == "sqlite"
    assert url.database == "var/bot.db"


@pytest.mark.parametrize("given", ["mysql://u:p@h/db", "oracle://h/db"])
def test_other_backends_are_refused_with_a_clear_message(given: str) -> None:
    with pytest.raises(UnsupportedDatabaseError, match="DATABASE_URL"):
        normalise_database_url(given)


def test_sqlite_folder_is_created(tmp_path: Path) -> None:
    path = tmp_path / "var" / "nested" / "bot.db"
    with Store(f"sqlite:///{path}") as store:
        store.upgrade()
    assert path.is_file()


def test_sqlite_connections_use_wal_foreign_keys_and_busy_timeout(tmp_path: Path) -> None:
    engine = create_store_engine(f"sqlite:///{tmp_path / 'bot.db'}")
    try:
        with engine.connect() as connection:
            assert connection.execute(text("PRAGMA journal_mode")).scalar() == "wal"
            assert connection.execute(text("PRAGMA foreign_keys")).scalar() == 1
            timeout = connection.execute(text("PRAGMA busy_timeout")).scalar()
            assert timeout == SQLITE_BUSY_TIMEOUT_MS
    finally:
        engine.dispose()


def test_default_settings_url_is_embedded_sqlite() -> None:
    from bot.settings import Settings

    url = normalise_database_url(Settings(_env_file=None).database_url)  # type: ignore[call-arg]
    assert url.get_backend_name() == "sqlite"
    assert url.database is not None and url.database.startswith("var/")
