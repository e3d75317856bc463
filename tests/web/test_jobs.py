"""Translation jobs: one worker per job, a killed worker loses nothing, a cancel stops the job."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
from fixtures.desk import SEED_ARTICLE, submit, wait_for_job, wire
from fixtures.engines import PhrasebookEngine, seed_phrasebook
from sqlalchemy import select

from transdesk.assembly import build_pipeline
from transdesk.desk import jobs
from transdesk.desk.articles import receive_article
from transdesk.desk.queue import TranslationQueue
from transdesk.engines.ct2_options import Ct2Options
from transdesk.ingest import read_article
from transdesk.store.db import Database
from transdesk.store.desk_tables import ArticleSegment, DeskArticle, TranslationJob

RUN_WORKER = Path(__file__).with_name("run_worker.py")


@pytest.fixture
def database(desk_settings):
    database = Database(desk_settings.resolved_database_url)
    yield database
    database.close()


def _receive(database: Database, slug: str = "putin-kim-beijing") -> int:
    article = read_article(SEED_ARTICLE)
    with database.session() as session:
        _, job = receive_article(session, article)
        return job.id


def _job(database: Database, job_id: int) -> TranslationJob:
    with database.session() as session:
        job = session.get(TranslationJob, job_id)
        assert job is not None
        return job


def _wait(predicate, timeout_s: float, what: str) -> None:  # type: ignore[no-untyped-def]
    deadline = time.monotonic() + timeout_s
    while not predicate():
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out waiting for {what}")
        time.sleep(0.1)


def test_only_one_of_many_workers_claims_a_job(database):
    job_id = _receive(database)
    claims: list[jobs.Claim | None] = []
    barrier = threading.Barrier(6)

    def claim(worker: str) -> None:
        barrier.wait()
        claims.append(jobs.claim_job(database, job_id, worker, lease_s=30))

    threads = [threading.Thread(target=claim, args=(f"w{i}",)) for i in range(6)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert len([c for c in claims if c is not None]) == 1
    assert _job(database, job_id).attempts == 1


def test_a_worker_whose_lease_ran_out_cannot_write_its_result(database, seed_engine):
    from transdesk.pipeline import Pipeline

    job_id = _receive(database)
    slow = jobs.claim_job(database, job_id, "slow", lease_s=0.01)
    time.sleep(0.05)
    fresh = jobs.claim_job(database, job_id, "fresh", lease_s=30)
    assert slow and fresh and fresh.attempt == 2
    translated = Pipeline(seed_engine).translate(read_article(SEED_ARTICLE))
    with pytest.raises(jobs.JobInterrupted):
        jobs.finish_job(database, slow, translated)
    assert _job(database, job_id).state == "running"  # still the fresh worker's
    jobs.finish_job(database, fresh, translated)
    assert _job(database, job_id).state == "done"


def _worker_env(desk_settings, log: Path) -> dict[str, str]:
    return {
        **os.environ,
        "TRANSDESK_DATA_DIR": str(desk_settings.data_dir),
        "TRANSDESK_CACHE_DIR": str(desk_settings.cache_dir),
        "TRANSDESK_DATABASE_URL": desk_settings.resolved_database_url,
        "TRANSDESK_ENGINE": "desk-slow",
        "TRANSDESK_JOB_LEASE_S": "1.5",
        "TRANSDESK_TEST_ENGINE_DELAY": "0.3",
        "TRANSDESK_TEST_ENGINE_LOG": str(log),
    }


def _start_worker(env: dict[str, str], log: Path) -> subprocess.Popen:
    with log.open("ab") as output:  # the worker's own log, to read when a test fails
        return subprocess.Popen(
            [sys.executable, str(RUN_WORKER), "-v", "worker"], env=env,
            stdout=output, stderr=subprocess.STDOUT,
        )  # fmt: skip


def test_a_worker_killed_mid_job_loses_nothing(database, desk_settings, tmp_path):
    log = tmp_path / "engine.log"
    env = _worker_env(desk_settings, log)
    job_id = _receive(database)
    TranslationQueue(desk_settings, database).enqueue(job_id)  # as `transdesk submit --local`
    first = _start_worker(env, tmp_path / "worker.log")
    try:
        _wait(lambda: _job(database, job_id).done >= 3, 60, "the first worker to get going")
        first.send_signal(signal.SIGKILL)
        first.wait(10)
    finally:
        first.kill()
    interrupted = _job(database, job_id)
    assert (interrupted.state, interrupted.attempts) == ("running", 1)
    assert interrupted.done < interrupted.total

    second = _start_worker(env, tmp_path / "worker.log")
    try:
        _wait(lambda: _job(database, job_id).state == "done", 60, "the job to finish after restart")
    finally:
        second.terminate()
        second.wait(15)
    finished = _job(database, job_id)
    assert (finished.attempts, finished.done) == (2, finished.total)
    with database.session() as session:
        article = session.scalar(select(DeskArticle))
        rows = session.scalars(select(ArticleSegment).order_by(ArticleSegment.position)).all()
        # written once; whether the gate publishes it or holds it for review is the checks' call
        assert (article.state, article.revision) in {("published", 1), ("review", 1)}
    assert len(rows) == finished.total
    # the same English a single uninterrupted run of the desk's pipeline gives, sentence by sentence
    with build_pipeline(desk_settings, engine=PhrasebookEngine(seed_phrasebook())) as pipeline:
        expected = {
            s.segment.text: s.text for s in pipeline.translate(read_article(SEED_ARTICLE)).segments
        }
    assert [row.english for row in rows] == [expected[row.source_text] for row in rows]
    pids = [line.split()[0] for line in log.read_text().splitlines()]
    assert pids.count(str(first.pid)) >= 3
    assert pids.count(str(second.pid)) == finished.total  # the whole article, once, after restart


def test_cancel_stops_a_running_job_between_batches(make_desk_client, tmp_path, monkeypatch):
    log = tmp_path / "engine.log"
    monkeypatch.setenv("TRANSDESK_TEST_ENGINE_LOG", str(log))
    monkeypatch.setenv("TRANSDESK_TEST_ENGINE_DELAY", "0.2")
    client = make_desk_client(engine="desk-slow")
    text = SEED_ARTICLE.read_text(encoding="utf-8")
    slug = submit(client, {"text": text, "format": "md"}).json()["slug"]
    status = f"/api/articles/{slug}/status"
    _wait(lambda: client.get(status, headers=wire(client)).json()["done"] >= 2, 30, "progress")
    cancelled = client.post(f"/api/articles/{slug}/cancel", headers=wire(client))
    assert cancelled.json()["state"] == "cancelled"
    time.sleep(1.0)
    job = client.get(status, headers=wire(client)).json()
    translated = len(log.read_text().splitlines())
    assert job["state"] == "cancelled" and translated < job["total"]
    time.sleep(0.6)
    assert len(log.read_text().splitlines()) == translated  # stopped, not finishing quietly
    assert client.get(f"/articles/{slug}").status_code == 404


def test_jobs_left_queued_while_the_desk_was_down_run_at_start_up(make_desk_client, database):
    job_id = _receive(database)  # stored, never enqueued: as if the process died right after
    client = make_desk_client()
    assert wait_for_job(client, "putin-kim-beijing")["state"] == "done"
    assert _job(database, job_id).attempts == 1


@pytest.mark.parametrize("database_url", ["sqlite"], indirect=True)
def test_the_desk_translates_with_a_real_ct2_model(make_desk_client, tiny_ct2_settings):
    client = make_desk_client(
        pipeline_factory=jobs.obtain_pipeline,
        engine="ct2",
        cache_dir=tiny_ct2_settings.cache_dir,
        ct2=Ct2Options(beam_size=1, batch_size=4, threads=1),
    )
    text = SEED_ARTICLE.read_text(encoding="utf-8")
    slug = submit(client, {"text": text, "format": "md"}).json()["slug"]
    job = wait_for_job(client, slug, timeout_s=120)
    assert job["state"] == "done", job
    article = client.get(f"/api/articles/{slug}", headers=wire(client)).json()
    assert article["signature"]["engine"] == "ct2"
    assert sum(1 for s in article["segments"] if s["english"]) == len(article["segments"])
