"""`transdesk batch --workers 2` on the default SQLite queue: the same lines as one process, in
input order; the shared sentence cache keeps the engine's work near one per distinct sentence;
the queue's storage is left clean."""

from __future__ import annotations

import sqlite3

from tests.batch.conftest import read_output, summary, write_archive


def without_scores(record: dict) -> list[tuple[str, str]]:
    return [(s["source"], s["status"]) for b in record["blocks"] for s in b["segments"]]


def test_two_workers_write_what_one_process_writes(batch_env, tmp_path):
    archive = write_archive(tmp_path / "in.jsonl", 40, distinct=10, bad_lines=(7,))
    here, fanned = tmp_path / "here.jsonl", tmp_path / "fanned.jsonl"

    one = batch_env("batch", archive, "-o", here, "--no-checks")
    two = batch_env("batch", archive, "-o", fanned, "--no-checks", "--workers", "2")

    assert one.code == two.code == 2, two.stderr  # the bad line, in both
    a, b = read_output(here), read_output(fanned)
    assert [r["line"] for r in b] == [r["line"] for r in a] == list(range(1, 41))
    assert b[7]["error"]["code"] == "invalid_article"
    assert [without_scores(r) for r in b if "blocks" in r] == [
        without_scores(r) for r in a if "blocks" in r
    ]
    counts = summary(two.stderr)
    assert (counts["articles translated"], counts["failed"]) == (39, 1)
    distinct = {s for r in a if "blocks" in r for s, _ in without_scores(r)}
    # each distinct sentence once, but for the few two workers met at the same moment
    assert len(distinct) <= counts["from the engine"] <= len(distinct) + 6
    assert counts["from the engine"] + counts["from the batch cache"] == counts["sentences"]

    queue = sqlite3.connect(tmp_path / "data" / "queue.db")
    left = queue.execute("select count(*) from kv where key like 'transdesk-batch:%'").fetchone()
    assert left == (0,)  # heartbeats, claims, results and shared sentences all cleared

    again = batch_env("batch", archive, "-o", fanned, "--workers", "2")
    assert again.code == 0 and summary(again.stderr)["skipped (already done)"] == 40


def test_remote_only_leaves_the_articles_to_workers_started_elsewhere(batch_env, tmp_path):
    """`--remote-only` starts no worker: a worker process started on its own (as `transdesk
    worker` on another machine would be) takes the articles from the shared queue."""
    import os
    import subprocess
    import sys

    archive = write_archive(tmp_path / "in.jsonl", 12, distinct=6)
    out = tmp_path / "out.jsonl"
    worker = subprocess.Popen(
        [sys.executable, "-c",
         "import logging, os; from transdesk.settings import Settings; "
         "from transdesk.batch.workers import worker_main; "
         "worker_main(Settings(), os.getppid(), logging.WARNING)"],
        env=dict(os.environ), stderr=subprocess.PIPE, text=True,
    )  # fmt: skip
    try:
        result = batch_env("batch", archive, "-o", out, "--no-checks", "--remote-only")
    finally:
        worker.terminate()
        worker.wait(timeout=30)
    assert result.code == 0, result.stderr
    assert [r["line"] for r in read_output(out)] == list(range(1, 13))
    assert summary(result.stderr)["articles translated"] == 12
