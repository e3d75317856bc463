"""Which termbase a check of a finished translation applies, and how the report names it.

`transdesk check` always has a termbase unless told otherwise (`--no-termbase`): the desk's approved
termbase when there is a desk database with approved entries, and the starter termbase that ships
with transdesk on a fresh machine (no database yet) or for a desk whose termbase is empty. The
database is only read: a fresh machine is not turned into a desk by checking a file.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from pathlib import Path

from transdesk.glossary.matcher import Termbase

log = logging.getLogger(__name__)

DESK = "desk"
STARTER = "starter"
NONE = "none"


@dataclass(frozen=True)
class TermbaseChoice:
    """The termbase a check run applies (None when skipped) and what it is called."""

    name: str  # "desk", "starter" or "none"
    termbase: Termbase | None

    def signature(self) -> dict[str, object]:
        if self.termbase is None:
            return {"name": NONE, "entries": 0, "version": None}
        return {"name": self.name, **self.termbase.signature()}

    def describe(self) -> str:
        """One line for the top of the text report."""
        if self.termbase is None:
            return "termbase: none (--no-termbase: terms not checked)"
        count = len(self.termbase)
        entries = "entry" if count == 1 else "entries"
        return f"termbase: {self.name} ({count} {entries}, version {self.termbase.version})"


def choose_termbase(database_url: str, *, enabled: bool = True) -> TermbaseChoice:
    """The desk's termbase at `database_url`, the starter where there is none, or none at all."""
    if not enabled:
        return TermbaseChoice(NONE, None)
    desk = _desk_termbase(database_url)
    if desk is not None and len(desk):
        return TermbaseChoice(DESK, desk)
    return TermbaseChoice(STARTER, starter_termbase())


def starter_termbase() -> Termbase:
    from transdesk.glossary.starter import starter_entries

    return Termbase(entry for _, entry in starter_entries())


def _desk_termbase(url: str) -> Termbase | None:
    """The desk's approved termbase, or None when there is no desk database at `url` yet."""
    if url.startswith("sqlite:///") and not Path(url.removeprefix("sqlite:///")).exists():
        return None
    if url in ("sqlite://", "sqlite:///:memory:"):
        return None
    from transdesk.glossary.store import TermbaseStore
    from transdesk.store.db import Database

    database = Database(url)
    try:
        termbase = TermbaseStore(database).load()
    finally:
        database.close()
    log.info("desk termbase %s: %d approved entries", termbase.version, len(termbase))
    return termbase
