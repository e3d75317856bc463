"""Translation memory and corrections, with the index fuzzy lookup reads candidates from.

SQLite: an external-content FTS5 table with the trigram tokenizer over `source_norm`, kept in step
by triggers, an fts5vocab view of it, and `memory_trigram_docs`, how many segments hold each trigram
(read from the vocab view after a bulk import, kept up to date on small writes), which lets a lookup
query the rarest trigrams of a sentence without reading the long posting lists. PostgreSQL: the
pg_trgm extension and a GIN trigram index on `source_norm`.

Revision ID: 0002_memory
Revises: 0000_base
Create Date: 2026-11-26
"""

import sqlalchemy as sa
from alembic import op

revision = "0002_memory"
down_revision = "0000_base"
branch_labels = None
depends_on = None

_SQLITE_FTS = [
    ("CREATE VIRTUAL TABLE memory_segments_fts USING fts5("
        "source_norm, content='memory_segments', content_rowid='id', tokenize='trigram')"),
    "CREATE VIRTUAL TABLE memory_segments_fts_vocab USING fts5vocab(memory_segments_fts, 'row')",
    ("CREATE TABLE memory_trigram_docs "
        "(trigram TEXT PRIMARY KEY NOT NULL, docs INTEGER NOT NULL) WITHOUT ROWID"),
    ("CREATE TRIGGER memory_segments_fts_insert AFTER INSERT ON memory_segments BEGIN "
        "INSERT INTO memory_segments_fts(rowid, source_norm) VALUES (new.id, new.source_norm); END"),
    ("CREATE TRIGGER memory_segments_fts_delete AFTER DELETE ON memory_segments BEGIN "
        "INSERT INTO memory_segments_fts(memory_segments_fts, rowid, source_norm) "
        "VALUES ('delete', old.id, old.source_norm); END"),
    ("CREATE TRIGGER memory_segments_fts_update AFTER UPDATE OF source_norm ON memory_segments "
        "BEGIN INSERT INTO memory_segments_fts(memory_segments_fts, rowid, source_norm) "
        "VALUES ('delete', old.id, old.source_norm); "
        "INSERT INTO memory_segments_fts(rowid, source_norm) VALUES (new.id, new.source_norm); END"),
]
_POSTGRES_TRGM = [
    "CREATE EXTENSION IF NOT EXISTS pg_trgm",
    ("CREATE INDEX ix_memory_segments_source_norm_trgm ON memory_segments "
        "USING gin (source_norm gin_trgm_ops)"),
]


def upgrade() -> None:
    op.create_table(
        "memory_segments",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("source_hash", sa.String(40), nullable=False),
        sa.Column("source", sa.Text, nullable=False),
        sa.Column("target", sa.Text, nullable=False),
        sa.Column("source_norm", sa.Text, nullable=False),
        sa.Column("source_length", sa.Integer, nullable=False),
        sa.Column("article_slug", sa.String(200)),
        sa.Column("previous_source", sa.Text),
        sa.Column("next_source", sa.Text),
        sa.Column("article_date", sa.Date),
        sa.Column("approved_by", sa.String(200), nullable=False),
        sa.Column("approved_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("origin", sa.String(16), nullable=False),
        sa.Column("conflict", sa.Boolean, nullable=False, server_default=sa.false()),
    )
    op.create_index("ix_memory_segments_source_hash", "memory_segments", ["source_hash"])
    op.create_index("ix_memory_segments_source_length", "memory_segments", ["source_length"])
    op.create_index("ix_memory_segments_article_slug", "memory_segments", ["article_slug"])
    _create_corrections()
    statements = _SQLITE_FTS if op.get_bind().dialect.name == "sqlite" else _POSTGRES_TRGM
    for statement in statements:
        op.execute(statement)


def _create_corrections() -> None:
    op.create_table(
        "corrections",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("article_slug", sa.String(200)),
        sa.Column("source", sa.Text, nullable=False),
        sa.Column("source_hash", sa.String(40), nullable=False),
        sa.Column("before", sa.Text, nullable=False),
        sa.Column("after", sa.Text, nullable=False),
        sa.Column("editor", sa.String(200), nullable=False),
        sa.Column("corrected_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column(
            "memory_segment_id",
            sa.Integer,
            sa.ForeignKey("memory_segments.id", ondelete="SET NULL"),
        ),
    )
    op.create_index("ix_corrections_article_slug", "corrections", ["article_slug"])
    op.create_index("ix_corrections_source_hash", "corrections", ["source_hash"])
    op.create_table(
        "correction_changes",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column(
            "correction_id",
            sa.Integer,
            sa.ForeignKey("corrections.id", ondelete="CASCADE"),
            nullable=False,
        ),
        sa.Column("removed", sa.String(500), nullable=False),
        sa.Column("inserted", sa.String(500), nullable=False),
    )
    op.create_index("ix_correction_changes_correction_id", "correction_changes", ["correction_id"])
    op.create_index(
        "ix_correction_changes_substitution", "correction_changes", ["removed", "inserted"]
    )


def downgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        for name in ("insert", "delete", "update"):
            op.execute(f"DROP TRIGGER IF EXISTS memory_segments_fts_{name}")
        op.execute("DROP TABLE IF EXISTS memory_trigram_docs")
        op.execute("DROP TABLE IF EXISTS memory_segments_fts_vocab")
        op.execute("DROP TABLE IF EXISTS memory_segments_fts")
    op.drop_table("correction_changes")
    op.drop_table("corrections")
    op.drop_table("memory_segments")
