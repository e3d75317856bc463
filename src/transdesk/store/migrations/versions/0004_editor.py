"""Editors: accounts, API tokens, report decisions, corrections, regression cases, propagation,
audit log.

Revision ID: 0004_editor
Revises: 0000_base
Depends on: 0003_desk (reports and articles)
Create Date: 2026-11-26
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0004_editor"
down_revision = "0000_base"
branch_labels = ("editor",)
depends_on = "0003_desk"


def _fk(table: str, ondelete: str = "CASCADE") -> sa.ForeignKey:
    return sa.ForeignKey(f"{table}.id", ondelete=ondelete)


def upgrade() -> None:
    op.create_table(
        "editor_users",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("name", sa.String(64), nullable=False, unique=True),
        sa.Column("role", sa.String(16), nullable=False),
        sa.Column("password_hash", sa.String(256), nullable=False),
        sa.Column("active", sa.Boolean, nullable=False),
        sa.Column("session_epoch", sa.Integer, nullable=False),
        sa.Column("created_at", sa.DateTime, nullable=False),
        sa.Column("last_login_at", sa.DateTime),
    )
    op.create_table(
        "editor_api_tokens",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("user_id", sa.Integer, _fk("editor_users"), nullable=False),
        sa.Column("name", sa.String(100), nullable=False),
        sa.Column("prefix", sa.String(16), nullable=False),
        sa.Column("token_hash", sa.String(64), nullable=False, unique=True),
        sa.Column("created_at", sa.DateTime, nullable=False),
        sa.Column("last_used_at", sa.DateTime),
        sa.Column("revoked_at", sa.DateTime),
    )
    op.create_table(
        "editor_corrections",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("article_id", sa.Integer, _fk("articles"), nullable=False),
        sa.Column("segment_id", sa.String(32), nullable=False),
        sa.Column("kind", sa.String(32), nullable=False),
        sa.Column("source_text", sa.Text, nullable=False),
        sa.Column("before", sa.Text),
        sa.Column("after", sa.Text, nullable=False),
        sa.Column("wrong", sa.Text),
        sa.Column("right", sa.Text),
        sa.Column("note", sa.Text, nullable=False),
        sa.Column("editor", sa.String(64), nullable=False),
        sa.Column("learning", sa.JSON),
        sa.Column("created_at", sa.DateTime, nullable=False),
    )
    op.create_table(
        "editor_report_decisions",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("report_id", sa.Integer, _fk("reader_reports"), nullable=False, unique=True),
        sa.Column("decision", sa.String(16), nullable=False),
        sa.Column("reason", sa.Text),
        sa.Column("correction_id", sa.Integer, _fk("editor_corrections", "SET NULL")),
        sa.Column("editor", sa.String(64), nullable=False),
        sa.Column("decided_at", sa.DateTime, nullable=False),
    )
    op.create_table(
        "editor_regression_cases",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("correction_id", sa.Integer, _fk("editor_corrections", "SET NULL")),
        sa.Column("article_slug", sa.String(200), nullable=False),
        sa.Column("segment_id", sa.String(32), nullable=False),
        sa.Column("dateline", sa.Date, nullable=False),
        sa.Column("source_text", sa.Text, nullable=False),
        sa.Column("expected", sa.Text, nullable=False),
        sa.Column("wrong", sa.Text),
        sa.Column("right", sa.Text),
        sa.Column("active", sa.Boolean, nullable=False),
        sa.Column("created_at", sa.DateTime, nullable=False),
    )
    op.create_table(
        "editor_propagation",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("correction_id", sa.Integer, _fk("editor_corrections"), nullable=False),
        sa.Column("article_id", sa.Integer, _fk("articles"), nullable=False),
        sa.Column("segment_id", sa.String(32), nullable=False),
        sa.Column("before", sa.Text, nullable=False),
        sa.Column("proposed", sa.Text, nullable=False),
        sa.Column("state", sa.String(16), nullable=False),
        sa.Column("created_at", sa.DateTime, nullable=False),
        sa.Column("decided_at", sa.DateTime),
        sa.Column("decided_by", sa.String(64)),
    )
    op.create_index("ix_editor_propagation_state", "editor_propagation", ["state", "correction_id"])
    op.create_table(
        "editor_audit_log",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("at", sa.DateTime, nullable=False, index=True),
        sa.Column("actor", sa.String(64), nullable=False),
        sa.Column("action", sa.String(40), nullable=False),
        sa.Column("article_id", sa.Integer),
        sa.Column("segment_id", sa.String(32)),
        sa.Column("report_id", sa.Integer),
        sa.Column("before", sa.Text),
        sa.Column("after", sa.Text),
        sa.Column("detail", sa.JSON),
    )
    op.create_index("ix_editor_audit_log_article", "editor_audit_log", ["article_id", "at"])


def downgrade() -> None:
    op.drop_index("ix_editor_audit_log_article", "editor_audit_log")
    op.drop_table("editor_audit_log")
    op.drop_index("ix_editor_propagation_state", "editor_propagation")
    op.drop_table("editor_propagation")
    op.drop_table("editor_regression_cases")
    op.drop_table("editor_report_decisions")
    op.drop_table("editor_corrections")
    op.drop_table("editor_api_tokens")
    op.drop_table("editor_users")
