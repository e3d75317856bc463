"""An evaluation's results: every system's scores and desk figures, and the paired comparison."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

import sacrebleu

from transdesk import __version__
from transdesk.evaluation.compare import Comparison, paired_bootstrap
from transdesk.evaluation.corpus import ParallelCorpus
from transdesk.evaluation.figures import DeskFigures, desk_figures
from transdesk.evaluation.scores import (
    DEFAULT_COMET_MODEL,
    CometScore,
    Score,
    comet_score,
    corpus_scores,
    sentence_chrf,
)
from transdesk.evaluation.system import SystemRun


@dataclass(frozen=True, slots=True)
class SystemReport:
    run: SystemRun
    bleu: Score
    chrf: Score
    comet: CometScore
    figures: DeskFigures
    sentence_chrf: tuple[float, ...]

    @property
    def label(self) -> str:
        return self.run.label

    def to_dict(self) -> dict[str, object]:
        return {
            "label": self.label,
            "pipeline": self.run.signature,
            "checkpoint_key": self.run.key,
            "resumed_lines": self.run.resumed,
            "translated_lines": self.run.translated,
            "bleu": {"score": self.bleu.value, "signature": self.bleu.signature},
            "chrf++": {"score": self.chrf.value, "signature": self.chrf.signature},
            "comet": {
                "model": self.comet.model,
                "score": self.comet.value,
                "note": self.comet.note,
            },
            "desk": self.figures.to_dict(),
        }


@dataclass(frozen=True, slots=True)
class EvalReport:
    corpus: ParallelCorpus
    systems: tuple[SystemReport, ...]
    comparison: Comparison | None
    article_lines: int
    created: str

    def to_dict(self) -> dict[str, object]:
        return {
            "transdesk": __version__,
            "sacrebleu": sacrebleu.__version__,
            "created": self.created,
            "corpus": {
                "name": self.corpus.name,
                "origin": self.corpus.origin,
                "lines": len(self.corpus),
                "fingerprint": self.corpus.fingerprint(),
            },
            "article_lines": self.article_lines,
            "systems": [system.to_dict() for system in self.systems],
            "comparison": self.comparison.to_dict() if self.comparison else None,
        }


def score_system(
    run: SystemRun, corpus: ParallelCorpus, comet_model: str = DEFAULT_COMET_MODEL
) -> SystemReport:
    hypotheses = run.hypotheses
    references = list(corpus.references)
    bleu, chrf = corpus_scores(hypotheses, references)
    comet = comet_score(corpus.sources, hypotheses, references, comet_model)
    return SystemReport(
        run=run,
        bleu=bleu,
        chrf=chrf,
        comet=comet,
        figures=desk_figures(run.lines),
        sentence_chrf=tuple(sentence_chrf(hypotheses, references)),
    )


def build_report(
    corpus: ParallelCorpus,
    runs: Sequence[SystemRun],
    *,
    article_lines: int,
    resamples: int,
    comet_model: str = DEFAULT_COMET_MODEL,
) -> EvalReport:
    systems = tuple(score_system(run, corpus, comet_model) for run in runs)
    comparison = None
    if len(runs) > 1:
        comparison = paired_bootstrap(
            [(run.label, run.hypotheses) for run in runs], corpus.references, resamples
        )
    created = dt.datetime.now(dt.UTC).isoformat(timespec="seconds")
    return EvalReport(corpus, systems, comparison, article_lines, created)
