"""Termbase: entries, their Korean forms (indexed for conflict checks), and the change history.

Revision ID: 0001_termbase
Revises: 0000_base
Create Date: 2026-11-26
"""

import sqlalchemy as sa
from alembic import op

revision = "0001_termbase"
down_revision = "0000_base"
branch_labels = ("termbase",)
depends_on = None


def upgrade() -> None:
    op.create_table(
        "term_entries",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("source", sa.String(200), nullable=False),
        sa.Column("target", sa.String(500), nullable=False),
        sa.Column("later", sa.String(500)),
        sa.Column("variants", sa.JSON, nullable=False),
        sa.Column("forbidden", sa.JSON, nullable=False),
        sa.Column("kind", sa.String(20), nullable=False),
        sa.Column("note", sa.Text),
        sa.Column("reference", sa.Text),
        sa.Column("status", sa.String(20), nullable=False),
        sa.Column("changed_by", sa.String(200)),
        sa.Column("changed_at", sa.DateTime(timezone=True)),
    )
    op.create_index("ix_term_entries_source", "term_entries", ["source"])
    op.create_index("ix_term_entries_status", "term_entries", ["status"])
    op.create_table(
        "term_forms",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column(
            "entry_id",
            sa.Integer,
            sa.ForeignKey("term_entries.id", ondelete="CASCADE"),
            nullable=False,
        ),
        sa.Column("form", sa.String(200), nullable=False),
    )
    op.create_index("ix_term_forms_entry_id", "term_forms", ["entry_id"])
    op.create_index("ix_term_forms_form", "term_forms", ["form"])
    op.create_table(
        "term_changes",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("entry_id", sa.Integer, nullable=False),
        sa.Column("action", sa.String(20), nullable=False),
        sa.Column("changed_by", sa.String(200), nullable=False),
        sa.Column("changed_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("snapshot", sa.JSON, nullable=False),
    )
    op.create_index("ix_term_changes_entry_id", "term_changes", ["entry_id"])


def downgrade() -> None:
    op.drop_table("term_changes")
    op.drop_table("term_forms")
    op.drop_table("term_entries")
