"""Where a fanned-out batch and its workers meet: keys in the job queue's own storage.

Huey's storage (the SQLite queue file, Redis or PostgreSQL, per `TRANSDESK_QUEUE_URL`) holds, for
the batch writing one output file (its `run`):

- `alive`: the coordinator's heartbeat, with the `epoch` of the coordinator now running. A worker
  drops an article whose batch has no fresh heartbeat, or whose epoch is not the current one (a
  message left over from a batch that was killed and started again).
- `claim`: one per attempt at an article, taken with `put_if_empty` (only one worker gets it) and
  renewed while the worker translates. A claim that stops moving means its worker died; the
  coordinator sends the article again as the next attempt.
- `result`: the article's output line. It outlives a coordinator killed before it wrote the line,
  so the rerun writes it without translating the article again.
- `sentence`: the batch's shared sentence cache (`BoardSentences`): a sentence one worker
  translated, for the others. Each result lists the entries its worker added; the coordinator
  records them on the board as it goes (`added`, in chunks per epoch), so the run that completes
  the batch removes them all, a killed run's too.
"""

from __future__ import annotations

import hashlib
import time
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from huey import Huey

from transdesk.batch.inputs import BatchItem

PREFIX = "transdesk-batch"
STALE_RUN_S = 30.0  # a heartbeat older than this: the coordinator is gone


def run_key(output: Path) -> str:
    """The batch's name in the storage: the same for every run that writes the same output."""
    return hashlib.sha256(str(output.resolve()).encode()).hexdigest()[:16]


def item_key(item: BatchItem) -> str:
    """The article's name in the storage: its place in the input and a digest of its content."""
    return f"{item.key}:{hashlib.sha256(item.data).hexdigest()[:16]}"


@dataclass(frozen=True)
class Board:
    huey: Huey
    run: str

    def _key(self, *parts: str) -> str:
        return ":".join((PREFIX, self.run, *parts))

    # the coordinator's heartbeat ----------------------------------------------------------------

    def beat(self, epoch: str) -> None:
        self.huey.put(self._key("alive"), {"epoch": epoch, "at": time.time()})

    def is_current(self, epoch: str) -> bool:
        """Whether the batch that sent a message of `epoch` is still running."""
        alive = self.huey.get(self._key("alive"), peek=True)
        return (
            isinstance(alive, dict)
            and alive.get("epoch") == epoch
            and time.time() - float(alive.get("at", 0)) < STALE_RUN_S
        )

    def is_open(self) -> bool:
        """Whether a run of the batch is going on, or was killed before it could close."""
        return self.huey.get(self._key("alive"), peek=True) is not None

    def end(self) -> None:
        self.huey.delete(self._key("alive"))

    # claims ---------------------------------------------------------------------------------------

    def claim_key(self, item: str, epoch: str, attempt: int) -> str:
        return self._key(item, "claim", epoch, str(attempt))

    def claim(self, key: str, worker: str) -> bool:
        return bool(self.huey.put_if_empty(key, {"worker": worker, "beat": 0}))

    def renew(self, key: str, worker: str, beat: int) -> None:
        self.huey.put(key, {"worker": worker, "beat": beat})

    def peek_claim(self, key: str) -> dict[str, Any] | None:
        value = self.huey.get(key, peek=True)
        return value if isinstance(value, dict) else None

    def drop(self, key: str) -> None:
        self.huey.delete(key)

    # results --------------------------------------------------------------------------------------

    def result_key(self, item: str) -> str:
        return self._key(item, "result")

    def has_result(self, item: str) -> bool:
        return self.huey.get(self.result_key(item), peek=True) is not None

    def put_result(self, item: str, result: dict[str, Any]) -> None:
        self.huey.put(self.result_key(item), result)

    def peek_result(self, item: str) -> dict[str, Any] | None:
        """The result, left in place until its line is written (`drop_result`)."""
        value = self.huey.get(self.result_key(item), peek=True)
        return value if isinstance(value, dict) else None

    def drop_result(self, item: str) -> None:
        self.huey.delete(self.result_key(item))

    # the shared sentence cache --------------------------------------------------------------------

    def sentence_key(self, digest: str) -> str:
        return self._key("sentence", digest)

    def sentences(self) -> BoardSentences:
        return BoardSentences(self)

    def record_added(self, epoch: str, chunk: int, keys: list[str]) -> None:
        """Note shared-cache entries a worker added (chunk `chunk` of this epoch's list)."""
        if chunk == 0:
            epochs = self.huey.get(self._key("epochs"), peek=True) or []
            self.huey.put(self._key("epochs"), [*epochs, epoch])
        self.huey.put(self._key("added", epoch, str(chunk)), keys)
        self.huey.put(self._key("added", epoch), chunk + 1)

    def clear_sentences(self) -> int:
        """Remove every shared-cache entry any run of this batch recorded; return how many."""
        removed = 0
        for epoch in self.huey.get(self._key("epochs"), peek=True) or []:
            for chunk in range(int(self.huey.get(self._key("added", epoch), peek=True) or 0)):
                for key in self.huey.get(self._key("added", epoch, str(chunk)), peek=True) or []:
                    self.huey.delete(key)
                    removed += 1
                self.huey.delete(self._key("added", epoch, str(chunk)))
            self.huey.delete(self._key("added", epoch))
        self.huey.delete(self._key("epochs"))
        return removed


@dataclass
class BoardSentences:
    """The batch's shared sentence cache (`transdesk.batch.cache.SharedSentences`) on the board;
    `added` names the entries this one put there."""

    board: Board
    added: list[str] = field(default_factory=list)

    def get_many(self, digests: Sequence[str]) -> dict[str, tuple[str, float | None]]:
        found = {}
        for digest in digests:
            value = self.board.huey.get(self.board.sentence_key(digest), peek=True)
            if isinstance(value, tuple) and len(value) == 2 and isinstance(value[0], str):
                found[digest] = (value[0], value[1])
        return found

    def put_many(self, answers: Mapping[str, tuple[str, float | None]]) -> None:
        for digest, answer in answers.items():
            key = self.board.sentence_key(digest)
            self.board.huey.put(key, answer)
            self.added.append(key)
