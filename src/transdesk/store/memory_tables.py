"""Tables of the translation memory.

`memory_segments` holds approved Korean→English sentence pairs with where they came from. Its
`source_norm` column is indexed for fuzzy lookup outside SQLAlchemy's view: an FTS5 trigram table
(`memory_segments_fts`, kept in step by triggers, `detail=none` since 0011) on SQLite, a pg_trgm
GIN index on PostgreSQL (0002_memory), and on both `memory_trigram_docs`, how many segments hold
each trigram (0002 on SQLite, 0011 on PostgreSQL), which `transdesk.memory.index` reads to query
the rarest ones. Editors' corrections are in `correction_tables`.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import Boolean, Date, DateTime, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from transdesk.store.db import Base

FTS_TABLE = "memory_segments_fts"
FTS_VOCAB_TABLE = "memory_segments_fts_vocab"
TRGM_INDEX = "ix_memory_segments_source_norm_trgm"


class MemorySegmentRow(Base):
    __tablename__ = "memory_segments"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    source_hash: Mapped[str] = mapped_column(String(40), index=True)
    source: Mapped[str] = mapped_column(Text)
    target: Mapped[str] = mapped_column(Text)
    source_norm: Mapped[str] = mapped_column(Text)
    source_length: Mapped[int] = mapped_column(Integer, index=True)
    article_slug: Mapped[str | None] = mapped_column(String(200), index=True)
    previous_source: Mapped[str | None] = mapped_column(Text)
    next_source: Mapped[str | None] = mapped_column(Text)
    article_date: Mapped[dt.date | None] = mapped_column(Date)
    approved_by: Mapped[str] = mapped_column(String(200))
    approved_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True))
    origin: Mapped[str] = mapped_column(String(16))  # import | correction | editor
    conflict: Mapped[bool] = mapped_column(Boolean, default=False)
