"""Storage: SQLAlchemy tables and Alembic migrations; a SQLite file by default, PostgreSQL by URL."""

from transdesk.store.db import Base, Database, migrate

__all__ = ["Base", "Database", "migrate"]
