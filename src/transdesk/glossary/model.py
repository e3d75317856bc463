"""Termbase types shared by matching, enforcement, checks and storage."""

from __future__ import annotations

import datetime as dt
import enum
from dataclasses import dataclass


class TermKind(enum.StrEnum):
    PERSON = "person"
    TITLE = "title"
    ORGANISATION = "organisation"
    PLACE = "place"
    EVENT = "event"
    OTHER = "other"


class TermStatus(enum.StrEnum):
    PROPOSED = "proposed"
    APPROVED = "approved"


@dataclass(frozen=True, slots=True)
class TermEntry:
    """One newsroom term: the Korean forms, the approved English, and what must never be written.

    `target` is the first-reference rendering ("North Korean leader Kim Jong-un"); `later` the
    rendering for later references ("Kim"), when it differs.
    """

    source: str
    target: str
    variants: tuple[str, ...] = ()
    later: str | None = None
    forbidden: tuple[str, ...] = ()
    kind: TermKind = TermKind.OTHER
    note: str | None = None
    reference: str | None = None  # where the rendering was checked (outlet style guide, ...)
    status: TermStatus = TermStatus.APPROVED
    changed_by: str | None = None
    changed_at: dt.datetime | None = None
    id: int | None = None

    @property
    def forms(self) -> tuple[str, ...]:
        """Every Korean form that should match this entry (the headword first)."""
        return (self.source, *self.variants)

    @property
    def renderings(self) -> tuple[str, ...]:
        """Every approved English rendering."""
        return (self.target,) if self.later is None else (self.target, self.later)


@dataclass(frozen=True, slots=True)
class TermMatch:
    """An occurrence of a termbase entry in Korean text: `text[start:end] == surface`."""

    entry: TermEntry
    start: int
    end: int
    surface: str
