"""A JSON Lines file of per-line results, so an interrupted evaluation resumes where it stopped.

Each record carries the key of the configuration that produced it (the pipeline's signature and
the evaluation options, hashed) and the line index. One file serves every system of a comparison.
Lines whose translation failed are not taken back: a rerun asks the engine again.
"""

from __future__ import annotations

import hashlib
import json
import logging
from collections.abc import Iterable, Mapping
from pathlib import Path

from transdesk.errors import StorageError
from transdesk.evaluation.lines import LineResult

log = logging.getLogger(__name__)


def configuration_key(signature: Mapping[str, object], options: Mapping[str, object]) -> str:
    """A short stable hash of everything that decides a line's translation."""
    payload = json.dumps({"pipeline": signature, "options": options}, sort_keys=True, default=str)
    return hashlib.sha256(payload.encode()).hexdigest()[:20]


class Checkpoint:
    def __init__(self, path: Path) -> None:
        self.path = path

    def load(self, key: str, sources: tuple[str, ...]) -> dict[int, LineResult]:
        """Results already recorded for `key` whose source line is still the same."""
        if not self.path.exists():
            return {}
        done: dict[int, LineResult] = {}
        with self.path.open(encoding="utf-8") as handle:
            for number, raw in enumerate(handle, start=1):
                record = self._parse(raw, number)
                if record is None or record.get("key") != key:
                    continue
                line = LineResult.from_record(record)
                same_source = line.index < len(sources) and sources[line.index] == line.source
                if same_source and not line.failed:
                    done[line.index] = line
        return done

    def _parse(self, raw: str, number: int) -> dict[str, object] | None:
        try:
            record = json.loads(raw)
        except json.JSONDecodeError:
            log.warning(
                "%s: line %d is incomplete (interrupted write); ignoring it", self.path, number
            )
            return None
        return record if isinstance(record, dict) else None

    def record(self, key: str, lines: Iterable[LineResult]) -> None:
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            with self.path.open("a", encoding="utf-8") as handle:
                if self._ends_mid_line():
                    handle.write("\n")  # after an interrupted write, start a fresh line
                for line in lines:
                    handle.write(json.dumps({"key": key, **line.to_record()}, ensure_ascii=False))
                    handle.write("\n")
                handle.flush()
        except OSError as error:
            raise StorageError(f"cannot write the checkpoint {self.path}: {error}") from error

    def _ends_mid_line(self) -> bool:
        if not self.path.exists() or self.path.stat().st_size == 0:
            return False
        with self.path.open("rb") as handle:
            handle.seek(-1, 2)
            return handle.read(1) != b"\n"

    def discard(self) -> None:
        self.path.unlink(missing_ok=True)
