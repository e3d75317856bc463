"""`transdesk batch` over a generated archive: throughput with 1 and 2 worker processes, and what
a killed worker or a killed batch costs (nothing lost, nothing written twice).

    python bench/archive_batch.py [--articles 2000] [--workdir DIR] [--no-checks]

The archive: N JSON articles (a headline and five paragraph sentences each). About half of the
sentences come from a small pool of stock wire phrases, so they repeat across the archive (the
batch's sentence cache translates each once); the others are made distinct by their numbers,
dates and places. It is translated with the tiny random-weight CTranslate2 model the tests build
(`tests/fixtures/tiny_ct2.py`), so the figures measure the desk's batch machinery and the
pipeline's stages, not a real model's speed.

Runs, each on a fresh output and data folder:
1. `--workers 1`, 2. `--workers 2` (articles/s from the batch's own summary, and wall time with
   start-up), 3. `--workers 2`, one worker `kill -9`ed at 25% and the batch itself at 50%, then
   rerun, 4. `--workers 1`, `kill -9` at 50%, then rerun. For 3 and 4 the output must hold every
   article exactly once (line count, distinct slugs, input order).
"""

from __future__ import annotations

import argparse
import json
import os
import random
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))

COMMAND = [sys.executable, "-c", "from transdesk.cli import main; main()", "batch"]
TRAINING_KO = ROOT / "tests" / "data" / "tiny_ct2" / "train.ko"
PLACES = ["서울시", "부산시", "인천시", "대구시", "광주시", "대전시", "울산시", "경기도", "강원도", "제주도"]
SUBJECTS = ["새 도로", "공원", "도서관", "병원", "학교", "다리", "시장", "체육관", "주차장", "박물관"]


def varied_sentence(rng: random.Random) -> str:
    """A sentence made distinct by its place, day, thing and amount."""
    return (
        f"{rng.choice(PLACES)}는 {rng.randint(1, 31)}일 {rng.choice(SUBJECTS)} 공사에 "
        f"{rng.randint(2, 990)}억 원을 쓴다고 밝혔다."
    )


def write_archive(path: Path, count: int, seed: int = 7) -> tuple[int, int]:
    """The archive as JSON Lines; returns (sentences, distinct sentences)."""
    rng = random.Random(seed)
    stock = [s for s in TRAINING_KO.read_text(encoding="utf-8").splitlines() if s.strip()][:40]
    sentences: list[str] = []
    with path.open("w", encoding="utf-8") as handle:
        for n in range(count):
            texts = [
                rng.choice(stock) if rng.random() < 0.5 else varied_sentence(rng) for _ in range(6)
            ]
            sentences.extend(texts)
            article = {
                "headline": texts[0], "date": f"2025-09-{1 + n % 28:02d}",
                "slug": f"archive-{n:05d}", "source": "뉴스1",
                "blocks": [{"type": "paragraph", "text": t} for t in texts[1:]],
            }  # fmt: skip
            handle.write(json.dumps(article, ensure_ascii=False) + "\n")
    return len(sentences), len(set(sentences))


def prepare_model(workdir: Path) -> Path:
    """The tiny model in a model cache under the hub name the default settings use."""
    from fixtures.tiny_ct2 import build_tiny_model

    from transdesk.engines.ct2_options import DEFAULT_MODEL
    from transdesk.engines.models import cache_entry_name

    cache = workdir / "cache"
    if not (cache / "models").exists():
        model = build_tiny_model(workdir / "tiny-model")
        shutil.copytree(model, cache / "models" / cache_entry_name(DEFAULT_MODEL))
    return cache


def environment(cache: Path, data: Path) -> dict[str, str]:
    return {
        **os.environ, "TRANSDESK_CACHE_DIR": str(cache), "TRANSDESK_DATA_DIR": str(data),
        "TRANSDESK_CT2__BEAM_SIZE": "1", "TRANSDESK_CT2__THREADS": "1",
        "TRANSDESK_CT2__BATCH_SIZE": "16",
    }  # fmt: skip


def summary(stderr: str) -> dict[str, float]:
    rows = {}
    for line in stderr.splitlines():
        match = re.match(r"^\s*([a-z/ ()]+?)\s{2,}([\d,.]+)( s)?$", line)
        if match:
            rows[match.group(1).strip()] = float(match.group(2).replace(",", ""))
    return rows


