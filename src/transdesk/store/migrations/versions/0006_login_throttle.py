"""Login throttle: failed sign-ins counted per account and per client address, in the database so
a restart of the desk does not reset them.

Revision ID: 0006_login_throttle
Revises: 0005_corrections
Create Date: 2026-12-01
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0006_login_throttle"
down_revision = "0005_corrections"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "editor_login_throttle",
        sa.Column("key", sa.String(200), primary_key=True),
        sa.Column("attempts", sa.Integer, nullable=False),
        sa.Column("window_start", sa.DateTime, nullable=False),
    )


def downgrade() -> None:
    op.drop_table("editor_login_throttle")
