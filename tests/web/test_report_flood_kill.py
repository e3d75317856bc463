"""A report the desk acknowledged is never lost, nor stored twice, when the desk is killed.

`transdesk serve` runs as a child process on its own data directory and database (SQLite, then
PostgreSQL) with the seed article published. Reader threads flood it with reports, half through
the reader's form (`POST /articles/{slug}/feedback`, acknowledged by its 303 to the thanks page)
and half through the API (`POST /api/articles/{slug}/reports`, acknowledged by 201); each report
carries a unique marker in its suggestion. The desk is killed with SIGKILL mid-flood and started
again on the same database: every acknowledged marker must be stored exactly once, and no marker
(acknowledged or not) more than once.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import threading
import time
import uuid
from dataclasses import dataclass, field
from pathlib import Path

import httpx
from fixtures.desk import free_port
from sqlalchemy import func, select

from transdesk.store.desk_tables import ArticleSegment, DeskArticle, ReaderReport

SENDERS = 6
FLOOD_BEFORE_KILL = 120  # acknowledged reports before the kill, so it lands mid-flood
START_TIMEOUT_S = 30


@dataclass
class Flood:
    """What the readers sent and what the desk acknowledged, by marker."""

    sent: list[str] = field(default_factory=list)
    acknowledged: list[str] = field(default_factory=list)
    failures: list[str] = field(default_factory=list)  # unexpected answers (not a dropped link)
    lock: threading.Lock = field(default_factory=threading.Lock)
    stop: threading.Event = field(default_factory=threading.Event)


def _serve(tmp_path: Path, database_url: str, port: int) -> subprocess.Popen:
    """`transdesk serve` as a child process, with its output in `serve.log`."""
    env = {
        **os.environ,
        "TRANSDESK_DATA_DIR": str(tmp_path / "serve-data"),
        "TRANSDESK_CACHE_DIR": str(tmp_path / "serve-cache"),
        "TRANSDESK_DATABASE_URL": database_url,
        "TRANSDESK_PUBLIC_URL": f"http://127.0.0.1:{port}",
        "TRANSDESK_RATE_LIMITS_ENABLED": "false",
    }
    command = [str(Path(sys.executable).with_name("transdesk")), "serve", "--no-worker"]
    with (tmp_path / "serve.log").open("ab") as output:
        return subprocess.Popen(command, env=env, stdout=output, stderr=subprocess.STDOUT)


def _wait_until_up(server: subprocess.Popen, base: str, tmp_path: Path) -> None:
    deadline = time.monotonic() + START_TIMEOUT_S
    while time.monotonic() < deadline:
        assert server.poll() is None, (tmp_path / "serve.log").read_text(errors="replace")
        try:
            if httpx.get(f"{base}/api/health", timeout=2).status_code == 200:
                return
        except httpx.TransportError:
            pass
        time.sleep(0.1)
    raise AssertionError("the desk did not start:\n" + (tmp_path / "serve.log").read_text())


def _sender(base: str, slug: str, segment: str, number: int, flood: Flood) -> None:
    """One reader: reports until the desk stops answering or the flood is called off."""
    with httpx.Client(base_url=base, timeout=10) as client:
        n = 0
        while not flood.stop.is_set():
            marker = f"flood-{number}-{n}-{uuid.uuid4().hex}"
            use_form = n % 2 == 0
            n += 1
            with flood.lock:
                flood.sent.append(marker)
            try:
                if use_form:
                    answer = client.post(
                        f"/articles/{slug}/feedback", follow_redirects=False,
                        data={"segment": segment, "kind": "other", "suggestion": marker},
                    )  # fmt: skip
                    ok = answer.status_code == 303 and "/thanks" in answer.headers["location"]
                else:
                    body = {"segment": segment, "kind": "other", "suggestion": marker}
                    answer = client.post(f"/api/articles/{slug}/reports", json=body)
                    ok = answer.status_code == 201
            except httpx.TransportError:
                return  # the desk is gone: this report's fate is unknown, never acknowledged
            with flood.lock:
                (flood.acknowledged if ok else flood.failures).append(
                    marker if ok else f"{answer.status_code} {answer.text[:200]}"
                )


def _stored(database) -> dict[str, int]:  # type: ignore[no-untyped-def]
    """Every stored flood marker and how many rows carry it."""
    with database.session() as session:
        rows = session.execute(
            select(ReaderReport.suggestion, func.count(ReaderReport.id))
            .where(ReaderReport.suggestion.like("flood-%"))
            .group_by(ReaderReport.suggestion)
        ).all()
    return {marker: n for marker, n in rows}


def _a_sentence(database, slug: str) -> str:  # type: ignore[no-untyped-def]
    with database.session() as session:
        return session.scalar(
            select(ArticleSegment.segment_id)
            .join(DeskArticle, DeskArticle.id == ArticleSegment.article_id)
            .where(DeskArticle.slug == slug, ArticleSegment.english.is_not(None))
            .order_by(ArticleSegment.position)
        )


def test_acknowledged_reports_survive_a_kill_exactly_once(database, published, tmp_path):
    slug, segment = published, _a_sentence(database, published)
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    flood = Flood()
    server = _serve(tmp_path, database.url, port)
    try:
        _wait_until_up(server, base, tmp_path)
        senders = [
            threading.Thread(target=_sender, args=(base, slug, segment, i, flood), daemon=True)
            for i in range(SENDERS)
        ]
        for sender in senders:
            sender.start()
        deadline = time.monotonic() + 20
        while len(flood.acknowledged) < FLOOD_BEFORE_KILL and time.monotonic() < deadline:
            time.sleep(0.01)
        server.send_signal(signal.SIGKILL)  # mid-flood: requests are in flight
        server.wait(10)
        for sender in senders:
            sender.join(15)
        flood.stop.set()
        assert not any(s.is_alive() for s in senders), "a reader hung after the kill"
    finally:
        server.kill()
        server.wait(10)

    acknowledged = set(flood.acknowledged)
    assert not flood.failures, flood.failures[:5]
    assert len(acknowledged) >= FLOOD_BEFORE_KILL, "the flood did not get going before the kill"
    assert len(flood.sent) > len(acknowledged), "the kill landed after the flood, not during it"

    restarted = _serve(tmp_path, database.url, port)  # the same database, a fresh process
    try:
        _wait_until_up(restarted, base, tmp_path)
        after = httpx.post(
            f"{base}/api/articles/{slug}/reports", timeout=10,
            json={"segment": segment, "kind": "other", "suggestion": "flood-after-restart"},
        )  # fmt: skip
        assert after.status_code == 201, after.text
    finally:
        restarted.send_signal(signal.SIGTERM)
        restarted.wait(15)

    stored = _stored(database)
    lost = sorted(acknowledged - stored.keys())
    duplicated = {marker: n for marker, n in stored.items() if n > 1}
    assert not lost, f"{len(lost)} acknowledged reports were lost, e.g. {lost[:3]}"
    assert not duplicated, f"reports stored more than once: {list(duplicated.items())[:3]}"
    assert stored.keys() <= set(flood.sent) | {"flood-after-restart"}
    assert stored.get("flood-after-restart") == 1