def run(args: list[str], env: dict[str, str], out: Path, count: int) -> dict[str, float]:
    """Run the batch; its summary, plus `wall` (seconds, start-up included) and `steady` (articles
    per second while the output grew from 10% to 90% of the archive: start-up left out)."""
    log = out.with_suffix(".log")
    started = time.perf_counter()
    marks: dict[int, float] = {}
    with log.open("w") as stderr:
        process = subprocess.Popen([*COMMAND, *args], env=env, stdout=subprocess.DEVNULL,
                                   stderr=stderr)  # fmt: skip
        while process.poll() is None:
            lines = lines_in(out)
            for share in (10, 90):
                if share not in marks and lines >= count * share // 100:
                    marks[share] = time.perf_counter()
            time.sleep(0.02)
    wall = time.perf_counter() - started
    text = log.read_text(errors="replace")
    if process.returncode != 0:
        raise SystemExit(f"batch failed ({process.returncode}): {text[-2000:]}")
    counts = summary(text)
    counts["wall"] = wall
    if 10 in marks and 90 in marks and marks[90] > marks[10]:
        counts["steady"] = (count * 80 // 100) / (marks[90] - marks[10])
    return counts


def lines_in(path: Path) -> int:
    return path.read_bytes().count(b"\n") if path.exists() else 0


def wait_lines(path: Path, target: int, process: subprocess.Popen) -> None:
    while lines_in(path) < target:
        if process.poll() is not None:
            raise SystemExit(f"the batch ended (exit {process.returncode}) before it could be "
                             f"killed; see {path.with_suffix('.killed.log')}")  # fmt: skip
        time.sleep(0.02)


def worker_pids(pid: int) -> list[int]:
    found = []
    for task in Path(f"/proc/{pid}/task").iterdir():
        for child in (task / "children").read_text().split():
            if b"spawn_main" in Path(f"/proc/{child}/cmdline").read_bytes():
                found.append(int(child))
    return found


def killed_run(archive: Path, out: Path, env: dict[str, str], count: int, workers: int,
               extra: list[str]) -> dict[str, object]:  # fmt: skip
    """Kill (a worker at 25%, then) the batch at 50%; rerun; check every article is there once."""
    args = [str(archive), "-o", str(out), "--workers", str(workers), *extra]
    first_log = out.with_suffix(".killed.log")
    with first_log.open("w") as stderr:
        process = subprocess.Popen([*COMMAND, *args], env=env, stdout=subprocess.DEVNULL,
                                   stderr=stderr)  # fmt: skip
    killed_worker = False
    if workers > 1:
        wait_lines(out, count // 4, process)
        pids = worker_pids(process.pid)
        if pids:
            os.kill(pids[0], signal.SIGKILL)
            killed_worker = True
    wait_lines(out, count // 2, process)
    process.send_signal(signal.SIGKILL)
    process.wait()
    at_kill = lines_in(out)
    time.sleep(1.0)  # the orphaned workers notice and exit
    rerun = run(args, env, out, 0)
    records = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    slugs = [r["slug"] for r in records]
    positions = [r["line"] for r in records]
    return {
        "lines at kill": at_kill, "worker killed": killed_worker,
        "skipped on rerun": int(rerun.get("skipped (already done)", 0)),
        "translated on rerun": int(rerun.get("articles translated", 0)),
        "output lines": len(records), "distinct slugs": len(set(slugs)),
        "in order": positions == sorted(positions) == list(range(1, count + 1)),
    }  # fmt: skip


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=2000)
    parser.add_argument("--workdir", type=Path, default=None, help="default: a temporary folder")
    parser.add_argument("--no-checks", action="store_true", help="leave the sentence checks out")
    options = parser.parse_args()
    workdir = options.workdir or Path(tempfile.mkdtemp(prefix="archive-batch-"))
    workdir.mkdir(parents=True, exist_ok=True)
    cache = prepare_model(workdir)
    archive = workdir / "archive.jsonl"
    sentences, distinct = write_archive(archive, options.articles)
    extra = ["--no-checks"] if options.no_checks else []
    print(f"archive: {options.articles} articles, {sentences} sentences, {distinct} distinct "
          f"({workdir})")  # fmt: skip

    results = {}
    for workers in (1, 2):
        run_dir = workdir / f"w{workers}"
        shutil.rmtree(run_dir, ignore_errors=True)
        run_dir.mkdir()
        out = run_dir / "out.jsonl"
        counts = run([str(archive), "-o", str(out), "--workers", str(workers), *extra],
                     environment(cache, run_dir / "data"), out, options.articles)  # fmt: skip
        results[workers] = counts
        print(f"workers={workers}: {counts.get('steady', 0):.2f} articles/s steady (10%-90%), "
              f"{counts['articles/s']:.2f} in the batch's summary ({counts['time']:.1f} s), "
              f"{options.articles / counts['wall']:.2f} with start-up ({counts['wall']:.1f} s); "
              f"sentences from engine {int(counts['from the engine'])}, "
              f"batch cache {int(counts['from the batch cache'])}, "
              f"memory {int(counts['from memory'])}")
    one, two = results[1], results[2]
    steady = two.get("steady", 0) / one["steady"] if one.get("steady") else 0.0
    print(f"2 workers / 1 worker: {steady:.2f}x steady, "
          f"{two['articles/s'] / one['articles/s']:.2f}x in the summary, "
          f"{one['wall'] / two['wall']:.2f}x with start-up")

    for workers in (2, 1):
        run_dir = workdir / f"kill{workers}"
        shutil.rmtree(run_dir, ignore_errors=True)
        run_dir.mkdir()
        report = killed_run(archive, run_dir / "out.jsonl", environment(cache, run_dir / "data"),
                            options.articles, workers, extra)  # fmt: skip
        once = report["output lines"] == report["distinct slugs"] == options.articles
        ok = once and report["in order"]
        print(f"kill -9 with --workers {workers}: {json.dumps(report)} -> "
              f"{'every article exactly once' if ok else 'MISMATCH'}")
        if not ok:
            raise SystemExit(1)


if __name__ == "__main__":
    main()
