"""Engines and settings for the evaluation tests.

`RecordedEngine` answers from the sample corpus's own references, with every n-th word dropped,
so its scores are neither zero nor perfect and two settings of `n` differ measurably. It can be
told to fail after a number of sentences, the way a server that goes away mid-run fails.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field

import pytest

from transdesk.engines import registry
from transdesk.engines.base import (
    ArticleContext,
    Engine,
    EngineCapabilities,
    Hypothesis,
    ProgressCallback,
    SegmentRequest,
)
from transdesk.errors import EngineError

from .sample import SAMPLE_EN, SAMPLE_KO


def sample_pairs() -> dict[str, str]:
    sources = SAMPLE_KO.read_text(encoding="utf-8").splitlines()
    references = SAMPLE_EN.read_text(encoding="utf-8").splitlines()
    return dict(zip(sources, references, strict=True))


@dataclass
class EngineLog:
    """What the registered engines were asked to translate, across every instance."""

    translated: list[str] = field(default_factory=list)
    fail_after: int | None = None  # raise once this many sentences have been translated


class RecordedEngine(Engine):
    # sees the Korean as it is (an engine that keeps placeholders gets terms swapped for them)
    capabilities = EngineCapabilities(takes_term_hints=True, takes_examples=True)

    def __init__(self, name: str, drop_every: int, log: EngineLog) -> None:
        self.name = name
        self.drop_every = drop_every
        self.log = log
        self.answers = sample_pairs()

    def _answer(self, text: str) -> str | None:
        reference = self.answers.get(text)
        if reference is None:
            return None
        words = reference.split()
        return " ".join(w for i, w in enumerate(words, 1) if i % self.drop_every)

    def translate(
        self,
        requests: Sequence[SegmentRequest],
        context: ArticleContext,
        progress: ProgressCallback | None = None,
    ) -> list[Hypothesis]:
        limit = self.log.fail_after
        if limit is not None and len(self.log.translated) + len(requests) > limit:
            raise EngineError(f"{self.name}: the server went away")
        self.log.translated.extend(r.text for r in requests)
        if progress:
            progress(len(requests))
        return [
            Hypothesis(r.segment_id, self._answer(r.text), error="unknown sentence")
            for r in requests
        ]

    def signature(self) -> dict[str, object]:
        return {"engine": self.name, "drop_every": self.drop_every}


@pytest.fixture
def engine_log() -> Iterator[EngineLog]:
    """Registers `recorded` (drops every 4th word) and `recorded-rough` (every 2nd)."""
    log = EngineLog()
    registry.register("recorded", lambda s: RecordedEngine("recorded", 4, log), "test engine")
    registry.register(
        "recorded-rough", lambda s: RecordedEngine("recorded-rough", 2, log), "test engine"
    )
    yield log
    for name in ("recorded", "recorded-rough"):
        registry._ENGINES.pop(name, None)
