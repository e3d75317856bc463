"""JSON log lines carry the request id (the caller's `X-Request-ID`, or a new one, echoed on the
response) and, while a translation job runs, the job id."""

from __future__ import annotations

import io
import json
import logging
from collections.abc import Iterator

import pytest
from fixtures.desk import SEED_ARTICLE, submit, wait_for_job
from starlette.testclient import TestClient

from transdesk.observability.logs import make_handler

pytestmark = pytest.mark.parametrize("database_url", ["sqlite"], indirect=True)


@pytest.fixture
def json_lines() -> Iterator[io.StringIO]:
    """What the desk logs from INFO up, as the JSON handler writes it."""
    stream = io.StringIO()
    handler = make_handler("json", stream)
    logger = logging.getLogger("transdesk")
    old_level = logger.level
    logger.addHandler(handler)
    logger.setLevel(logging.INFO)
    try:
        yield stream
    finally:
        logger.removeHandler(handler)
        logger.setLevel(old_level)


def parsed(stream: io.StringIO) -> list[dict]:
    return [json.loads(line) for line in stream.getvalue().splitlines()]


def test_the_callers_request_id_is_echoed_and_logged(make_desk_client, json_lines):
    client = make_desk_client()
    answer = client.get("/api/health", headers={"X-Request-ID": "edge-7f3a.42"})
    assert answer.headers["x-request-id"] == "edge-7f3a.42"
    [access] = [line for line in parsed(json_lines) if line["logger"] == "transdesk.access"]
    assert access["request_id"] == "edge-7f3a.42"
    assert {"time", "level", "logger", "message"} <= set(access)
    assert access["level"] == "info" and access["time"].endswith("+00:00")
    assert (access["method"], access["route"], access["status"]) == ("GET", "/api/health", 200)
    assert "job_id" not in access


def test_a_request_without_a_usable_id_gets_a_new_one(make_desk_client, json_lines):
    client = make_desk_client()
    first = client.get("/healthz").headers["x-request-id"]
    second = client.get("/healthz", headers={"X-Request-ID": "has spaces\tand tabs"})
    made = second.headers["x-request-id"]
    assert len(first) == len(made) == 32 and first != made and " " not in made
    access = [line for line in parsed(json_lines) if line["logger"] == "transdesk.access"]
    ids = [line["request_id"] for line in access]
    assert ids == [first, made]


def test_log_lines_of_a_job_carry_its_id(make_desk_client, json_lines):
    client = make_desk_client()
    answer = submit(client, {"text": SEED_ARTICLE.read_text(encoding="utf-8"), "format": "md"})
    job_id = answer.json()["job"]["id"]
    assert wait_for_job(client, answer.json()["slug"])["state"] == "done"
    job_lines = [line for line in parsed(json_lines) if line["logger"] == "transdesk.desk.queue"]
    assert job_lines and all(line["job_id"] == job_id for line in job_lines)
    assert any(f"job {job_id}: attempt 1" in line["message"] for line in job_lines)
    done = [line for line in parsed(json_lines) if line["message"].startswith(f"job {job_id} done")]
    assert done and done[0]["job_id"] == job_id
    # the worker's lines are not mixed into the request that submitted the job
    assert all("request_id" not in line for line in job_lines)



def test_an_unexpected_error_is_logged_with_the_request_id(make_desk_client, json_lines):
    client = make_desk_client()

    def broken() -> None:
        raise RuntimeError("the desk broke")

    client.app.add_api_route("/api/broken", broken)
    answer = TestClient(client.app, raise_server_exceptions=False).get(
        "/api/broken", headers={"X-Request-ID": "broken-1"}
    )
    assert answer.status_code == 500
    [failure] = [line for line in parsed(json_lines) if line["level"] == "error"]
    assert failure["request_id"] == "broken-1"
    assert "RuntimeError: the desk broke" in failure["exception"]
