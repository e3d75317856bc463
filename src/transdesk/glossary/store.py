"""`TermbaseStore`: the newsroom's termbase in the desk database (SQLite or PostgreSQL).

Approved entries are what every translation obeys (`load()`); proposed ones wait for an editor
(`propose()` is how learning from corrections suggests a term, `approve()` how an editor accepts
it). A Korean form never silently changes meaning: adding an entry whose form is already approved
with a different English rendering raises `TermConflict`; the same rendering is merged into the
existing entry. Every write is recorded in `term_changes` with who and when.

A running desk asks `current()` for the termbase with every article: one cheap version query, and a
reload only when an editor has changed the termbase since.
"""

from __future__ import annotations

import datetime as dt
import logging
import threading
from collections.abc import Iterable, Sequence
from dataclasses import asdict, dataclass, field, replace

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from transdesk.errors import InvalidInput, TermConflict
from transdesk.glossary.matcher import Termbase, normalise_form
from transdesk.glossary.model import TermEntry, TermKind, TermStatus
from transdesk.glossary.validation import clean, entry_problems
from transdesk.store.db import Database
from transdesk.store.termbase_tables import TermChangeRow, TermEntryRow, TermFormRow

log = logging.getLogger(__name__)
_CHUNK = 500


@dataclass
class ImportReport:
    added: int = 0
    merged: int = 0
    conflicts: list[tuple[int, TermConflict]] = field(default_factory=list)  # (line, conflict)


class TermbaseStore:
    def __init__(self, database: Database) -> None:
        self.database = database
        self._loaded: Termbase | None = None
        self._loading = threading.Lock()

    # --- reading -------------------------------------------------------------------------
    def get(self, entry_id: int) -> TermEntry:
        with self.database.session() as session:
            return _entry(_row(session, entry_id))

    def list(self, status: TermStatus | str | None = None) -> list[TermEntry]:
        query = select(TermEntryRow).order_by(TermEntryRow.id)
        if status is not None:
            query = query.where(TermEntryRow.status == TermStatus(status).value)
        with self.database.session() as session:
            return [_entry(row) for row in session.scalars(query)]

    def load(self) -> Termbase:
        """The approved entries, ready for matching, versioned for the pipeline signature."""
        with self.database.session() as session:
            version = _version(session)
            rows = session.scalars(
                select(TermEntryRow).where(TermEntryRow.status == TermStatus.APPROVED.value)
            )
            return Termbase((_entry(row) for row in rows), version=version)

    def current(self) -> Termbase:
        """The approved termbase as it is now: loaded again only when `version()` has moved since
        the last load, so a long-running desk asks one cheap query per article."""
        with self._loading:
            version = self.version()
            if self._loaded is None or self._loaded.version != version:
                self._loaded = self.load()
                log.info("termbase %s loaded: %d entries", self._loaded.version, len(self._loaded))
            return self._loaded

    def version(self) -> str:
        """Changes with every committed write (add, merge, approve, remove): approved entries,
        the number of recorded changes and the newest change id. Every write records a change,
        so even a write whose transaction commits after a later one moves the count."""
        with self.database.session() as session:
            return _version(session)

    def is_fresh(self) -> bool:
        """True for a desk whose termbase was never written to (not even emptied)."""
        with self.database.session() as session:
            return session.scalar(select(func.count(TermChangeRow.id))) == 0

    # --- writing -------------------------------------------------------------------------
    def add(self, entry: TermEntry, by: str) -> TermEntry:
        """Add an entry as it is (approved unless it says proposed); returns it with its id."""
        entry = _checked(entry)
        with self.database.session() as session:
            if entry.status is TermStatus.PROPOSED:
                return _entry(_insert(session, entry, by, "propose"))
            index = _approved_forms(session, entry.forms)
            row, _ = _add_approved(session, index, entry, by)
            return _entry(row)

    def propose(self, entry: TermEntry, by: str, *, session: Session | None = None) -> TermEntry:
        """Suggest an entry for approval; the same suggestion twice is merged, not repeated.

        With `session`, the proposal is written in that transaction (a correction's)."""
        if session is None:
            with self.database.session() as own:
                return self.propose(entry, by, session=own)
        entry = replace(_checked(entry), status=TermStatus.PROPOSED)
        same = session.scalars(
            select(TermEntryRow).where(
                TermEntryRow.source == entry.source,
                TermEntryRow.target == entry.target,
                TermEntryRow.status == TermStatus.PROPOSED.value,
            )
        ).first()
        if same is not None:
            return _entry(_merge(session, same, entry, by))
        return _entry(_insert(session, entry, by, "propose"))

    def approve(self, entry_id: int, by: str, *, replace_existing: bool = False) -> TermEntry:
        """Approve a proposed entry. If an approved entry already gives one of its forms another
        rendering, raise `TermConflict` unless `replace_existing`, which removes that entry."""
        with self.database.session() as session:
            row = _row(session, entry_id)
            if row.status == TermStatus.APPROVED.value:
                return _entry(row)
            entry = _entry(row)
            index = _approved_forms(session, entry.forms)
            conflict = _conflict(index, entry)
            while conflict is not None and replace_existing:
                _delete(session, index[normalise_form(conflict.form)], by)
                index = _approved_forms(session, entry.forms)
                conflict = _conflict(index, entry)
            if conflict is not None:
                raise conflict
            same = _same_target(index, entry)
            if same is not None:
                _delete(session, row, by)
                return _entry(_merge(session, same, entry, by))
            row.status = TermStatus.APPROVED.value
            _touch(session, row, by, "approve")
            return _entry(row)

    def remove(self, entry_id: int, by: str) -> None:
        with self.database.session() as session:
            _delete(session, _row(session, entry_id), by)

    def import_entries(
        self, rows: Sequence[tuple[int, TermEntry]], by: str, *, strict: bool = False
    ) -> ImportReport:
        """Add many entries in one transaction. Invalid rows abort the whole import (nothing is
        written); conflicting rows are reported and skipped, or abort it too when `strict`."""
        problems = [
            f"line {line}: {problem}" for line, e in rows for problem in entry_problems(clean(e))
        ]
        if problems:
            raise InvalidInput(
                "the termbase file has invalid entries; nothing was imported:\n  "
                + "\n  ".join(problems),
                hint="fix the lines listed and import the file again",
            )
        report = ImportReport()
        with self.database.session() as session:
            index = _approved_forms(session, [f for _, e in rows for f in e.forms])
            for line, entry in rows:
                entry = clean(entry)
                try:
                    if entry.status is TermStatus.PROPOSED:
                        _insert(session, entry, by, "propose")
                        report.added += 1
                    else:
                        _, merged = _add_approved(session, index, entry, by)
                        report.merged += merged
                        report.added += not merged
                except TermConflict as conflict:
                    report.conflicts.append((line, conflict))
            if strict and report.conflicts:
                listed = "\n  ".join(f"line {line}: {c.message}" for line, c in report.conflicts)
                raise InvalidInput(
                    f"conflicting entries; nothing was imported:\n  {listed}",
                    hint="resolve the conflicts, or import without --strict to skip them",
                )
        return report


