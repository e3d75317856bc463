"""The batch-article task, on the desk's Huey instance: what a worker does with one article.

`register_batch_task(huey, settings)` adds the task `batch_article` to a Huey instance; every
process that runs batch articles (the local workers of `transdesk batch --workers N`, and
`transdesk worker` once its queue registers it) and the coordinator that sends them call it. The
message carries the article itself, the batch's pipeline switches, and its run, epoch and attempt
(see `transdesk.batch.board`). The worker translates with its own engine settings.
"""

from __future__ import annotations

import contextvars
import logging
import os
import socket
import threading
import uuid
from dataclasses import asdict
from typing import Any

from huey import Huey
from huey.api import TaskWrapper

from transdesk.batch.article import ArticleTranslator
from transdesk.batch.board import Board
from transdesk.batch.build import BatchOptions, build_translator
from transdesk.batch.cache import sharing
from transdesk.batch.inputs import BatchItem
from transdesk.errors import EngineUnavailable
from transdesk.settings import Settings

log = logging.getLogger(__name__)
TASK_NAME = "batch_article"
BEAT_S = 1.0  # how often a worker renews its claim while it translates


class BatchWorkerState:
    """One process's translators (one per set of pipeline switches), built on first use."""

    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        self.worker_id = f"{socket.gethostname()}:{os.getpid()}:{uuid.uuid4().hex[:6]}"
        self._translators: dict[BatchOptions, ArticleTranslator] = {}
        self._lock = threading.Lock()

    def translator(self, options: BatchOptions) -> ArticleTranslator:
        with self._lock:
            if options not in self._translators:
                self._translators[options] = build_translator(self.settings, options)
            return self._translators[options]

    def close(self) -> None:
        with self._lock:
            for translator in self._translators.values():
                translator.pipeline.close()
            self._translators.clear()


class ClaimKeeper:
    """Renews a claim in the background while the article is translated."""

    def __init__(self, board: Board, key: str, worker: str) -> None:
        self._board, self._key, self._worker = board, key, worker
        self._stop = threading.Event()
        self._thread = threading.Thread(
            target=contextvars.copy_context().run, args=(self._run,), name="batch-claim",
            daemon=True,
        )  # fmt: skip

    def _run(self) -> None:
        beat = 0
        while not self._stop.wait(BEAT_S):
            beat += 1
            try:
                self._board.renew(self._key, self._worker, beat)
            except Exception:  # a storage hiccup: the next beat tries again
                log.warning("could not renew the batch claim %s", self._key, exc_info=True)

    def __enter__(self) -> ClaimKeeper:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join(timeout=5)


def run_batch_article(
    huey: Huey, state: BatchWorkerState, message: dict[str, Any]
) -> str:
    """Translate one article of a batch and leave its result on the board; return what happened
    (`done`, or why it was dropped: `stale`, `already done`, `claimed`)."""
    board = Board(huey, message["run"])
    item_name, epoch, attempt = message["item_key"], message["epoch"], message["attempt"]
    if not board.is_current(epoch):
        log.info("batch %s: dropping %s, its batch is no longer running", board.run, item_name)
        return "stale"
    if board.has_result(item_name):
        return "already done"
    claim = board.claim_key(item_name, epoch, attempt)
    if not board.claim(claim, state.worker_id):
        return "claimed"
    item = BatchItem(**message["item"])
    options = BatchOptions(**message["options"])
    shared = board.sentences()
    with ClaimKeeper(board, claim, state.worker_id), sharing(shared):
        try:
            result = state.translator(options).translate(item)
        except EngineUnavailable as error:
            board.put_result(item_name, {"fatal": str(error), "exit_code": error.exit_code})
            return "engine unavailable"
    if not board.is_open():
        return "stale"  # the batch was closed while this article was translated
    board.put_result(item_name, {
        "record": result.record, "counts": asdict(result.counts), "exit_code": result.exit_code,
        "sentences_added": shared.added,
    })  # fmt: skip
    return "done"


def register_batch_task(huey: Huey, settings: Settings) -> TaskWrapper:
    """Add `batch_article` to `huey` (once per instance) and return the task to enqueue with."""
    existing = getattr(huey, "_transdesk_batch_task", None)
    if existing is not None:
        return existing
    state = BatchWorkerState(settings)

    def batch_article(message: dict[str, Any]) -> str:
        return run_batch_article(huey, state, message)

    task = huey.task(name=TASK_NAME)(batch_article)
    huey._transdesk_batch_task = task  # type: ignore[attr-defined]
    huey.on_shutdown(name="transdesk-batch")(state.close)
    return task
