"""The article's path: ingest → stages before the engine → engine → stages after → TranslatedArticle.

Every capability that is not the engine itself (translation memory, termbase protection and
enforcement, date rewriting, quality checks and the gate) is a `Stage` (see `transdesk.stage`).
The desk's own pipeline is put together from settings in `transdesk.assembly`. Each translation
is counted in the desk's metrics (`transdesk.observability.metrics`): engine time per sentence
where the engine is called, and once the checks and the gate are done, the sentences by origin,
the gate's decisions and the findings.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Protocol

from transdesk import __version__
from transdesk.article import (
    Article,
    Decision,
    SegmentStatus,
    SegmentTranslation,
    TranslatedArticle,
    stricter,
)
from transdesk.engines.base import ArticleContext, Engine, SegmentRequest
from transdesk.errors import EngineError, EngineUnavailable
from transdesk.observability import metrics
from transdesk.stage import SegmentJob, Stage

log = logging.getLogger(__name__)


class Closeable(Protocol):
    def close(self) -> None: ...


@dataclass(frozen=True)
class PipelineTimings:
    """Where one translation's time went. `overhead_cpu_s` is the CPU time of the thread that
    ran the pipeline outside the engine call: on cores shared with other work, the wall-clock
    overhead swells with whatever else runs, while the CPU it used stays what the desk's own
    stages cost."""

    total_s: float
    engine_s: float
    overhead_cpu_s: float | None = None

    @property
    def overhead_s(self) -> float:
        return self.total_s - self.engine_s


ProgressCallback = Callable[[int, int], None]  # (segments done, segments total)


def build_requests(article: Article, context_sentences: int = 2) -> list[SegmentRequest]:
    """One request per segment, carrying neighbouring sentences of the same article as context."""
    segments = list(article.segments())
    requests = []
    for i, segment in enumerate(segments):
        before = tuple(s.text for s in segments[max(0, i - context_sentences) : i])
        after = tuple(s.text for s in segments[i + 1 : i + 1 + context_sentences])
        requests.append(
            SegmentRequest(segment_id=segment.id, text=segment.text, before=before, after=after)
        )
    return requests


class Pipeline:
    def __init__(
        self,
        engine: Engine,
        stages: Sequence[Stage] = (),
        *,
        context_sentences: int = 2,
    ) -> None:
        self.engine = engine
        self.stages = list(stages)
        self.context_sentences = context_sentences
        self.last_timings: PipelineTimings | None = None
        self.resources: list[Closeable] = []  # databases and the like, closed with the pipeline

    def close(self) -> None:
        """Release the engine and whatever the stages hold open."""
        self.engine.close()
        for resource in self.resources:
            resource.close()

    def __enter__(self) -> Pipeline:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def translate(
        self, article: Article, progress: ProgressCallback | None = None
    ) -> TranslatedArticle:
        started, cpu_started = time.perf_counter(), time.thread_time()
        requests = build_requests(article, self.context_sentences)
        jobs = [SegmentJob(s, r) for s, r in zip(article.segments(), requests, strict=True)]
        for stage in self.stages:
            stage.before_engine(article, jobs)

        engine_s, engine_cpu_s = self._run_engine(article, jobs, progress)

        for stage in self.stages:
            stage.after_engine(article, jobs)
        decision = None
        for stage in self.stages:
            decision = stricter(decision, stage.after_article(article, jobs))

        translated = TranslatedArticle(
            source=article,
            segments=tuple(_finish(job, self.engine.name) for job in jobs),
            signature=self.signature(),
            decision=decision,
        )
        overhead_cpu_s = time.thread_time() - cpu_started - engine_cpu_s
        self.last_timings = PipelineTimings(time.perf_counter() - started, engine_s, overhead_cpu_s)
        metrics.observe_translation(translated)
        return translated

    def _run_engine(
        self, article: Article, jobs: list[SegmentJob], progress: ProgressCallback | None
    ) -> tuple[float, float]:
        """The engine call's wall-clock seconds, and the CPU seconds this thread spent in it."""
        pending = [job for job in jobs if not job.settled]
        total = len(jobs)
        done = total - len(pending)
        if progress:
            progress(done, total)
        if not pending:
            return 0.0, 0.0
        context = ArticleContext(
            headline=article.headline.text if article.headline else "",
            dateline=article.dateline,
            slug=article.slug,
        )

        def on_progress(n: int) -> None:
            nonlocal done
            done += n
            if progress:
                progress(done, total)

        started, cpu_started = time.perf_counter(), time.thread_time()
        try:
            hypotheses = self.engine.translate([j.request for j in pending], context, on_progress)
        except (EngineUnavailable, EngineError):
            metrics.count_engine_error(self.engine.name)
            raise
        elapsed, cpu_s = time.perf_counter() - started, time.thread_time() - cpu_started
        metrics.observe_engine(self.engine.name, len(pending), elapsed)
        if len(hypotheses) != len(pending):
            raise RuntimeError(
                f"engine {self.engine.name} returned {len(hypotheses)} answers for "
                f"{len(pending)} segments"
            )
        for job, hypothesis in zip(pending, hypotheses, strict=True):
            job.hypothesis = hypothesis
            job.origin = self.engine.name
            if hypothesis.failed and self.engine.capabilities.answers_from_memory:
                job.status = SegmentStatus.UNTRANSLATED  # no approved translation yet, not a failure
        return elapsed, cpu_s

    def signature(self) -> dict[str, object]:
        signature: dict[str, object] = {"transdesk": __version__, **self.engine.signature()}
        for stage in self.stages:
            stage_signature = stage.signature()
            if stage_signature:
                signature[stage.name] = stage_signature
        return signature


def _finish(job: SegmentJob, engine_name: str) -> SegmentTranslation:
    hypothesis = job.hypothesis
    if hypothesis is None or hypothesis.text is None:
        status = job.status or SegmentStatus.FAILED
        return SegmentTranslation(
            segment=job.segment,
            text=None,
            status=status,
            origin=job.origin or engine_name,
            applied=tuple(job.applied),
            findings=tuple(job.findings),
            decision=job.decision or Decision.BLOCK,
            error=hypothesis.error if hypothesis else "not translated",
        )
    return SegmentTranslation(
        segment=job.segment,
        text=hypothesis.text,
        status=job.status or SegmentStatus.TRANSLATED,
        origin=job.origin or engine_name,
        score=hypothesis.score,
        applied=tuple(job.applied),
        findings=tuple(job.findings),
        decision=job.decision,
    )
