"""The web desk: articles, their sentences, correction notes, translation jobs, readers' reports.

Revision ID: 0003_desk
Revises: 0000_base
Create Date: 2026-11-26
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003_desk"
down_revision = "0000_base"
branch_labels = ("desk",)
depends_on = None


def upgrade() -> None:
    op.create_table(
        "articles",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("slug", sa.String(200), nullable=False, unique=True),
        sa.Column("state", sa.String(20), nullable=False, index=True),
        sa.Column("headline", sa.Text, nullable=False),
        sa.Column("dateline", sa.Date, nullable=False),
        sa.Column("timezone", sa.String(64), nullable=False),
        sa.Column("byline", sa.Text),
        sa.Column("credit", sa.Text),
        sa.Column("source", sa.JSON, nullable=False),
        sa.Column("signature", sa.JSON),
        sa.Column("decision", sa.String(20)),
        sa.Column("revision", sa.Integer, nullable=False),
        sa.Column("created_at", sa.DateTime, nullable=False),
        sa.Column("updated_at", sa.DateTime, nullable=False),
        sa.Column("published_at", sa.DateTime),
    )
    op.create_table(
        "article_segments",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column(
            "article_id", sa.Integer, sa.ForeignKey("articles.id", ondelete="CASCADE"), nullable=False
        ),
        sa.Column("segment_id", sa.String(32), nullable=False),
        sa.Column("position", sa.Integer, nullable=False),
        sa.Column("block_index", sa.Integer, nullable=False),
        sa.Column("block_kind", sa.String(20), nullable=False),
        sa.Column("source_text", sa.Text, nullable=False),
        sa.Column("machine_english", sa.Text),
        sa.Column("english", sa.Text),
        sa.Column("status", sa.String(20), nullable=False),
        sa.Column("origin", sa.String(100)),
        sa.Column("score", sa.Float),
        sa.Column("applied", sa.JSON, nullable=False),
        sa.Column("findings", sa.JSON, nullable=False),
        sa.Column("decision", sa.String(20)),
        sa.Column("error", sa.Text),
        sa.Column("updated_at", sa.DateTime, nullable=False),
        sa.UniqueConstraint("article_id", "segment_id"),
    )
    op.create_table(
        "article_corrections",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column(
            "article_id", sa.Integer, sa.ForeignKey("articles.id", ondelete="CASCADE"), nullable=False
        ),
        sa.Column("segment_id", sa.String(32)),
        sa.Column("corrected_on", sa.Date, nullable=False),
        sa.Column("note", sa.Text, nullable=False),
        sa.Column("created_at", sa.DateTime, nullable=False),
    )
    op.create_table(
        "translation_jobs",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column(
            "article_id", sa.Integer, sa.ForeignKey("articles.id", ondelete="CASCADE"), nullable=False
        ),
        sa.Column("state", sa.String(20), nullable=False),
        sa.Column("done", sa.Integer, nullable=False),
        sa.Column("total", sa.Integer, nullable=False),
        sa.Column("attempts", sa.Integer, nullable=False),
        sa.Column("error", sa.Text),
        sa.Column("worker", sa.String(200)),
        sa.Column("lease_until", sa.DateTime),
        sa.Column("cancel_requested", sa.Boolean, nullable=False),
        sa.Column("created_at", sa.DateTime, nullable=False),
        sa.Column("started_at", sa.DateTime),
        sa.Column("finished_at", sa.DateTime),
    )
    op.create_index("ix_translation_jobs_state_lease", "translation_jobs", ["state", "lease_until"])
    op.create_table(
        "reader_reports",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column(
            "article_id", sa.Integer, sa.ForeignKey("articles.id", ondelete="CASCADE"), nullable=False
        ),
        sa.Column("segment_id", sa.String(32), nullable=False),
        sa.Column("kind", sa.String(32), nullable=False),
        sa.Column("english_seen", sa.Text),
        sa.Column("suggestion", sa.Text),
        sa.Column("email", sa.String(320)),
        sa.Column("client", sa.String(64)),
        sa.Column("state", sa.String(20), nullable=False, index=True),
        sa.Column("created_at", sa.DateTime, nullable=False),
    )
    op.create_index(
        "ix_reader_reports_article_segment", "reader_reports", ["article_id", "segment_id"]
    )


def downgrade() -> None:
    op.drop_table("reader_reports")
    op.drop_index("ix_translation_jobs_state_lease", "translation_jobs")
    op.drop_table("translation_jobs")
    op.drop_table("article_corrections")
    op.drop_table("article_segments")
    op.drop_table("articles")
