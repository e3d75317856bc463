"""The batch's output file, which is its own checkpoint.

An article is done when its line is complete in the output: a whole JSON object followed by a
newline. Each line is written in one `write`, then flushed and fsynced before the next article
counts as done, so after a crash (even `kill -9`) the file holds whole lines and at most one
half-written last line; `open_output` cuts that line off, and the rerun translates only the
articles whose keys it did not find.
"""

from __future__ import annotations

import json
import logging
import os
from pathlib import Path
from typing import IO

from transdesk.batch.inputs import key_of
from transdesk.errors import StorageError

log = logging.getLogger(__name__)


class OutputLog:
    """Append-only JSON Lines output: `done` holds the keys of the articles already written."""

    def __init__(self, path: Path, handle: IO[bytes], done: set[str]) -> None:
        self.path = path
        self._handle = handle
        self.done = done

    def append(self, record: dict[str, object]) -> None:
        """Write one article's line durably; a failure is a StorageError (exit 4)."""
        line = (json.dumps(record, ensure_ascii=False, separators=(",", ":")) + "\n").encode()
        try:
            self._handle.write(line)
            self._handle.flush()
            os.fsync(self._handle.fileno())
        except OSError as error:
            raise StorageError(
                f"could not write {self.path}: {error.strerror or error}",
                hint="free some space and run the batch again: "
                "it resumes after the last whole line",
            ) from None
        key = key_of(record)
        if key is not None:
            self.done.add(key)

    def close(self) -> None:
        self._handle.close()

    def __enter__(self) -> OutputLog:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def open_output(path: Path) -> OutputLog:
    """Open `path` for appending, after reading back the keys of its complete lines and cutting
    off a half-written last line (what a crash in the middle of a write leaves)."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handle = path.open("a+b")
        handle.seek(0)
        done, whole = _read_back(handle)
        size = handle.seek(0, os.SEEK_END)
        if whole < size:
            log.warning("%s: cutting off a half-written last line (%d bytes)", path, size - whole)
            handle.truncate(whole)
            os.fsync(handle.fileno())
    except OSError as error:
        raise StorageError(
            f"cannot open {path} for writing: {error.strerror or error}",
            hint="choose another -o path, or fix the folder's permissions",
        ) from None
    return OutputLog(path, handle, done)


def _read_back(handle: IO[bytes]) -> tuple[set[str], int]:
    """The keys of the complete lines, and the byte offset where the complete lines end."""
    done: set[str] = set()
    offset = 0
    for raw in handle:
        if not raw.endswith(b"\n"):
            break  # the half-written last line
        try:
            record = json.loads(raw)
        except ValueError:
            break  # a line a crash left torn (never written by this desk otherwise)
        key = key_of(record) if isinstance(record, dict) else None
        if key is not None:
            done.add(key)
        offset += len(raw)
    return done, offset