def _checked(entry: TermEntry) -> TermEntry:
    entry = clean(entry)
    problems = entry_problems(entry)
    if problems:
        raise InvalidInput("invalid termbase entry: " + "; ".join(problems))
    return entry


def _row(session: Session, entry_id: int) -> TermEntryRow:
    row = session.get(TermEntryRow, entry_id)
    if row is None:
        raise InvalidInput(f"no termbase entry {entry_id}", hint="see `transdesk glossary list`")
    return row


def _approved_forms(session: Session, forms: Iterable[str]) -> dict[str, TermEntryRow]:
    """Approved rows by normalised Korean form, for the forms asked about."""
    wanted = sorted({normalise_form(f) for f in forms})
    index: dict[str, TermEntryRow] = {}
    for i in range(0, len(wanted), _CHUNK):
        query = (
            select(TermFormRow.form, TermEntryRow)
            .join(TermEntryRow, TermEntryRow.id == TermFormRow.entry_id)
            .where(TermFormRow.form.in_(wanted[i : i + _CHUNK]))
            .where(TermEntryRow.status == TermStatus.APPROVED.value)
        )
        for form, row in session.execute(query):
            index.setdefault(form, row)
    return index


def same_rendering(a: str, b: str) -> bool:
    """ "the State Affairs Commission" and "State Affairs Commission" say the same thing."""

    def bare(text: str) -> str:
        text = " ".join(text.split()).casefold()
        return text.removeprefix("the ")

    return bare(a) == bare(b)


def _conflict(index: dict[str, TermEntryRow], entry: TermEntry) -> TermConflict | None:
    for form in entry.forms:
        row = index.get(normalise_form(form))
        if row is not None and row.id != entry.id and not same_rendering(row.target, entry.target):
            return TermConflict(form, row.target, entry.target, row.id)
    return None


