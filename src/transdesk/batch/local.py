"""The batch in this process: the articles one after the other, each line written as it is done."""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable

from transdesk.batch.article import ArticleTranslator
from transdesk.batch.inputs import BatchItem
from transdesk.batch.output import OutputLog
from transdesk.batch.stats import BatchStats

Advance = Callable[[int], object]  # the progress bar: articles just finished


def run_local(
    items: Iterable[BatchItem],
    output: OutputLog,
    translator: ArticleTranslator,
    stats: BatchStats,
    advance: Advance | None = None,
) -> None:
    """Translate the items not yet in the output, in order, appending each line when done."""
    started = time.perf_counter()
    try:
        for item in items:
            if item.key in output.done:
                continue
            result = translator.translate(item)
            output.append(result.record)
            stats.add(result)
            if advance:
                advance(1)
    finally:
        stats.seconds += time.perf_counter() - started
