"""Reader reports under `kill -9`: does the desk keep every report it acknowledged, once?

Starts a real `transdesk serve` (no worker) on a fresh SQLite file (or `--database-url`, e.g. a
PostgreSQL database) with the example article published, and floods it with reports from several
reader threads, half through the reader's form (`POST /articles/{slug}/feedback`: acknowledged by
its 303 to the thanks page) and half through the API (`POST /api/articles/{slug}/reports`:
acknowledged by 201). Each report carries a unique marker in its suggestion.

  baseline  the flood until `--reports` are acknowledged, then the readers stop and the desk is
            stopped gracefully (SIGTERM)
  kill 1..N the same flood, with the desk killed (SIGKILL) once `--reports` are acknowledged, while
            requests are in flight; the next run restarts it on the same database

Afterwards (the desk started once more on the same database, to show it comes back) the reports
table is counted by marker: per run, reports sent, acknowledged, stored, lost (acknowledged but not
stored), duplicated (stored more than once), and stored without an acknowledgement (the desk
committed it, the reader never heard back: allowed).

    python bench/report_flood.py [--kills 3] [--senders 6] [--reports 150] [--database-url URL]
"""

from __future__ import annotations

import argparse
import signal
import sys
import tempfile
import threading
import time
import uuid
from dataclasses import dataclass, field
from pathlib import Path

import httpx
from sqlalchemy import create_engine, func, select

sys.path.insert(0, str(Path(__file__).resolve().parent))
from desk_load import SLUG, free_port, publish_example, start_server  # noqa: E402


@dataclass
class Run:
    """One flood: what the readers sent and what the desk acknowledged, by marker."""

    name: str
    sent: set[str] = field(default_factory=set)
    acknowledged: set[str] = field(default_factory=set)
    refused: int = 0  # answers other than the acknowledgement (none are expected)
    lock: threading.Lock = field(default_factory=threading.Lock)
    stop: threading.Event = field(default_factory=threading.Event)
    seconds: float = 0.0


def reader(base: str, segment: str, number: int, run: Run) -> None:
    """One reader thread: reports until the desk stops answering or the run is called off."""
    with httpx.Client(base_url=base, timeout=10) as client:
        n = 0
        while not run.stop.is_set():
            marker = f"flood-{run.name}-{number}-{n}-{uuid.uuid4().hex[:12]}"
            form = n % 2 == 0
            n += 1
            fields = {"segment": segment, "kind": "other", "suggestion": marker}
            with run.lock:
                run.sent.add(marker)
            try:
                if form:
                    answer = client.post(
                        f"/articles/{SLUG}/feedback", data=fields, follow_redirects=False
                    )
                    ok = answer.status_code == 303 and "/thanks" in answer.headers["location"]
                else:
                    answer = client.post(f"/api/articles/{SLUG}/reports", json=fields)
                    ok = answer.status_code == 201
            except httpx.TransportError:
                return  # the desk is gone: this report was never acknowledged
            with run.lock:
                if ok:
                    run.acknowledged.add(marker)
                else:
                    run.refused += 1


def flood(base: str, segment: str, run: Run, senders: int, reports: int) -> list[threading.Thread]:
    """Start the readers and return once `reports` are acknowledged (or after 60 s)."""
    threads = [
        threading.Thread(target=reader, args=(base, segment, i, run), daemon=True)
        for i in range(senders)
    ]
    started = time.monotonic()
    for thread in threads:
        thread.start()
    while len(run.acknowledged) < reports and time.monotonic() - started < 60:
        time.sleep(0.005)
    run.seconds = time.monotonic() - started
    return threads


def wait_until_healthy(base: str, timeout_s: float = 60) -> None:
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        try:
            if httpx.get(f"{base}/api/health", timeout=2).status_code == 200:
                return
        except httpx.TransportError:
            pass
        time.sleep(0.1)
    raise RuntimeError("the desk did not answer /api/health")


