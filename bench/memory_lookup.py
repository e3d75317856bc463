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
no index) for the same queries. Target: p95 under 20 ms at 10^6 segments on SQLite.
"""

from __future__ import annotations

import argparse
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
    memory = TranslationMemory(Database(url))
    started = time.perf_counter()
    pairs = (MemoryPair(s, f"English sentence {i}.", "bench", Origin.IMPORT)
             for i, s in enumerate(sources))
    memory.add_many(pairs, batch_size=20_000)
    return memory, time.perf_counter() - started


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
    rows = []
    with tempfile.TemporaryDirectory() as workdir:
        for size in sizes:
            sources = everything[:size]
            queries = perturbed(sources, args.queries)
            url = f"sqlite:///{Path(workdir) / f'memory-{size}.db'}"
            memory, build_s = build(url, sources)
            rows.append(("sqlite", size, build_s, time_lookups(memory, queries),
                         time_scan(sources, queries[: args.scan_queries])))
            memory.database.close()
            print_row(rows[-1], rows)
    pg_rows = []
    if args.postgres:
        for size in [s for s in sizes if s <= args.postgres_max]:
            made = postgres_url(args.postgres)
            if made is None:
                break
            url, drop = made
            try:
                sources = everything[:size]
                queries = perturbed(sources, args.queries)
                memory, build_s = build(url, sources)
                pg_rows.append(("postgres", size, build_s, time_lookups(memory, queries), None))
                memory.database.close()
                print_row(pg_rows[-1], pg_rows)
            finally:
                drop()
    return summary(rows)


HEADER = (f"{'backend':<9}{'segments':>10}{'build s':>9}{'p50 ms':>9}{'p95 ms':>9}"
          f"{'recall':>8}{'p50 x':>7}{'scan p50':>10}{'scan/idx':>10}")


def print_row(row, previous) -> None:
    backend, size, build_s, indexed, scan = row
    if len(previous) == 1:
        print(HEADER)
    growth = indexed["p50"] / previous[-2][3]["p50"] if len(previous) > 1 else 1.0
    scan_text = f"{scan['p50']:>10.1f}{scan['p50'] / indexed['p50']:>9.0f}x" if scan else ""
    print(f"{backend:<9}{size:>10,}{build_s:>9.1f}{indexed['p50']:>9.2f}{indexed['p95']:>9.2f}"
          f"{indexed['recall']:>8.0%}{growth:>6.1f}x{scan_text}", flush=True)


def summary(rows) -> int:
    largest = rows[-1]
    p95 = largest[3]["p95"]
    print(f"\nindexed lookup vs full rapidfuzz scan at {rows[0][1]:,} segments: "
          f"{rows[0][4]['p50'] / rows[0][3]['p50']:.1f}x faster (p50)")
    print(f"p95 at {largest[1]:,} segments on SQLite: {p95:.2f} ms "
          f"(target < {TARGET_P95_MS:.0f} ms: {'met' if p95 < TARGET_P95_MS else 'MISSED'})")
    return 0 if p95 < TARGET_P95_MS or largest[1] < 1_000_000 else 1


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--corpus", type=Path, default=None)
    parser.add_argument("--sizes", default="10000,100000,1000000")
    parser.add_argument("--queries", type=int, default=200)
    parser.add_argument("--scan-queries", type=int, default=20)
    parser.add_argument("--postgres", default="postgresql+psycopg://postgres@127.0.0.1:5432/postgres")
    parser.add_argument("--no-postgres", dest="postgres", action="store_const", const=None)
    parser.add_argument("--postgres-max", type=int, default=100_000,
                        help="largest size also measured on PostgreSQL")
    return run(parser.parse_args())


if __name__ == "__main__":
    sys.exit(main())
