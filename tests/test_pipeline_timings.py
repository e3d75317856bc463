"""`Pipeline.last_timings`: the engine call apart from the pipeline's own time, in wall-clock and in
CPU seconds, so the desk's overhead can be read on cores other work shares."""

from __future__ import annotations

import time
from collections.abc import Sequence
from pathlib import Path

from fixtures.engines import PhrasebookEngine, seed_phrasebook

from transdesk.article import Article
from transdesk.ingest import read_article
from transdesk.pipeline import Pipeline, PipelineTimings
from transdesk.stage import BaseStage, SegmentJob

EXAMPLE = Path(__file__).parents[1] / "examples" / "putin-kim-beijing.md"


def _burn(seconds: float) -> None:
    """Use this thread's CPU for `seconds` of CPU time."""
    until = time.thread_time() + seconds
    while time.thread_time() < until:
        pass


class SlowEngine(PhrasebookEngine):
    """Waits like a model on other threads (sleeping), and burns some CPU of its own."""

    def __init__(self, wait_s: float, burn_s: float) -> None:
        super().__init__(seed_phrasebook())
        self.wait_s, self.burn_s = wait_s, burn_s

    def translate(self, requests, context, progress=None):  # type: ignore[no-untyped-def]
        time.sleep(self.wait_s)
        _burn(self.burn_s)
        return super().translate(requests, context, progress)


class BusyStage(BaseStage):
    name = "busy"

    def __init__(self, burn_s: float) -> None:
        self.burn_s = burn_s

    def after_engine(self, article: Article, jobs: Sequence[SegmentJob]) -> None:
        _burn(self.burn_s)


def test_overhead_cpu_counts_the_stages_and_not_the_engine():
    pipeline = Pipeline(SlowEngine(wait_s=0.3, burn_s=0.2), [BusyStage(burn_s=0.1)])
    pipeline.translate(read_article(EXAMPLE))
    timings = pipeline.last_timings
    assert timings is not None
    assert timings.engine_s >= 0.5  # the wait and the engine's own CPU
    assert 0.1 <= timings.overhead_cpu_s < 0.2  # the stage's CPU, none of the engine's
    assert timings.overhead_s >= timings.overhead_cpu_s - 0.01


def test_overhead_cpu_leaves_out_time_spent_waiting_in_a_stage():
    class WaitingStage(BaseStage):
        name = "waiting"

        def before_engine(self, article: Article, jobs: Sequence[SegmentJob]) -> None:
            time.sleep(0.2)  # a database far away: wall time, not CPU

    pipeline = Pipeline(PhrasebookEngine(seed_phrasebook()), [WaitingStage()])
    pipeline.translate(read_article(EXAMPLE))
    timings = pipeline.last_timings
    assert timings.overhead_s >= 0.2
    assert timings.overhead_cpu_s < 0.15


def test_timings_built_without_cpu_still_give_the_overhead():
    timings = PipelineTimings(total_s=2.0, engine_s=1.5)
    assert timings.overhead_s == 0.5
    assert timings.overhead_cpu_s is None