def _same_target(index: dict[str, TermEntryRow], entry: TermEntry) -> TermEntryRow | None:
    for form in entry.forms:
        row = index.get(normalise_form(form))
        if row is not None and row.id != entry.id and same_rendering(row.target, entry.target):
            return row
    return None


def _add_approved(
    session: Session, index: dict[str, TermEntryRow], entry: TermEntry, by: str
) -> tuple[TermEntryRow, bool]:
    """Insert an approved entry (updating `index`) or merge it into its twin (True); raise
    `TermConflict` when one of its forms is approved with another rendering."""
    conflict = _conflict(index, entry)
    if conflict is not None:
        raise conflict
    same = _same_target(index, entry)
    if same is not None:
        _merge(session, same, entry, by)
        for form in entry.forms:
            index.setdefault(normalise_form(form), same)
        return same, True
    row = _insert(session, replace(entry, status=TermStatus.APPROVED), by, "add")
    for form in entry.forms:
        index.setdefault(normalise_form(form), row)
    return row, False


def _insert(session: Session, entry: TermEntry, by: str, action: str) -> TermEntryRow:
    row = TermEntryRow(
        source=entry.source,
        target=entry.target,
        later=entry.later,
        variants=list(entry.variants),
        forbidden=list(entry.forbidden),
        kind=entry.kind.value,
        note=entry.note,
        reference=entry.reference,
        status=entry.status.value,
    )
    session.add(row)
    session.flush()
    _set_forms(session, row)
    _touch(session, row, by, action)
    return row


def _merge(session: Session, row: TermEntryRow, entry: TermEntry, by: str) -> TermEntryRow:
    """Fold a second entry with the same rendering into `row`: union of forms and forbidden.
    Nothing is written (and the version does not move) when it adds nothing."""
    variants = [v for v in dict.fromkeys([*row.variants, *entry.forms]) if v != row.source]
    forbidden = list(dict.fromkeys([*row.forbidden, *entry.forbidden]))
    later, note = row.later or entry.later, row.note or entry.note
    reference = row.reference or entry.reference
    before = (list(row.variants), list(row.forbidden), row.later, row.note, row.reference)
    if (variants, forbidden, later, note, reference) == before:
        return row
    row.variants, row.forbidden, row.later = variants, forbidden, later
    row.note, row.reference = note, reference
    _set_forms(session, row)
    _touch(session, row, by, "merge")
    return row


def _set_forms(session: Session, row: TermEntryRow) -> None:
    session.query(TermFormRow).filter(TermFormRow.entry_id == row.id).delete()
    forms = dict.fromkeys(normalise_form(f) for f in (row.source, *row.variants))
    session.add_all(TermFormRow(entry_id=row.id, form=form) for form in forms if form)


def _delete(session: Session, row: TermEntryRow, by: str) -> None:
    _touch(session, row, by, "remove")
    session.query(TermFormRow).filter(TermFormRow.entry_id == row.id).delete()
    session.delete(row)
    session.flush()


def _touch(session: Session, row: TermEntryRow, by: str, action: str) -> None:
    now = dt.datetime.now(dt.UTC)
    row.changed_by, row.changed_at = by, now
    snapshot = {k: v for k, v in asdict(_entry(row)).items() if k not in ("changed_at", "id")}
    snapshot = {k: (list(v) if isinstance(v, tuple) else v) for k, v in snapshot.items()}
    session.add(
        TermChangeRow(
            entry_id=row.id, action=action, changed_by=by, changed_at=now, snapshot=snapshot
        )
    )


def _version(session: Session) -> str:
    approved = session.scalar(
        select(func.count(TermEntryRow.id)).where(TermEntryRow.status == TermStatus.APPROVED.value)
    )
    changes, last = session.execute(
        select(func.count(TermChangeRow.id), func.max(TermChangeRow.id))
    ).one()
    return f"{approved}.{changes}.{last or 0}"


def _entry(row: TermEntryRow) -> TermEntry:
    changed_at = row.changed_at
    if changed_at is not None and changed_at.tzinfo is None:
        changed_at = changed_at.replace(tzinfo=dt.UTC)  # SQLite drops the zone
    return TermEntry(
        source=row.source,
        target=row.target,
        variants=tuple(row.variants or ()),
        later=row.later,
        forbidden=tuple(row.forbidden or ()),
        kind=TermKind(row.kind),
        note=row.note,
        reference=row.reference,
        status=TermStatus(row.status),
        changed_by=row.changed_by,
        changed_at=changed_at,
        id=row.id,
    )
