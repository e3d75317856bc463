"""Readiness of the desk: can it take and do work now? The engine, the database and the queue.

Each check runs in a thread of its own and must answer within `TRANSDESK_READY_TIMEOUT_S`; one
that does not (a database host that drops packets, an LLM server that hangs) counts as not ready,
and is not started again while it still hangs, so probes never pile up threads.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from dataclasses import dataclass

from sqlalchemy import text

from transdesk.engines.readiness import Readiness, engine_ready
from transdesk.settings import Settings
from transdesk.store.db import Database

Check = Callable[[], Readiness]


@dataclass(frozen=True)
class DeskReadiness:
    checks: dict[str, Readiness]

    @property
    def ready(self) -> bool:
        return all(check.ok for check in self.checks.values())

    def as_dict(self) -> dict[str, object]:
        return {
            "ready": self.ready,
            "checks": {name: check.as_dict() for name, check in self.checks.items()},
        }


def database_ready(database: Database) -> Readiness:
    try:
        with database.engine.connect() as connection:
            connection.execute(text("SELECT 1"))
    except Exception as error:
        first_line = str(getattr(error, "orig", None) or error).strip().splitlines()
        return Readiness(False, f"{type(error).__name__}: {first_line[0] if first_line else ''}")
    return Readiness(True, database.dialect)


def queue_ready(pending_count: Callable[[], int]) -> Readiness:
    try:
        waiting = pending_count()
    except Exception as error:
        return Readiness(False, f"{type(error).__name__}: {error}".strip())
    return Readiness(True, f"{waiting} waiting")


class ReadinessChecker:
    """Runs the desk's checks side by side, each under the deadline."""

    def __init__(self, checks: dict[str, Check], timeout_s: float) -> None:
        self.checks = checks
        self.timeout_s = timeout_s
        self._hanging: dict[str, threading.Thread] = {}
        self._lock = threading.Lock()

    def run(self) -> DeskReadiness:
        results: dict[str, Readiness] = {}
        threads: dict[str, threading.Thread] = {}
        with self._lock:
            for name, check in self.checks.items():
                earlier = self._hanging.get(name)
                if earlier is not None and earlier.is_alive():
                    results[name] = Readiness(False, "the previous check has not answered yet")
                    continue

                def run_one(name: str = name, check: Check = check) -> None:
                    try:
                        results[name] = check()
                    except Exception as error:
                        results[name] = Readiness(False, f"{type(error).__name__}: {error}")

                thread = threading.Thread(target=run_one, name=f"ready-{name}", daemon=True)
                thread.start()
                threads[name] = thread
        deadline = time.monotonic() + self.timeout_s  # side by side: one deadline for all
        for name, thread in threads.items():
            thread.join(max(0.0, deadline - time.monotonic()))
            if thread.is_alive():
                with self._lock:
                    self._hanging[name] = thread
        answered = {name: results.get(name) for name in self.checks}
        return DeskReadiness({
            name: result or Readiness(False, f"no answer within {self.timeout_s:g} s")
            for name, result in answered.items()
        })  # fmt: skip


def desk_checker(
    settings: Settings, database: Callable[[], Database], pending_count: Callable[[], int]
) -> ReadinessChecker:
    """The checker of one desk: its engine, its database and its queue (each looked up when
    checked: `database()` gives the desk's `Database`, `pending_count()` asks its queue)."""
    timeout_s = settings.ready_timeout_s
    return ReadinessChecker(
        {
            "engine": lambda: engine_ready(settings, timeout_s),
            "database": lambda: database_ready(database()),
            "queue": lambda: queue_ready(pending_count),
        },
        timeout_s,
    )
