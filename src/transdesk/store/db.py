"""Database engines, sessions and migrations.

A SQLite file is the embedded default (WAL journal, foreign keys on, a busy timeout so readers and
the worker do not trip over each other); PostgreSQL is used by URL. The schema is owned by Alembic:
`migrate(url)` brings any database to the newest revision of every area (`upgrade heads`).
"""

from __future__ import annotations

import contextlib
import logging
from collections.abc import Iterator
from pathlib import Path

from alembic import command
from alembic.config import Config
from sqlalchemy import Engine, create_engine, event
from sqlalchemy.exc import OperationalError, SQLAlchemyError
from sqlalchemy.orm import DeclarativeBase, Session, sessionmaker

from transdesk.errors import StorageError
from transdesk.store.failures import as_storage_error

log = logging.getLogger(__name__)
MIGRATIONS = Path(__file__).parent / "migrations"

# PostgreSQL connections per process. A web process runs its synchronous routes on a thread pool
# and holds a connection only for one unit of work (a few milliseconds), so 10 kept open serve
# hundreds of requests a second; 5 more may open for bursts and are closed when returned. Every
# process (web, worker, CLI) has its own pool, so three processes stay at 45 of the server's
# default 100 connections instead of 90; more connections than cores only queue inside the
# server anyway. A request that finds the pool exhausted waits `POSTGRES_POOL_TIMEOUT_S` and then
# fails (SQLAlchemy's TimeoutError) rather than hanging. psycopg 3 prepares a statement on the
# server after its fifth execution on a connection (its default `prepare_threshold`), so the hot
# queries of the memory and the reader routes are planned once per pooled connection, not once
# per call.
POSTGRES_POOL_SIZE = 10
POSTGRES_MAX_OVERFLOW = 5
POSTGRES_POOL_TIMEOUT_S = 10


class Base(DeclarativeBase):
    """Declarative base of every table of the desk."""


def normalise_url(url: str) -> str:
    """Use psycopg 3 for plain postgresql:// URLs."""
    if url.startswith("postgresql://"):
        return "postgresql+psycopg://" + url.removeprefix("postgresql://")
    if url.startswith("postgres://"):
        return "postgresql+psycopg://" + url.removeprefix("postgres://")
    return url


def _sqlite_pragmas(dbapi_connection, _record) -> None:  # type: ignore[no-untyped-def]
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA busy_timeout=10000")
    cursor.close()


def make_engine(url: str) -> Engine:
    url = normalise_url(url)
    if url.startswith("sqlite"):
        path = url.split("///", 1)[-1]
        if path and path != ":memory:":
            Path(path).parent.mkdir(parents=True, exist_ok=True)
        engine = create_engine(url, connect_args={"check_same_thread": False, "timeout": 10})
        event.listen(engine, "connect", _sqlite_pragmas)
        return engine
    return create_engine(
        url,
        pool_pre_ping=True,
        pool_size=POSTGRES_POOL_SIZE,
        max_overflow=POSTGRES_MAX_OVERFLOW,
        pool_timeout=POSTGRES_POOL_TIMEOUT_S,
    )


def alembic_config(url: str) -> Config:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    config.set_main_option("sqlalchemy.url", normalise_url(url).replace("%", "%%"))
    return config


def migrate(url: str) -> None:
    """Bring the database at `url` to the newest schema (every area's head)."""
    try:
        command.upgrade(alembic_config(url), "heads")
    except OperationalError as error:
        raise StorageError(
            f"cannot migrate the database at {_redact(url)}: {error.orig}",
            hint="check TRANSDESK_DATABASE_URL, that the server is running and the disk has room",
        ) from error


def _redact(url: str) -> str:
    if "@" in url and "://" in url:
        scheme, rest = url.split("://", 1)
        return f"{scheme}://***@{rest.split('@', 1)[1]}"
    return url


class Database:
    """One database: an engine, a session factory, and `session()` for a unit of work."""

    def __init__(self, url: str, *, migrate_on_open: bool = True) -> None:
        self.url = normalise_url(url)
        if migrate_on_open:
            migrate(self.url)
        self.engine = make_engine(self.url)
        self._sessions = sessionmaker(self.engine, expire_on_commit=False)

    @property
    def dialect(self) -> str:
        return self.engine.dialect.name

    @contextlib.contextmanager
    def session(self) -> Iterator[Session]:
        """A transaction: committed when the block ends, rolled back (nothing half-written) on error."""
        session = self._sessions()
        try:
            yield session
            session.commit()
        except SQLAlchemyError as error:
            session.rollback()
            failure = as_storage_error(error)
            if failure is not None:
                raise failure from error
            raise
        except BaseException:
            session.rollback()
            raise
        finally:
            session.close()

    def close(self) -> None:
        self.engine.dispose()
