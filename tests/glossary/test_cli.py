"""`transdesk glossary ...` from the shell."""

from __future__ import annotations

import json


def test_fresh_desk_lists_the_starter(run_cli):
    result = run_cli("glossary", "list", "--json")
    assert result.code == 0
    entries = [json.loads(line) for line in result.stdout.splitlines()]
    assert len(entries) >= 150
    kremlin = next(e for e in entries if e["source"] == "크렘린궁")
    assert kremlin["target"] == "the Kremlin" and "Kremlin Palace" in kremlin["forbidden"]


def test_add_conflict_propose_approve(run_cli):
    added = run_cli(
        "glossary",
        "add",
        "한미연합군사령관",
        "Commander of the Combined Forces",
        "--forbid",
        "Korea-US Joint Army Commander",
        "--kind",
        "title",
        "--by",
        "kim",
    )
    assert added.code == 0 and "한미연합군사령관 → Commander of the Combined Forces" in added.stdout

    clash = run_cli("glossary", "add", "크렘린궁", "Kremlin Palace", "--by", "kim")
    assert clash.code == 2 and "already approved as 'the Kremlin'" in clash.stderr

    proposed = run_cli("glossary", "add", "김여사", "first lady Kim", "--propose", "--by", "kim")
    entry_id = proposed.stdout.split()[0]
    listed = run_cli("glossary", "list", "--status", "proposed")
    assert "김여사" in listed.stdout and "proposed" in listed.stdout
    approved = run_cli("glossary", "approve", entry_id, "--by", "lee")
    assert approved.code == 0 and "approved" in approved.stdout


def test_export_then_import_elsewhere(run_cli, tmp_path, monkeypatch):
    out = tmp_path / "termbase.tbx"
    assert run_cli("glossary", "export", out).code == 0
    monkeypatch.setenv("TRANSDESK_DATA_DIR", str(tmp_path / "other"))
    result = run_cli("glossary", "import", out)
    assert result.code == 0 and "0 conflicts" in result.stdout


def test_import_of_a_bad_file_imports_nothing(run_cli, tmp_path):
    bad = tmp_path / "bad.csv"
    bad.write_text("source,target\n통일부,the Unification Ministry\n국회,\n", encoding="utf-8")
    result = run_cli("glossary", "import", bad)
    assert result.code == 2 and "line 3" in result.stderr
    listed = run_cli("glossary", "list", "--json").stdout
    assert "통일부" in listed  # from the starter, untouched
    assert sum(1 for line in listed.splitlines() if '"source": "통일부"' in line) == 1


def test_import_reports_conflicts(run_cli, tmp_path):
    clashing = tmp_path / "clash.csv"
    clashing.write_text("source,target\n크렘린궁,Kremlin Palace\n합참,the JCS\n", "utf-8")
    run_cli("glossary", "list")
    result = run_cli("glossary", "import", clashing, "--by", "kim")
    assert result.code == 1
    assert "line 2: conflict" in result.stderr and "line 3: conflict" in result.stderr


def test_import_starter_again_changes_nothing(run_cli):
    result = run_cli("glossary", "import", "--starter")
    assert result.code == 0 and "0 conflicts" in result.stdout
