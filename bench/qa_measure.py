"""How well the sentence checks work, measured on the ko-en-news corpus: both tables.

    python bench/qa_measure.py [CORPUS_DIR] [--split dev|test] [--per-kind 300] [--seed 0]

1. False flags: the share of human reference translations the gate sends to review or blocks, at
   the default thresholds (the corpus has no datelines; no termbase, then the bench termbase).
   With --audit, the flagged references by the verdict of a hand audit (bench/README.md).
2. Recall on injected errors: references corrupted one way each (bench/qa_injected.py), among
   pairs the checks pass when clean; the share the gate flags, and the share the intended check
   itself flags.

Each table has a baseline run in the same process: the length-ratio check alone (the classic
quality-estimation heuristic), with the ratio of the full checks to it.
Calibrate on dev (bench/calibrate_qa.py), measure on test. Corpus: ko-en-news (Park, Hong and Cha
2016, CC BY-SA 3.0), /work/shared/data/ko-en-news by default.
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from calibrate_qa import DEFAULT_CORPUS, read_pairs
from qa_injected import INJECTORS, bench_termbase

from transdesk.article import Severity
from transdesk.qa import Checker, Thresholds, segment_decision
from transdesk.qa.base import CheckContext, finding
from transdesk.qa.calibration import length_bounds
from transdesk.qa.checks.omission import visible_length

THRESHOLDS = Thresholds()
REVIEW_AT = Severity(THRESHOLDS.review_at)


class LengthRatioBaseline:
    """The classic quality-estimation heuristic: the length ratio outside its calibrated bands."""

    name = "omission"
    description = "length ratio alone"

    def run(self, context: CheckContext):
        source, target = visible_length(context.source), visible_length(context.target)
        if not source or not target:
            return []
        low, high = length_bounds(source)
        if low <= target / source <= high:
            return []
        return [finding(self.name, "length", "major", "length ratio out of bounds")]


def flagged(findings) -> bool:
    return segment_decision(findings, THRESHOLDS) != "publish"


def by_check(findings) -> set[str]:
    return {f.check for f in findings if f.severity >= REVIEW_AT}


def false_flags(pairs, checker: Checker) -> tuple[list[int], Counter, float]:
    """The 1-based lines the gate holds, the flags per check, and sentences checked per second."""
    started = time.perf_counter()
    lines, checks = [], Counter()
    for number, (ko, en) in enumerate(pairs, start=1):
        findings = checker.check(ko, en)
        if flagged(findings):
            lines.append(number)
        checks.update(by_check(findings))
    return lines, checks, len(pairs) / (time.perf_counter() - started)


VERDICTS = ("check_wrong", "reference_deviates", "misaligned", "source_garbled")


def read_audit(path: Path, split: str) -> dict[int, str]:
    """The audit's verdict per 1-based corpus line of one split (see bench/README.md)."""
    verdicts = {}
    for number, line in enumerate(path.read_text("utf-8").splitlines()[1:], start=2):
        fields = line.split("\t")
        if len(fields) < 3 or fields[2] not in VERDICTS:
            raise SystemExit(f"{path}:{number}: expected split, line, one of {VERDICTS}, reason")
        if fields[0] == split:
            verdicts[int(fields[1])] = fields[2]
    return verdicts


def print_audit(n: int, flagged_lines: list[int], verdicts: dict[int, str]) -> None:
    counts = Counter(verdicts.get(number, "unaudited") for number in flagged_lines)
    print(f"\nFlagged references by audit verdict ({sum(counts.values())} flagged of {n:,})\n")
    print(f"| {'verdict':<18} | {'lines':>5} | {'share':>6} |")
    print(f"|{'-' * 20}|{'-' * 7}|{'-' * 8}|")
    for verdict in (*VERDICTS, "unaudited"):
        print(f"| {verdict:<18} | {counts[verdict]:>5} | {counts[verdict] / n:>6.1%} |")
    wrong = counts["check_wrong"] + counts["unaudited"]
    faithful = n - sum(counts[v] for v in VERDICTS[1:])
    held = max(1, len(flagged_lines))
    print(
        f"\nfalse flags proper (check wrong or unaudited): {wrong} lines, {wrong / n:.1%} of all "
        f"references, {wrong / held:.1%} of the {len(flagged_lines)} lines held, "
        f"{wrong / faithful:.1%} of the {faithful:,} the audit did not find at fault"
    )


def write_unaudited(path: Path, pairs, checker: Checker, lines: list[int], verdicts) -> None:  # type: ignore[no-untyped-def]
    """The held lines the audit has no verdict for, with their findings, to audit by hand."""
    with path.open("w", encoding="utf-8") as out:
        out.write("line\tkorean\tenglish\tfindings\n")
        for number in lines:
            if number in verdicts:
                continue
            ko, en = pairs[number - 1]
            held = [f for f in checker.check(ko, en) if f.severity >= REVIEW_AT]
            said = " | ".join(f"{f.check}/{f.kind}: {f.message}" for f in held)
            out.write(f"{number}\t{ko}\t{en}\t{said}\n")


