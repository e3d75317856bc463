"""Failures are visible: a failed job's reason on the article list, the edit page and from
`submit --wait` (non-zero exit); one log line per failed attempt, not a traceback; `serve` and
`worker` refuse to start with an engine that cannot run, saying why."""

from __future__ import annotations

import logging

import httpx
import pytest
from fixtures.desk import SEED_ARTICLE, submit, wait_for_job
from fixtures.editors import add_editor, sign_in

from transdesk.engines import registry
from transdesk.errors import EngineUnavailable

DOWN = "the translation server at http://127.0.0.1:9/v1 is unreachable"
HINT = "start the server, or choose another engine with --engine"


def _down(settings):  # type: ignore[no-untyped-def]
    raise EngineUnavailable(DOWN, hint=HINT)


def test_a_failed_job_says_why_on_the_desk_and_logs_one_line_per_attempt(
    make_desk_client, caplog
):
    client = make_desk_client(pipeline_factory=_down, job_retries=1)
    add_editor(client, "mina")
    sign_in(client, "mina")
    caplog.set_level(logging.DEBUG, logger="transdesk")
    answer = submit(client, {"text": SEED_ARTICLE.read_text(encoding="utf-8"), "format": "md"})
    slug = answer.json()["slug"]
    job = wait_for_job(client, slug)
    assert job["state"] == "failed" and job["attempts"] == 2
    assert DOWN in job["error"] and HINT in job["error"]
    failed = [r for r in caplog.records if r.levelno >= logging.WARNING and "attempt" in r.message]
    assert len(failed) == 2 and "giving up" in failed[-1].message
    assert not any(r.exc_info for r in caplog.records if r.levelno >= logging.INFO)
    row = client.get("/desk/articles").text.split(f'data-slug="{slug}"')[1].split("</tr>")[0]
    assert "Translation failed" in row and DOWN in row
    edit = client.get(f"/desk/articles/{slug}/edit").text
    assert "The translation failed" in edit and DOWN in edit
    assert DOWN in client.get("/desk").text  # in the queue, with the reason


def test_submit_wait_exits_non_zero_with_the_reason(run_cli, monkeypatch, tmp_path):
    article = tmp_path / "kremlin.md"
    article.write_bytes(SEED_ARTICLE.read_bytes())
    job = {"id": 1, "state": "failed", "attempts": 4, "error": f"{DOWN}\n  hint: {HINT}"}

    def answer(request: httpx.Request) -> httpx.Response:
        if request.method == "POST":
            return httpx.Response(202, json={"slug": "kremlin", "job": {**job, "state": "queued"}})
        return httpx.Response(200, json=job)

    real = httpx.Client
    monkeypatch.setattr(
        httpx, "Client", lambda **kw: real(transport=httpx.MockTransport(answer), **kw)
    )
    monkeypatch.setenv("TRANSDESK_PUBLIC_URL", "http://127.0.0.1:8123")
    result = run_cli("submit", article, "--wait", "--token", "tdk_x")
    assert result.code == 3, result.stderr
    assert result.stdout.startswith("kremlin\tfailed\thttp://127.0.0.1:8123/articles/kremlin")
    assert "failed after 4 attempts" in result.stderr and DOWN in result.stderr


@pytest.mark.parametrize("command", ["worker", "serve"])
def test_an_engine_that_cannot_run_stops_the_desk_at_start_up(run_cli, monkeypatch, command):
    monkeypatch.setitem(
        registry._ENGINES, "cannot-run", registry.EngineEntry("cannot-run", _down, "test")
    )
    result = run_cli(command, "--engine", "cannot-run")
    assert result.code == 3
    assert DOWN in result.stderr and HINT in result.stderr


def test_serve_listens_where_the_public_url_says():
    from transdesk.cli.serve import listen_address

    assert listen_address("http://127.0.0.1:8123", None, None) == ("127.0.0.1", 8123)
    assert listen_address("https://desk.example.com", None, None) == ("127.0.0.1", 8000)
    assert listen_address("http://localhost:8123", "0.0.0.0", 9000) == ("0.0.0.0", 9000)
