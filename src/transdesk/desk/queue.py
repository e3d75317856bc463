"""The translation queue, on Huey.

Huey needs no extra server on the embedded default: its queue is a SQLite file beside the desk's
database. Scaled out, `TRANSDESK_QUEUE_URL` points it at Redis (`redis://...`) or PostgreSQL
(`postgresql://...`) so workers on other machines share it. (procrastinate would need PostgreSQL
even for a single-machine desk, and Celery a broker; Huey covers both cases with one API.)

A queued task carries only a job id. Whether and how the job runs is decided by the job's row (see
`transdesk.desk.jobs`), so a task delivered twice, or re-enqueued after a crash, is harmless.
While a job runs, every log line names it (`job_id`), and each attempt is timed by how it ended
(`transdesk_job_seconds`).
"""

from __future__ import annotations

import datetime as dt
import logging
import os
import socket
import threading
import time
import uuid

from huey import Huey, PostgresHuey, RedisHuey, SqliteHuey, crontab
from huey.consumer import Consumer

from transdesk.batch.tasks import register_batch_task
from transdesk.desk import jobs
from transdesk.errors import ConfigurationError
from transdesk.observability import context, metrics
from transdesk.pipeline import Pipeline
from transdesk.settings import Settings
from transdesk.store.db import Database
from transdesk.store.desk_tables import utcnow
from transdesk.webhooks.delivery import WebhookDelivery

log = logging.getLogger(__name__)
RETRY_DELAY_S = 2.0


def make_huey(settings: Settings) -> Huey:
    url = settings.queue_url
    if url is None:
        settings.data_dir.mkdir(parents=True, exist_ok=True)
        return SqliteHuey("transdesk", filename=str(settings.data_dir / "queue.db"), results=False)
    if url.startswith(("redis://", "rediss://", "unix://")):
        return RedisHuey("transdesk", url=url, results=False)
    if url.startswith(("postgresql://", "postgres://")):
        return PostgresHuey("transdesk", dsn=url, results=False)
    if url.startswith("sqlite:///"):
        return SqliteHuey("transdesk", filename=url.removeprefix("sqlite:///"), results=False)
    raise ConfigurationError(
        f"TRANSDESK_QUEUE_URL {url!r} is not a queue the desk knows",
        hint="use redis://host:6379/0, postgresql://user@host/db, or leave it unset for SQLite",
    )


class _QuietConsumer(Consumer):
    """A consumer running inside another program (the web server): it leaves signals alone."""

    def _set_signal_handlers(self) -> None:
        return None


class TranslationQueue:
    """Enqueue translation jobs, and run them in threads here or in `transdesk worker`."""

    def __init__(self, settings: Settings, database: Database, pipeline_factory=None) -> None:  # type: ignore[no-untyped-def]
        self.settings = settings
        self.database = database
        self.huey = make_huey(settings)
        self.worker_id = f"{socket.gethostname()}:{os.getpid()}:{uuid.uuid4().hex[:8]}"
        self._pipeline_factory = pipeline_factory or jobs.obtain_pipeline
        self._pipeline: Pipeline | None = None
        self._pipeline_lock = threading.Lock()
        self._consumer: Consumer | None = None
        self._task = self.huey.task(name="translate")(self._translate)
        register_batch_task(self.huey, settings)  # `transdesk batch --workers`: archive articles
        self.webhooks = WebhookDelivery(settings, database, self.huey)  # signed webhooks
        self.huey.periodic_task(crontab(minute="*"), name="recover")(self._recover_abandoned)

    @property
    def max_attempts(self) -> int:
        return self.settings.job_retries + 1

    def enqueue(self, job_id: int, *, eta: dt.datetime | None = None) -> None:
        if eta is not None and eta > utcnow():
            self._task.schedule((job_id,), eta=eta.replace(tzinfo=dt.UTC))  # ours are naive UTC
        else:
            self._task(job_id)

    def recover(self, *, queued: bool = True) -> int:
        """Put unfinished jobs back on the queue (a running one once its lease runs out).

        At start-up every queued job is re-sent too (one may have been stored but never enqueued
        when a process died); a duplicate task is harmless, the claim lets only one run.
        """
        stranded = jobs.stranded_jobs(self.database, self.max_attempts, queued=queued)
        for job in stranded:
            eta = job.lease_until + dt.timedelta(seconds=0.5) if job.lease_until else None
            self.enqueue(job.job_id, eta=eta)
        if stranded:
            log.info("re-enqueued %d unfinished translation jobs", len(stranded))
        if queued:  # at start-up: webhook messages whose retry the queue may have lost
            self.webhooks.recover()
        return len(stranded)

    def _recover_abandoned(self) -> None:
        """Every minute: jobs whose worker stopped renewing its lease (died on another machine)."""
        self.recover(queued=False)

    def pipeline(self) -> Pipeline:
        with self._pipeline_lock:
            if self._pipeline is None:
                self._pipeline = self._pipeline_factory(self.settings)
            return self._pipeline

    def _translate(self, job_id: int) -> None:
        with context.running_job(job_id):
            self._attempt(job_id)

    def _attempt(self, job_id: int) -> None:
        lease_s = self.settings.job_lease_s
        claim = jobs.claim_job(self.database, job_id, self.worker_id, lease_s)
        if claim is None:
            log.debug("job %s is not claimable (finished, cancelled or held)", job_id)
            return
        log.info("job %s: attempt %d by %s", job_id, claim.attempt, self.worker_id)
        started = time.perf_counter()
        outcome = "done"
        try:
            jobs.run_job(self.database, claim, self.pipeline(), lease_s)
        except jobs.JobInterrupted as stopped:
            outcome = "interrupted"
            log.info("%s", stopped)
        except Exception as error:
            message = jobs.failure_reason(error)
            again = jobs.give_up_or_requeue(self.database, claim, message, self.max_attempts)
            outcome = "retry" if again else "failed"
            log.warning(
                "job %s: attempt %d of %d failed (%s): %s", job_id, claim.attempt,
                self.max_attempts, "will retry" if again else "giving up", message.splitlines()[0],
            )  # fmt: skip
            log.debug("job %s: attempt %d failed", job_id, claim.attempt, exc_info=True)
            if again:
                self.enqueue(job_id, eta=utcnow() + dt.timedelta(seconds=RETRY_DELAY_S))
        finally:
            metrics.observe_job(outcome, time.perf_counter() - started)

    # consumers -----------------------------------------------------------------------------

    def start(self) -> None:
        """Run the worker in threads of this process (the web server's default)."""
        self._consumer = _QuietConsumer(
            self.huey, workers=self.settings.worker_threads, worker_type="thread", periodic=True,
            initial_delay=0.05, max_delay=1.0, shutdown_timeout=5,
        )
        self.recover()
        self._consumer.start()

    def stop(self) -> None:
        if self._consumer is not None:
            self._consumer.stop(graceful=True)
            self._consumer = None
        self.close()

    def run_forever(self) -> None:
        """`transdesk worker`: a consumer in the foreground until SIGINT/SIGTERM."""
        consumer = self.huey.create_consumer(
            workers=self.settings.worker_threads, worker_type="thread", periodic=True,
            initial_delay=0.05, max_delay=1.0,
        )
        self.recover()
        try:
            consumer.run()
        finally:
            self.close()

    def close(self) -> None:
        self.webhooks.close()
        if self._pipeline is not None:
            self._pipeline.close()
            self._pipeline = None
        self.huey.storage.close()
