"""Core tables: articles, shares, channel settings, digests sent.

Revision ID: 0001
Revises:
Create Date: 2026-05-20
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision: str = "0001"
down_revision: str | None = None
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# Frozen copies of the column types: a migration must not change when models.py does.
ID = sa.String(255)
PLATFORM = sa.String(32)
JSON_DOCUMENT = sa.JSON().with_variant(postgresql.JSONB(), "postgresql")
TIMESTAMP = sa.DateTime(timezone=True)


def upgrade() -> None:
    op.create_table(
        "articles",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("canonical_url", sa.String(2048), nullable=False),
        sa.Column("content_hash", sa.String(64), nullable=False),
        sa.Column("title", sa.Text(), nullable=False),
        sa.Column("source", sa.Text(), nullable=True),
        sa.Column("published", sa.Date(), nullable=True),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("brief", JSON_DOCUMENT, nullable=False),
        sa.Column("created_at", TIMESTAMP, nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_articles"),
        sa.UniqueConstraint("canonical_url", name="uq_articles_canonical_url"),
    )
    op.create_index("ix_articles_content_hash", "articles", ["content_hash"])

    op.create_table(
        "shares",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("article_id", sa.Integer(), nullable=False),
        sa.Column("platform", PLATFORM, nullable=False),
        sa.Column("workspace", ID, nullable=False),
        sa.Column("channel", ID, nullable=False),
        sa.Column("user_id", ID, nullable=False),
        sa.Column("message_id", ID, nullable=False),
        sa.Column("thread_id", ID, nullable=True),
        sa.Column("reply_id", ID, nullable=True),
        sa.Column("shared_at", TIMESTAMP, nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_shares"),
        sa.ForeignKeyConstraint(
            ["article_id"], ["articles.id"],
            name="fk_shares_article_id_articles", ondelete="CASCADE",
        ),
        sa.UniqueConstraint(
            "platform", "workspace", "channel", "message_id", "article_id",
            name="uq_shares_message_article",
        ),
    )
    op.create_index("ix_shares_workspace_shared_at", "shares", ["workspace", "shared_at"])
    op.create_index(
        "ix_shares_article_workspace", "shares", ["article_id", "workspace", "shared_at"]
    )
    op.create_index("ix_shares_thread", "shares", ["platform", "workspace", "channel", "thread_id"])
    op.create_index("ix_shares_reply", "shares", ["platform", "workspace", "channel", "reply_id"])

    op.create_table(
        "channel_settings",
        sa.Column("platform", PLATFORM, nullable=False),
        sa.Column("workspace", ID, nullable=False),
        sa.Column("channel", ID, nullable=False),
        sa.Column("watch", sa.Boolean(), nullable=False),
        sa.Column("digest_enabled", sa.Boolean(), nullable=False),
        sa.Column("digest_time", sa.String(5), nullable=True),
        sa.Column("digest_timezone", sa.String(64), nullable=True),
        sa.Column("extra", JSON_DOCUMENT, nullable=False),
        sa.Column("updated_at", TIMESTAMP, nullable=False),
        sa.PrimaryKeyConstraint("platform", "workspace", "channel", name="pk_channel_settings"),
    )

    op.create_table(
        "digests_sent",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("platform", PLATFORM, nullable=False),
        sa.Column("workspace", ID, nullable=False),
        sa.Column("channel", ID, nullable=False),
        sa.Column("day", sa.Date(), nullable=False),
        sa.Column("claimed_at", TIMESTAMP, nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_digests_sent"),
        sa.UniqueConstraint(
            "platform", "workspace", "channel", "day", name="uq_digests_sent_day"
        ),
    )


def downgrade() -> None:
    op.drop_table("digests_sent")
    op.drop_table("channel_settings")
    op.drop_index("ix_shares_reply", table_name="shares")
    op.drop_index("ix_shares_thread", table_name="shares")
    op.drop_index("ix_shares_article_workspace", table_name="shares")
    op.drop_index("ix_shares_workspace_shared_at", table_name="shares")
    op.drop_table("shares")
    op.drop_index("ix_articles_content_hash", table_name="articles")
    op.drop_table("articles")
