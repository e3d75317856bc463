"""Automatic checks on every sentence, and the gate that decides: publish, review or block.

    from transdesk.qa import check_pair, check_translation, QualityStage

One module per check under `qa/checks/` (numbers, dates, tense, terms, names, untranslated,
omission, quotes; the notice check runs on the published article), a registry
(`create_checks`), the gate (`Thresholds`, `segment_decision`, `article_decision`), the alignment
of a translation produced elsewhere (`check_translation`) and its report.
"""

from __future__ import annotations

from transdesk.qa.base import (
    SEVERITIES,
    Check,
    CheckContext,
    TermLookup,
    check_names,
    create_checks,
    register,
)
from transdesk.qa.checks.notice import AI_NOTICE, check_notice
from transdesk.qa.gate import BLOCK, PUBLISH, REVIEW, Thresholds, article_decision, segment_decision
from transdesk.qa.report import CheckReport, PairReport
from transdesk.qa.review import check_translation
from transdesk.qa.runner import Checker, check_pair
from transdesk.qa.stage import QualityStage

__all__ = [
    "AI_NOTICE",
    "BLOCK",
    "PUBLISH",
    "REVIEW",
    "SEVERITIES",
    "Check",
    "CheckContext",
    "CheckReport",
    "Checker",
    "PairReport",
    "QualityStage",
    "TermLookup",
    "Thresholds",
    "article_decision",
    "check_names",
    "check_notice",
    "check_pair",
    "check_translation",
    "create_checks",
    "default_stages",
    "register",
    "segment_decision",
    "thresholds_from",
]


def thresholds_from(settings=None) -> Thresholds:
    """The gate's thresholds from the settings (TRANSDESK_QA_REVIEW_AT, ...)."""
    if settings is None:
        return Thresholds()
    return Thresholds(
        review_at=settings.qa_review_at,
        block_at=settings.qa_block_at,
        minor_for_review=settings.qa_minor_for_review,
    )


def default_stages(settings=None, termbase: TermLookup | None = None) -> list[QualityStage]:
    """The quality stage the pipeline runs last (after term enforcement and date style)."""
    return [QualityStage(termbase=termbase, thresholds=thresholds_from(settings))]
