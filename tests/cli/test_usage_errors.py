"""Usage errors print click's usage message and exit 2, never a traceback, whichever click typer
uses (its own copy from typer 0.29 on). Run as the console script runs, in a child process."""

from __future__ import annotations

import subprocess
import sys

import pytest

USAGE_ERRORS = [
    (["publish-all", "x"], "No such command 'publish-all'"),
    (["translate", "--bogus"], "No such option: --bogus"),
    (["eval", "--json"], "No such option: --json"),
    (["translate"], "Missing argument"),
    (["serve", "--port", "many"], "Invalid value for '--port'"),
]


@pytest.mark.parametrize(("args", "message"), USAGE_ERRORS, ids=lambda v: " ".join(v) if isinstance(v, list) else None)
def test_usage_error_exits_2_with_usage_and_no_traceback(args, message, tmp_path):
    done = subprocess.run(
        [sys.executable, "-c", "from transdesk.cli import main; main()", *args],
        capture_output=True, text=True, timeout=120,
        env={"PATH": "/usr/bin:/bin", "HOME": str(tmp_path), "TRANSDESK_DATA_DIR": str(tmp_path)},
    )  # fmt: skip
    assert done.returncode == 2, done.stderr
    assert "Usage: " in done.stderr
    assert message in done.stderr
    assert "Traceback" not in done.stderr


def test_the_usage_error_types_cover_the_installed_typer():
    import typer

    from transdesk.cli.app import _USAGE_ERRORS

    assert _USAGE_ERRORS, "no usage-error class found"
    assert issubclass(typer.BadParameter, _USAGE_ERRORS)
