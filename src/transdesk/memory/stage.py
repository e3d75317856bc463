"""The memory stage: an approved translation settles a sentence; similar ones guide the engine.

Before the engine, every sentence of the article is looked up at once: one indexed query for exact
matches, one compound query for fuzzy candidates. An exact, unconflicted match becomes the
sentence's translation (status FROM_MEMORY, origin "memory") and the engine never sees it. Fuzzy
matches at or above the threshold are recorded for editors ("memory:fuzzy:0.87") and, for engines
that take examples, added to the request.
"""

from __future__ import annotations

import dataclasses
import logging
from collections.abc import Sequence

from transdesk.article import Article, SegmentStatus
from transdesk.engines.base import EngineCapabilities, Hypothesis, MemoryExample
from transdesk.memory.model import MemoryMatch
from transdesk.memory.store import TranslationMemory
from transdesk.settings import Settings
from transdesk.stage import BaseStage, SegmentJob
from transdesk.store.db import Database

log = logging.getLogger(__name__)


class MemoryStage(BaseStage):
    name = "memory"

    def __init__(
        self, memory: TranslationMemory, capabilities: EngineCapabilities, *, examples: int = 3
    ) -> None:
        self.memory = memory
        self.capabilities = capabilities
        self.examples = examples
        self.exact_matches = 0
        self.fuzzy_matches = 0

    def before_engine(self, article: Article, jobs: Sequence[SegmentJob]) -> None:
        open_jobs = [job for job in jobs if not job.settled]
        if not open_jobs:
            return
        exact = self.memory.exact_many([job.segment.text for job in open_jobs])
        unsettled = []
        for job in open_jobs:
            match = exact.get(job.segment.text)
            if match is not None and not match.conflict:
                self._settle(job, match)
            else:
                unsettled.append((job, match))
        if not unsettled or self.examples == 0:
            return
        similar = self.memory.fuzzy_many([job.segment.text for job, _ in unsettled])
        for job, conflicted in unsettled:
            matches = similar.get(job.segment.text, [])
            if conflicted is not None:
                matches = [conflicted, *(m for m in matches if m.id != conflicted.id)]
                job.applied.append("memory:conflict")
            self._offer(job, matches[: self.examples])

    def _settle(self, job: SegmentJob, match: MemoryMatch) -> None:
        job.hypothesis = Hypothesis(segment_id=job.segment.id, text=match.target, score=1.0)
        job.status = SegmentStatus.FROM_MEMORY
        job.origin = "memory"
        job.applied.append("memory:exact")
        self.exact_matches += 1

    def _offer(self, job: SegmentJob, matches: list[MemoryMatch]) -> None:
        if not matches:
            return
        self.fuzzy_matches += 1
        job.applied.append(f"memory:fuzzy:{matches[0].score:.2f}")
        if self.capabilities.takes_examples:
            examples = tuple(
                MemoryExample(source=m.source, target=m.target, score=m.score) for m in matches
            )
            job.request = dataclasses.replace(
                job.request, examples=(*job.request.examples, *examples)
            )

    def signature(self) -> dict[str, object]:
        return {**self.memory.version(), "examples": self.examples}


def memory_stage(
    settings: Settings, capabilities: EngineCapabilities, database: Database
) -> MemoryStage:
    """The memory stage as the settings describe it, on the desk's database."""
    memory = TranslationMemory(database, fuzzy_threshold=settings.memory_fuzzy_threshold)
    return MemoryStage(memory, capabilities, examples=settings.memory_examples)
