"""The local worker processes of `transdesk batch --workers N`.

Each is a desk worker (the queue's `translate` jobs and the batch's `batch_article` tasks) on the
same queue as the coordinator, started with multiprocessing's `spawn`, one article at a time. A
worker whose coordinator dies (even by `kill -9`) notices that its parent is gone and exits, so an
abandoned batch leaves no process behind; its unfinished articles are sent again by the rerun.
"""

from __future__ import annotations

import logging
import multiprocessing
import os
import threading
import time
from multiprocessing.process import BaseProcess

from transdesk.settings import Settings

log = logging.getLogger(__name__)
STOP_WAIT_S = 10.0


def worker_main(settings: Settings, parent_pid: int, log_level: int) -> None:
    """A worker process: serve the queue until stopped (SIGTERM) or until the parent is gone."""
    from transdesk.batch.tasks import register_batch_task
    from transdesk.desk.queue import TranslationQueue
    from transdesk.observability.logs import configure_logging
    from transdesk.store.db import Database

    configure_logging(settings.log_format, log_level)
    threading.Thread(target=_exit_with_parent, args=(parent_pid,), daemon=True).start()
    settings = settings.model_copy(update={"worker_threads": 1})
    database = Database(settings.resolved_database_url)
    try:
        queue = TranslationQueue(settings, database)
        register_batch_task(queue.huey, settings)
        queue.run_forever()
    finally:
        database.close()


def _exit_with_parent(parent_pid: int) -> None:
    while True:
        if os.getppid() != parent_pid:
            os._exit(0)  # the coordinator is gone: nothing is waiting for this worker's results
        time.sleep(0.5)


class LocalWorkers:
    """N worker processes; `check()` replaces any that died."""

    def __init__(self, settings: Settings, count: int, max_restarts: int | None = None) -> None:
        self.settings = settings
        self.count = count
        self.max_restarts = count * 3 if max_restarts is None else max_restarts
        self.restarts = 0
        self._context = multiprocessing.get_context("spawn")
        self._processes: list[BaseProcess] = []

    def start(self) -> None:
        for _ in range(self.count):
            self._processes.append(self._spawn())
        log.info("started %d local batch workers", self.count)

    def _spawn(self) -> BaseProcess:
        process = self._context.Process(
            target=worker_main,
            args=(self.settings, os.getpid(), logging.getLogger().getEffectiveLevel()),
            name="transdesk-batch-worker",
        )
        process.start()
        return process

    @property
    def pids(self) -> list[int]:
        return [p.pid for p in self._processes if p.pid is not None]

    def check(self) -> int:
        """Replace the workers that stopped; return how many were replaced. Raises RuntimeError
        when they keep stopping (more than `max_restarts` in all)."""
        replaced = 0
        for index, process in enumerate(self._processes):
            if process.is_alive():
                continue
            log.warning("batch worker %s stopped (exit %s); starting another", process.pid,
                        process.exitcode)  # fmt: skip
            self.restarts += 1
            if self.restarts > self.max_restarts:
                raise RuntimeError(f"the local batch workers stopped {self.restarts} times")
            self._processes[index] = self._spawn()
            replaced += 1
        return replaced

    def stop(self) -> None:
        """Ask every worker to finish (SIGTERM), then kill those still running."""
        for process in self._processes:
            if process.is_alive():
                process.terminate()
        deadline = time.monotonic() + STOP_WAIT_S
        for process in self._processes:
            process.join(max(0.0, deadline - time.monotonic()))
            if process.is_alive():
                process.kill()
                process.join(1)
        self._processes.clear()
