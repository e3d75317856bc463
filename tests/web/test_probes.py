"""`/healthz` (liveness) and `/readyz` (readiness: engine, database, queue), over HTTP."""

from __future__ import annotations

import http.server
import socket
import threading
import time
from collections.abc import Iterator

import pytest
from fixtures.desk import free_port
from huey import PostgresHuey
from starlette.testclient import TestClient

from transdesk.engines.openai_options import OpenAIOptions
from transdesk.observability.readiness import queue_ready
from transdesk.store.db import Database

ON_SQLITE = pytest.mark.parametrize("database_url", ["sqlite"], indirect=True)  # one is enough


def ready(client: TestClient) -> tuple[int, dict]:
    answer = client.get("/readyz")
    assert answer.headers["cache-control"] == "no-store"
    return answer.status_code, answer.json()


@ON_SQLITE
def test_healthz_answers_while_the_process_does(make_desk_client):
    client = make_desk_client(engine="ct2")  # not ready (no model), but alive
    answer = client.get("/healthz")
    assert (answer.status_code, answer.json()) == (200, {"status": "ok"})


@ON_SQLITE
def test_the_default_engine_without_its_model_is_not_ready(make_desk_client):
    client = make_desk_client(engine="ct2")  # the default engine, an empty model cache
    status, body = ready(client)
    assert status == 503 and body["ready"] is False
    engine = body["checks"]["engine"]
    assert engine["ok"] is False
    assert "quickmt/quickmt-ko-en" in engine["reason"]
    assert "transdesk models pull" in engine["reason"]
    assert body["checks"]["database"]["ok"] is True and body["checks"]["queue"]["ok"] is True
    assert client.get("/api/health").status_code == 200  # the old health route is unchanged


@ON_SQLITE
def test_the_default_engine_with_its_model_in_the_cache_is_ready(make_desk_client, tiny_ct2_cache):
    client = make_desk_client(engine="ct2", cache_dir=tiny_ct2_cache)
    status, body = ready(client)
    assert status == 200, body
    assert body["checks"]["engine"] == {
        "ok": True, "reason": "model quickmt/quickmt-ko-en is in the model cache"
    }


@ON_SQLITE
def test_a_ct2_model_directory_with_missing_files_is_not_ready(make_desk_client, tmp_path):
    from transdesk.engines.ct2_options import Ct2Options

    (tmp_path / "half-a-model").mkdir()
    (tmp_path / "half-a-model" / "config.json").write_text("{}")
    client = make_desk_client(engine="ct2", ct2=Ct2Options(model=str(tmp_path / "half-a-model")))
    status, body = ready(client)
    assert status == 503 and "no model.bin" in body["checks"]["engine"]["reason"]


@ON_SQLITE
def test_the_memory_engine_is_always_ready(make_desk_client):
    status, body = ready(make_desk_client(engine="memory"))
    assert status == 200, body
    assert body["ready"] is True
    assert set(body["checks"]) == {"engine", "database", "queue"}
    assert all(check["ok"] for check in body["checks"].values())


class _Models(http.server.BaseHTTPRequestHandler):
    delay_s = 0.0

    def do_GET(self) -> None:  # noqa: N802
        time.sleep(self.delay_s)
        if self.path.rstrip("/") != "/v1/models":
            self.send_error(404)
            return
        body = b'{"object": "list", "data": [{"id": "ko-en"}]}'
        try:
            self.send_response(200)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)
        except (BrokenPipeError, ConnectionResetError):
            pass  # the desk stopped waiting (the slow server's whole point)

    def log_message(self, *args: object) -> None:
        return None


def _serve(handler: type[http.server.BaseHTTPRequestHandler]) -> Iterator[str]:
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/v1"
    finally:
        server.shutdown()
        server.server_close()


@pytest.fixture
def llm_server() -> Iterator[str]:
    """An OpenAI-compatible server that lists one model."""
    yield from _serve(_Models)


@pytest.fixture
def hanging_llm_server() -> Iterator[str]:
    """One that takes 3 s to answer."""
    yield from _serve(type("_Slow", (_Models,), {"delay_s": 3.0}))


@ON_SQLITE
def test_an_openai_engine_whose_server_answers_is_ready(make_desk_client, llm_server):
    client = make_desk_client(engine="openai", openai=OpenAIOptions(base_url=llm_server))
    status, body = ready(client)
    assert status == 200, body


@ON_SQLITE
def test_an_openai_engine_is_ready_while_one_of_its_servers_answers(make_desk_client, llm_server):
    down = f"http://127.0.0.1:{free_port()}/v1"
    both = OpenAIOptions(base_url=f"{down},{llm_server}")
    client = make_desk_client(engine="openai", openai=both)
    status, body = ready(client)
    assert status == 200, body
    assert body["checks"]["engine"]["reason"].startswith("1 of 2 servers answer")


@ON_SQLITE
def test_an_openai_engine_whose_server_is_down_is_not_ready(make_desk_client):
    down = f"http://127.0.0.1:{free_port()}/v1"  # nothing listens there
    client = make_desk_client(engine="openai", openai=OpenAIOptions(base_url=down))
    status, body = ready(client)
    assert status == 503 and f"cannot reach {down}/models" in body["checks"]["engine"]["reason"]


@ON_SQLITE
def test_an_openai_server_that_hangs_is_not_ready_within_the_timeout(
    make_desk_client, hanging_llm_server
):
    client = make_desk_client(
        engine="openai", openai=OpenAIOptions(base_url=hanging_llm_server), ready_timeout_s=0.5
    )
    started = time.monotonic()
    status, body = ready(client)
    assert time.monotonic() - started < 2.5
    assert status == 503
    assert "did not answer within" in body["checks"]["engine"]["reason"] or (
        "no answer within" in body["checks"]["engine"]["reason"]
    )


def _unreachable_postgres() -> str:
    """A PostgreSQL URL on a loopback port where nothing listens."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    return f"postgresql://transdesk@127.0.0.1:{port}/transdesk"


@ON_SQLITE
def test_a_desk_whose_postgresql_is_unreachable_is_not_ready(make_desk_client):
    """The desk started on its database; then the database URL it uses points to a PostgreSQL
    server that does not answer (the server went away): not ready, still alive."""
    client = make_desk_client(engine="memory")
    assert ready(client)[0] == 200
    started_on = client.app.state.database
    client.app.state.database = Database(_unreachable_postgres(), migrate_on_open=False)
    try:
        status, body = ready(client)
        assert status == 503 and body["ready"] is False
        database = body["checks"]["database"]
        assert database["ok"] is False and "OperationalError" in database["reason"]
        assert body["checks"]["engine"]["ok"] is True
        assert client.get("/healthz").status_code == 200
    finally:
        client.app.state.database.close()
        client.app.state.database = started_on
    assert ready(client)[0] == 200


def test_a_queue_that_cannot_be_reached_is_not_ready():
    huey = PostgresHuey("transdesk", dsn=_unreachable_postgres(), create_tables=False)
    check = queue_ready(huey.pending_count)
    assert check.ok is False and "OperationalError" in (check.reason or "")
