"""Parsing in the child process: the same article as in-process, the same errors, and a child
that never outlives the desk's process."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from transdesk.errors import InvalidArticle
from transdesk.ingest import parse_article
from transdesk.ingest.off_process import parse_in_child

EXAMPLE = Path(__file__).parents[2] / "examples" / "putin-kim-beijing.md"


def test_the_child_parses_what_the_process_parses():
    text = EXAMPLE.read_text(encoding="utf-8")
    assert parse_in_child(text, "md", slug="kim") == parse_article(text, "md", slug="kim")


def test_an_invalid_article_comes_back_with_its_message_and_hint():
    with pytest.raises(InvalidArticle) as refused:
        parse_in_child("   ", "md", where="the upload")
    direct = pytest.raises(InvalidArticle, parse_article, "   ", "md", where="the upload")
    assert refused.value.message == direct.value.message
    assert refused.value.hint == direct.value.hint


def test_the_child_exits_when_the_desk_is_killed(tmp_path):
    script = (
        "import os, sys\n"
        "from transdesk.ingest.off_process import parse_in_child, _pool\n"
        f"parse_in_child(open({str(EXAMPLE)!r}, encoding='utf-8').read(), 'md')\n"
        "from transdesk.ingest import off_process\n"
        "print(list(off_process._pool._processes), flush=True)\n"
        "import time; time.sleep(60)\n"
    )
    parent = subprocess.Popen([sys.executable, "-c", script], stdout=subprocess.PIPE, text=True)
    try:
        line = parent.stdout.readline()
        (child,) = eval(line)  # noqa: S307  (our own list of process ids)
        os.kill(parent.pid, signal.SIGKILL)
        parent.wait(10)
        deadline = time.monotonic() + 15
        while time.monotonic() < deadline:
            try:
                os.kill(child, 0)
            except ProcessLookupError:
                return
            time.sleep(0.2)
        os.kill(child, signal.SIGKILL)
        pytest.fail("the parsing process outlived the killed desk")
    finally:
        if parent.poll() is None:
            parent.kill()
