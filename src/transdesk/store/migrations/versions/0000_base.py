"""The root every area's migrations grow from.

Revision ID: 0000_base
Revises:
Create Date: 2026-11-26
"""

revision = "0000_base"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    pass


def downgrade() -> None:
    pass
