"""Termbase files in and out: the format follows the file name (.csv, .tbx) unless given."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from transdesk.errors import InvalidInput
from transdesk.glossary.csv_format import read_csv, write_csv
from transdesk.glossary.model import TermEntry
from transdesk.glossary.tbx_format import DEFAULT_MAX_BYTES, read_tbx, write_tbx

FORMATS = ("csv", "tbx")


def file_format(path: Path | str, format: str | None = None) -> str:
    chosen = (format or Path(path).suffix.lstrip(".")).lower()
    if chosen not in FORMATS:
        raise InvalidInput(
            f"cannot tell the termbase format of {path}",
            hint="name it .csv or .tbx, or pass --format",
        )
    return chosen


def read_termbase_file(
    path: Path | str, format: str | None = None, *, max_bytes: int = DEFAULT_MAX_BYTES
) -> list[tuple[int, TermEntry]]:
    """The entries of a CSV or TBX termbase file no larger than `max_bytes`."""
    if not Path(path).is_file():
        raise InvalidInput(f"{path} does not exist or is not a file")
    if file_format(path, format) == "csv":
        return read_csv(path)
    return read_tbx(path, max_bytes=max_bytes)


def write_termbase_file(
    entries: Iterable[TermEntry], path: Path | str, format: str | None = None
) -> int:
    writer = write_csv if file_format(path, format) == "csv" else write_tbx
    return writer(entries, path)
