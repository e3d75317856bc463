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
    with op.batch_alter_table("articles") as table:
        table.add_column(sa.Column("byline_en", sa.Text, nullable=True))
        table.add_column(sa.Column("credit_en", sa.Text, nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("articles") as table:
        table.drop_column("credit_en")
        table.drop_column("byline_en")
