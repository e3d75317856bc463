"""The memory's pg_trgm index without a pending list (PostgreSQL only; nothing on SQLite).

A GIN index with `fastupdate` (PostgreSQL's default) adds new rows to an unsorted pending list
that every fuzzy lookup reads in full until VACUUM merges it: a memory filled by small imports
and editors' approvals answered a lookup in 40 ms at 10^4 segments and faster at 10^5 (after a
bulk import had rebuilt the index). Without it, each write updates the index at once (a few
hundred trigram entries per sentence), and a bulk import still drops the index and builds it
again at the end. The list already there is merged now.

Revision ID: 0010_memory_trgm
Revises: 0009_webhooks
Create Date: 2026-12-02
"""

from __future__ import annotations

from alembic import op

revision = "0010_memory_trgm"
down_revision = "0009_webhooks"
branch_labels = None
depends_on = None

INDEX = "ix_memory_segments_source_norm_trgm"  # as created by 0002_memory


def upgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    op.execute(f"ALTER INDEX {INDEX} SET (fastupdate = off)")
    op.execute(f"SELECT gin_clean_pending_list('{INDEX}'::regclass)")


def downgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    op.execute(f"ALTER INDEX {INDEX} RESET (fastupdate)")
