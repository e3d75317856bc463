"""Translation-memory lookup time as the memory grows: 10^4, 10^5 and 10^6 segments.

    python bench/memory_lookup.py [--corpus FILE.ko] [--sizes 10000,100000,1000000]
                                  [--queries 200] [--postgres URL | --no-postgres]

Segments are synthetic: each joins the first words of one corpus sentence to the last words of
another (default corpus: the shared dev set, falling back to the 50-line sample shipped in
examples/corpus). Queries are stored segments with one word changed, so every lookup is a fuzzy
lookup (the exact lookup runs first and misses). Each lookup is `TranslationMemory.lookup`, what
an editor or the pipeline asks: exact match by hash, candidates from the trigram index, rapidfuzz
rescoring. Recall: share of queries whose own source segment came back at or above 0.75.

Baseline, in the same run: rapidfuzz's `process.extract` scanning every stored segment (C++,
no index) for the same queries.

Every size runs on SQLite and then, unless `--no-postgres` or above `--postgres-max`, on a fresh
PostgreSQL database with the same segments and queries; the two lines are printed one under the
other. "build s" is the import (`add_many` in batches of 20,000, one transaction), "rows/s" its
rate. Targets on each backend at 10^6 segments: lookup p95 under 20 ms; the import under 60 s on
SQLite and under 120 s on PostgreSQL (smaller sizes are held to the same rate, pro rata).
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import sys
import tempfile
import time
import uuid
from pathlib import Path

from rapidfuzz import fuzz, process

from transdesk.memory import MemoryPair, Origin, TranslationMemory, normalise
from transdesk.store.db import Database

ROOT = Path(__file__).resolve().parents[1]
SHARED = Path("/work/shared/data/ko-en-news/korean-english-park.dev.ko")
SAMPLE = ROOT / "examples" / "corpus" / "ko-en-news.dev50.ko"
TARGET_P95_MS = 20.0
FULL_SIZE = 1_000_000
BUILD_TARGET_S = {"sqlite": 60.0, "postgres": 120.0}  # importing 10^6 segments


def corpus_words(path: Path | None) -> list[list[str]]:
    path = path or (SHARED if SHARED.exists() else SAMPLE)
    lines = [line.split() for line in path.read_text(encoding="utf-8").splitlines()]
    return [words for words in lines if len(words) >= 4]


def synthetic(sentences: list[list[str]], count: int, seed: int = 1) -> list[str]:
    rng = random.Random(seed)
    made: dict[str, None] = {}
    while len(made) < count:
        a, b = rng.choice(sentences), rng.choice(sentences)
        head, tail = rng.randint(2, len(a) - 1), rng.randint(2, len(b) - 1)
        made.setdefault(" ".join(a[:head] + b[-tail:]), None)
    return list(made)


def perturbed(sources: list[str], count: int, seed: int = 7) -> list[tuple[str, str]]:
    rng = random.Random(seed)
    queries = []
    for source in rng.sample(sources, count):
        words = source.split()
        i = rng.randrange(len(words))
        words[i] = words[i][::-1] + "다"
        queries.append((" ".join(words), source))
    return queries


def percentile(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(p * (len(ordered) - 1)))]


def build(url: str, sources: list[str]) -> tuple[TranslationMemory, float]:
    """The import, timed; its CPU time in this process and the machine's load go to stderr (on a
    shared machine the wall time alone says little; PostgreSQL's own CPU is not in it)."""
    memory = TranslationMemory(Database(url))
    started, cpu = time.perf_counter(), time.process_time()
    pairs = (MemoryPair(s, f"English sentence {i}.", "bench", Origin.IMPORT)
             for i, s in enumerate(sources))
    memory.add_many(pairs, batch_size=20_000)
    wall = time.perf_counter() - started
    print(f"({url.split(':', 1)[0]} import of {len(sources):,}: {wall:.1f} s, "
          f"{time.process_time() - cpu:.1f} s CPU in this process, "
          f"load {os.getloadavg()[0]:.1f})", file=sys.stderr)  # fmt: skip
    return memory, wall


def time_lookups(memory: TranslationMemory, queries: list[tuple[str, str]]) -> dict[str, float]:
    memory.lookup(queries[0][0])  # warm the connection pool
    times, found = [], 0
    for query, source in queries:
        started = time.perf_counter()
        matches = memory.lookup(query)
        times.append((time.perf_counter() - started) * 1000)
        found += any(m.source == source for m in matches)
    return {"p50": statistics.median(times), "p95": percentile(times, 0.95),
            "recall": found / len(queries)}


def time_scan(sources: list[str], queries: list[tuple[str, str]]) -> dict[str, float]:
    norms = [normalise(s) for s in sources]
    times, found = [], 0
    for query, source in queries:
        started = time.perf_counter()
        hits = process.extract(normalise(query), norms, scorer=fuzz.ratio, score_cutoff=75, limit=5)
        times.append((time.perf_counter() - started) * 1000)
        found += any(norms[i] == normalise(source) for _, _, i in hits)
    return {"p50": statistics.median(times), "p95": percentile(times, 0.95),
            "recall": found / len(queries)}


