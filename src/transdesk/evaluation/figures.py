"""The desk's own figures for one system: how much the checks hold back, how well the termbase is
obeyed, how much the memory serves, and how fast articles come out."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from transdesk.evaluation.lines import LineResult


@dataclass(frozen=True, slots=True)
class DeskFigures:
    sentences: int
    failed: int
    flagged: int
    term_sentences: int  # sentences where a termbase term matched
    term_compliant: int
    from_memory: int
    articles: int
    seconds: float  # all articles' time through the pipeline, added up

    @property
    def flag_rate(self) -> float:
        return self.flagged / self.sentences if self.sentences else 0.0

    @property
    def term_compliance(self) -> float | None:
        """None ("n/a") when no termbase term matched any sentence."""
        return self.term_compliant / self.term_sentences if self.term_sentences else None

    @property
    def memory_share(self) -> float:
        return self.from_memory / self.sentences if self.sentences else 0.0

    @property
    def sentences_per_second(self) -> float | None:
        return self.sentences / self.seconds if self.seconds > 0 else None

    @property
    def seconds_per_article(self) -> float | None:
        return self.seconds / self.articles if self.articles else None

    def to_dict(self) -> dict[str, object]:
        return {
            "sentences": self.sentences,
            "failed": self.failed,
            "flagged": self.flagged,
            "flag_rate": self.flag_rate,
            "term_sentences": self.term_sentences,
            "term_compliant": self.term_compliant,
            "term_compliance": self.term_compliance,
            "from_memory": self.from_memory,
            "memory_share": self.memory_share,
            "articles": self.articles,
            "seconds": self.seconds,
            "sentences_per_second": self.sentences_per_second,
            "seconds_per_article": self.seconds_per_article,
        }


def desk_figures(lines: Sequence[LineResult]) -> DeskFigures:
    article_seconds = {line.article: line.article_seconds for line in lines}
    return DeskFigures(
        sentences=len(lines),
        failed=sum(line.failed for line in lines),
        flagged=sum(line.flagged for line in lines),
        term_sentences=sum(line.term_matched for line in lines),
        term_compliant=sum(line.term_compliant for line in lines),
        from_memory=sum(line.from_memory for line in lines),
        articles=len(article_seconds),
        seconds=sum(article_seconds.values()),
    )
