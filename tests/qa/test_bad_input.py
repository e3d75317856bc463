"""Bad input is a finding or a clear error, never a crash."""

from __future__ import annotations

import pytest

from transdesk.qa import Checker, check_pair, segment_decision


@pytest.mark.parametrize(
    ("source", "target", "kind", "decision"),
    [
        ("그는 말했다.", "", "empty", "block"),
        ("그는 말했다.", None, "empty", "block"),
        ("그는 말했다.", "그는 말했다.", "identical", "block"),
        ("그는 말했다.", "He 말했다 yesterday.", "hangul", "review"),
        ("가" * 6000, "He said.", "too_long", "review"),
        ("그는 말했다.", "word " * 4000, "too_long", "review"),
        ("", "He said.", None, "publish"),  # nothing to check against: no crash
        ("\u200b\u200b", "\ufeff", "empty", "block"),
    ],
)
def test_bad_pairs(source, target, kind, decision):
    findings = Checker().check(source, target)
    if kind:
        assert kind in {f.kind for f in findings}
    assert segment_decision(findings) == decision


def test_a_failing_check_becomes_a_finding():
    class Broken:
        name = "broken"
        description = "always fails"

        def run(self, context):
            raise ValueError("boom")

    findings = Checker([Broken()]).check("그는 말했다.", "He said.")
    assert [(f.check, f.kind, f.severity) for f in findings] == [
        ("broken", "check_failed", "major")
    ]


def test_check_pair_runs_every_check():
    assert check_pair("69명이 숨졌다.", "96 people died.")