def stored_markers(database_url: str) -> dict[str, int]:
    """Every stored flood marker and how many report rows carry it."""
    from transdesk.store.db import normalise_url
    from transdesk.store.desk_tables import ReaderReport

    engine = create_engine(normalise_url(database_url))
    with engine.connect() as connection:
        rows = connection.execute(
            select(ReaderReport.suggestion, func.count(ReaderReport.id))
            .where(ReaderReport.suggestion.like("flood-%"))
            .group_by(ReaderReport.suggestion)
        ).all()
    engine.dispose()
    return {marker: n for marker, n in rows}


def a_sentence(database_url: str) -> str:
    """A sentence of the published article that has English (reports need one)."""
    from transdesk.store.db import normalise_url
    from transdesk.store.desk_tables import ArticleSegment

    engine = create_engine(normalise_url(database_url))
    with engine.connect() as connection:
        segment = connection.execute(
            select(ArticleSegment.segment_id)
            .where(ArticleSegment.english.is_not(None))
            .order_by(ArticleSegment.position)
        ).scalar()
    engine.dispose()
    if segment is None:
        raise RuntimeError("the example article has no English sentence to report")
    return segment


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--kills", type=int, default=3)
    parser.add_argument("--senders", type=int, default=6)
    parser.add_argument("--reports", type=int, default=150, help="acknowledged before each kill")
    parser.add_argument("--database-url", help="default: a fresh SQLite file")
    args = parser.parse_args()

    with tempfile.TemporaryDirectory(prefix="report-flood-") as home:
        data_dir = Path(home) / "desk"
        url = args.database_url or f"sqlite:///{data_dir / 'transdesk.db'}"
        data_dir.mkdir()
        publish_example(url)
        segment = a_sentence(url)
        port = free_port()
        base = f"http://127.0.0.1:{port}"
        runs = []
        for name in ["baseline", *(f"kill-{i + 1}" for i in range(args.kills))]:
            run = Run(name)
            server = start_server(url, data_dir, port)
            try:
                wait_until_healthy(base)
                threads = flood(base, segment, run, args.senders, args.reports)
                if name == "baseline":
                    run.stop.set()
                    for thread in threads:
                        thread.join(15)
                    server.send_signal(signal.SIGTERM)
                else:
                    server.send_signal(signal.SIGKILL)  # requests are in flight
                    for thread in threads:
                        thread.join(15)
                    run.stop.set()
                server.wait(30)
            finally:
                server.kill()
                server.wait(10)
            runs.append(run)
        restarted = start_server(url, data_dir, port)  # comes back after the last kill
        try:
            wait_until_healthy(base)
        finally:
            restarted.send_signal(signal.SIGTERM)
            restarted.wait(30)
        stored = stored_markers(url)

    backend = url.split(":", 1)[0].split("+")[0]
    print(f"report flood on {backend}: {args.senders} readers (form and JSON alternating), "
          f"kill after {args.reports} acknowledged")  # fmt: skip
    head = ("run", "sent", "acknowledged", "stored", "lost", "duplicated", "stored, no ack",
            "refused", "flood s")  # fmt: skip
    print("| " + " | ".join(head) + " |")
    print("|" + "---|" * len(head))
    for run in runs:
        mine = {m: n for m, n in stored.items() if m in run.sent}
        lost = len(run.acknowledged - mine.keys())
        duplicated = sum(1 for n in mine.values() if n > 1)
        unacknowledged = len(mine.keys() - run.acknowledged)
        row = (run.name, len(run.sent), len(run.acknowledged), sum(mine.values()), lost,
               duplicated, unacknowledged, run.refused, f"{run.seconds:.1f}")  # fmt: skip
        print("| " + " | ".join(str(v) for v in row) + " |")
    strays = set(stored) - set().union(*(r.sent for r in runs))
    if strays:
        print(f"{len(strays)} stored markers were never sent")


if __name__ == "__main__":
    main()
