"""Rare-trigram pairs on both backends: trigram counts on PostgreSQL, a leaner FTS5 index on SQLite.

PostgreSQL: `memory_trigram_docs`, how many segments hold each trigram lying inside one run of
letters or digits (the trigrams a `LIKE '%abc%'` reads from the pg_trgm index exactly), filled
from the rows already stored. Fuzzy lookup queries pairs of the rarest of them instead of the `%`
operator, which read the long posting lists of every common trigram of a sentence.

SQLite: `memory_segments_fts` again with `detail=none` (rowids only: the lookup's `"a" AND "b"`
queries of single trigrams need no positions) and `columnsize=0`, and a 64 MB pending-term
buffer, so a bulk import flushes and merges segments a few times instead of every megabyte; the
index is rebuilt from `memory_segments` (about a minute at 10^6 segments). The triggers and the
vocabulary view keep their names; `memory_trigram_docs` is unchanged.

Revision ID: 0011_memory_trigram_pairs
Revises: 0010_memory_trgm
Create Date: 2026-12-02
"""

from __future__ import annotations

import re
from collections import Counter

import sqlalchemy as sa
from alembic import op

revision = "0011_memory_trigram_pairs"
down_revision = "0010_memory_trgm"
branch_labels = None
depends_on = None

FTS = "memory_segments_fts"
VOCAB = "memory_segments_fts_vocab"
HASH_SIZE = 64 * 1024 * 1024
_WORD_RUN = re.compile(r"[^\W_]{3,}")  # as transdesk.memory.normalise.word_trigrams, frozen here
_BATCH = 20_000


def _fts(options: str) -> None:
    op.execute(f"DROP TABLE IF EXISTS {VOCAB}")
    op.execute(f"DROP TABLE IF EXISTS {FTS}")
    op.execute(
        f"CREATE VIRTUAL TABLE {FTS} USING fts5(source_norm, content='memory_segments', "
        f"content_rowid='id', tokenize='trigram'{options})"
    )
    op.execute(f"CREATE VIRTUAL TABLE {VOCAB} USING fts5vocab({FTS}, 'row')")


def _word_trigrams(norm: str) -> set[str]:
    return {
        run[i : i + 3] for run in _WORD_RUN.findall(norm.lower()) for i in range(len(run) - 2)
    }


def _count_postgres() -> None:
    bind = op.get_bind()
    counts: Counter[str] = Counter()
    last = 0
    while True:
        rows = bind.execute(
            sa.text(
                "SELECT id, source_norm FROM memory_segments WHERE id > :last ORDER BY id LIMIT :n"
            ),
            {"last": last, "n": _BATCH},
        ).all()
        if not rows:
            break
        for _, norm in rows:
            counts.update(_word_trigrams(norm))
        last = rows[-1][0]
    items = [{"trigram": g, "docs": n} for g, n in counts.items()]
    for start in range(0, len(items), _BATCH):
        bind.execute(
            sa.text("INSERT INTO memory_trigram_docs (trigram, docs) VALUES (:trigram, :docs)"),
            items[start : start + _BATCH],
        )


def upgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.create_table(
            "memory_trigram_docs",
            sa.Column("trigram", sa.Text, primary_key=True),
            sa.Column("docs", sa.Integer, nullable=False),
        )
        _count_postgres()
        return
    _fts(", detail=none, columnsize=0")
    op.execute(f"INSERT INTO {FTS}({FTS}, rank) VALUES ('hashsize', {HASH_SIZE})")
    op.execute(f"INSERT INTO {FTS}({FTS}) VALUES ('rebuild')")


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.drop_table("memory_trigram_docs")
        return
    _fts("")  # as created by 0002_memory
    op.execute(f"INSERT INTO {FTS}({FTS}) VALUES ('rebuild')")
