"""Translating a published article again keeps it live: readers see the old English until the new
translation is saved, which is then published or sent to review by the gate; a cancelled or failed
re-translation leaves the published article as it was."""

from __future__ import annotations

import pytest
from fixtures.desk import SEED_ARTICLE

from transdesk.desk import editing, jobs
from transdesk.desk.articles import find_article, published_revision, receive_article
from transdesk.engines.registry import create_engine
from transdesk.ingest import read_article
from transdesk.pipeline import Pipeline
from transdesk.stage import BaseStage
from transdesk.store.db import Database

SLUG = "putin-kim-beijing"


class Gate(BaseStage):
    """Stands in for the checks' gate: decides every article the same way."""

    name = "gate"

    def __init__(self, decision: str | None) -> None:
        self.decision = decision

    def after_article(self, article, jobs):  # type: ignore[no-untyped-def]
        return self.decision


@pytest.fixture
def database(desk_settings):
    database = Database(desk_settings.resolved_database_url)
    yield database
    database.close()


@pytest.fixture
def pipeline(desk_settings):  # type: ignore[no-untyped-def]
    engine = create_engine("desk-phrasebook", desk_settings)
    return lambda decision=None: Pipeline(engine, stages=[Gate(decision)])


def _english(database: Database) -> dict[str, str | None]:
    with database.session() as session:
        return {s.segment_id: s.english for s in find_article(session, SLUG).segments}


def _state(database: Database) -> str:
    with database.session() as session:
        return find_article(session, SLUG).state


@pytest.fixture
def published(database, pipeline) -> int:
    """The seed article, translated and published; returns the revision readers see."""
    with database.session() as session:
        _, job = receive_article(session, read_article(SEED_ARTICLE))
        job_id = job.id
    jobs.run_job(database, jobs.claim_job(database, job_id, "first", 30), pipeline(), 30)
    revision = published_revision(database, SLUG)
    assert revision is not None
    return revision


def _start_again(database: Database) -> jobs.Claim:
    job_id = editing.retranslate(database, SLUG, "mina")
    claim = jobs.claim_job(database, job_id, "again", 30)
    assert claim is not None
    return claim


@pytest.mark.parametrize(("decision", "after"), [(None, "published"), ("review", "review")])
def test_the_article_stays_live_until_the_new_translation_is_saved(
    database, pipeline, published, decision, after
):
    before = _english(database)
    claim = _start_again(database)
    assert _state(database) == "published"
    assert published_revision(database, SLUG) == published  # readers keep the page they had
    assert _english(database) == before
    jobs.run_job(database, claim, pipeline(decision), 30)
    assert _state(database) == after  # then the gate decides, as for a new article
    expected = published + 1 if after == "published" else None
    assert published_revision(database, SLUG) == expected


@pytest.mark.parametrize("ending", ["cancelled", "failed"])
def test_a_retranslation_that_ends_badly_leaves_the_published_article_alone(
    database, published, ending
):
    before = _english(database)
    claim = _start_again(database)
    if ending == "cancelled":
        jobs.cancel_job(database, claim.job_id)
    else:
        assert not jobs.give_up_or_requeue(database, claim, "the engine fell over", max_attempts=1)
    assert _state(database) == "published"
    assert published_revision(database, SLUG) == published
    assert _english(database) == before


def test_a_new_article_still_shows_it_is_being_translated(database):
    with database.session() as session:
        _, job = receive_article(session, read_article(SEED_ARTICLE))
        job_id = job.id
    assert jobs.claim_job(database, job_id, "first", 30) is not None
    assert _state(database) == "translating" and published_revision(database, SLUG) is None