def print_false_flags(pairs, full: Checker, with_terms: Checker, baseline: Checker) -> list[int]:
    """Print the table; return the lines the full checks (no termbase) hold."""
    lines, checks, speed = false_flags(pairs, full)
    lines_terms, checks_terms, _ = false_flags(pairs, with_terms)
    lines_base, _, _ = false_flags(pairs, baseline)
    n = len(pairs)
    rate, rate_terms, rate_base = len(lines) / n, len(lines_terms) / n, len(lines_base) / n
    print(f"\nFalse flags on {n:,} human reference translations (default thresholds)\n")
    print(f"| {'check':<13} | {'no termbase':>11} | {'bench termbase':>14} |")
    print(f"|{'-' * 15}|{'-' * 13}|{'-' * 16}|")
    for name in full.names:
        print(f"| {name:<13} | {checks[name] / n:>11.1%} | {checks_terms[name] / n:>14.1%} |")
    print(f"| {'ANY (gate)':<13} | {rate:>11.1%} | {rate_terms:>14.1%} |")
    print(
        f"\nbaseline (length ratio alone): {rate_base:.1%} flagged; full checks / baseline = "
        f"{rate / rate_base if rate_base else float('inf'):.2f}x; speed {speed:,.0f} "
        "sentences/s (kiwi analysis prefetched)"
    )
    return lines


def injected_cases(clean, inject, per_kind: int, seed: int) -> list[tuple[str, str]]:  # type: ignore[no-untyped-def]
    """Up to `per_kind` (Korean, corrupted English) pairs: `inject` tried on the clean pairs in an
    order drawn from `seed`, keeping each corruption that changed the English."""
    rng = random.Random(seed)
    cases = []
    for ko, en in rng.sample(clean, len(clean)):
        corrupted = inject(ko, en, rng)
        if corrupted and corrupted != en:
            cases.append((ko, corrupted))
        if len(cases) >= per_kind:
            break
    return cases


def injected(pairs, checker: Checker, baseline: Checker, per_kind: int, seed: int) -> None:
    clean = [(ko, en) for ko, en in pairs if not flagged(checker.check(ko, en))]
    print(
        f"\nRecall on injected errors ({len(clean):,} of {len(pairs):,} pairs pass clean; "
        f"up to {per_kind} injected per kind, seed {seed})\n"
    )
    print(
        f"| {'error injected':<17} | {'n':>4} | {'gate flags':>10} | {'by its check':>12} | "
        f"{'baseline':>8} | {'ratio':>5} |"
    )
    print(f"|{'-' * 19}|{'-' * 6}|{'-' * 12}|{'-' * 14}|{'-' * 10}|{'-' * 7}|")
    for kind, (check, inject) in INJECTORS.items():
        cases = injected_cases(clean, inject, per_kind, seed)
        if not cases:
            print(f"| {kind:<17} | {0:>4} | {'—':>10} | {'—':>12} | {'—':>8} | {'—':>5} |")
            continue
        results = [checker.check(ko, en) for ko, en in cases]
        recall = sum(flagged(f) for f in results) / len(cases)
        own = sum(check in by_check(f) for f in results) / len(cases)
        base = sum(flagged(baseline.check(ko, en)) for ko, en in cases) / len(cases)
        ratio = f"{recall / base:.1f}" if base else "∞"
        print(
            f"| {kind:<17} | {len(cases):>4} | {recall:>10.1%} | {own:>12.1%} | "
            f"{base:>8.1%} | {ratio:>5} |"
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", nargs="?", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--split", default="dev", choices=("dev", "test"))
    parser.add_argument("--per-kind", type=int, default=300)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument(
        "--audit", type=Path, help="a flag audit (bench/data/qa_flag_audit.tsv): rates by verdict"
    )
    parser.add_argument(
        "--unaudited", type=Path, help="with --audit: write the held lines it has no verdict for"
    )
    args = parser.parse_args()
    pairs = read_pairs(args.corpus, args.split)
    termbase = bench_termbase()
    full, with_terms = Checker(), Checker(termbase=termbase)
    baseline = Checker([LengthRatioBaseline()])
    started = time.perf_counter()
    full.prepare([ko for ko, _ in pairs])
    print(
        f"ko-en-news {args.split}: {len(pairs):,} pairs; kiwi analysis "
        f"{time.perf_counter() - started:.1f}s"
    )
    flagged_lines = print_false_flags(pairs, full, with_terms, baseline)
    if args.audit:
        verdicts = read_audit(args.audit, args.split)
        print_audit(len(pairs), flagged_lines, verdicts)
        if args.unaudited:
            write_unaudited(args.unaudited, pairs, full, flagged_lines, verdicts)
    injected(pairs, with_terms, baseline, args.per_kind, args.seed)


if __name__ == "__main__":
    main()
