"""Load on the web desk over loopback: reader page views/s and report submissions/s, p50/p99.

Starts a real `transdesk serve` (uvicorn) on SQLite and, when it is running, PostgreSQL; publishes
the example article; then drives it with keep-alive HTTP/1.1 connections from asyncio. Each backend
runs three phases of the same length and concurrency:

  health     GET /api/health               (baseline: the cheapest route that touches the database)
  page view  GET /articles/{slug}          (the published article, as readers get it)
  report     POST /api/articles/{slug}/reports

and afterwards checks that every report the desk acknowledged (201) is in the database.

    python bench/desk_load.py [--seconds 5] [--connections 8] [--backends sqlite,postgres]

Targets on a 2-core machine, on each backend: >= 500 page views/s and >= 200 reports/s, both with
p99 < 100 ms; each phase's PostgreSQL line is printed under SQLite's.
Rate limits are switched off for the run (TRANSDESK_RATE_LIMITS_ENABLED=false).
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import socket
import subprocess
import sys
import tempfile
import time
import uuid
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import create_engine, func, select, text

ROOT = Path(__file__).resolve().parents[1]
ARTICLE = ROOT / "examples" / "putin-kim-beijing.md"
PHRASEBOOK = ROOT / "tests" / "data" / "seed_phrasebook.json"
POSTGRES_ADMIN = os.environ.get(
    "TRANSDESK_TEST_POSTGRES", "postgresql+psycopg://postgres@127.0.0.1:5432/postgres"
)
SLUG = "putin-kim-beijing"


# -- publishing the article the readers load ---------------------------------------------------


def publish_example(database_url: str) -> list[str]:
    """Store the example article translated from the recorded phrasebook; return sentence ids."""
    from transdesk.desk.articles import receive_article, save_translation
    from transdesk.engines.base import Engine, Hypothesis
    from transdesk.ingest import read_article
    from transdesk.pipeline import Pipeline
    from transdesk.store.db import Database
    from transdesk.store.desk_tables import JobState, TranslationJob

    book = json.loads(PHRASEBOOK.read_text(encoding="utf-8"))["segments"]

    class Recorded(Engine):
        name = "recorded"

        def translate(self, requests, context, progress=None):  # type: ignore[no-untyped-def]
            return [Hypothesis(r.segment_id, book.get(r.text)) for r in requests]

    article = read_article(ARTICLE)
    translated = Pipeline(Recorded()).translate(article)
    database = Database(database_url)
    with database.session() as session:
        row, job = receive_article(session, article)
        save_translation(session, row.id, translated)
        session.get(TranslationJob, job.id).state = JobState.DONE
    database.close()
    return [s.id for s in article.segments()]


def stored_reports(database_url: str) -> int:
    from transdesk.store.db import normalise_url
    from transdesk.store.desk_tables import ReaderReport

    engine = create_engine(normalise_url(database_url))
    with engine.connect() as connection:
        count = connection.execute(select(func.count()).select_from(ReaderReport)).scalar_one()
    engine.dispose()
    return count


# -- the server ------------------------------------------------------------------------------


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def start_server(database_url: str, data_dir: Path, port: int) -> subprocess.Popen:
    env = {
        **os.environ,
        "TRANSDESK_DATA_DIR": str(data_dir),
        "TRANSDESK_DATABASE_URL": database_url,
        "TRANSDESK_RATE_LIMITS_ENABLED": "false",
    }
    command = [sys.executable, "-c", "from transdesk.cli import main; main()",
               "serve", "--port", str(port), "--no-worker"]  # fmt: skip
    server = subprocess.Popen(command, env=env, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.5):
                return server
        except OSError:
            time.sleep(0.1)
    server.kill()
    raise RuntimeError("transdesk serve did not start")


# -- the load generator ----------------------------------------------------------------------


@dataclass
class Phase:
    name: str
    make_request: Callable[[int], bytes]
    latencies: list[float] = field(default_factory=list)
    statuses: Counter = field(default_factory=Counter)
    elapsed: float = 0.0

    @property
    def rate(self) -> float:
        return len(self.latencies) / self.elapsed if self.elapsed else 0.0

    def percentile(self, q: float) -> float:
        ordered = sorted(self.latencies)
        return ordered[min(len(ordered) - 1, int(q * len(ordered)))] * 1000 if ordered else 0.0


def get(path: str) -> Callable[[int], bytes]:
    request = f"GET {path} HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n".encode()
    return lambda _n: request


def post_report(slug: str, segments: Sequence[str]) -> Callable[[int], bytes]:
    kinds = ("mistranslation", "name_or_title", "number_or_date", "grammar_or_style", "other")

    def make(n: int) -> bytes:
        body = json.dumps({
            "segment": segments[n % len(segments)], "kind": kinds[n % len(kinds)],
            "suggestion": f"Suggested wording number {n}", "email": f"reader{n}@example.org",
        }).encode()  # fmt: skip
        head = (
            f"POST /api/articles/{slug}/reports HTTP/1.1\r\nHost: 127.0.0.1\r\n"
            f"Content-Type: application/json\r\nContent-Length: {len(body)}\r\n\r\n"
        )
        return head.encode() + body

    return make


async def read_response(reader: asyncio.StreamReader) -> int:
    head = await reader.readuntil(b"\r\n\r\n")
    lines = head.decode("latin-1").split("\r\n")
    status = int(lines[0].split()[1])
    headers = {k.lower(): v.strip() for k, _, v in (line.partition(":") for line in lines[1:] if line)}
    if "content-length" in headers:
        await reader.readexactly(int(headers["content-length"]))
    elif headers.get("transfer-encoding") == "chunked":
        while True:
            size = int((await reader.readline()).strip(), 16)
            await reader.readexactly(size + 2)
            if size == 0:
                break
    return status


async def drive(port: int, phase: Phase, seconds: float, connections: int) -> None:
    counter = iter(range(10**9))

    async def connection() -> None:
        reader, writer = await asyncio.open_connection("127.0.0.1", port)
        try:
            while time.perf_counter() < deadline:
                request = phase.make_request(next(counter))
                started = time.perf_counter()
                writer.write(request)
                status = await read_response(reader)
                phase.latencies.append(time.perf_counter() - started)
                phase.statuses[status] += 1
        finally:
            writer.close()

    deadline = time.perf_counter() + seconds
    started = time.perf_counter()
    await asyncio.gather(*(connection() for _ in range(connections)))
    phase.elapsed = time.perf_counter() - started


def run_backend(name: str, url: str, seconds: float, connections: int) -> tuple[list[Phase], int]:
    with tempfile.TemporaryDirectory(prefix="desk-bench-") as home:
        if url.startswith("sqlite"):
            url = f"sqlite:///{Path(home) / 'desk.db'}"
        segments = publish_example(url)
        port = free_port()
        server = start_server(url, Path(home), port)
        try:
            asyncio.run(drive(port, Phase("warm-up", get(f"/articles/{SLUG}")), 1.0, connections))
            phases = [
                Phase("health", get("/api/health")),
                Phase("page view", get(f"/articles/{SLUG}")),
                Phase("report", post_report(SLUG, segments)),
            ]
            for phase in phases:
                asyncio.run(drive(port, phase, seconds, connections))
        finally:
            server.terminate()
            server.wait(15)
        return phases, stored_reports(url)


def postgres_database() -> tuple[str, Callable[[], None]] | None:
    name = f"transdesk_bench_{uuid.uuid4().hex[:10]}"
    try:
        admin = create_engine(POSTGRES_ADMIN, isolation_level="AUTOCOMMIT",
                              connect_args={"connect_timeout": 3})  # fmt: skip
        with admin.connect() as connection:
            connection.execute(text(f'CREATE DATABASE "{name}"'))
    except Exception as error:  # noqa: BLE001 - no server: skip the backend, say why
        print(f"postgres: skipped ({type(error).__name__})", file=sys.stderr)
        return None

    def drop() -> None:
        with admin.connect() as connection:
            connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()

    return f"{POSTGRES_ADMIN.rsplit('/', 1)[0]}/{name}", drop


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--seconds", type=float, default=5.0)
    parser.add_argument("--connections", type=int, default=8)
    parser.add_argument("--backends", default="sqlite,postgres")
    options = parser.parse_args()
    results: dict[str, list[Phase]] = {}
    lost_any = False
    for backend in options.backends.split(","):
        cleanup = None
        if backend == "postgres":
            created = postgres_database()
            if created is None:
                continue
            url, cleanup = created
        else:
            url = "sqlite"
        try:
            phases, stored = run_backend(backend, url, options.seconds, options.connections)
        finally:
            if cleanup:
                cleanup()
        results[backend] = phases
        acknowledged = phases[2].statuses[201]
        lost_any |= stored != acknowledged
        print(f"{backend}: {acknowledged} reports acknowledged, {stored} in the database"
              f" ({'none lost' if stored == acknowledged else 'MISMATCH'})")  # fmt: skip
    print()
    print(f"{'phase':<11}{'backend':<9}{'requests':>9}{'req/s':>9}{'p50 ms':>8}{'p99 ms':>8}"
          f"{'errors':>8}{'vs health':>11}")  # fmt: skip
    for index in range(3):  # each phase on every backend, one line under the other
        for backend, phases in results.items():
            phase, baseline = phases[index], phases[0].rate
            errors = sum(n for status, n in phase.statuses.items() if status >= 400)
            print(f"{phase.name:<11}{backend:<9}{len(phase.latencies):>9}{phase.rate:>9.0f}"
                  f"{phase.percentile(0.5):>8.1f}{phase.percentile(0.99):>8.1f}{errors:>8}"
                  f"{phase.rate / baseline:>10.2f}x")  # fmt: skip
    print()
    for backend, phases in results.items():
        missed = _missed_targets(phases)
        print(f"targets ({backend}): " + ("met" if not missed else "MISSED: " + "; ".join(missed)))
    return 1 if lost_any else 0


def _missed_targets(phases: list[Phase]) -> list[str]:
    missed = []
    for phase, target in ((phases[1], 500), (phases[2], 200)):
        if phase.rate < target:
            missed.append(f"{phase.name} {phase.rate:.0f}/s < {target}/s")
        if phase.percentile(0.99) >= 100:
            missed.append(f"{phase.name} p99 {phase.percentile(0.99):.0f} ms >= 100 ms")
    return missed


if __name__ == "__main__":
    sys.exit(main())
