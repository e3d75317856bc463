"""The llama.cpp server launcher tells a dead server from an unreachable one.

A server that crashed (a segfault in the native library, a model it cannot load) is reported with
its exit status or signal and the last lines of its log, and the log is kept."""

from __future__ import annotations

import os
import signal
import subprocess
import sys

import pytest

from transdesk.devtools.llama_server import start_llama_server
from transdesk.errors import EngineUnavailable

pytestmark = [pytest.mark.llama, pytest.mark.timeout(300)]


def test_a_server_that_cannot_load_its_model_is_reported_with_its_exit_and_log(
    llama_model_path, tmp_path
):
    bogus = tmp_path / "not-a-model.gguf"
    bogus.write_bytes(b"this is not a GGUF file")
    with pytest.raises(EngineUnavailable) as caught:
        start_llama_server(bogus, ready_timeout_s=120)
    message = str(caught.value)
    assert "exited with code" in message and "before answering" in message
    assert "its log" in message and "ends with" in message
    log_path = message.split("its log ", 1)[1].split(" ends with", 1)[0]
    assert os.path.exists(log_path), "the log of a server that died must be kept"
    assert os.path.getsize(log_path) > 0


def test_a_server_that_segfaults_is_reported_by_signal(start_llama):
    server = start_llama()
    assert server.death_report() is None
    os.kill(server.process.pid, signal.SIGSEGV)
    server.process.wait(timeout=30)
    report = server.death_report()
    assert report is not None
    assert "was killed by signal 11 (SIGSEGV)" in report
    assert str(server.log_path) in report
    server.stop()
    assert server.log_path.exists()


def test_the_command_exits_non_zero_with_the_reason(llama_model_path, tmp_path):
    bogus = tmp_path / "broken.gguf"
    bogus.write_bytes(b"GGUF but truncated")
    done = subprocess.run(
        [sys.executable, "-m", "transdesk.devtools.llama_server", "--port", "0", "--model", str(bogus)],
        capture_output=True, text=True, timeout=180,
    )  # fmt: skip
    assert done.returncode == 1
    assert "exited with code" in done.stderr
    assert "Traceback" not in done.stderr.split("ends with:", 1)[0]
