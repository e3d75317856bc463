"""The pipeline stage that writes resolved dates into the English in news style."""

from __future__ import annotations

import logging
from collections.abc import Sequence

from transdesk.article import Article
from transdesk.dates.rewrite import rewrite_relative_dates
from transdesk.stage import BaseStage, SegmentJob

log = logging.getLogger(__name__)


class DateStyleStage(BaseStage):
    """After the engine: "on the 2nd" → "on Sept. 2", using the source sentence and dateline.

    Every change is recorded in `job.applied` as "date:on the 2nd→on Sept. 2".
    """

    name = "dates"

    def __init__(self, enabled: bool = True) -> None:
        self.enabled = enabled

    def after_engine(self, article: Article, jobs: Sequence[SegmentJob]) -> None:
        if not self.enabled:
            return
        dateline = article.dateline.date
        for job in jobs:
            if not job.text:
                continue
            text, rewrites = rewrite_relative_dates(job.text, job.segment.text, dateline)
            if not rewrites:
                continue
            notes = "; ".join(f"{r.original}→{r.replacement}" for r in rewrites)
            job.set_text(text, f"date:{notes}")
            log.info("segment %s: dates rewritten: %s", job.segment.id, notes)

    def signature(self) -> dict[str, object]:
        return {"style": "AP", "enabled": self.enabled}
