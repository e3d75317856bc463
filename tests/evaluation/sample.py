"""The 50-line sample the project ships, and checks every `transdesk eval` test makes."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import sacrebleu

CORPUS = Path(__file__).resolve().parents[2] / "examples" / "corpus"
SAMPLE_KO = CORPUS / "ko-en-news.dev50.ko"
SAMPLE_EN = CORPUS / "ko-en-news.dev50.en"


def sample_args(out: Path) -> list[str]:
    return ["eval", "--src", str(SAMPLE_KO), "--ref", str(SAMPLE_EN), "--out", str(out)]


def check_outputs(out: Path, printed: str, lines: int) -> dict:
    """All three outputs exist and agree with sacrebleu run directly on the written files."""
    results = json.loads((out / "results.json").read_text(encoding="utf-8"))
    references = (out / "reference.en").read_text(encoding="utf-8").splitlines()
    assert references == SAMPLE_EN.read_text(encoding="utf-8").splitlines()[:lines]
    markdown = (out / "report.md").read_text(encoding="utf-8")
    html = (out / "report.html").read_text(encoding="utf-8")
    assert html.count("data:image/png;base64,") == 2
    for system in results["systems"]:
        path = out / results["files"]["hypotheses"][system["label"]]
        hypotheses = path.read_text(encoding="utf-8").split("\n")[:-1]
        assert len(hypotheses) == lines
        bleu = sacrebleu.corpus_bleu(hypotheses, [references])
        chrf = sacrebleu.corpus_chrf(hypotheses, [references], word_order=2)
        assert system["bleu"]["score"] == pytest.approx(bleu.score)
        assert system["chrf++"]["score"] == pytest.approx(chrf.score)
        for document in (printed, markdown, html):
            assert f"{bleu.score:.2f}" in document and f"{chrf.score:.2f}" in document
        assert system["bleu"]["signature"] in printed and system["bleu"]["signature"] in markdown
        assert system["desk"]["sentences"] == lines
    return results
