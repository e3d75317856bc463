"""The gate: findings become a decision per sentence and per article (publish, review, block)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import asdict, dataclass

from transdesk.article import Decision, Finding, Severity
from transdesk.errors import ConfigurationError
from transdesk.settings import Settings


@dataclass(frozen=True)
class Thresholds:
    """When a sentence goes to an editor, and when it may not go out at all.

    A finding at or above `review_at` sends its sentence to review, at or above `block_at` blocks
    it; `minor_for_review` minor findings together also send it to review (the relative dates
    left for the editor to resolve count once: they are one matter of style). An article is blocked
    when any sentence is blocked, and goes to review when any sentence does (or when more than
    `article_review_share` of its sentences carry minor findings).
    """

    review_at: str = "major"
    block_at: str = "critical"
    minor_for_review: int = 3
    article_review_share: float = 0.5

    def __post_init__(self) -> None:
        for value in (self.review_at, self.block_at):
            if value not in tuple(Severity):
                raise ConfigurationError(
                    f"unknown severity {value!r}", hint=f"use one of {', '.join(Severity)}"
                )
        if Severity(self.block_at) < Severity(self.review_at):
            raise ConfigurationError("block_at must be at least as severe as review_at")

    def as_dict(self) -> dict[str, object]:
        return asdict(self)


def thresholds_from(settings: Settings | None = None) -> Thresholds:
    """The gate's thresholds from the settings (TRANSDESK_QA_REVIEW_AT, ...)."""
    if settings is None:
        return Thresholds()
    return Thresholds(
        review_at=settings.qa_review_at,
        block_at=settings.qa_block_at,
        minor_for_review=settings.qa_minor_for_review,
    )


# minor findings of style, not of sense: however many, they are one thing to fix
_STYLE_KINDS = frozenset({"relative_date"})


def segment_decision(
    findings: Iterable[Finding], thresholds: Thresholds = Thresholds()
) -> Decision:
    findings = list(findings)
    severities = [Severity(f.severity) for f in findings]
    if any(s >= thresholds.block_at for s in severities):
        return Decision.BLOCK
    if any(s >= thresholds.review_at for s in severities):
        return Decision.REVIEW
    minors = {
        (f.check, f.kind) if f.kind in _STYLE_KINDS else index
        for index, f in enumerate(findings)
        if Severity(f.severity) is Severity.MINOR
    }
    if len(minors) >= thresholds.minor_for_review:
        return Decision.REVIEW
    return Decision.PUBLISH


def article_decision(
    segment_decisions: Iterable[Decision | str | None],
    article_findings: Iterable[Finding] = (),
    thresholds: Thresholds = Thresholds(),
    minor_share: float = 0.0,
) -> Decision:
    decisions = [Decision(d) if d else Decision.BLOCK for d in segment_decisions]
    decisions.append(segment_decision(article_findings, thresholds))
    worst = max(decisions)
    if worst is Decision.PUBLISH and minor_share > thresholds.article_review_share:
        return Decision.REVIEW
    return worst
