"""Translate a test set through the desk's own pipeline, one pseudo-article of N lines at a time.

Each source line is one segment. Consecutive lines are grouped into pseudo-articles of
`article_lines` lines (each line its own paragraph, under an empty headline), so engines see the
same neighbouring-sentence context and batching they get on the desk, and the time per article is
measured the way an editor waits for it. With `article_lines=1` every line is its own article and
the time per sentence is exact.
"""

from __future__ import annotations

import datetime as dt
import logging
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from transdesk.article import Article, Block, BlockKind, Dateline, Segment
from transdesk.evaluation.checkpoint import Checkpoint, configuration_key
from transdesk.evaluation.corpus import ParallelCorpus
from transdesk.evaluation.lines import LineResult, line_result
from transdesk.pipeline import Pipeline

log = logging.getLogger(__name__)

LineProgress = Callable[[int, int], None]  # (lines done, lines total)


@dataclass(frozen=True, slots=True)
class SystemRun:
    """One system's results on the whole test set, in line order."""

    label: str
    signature: dict[str, object]
    key: str
    lines: tuple[LineResult, ...]
    resumed: int  # lines taken from the checkpoint instead of translated in this run

    @property
    def hypotheses(self) -> list[str]:
        """The output as scored: a failed line counts as an empty translation."""
        return [line.hypothesis or "" for line in self.lines]

    @property
    def translated(self) -> int:
        return len(self.lines) - self.resumed


def pseudo_article(corpus: ParallelCorpus, indices: Sequence[int], dateline: Dateline) -> Article:
    """An article whose paragraphs are the given lines, one sentence each."""
    blocks = [Block(0, BlockKind.HEADLINE, "", ())]
    for position, index in enumerate(indices, start=1):
        text = corpus.sources[index]
        segment = Segment(f"b{position}.s0", position, 0, text, 0, len(text))
        blocks.append(Block(position, BlockKind.PARAGRAPH, text, (segment,)))
    slug = f"{corpus.name}-{indices[0]:06d}"
    return Article(slug=slug, blocks=tuple(blocks), dateline=dateline, source=corpus.origin)


def _chunks(indices: list[int], size: int) -> list[list[int]]:
    return [indices[i : i + size] for i in range(0, len(indices), size)]


def _translate_chunk(
    pipeline: Pipeline, corpus: ParallelCorpus, chunk: list[int], dateline: Dateline
) -> list[LineResult]:
    article = pseudo_article(corpus, chunk, dateline)
    started = time.perf_counter()
    translated = pipeline.translate(article)
    seconds = time.perf_counter() - started
    by_block = {s.segment.block_index: s for s in translated.segments}
    return [
        line_result(
            index,
            by_block[position],
            article=f"{chunk[0]}-{chunk[-1]}",
            article_lines=len(chunk),
            article_seconds=seconds,
        )
        for position, index in enumerate(chunk, start=1)
    ]


def run_system(
    label: str,
    pipeline: Pipeline,
    corpus: ParallelCorpus,
    checkpoint: Checkpoint,
    *,
    article_lines: int = 10,
    dateline: Dateline | None = None,
    progress: LineProgress | None = None,
) -> SystemRun:
    """Translate every line not already in the checkpoint; record each article as it finishes."""
    if article_lines < 1:
        raise ValueError("article_lines must be at least 1")
    dateline = dateline or Dateline(dt.date.today())
    signature = pipeline.signature()
    options = {"article_lines": article_lines, "dateline": dateline.isoformat()}
    key = configuration_key(signature, options)
    done = checkpoint.load(key, corpus.sources)
    resumed = len(done)
    if resumed:
        log.info("%s: %d of %d lines taken from %s", label, resumed, len(corpus), checkpoint.path)
    pending = [i for i in range(len(corpus)) if i not in done]
    for chunk in _chunks(pending, article_lines):
        results = _translate_chunk(pipeline, corpus, chunk, dateline)
        checkpoint.record(key, results)
        done.update((line.index, line) for line in results)
        if progress:
            progress(len(done), len(corpus))
    lines = tuple(done[i] for i in range(len(corpus)))
    return SystemRun(label, signature, key, lines, resumed)
