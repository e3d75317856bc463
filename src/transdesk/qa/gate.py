"""The gate: findings become a decision per sentence and per article (publish, review, block)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import asdict, dataclass

from transdesk.article import Finding
from transdesk.errors import ConfigurationError
from transdesk.qa.base import SEVERITIES

PUBLISH, REVIEW, BLOCK = "publish", "review", "block"
_DECISION_RANK = {PUBLISH: 0, REVIEW: 1, BLOCK: 2}


@dataclass(frozen=True)
class Thresholds:
    """When a sentence goes to an editor, and when it may not go out at all.

    A finding at or above `review_at` sends its sentence to review, at or above `block_at` blocks
    it; `minor_for_review` minor findings together also send it to review. An article is blocked
    when any sentence is blocked, and goes to review when any sentence does (or when more than
    `article_review_share` of its sentences carry minor findings).
    """

    review_at: str = "major"
    block_at: str = "critical"
    minor_for_review: int = 3
    article_review_share: float = 0.5

    def __post_init__(self) -> None:
        for value in (self.review_at, self.block_at):
            if value not in SEVERITIES:
                raise ConfigurationError(
                    f"unknown severity {value!r}", hint=f"use one of {', '.join(SEVERITIES)}"
                )
        if SEVERITIES.index(self.block_at) < SEVERITIES.index(self.review_at):
            raise ConfigurationError("block_at must be at least as severe as review_at")

    def as_dict(self) -> dict[str, object]:
        return asdict(self)


def segment_decision(findings: Iterable[Finding], thresholds: Thresholds = Thresholds()) -> str:
    ranks = [SEVERITIES.index(f.severity) for f in findings]
    if any(r >= SEVERITIES.index(thresholds.block_at) for r in ranks):
        return BLOCK
    if any(r >= SEVERITIES.index(thresholds.review_at) for r in ranks):
        return REVIEW
    if sum(1 for r in ranks if r == SEVERITIES.index("minor")) >= thresholds.minor_for_review:
        return REVIEW
    return PUBLISH


def article_decision(
    segment_decisions: Iterable[str | None],
    article_findings: Iterable[Finding] = (),
    thresholds: Thresholds = Thresholds(),
    minor_share: float = 0.0,
) -> str:
    decisions = [d or BLOCK for d in segment_decisions]
    decisions.append(segment_decision(article_findings, thresholds))
    worst = max(decisions, key=_DECISION_RANK.__getitem__)
    if worst == PUBLISH and minor_share > thresholds.article_review_share:
        return REVIEW
    return worst


def stricter(a: str, b: str) -> str:
    return a if _DECISION_RANK[a] >= _DECISION_RANK[b] else b
