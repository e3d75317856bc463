"""The report's two plots, drawn with matplotlib's Agg backend (no display needed).

matplotlib is imported when a plot is drawn, not with the module: every `transdesk` command
imports this one, and pyplot alone takes a noticeable part of a second to load."""

from __future__ import annotations

import functools
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from transdesk.evaluation.lines import LineResult

if TYPE_CHECKING:
    from matplotlib.figure import Figure


@functools.cache
def _pyplot():  # type: ignore[no-untyped-def]
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot

    return matplotlib.pyplot


def plot_score_distribution(systems: Sequence[tuple[str, Sequence[float]]], path: Path) -> Path:
    """Histogram of sentence-level chrF++ for every system, overlaid."""
    figure, axes = _pyplot().subplots(figsize=(7, 4))
    bins = [x * 5 for x in range(21)]
    for label, scores in systems:
        axes.hist(scores, bins=bins, histtype="step", linewidth=1.5, label=label)
    axes.set_xlabel("sentence chrF++")
    axes.set_ylabel("sentences")
    axes.set_title("Score distribution")
    axes.legend()
    return _save(figure, path)


def plot_time_by_length(systems: Sequence[tuple[str, Sequence[LineResult]]], path: Path) -> Path:
    """Seconds per sentence against source length, one point per pseudo-article.

    An article's point sits at its sentences' mean length (characters) and its time divided by
    its sentence count; with one line per article each point is one sentence.
    """
    figure, axes = _pyplot().subplots(figsize=(7, 4))
    for label, lines in systems:
        articles: dict[str, list[LineResult]] = {}
        for line in lines:
            articles.setdefault(line.article, []).append(line)
        xs = [sum(len(x.source) for x in group) / len(group) for group in articles.values()]
        ys = [group[0].article_seconds / group[0].article_lines for group in articles.values()]
        axes.scatter(xs, ys, s=14, alpha=0.7, label=label)
    axes.set_xlabel("source length (characters, mean per article)")
    axes.set_ylabel("seconds per sentence")
    axes.set_title("Time per sentence by source length")
    axes.legend()
    return _save(figure, path)


def _save(figure: Figure, path: Path) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    figure.tight_layout()
    figure.savefig(path, dpi=100)
    _pyplot().close(figure)
    return path
