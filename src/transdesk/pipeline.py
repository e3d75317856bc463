"""The article's path: ingest → stages before the engine → engine → stages after → TranslatedArticle.

Every capability that is not the engine itself (translation memory, termbase protection and
enforcement, date rewriting, quality checks and the gate) is a `Stage`. A stage sees each
`SegmentJob` before the engine (it may rewrite the request, or settle the segment so the engine
is skipped) and after it (it may repair the text and add findings), and finally the whole article.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from typing import Protocol

from transdesk import __version__
from transdesk.article import (
    Article,
    Finding,
    Segment,
    SegmentStatus,
    SegmentTranslation,
    TranslatedArticle,
)
from transdesk.engines.base import ArticleContext, Engine, EngineKind, Hypothesis, SegmentRequest
from transdesk.settings import Settings

log = logging.getLogger(__name__)


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
    decision: str | None = None

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


class Closeable(Protocol):
    def close(self) -> None: ...


class Stage(Protocol):
    name: str

    def before_engine(self, article: Article, jobs: Sequence[SegmentJob]) -> None: ...

    def after_engine(self, article: Article, jobs: Sequence[SegmentJob]) -> None: ...

    def after_article(self, article: Article, jobs: Sequence[SegmentJob]) -> str | None:
        """Return an article-level decision ("publish" | "review" | "block") or None."""
        ...

    def signature(self) -> dict[str, object]: ...


class BaseStage:
    """Convenience base: a stage overrides only the hooks it needs."""

    name = "stage"

    def before_engine(self, article: Article, jobs: Sequence[SegmentJob]) -> None:
        return None

    def after_engine(self, article: Article, jobs: Sequence[SegmentJob]) -> None:
        return None

    def after_article(self, article: Article, jobs: Sequence[SegmentJob]) -> str | None:
        return None

    def signature(self) -> dict[str, object]:
        return {}


@dataclass(frozen=True)
class PipelineTimings:
    total_s: float
    engine_s: float

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
        started = time.perf_counter()
        requests = build_requests(article, self.context_sentences)
        jobs = [SegmentJob(s, r) for s, r in zip(article.segments(), requests, strict=True)]
        for stage in self.stages:
            stage.before_engine(article, jobs)

        engine_s = self._run_engine(article, jobs, progress)

        for stage in self.stages:
            stage.after_engine(article, jobs)
        decision = None
        for stage in self.stages:
            decision = _stricter(decision, stage.after_article(article, jobs))

        translated = TranslatedArticle(
            source=article,
            segments=tuple(_finish(job, self.engine.name) for job in jobs),
            signature=self.signature(),
            decision=decision,
        )
        self.last_timings = PipelineTimings(time.perf_counter() - started, engine_s)
        return translated

    def _run_engine(
        self, article: Article, jobs: list[SegmentJob], progress: ProgressCallback | None
    ) -> float:
        pending = [job for job in jobs if not job.settled]
        total = len(jobs)
        done = total - len(pending)
        if progress:
            progress(done, total)
        if not pending:
            return 0.0
        context = ArticleContext(
            headline=article.headline.text, dateline=article.dateline, slug=article.slug
        )

        def on_progress(n: int) -> None:
            nonlocal done
            done += n
            if progress:
                progress(done, total)

        started = time.perf_counter()
        hypotheses = self.engine.translate([j.request for j in pending], context, on_progress)
        elapsed = time.perf_counter() - started
        if len(hypotheses) != len(pending):
            raise RuntimeError(
                f"engine {self.engine.name} returned {len(hypotheses)} answers for "
                f"{len(pending)} segments"
            )
        for job, hypothesis in zip(pending, hypotheses, strict=True):
            job.hypothesis = hypothesis
            job.origin = self.engine.name
            if hypothesis.failed and self.engine.kind is EngineKind.MEMORY:
                job.status = SegmentStatus.UNTRANSLATED  # no approved translation yet, not a failure
        return elapsed

    def signature(self) -> dict[str, object]:
        signature: dict[str, object] = {"transdesk": __version__, **self.engine.signature()}
        for stage in self.stages:
            stage_signature = stage.signature()
            if stage_signature:
                signature[stage.name] = stage_signature
        return signature


_SEVERITY_OF_DECISION = {None: 0, "publish": 1, "review": 2, "block": 3}


def _stricter(a: str | None, b: str | None) -> str | None:
    return a if _SEVERITY_OF_DECISION[a] >= _SEVERITY_OF_DECISION[b] else b


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
            decision=job.decision or "block",
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


def build_pipeline(
    settings: Settings,
    *,
    engine: Engine | None = None,
    use_memory: bool = True,
    use_termbase: bool = True,
    checks: bool = True,
    date_style: bool = True,
) -> Pipeline:
    """The pipeline the CLI, the web desk and `transdesk eval` all use, built from settings.

    Stage order matters: the memory settles exact matches first (the engine skips them), the
    termbase protects terms before the engine and enforces them after, dates are rewritten in news
    style, and the checks judge the final English.
    """
    from transdesk import dates, qa
    from transdesk.engines.base import EngineKind
    from transdesk.engines.registry import create_engine
    from transdesk.glossary import TermbaseStage
    from transdesk.glossary.starter import open_termbase
    from transdesk.memory.stage import memory_stage
    from transdesk.store.db import Database

    engine = engine or create_engine(settings.engine, settings)
    stages: list[Stage] = []
    resources: list[Database] = []
    termbase = None
    if use_memory or use_termbase:
        database = Database(settings.resolved_database_url)
        resources.append(database)
        if use_memory and engine.kind is not EngineKind.MEMORY:
            stages.append(memory_stage(settings, engine.kind, database))
        if use_termbase:
            termbase = open_termbase(database).load()
            stages.append(TermbaseStage(termbase, engine.kind))
    if date_style:
        stages.extend(dates.default_stages(settings))
    if checks:
        stages.extend(qa.default_stages(settings, termbase))
    pipeline = Pipeline(engine, stages, context_sentences=settings.openai_context_sentences)
    pipeline.resources.extend(resources)
    return pipeline
