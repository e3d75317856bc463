"""Compute the length-ratio bounds the omission check ships with, from the dev corpus.

    python bench/calibrate_qa.py [CORPUS_DIR] [--write]

For each band of source length, the bounds are the LOW and HIGH quantiles of the ratio of English
to Korean characters (spaces left out) that the human translations of the dev set fall within.
Corpus: ko-en-news (Park, Hong and Cha 2016, CC BY-SA 3.0).
"""

from __future__ import annotations

import argparse
import json
import statistics
from pathlib import Path

from transdesk.qa.checks.omission import visible_length

DEFAULT_CORPUS = Path("/work/shared/data/ko-en-news")
CALIBRATION = Path(__file__).resolve().parents[1] / "src/transdesk/qa/calibration.json"
BANDS = (20, 40, 70, None)
LOW, HIGH = 0.015, 0.995


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
        }
    }


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
    if args.write:
        CALIBRATION.write_text(json.dumps(result, indent=2, ensure_ascii=False) + "\n", "utf-8")
        print(f"wrote {CALIBRATION}")


if __name__ == "__main__":
    main()
