"""The batch's translator: the desk's pipeline (`transdesk.assembly`) with the batch's sentence
cache in front of its engine."""

from __future__ import annotations

from dataclasses import dataclass

from transdesk.assembly import build_pipeline
from transdesk.batch.article import ArticleTranslator
from transdesk.batch.cache import CachingEngine
from transdesk.engines.base import Engine
from transdesk.engines.registry import create_engine
from transdesk.settings import Settings


@dataclass(frozen=True)
class BatchOptions:
    """The pipeline switches of `transdesk batch` (as those of `transdesk translate`)."""

    memory: bool = True
    termbase: bool = True
    checks: bool = True
    date_style: bool = True

    def as_dict(self) -> dict[str, bool]:
        return {"memory": self.memory, "termbase": self.termbase, "checks": self.checks,
                "date_style": self.date_style}  # fmt: skip


def build_translator(
    settings: Settings, options: BatchOptions, engine: Engine | None = None
) -> ArticleTranslator:
    """A translator for the batch; its pipeline is closed with `translator.pipeline.close()`."""
    cached = CachingEngine(engine or create_engine(settings.engine, settings))
    pipeline = build_pipeline(
        settings, engine=cached, use_memory=options.memory, use_termbase=options.termbase,
        checks=options.checks, date_style=options.date_style,
    )  # fmt: skip
    return ArticleTranslator(pipeline, settings)
