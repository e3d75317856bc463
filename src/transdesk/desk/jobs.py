"""Translation jobs: the row in `translation_jobs` is the truth; the queue only carries its id.

A worker *claims* a job with one atomic UPDATE (queued, or running with an expired lease), keeps
its lease alive while it works, reports progress between batches, and writes the whole result in
one transaction that first re-checks that the job is still its own and still running. So two
workers never run the same job at once, a cancelled job never publishes, and a retry after a crash
replaces nothing: the result is written exactly once. A published article stays published while
it is translated again; the new English replaces the old in one transaction when the job is done.
"""

from __future__ import annotations

import contextvars
import datetime as dt
import logging
import threading
from dataclasses import dataclass

from sqlalchemy import and_, or_, select, update

from transdesk.desk.articles import save_translation, source_from_json
from transdesk.errors import Conflict, TransdeskError
from transdesk.assembly import build_pipeline
from transdesk.pipeline import Pipeline
from transdesk.settings import Settings
from transdesk.store.db import Database
from transdesk.store.desk_tables import (
    ArticleState,
    DeskArticle,
    JobState,
    TranslationJob,
    utcnow,
)
from transdesk.webhooks import events as webhook_events

log = logging.getLogger(__name__)


def obtain_pipeline(settings: Settings) -> Pipeline:
    """The pipeline the desk translates with (engine, memory, termbase, dates, checks)."""
    return build_pipeline(settings)


class JobInterrupted(Exception):
    """The job was cancelled, or its lease passed to another worker: stop without writing."""


@dataclass(frozen=True)
class Claim:
    job_id: int
    article_id: int
    worker: str
    attempt: int


def claim_job(db: Database, job_id: int, worker: str, lease_s: float) -> Claim | None:
    """Take the job if it is queued or its last worker's lease ran out; None when someone has it."""
    now = utcnow()
    claimable = or_(
        TranslationJob.state == JobState.QUEUED,
        and_(TranslationJob.state == JobState.RUNNING, TranslationJob.lease_until < now),
    )
    with db.session() as session:
        result = session.execute(
            update(TranslationJob)
            .where(TranslationJob.id == job_id, claimable)
            .values(
                state=JobState.RUNNING,
                worker=worker,
                lease_until=now + dt.timedelta(seconds=lease_s),
                attempts=TranslationJob.attempts + 1,
                done=0,
                started_at=now,
                error=None,
            )
        )
        if result.rowcount != 1:
            return None
        job = session.get(TranslationJob, job_id)
        assert job is not None
        _set_article_state(session, job.article_id, ArticleState.TRANSLATING)
        return Claim(job_id, job.article_id, worker, job.attempts)


def _held(claim: Claim):  # type: ignore[no-untyped-def]
    return and_(
        TranslationJob.id == claim.job_id,
        TranslationJob.worker == claim.worker,
        TranslationJob.state == JobState.RUNNING,
    )


def renew_lease(db: Database, claim: Claim, lease_s: float, done: int | None = None) -> None:
    """Push the lease forward (and record progress); raise JobInterrupted if the job is not ours."""
    values: dict[str, object] = {"lease_until": utcnow() + dt.timedelta(seconds=lease_s)}
    if done is not None:
        values["done"] = done
    with db.session() as session:
        if session.execute(update(TranslationJob).where(_held(claim)).values(**values)).rowcount != 1:
            raise JobInterrupted(f"job {claim.job_id} was cancelled or taken over")


class LeaseKeeper:
    """Renews the lease in the background while the engine works on a long batch."""

    def __init__(self, db: Database, claim: Claim, lease_s: float) -> None:
        self._db, self._claim, self._lease_s = db, claim, lease_s
        self._stop = threading.Event()
        self.lost = threading.Event()
        self._thread = threading.Thread(  # in the job's context: its log lines name the job
            target=contextvars.copy_context().run, args=(self._run,),
            name=f"lease-{claim.job_id}", daemon=True,
        )  # fmt: skip

    def _run(self) -> None:
        while not self._stop.wait(self._lease_s / 3):
            try:
                renew_lease(self._db, self._claim, self._lease_s)
            except JobInterrupted:
                self.lost.set()
                return
            except Exception:  # a database hiccup: try again at the next beat
                log.warning("could not renew the lease of job %s", self._claim.job_id, exc_info=True)

    def __enter__(self) -> LeaseKeeper:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join(timeout=5)


