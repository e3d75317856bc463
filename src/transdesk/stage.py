"""The stage protocol: what every capability of the pipeline other than the engine looks like.

A stage sees each `SegmentJob` before the engine (it may rewrite the request, or settle the segment
so the engine is skipped) and after it (it may repair the text and add findings), and finally the
whole article, on which it may give a decision.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from typing import Protocol

from transdesk.article import Article, Decision, Finding, Segment, SegmentStatus
from transdesk.engines.base import Hypothesis, SegmentRequest


# the key under which a job keeps the termbase its article was planned with (the terms stage),
# so that the checks read the same termbase the engine was told to obey, with no second load
TERMBASE_KEPT = "termbase"


@dataclass
class SegmentJob:
    """The working state of one sentence on its way through the pipeline."""

    segment: Segment
    request: SegmentRequest
    hypothesis: Hypothesis | None = None  # set by the engine, or by a stage that settles it early
    status: SegmentStatus | None = None
    origin: str | None = None
    applied: list[str] = field(default_factory=list)
    findings: list[Finding] = field(default_factory=list)
    decision: Decision | None = None
    # what a stage keeps for this sentence from its before-engine hook to its after-engine hook
    kept: dict[str, object] = field(default_factory=dict)

    @property
    def settled(self) -> bool:
        return self.hypothesis is not None

    @property
    def text(self) -> str | None:
        return self.hypothesis.text if self.hypothesis else None

    def set_text(self, text: str, note: str) -> None:
        """Replace the English text (a repair), keeping the record of what was done."""
        assert self.hypothesis is not None
        self.hypothesis = replace(self.hypothesis, text=text)
        self.applied.append(note)


def kept_termbase(jobs: Sequence[SegmentJob]) -> object | None:
    """The termbase the terms stage kept for this article's jobs (`TERMBASE_KEPT`), if any."""
    return next((job.kept[TERMBASE_KEPT] for job in jobs if TERMBASE_KEPT in job.kept), None)


class Stage(Protocol):
    name: str

    def before_engine(self, article: Article, jobs: Sequence[SegmentJob]) -> None: ...

    def after_engine(self, article: Article, jobs: Sequence[SegmentJob]) -> None: ...

    def after_article(self, article: Article, jobs: Sequence[SegmentJob]) -> Decision | None:
        """Return an article-level decision, or None when the stage has no say."""
        ...

    def signature(self) -> dict[str, object]: ...


class BaseStage:
    """Convenience base: a stage overrides only the hooks it needs."""

    name = "stage"

    def before_engine(self, article: Article, jobs: Sequence[SegmentJob]) -> None:
        return None

    def after_engine(self, article: Article, jobs: Sequence[SegmentJob]) -> None:
        return None

    def after_article(self, article: Article, jobs: Sequence[SegmentJob]) -> Decision | None:
        return None

    def signature(self) -> dict[str, object]:
        return {}
