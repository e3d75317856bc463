"""`transdesk batch --workers 2` on the queues that workers on other hosts share: Redis, and
PostgreSQL (with the desk's database on PostgreSQL too). Every article once, in input order."""

from __future__ import annotations

import socket
import uuid

import pytest

from tests.batch.conftest import read_output, summary, write_archive


def _redis_available() -> bool:
    try:
        with socket.create_connection(("127.0.0.1", 6379), timeout=0.5):
            return True
    except OSError:
        return False


@pytest.fixture
def redis_queue_url():  # type: ignore[no-untyped-def]
    if not _redis_available():
        pytest.skip("Redis is not running on 127.0.0.1:6379")
    import redis

    client = redis.Redis(host="127.0.0.1", port=6379, db=0)
    prefix = f"transdesk-test-{uuid.uuid4().hex[:8]}"
    yield "redis://127.0.0.1:6379/0", client, prefix
    client.close()


def _run(batch_env, tmp_path, monkeypatch, queue_url: str, database_url: str | None):  # type: ignore[no-untyped-def]
    monkeypatch.setenv("TRANSDESK_QUEUE_URL", queue_url)
    if database_url:
        monkeypatch.setenv("TRANSDESK_DATABASE_URL", database_url)
    archive = write_archive(tmp_path / "in.jsonl", 24, distinct=8)
    out = tmp_path / "out.jsonl"
    first = batch_env("batch", archive, "-o", out, "--no-checks", "--workers", "2")
    assert first.code == 0, first.stderr
    lines = read_output(out)
    assert [r["line"] for r in lines] == list(range(1, 25))
    assert len({r["slug"] for r in lines}) == 24
    assert summary(first.stderr)["articles translated"] == 24
    again = batch_env("batch", archive, "-o", out, "--no-checks", "--workers", "2")
    assert again.code == 0 and summary(again.stderr)["skipped (already done)"] == 24


def test_on_redis(batch_env, tmp_path, monkeypatch, redis_queue_url):
    url, client, _ = redis_queue_url
    _run(batch_env, tmp_path, monkeypatch, url, None)
    leftovers = [k for k in client.scan_iter("transdesk-batch:*")]
    assert leftovers == []


@pytest.mark.postgres
def test_on_postgresql(batch_env, tmp_path, monkeypatch, postgres_url):
    queue_url = postgres_url.replace("postgresql+psycopg://", "postgresql://")
    _run(batch_env, tmp_path, monkeypatch, queue_url, postgres_url)
