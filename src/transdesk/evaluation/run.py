"""Evaluate one or more systems on a test set and write the report: the library call behind
`transdesk eval`.

A *system* is an engine with its options and the stages around it (termbase and memory on or
off). The caller supplies a `PipelineFactory` that builds the desk's pipeline for a system, so
the evaluation measures exactly the pipeline that publishes.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from transdesk.article import Dateline
from transdesk.errors import ConfigurationError
from transdesk.evaluation.checkpoint import Checkpoint
from transdesk.evaluation.compare import DEFAULT_RESAMPLES
from transdesk.evaluation.corpus import ParallelCorpus
from transdesk.evaluation.outputs import WrittenReport, write_report
from transdesk.evaluation.results import EvalReport, build_report
from transdesk.evaluation.scores import DEFAULT_COMET_MODEL
from transdesk.evaluation.system import LineProgress, SystemRun, run_system
from transdesk.pipeline import Pipeline

log = logging.getLogger(__name__)

_FLAGS = {"no-termbase": "termbase", "no-memory": "memory"}


@dataclass(frozen=True, slots=True)
class SystemSpec:
    """An engine (optionally with a model) and whether the termbase and memory stages run."""

    engine: str
    model: str | None = None
    termbase: bool = True
    memory: bool = True

    @property
    def label(self) -> str:
        label = self.engine + (f"@{self.model}" if self.model else "")
        off = [flag for flag, attr in _FLAGS.items() if not getattr(self, attr)]
        return label + "".join(f" {flag}" for flag in off)

    @classmethod
    def parse(cls, text: str, *, termbase: bool = True, memory: bool = True) -> SystemSpec:
        """`ENGINE[@MODEL][:no-termbase][:no-memory]`, e.g. `ct2:no-termbase`, `openai@gemma3`."""
        name, *flags = text.split(":")
        engine, _, model = name.partition("@")
        switches = {"termbase": termbase, "memory": memory}
        for flag in flags:
            if flag not in _FLAGS:
                raise ConfigurationError(
                    f"unknown system option {flag!r} in {text!r}",
                    hint="write ENGINE[@MODEL][:no-termbase][:no-memory]",
                )
            switches[_FLAGS[flag]] = False
        if not engine:
            raise ConfigurationError(f"no engine named in {text!r}")
        return cls(engine, model or None, **switches)


PipelineFactory = Callable[[SystemSpec], Pipeline]


@dataclass(frozen=True, slots=True)
class EvalOptions:
    out_dir: Path
    article_lines: int = 10
    dateline: Dateline | None = None
    resamples: int = DEFAULT_RESAMPLES
    comet_model: str = DEFAULT_COMET_MODEL
    resume: bool = True
    progress: Callable[[str], LineProgress] | None = field(default=None, compare=False)

    @property
    def checkpoint(self) -> Checkpoint:
        return Checkpoint(self.out_dir / "checkpoint.jsonl")


def _unique_labels(specs: Sequence[SystemSpec]) -> list[str]:
    labels: list[str] = []
    for spec in specs:
        label, n = spec.label, 2
        while label in labels:
            label, n = f"{spec.label} #{n}", n + 1
        labels.append(label)
    return labels


def translate_systems(
    corpus: ParallelCorpus,
    specs: Sequence[SystemSpec],
    factory: PipelineFactory,
    options: EvalOptions,
) -> list[SystemRun]:
    checkpoint = options.checkpoint
    if not options.resume:
        checkpoint.discard()
    runs = []
    for spec, label in zip(specs, _unique_labels(specs), strict=True):
        pipeline = factory(spec)
        progress = options.progress(label) if options.progress else None
        try:
            run = run_system(
                label,
                pipeline,
                corpus,
                checkpoint,
                article_lines=options.article_lines,
                dateline=options.dateline,
                progress=progress,
            )
        finally:
            pipeline.close()
        log.info("%s: %d lines translated, %d resumed", label, run.translated, run.resumed)
        runs.append(run)
    return runs


def evaluate(
    corpus: ParallelCorpus,
    specs: Sequence[SystemSpec],
    factory: PipelineFactory,
    options: EvalOptions,
) -> tuple[EvalReport, WrittenReport]:
    """Translate the corpus with every system, score it, compare, and write the report."""
    if not specs:
        raise ConfigurationError("nothing to evaluate: name at least one engine")
    if len(corpus) == 0:
        raise ConfigurationError(f"{corpus.origin} has no lines to evaluate")
    runs = translate_systems(corpus, specs, factory, options)
    report = build_report(
        corpus,
        runs,
        article_lines=options.article_lines,
        resamples=options.resamples,
        comet_model=options.comet_model,
    )
    return report, write_report(report, options.out_dir)
