"""The batch over the desk's job queue: this process sends the articles and writes the output,
workers translate them.

The coordinator keeps a window of articles in flight ahead of the next line to write, sends each
as a `batch_article` task, and writes results strictly in input order as they arrive on the board
(`transdesk.batch.board`), so the output and its checkpoint work as for one process. An article is
sent again (its next attempt) when its claim stops moving (the worker died), or when it was never
claimed although an article sent after it was, a while ago (its message was lost, e.g. taken by a
process that does not know the task). A result the workers left from an earlier, killed run of the
same batch is written without translating the article again.
"""

from __future__ import annotations

import itertools
import logging
import time
import uuid
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from transdesk.batch.board import Board, item_key, run_key
from transdesk.batch.build import BatchOptions, build_translator
from transdesk.batch.inputs import BatchItem
from transdesk.batch.output import OutputLog
from transdesk.batch.stats import ArticleCounts, ArticleResult, BatchStats
from transdesk.batch.tasks import register_batch_task
from transdesk.batch.workers import LocalWorkers
from transdesk.desk.queue import make_huey
from transdesk.errors import EngineError, EngineUnavailable
from transdesk.settings import Settings

log = logging.getLogger(__name__)
POLL_S = 0.05
CHECK_S = 1.0  # heartbeat, claims and local workers are looked at this often
STALE_CLAIM_S = 10.0  # a claim unchanged this long: its worker is gone
LOST_MESSAGE_S = 15.0  # unclaimed, while a later article was claimed this long ago


@dataclass
class InFlight:
    """An article sent to the workers and not written yet."""

    item: BatchItem
    name: str
    attempt: int = 0
    sequence: int = 0  # order of sending, across attempts
    claim_seen: dict[str, Any] | None = None
    claim_moved_at: float = 0.0
    claimed_at: float | None = None
    result: dict[str, Any] | None = field(default=None, repr=False)


class Coordinator:
    """Sends, watches and collects the articles of one batch run."""

    def __init__(self, settings: Settings, options: BatchOptions, output_path: Path) -> None:
        self.huey = make_huey(settings)
        self.task = register_batch_task(self.huey, settings)
        self.board = Board(self.huey, run_key(output_path))
        self.epoch = uuid.uuid4().hex[:12]
        self.options = options
        self._sequence = itertools.count(1)
        self.resent: dict[str, int] = {}  # article → attempts, for those sent more than once
        self._added: list[str] = []  # shared-cache entries not yet recorded on the board
        self._chunks = 0

    def send(self, flight: InFlight) -> None:
        flight.attempt += 1
        flight.sequence = next(self._sequence)
        flight.claim_seen, flight.claimed_at = None, None
        flight.claim_moved_at = time.monotonic()
        self.task({
            "run": self.board.run, "epoch": self.epoch, "attempt": flight.attempt,
            "item_key": flight.name, "item": asdict(flight.item), "options": self.options.as_dict(),
        })  # fmt: skip

    def start(self, item: BatchItem) -> InFlight:
        """Put an article in flight: its earlier result if one is on the board, else send it."""
        flight = InFlight(item, item_key(item))
        flight.result = self.board.peek_result(flight.name)
        if flight.result is not None and "fatal" in flight.result:
            self.board.drop_result(flight.name)  # an engine failure of a run that stopped on it
            flight.result = None
        if flight.result is None:
            self.send(flight)
        else:
            log.info("%s: taking the result left by an earlier run", flight.name)
        return flight

    def poll(self, flights: Iterable[InFlight]) -> None:
        for flight in flights:
            if flight.result is None:
                flight.result = self.board.peek_result(flight.name)

    def watch(self, flights: list[InFlight]) -> None:
        """Send again what a dead worker or a lost message left behind."""
        now = time.monotonic()
        for flight in flights:
            if flight.result is not None:
                continue
            key = self.board.claim_key(flight.name, self.epoch, flight.attempt)
            claim = self.board.peek_claim(key)
            if claim is not None:
                if claim != flight.claim_seen:
                    flight.claim_seen, flight.claim_moved_at = claim, now
                    flight.claimed_at = flight.claimed_at or now
                elif now - flight.claim_moved_at > STALE_CLAIM_S:
                    log.warning("%s: worker %s stopped answering; sending it again",
                                flight.name, claim.get("worker"))  # fmt: skip
                    self._resend(flight)
        for flight in flights:
            unclaimed = flight.result is None and flight.claimed_at is None
            if unclaimed and _overtaken(flight, flights, now):
                log.warning("%s: never claimed though later articles were; sending it again",
                            flight.name)  # fmt: skip
                self._resend(flight)

    def _resend(self, flight: InFlight) -> None:
        self.send(flight)
        self.resent[flight.name] = flight.attempt

    def accept(self, flight: InFlight) -> ArticleResult:
        """The article's result as the output takes it; an engine that cannot run stops the
        batch (the next run sends the article again)."""
        result = flight.result
        assert result is not None
        if "fatal" in result:
            self.board.drop_result(flight.name)
            raise EngineUnavailable(f"a batch worker's engine cannot run: {result['fatal']}")
        self._added.extend(result.get("sentences_added", ()))
        return ArticleResult(
            record=result["record"], counts=ArticleCounts(**result["counts"]),
            exit_code=int(result["exit_code"]),
        )  # fmt: skip

    def finish(self, flight: InFlight) -> None:
        """After its line is written: clear the article's traces from the board."""
        self.board.drop_result(flight.name)
        for attempt in range(1, flight.attempt + 1):
            self.board.drop(self.board.claim_key(flight.name, self.epoch, attempt))

    def record_added(self) -> None:
        """Note on the board the shared-cache entries the workers reported since last time."""
        if self._added:
            self.board.record_added(self.epoch, self._chunks, self._added)
            self._chunks += 1
            self._added = []

    def close(self, *, complete: bool) -> None:
        """End the run; a complete batch also clears its shared sentence cache (an interrupted
        one leaves it to the rerun, which finds it under the same run and clears it at the end)."""
        try:
            self.board.end()
            self.record_added()
            if complete:
                for name, attempts in self.resent.items():  # what a slow first attempt left late
                    self.board.drop_result(name)
                    for attempt in range(1, attempts + 1):
                        self.board.drop(self.board.claim_key(name, self.epoch, attempt))
                removed = self.board.clear_sentences()
                log.info("cleared %d shared sentence-cache entries", removed)
        except Exception:  # the queue's storage failing: whatever stopped the batch says more
            log.warning("could not tidy the batch's entries in the queue storage", exc_info=True)
        finally:
            self.huey.storage.close()


