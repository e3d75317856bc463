"""Quality scores the way MT research reports them: sacrebleu's BLEU and chrF++ with their
signatures, and COMET where the optional `unbabel-comet` extra and its model are installed."""

from __future__ import annotations

import logging
from collections.abc import Sequence
from dataclasses import dataclass

from sacrebleu.metrics import BLEU, CHRF

log = logging.getLogger(__name__)

DEFAULT_COMET_MODEL = "Unbabel/wmt22-comet-da"


def bleu_metric() -> BLEU:
    return BLEU()


def chrf_metric() -> CHRF:
    """chrF++: character n-grams plus word unigrams and bigrams."""
    return CHRF(word_order=2)


@dataclass(frozen=True, slots=True)
class Score:
    name: str
    value: float
    signature: str


@dataclass(frozen=True, slots=True)
class CometScore:
    """A COMET system score, or why there is none (`value` None, `note` says why)."""

    model: str
    value: float | None
    note: str
    segments: tuple[float, ...] = ()


def corpus_scores(hypotheses: Sequence[str], references: Sequence[str]) -> tuple[Score, Score]:
    """(BLEU, chrF++) over the whole test set, each with its sacrebleu signature."""
    scores = []
    for metric in (bleu_metric(), chrf_metric()):
        result = metric.corpus_score(list(hypotheses), [list(references)])
        scores.append(Score(result.name, result.score, metric.get_signature().format()))
    return scores[0], scores[1]


def sentence_chrf(hypotheses: Sequence[str], references: Sequence[str]) -> list[float]:
    """chrF++ of every sentence on its own (for the distribution plot)."""
    metric = chrf_metric()
    return [
        metric.sentence_score(h, [r]).score for h, r in zip(hypotheses, references, strict=True)
    ]


def comet_score(
    sources: Sequence[str],
    hypotheses: Sequence[str],
    references: Sequence[str],
    model_name: str = DEFAULT_COMET_MODEL,
    *,
    gpus: int = 0,
) -> CometScore:
    """COMET when `unbabel-comet` is importable and its model is already downloaded."""
    try:
        import comet  # type: ignore[import-not-found]
    except ImportError:
        return CometScore(model_name, None, "not installed (pip install 'transdesk[comet]')")
    try:
        checkpoint = comet.download_model(model_name, local_files_only=True)
        model = comet.load_from_checkpoint(checkpoint)
    except Exception as error:  # noqa: BLE001 -- hub and torch errors vary; all mean "no model"
        log.info("COMET model %s unavailable: %s", model_name, error)
        return CometScore(model_name, None, f"model {model_name} not downloaded")
    data = [
        {"src": s, "mt": h, "ref": r}
        for s, h, r in zip(sources, hypotheses, references, strict=True)
    ]
    output = model.predict(data, batch_size=16, gpus=gpus, progress_bar=False)
    return CometScore(
        model_name, float(output.system_score), "ok", tuple(float(x) for x in output.scores)
    )
