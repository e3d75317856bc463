"""The `memory` engine: translates only what the translation memory already holds.

A sentence with an approved exact (normalised) match gets that translation; any other comes back
as a failed hypothesis with the reason "no match in translation memory", which the pipeline marks
UNTRANSLATED (not FAILED): nothing went wrong, the memory simply has no approved answer yet.
"""

from __future__ import annotations

from collections.abc import Sequence

from transdesk.engines.base import (
    ArticleContext,
    Engine,
    EngineCapabilities,
    Hypothesis,
    ProgressCallback,
    SegmentRequest,
)
from transdesk.memory.store import TranslationMemory
from transdesk.settings import Settings
from transdesk.store.db import Database

NO_MATCH = "no match in translation memory"


class MemoryEngine(Engine):
    name = "memory"
    capabilities = EngineCapabilities(answers_from_memory=True)

    def __init__(self, memory: TranslationMemory, *, owns_database: bool = False) -> None:
        self.memory = memory
        self._owns_database = owns_database

    def translate(
        self,
        requests: Sequence[SegmentRequest],
        context: ArticleContext,
        progress: ProgressCallback | None = None,
    ) -> list[Hypothesis]:
        found = self.memory.exact_many([request.text for request in requests])
        hypotheses = []
        for request in requests:
            match = found.get(request.text)
            if match is None or match.conflict:
                error = NO_MATCH if match is None else "conflicting translations in memory"
                hypotheses.append(Hypothesis(request.segment_id, None, error=error))
            else:
                hypotheses.append(Hypothesis(request.segment_id, match.target, score=1.0))
        if progress:
            progress(len(requests))
        return hypotheses

    def signature(self) -> dict[str, object]:
        return {"engine": self.name, **self.memory.version()}

    def close(self) -> None:
        if self._owns_database:
            self.memory.database.close()


def from_settings(settings: Settings) -> MemoryEngine:
    database = Database(settings.resolved_database_url)
    memory = TranslationMemory(database, fuzzy_threshold=settings.memory_fuzzy_threshold)
    return MemoryEngine(memory, owns_database=True)
