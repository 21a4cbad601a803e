"""Alembic migrations: up, down, up again, and no data lost on the way."""

from __future__ import annotations

import json
import subprocess
import sys
import threading
from datetime import UTC, datetime
from pathlib import Path

from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import Engine, inspect, text

from bot.store import Store, migrate
from bot.store.models import Base, is_mapped_schema_object
from tests.store.factories import make_article, make_brief

PROJECT_ROOT = Path(__file__).resolve().parents[2]
TABLES = {"articles", "shares", "channel_settings", "digests_sent"}


def _tables(engine: Engine) -> set[str]:
    return set(inspect(engine).get_table_names())


def test_upgrade_creates_the_schema_at_head(store: Store, raw_engine: Engine) -> None:
    assert store.schema_revision() == migrate.head_revision()
    assert _tables(raw_engine) >= TABLES


def test_upgrade_twice_is_harmless(store: Store) -> None:
    saved = store.save_article(make_article(), make_brief(make_article()), "https://a.example/1")
    store.upgrade()
    assert store.find_article("https://a.example/1") == saved


def test_downgrade_to_base_and_back(store: Store, raw_engine: Engine) -> None:
    store.downgrade("base")
    assert store.schema_revision() is None
    assert not TABLES & _tables(raw_engine)
    store.upgrade()
    assert store.schema_revision() == migrate.head_revision()
    assert _tables(raw_engine) >= TABLES


def test_rows_written_before_search_existed_survive_and_become_searchable(
    database_url: str, raw_engine: Engine
) -> None:
    migrate.upgrade(raw_engine, "0001")
    brief = make_brief(make_article("Lithium mine approved", "Regulators approved the mine."))
    with raw_engine.begin() as connection:
        connection.execute(
            text(
                "INSERT INTO articles (canonical_url, content_hash, title, source, published,"
                " text, brief, created_at) VALUES (:url, :hash, :title, NULL, NULL, :text,"
                " :brief, :now)"
            ),
            {
                "url": "https://old.example/lithium", "hash": "0" * 64,
                "title": "Lithium mine approved", "text": "Regulators approved the mine.",
                "brief": json.dumps(brief.to_dict()),
                "now": datetime(2024, 1, 1, tzinfo=UTC).replace(tzinfo=None),
            },
        )
    with Store(database_url) as store:
        store.upgrade()
        found = store.find_article("https://old.example/lithium")
        assert found is not None and found.title == "Lithium mine approved"
        assert store.get_brief(found.id).to_dict() == brief.to_dict()
        assert [a.id for a in store.search_articles(None, "lithium", None, 5)] == [found.id]

        store.downgrade("0001")  # dropping the search index keeps the articles
        assert store.find_article("https://old.example/lithium") == found
        store.upgrade()
        assert [a.id for a in store.search_articles(None, "regulators", None, 5)] == [found.id]


def test_models_match_the_migrations(store: Store, raw_engine: Engine) -> None:
    """A column added to models.py without a migration shows up here."""

    with raw_engine.connect() as connection:
        context = MigrationContext.configure(
            connection, opts={"include_object": is_mapped_schema_object, "compare_type": True}
        )
        assert compare_metadata(context, Base.metadata) == []


def test_concurrent_upgrades_on_a_fresh_database(database_url: str) -> None:
    """Several bot processes starting together: one migrates, the others wait, none fails."""
    script = "import sys; from bot.store import Store; Store(sys.argv[1]).upgrade()"
    processes = [
        subprocess.Popen(
            [sys.executable, "-c", script, database_url],
            cwd=PROJECT_ROOT, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
        )
        for _ in range(3)
    ]
    outputs = [process.communicate(timeout=120)[0] for process in processes]
    assert [process.returncode for process in processes] == [0] * len(processes), outputs
    with Store(database_url) as store:
        assert store.schema_revision() == migrate.head_revision()


def test_threads_of_one_process_can_upgrade_together(database_url: str) -> None:
    """Alembic keeps global state; the store must not let two threads share it."""
    stores = [Store(database_url) for _ in range(3)]
    errors: list[BaseException] = []
    barrier = threading.Barrier(len(stores))

    def start(store: Store) -> None:
        barrier.wait()
        try:
            store.upgrade()
        except BaseException as error:  # collected and asserted below
            errors.append(error)

    threads = [threading.Thread(target=start, args=(store,), daemon=True) for store in stores]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    try:
        assert not any(thread.is_alive() for thread in threads), "upgrades deadlocked"
        assert errors == []
        assert {store.schema_revision() for store in stores} == {migrate.head_revision()}
    finally:
        for store in stores:
            store.close()
