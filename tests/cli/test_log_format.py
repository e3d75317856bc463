"""`transdesk --log-format json` and `TRANSDESK_LOG_FORMAT=json`: one JSON object per log line.

Run as the console script runs, in a child process (pytest's own log capture owns the root
logger in-process, and the desk leaves a logger that someone else configured alone)."""

from __future__ import annotations

import io
import json
import logging
import subprocess
import sys
from pathlib import Path

import pytest

from transdesk.observability import context
from transdesk.observability.logs import make_handler

# run a command, then log one line from a desk module as it would while handling a job
SCRIPT = """
import logging, sys
from transdesk.cli import main
from transdesk.observability.context import running_job
try:
    main()
except SystemExit:
    pass
with running_job(41):
    logging.getLogger("transdesk.desk.queue").warning("job 41: still here")
"""


def run(args: list[str], tmp_path: Path, **env: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-c", SCRIPT, *args], capture_output=True, text=True, timeout=120,
        env={"PATH": "/usr/bin:/bin", "HOME": str(tmp_path), "TRANSDESK_DATA_DIR": str(tmp_path),
             "TRANSDESK_CACHE_DIR": str(tmp_path / "cache"), **env},
    )  # fmt: skip


def json_lines(stderr: str) -> list[dict]:
    return [json.loads(line) for line in stderr.splitlines() if line.startswith("{")]


@pytest.mark.parametrize(
    ("args", "env"),
    [(["--log-format", "json"], {}), ([], {"TRANSDESK_LOG_FORMAT": "json"})],
    ids=["option", "setting"],
)
def test_json_logs_are_one_object_per_line(args, env, tmp_path):
    done = run([*args, "models", "list"], tmp_path, **env)
    assert done.returncode == 0, done.stderr
    [line] = json_lines(done.stderr)
    assert line["message"] == "job 41: still here" and line["job_id"] == 41
    assert (line["level"], line["logger"]) == ("warning", "transdesk.desk.queue")
    assert "T" in line["time"] and line["time"].endswith("+00:00")


def test_text_logs_stay_text_and_name_the_job(tmp_path):
    done = run(["models", "list"], tmp_path)
    assert "WARNING transdesk.desk.queue: job 41: still here [job_id=41]" in done.stderr
    assert not json_lines(done.stderr)


def test_an_unknown_log_format_is_a_usage_error(tmp_path):
    done = run(["--log-format", "xml", "models", "list"], tmp_path)
    assert "Invalid value for '--log-format'" in done.stderr


def test_an_exception_is_one_line_with_its_traceback():
    stream = io.StringIO()
    log = logging.getLogger("transdesk.test.json")
    handler = make_handler("json", stream)
    log.addHandler(handler)
    try:
        with context.handling_request("req-1"):
            try:
                raise ValueError("bad\nvalue")
            except ValueError:
                log.error("it failed", exc_info=True, extra={"article": "kim-jong-un"})
    finally:
        log.removeHandler(handler)
    [text] = stream.getvalue().splitlines()
    line = json.loads(text)
    assert (line["message"], line["request_id"], line["article"]) == (
        "it failed", "req-1", "kim-jong-un"
    )
    assert "ValueError: bad" in line["exception"] and "Traceback" in line["exception"]
