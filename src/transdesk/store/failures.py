"""What counts as the storage failing (not the request, not a bug), and what to tell people.

A full disk, a read-only file system or directory, a database that is down or refuses writes, the
SQLite queue file that cannot be written: each becomes a `StorageError`, which the CLI reports
with exit code 4 and the web desk answers with 503 and what to do.
"""

from __future__ import annotations

import errno
import sqlite3
from pathlib import Path

from sqlalchemy.exc import InterfaceError, InternalError, OperationalError

from transdesk.errors import StorageError

_STORAGE_ERRNOS = frozenset(
    {errno.ENOSPC, errno.EDQUOT, errno.EROFS, errno.EIO, errno.EACCES, errno.EPERM}
)
HINT = (
    "check free disk space and that the data directory and database are writable; "
    "nothing was saved"
)


# the exception types a storage failure arrives as (`as_storage_error` tells which are)
STORAGE_EXCEPTIONS: tuple[type[BaseException], ...] = (
    OperationalError, InterfaceError, InternalError, sqlite3.OperationalError,
    sqlite3.InterfaceError, OSError,
)  # fmt: skip


def as_storage_error(error: BaseException) -> StorageError | None:
    """The `StorageError` this failure is, or None when it is not the storage's."""
    if isinstance(error, StorageError):
        return error
    if isinstance(error, (OperationalError, InterfaceError, InternalError)):
        return StorageError(f"the database refused the request: {error.orig}", hint=HINT)
    if isinstance(error, sqlite3.OperationalError | sqlite3.InterfaceError):
        return StorageError(f"a desk file refused the write: {error}", hint=HINT)
    if isinstance(error, OSError) and error.errno in _STORAGE_ERRNOS:
        where = f" ({error.filename})" if error.filename else ""
        return StorageError(f"cannot write{where}: {error.strerror}", hint=HINT)
    return None


def check_writable(directory: Path) -> None:
    """Refuse to start on a data directory that cannot be written (read-only, full, no access)."""
    try:
        directory.mkdir(parents=True, exist_ok=True)
        probe = directory / ".transdesk-write-check"
        probe.write_bytes(b"ok")
        probe.unlink()
    except OSError as error:
        raise StorageError(
            f"the data directory {directory} cannot be written: {error.strerror}",
            hint="make it writable, or set TRANSDESK_DATA_DIR to a directory that is",
        ) from None
