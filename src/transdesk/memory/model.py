"""What goes into the translation memory, and what comes out of a lookup."""

from __future__ import annotations

import datetime as dt
import enum
from dataclasses import dataclass, field


class Origin(enum.StrEnum):
    IMPORT = "import"  # a TMX file or a parallel corpus
    CORRECTION = "correction"  # an editor corrected a published or reviewed sentence
    EDITOR = "editor"  # an editor approved a sentence as it was


@dataclass(frozen=True, slots=True)
class MemoryPair:
    """An approved Korean→English sentence pair and where it was approved."""

    source: str
    target: str
    approved_by: str
    origin: Origin = Origin.EDITOR
    approved_at: dt.datetime | None = None  # default: now (UTC)
    article_slug: str | None = None
    previous_source: str | None = None
    next_source: str | None = None
    article_date: dt.date | None = None
    line: int | None = None  # where it was read from, for import reports


@dataclass(frozen=True, slots=True)
class MemoryMatch:
    """A memory entry found for a sentence; `score` 1.0 is an exact (normalised) match."""

    id: int
    source: str
    target: str
    score: float
    origin: Origin
    approved_by: str
    approved_at: dt.datetime
    article_slug: str | None = None
    article_date: dt.date | None = None
    previous_source: str | None = None
    next_source: str | None = None
    conflict: bool = False  # other approved translations of the same source exist

    @property
    def exact(self) -> bool:
        return self.score >= 1.0


@dataclass(frozen=True, slots=True)
class MemoryStats:
    segments: int
    distinct_sources: int
    conflicts: int
    by_origin: dict[str, int]
    last_approved_at: dt.datetime | None
    index: str  # what fuzzy candidates come from: "fts5-trigram" | "pg_trgm"


@dataclass(frozen=True, slots=True)
class ImportProblem:
    line: int | None
    message: str

    def __str__(self) -> str:
        return f"line {self.line}: {self.message}" if self.line else self.message


@dataclass
class ImportReport:
    """The outcome of an import: what was added, skipped as already known, or flagged as conflicting."""

    read: int = 0
    added: int = 0
    duplicates: int = 0
    conflicts: list[ImportProblem] = field(default_factory=list)
