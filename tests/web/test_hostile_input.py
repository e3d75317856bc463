"""Hostile or broken input through the web, and storage that fails: the desk answers with a
status and a message that say what happened (400, 503), never a server error or a traceback."""

from __future__ import annotations

import errno

import httpx
import pytest
from fixtures.desk import LiveDesk
from fixtures.editors import add_editor, api_token
from sqlalchemy.exc import InterfaceError, OperationalError

DEEP = "[" * 100_000 + "]" * 100_000
DEEP_SMALL = "[" * 7_000 + "]" * 7_000  # under the 16,000-byte limit of small bodies


@pytest.mark.parametrize(
    ("path", "body"),
    [
        ("/api/articles", DEEP),
        ("/api/articles", '{"text": ' + DEEP + ', "format": "json"}'),
        ("/api/articles", DEEP_SMALL),
        ("/api/articles/putin-kim-beijing/reports", '{"kind": ' + DEEP_SMALL + "}"),
        ("/api/tokens", DEEP_SMALL),
    ],
)
def test_json_nested_100000_deep_is_a_400_over_http(live_desk_with_token: LiveDesk, path, body):
    headers = {"Authorization": f"Bearer {live_desk_with_token.token}",
               "Content-Type": "application/json"}  # fmt: skip
    answer = httpx.post(live_desk_with_token.url + path, content=body, headers=headers, timeout=60)
    assert answer.status_code == 400, answer.text[:300]
    assert answer.json()["code"] == "bad_request"
    assert "nested too deeply" in answer.json()["message"]


def test_a_deeply_nested_json_upload_is_explained_on_the_form(desk_client):
    add_editor(desk_client, "mina")
    bearer = {"Authorization": f"Bearer {api_token(desk_client, 'mina')}"}
    answer = desk_client.post(
        "/desk/upload", files={"file": ("deep.json", DEEP.encode(), "application/json")},
        headers=bearer,
    )
    assert answer.status_code == 422 and "nested more than" in answer.text


@pytest.mark.parametrize(
    "failure",
    [
        OperationalError("SELECT 1", {}, Exception("could not connect to server")),
        InterfaceError("SELECT 1", {}, Exception("connection already closed")),
        OSError(errno.ENOSPC, "No space left on device", "/data/queue.db"),
        OSError(errno.EROFS, "Read-only file system", "/data/queue.db"),
    ],
    ids=["database-down", "connection-lost", "disk-full", "read-only"],
)
def test_every_kind_of_storage_failure_is_a_503_with_what_to_do(desk_client, failure):
    def broken(*args, **kwargs):  # type: ignore[no-untyped-def]
        raise failure

    desk_client.app.state.database.engine.connect = broken
    answer = desk_client.get("/api/health")
    assert answer.status_code == 503, answer.text
    assert answer.json()["code"] == "storage" and "writable" in answer.json()["hint"]
    assert answer.headers["retry-after"] == "60"


def test_serve_on_a_read_only_data_directory_exits_with_a_message(run_cli, monkeypatch):
    from transdesk.settings import get_settings

    monkeypatch.setenv("TRANSDESK_DATA_DIR", "/sys/transdesk-data")  # not writable, even by root
    monkeypatch.delenv("TRANSDESK_DATABASE_URL", raising=False)
    get_settings.cache_clear()
    result = run_cli("serve", "--no-worker")
    assert result.code == 4, result.stderr
    assert "error: the data directory /sys/transdesk-data cannot be written" in result.stderr
    assert "Traceback" not in result.stderr + result.stdout