def run_job(
    db: Database, claim: Claim, pipeline: Pipeline, lease_s: float
) -> str:
    """Translate the claimed job's article and publish the result; return the job's final state."""
    with db.session() as session:
        source = session.scalar(select(DeskArticle.source).where(DeskArticle.id == claim.article_id))
    article = source_from_json(source)

    def progress(done: int, total: int) -> None:
        renew_lease(db, claim, lease_s, done=done)  # between batches: stops a cancelled job

    with LeaseKeeper(db, claim, lease_s):
        translated = pipeline.translate(article, progress=progress)
    return finish_job(db, claim, translated)


def finish_job(db: Database, claim: Claim, translated) -> str:  # type: ignore[no-untyped-def]
    """Write the result in one transaction, only if the job is still ours and running."""
    now = utcnow()
    with db.session() as session:
        result = session.execute(
            update(TranslationJob)
            .where(_held(claim))
            .values(state=JobState.DONE, done=TranslationJob.total, finished_at=now, lease_until=None)
        )
        if result.rowcount != 1:
            raise JobInterrupted(f"job {claim.job_id} was cancelled or taken over; result dropped")
        state = save_translation(session, claim.article_id, translated)
        if state == ArticleState.PUBLISHED:  # published straight from its job, no editor
            webhook_events.article_published(session, claim.article_id)
    log.info("job %s done: article %s", claim.job_id, state)
    return JobState.DONE


def failure_reason(error: BaseException) -> str:
    """Why an attempt failed, for the job row and the editors: a desk error's own message and
    hint; anything else by its type and message."""
    if isinstance(error, TransdeskError):
        return str(error)
    return f"{type(error).__name__}: {error}" if str(error) else type(error).__name__


def give_up_or_requeue(db: Database, claim: Claim, error: str, max_attempts: int) -> bool:
    """After a failure: back to the queue while attempts remain (True), else failed for good."""
    final = claim.attempt >= max_attempts
    with db.session() as session:
        result = session.execute(
            update(TranslationJob)
            .where(_held(claim))
            .values(
                state=JobState.FAILED if final else JobState.QUEUED,
                error=error[:2000],
                lease_until=None,
                finished_at=utcnow() if final else None,
            )
        )
        if result.rowcount == 1 and final:
            _set_article_state(session, claim.article_id, ArticleState.FAILED)
    return result.rowcount == 1 and not final


def _set_article_state(session, article_id: int, state: str) -> None:  # type: ignore[no-untyped-def]
    """Move the article along with its job, except a published one: while it is translated again
    (or that job is cancelled or fails), readers keep the English they have until the new one is
    saved (`save_translation` then publishes it or sends it to review, per the gate)."""
    session.execute(
        update(DeskArticle)
        .where(DeskArticle.id == article_id, DeskArticle.state != ArticleState.PUBLISHED)
        .values(state=state)
    )


def cancel_job(db: Database, job_id: int) -> TranslationJob:
    """Cancel a queued or running job; a running one stops at its next batch and writes nothing."""
    with db.session() as session:
        result = session.execute(
            update(TranslationJob)
            .where(
                TranslationJob.id == job_id,
                TranslationJob.state.in_([JobState.QUEUED, JobState.RUNNING]),
            )
            .values(state=JobState.CANCELLED, finished_at=utcnow(), lease_until=None)
        )
        job = session.get(TranslationJob, job_id)
        assert job is not None
        if result.rowcount != 1:
            raise Conflict(f"the translation job has already finished ({job.state})")
        _set_article_state(session, job.article_id, ArticleState.CANCELLED)
        return job


@dataclass(frozen=True)
class Stranded:
    job_id: int
    lease_until: dt.datetime | None


def stranded_jobs(db: Database, max_attempts: int, *, queued: bool = True) -> list[Stranded]:
    """Jobs to put back on the queue: queued ones, and running ones whose worker may be dead.

    A running job that has used up its attempts (its worker keeps dying) is failed instead.
    """
    with db.session() as session:
        worn_out = and_(
            TranslationJob.state == JobState.RUNNING,
            TranslationJob.lease_until < utcnow(),
            TranslationJob.attempts >= max_attempts,
        )
        for job in session.scalars(select(TranslationJob).where(worn_out)):
            job.state, job.finished_at = JobState.FAILED, utcnow()
            job.error = f"the worker stopped during each of {job.attempts} attempts"
            _set_article_state(session, job.article_id, ArticleState.FAILED)
        abandoned = and_(TranslationJob.state == JobState.RUNNING, TranslationJob.lease_until < utcnow())
        wanted = TranslationJob.state.in_([JobState.QUEUED, JobState.RUNNING])
        rows = session.execute(
            select(TranslationJob.id, TranslationJob.lease_until)
            .where(wanted if queued else abandoned)
            .order_by(TranslationJob.id)
        ).all()
    return [Stranded(job_id, lease_until) for job_id, lease_until in rows]

