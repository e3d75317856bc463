"""The webhook tables' migration goes both ways."""

from __future__ import annotations

from alembic import command
from sqlalchemy import create_engine, inspect

from transdesk.store.db import alembic_config, migrate, normalise_url

TABLES = {"webhook_endpoints", "webhook_messages", "webhook_deliveries"}


def _tables(url: str) -> set[str]:
    engine = create_engine(normalise_url(url))
    try:
        return set(inspect(engine).get_table_names())
    finally:
        engine.dispose()


def test_the_webhook_tables_come_and_go_with_their_migration(database_url):
    migrate(database_url)
    assert TABLES <= _tables(database_url)
    command.downgrade(alembic_config(database_url), "0008_english_credits")
    assert not TABLES & _tables(database_url)
    migrate(database_url)
    assert TABLES <= _tables(database_url)
