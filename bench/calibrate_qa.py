"""Compute the bounds and the model the omission check ships with, from the dev corpus.

    python bench/calibrate_qa.py [CORPUS_DIR] [--write]

1. Length bands: for each band of source length, the LOW and HIGH quantiles of the ratio of
   English to Korean characters (spaces left out) that the human translations of the dev set
   fall within (HIGH is what the "too long" finding uses).
2. Dropped-clause model (`transdesk.qa.omission_model`): a logistic regression fitted on the dev
   references (label 0) against the same references with their longest clause dropped by
   `bench/qa_injected.py` (label 1); its threshold is the score that at most MODEL_FLAG_SHARE of
   the dev references reach.
Corpus: ko-en-news (Park, Hong and Cha 2016, CC BY-SA 3.0).
"""

from __future__ import annotations

import argparse
import json
import random
import statistics
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from qa_injected import drop_clause

from transdesk.qa.checks.omission import visible_length
from transdesk.qa.morph import prefetch
from transdesk.qa.omission_model import FEATURES, features, fit, score

DEFAULT_CORPUS = Path("/work/shared/data/ko-en-news")
CALIBRATION = Path(__file__).resolve().parents[1] / "src/transdesk/qa/calibration.json"
BANDS = (20, 40, 70, None)
LOW, HIGH = 0.015, 0.995
MODEL_FLAG_SHARE = 0.02  # share of dev references the dropped-clause model may flag


def read_pairs(corpus: Path, split: str) -> list[tuple[str, str]]:
    ko = (corpus / f"korean-english-park.{split}.ko").read_text("utf-8").splitlines()
    en = (corpus / f"korean-english-park.{split}.en").read_text("utf-8").splitlines()
    if len(ko) != len(en):
        raise SystemExit(f"{split}: {len(ko)} Korean lines but {len(en)} English lines")
    return list(zip(ko, en, strict=True))


def quantile(values: list[float], q: float) -> float:
    values = sorted(values)
    return values[min(len(values) - 1, max(0, round(q * (len(values) - 1))))]


def calibrate(pairs: list[tuple[str, str]]) -> dict[str, object]:
    bands, lower = [], 0
    for limit in BANDS:
        ratios = [
            visible_length(en) / visible_length(ko)
            for ko, en in pairs
            if visible_length(ko)
            and visible_length(en)
            and lower < visible_length(ko) <= (limit or 10**9)
        ]
        bands.append(
            {
                "max_source_chars": limit,
                "low": round(quantile(ratios, LOW), 3),
                "high": round(quantile(ratios, HIGH), 3),
                "pairs": len(ratios),
                "median": round(statistics.median(ratios), 3),
            }
        )
        lower = limit or lower
    return {
        "length_ratio": {
            "bands": bands,
            "quantiles": [LOW, HIGH],
            "measured_on": "ko-en-news dev (1,000 sentence pairs)",
        },
        "omission_model": omission_model(pairs),
    }


def omission_model(pairs: list[tuple[str, str]], seed: int = 0) -> dict[str, object]:
    """Fit the dropped-clause model on the references and their clause-dropped copies."""
    prefetch(ko for ko, _ in pairs)
    rng = random.Random(seed)
    clean = [features(ko, en) for ko, en in pairs if ko.strip() and en.strip()]
    dropped = []
    for ko, en in pairs:
        corrupted = drop_clause(ko, en, rng)
        if corrupted and corrupted != en:
            dropped.append(features(ko, corrupted))
    bias, *weights = fit(clean + dropped, [0] * len(clean) + [1] * len(dropped))
    model = {
        "features": list(FEATURES),
        "bias": round(bias, 4),
        "weights": [round(w, 4) for w in weights],
    }
    clean_scores = [score(row, model) for row in clean]
    threshold = quantile(clean_scores, 1 - MODEL_FLAG_SHARE)
    recall = sum(score(row, model) > threshold for row in dropped) / len(dropped)
    model |= {
        "threshold": round(threshold, 4),
        "references_flagged": round(sum(s > threshold for s in clean_scores) / len(clean), 4),
        "dropped_clauses_flagged": round(recall, 4),
        "pairs": [len(clean), len(dropped)],
    }
    return model


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", nargs="?", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--write", action="store_true", help=f"write {CALIBRATION.name}")
    args = parser.parse_args()
    result = calibrate(read_pairs(args.corpus, "dev"))
    for band in result["length_ratio"]["bands"]:
        print(
            f"source ≤ {band['max_source_chars'] or '∞':>4} chars: {band['pairs']:4} pairs, "
            f"ratio {band['low']:.2f} – {band['high']:.2f} (median {band['median']:.2f})"
        )
    model = result["omission_model"]
    print(
        f"dropped-clause model: threshold {model['threshold']:.3f}, flags "
        f"{model['references_flagged']:.1%} of dev references and "
        f"{model['dropped_clauses_flagged']:.1%} of their clause-dropped copies"
    )
    if args.write:
        CALIBRATION.write_text(json.dumps(result, indent=2, ensure_ascii=False) + "\n", "utf-8")
        print(f"wrote {CALIBRATION}")


if __name__ == "__main__":
    main()
