"""`transdesk eval` with real models: the tiny CTranslate2 model, and the 270M model behind
llama.cpp.

Their translations are nonsense (scores near zero are expected); what is checked is the whole
path: the pipeline ran every line, the scores are sacrebleu's on the files written, and the report
carries them.
"""

from __future__ import annotations

import pytest

from transdesk.devtools.llama_server import MODEL_ALIAS

from .sample import check_outputs, sample_args

LLAMA_LINES = 6  # the 270M model on a CI runner's CPU: a few seconds a sentence


@pytest.fixture
def tiny_ct2_env(run_cli, tiny_ct2_cache, monkeypatch):
    monkeypatch.setenv("TRANSDESK_CACHE_DIR", str(tiny_ct2_cache))
    for name, value in {"BEAM_SIZE": "2", "BATCH_SIZE": "8", "THREADS": "1"}.items():
        monkeypatch.setenv(f"TRANSDESK_CT2__{name}", value)
    return run_cli


def test_eval_with_the_tiny_ct2_model(tiny_ct2_env, tmp_path):
    out = tmp_path / "report"
    result = tiny_ct2_env(*sample_args(out), "--engine", "ct2")
    assert result.code == 0, result.stderr
    results = check_outputs(out, result.stdout, 50)
    system = results["systems"][0]
    assert system["pipeline"]["engine"] == "ct2"
    assert system["translated_lines"] == 50 and system["desk"]["articles"] == 5
    assert system["desk"]["sentences_per_second"] > 0


@pytest.mark.llama
@pytest.mark.timeout(600)
def test_eval_with_the_270m_model_compared_with_tiny_ct2(
    tiny_ct2_env, llama_base_url, tmp_path, monkeypatch
):
    monkeypatch.setenv("TRANSDESK_OPENAI__RETRIES", "0")  # a malformed answer fails, as it may
    out = tmp_path / "report"
    result = tiny_ct2_env(
        *sample_args(out), "--limit", str(LLAMA_LINES), "--article-lines", "3",
        "--engine", "openai", "--base-url", llama_base_url, "--llm-model", MODEL_ALIAS,
        "--compare", "ct2", "--resamples", "200",
    )  # fmt: skip
    assert result.code == 0, result.stderr
    results = check_outputs(out, result.stdout, LLAMA_LINES)
    labels = [s["label"] for s in results["systems"]]
    assert labels == ["openai", "ct2"]
    assert results["systems"][0]["pipeline"]["engine"] == "openai"
    assert "Paired bootstrap resampling (200 resamples), baseline openai" in result.stdout
    ct2 = [r for r in results["comparison"]["results"] if r["system"] == "ct2"]
    assert all(r["delta_low"] <= r["delta"] <= r["delta_high"] for r in ct2)
