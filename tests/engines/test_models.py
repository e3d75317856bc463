"""The model cache: lookup, offline honesty, listing, and the `transdesk models` / `engines` CLI."""

from __future__ import annotations

import json
import os
import shutil
import socket
import subprocess
import sys
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from typer.testing import CliRunner

from transdesk.cli import app
from transdesk.engines.ct2_options import DEFAULT_MODEL
from transdesk.engines.models import (
    list_cached,
    model_problems,
    pull,
    resolve_model,
)
from transdesk.engines.registry import create_engine
from transdesk.errors import ConfigurationError, EngineUnavailable
from transdesk.settings import Settings, get_settings

ENTRY = "quickmt--quickmt-ko-en"


@pytest.fixture
def closed_hub(monkeypatch) -> str:
    """HF_ENDPOINT pointing at a loopback port nothing listens on."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    endpoint = f"http://127.0.0.1:{port}"
    monkeypatch.setenv("HF_ENDPOINT", endpoint)
    monkeypatch.delenv("HF_HUB_OFFLINE", raising=False)
    return endpoint


@pytest.fixture
def empty_settings(tmp_path) -> Settings:
    return Settings(cache_dir=tmp_path / "cache", data_dir=tmp_path / "data", hub_timeout_s=5)


def test_hub_name_resolves_to_its_cache_entry(tiny_ct2_settings, tiny_ct2_cache, closed_hub):
    path = resolve_model(DEFAULT_MODEL, tiny_ct2_settings)  # the hub is never asked
    assert path == tiny_ct2_cache / "models" / ENTRY


def test_offline_without_cached_model_fails_fast_and_names_the_way_out(empty_settings, closed_hub):
    started = time.monotonic()
    with pytest.raises(EngineUnavailable) as error:
        create_engine("ct2", empty_settings).load()
    assert time.monotonic() - started < 10
    message = str(error.value)
    assert f"transdesk models pull {DEFAULT_MODEL}" in message
    assert "--engine openai --base-url" in message and "--engine memory" in message
    assert closed_hub in message
    cache = empty_settings.model_cache_dir
    assert not cache.exists() or not any(cache.iterdir())  # no half-written entry


def test_hf_hub_offline_is_honoured(empty_settings, monkeypatch):
    monkeypatch.setenv("HF_HUB_OFFLINE", "1")
    with pytest.raises(EngineUnavailable, match="HF_HUB_OFFLINE"):
        resolve_model(DEFAULT_MODEL, empty_settings)


def test_no_download_when_not_asked(empty_settings, closed_hub):
    with pytest.raises(EngineUnavailable, match=f"transdesk models pull {DEFAULT_MODEL}"):
        resolve_model(DEFAULT_MODEL, empty_settings, download=False)


def test_damaged_cache_entry_says_pull_again(tiny_ct2_model_dir, empty_settings, closed_hub):
    entry = empty_settings.model_cache_dir / ENTRY
    shutil.copytree(tiny_ct2_model_dir, entry)
    (entry / "model.bin").unlink()
    with pytest.raises(EngineUnavailable, match="--force") as error:
        resolve_model(DEFAULT_MODEL, empty_settings)
    assert "damaged" in str(error.value) and "model.bin" in str(error.value)


def test_pull_rejects_a_name_that_is_not_a_hub_name(empty_settings):
    with pytest.raises(ConfigurationError, match="not a hub model name"):
        pull("just-a-name", empty_settings)


@pytest.mark.parametrize(
    ("layout", "problems"),
    [
        ("quickmt", []),
        ("shared", []),
        ("no-config", ["no config.json"]),
        ("one-vocabulary", ["no source_vocabulary.json + target_vocabulary.json"]),
        ("two-shared-spm", ["no src.spm.model + tgt.spm.model"]),
    ],
)
def test_model_layouts(tiny_ct2_model_dir, tmp_path, layout, problems):
    directory = tmp_path / layout
    shutil.copytree(tiny_ct2_model_dir, directory)
    if layout == "shared":  # one vocabulary and one SentencePiece model for both sides
        (directory / "source_vocabulary.json").rename(directory / "shared_vocabulary.json")
        (directory / "target_vocabulary.json").unlink()
        (directory / "src.spm.model").rename(directory / "sentencepiece.model")
        (directory / "tgt.spm.model").unlink()
    elif layout == "no-config":
        (directory / "config.json").unlink()
    elif layout == "one-vocabulary":
        (directory / "target_vocabulary.json").unlink()
    elif layout == "two-shared-spm":
        (directory / "src.spm.model").rename(directory / "a.model")
        (directory / "tgt.spm.model").rename(directory / "b.model")
    found = model_problems(directory)
    assert [p for p in found if any(p.startswith(x) for x in problems)] == found
    assert len(found) == len(problems)


def test_list_shows_complete_models_only(tiny_ct2_settings, tiny_ct2_model_dir, tiny_ct2_cache):
    partial = tiny_ct2_cache / "models" / ".partial-quickmt--quickmt-ko-en-x"
    partial.mkdir(exist_ok=True)
    try:
        (model,) = list_cached(tiny_ct2_settings)
    finally:
        partial.rmdir()
    assert model.name == DEFAULT_MODEL
    assert model.size_bytes >= (tiny_ct2_model_dir / "model.bin").stat().st_size


# --- the command line -----------------------------------------------------------------------


@pytest.fixture
def cli_env(monkeypatch):
    """Run CLI commands with these TRANSDESK_* settings."""

    def use(cache_dir: Path) -> None:
        monkeypatch.setenv("TRANSDESK_CACHE_DIR", str(cache_dir))
        get_settings.cache_clear()

    yield use
    get_settings.cache_clear()


def test_cli_models_list_and_path(cli_env, tiny_ct2_cache):
    cli_env(tiny_ct2_cache)
    runner = CliRunner()
    listed = runner.invoke(app, ["models", "list"])
    assert listed.exit_code == 0, listed.output
    assert DEFAULT_MODEL in listed.output and "KB" in listed.output
    path = runner.invoke(app, ["models", "path"])
    assert path.exit_code == 0
    assert path.output.strip() == str(tiny_ct2_cache / "models" / ENTRY)


def test_cli_models_list_when_cache_is_empty(cli_env, tmp_path):
    cli_env(tmp_path)
    result = CliRunner().invoke(app, ["models", "list"])
    assert result.exit_code == 0
    assert f"transdesk models pull {DEFAULT_MODEL}" in result.output


def test_cli_engines_lists_the_registry(cli_env, tmp_path):
    cli_env(tmp_path)
    result = CliRunner().invoke(app, ["engines"])
    assert result.exit_code == 0
    lines = result.output.splitlines()
    assert any(line.startswith("* ct2") for line in lines)  # the default is marked
    assert any("openai" in line and "OpenAI-compatible" in line for line in lines)


@pytest.mark.parametrize(
    ("args", "exit_code", "says"),
    [
        (["models", "pull"], 3, f"transdesk models pull {DEFAULT_MODEL}"),
        (
            ["models", "path", "quickmt/quickmt-ja-en"],
            3,
            "transdesk models pull quickmt/quickmt-ja-en",
        ),
    ],
)
def test_cli_offline_errors_exit_with_a_hint(tmp_path, closed_hub, args, exit_code, says):
    env = {**os.environ, "TRANSDESK_CACHE_DIR": str(tmp_path), "TRANSDESK_HUB_TIMEOUT_S": "5"}
    script = Path(sys.executable).with_name("transdesk")
    command = (
        [str(script)]
        if script.exists()
        else [sys.executable, "-c", "from transdesk.cli import main; main()"]
    )
    started = time.monotonic()
    done = subprocess.run([*command, *args], env=env, capture_output=True, text=True, timeout=60)
    assert time.monotonic() - started < 30
    assert done.returncode == exit_code, done.stderr
    assert says in done.stderr and done.stdout == ""


class FakeHub(BaseHTTPRequestHandler):
    """Knows one model (its info answers) but serves none of its files."""

    known = f"/api/models/{DEFAULT_MODEL}"

    def do_GET(self) -> None:  # noqa: N802
        if self.path == self.known:
            body = json.dumps({"id": DEFAULT_MODEL, "sha": "a" * 40}).encode()
            self.send_response(200)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)
        else:
            self.send_error(404 if self.path.startswith("/api/models/nobody/") else 403)

    do_HEAD = do_GET

    def log_message(self, *args) -> None:
        pass


@pytest.fixture
def fake_hub(monkeypatch):
    server = ThreadingHTTPServer(("127.0.0.1", 0), FakeHub)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    monkeypatch.setenv("HF_ENDPOINT", f"http://127.0.0.1:{server.server_port}")
    monkeypatch.delenv("HF_HUB_OFFLINE", raising=False)
    monkeypatch.setenv("HF_HUB_DISABLE_PROGRESS_BARS", "1")
    yield server
    server.shutdown()
    server.server_close()


def test_failed_download_leaves_no_cache_entry(empty_settings, fake_hub):
    with pytest.raises(EngineUnavailable, match="downloading 'quickmt/quickmt-ko-en' failed"):
        pull(DEFAULT_MODEL, empty_settings)
    assert list(empty_settings.model_cache_dir.iterdir()) == []  # nothing half-written


def test_unknown_hub_model_is_named(empty_settings, fake_hub):
    with pytest.raises(EngineUnavailable, match="no model 'nobody/nothing'"):
        pull("nobody/nothing", empty_settings)
