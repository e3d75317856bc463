"""`transdesk eval` end to end on the shipped 50-line sample, with deterministic engines."""

from __future__ import annotations

import json

import pytest

from .sample import SAMPLE_EN, SAMPLE_KO, check_outputs, sample_args

SOURCES = SAMPLE_KO.read_text(encoding="utf-8").splitlines()


def test_eval_writes_table_json_and_report(run_cli, engine_log, tmp_path):
    out = tmp_path / "report"
    result = run_cli(*sample_args(out), "--engine", "recorded")
    assert result.code == 0, result.stderr
    results = check_outputs(out, result.stdout, 50)
    system = results["systems"][0]
    assert 0 < system["bleu"]["score"] < 100 and 0 < system["chrf++"]["score"] < 100
    assert "COMET: not installed" in result.stdout
    assert system["comet"] == {
        "model": "Unbabel/wmt22-comet-da", "score": None,
        "note": "not installed (pip install 'transdesk[comet]')",
    }  # fmt: skip
    assert {p.name for p in (out / "plots").iterdir()} == {"scores.png", "time-by-length.png"}
    assert "Lowest-scoring sentences" in (out / "report.md").read_text()


def test_desk_figures(run_cli, engine_log, tmp_path):
    out = tmp_path / "report"
    args = (*sample_args(out), "--engine", "recorded", "--article-lines", "7", "--no-termbase")
    assert run_cli(*args).code == 0
    desk = json.loads((out / "results.json").read_text())["systems"][0]["desk"]
    assert desk["articles"] == 8  # 50 lines in articles of 7
    assert desk["term_compliance"] is None  # no termbase: n/a, not 100%
    assert desk["failed"] == 0 and desk["from_memory"] == 0
    assert desk["sentences_per_second"] > 0 and desk["seconds_per_article"] > 0


def test_starter_termbase_compliance_is_measured(run_cli, engine_log, tmp_path):
    out = tmp_path / "report"
    assert run_cli(*sample_args(out), "--engine", "recorded", "--fresh").code == 0
    desk = json.loads((out / "results.json").read_text())["systems"][0]["desk"]
    assert 0.0 <= desk["term_compliance"] <= 1.0  # the sample mentions terms of the starter


def test_limit_then_rerun_translates_only_the_rest(run_cli, engine_log, tmp_path):
    out = tmp_path / "report"
    assert run_cli(*sample_args(out), "--engine", "recorded", "--limit", "20").code == 0
    assert engine_log.translated == SOURCES[:20]
    result = run_cli(*sample_args(out), "--engine", "recorded")
    assert engine_log.translated == SOURCES
    assert "30 lines translated, 20 taken from the checkpoint" in result.stdout
    check_outputs(out, result.stdout, 50)


def test_interrupted_run_resumes_where_it_stopped(run_cli, engine_log, tmp_path):
    out = tmp_path / "report"
    engine_log.fail_after = 25  # the server goes away during the third article of 10 lines
    result = run_cli(*sample_args(out), "--engine", "recorded")
    assert result.code == 3 and "server went away" in result.stderr
    assert len((out / "checkpoint.jsonl").read_text().splitlines()) == 20
    engine_log.fail_after = None
    engine_log.translated.clear()
    result = run_cli(*sample_args(out), "--engine", "recorded")
    assert result.code == 0
    assert engine_log.translated == SOURCES[20:]
    assert "30 lines translated, 20 taken from the checkpoint" in result.stdout


def test_fresh_ignores_the_checkpoint(run_cli, engine_log, tmp_path):
    out = tmp_path / "report"
    run_cli(*sample_args(out), "--engine", "recorded", "--limit", "10")
    run_cli(*sample_args(out), "--engine", "recorded", "--limit", "10", "--fresh")
    assert engine_log.translated == SOURCES[:10] * 2


def test_compare_prints_paired_bootstrap_with_confidence_intervals(run_cli, engine_log, tmp_path):
    out = tmp_path / "report"
    result = run_cli(
        *sample_args(out), "--engine", "recorded", "--compare", "recorded-rough",
        "--resamples", "200",
    )  # fmt: skip
    assert result.code == 0, result.stderr
    assert "Paired bootstrap resampling (200 resamples), baseline recorded" in result.stdout
    assert "95% CI of Δ" in result.stdout and "bs:200" in result.stdout
    comparison = check_outputs(out, result.stdout, 50)["comparison"]
    rough = [r for r in comparison["results"] if r["system"] == "recorded-rough"]
    assert {r["metric"] for r in rough} == {"BLEU", "chrF2++"}
    for r in rough:  # dropping every 2nd word instead of every 4th is clearly worse
        assert r["delta_low"] <= r["delta"] <= r["delta_high"] < 0
        assert r["significant"]
        interval = f"[{r['delta_low']:+.2f}, {r['delta_high']:+.2f}]"
        assert interval in result.stdout
    assert "Paired comparison" in (out / "report.md").read_text()


def test_same_system_twice_is_not_called_a_difference(run_cli, engine_log, tmp_path):
    out = tmp_path / "report"
    result = run_cli(*sample_args(out), "--engine", "recorded", "--compare", "recorded")
    assert result.code == 0, result.stderr
    assert "identical output" in result.stdout
    assert len(engine_log.translated) == 50  # the second run is served by the checkpoint
    comparison = json.loads((out / "results.json").read_text())["comparison"]
    assert not any(r["significant"] for r in comparison["results"])


@pytest.mark.parametrize(
    ("args", "message"),
    [
        ([], "no test set given"),
        (["--src", str(SAMPLE_KO)], "no test set given"),
        (["--tmx", "x.tmx", "--src", str(SAMPLE_KO)], "either --tmx or --src"),
        (
            ["--src", str(SAMPLE_KO), "--ref", str(SAMPLE_EN), "--compare", "recorded:fast"],
            "unknown system option 'fast'",
        ),
        (["--src", str(SAMPLE_KO), "--ref", str(SAMPLE_KO) + ".missing"], "does not exist"),
        (
            ["--src", str(SAMPLE_KO), "--ref", str(SAMPLE_EN), "--compare", "nosuch"],
            "no translation engine called 'nosuch'",
        ),
    ],
)
def test_bad_arguments_say_what_to_do(run_cli, engine_log, tmp_path, args, message):
    result = run_cli("eval", "--engine", "recorded", "--out", str(tmp_path / "out"), *args)
    assert result.code == 2 and message in result.stderr
