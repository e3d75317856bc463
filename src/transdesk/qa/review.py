"""Check a translation produced elsewhere: align it with the Korean article, then run the checks."""

from __future__ import annotations

from transdesk.article import Article, Decision, Finding
from transdesk.qa.align import AlignedPair, align_translation
from transdesk.qa.base import TermLookup, finding
from transdesk.qa.checks.notice import AI_NOTICE, check_notice
from transdesk.qa.gate import Thresholds, article_decision, segment_decision
from transdesk.qa.report import CheckReport, PairReport
from transdesk.qa.runner import Checker

_NOTICE_MARK = "translated by ai"


def _without_notice(translation: str) -> str:
    lines = translation.splitlines()
    kept = [line for line in lines if _NOTICE_MARK not in line.lower()]
    return "\n".join(kept)


def _pair_findings(pair: AlignedPair, checker: Checker, article: Article) -> list[Finding]:
    if not pair.segments:
        return [
            finding(
                "omission",
                "unmatched_translation",
                "major",
                "this English has no counterpart in the source: added text, or a "
                "sentence the alignment could not place",
            )
        ]
    if not pair.english:
        return [
            finding(
                "omission",
                "sentence_missing",
                "major",
                "this source sentence has no counterpart in the translation",
            )
        ]
    block = article.blocks[pair.segments[0].block_index]
    return checker.check(
        pair.source,
        pair.target,
        article.dateline.date,
        block_kind=block.kind.value,
        segment_id=pair.label,
    )


def check_translation(
    article: Article,
    translation: str,
    termbase: TermLookup | None = None,
    thresholds: Thresholds | None = None,
    published: bool = False,
) -> CheckReport:
    """The report for `translation` (plain text or Markdown) of the Korean `article`."""
    thresholds = thresholds or Thresholds()
    checker = Checker(termbase=termbase)
    article_findings = check_notice(translation, severity="major" if published else "info")
    body = _without_notice(translation)
    if not body.strip():
        empty = finding("untranslated", "empty", "critical", "the translation is empty")
        return CheckReport((), Decision.BLOCK, (*article_findings, empty))
    alignment = align_translation(article, body)
    if not alignment.reliable:
        article_findings.append(
            finding(
                "alignment",
                "unaligned",
                "major",
                "the translation could not be aligned with the source sentence by sentence; "
                "the findings below may be about mismatched sentences",
            )
        )
    checker.prepare([s.text for s in article.segments()])
    pairs = []
    for pair in alignment.pairs:
        findings = _pair_findings(pair, checker, article)
        pairs.append(
            PairReport(
                pair.label,
                pair.source,
                pair.target,
                tuple(findings),
                segment_decision(findings, thresholds),
            )
        )
    with_minor = sum(1 for p in pairs if any(f.severity == "minor" for f in p.findings))
    decision = article_decision(
        [p.decision for p in pairs],
        article_findings,
        thresholds,
        minor_share=with_minor / max(1, len(pairs)),
    )
    signature = {
        "checks": checker.names,
        "thresholds": thresholds.as_dict(),
        "termbase": termbase is not None,
        "notice": AI_NOTICE,
    }
    return CheckReport(tuple(pairs), decision, tuple(article_findings), alignment.notes, signature)
