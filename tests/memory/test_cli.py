"""`transdesk memory import|export|stats|lookup`, as a newsroom runs them (`transdesk correct` is
tested with the corrections, in tests/feedback)."""

from __future__ import annotations

from pathlib import Path

CORPUS = Path(__file__).parents[2] / "examples" / "corpus"
KO, EN = CORPUS / "ko-en-news.dev50.ko", CORPUS / "ko-en-news.dev50.en"
FIRST_KO = KO.read_text(encoding="utf-8").splitlines()[2]
FIRST_EN = EN.read_text(encoding="utf-8").splitlines()[2]


def test_import_lookup_export_and_reimport(run_cli, tmp_path):
    imported = run_cli("memory", "import", "--parallel", KO, EN)
    assert imported.code == 0 and "50 added" in imported.stdout
    looked = run_cli("memory", "lookup", FIRST_KO.replace("없어야만", "없어야"))
    assert looked.code == 0 and FIRST_EN in looked.stdout and "0.9" in looked.stdout
    assert "segments:         50" in run_cli("memory", "stats").stdout
    out = tmp_path / "memory.tmx"
    assert run_cli("memory", "export", out).code == 0
    again = run_cli("memory", "import", out)
    assert again.code == 0 and "0 added, 50 already known" in again.stdout


def test_lookup_without_match_says_so(run_cli):
    result = run_cli("memory", "lookup", "전혀 모르는 문장이다.")
    assert result.code == 1 and "no match in translation memory" in result.stdout


def test_malformed_tmx_fails_with_line_number(run_cli, tmp_path):
    bad = tmp_path / "bad.tmx"
    bad.write_text("<tmx><body>\n<tu><tuv xml:lang='ko'><seg>가</seg></tuv></tu>\n</body></tmx>\n")
    result = run_cli("memory", "import", bad)
    assert result.code == 2 and "line 2:" in result.stderr and "nothing was imported" in result.stderr
    assert "segments:         0" in run_cli("memory", "stats").stdout
