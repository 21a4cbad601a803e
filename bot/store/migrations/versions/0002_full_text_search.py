"""Full-text search over title and text, in each backend's own engine.

SQLite: an external-content FTS5 table kept in sync by triggers, so article text is
stored once. PostgreSQL: a stored generated tsvector column with a GIN index, which
the database maintains itself. Both are backfilled from existing rows.

Revision ID: 0002
Revises: 0001
Create Date: 2026-05-20
"""

from __future__ import annotations

from collections.abc import Sequence

from alembic import op

revision: str = "0002"
down_revision: str | None = "0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# Text beyond this is not indexed: a tsvector is capped at 1 MB, and a brief's topic
# words are near the top of an article anyway.
POSTGRES_INDEXED_CHARS = 200_000

SQLITE_UPGRADE = [
    """
    CREATE VIRTUAL TABLE articles_fts USING fts5(
        title, text,
        content='articles', content_rowid='id',
        tokenize='porter unicode61 remove_diacritics 2'
    )
    """,
    """
    CREATE TRIGGER articles_fts_after_insert AFTER INSERT ON articles BEGIN
        INSERT INTO articles_fts(rowid, title, text) VALUES (new.id, new.title, new.text);
    END
    """,
    """
    CREATE TRIGGER articles_fts_after_delete AFTER DELETE ON articles BEGIN
        INSERT INTO articles_fts(articles_fts, rowid, title, text)
        VALUES ('delete', old.id, old.title, old.text);
    END
    """,
    """
    CREATE TRIGGER articles_fts_after_update AFTER UPDATE OF title, text ON articles BEGIN
        INSERT INTO articles_fts(articles_fts, rowid, title, text)
        VALUES ('delete', old.id, old.title, old.text);
        INSERT INTO articles_fts(rowid, title, text) VALUES (new.id, new.title, new.text);
    END
    """,
    "INSERT INTO articles_fts(articles_fts) VALUES ('rebuild')",
]

SQLITE_DOWNGRADE = [
    "DROP TRIGGER IF EXISTS articles_fts_after_update",
    "DROP TRIGGER IF EXISTS articles_fts_after_delete",
    "DROP TRIGGER IF EXISTS articles_fts_after_insert",
    "DROP TABLE IF EXISTS articles_fts",
]

POSTGRES_UPGRADE = [
    # Adding a stored generated column computes it for every existing row.
    f"""
    ALTER TABLE articles ADD COLUMN search_vector tsvector
    GENERATED ALWAYS AS (
        setweight(to_tsvector('english'::regconfig, coalesce(title, '')), 'A')
        || setweight(
            to_tsvector('english'::regconfig, left(coalesce(text, ''), {POSTGRES_INDEXED_CHARS})),
            'B'
        )
    ) STORED
    """,
    "CREATE INDEX ix_articles_search_vector ON articles USING gin (search_vector)",
]

POSTGRES_DOWNGRADE = [
    "DROP INDEX IF EXISTS ix_articles_search_vector",
    "ALTER TABLE articles DROP COLUMN IF EXISTS search_vector",
]


def _run(statements: list[str]) -> None:
    for statement in statements:
        op.execute(statement)


def upgrade() -> None:
    dialect = op.get_bind().dialect.name
    if dialect == "sqlite":
        _run(SQLITE_UPGRADE)
    elif dialect == "postgresql":
        _run(POSTGRES_UPGRADE)
    else:
        raise NotImplementedError(f"no full-text search for {dialect}")


def downgrade() -> None:
    dialect = op.get_bind().dialect.name
    _run(SQLITE_DOWNGRADE if dialect == "sqlite" else POSTGRES_DOWNGRADE)
