"""The pipeline stage that checks every translated sentence and applies the gate."""

from __future__ import annotations

import logging
from collections.abc import Sequence

from transdesk.article import Article, Decision, Severity, stricter
from transdesk.qa.base import Check, TermLookup, TermSource, finding
from transdesk.qa.calibration import load_calibration
from transdesk.qa.gate import Thresholds, article_decision, segment_decision
from transdesk.qa.runner import Checker
from transdesk.stage import BaseStage, SegmentJob, kept_termbase

log = logging.getLogger(__name__)


class QualityStage(BaseStage):
    """After the engine: run the checks on each sentence, record findings, decide.

    Run it after every stage that changes the English (term enforcement, date style), so the
    checks see what will be published. The sentence decision takes every finding on the job into
    account, those of earlier stages too. The termbase is asked for once per article, so the
    checks see the entries approved up to that moment.
    """

    name = "qa"

    def __init__(
        self,
        termbase: TermSource | None = None,
        thresholds: Thresholds | None = None,
        checks: Sequence[Check] | None = None,
    ) -> None:
        self.thresholds = thresholds or Thresholds()
        self.termbase = termbase
        self.checker = Checker(checks)

    def _termbase(self, jobs: Sequence[SegmentJob]) -> TermLookup | None:
        """The termbase the terms stage planned this article with, else the source's current one."""
        kept = kept_termbase(jobs)
        if kept is not None:
            return kept  # type: ignore[return-value]
        return self.termbase.current() if self.termbase is not None else None

    def after_engine(self, article: Article, jobs: Sequence[SegmentJob]) -> None:
        self.checker.prepare([job.segment.text for job in jobs])
        termbase = self._termbase(jobs)
        dateline = article.dateline.date
        for job in jobs:
            kind = article.blocks[job.segment.block_index].kind.value
            if job.text is None:
                reason = job.hypothesis.error if job.hypothesis else "not translated"
                job.findings.append(
                    finding("untranslated", "failed", "critical", f"no translation: {reason}")
                )
            else:
                job.findings.extend(
                    self.checker.check(
                        job.segment.text,
                        job.text,
                        dateline,
                        block_kind=kind,
                        segment_id=job.segment.id,
                        termbase=termbase,
                    )
                )
            decision = segment_decision(job.findings, self.thresholds)
            job.decision = stricter(job.decision or Decision.PUBLISH, decision)
            if decision is not Decision.PUBLISH:
                log.info(
                    "segment %s: %s (%d findings)", job.segment.id, decision, len(job.findings)
                )

    def after_article(self, article: Article, jobs: Sequence[SegmentJob]) -> Decision | None:
        if not jobs:
            return None
        with_minor = sum(
            1 for job in jobs if any(f.severity == Severity.MINOR for f in job.findings)
        )
        return article_decision(
            [job.decision for job in jobs],
            thresholds=self.thresholds,
            minor_share=with_minor / len(jobs),
        )

    def signature(self) -> dict[str, object]:
        calibration = load_calibration().get("length_ratio", {})
        return {
            "checks": self.checker.names,
            "thresholds": self.thresholds.as_dict(),
            "termbase": self.termbase is not None,
            "calibration": calibration.get("measured_on")
            if isinstance(calibration, dict)
            else None,
        }
