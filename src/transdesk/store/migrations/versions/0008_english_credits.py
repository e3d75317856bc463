"""English byline and credit as an editor set them: when set, readers see them exactly as written
(Hangul included, when the editor keeps it on purpose); when empty, the desk's romanised ones.

Revision ID: 0008_english_credits
Revises: 0007_slug_repair
Create Date: 2026-12-02
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0008_english_credits"
down_revision = "0007_slug_repair"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("articles", sa.Column("byline_en", sa.Text, nullable=True))
    op.add_column("articles", sa.Column("credit_en", sa.Text, nullable=True))


def downgrade() -> None:
    # ALTER TABLE … DROP COLUMN (SQLite 3.35+, PostgreSQL), not a batch copy of the table: on
    # SQLite that copy drops `articles`, and its foreign keys would delete the rows that point to it
    op.execute("ALTER TABLE articles DROP COLUMN credit_en")
    op.execute("ALTER TABLE articles DROP COLUMN byline_en")
