"""Tables of the termbase.

`term_entries` holds one row per entry (headword, renderings, status, who changed it last);
`term_forms` one row per Korean form of an entry (headword and variants, normalised), indexed so a
conflicting form is found without a scan; `term_changes` the history of every write, whose newest
id is part of the termbase version that goes into each translation's signature.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import JSON, DateTime, ForeignKey, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from transdesk.store.db import Base


class TermEntryRow(Base):
    __tablename__ = "term_entries"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    source: Mapped[str] = mapped_column(String(200), index=True)
    target: Mapped[str] = mapped_column(String(500))
    later: Mapped[str | None] = mapped_column(String(500))
    variants: Mapped[list[str]] = mapped_column(JSON, default=list)
    forbidden: Mapped[list[str]] = mapped_column(JSON, default=list)
    kind: Mapped[str] = mapped_column(String(20))
    note: Mapped[str | None] = mapped_column(Text)
    reference: Mapped[str | None] = mapped_column(Text)
    status: Mapped[str] = mapped_column(String(20), index=True)
    changed_by: Mapped[str | None] = mapped_column(String(200))
    changed_at: Mapped[dt.datetime | None] = mapped_column(DateTime(timezone=True))


class TermFormRow(Base):
    __tablename__ = "term_forms"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    entry_id: Mapped[int] = mapped_column(
        Integer, ForeignKey("term_entries.id", ondelete="CASCADE"), index=True
    )
    form: Mapped[str] = mapped_column(String(200), index=True)


class TermChangeRow(Base):
    __tablename__ = "term_changes"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    entry_id: Mapped[int] = mapped_column(Integer, index=True)  # kept after the entry is removed
    action: Mapped[str] = mapped_column(String(20))  # add | propose | merge | approve | remove
    changed_by: Mapped[str] = mapped_column(String(200))
    changed_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True))
    snapshot: Mapped[dict[str, object]] = mapped_column(JSON)
