"""A desk database with one published article, and the `transdesk` command on it."""

from __future__ import annotations

import pytest
from fixtures.desk import SEED_ARTICLE
from fixtures.engines import seed_phrasebook

from transdesk.desk.articles import receive_article
from transdesk.ingest import read_article
from transdesk.store.db import Database
from transdesk.store.desk_tables import ArticleState

SLUG = "putin-kim-beijing"


@pytest.fixture
def database(database_url):
    db = Database(database_url)
    yield db
    db.close()


@pytest.fixture
def published(database) -> str:
    """The seed article on the desk, published with the seed phrasebook's English; its slug."""
    article = read_article(SEED_ARTICLE)
    english = seed_phrasebook()
    with database.session() as session:
        row, job = receive_article(session, article)
        row.slug = SLUG
        for segment in row.segments:
            segment.english = segment.machine_english = english.get(segment.source_text, "…")
        row.state = ArticleState.PUBLISHED
        session.delete(job)
    return SLUG


@pytest.fixture
def cli(database, run_cli, monkeypatch):  # type: ignore[no-untyped-def]
    """`transdesk` in-process on `database`."""
    from fixtures import _desk_engines  # noqa: F401  (registers the desk's test engines)

    monkeypatch.setenv("TRANSDESK_DATABASE_URL", database.url)
    return run_cli
