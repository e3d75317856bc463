"""How likely a translation is to have dropped part of its source: a small calibrated model.

Length alone misses many dropped clauses (human translations vary too much in length). The model
combines five counts that a dropped clause lowers together: characters, words against the source's
content morphemes, words against Korean words, names and figures against the source's proper
nouns and numbers, and clause markers against the source's clause endings (kiwi's EC and ETM).
Its weights and its threshold are fitted on the shared dev corpus by `bench/calibrate_qa.py` and
shipped in `qa/calibration.json`.
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence

from transdesk.qa.morph import analyse

FEATURES = ("chars", "words_per_content", "names_and_figures", "words_per_korean_word", "clauses")
_CONTENT_TAGS = frozenset({"NNG", "NNP", "NR", "VV", "VA", "XR", "MAG", "SL", "SN"})
_NAME_TAGS = frozenset({"NNP", "SL", "SN"})
_CLAUSE_TAGS = frozenset({"EC", "ETM"})
_SPACE = re.compile(r"\s+")
_EN_WORD = re.compile(r"[A-Za-z0-9']+")
# a capitalized word not opening a sentence, an acronym, or a figure
_EN_NAME_OR_FIGURE = re.compile(r"(?<!^)(?<![.!?] )\b(?:[A-Z][a-z]+|[A-Z]{2,}|\d[\d,.]*)")
_EN_CLAUSE = re.compile(
    r"[,;:]|\b(?:and|but|while|which|who|whom|whose|after|before|because|when|where|although|"
    r"though|as|if|that|said|says|told)\b",
    re.IGNORECASE,
)


def _log_ratio(a: float, b: float) -> float:
    return math.log((a + 1) / (b + 1))


def features(source: str, target: str) -> list[float]:
    """The model's inputs for one pair, in the order of `FEATURES`."""
    morphemes = analyse(source)
    content = sum(1 for m in morphemes if m.tag in _CONTENT_TAGS)
    names = sum(1 for m in morphemes if m.tag in _NAME_TAGS)
    clauses = sum(1 for m in morphemes if m.tag in _CLAUSE_TAGS)
    words = len(_EN_WORD.findall(target))
    return [
        _log_ratio(len(_SPACE.sub("", target)), len(_SPACE.sub("", source))),
        _log_ratio(words, content),
        _log_ratio(len(_EN_NAME_OR_FIGURE.findall(target)), names),
        _log_ratio(words, len(source.split())),
        _log_ratio(len(_EN_CLAUSE.findall(target)), clauses),
    ]


def score(values: Sequence[float], model: dict[str, object]) -> float:
    """The model's probability that the translation dropped part of its source."""
    weights = model["weights"]  # type: ignore[index]
    z = float(model["bias"]) + sum(w * v for w, v in zip(weights, values, strict=True))  # type: ignore[arg-type]
    return 1 / (1 + math.exp(-max(-50.0, min(50.0, z))))


def fit(rows: Sequence[Sequence[float]], labels: Sequence[int], l2: float = 0.01) -> list[float]:
    """Logistic regression by Newton's method: [bias, *weights] (numpy, used by the bench only)."""
    import numpy as np

    x = np.hstack([np.ones((len(rows), 1)), np.asarray(rows, dtype=float)])
    y = np.asarray(labels, dtype=float)
    w = np.zeros(x.shape[1])
    penalty = l2 * np.diag(np.r_[0.0, np.ones(x.shape[1] - 1)])
    for _ in range(100):
        p = 1 / (1 + np.exp(-np.clip(x @ w, -50, 50)))
        gradient = x.T @ (p - y) / len(y) + penalty @ w
        hessian = (x.T * (p * (1 - p))) @ x / len(y) + penalty
        step = np.linalg.solve(hessian, gradient)
        w -= step
        if np.abs(step).max() < 1e-8:
            break
    return [float(v) for v in w]
