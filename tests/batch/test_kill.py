"""`kill -9` in the middle of a batch, then a rerun: every article is in the output exactly once,
and an article already written is not translated again. With `--workers 2`: a worker killed
mid-run is replaced and its article sent again; the coordinator killed mid-run takes its workers
with it, and the rerun finishes the batch."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.batch.conftest import read_output, summary, write_archive

COMMAND = [sys.executable, "-c", "from transdesk.cli import main; main()"]


def start_batch(env: dict[str, str], *args: object) -> subprocess.Popen:
    return subprocess.Popen(
        [*COMMAND, "batch", *map(str, args), "--no-checks"],
        env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )  # fmt: skip


def wait_for_lines(
    path: Path, at_least: int, process: subprocess.Popen, limit_s: float = 120
) -> int:
    deadline = time.monotonic() + limit_s
    while time.monotonic() < deadline:
        if path.exists():
            lines = path.read_bytes().count(b"\n")
            if lines >= at_least:
                return lines
        if process.poll() is not None:
            pytest.fail(f"the batch ended before it was killed: {process.stderr.read()}")
        time.sleep(0.02)
    pytest.fail(f"no {at_least} lines in {path} within {limit_s} s")


def children(pid: int) -> list[int]:
    """The batch's worker processes (its children running multiprocessing's spawn)."""
    found = []
    for task in Path(f"/proc/{pid}/task").iterdir():
        for child in (task / "children").read_text().split():
            cmdline = Path(f"/proc/{child}/cmdline").read_bytes()
            if b"spawn_main" in cmdline:
                found.append(int(child))
    return found


def alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    stat = Path(f"/proc/{pid}/stat").read_text().split()
    return stat[2] != "Z"


def assert_each_once(out: Path, count: int) -> None:
    lines = read_output(out)  # every line is whole JSON
    assert sorted(r["line"] for r in lines) == list(range(1, count + 1))
    assert [r["line"] for r in lines] == sorted(r["line"] for r in lines)  # in input order
    assert len({r["slug"] for r in lines}) == count


def test_kill_9_then_rerun_completes_each_article_once(batch_subprocess_env, tmp_path):
    count = 120
    archive = write_archive(tmp_path / "in.jsonl", count, distinct=40)
    out = tmp_path / "out.jsonl"
    batch = start_batch(batch_subprocess_env, archive, "-o", out)
    written = wait_for_lines(out, 10, batch)
    batch.send_signal(signal.SIGKILL)
    batch.wait()
    assert written < count

    rerun = subprocess.run(
        [*COMMAND, "batch", str(archive), "-o", str(out), "--no-checks"],
        env=batch_subprocess_env, capture_output=True, text=True, timeout=300,
    )  # fmt: skip
    assert rerun.returncode == 0, rerun.stderr
    assert_each_once(out, count)
    counts = summary(rerun.stderr)
    assert counts["skipped (already done)"] >= written - 1  # the torn line, if any, is redone
    assert counts["skipped (already done)"] + counts["articles translated"] == count


def test_workers_survive_a_killed_worker_and_a_killed_batch(batch_subprocess_env, tmp_path):
    count = 100
    archive = write_archive(tmp_path / "in.jsonl", count, distinct=40)
    out = tmp_path / "out.jsonl"

    batch = start_batch(batch_subprocess_env, archive, "-o", out, "--workers", "2")
    wait_for_lines(out, 5, batch)
    workers = children(batch.pid)
    assert len(workers) == 2
    os.kill(workers[0], signal.SIGKILL)  # one worker dies mid-run
    written = wait_for_lines(out, 40, batch, limit_s=180)
    workers = children(batch.pid)  # the survivor and the one started in place of the dead
    batch.send_signal(signal.SIGKILL)  # then the batch itself
    batch.wait()
    deadline = time.monotonic() + 15
    while any(alive(w) for w in workers) and time.monotonic() < deadline:
        time.sleep(0.2)
    assert not any(alive(w) for w in workers)  # the workers went with their batch
    assert written < count

    rerun = subprocess.run(
        [*COMMAND, "batch", str(archive), "-o", str(out), "--no-checks", "--workers", "2"],
        env=batch_subprocess_env, capture_output=True, text=True, timeout=300,
    )  # fmt: skip
    assert rerun.returncode == 0, rerun.stderr
    assert_each_once(out, count)
