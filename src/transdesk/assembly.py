"""The desk's pipeline, put together from settings: the one place that knows every stage.

The CLI (`translate`, `eval`, `regress`), the desk's jobs and `transdesk eval` all build their
pipeline here. Stage order matters: the memory settles exact matches first (the engine skips them),
the termbase protects terms before the engine and enforces them after, dates are rewritten in news
style, and the checks judge the final English.

The termbase stage and the checks ask the termbase store for the approved entries with every
article, and the store reloads them when the termbase's version moves, so a long-running desk or
worker applies a term the moment an editor approves it.
"""

from __future__ import annotations

from transdesk.dates.stage import DateStyleStage
from transdesk.engines.base import Engine
from transdesk.engines.registry import create_engine
from transdesk.glossary.stage import TermbaseStage
from transdesk.glossary.starter import open_termbase
from transdesk.glossary.store import TermbaseStore
from transdesk.memory.stage import memory_stage
from transdesk.pipeline import Pipeline
from transdesk.qa.gate import thresholds_from
from transdesk.qa.stage import QualityStage
from transdesk.settings import Settings
from transdesk.stage import Stage
from transdesk.store.db import Database


def build_pipeline(
    settings: Settings,
    *,
    engine: Engine | None = None,
    use_memory: bool = True,
    use_termbase: bool = True,
    checks: bool = True,
    date_style: bool = True,
) -> Pipeline:
    """The pipeline the CLI, the web desk and `transdesk eval` all use, built from settings."""
    engine = engine or create_engine(settings.engine, settings)
    stages: list[Stage] = []
    resources: list[Database] = []
    termbase: TermbaseStore | None = None
    if use_memory or use_termbase:
        database = Database(settings.resolved_database_url)
        resources.append(database)
        if use_memory and not engine.capabilities.answers_from_memory:
            stages.append(memory_stage(settings, engine.capabilities, database))
        if use_termbase:
            termbase = open_termbase(database)
            stages.append(TermbaseStage(termbase, engine.capabilities))
    if date_style:
        stages.append(DateStyleStage(enabled=settings.rewrite_dates))
    if checks:
        stages.append(QualityStage(termbase=termbase, thresholds=thresholds_from(settings)))
    pipeline = Pipeline(engine, stages, context_sentences=settings.openai.context_sentences)
    pipeline.resources.extend(resources)
    return pipeline
