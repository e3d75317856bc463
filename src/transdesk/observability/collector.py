"""Series computed when Prometheus scrapes: jobs, articles and reports by state, queue depth.

They are read from the desk's database and queue at that moment, so every process that serves
`/metrics` (or several desks behind one load balancer) reports the same numbers. A store that
cannot be read is reported as `transdesk_database_up 0` / `transdesk_queue_up 0`, and the series
it would have given are left out of that scrape rather than shown as zero.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator
from typing import Any, Protocol

from prometheus_client.core import GaugeMetricFamily, Metric
from prometheus_client.registry import Collector
from sqlalchemy import func, select

from transdesk.store.db import Database
from transdesk.store.desk_tables import (
    ArticleState,
    DeskArticle,
    JobState,
    ReaderReport,
    ReportState,
    TranslationJob,
)

log = logging.getLogger(__name__)


class QueueSizes(Protocol):
    """What the collector needs of a queue: Huey's counts (`TranslationQueue.huey`)."""

    def pending_count(self) -> int: ...

    def scheduled_count(self) -> int: ...


def _by_state(database: Database, column: Any, states: list[str]) -> dict[str, int]:
    with database.engine.connect() as connection:
        rows = connection.execute(select(column, func.count()).group_by(column)).all()
    counts = dict.fromkeys(states, 0)
    counts.update({str(state): number for state, number in rows})
    return counts


class DeskCollector(Collector):
    """Gauges of one desk's database and queue, read at each scrape."""

    def __init__(self, database: Database, queue: QueueSizes) -> None:
        self.database = database
        self.queue = queue

    def describe(self) -> list[Metric]:
        return []  # computed at scrape time: nothing to check for clashes when registered

    def collect(self) -> Iterator[Metric]:
        yield from self._database_series()
        yield from self._queue_series()

    def _database_series(self) -> Iterator[Metric]:
        up = GaugeMetricFamily("transdesk_database_up", "Whether the desk's database answered")
        try:
            tables = (
                ("transdesk_jobs", "Translation jobs by state", TranslationJob.state,
                 [s.value for s in JobState]),
                ("transdesk_articles", "Articles by state", DeskArticle.state,
                 [s.value for s in ArticleState]),
                ("transdesk_reports", "Readers' reports by state", ReaderReport.state,
                 [s.value for s in ReportState]),
            )  # fmt: skip
            families = []
            for name, documentation, column, states in tables:
                family = GaugeMetricFamily(name, documentation, labels=["state"])
                for state, number in _by_state(self.database, column, states).items():
                    family.add_metric([state], number)
                families.append(family)
        except Exception as error:
            log.warning("metrics: cannot read the database: %s", error)
            up.add_metric([], 0)
            yield up
            return
        up.add_metric([], 1)
        yield up
        yield from families

    def _queue_series(self) -> Iterator[Metric]:
        up = GaugeMetricFamily("transdesk_queue_up", "Whether the job queue answered")
        try:
            pending, scheduled = self.queue.pending_count(), self.queue.scheduled_count()
        except Exception as error:
            log.warning("metrics: cannot read the queue: %s", error)
            up.add_metric([], 0)
            yield up
            return
        up.add_metric([], 1)
        yield up
        yield GaugeMetricFamily(
            "transdesk_queue_depth", "Tasks waiting in the queue for a worker", value=pending
        )
        yield GaugeMetricFamily(
            "transdesk_queue_scheduled", "Tasks held in the queue until a later time (retries)",
            value=scheduled,
        )  # fmt: skip
