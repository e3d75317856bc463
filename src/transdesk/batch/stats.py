"""What a batch did, counted as it goes and shown as a table at the end."""

from __future__ import annotations

from dataclasses import dataclass, field, fields


@dataclass
class ArticleCounts:
    """The sentences of one article by where their English came from."""

    sentences: int = 0
    from_memory: int = 0
    from_engine: int = 0  # sent to the engine
    from_cache: int = 0  # answered by the batch's sentence cache

    def as_dict(self) -> dict[str, int]:
        return {f.name: getattr(self, f.name) for f in fields(self)}


@dataclass
class ArticleResult:
    """One article done: its output line, its counts, and 0 or the exit code of its failure."""

    record: dict[str, object]
    counts: ArticleCounts = field(default_factory=ArticleCounts)
    exit_code: int = 0

    @property
    def failed(self) -> bool:
        return self.exit_code != 0


@dataclass
class BatchStats:
    """The whole batch: articles by outcome, sentences by origin, time."""

    done: int = 0
    skipped: int = 0  # already in the output when the batch started
    failed: int = 0
    sentences: int = 0
    from_memory: int = 0
    from_engine: int = 0
    from_cache: int = 0
    seconds: float = 0.0
    exit_code: int = 0  # the exit code of the first failure (0: none failed)

    def add(self, result: ArticleResult) -> None:
        counts = result.counts
        if result.failed:
            self.failed += 1
            self.exit_code = self.exit_code or result.exit_code
        else:
            self.done += 1
        self.sentences += counts.sentences
        self.from_memory += counts.from_memory
        self.from_engine += counts.from_engine
        self.from_cache += counts.from_cache

    @property
    def articles_per_s(self) -> float:
        handled = self.done + self.failed
        return handled / self.seconds if self.seconds > 0 else 0.0

    def table(self) -> str:
        """The summary the command prints at the end (two aligned columns)."""
        rows = [
            ("articles translated", f"{self.done:,}"),
            ("skipped (already done)", f"{self.skipped:,}"),
            ("failed", f"{self.failed:,}"),
            ("sentences", f"{self.sentences:,}"),
            ("  from memory", f"{self.from_memory:,}"),
            ("  from the engine", f"{self.from_engine:,}"),
            ("  from the batch cache", f"{self.from_cache:,}"),
            ("time", f"{self.seconds:.1f} s"),
            ("articles/s", f"{self.articles_per_s:.2f}"),
        ]
        width = max(len(name) for name, _ in rows)
        values = max(len(value) for _, value in rows)
        return "\n".join(f"{name:<{width}}  {value:>{values}}" for name, value in rows)
