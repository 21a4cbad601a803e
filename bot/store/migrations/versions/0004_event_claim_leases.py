"""Event claims that expire: `done` marks an event whose replies were posted.

A claim that is not done after its lease belonged to a process that died mid-brief (kill -9),
so a redelivery may take it over. Rows from before this revision were finished: done.

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-30
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0004"
down_revision: str | None = "0003"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("handled_events") as batch:
        batch.add_column(sa.Column("done", sa.Boolean(), nullable=False,
                                   server_default=sa.true()))


def downgrade() -> None:
    with op.batch_alter_table("handled_events") as batch:
        batch.drop_column("done")
