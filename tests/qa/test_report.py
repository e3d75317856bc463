"""The check report an editor reads: `[ok]` only above no finding, the decision and the worst
severity otherwise, the article's decision explained, and a JSON shape scripts can rely on."""

from __future__ import annotations

import itertools
import json

import pytest

from transdesk.article import Decision, Finding
from transdesk.qa.gate import Thresholds, article_decision, segment_decision
from transdesk.qa.report import CheckReport, PairReport


def f(severity: str, kind: str = "number_missing") -> Finding:
    return Finding("numbers", kind, severity, f"a {severity} problem")


def pair(label: str, *severities: str) -> PairReport:
    findings = tuple(f(s) for s in severities)
    decision = segment_decision(findings)
    return PairReport(label, "한국어 문장.", "An English sentence.", findings, decision)


def report(*pairs: PairReport, article_findings: tuple[Finding, ...] = ()) -> CheckReport:
    with_minor = sum(1 for p in pairs if any(x.severity == "minor" for x in p.findings))
    decision = article_decision(
        [p.decision for p in pairs], article_findings, minor_share=with_minor / max(1, len(pairs))
    )
    return CheckReport(pairs, decision, article_findings)


@pytest.mark.parametrize(
    ("severities", "mark"),
    [
        ((), "ok"),
        (("info",), "ok"),
        (("info", "info"), "ok"),
        (("minor",), "publish · minor"),
        (("info", "minor"), "publish · minor"),
        (("minor", "minor", "minor"), "REVIEW · minor"),
        (("minor", "major"), "REVIEW · major"),
        (("critical",), "BLOCK · critical"),
    ],
)
def test_pair_mark(severities, mark):
    assert pair("b1.s0", *severities).mark == mark


def test_a_pair_with_a_minor_finding_is_never_shown_ok():
    text = report(pair("b1.s0"), pair("b2.s0", "minor"), pair("b3.s0", "major")).to_text()
    assert "[ok]" not in text
    assert "[publish · minor] b2.s0" in text
    assert "[REVIEW · major] b3.s0" in text
    assert "  - minor: numbers/number_missing" in text


def test_info_only_pairs_and_info_lines_wait_for_all():
    shown = report(pair("b1.s0", "info"), pair("b2.s0", "info", "major"))
    text = shown.to_text()
    assert "b1.s0" not in text
    assert "[REVIEW · major] b2.s0" in text
    assert "info:" not in text
    assert "2 info line(s) not shown; --all lists them" in text
    everything = shown.to_text(show_all=True)
    assert "[ok] b1.s0" in everything
    assert everything.count("  - info: numbers/number_missing") == 2
    assert "not shown" not in everything


def test_article_findings_above_info_are_always_listed():
    notice = Finding("notice", "notice_missing", "info", "the notice is missing")
    link = Finding("notice", "feedback_link_missing", "major", "the feedback link is missing")
    text = report(pair("b1.s0"), article_findings=(notice, link)).to_text()
    assert "major: notice/feedback_link_missing" in text
    assert "notice_missing" not in text
    assert "why: findings on the whole article, the worst major" in text


def test_summary_counts_only_clean_pairs_as_ok():
    summary = report(pair("a"), pair("b", "info"), pair("c", "minor"), pair("d", "major"))
    first = summary.to_text().splitlines()[0]
    assert first == (
        "decision: REVIEW  (2 ok, 1 publishable with minor findings, 1 to review, 0 blocked, "
        "4 sentence pairs)"
    )


def test_review_for_minor_findings_everywhere_is_explained():
    held = report(pair("a", "minor"), pair("b", "minor"), pair("c"))
    assert held.decision == Decision.REVIEW
    assert held.counts() == {"publish": 3, "review": 0, "block": 0}
    assert held.reasons() == ["minor findings in 2 of 3 sentence pairs (more than 50%)"]
    assert "why: minor findings in 2 of 3" in held.to_text()


def test_a_published_article_gives_no_reason():
    clean = report(pair("a"), pair("b", "minor"), pair("c"))
    assert clean.decision == Decision.PUBLISH
    assert clean.reasons() == []
    assert "why:" not in clean.to_text()


def test_json_keeps_its_keys_and_adds_the_worst_severity():
    data = json.loads(report(pair("b1.s0", "minor"), pair("b2.s0")).to_json())
    assert {"decision", "counts", "notes", "article_findings", "pairs", "signature"} <= set(data)
    assert data["counts"] == {"publish": 2, "review": 0, "block": 0}
    assert data["severity_counts"] == {"none": 1, "info": 0, "minor": 1, "major": 0, "critical": 0}
    first, second = data["pairs"]
    assert {"segments", "source", "translation", "decision", "findings"} <= set(first)
    assert (first["worst_severity"], first["ok"]) == ("minor", False)
    assert (second["worst_severity"], second["ok"]) == (None, True)


def test_reasons_use_the_thresholds_the_gate_used():
    lenient = Thresholds(article_review_share=0.9)
    pairs = (pair("a", "minor"), pair("b", "minor"), pair("c"))
    decision = article_decision([p.decision for p in pairs], (), lenient, minor_share=2 / 3)
    kept = CheckReport(pairs, decision, signature={"thresholds": lenient.as_dict()})
    assert kept.decision == Decision.PUBLISH and kept.reasons() == []


_SEVERITY_SETS = [(), ("info",), ("minor",), ("minor", "minor", "minor"), ("major",), ("critical",)]


@pytest.mark.parametrize(
    "combination", list(itertools.combinations_with_replacement(range(len(_SEVERITY_SETS)), 3))
)
def test_the_article_decision_agrees_with_the_pair_labels(combination):
    """Whatever the pairs carry, the article's decision is what their labels lead a reader to
    expect: publish only when no label says REVIEW or BLOCK, block when one says BLOCK, and a
    stated reason whenever it is not publish."""
    pairs = tuple(pair(f"b{i}.s0", *_SEVERITY_SETS[k]) for i, k in enumerate(combination))
    shown = report(*pairs)
    marks = [p.mark for p in pairs]
    if any(m.startswith("BLOCK") for m in marks):
        assert shown.decision == Decision.BLOCK
    elif any(m.startswith("REVIEW") for m in marks):
        assert shown.decision == Decision.REVIEW
    if all(m == "ok" for m in marks):
        assert shown.decision == Decision.PUBLISH
    assert bool(shown.reasons()) == (shown.decision != Decision.PUBLISH)
    for p in pairs:
        above_info = any(x.severity in ("minor", "major", "critical") for x in p.findings)
        assert (p.mark == "ok") == (p.decision == Decision.PUBLISH and not above_info)
