"""The termbase as CSV: one entry a row, lists separated by "|", readable in any spreadsheet.

Columns: source, target, later, variants, forbidden, kind, note, reference, status (only source
and target are required). Every problem in a file is reported with its line number; a file with
any problem yields no entries at all.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable
from pathlib import Path

from transdesk.errors import InvalidInput
from transdesk.glossary.model import TermEntry, TermKind, TermStatus
from transdesk.glossary.validation import clean, entries_or_refuse

COLUMNS = (
    "source",
    "target",
    "later",
    "variants",
    "forbidden",
    "kind",
    "note",
    "reference",
    "status",
)
REQUIRED = ("source", "target")
SEPARATOR = "|"


def read_csv(path: Path | str) -> list[tuple[int, TermEntry]]:
    """Entries with the line each starts on; `InvalidInput` listing every bad line otherwise."""
    try:
        text = Path(path).read_text(encoding="utf-8-sig")
    except UnicodeDecodeError as error:
        raise InvalidInput(f"{path} is not UTF-8 text (byte {error.start})") from error
    return parse_csv(text, name=str(path))


def parse_csv(text: str, name: str = "CSV") -> list[tuple[int, TermEntry]]:
    reader = csv.reader(io.StringIO(text, newline=""))
    header = [h.strip().lower() for h in next(reader, [])]
    missing = [c for c in REQUIRED if c not in header]
    unknown = [h for h in header if h not in COLUMNS]
    if missing or unknown:
        raise InvalidInput(
            f"{name}, line 1: the header must name the columns "
            + f"(missing: {', '.join(missing) or '-'}; unknown: {', '.join(unknown) or '-'})",
            hint="columns: " + ", ".join(COLUMNS),
        )
    return entries_or_refuse(
        _rows(reader), lambda cells: _entry(header, cells), f"{name} has invalid rows"
    )


def _rows(reader) -> Iterable[tuple[int, list[str]]]:  # type: ignore[no-untyped-def]
    """The non-blank rows with the line each starts on (a quoted cell may span lines)."""
    line = reader.line_num + 1
    for cells in reader:
        start, line = line, reader.line_num + 1
        if any(c.strip() for c in cells):
            yield start, cells


def _entry(header: list[str], cells: list[str]) -> TermEntry:
    if len(cells) > len(header):
        raise ValueError(f"{len(cells)} cells for {len(header)} columns (an unquoted comma?)")
    row = dict(zip(header, (c.strip() for c in cells), strict=False))
    try:
        kind = TermKind(row.get("kind") or TermKind.OTHER)
    except ValueError:
        raise ValueError(
            f"unknown kind {row.get('kind')!r} (one of: {', '.join(k.value for k in TermKind)})"
        ) from None
    try:
        status = TermStatus(row.get("status") or TermStatus.APPROVED)
    except ValueError:
        raise ValueError(f"unknown status {row.get('status')!r} (approved or proposed)") from None
    return clean(
        TermEntry(
            source=row.get("source", ""),
            target=row.get("target", ""),
            later=row.get("later") or None,
            variants=_split(row.get("variants")),
            forbidden=_split(row.get("forbidden")),
            kind=kind,
            note=row.get("note") or None,
            reference=row.get("reference") or None,
            status=status,
        )
    )


def _split(cell: str | None) -> tuple[str, ...]:
    return tuple(part.strip() for part in (cell or "").split(SEPARATOR) if part.strip())


def write_csv(entries: Iterable[TermEntry], path: Path | str) -> int:
    """Write entries (all columns); returns how many."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(COLUMNS)
    count = 0
    for e in entries:
        writer.writerow(
            [
                e.source,
                e.target,
                e.later or "",
                SEPARATOR.join(e.variants),
                SEPARATOR.join(e.forbidden),
                e.kind.value,
                e.note or "",
                e.reference or "",
                e.status.value,
            ]
        )
        count += 1
    Path(path).write_text(buffer.getvalue(), encoding="utf-8")
    return count