def _overtaken(flight: InFlight, flights: list[InFlight], now: float) -> bool:
    return any(
        other.sequence > flight.sequence
        and other.claimed_at is not None
        and now - other.claimed_at > LOST_MESSAGE_S
        for other in flights
    )


def run_fanout(
    items: Iterable[BatchItem],
    output: OutputLog,
    settings: Settings,
    options: BatchOptions,
    stats: BatchStats,
    advance: Callable[[int], object] | None = None,
    *,
    workers: int,
    output_path: Path,
    window: int | None = None,
) -> None:
    """Translate the items not yet in `output` through the job queue, `workers` local worker
    processes (0: only workers elsewhere), writing each line in input order."""
    if workers:
        _check_engine(settings, options)
    started = time.perf_counter()
    coordinator = Coordinator(settings, options, output_path)
    pool = LocalWorkers(settings, workers) if workers else None
    width = window or max(16, 4 * max(workers, 1))
    pending: Iterator[BatchItem] = (i for i in items if i.key not in output.done)
    flights: deque[InFlight] = deque()
    complete = False
    try:
        coordinator.board.beat(coordinator.epoch)
        if pool:
            pool.start()
        last_check = time.monotonic()
        exhausted = False
        while True:
            while not exhausted and len(flights) < width:
                item = next(pending, None)
                if item is None:
                    exhausted = True
                else:
                    flights.append(coordinator.start(item))
            if not flights:
                complete = True
                break
            coordinator.poll(flights)
            wrote = 0
            while flights and flights[0].result is not None:
                flight = flights.popleft()
                result = coordinator.accept(flight)
                output.append(result.record)
                stats.add(result)
                coordinator.finish(flight)
                wrote += 1
            if wrote and advance:
                advance(wrote)
            if time.monotonic() - last_check > CHECK_S:
                coordinator.board.beat(coordinator.epoch)
                coordinator.record_added()
                coordinator.watch(list(flights))
                if pool:
                    _keep_workers(pool)
                last_check = time.monotonic()
            if not wrote:
                time.sleep(POLL_S)
    finally:
        if pool:
            pool.stop()
        coordinator.close(complete=complete)
        stats.seconds += time.perf_counter() - started
        if coordinator.resent:
            log.warning("%d articles were sent again after a worker stopped",
                        len(coordinator.resent))  # fmt: skip


def _keep_workers(pool: LocalWorkers) -> None:
    try:
        pool.check()
    except RuntimeError as error:
        raise EngineError(
            f"{error}; the batch stops (the output keeps what was done)",
            hint="run with -v to see why they stop, or with --workers 1",
        ) from None


def _check_engine(settings: Settings, options: BatchOptions) -> None:
    """Build the pipeline once here before starting workers: an engine that cannot run stops the
    command with its own message (exit 3) instead of every worker failing."""
    translator = build_translator(settings, options)
    translator.pipeline.close()
