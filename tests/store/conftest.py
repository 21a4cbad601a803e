"""Every store test runs on SQLite (a temp file) and, when TEST_DATABASE_URL is set, on
PostgreSQL in a schema of its own, so tests neither see nor disturb each other."""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from contextlib import contextmanager

import pytest
from sqlalchemy import Engine, text

from bot.store import Store
from bot.store.database import create_store_engine, normalise_database_url

BACKENDS = ["sqlite", "postgresql"]


@contextmanager
def fresh_database(backend: str, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The URL of an empty database, removed afterwards."""
    if backend == "sqlite":
        yield f"sqlite:///{tmp_path_factory.mktemp('db') / 'var' / 'bot.db'}"
        return
    base_url = os.environ.get("TEST_DATABASE_URL")
    if not base_url:
        pytest.skip("TEST_DATABASE_URL is not set; PostgreSQL tests skipped")
    schema = f"test_{uuid.uuid4().hex[:16]}"
    admin = create_store_engine(base_url)
    try:
        with admin.begin() as connection:
            connection.execute(text(f'CREATE SCHEMA "{schema}"'))
        url = normalise_database_url(base_url).update_query_dict(
            {"options": f"-csearch_path={schema}"}
        )
        yield url.render_as_string(hide_password=False)
    finally:
        with admin.begin() as connection:
            connection.execute(text(f'DROP SCHEMA IF EXISTS "{schema}" CASCADE'))
        admin.dispose()


@pytest.fixture(params=BACKENDS)
def database_url(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[str]:
    with fresh_database(request.param, tmp_path_factory) as url:
        yield url


@pytest.fixture
def store(database_url: str) -> Iterator[Store]:
    with Store(database_url) as opened:
        opened.upgrade()
        yield opened


@pytest.fixture(scope="module", params=BACKENDS)
def shared_store(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[Store]:
    """One migrated store for a module of read-only tests; do not write to it."""
    with fresh_database(request.param, tmp_path_factory) as url, Store(url) as opened:
        opened.upgrade()
        yield opened


@pytest.fixture
def raw_engine(database_url: str) -> Iterator[Engine]:
    """A second way into the same database, to check what the store really wrote."""
    engine = create_store_engine(database_url)
    yield engine
    engine.dispose()
