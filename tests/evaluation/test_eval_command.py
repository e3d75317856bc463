"""`transdesk eval` end to end on the shipped 50-line sample, with a deterministic engine."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import sacrebleu
from typer.testing import CliRunner

from transdesk.cli import app

CORPUS = Path(__file__).resolve().parents[2] / "examples" / "corpus"
SAMPLE_KO = CORPUS / "ko-en-news.dev50.ko"
SAMPLE_EN = CORPUS / "ko-en-news.dev50.en"


def run_eval(out: Path, *args: str) -> str:
    argv = ["eval", "--src", str(SAMPLE_KO), "--ref", str(SAMPLE_EN), "--out", str(out), *args]
    result = CliRunner().invoke(app, argv)
    if result.exception and not isinstance(result.exception, SystemExit):
        raise result.exception
    assert result.exit_code == 0, result.output
    return result.output


def test_eval_writes_table_json_and_report(desk_env, engine_log, tmp_path):
    out = tmp_path / "report"
    printed = run_eval(out, "--engine", "recorded")

    results = json.loads((out / "results.json").read_text())
    system = results["systems"][0]
    hypotheses = out / results["files"]["hypotheses"]["recorded"]
    assert results["corpus"]["lines"] == 50
    bleu, chrf = system["bleu"]["score"], system["chrf++"]["score"]
    assert 0 < bleu < 100 and 0 < chrf < 100
    assert f"{bleu:.2f}" in printed and f"{chrf:.2f}" in printed
    assert system["bleu"]["signature"] in printed
    assert "COMET: not installed" in printed
    markdown = (out / "report.md").read_text()
    assert f"{bleu:.2f}" in markdown and system["chrf++"]["signature"] in markdown
    html = (out / "report.html").read_text()
    assert html.count("data:image/png;base64,") == 2 and f"{chrf:.2f}" in html
    assert {p.name for p in (out / "plots").iterdir()} == {"scores.png", "time-by-length.png"}
    assert len(hypotheses.read_text().splitlines()) == 50


def test_scores_equal_sacrebleu_on_the_written_files(desk_env, engine_log, tmp_path):
    out = tmp_path / "report"
    run_eval(out, "--engine", "recorded", "--article-lines", "7")
    results = json.loads((out / "results.json").read_text())
    hyps = (out / results["files"]["hypotheses"]["recorded"]).read_text().splitlines()
    refs = SAMPLE_EN.read_text().splitlines()
    assert (out / "reference.en").read_text().splitlines() == refs
    system = results["systems"][0]
    assert system["bleu"]["score"] == pytest.approx(sacrebleu.corpus_bleu(hyps, [refs]).score)
    expected_chrf = sacrebleu.corpus_chrf(hyps, [refs], word_order=2).score
    assert system["chrf++"]["score"] == pytest.approx(expected_chrf)
    desk = system["desk"]
    assert desk["articles"] == 8  # 50 lines in articles of 7
    assert desk["term_compliance"] is None  # no termbase term matched: n/a, not 100%
    assert desk["sentences_per_second"] > 0


def test_limit_then_rerun_translates_only_the_rest(desk_env, engine_log, tmp_path):
    out = tmp_path / "report"
    run_eval(out, "--engine", "recorded", "--limit", "20")
    assert len(engine_log.translated) == 20
    printed = run_eval(out, "--engine", "recorded")
    assert len(engine_log.translated) == 50
    assert engine_log.translated[20:] == SAMPLE_KO.read_text().splitlines()[20:]
    assert "30 lines translated, 20 taken from the checkpoint" in printed


def test_interrupted_run_resumes_where_it_stopped(desk_env, engine_log, tmp_path):
    out = tmp_path / "report"
    engine_log.fail_after = 25  # the server goes away during the third article of 10
    result = CliRunner().invoke(
        app, ["eval", "--src", str(SAMPLE_KO), "--ref", str(SAMPLE_EN), "--out", str(out),
              "--engine", "recorded"],
    )  # fmt: skip
    assert "server went away" in str(result.exception)
    assert len((out / "checkpoint.jsonl").read_text().splitlines()) == 20
    engine_log.fail_after = None
    engine_log.translated.clear()
    printed = run_eval(out, "--engine", "recorded")
    assert engine_log.translated == SAMPLE_KO.read_text().splitlines()[20:]
    assert "20 taken from the checkpoint" in printed


def test_fresh_ignores_the_checkpoint(desk_env, engine_log, tmp_path):
    out = tmp_path / "report"
    run_eval(out, "--engine", "recorded", "--limit", "10")
    run_eval(out, "--engine", "recorded", "--limit", "10", "--fresh")
    assert len(engine_log.translated) == 20


def test_compare_prints_paired_bootstrap_with_confidence_intervals(desk_env, engine_log, tmp_path):
    out = tmp_path / "report"
    printed = run_eval(
        out, "--engine", "recorded", "--compare", "recorded-rough", "--resamples", "200"
    )
    assert "Paired bootstrap resampling (200 resamples), baseline recorded" in printed
    assert "95% CI of Δ" in printed and "bs:200" in printed
    comparison = json.loads((out / "results.json").read_text())["comparison"]
    rough = [r for r in comparison["results"] if r["system"] == "recorded-rough"]
    assert {r["metric"] for r in rough} == {"BLEU", "chrF2++"}
    for r in rough:  # dropping every 2nd word instead of every 4th is clearly worse
        assert r["delta"] < 0 and r["delta_low"] <= r["delta"] <= r["delta_high"] < 0
        assert r["p_value"] < 0.05 and f"{r['delta']:+.2f}" in printed
    assert "Paired comparison" in (out / "report.md").read_text()


@pytest.mark.parametrize(
    ("args", "message"),
    [
        ([], "no test set given"),
        (["--src", str(SAMPLE_KO)], "no test set given"),
        (["--tmx", "x.tmx", "--src", str(SAMPLE_KO)], "either --tmx or --src"),
        (["--src", str(SAMPLE_KO), "--ref", str(SAMPLE_EN), "--compare", "recorded:fast"],
         "unknown system option"),
    ],
)
def test_bad_arguments_say_what_to_do(desk_env, engine_log, tmp_path, args, message):
    result = CliRunner().invoke(app, ["eval", "--engine", "recorded", "--out", str(tmp_path), *args])
    assert message in str(result.exception)
