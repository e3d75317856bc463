"""Paired comparison of systems on the same lines: sacrebleu's paired bootstrap resampling.

The first system is the baseline. For each other system and metric sacrebleu reports the score,
the bootstrap mean with its 95% confidence interval and the p-value of the difference; from the
very same resamples (same seed, same indices) this module adds the 95% interval of the difference
itself, so "the termbase improved chrF++ by 1.2 (0.4 to 2.0)" can be stated as such.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from dataclasses import asdict, dataclass

import numpy as np
from sacrebleu.metrics.base import Metric
from sacrebleu.significance import PairedTest

from transdesk.evaluation.scores import bleu_metric, chrf_metric

DEFAULT_RESAMPLES = 1000


@dataclass(frozen=True, slots=True)
class PairedResult:
    metric: str
    system: str
    score: float
    mean: float
    ci: float  # half-width of the 95% interval around `mean`
    p_value: float | None  # None for the baseline itself
    delta: float  # system minus baseline
    delta_low: float
    delta_high: float
    identical: bool = False  # the system's output is the baseline's, line for line

    @property
    def significant(self) -> bool:
        """p < 0.05 and the 95% interval of the difference excludes zero."""
        if self.p_value is None or self.identical:
            return False
        return self.p_value < 0.05 and not self.delta_low <= 0.0 <= self.delta_high


@dataclass(frozen=True, slots=True)
class Comparison:
    baseline: str
    resamples: int
    signatures: dict[str, str]
    results: tuple[PairedResult, ...]

    def to_dict(self) -> dict[str, object]:
        return {
            "test": "paired bootstrap resampling (sacrebleu)",
            "baseline": self.baseline,
            "resamples": self.resamples,
            "signatures": self.signatures,
            "results": [asdict(r) | {"significant": r.significant} for r in self.results],
        }


def _seed() -> int | None:
    """The seed sacrebleu's PairedTest uses (SACREBLEU_SEED, default 12345; "none" for entropy)."""
    seed = os.environ.get("SACREBLEU_SEED", "12345")
    return None if seed.lower() == "none" else int(seed)


def _resampled_scores(
    metric: Metric, hypotheses: Sequence[str], references: Sequence[str], idxs: np.ndarray
) -> np.ndarray:
    stats = np.array(metric._extract_corpus_statistics(list(hypotheses), [list(references)]))
    return np.array([metric._compute_score_from_stats(s.sum(0)).score for s in stats[idxs]])


def _delta_interval(
    metric: Metric,
    baseline: Sequence[str],
    system: Sequence[str],
    references: Sequence[str],
    resamples: int,
) -> tuple[float, float]:
    n = len(references)
    idxs = np.random.default_rng(_seed()).choice(n, size=(resamples, n), replace=True)
    diffs = _resampled_scores(metric, system, references, idxs) - _resampled_scores(
        metric, baseline, references, idxs
    )
    low, high = np.percentile(diffs, [2.5, 97.5])
    return float(low), float(high)


def paired_bootstrap(
    systems: Sequence[tuple[str, Sequence[str]]],
    references: Sequence[str],
    resamples: int = DEFAULT_RESAMPLES,
) -> Comparison:
    """Compare every system with the first one on BLEU and chrF++."""
    if len(systems) < 2:
        raise ValueError("a comparison needs at least two systems")
    named = [(name, list(hyps)) for name, hyps in systems]
    metrics = {"BLEU": bleu_metric(), "chrF2++": chrf_metric()}
    test = PairedTest(named, metrics, [list(references)], test_type="bs", n_samples=resamples)
    signatures, table = test()
    baseline_name, baseline_hyps = named[0]
    results = []
    for metric_name, metric in test.metrics.items():
        base_score = table[metric_name][0].score
        for position, (name, hyps) in enumerate(named):
            result = table[metric_name][position]
            low, high = (0.0, 0.0)
            if position:
                low, high = _delta_interval(metric, baseline_hyps, hyps, references, resamples)
            results.append(
                PairedResult(
                    metric=metric_name,
                    system=name,
                    score=float(result.score),
                    mean=float(result.mean),
                    ci=float(result.ci),
                    p_value=None if result.p_value is None else float(result.p_value),
                    delta=float(result.score - base_score),
                    delta_low=low,
                    delta_high=high,
                    identical=bool(position) and list(hyps) == list(baseline_hyps),
                )
            )
    formatted = {name: signature.format() for name, signature in signatures.items()}
    return Comparison(baseline_name, resamples, formatted, tuple(results))
