"""`transdesk worker --metrics-port`: a worker in a process of its own serves the series of the
jobs it runs, under the same access rule as the web desk's `/metrics`."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import httpx
import pytest
from fixtures.desk import SEED_ARTICLE, free_port
from prometheus_client.parser import text_string_to_metric_families

from transdesk.desk.articles import receive_article
from transdesk.desk.queue import TranslationQueue
from transdesk.ingest import read_article
from transdesk.store.db import Database

RUN_WORKER = Path(__file__).resolve().parents[1] / "web" / "run_worker.py"


def samples(text: str) -> dict[tuple[str, tuple], float]:
    return {
        (s.name, tuple(sorted(s.labels.items()))): s.value
        for family in text_string_to_metric_families(text)
        for s in family.samples
    }


@pytest.mark.parametrize("database_url", ["sqlite"], indirect=True)
def test_a_worker_serves_the_metrics_of_its_jobs(desk_settings, tmp_path):
    port = free_port()
    env = {
        **os.environ,
        "TRANSDESK_DATA_DIR": str(desk_settings.data_dir),
        "TRANSDESK_CACHE_DIR": str(desk_settings.cache_dir),
        "TRANSDESK_DATABASE_URL": desk_settings.resolved_database_url,
        "TRANSDESK_ENGINE": "desk-phrasebook",
        "TRANSDESK_METRICS_TOKEN": "worker-scrape",
    }
    database = Database(desk_settings.resolved_database_url)
    log = tmp_path / "worker.log"
    with log.open("wb") as output:
        worker = subprocess.Popen(
            [sys.executable, str(RUN_WORKER), "worker", "--metrics-port", str(port)],
            env=env, stdout=output, stderr=subprocess.STDOUT,
        )  # fmt: skip
    url = f"http://127.0.0.1:{port}/metrics"
    token = {"Authorization": "Bearer worker-scrape"}
    try:
        with database.session() as session:
            _, job = receive_article(session, read_article(SEED_ARTICLE))
            job_id, sentences = job.id, job.total
        queue = TranslationQueue(desk_settings, database)
        queue.enqueue(job_id)
        queue.close()
        deadline = time.monotonic() + 90
        while True:
            assert worker.poll() is None, log.read_text()
            assert time.monotonic() < deadline, "the job was not done:\n" + log.read_text()
            try:
                answer = httpx.get(url, headers=token, timeout=5)
            except httpx.HTTPError:
                answer = None
            if answer is not None and answer.status_code == 200:
                found = samples(answer.text)
                if found.get(("transdesk_jobs", (("state", "done"),))) == 1:
                    break
            time.sleep(0.2)
        engine = (("engine", "desk-phrasebook"),)
        assert found[("transdesk_engine_sentence_seconds_count", engine)] == sentences
        assert found[("transdesk_job_seconds_count", (("outcome", "done"),))] == 1
        origin = sum(v for (n, ls), v in found.items()
                     if n == "transdesk_segments_total" and ("origin", "engine") in ls)  # fmt: skip
        assert origin == sentences
        assert httpx.get(url, timeout=5).status_code == 401
        elsewhere = httpx.get(f"http://127.0.0.1:{port}/other", headers=token, timeout=5)
        assert elsewhere.status_code == 404
    finally:
        worker.terminate()
        worker.wait(timeout=30)
        database.close()