def postgres_url(admin: str) -> tuple[str, callable] | None:
    from sqlalchemy import create_engine, text

    try:
        engine = create_engine(admin, isolation_level="AUTOCOMMIT",
                               connect_args={"connect_timeout": 3})
        name = f"transdesk_bench_{uuid.uuid4().hex[:10]}"
        with engine.connect() as connection:
            connection.execute(text(f'CREATE DATABASE "{name}"'))
    except Exception as error:  # noqa: BLE001 - PostgreSQL is optional here
        print(f"(PostgreSQL skipped: {type(error).__name__})", file=sys.stderr)
        return None

    def drop() -> None:
        with engine.connect() as connection:
            connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        engine.dispose()

    return f"{admin.rsplit('/', 1)[0]}/{name}", drop


def run(args: argparse.Namespace) -> int:
    sentences = corpus_words(args.corpus)
    sizes = sorted(int(s) for s in args.sizes.split(","))
    everything = synthetic(sentences, sizes[-1])
    rows: list[tuple] = []
    print(HEADER)
    with tempfile.TemporaryDirectory() as workdir:
        for size in sizes:
            sources = everything[:size]
            queries = perturbed(sources, args.queries)
            url = f"sqlite:///{Path(workdir) / f'memory-{size}.db'}"
            memory, build_s = build(url, sources)
            rows.append(("sqlite", size, build_s, time_lookups(memory, queries),
                         time_scan(sources, queries[: args.scan_queries])))  # fmt: skip
            memory.database.close()
            print_row(rows[-1], rows)
            if not args.postgres or size > args.postgres_max:
                continue
            made = postgres_url(args.postgres)
            if made is None:
                args.postgres = None
                continue
            url, drop = made
            try:
                memory, build_s = build(url, sources)
                rows.append(("postgres", size, build_s, time_lookups(memory, queries), None))
                memory.database.close()
                print_row(rows[-1], rows)
            finally:
                drop()
    return summary(rows)


HEADER = (f"{'backend':<9}{'segments':>10}{'build s':>9}{'rows/s':>9}{'p50 ms':>9}{'p95 ms':>9}"
          f"{'recall':>8}{'p50 x':>7}{'scan p50':>10}{'scan/idx':>10}")  # fmt: skip


def print_row(row, previous) -> None:
    backend, size, build_s, indexed, scan = row
    same = [r for r in previous[:-1] if r[0] == backend]
    growth = indexed["p50"] / same[-1][3]["p50"] if same else 1.0
    scan_text = f"{scan['p50']:>10.1f}{scan['p50'] / indexed['p50']:>9.0f}x" if scan else ""
    print(f"{backend:<9}{size:>10,}{build_s:>9.1f}{size / build_s:>9,.0f}{indexed['p50']:>9.2f}"
          f"{indexed['p95']:>9.2f}{indexed['recall']:>8.0%}{growth:>6.1f}x{scan_text}", flush=True)


def summary(rows) -> int:
    """Each backend's figures at its largest size against the targets; 1 if one at 10^6 misses."""
    first = rows[0]
    print(f"\nindexed lookup vs full rapidfuzz scan at {first[1]:,} segments: "
          f"{first[4]['p50'] / first[3]['p50']:.1f}x faster (p50)")  # fmt: skip
    missed_at_full_size = False
    for backend in dict.fromkeys(r[0] for r in rows):
        _, size, build_s, indexed, _ = [r for r in rows if r[0] == backend][-1]
        build_target = BUILD_TARGET_S[backend] * size / FULL_SIZE
        checks = [
            (f"lookup p95 {indexed['p95']:.2f} ms", f"< {TARGET_P95_MS:.0f} ms",
             indexed["p95"] < TARGET_P95_MS),
            (f"import {build_s:.1f} s", f"< {build_target:.0f} s"
             + ("" if size == FULL_SIZE else f" (pro rata of {BUILD_TARGET_S[backend]} s at 10^6)"),
             build_s < build_target),
        ]  # fmt: skip
        for figure, target, met in checks:
            print(f"{backend:<9}{size:>10,} segments: {figure} (target {target}: "
                  f"{'met' if met else 'MISSED'})")  # fmt: skip
            missed_at_full_size |= size >= FULL_SIZE and not met
    return 1 if missed_at_full_size else 0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--corpus", type=Path, default=None)
    parser.add_argument("--sizes", default="10000,100000,1000000")
    parser.add_argument("--queries", type=int, default=200)
    parser.add_argument("--scan-queries", type=int, default=20)
    parser.add_argument("--postgres", default="postgresql+psycopg://postgres@127.0.0.1:5432/postgres")
    parser.add_argument("--no-postgres", dest="postgres", action="store_const", const=None)
    parser.add_argument("--postgres-max", type=int, default=FULL_SIZE,
                        help="largest size also measured on PostgreSQL")
    return run(parser.parse_args())


if __name__ == "__main__":
    sys.exit(main())
