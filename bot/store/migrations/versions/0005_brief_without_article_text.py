"""Briefs no longer keep a second copy of the article text (about a fifth of the database).

`articles.brief` held the whole brief, its article's text included, next to the same text
in `articles.text`. The copy is removed only where it equals `articles.text`, so nothing is
lost: the store puts the text back when it reads a brief, and a brief whose copy differed
keeps it. The downgrade writes the copy back into every brief without one.

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-01
"""

from __future__ import annotations

from collections.abc import Sequence

from alembic import op

revision: str = "0005"
down_revision: str | None = "0004"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

UPGRADE = {
    "sqlite": """
        UPDATE articles SET brief = json_remove(brief, '$.article.text')
        WHERE json_extract(brief, '$.article.text') = text
    """,
    "postgresql": """
        UPDATE articles SET brief = brief #- '{article,text}'
        WHERE brief -> 'article' ->> 'text' = text
    """,
}
DOWNGRADE = {
    "sqlite": """
        UPDATE articles SET brief = json_set(brief, '$.article.text', text)
        WHERE json_type(brief, '$.article.text') IS NULL
    """,
    "postgresql": """
        UPDATE articles SET brief = jsonb_set(brief, '{article,text}', to_jsonb(text))
        WHERE NOT (brief -> 'article' ? 'text')
    """,
}


def upgrade() -> None:
    op.execute(UPGRADE[op.get_bind().dialect.name])


def downgrade() -> None:
    op.execute(DOWNGRADE[op.get_bind().dialect.name])
