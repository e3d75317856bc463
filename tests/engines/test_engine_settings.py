"""Each engine's options nest under its name in the settings (TRANSDESK_CT2__MODEL, ...); the
flat names of earlier releases still work, with a warning naming the new variable; the CLI's one
helper puts each command-line option into the options of the engine it belongs to."""

from __future__ import annotations

import logging

import pytest

from transdesk.cli.options import engine_settings
from transdesk.errors import ConfigurationError
from transdesk.settings import DEPRECATED_VARIABLES, Settings


@pytest.fixture(autouse=True)
def clean_environment(monkeypatch):
    for name in DEPRECATED_VARIABLES:
        monkeypatch.delenv(name, raising=False)
    for section in ("CT2", "OPENAI"):
        for option in ("MODEL", "DEVICE", "BEAM_SIZE", "BASE_URL", "RETRIES", "WINDOW"):
            monkeypatch.delenv(f"TRANSDESK_{section}__{option}", raising=False)


def test_engine_options_nest_under_the_engine(monkeypatch):
    monkeypatch.setenv("TRANSDESK_CT2__MODEL", "/models/ko-en")
    monkeypatch.setenv("TRANSDESK_CT2__BEAM_SIZE", "2")
    monkeypatch.setenv("TRANSDESK_OPENAI__BASE_URL", "http://127.0.0.1:8080/v1")
    monkeypatch.setenv("TRANSDESK_OPENAI__WINDOW", "4")
    settings = Settings()
    assert (settings.ct2.model, settings.ct2.beam_size) == ("/models/ko-en", 2)
    assert (settings.openai.base_url, settings.openai.window) == ("http://127.0.0.1:8080/v1", 4)
    assert settings.ct2.device == "cpu" and settings.openai.retries == 3  # the defaults


def test_the_flat_names_still_work_and_name_their_replacement(monkeypatch, caplog):
    monkeypatch.setenv("TRANSDESK_MODEL", "/models/old")
    monkeypatch.setenv("TRANSDESK_OPENAI_BASE_URL", "http://old:8080")
    monkeypatch.setenv("TRANSDESK_OPENAI_RETRIES", "0")
    with caplog.at_level(logging.WARNING), pytest.warns(DeprecationWarning) as caught:
        settings = Settings()
    assert settings.ct2.model == "/models/old"
    assert settings.openai.base_url == "http://old:8080" and settings.openai.retries == 0
    messages = [str(w.message) for w in caught]
    assert "TRANSDESK_MODEL is deprecated; set TRANSDESK_CT2__MODEL instead" in messages
    assert any("TRANSDESK_OPENAI__BASE_URL" in m for m in messages)
    assert "set TRANSDESK_OPENAI__RETRIES instead" in caplog.text


def test_a_nested_name_wins_over_its_flat_predecessor(monkeypatch):
    monkeypatch.setenv("TRANSDESK_DEVICE", "cuda")
    monkeypatch.setenv("TRANSDESK_CT2__DEVICE", "auto")
    monkeypatch.setenv("TRANSDESK_BEAM_SIZE", "6")
    with pytest.warns(DeprecationWarning):
        settings = Settings()
    assert settings.ct2.device == "auto" and settings.ct2.beam_size == 6


def test_invalid_engine_options_are_refused_at_start_up(monkeypatch):
    monkeypatch.setenv("TRANSDESK_CT2__BEAM_SIZE", "99")
    with pytest.raises(ValueError, match="beam_size"):
        Settings()


def test_the_cli_helper_puts_each_option_with_its_engine(tmp_path):
    base = Settings(data_dir=tmp_path)
    settings = engine_settings(
        model="/models/ko-en", beam_size=2, llm_model="qwen", base=base
    )
    assert settings.engine == "ct2"
    assert (settings.ct2.model, settings.ct2.beam_size) == ("/models/ko-en", 2)
    assert settings.openai.model == "qwen"
    served = engine_settings(base_url="http://127.0.0.1:8080/v1", base=base)
    assert served.engine == "openai" and served.openai.base_url == "http://127.0.0.1:8080/v1"
    assert base.ct2.model != "/models/ko-en"  # the base settings are left as they were


def test_the_cli_helper_refuses_an_invalid_option(tmp_path):
    with pytest.raises(ConfigurationError, match="invalid option"):
        engine_settings(beam_size=0, base=Settings(data_dir=tmp_path))
