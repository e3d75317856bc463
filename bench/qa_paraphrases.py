"""False holds on faithful renderings an English news editor writes the way editors do.

    python bench/qa_paraphrases.py [--split dev|test] [--show-holds]

The corpus references (`qa_measure.py`) are one newspaper's English; the article set
(`qa_articles.py`) has one clean reference per story. This set stresses the checks where they cry
wolf: 200 Korean wire sentences per half, each with a correct English that says a negation with
an affirmative word ("differences remained" for 좁히지 못했다), a figure another way ("seven in
10" for 70%, "third-quarter" for 3분기), a rise or fall in other words, a quotation folded into
reported speech, names with titles and later references. Every line is correct: any hold is a
false hold. Written by hand for the benchmark (events invented, institutions real) in eight kinds;
`dev.tsv` to look at while working on the checks, `test.tsv` to run once.

Baseline, in the same run: the length ratio alone (`qa_measure.LengthRatioBaseline`).
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from qa_measure import REVIEW_AT, LengthRatioBaseline, flagged

from transdesk.qa import Checker

SET_DIR = Path(__file__).resolve().parent / "data" / "qa_paraphrases"


def read_set(split: str) -> list[tuple[str, str, str, str]]:
    """(id, kind, Korean, English) rows of one half."""
    path = SET_DIR / f"{split}.tsv"
    rows = []
    for number, line in enumerate(path.read_text("utf-8").splitlines(), start=1):
        if not line.strip():
            continue
        fields = line.split("\t")
        if len(fields) != 4 or not all(fields):
            raise SystemExit(f"{path}:{number}: expected id, kind, Korean, English")
        rows.append((fields[0], fields[1], fields[2], fields[3]))
    return rows


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--split", choices=("dev", "test"), default="dev")
    parser.add_argument("--show-holds", action="store_true")
    args = parser.parse_args()
    rows = read_set(args.split)
    full, baseline = Checker(), Checker([LengthRatioBaseline()])
    total, held, held_base, checks = Counter(), Counter(), Counter(), Counter()
    shown = []
    for id_, kind, ko, en in rows:
        total[kind] += 1
        findings = full.check(ko, en)
        if flagged(findings):
            held[kind] += 1
            reasons = [f for f in findings if f.severity >= REVIEW_AT]
            checks.update({f.check for f in reasons})
            shown.append((id_, ko, en, reasons))
        held_base[kind] += flagged(baseline.check(ko, en))
    print(f"\nFalse holds on {len(rows)} faithful renderings ({args.split} half)\n")
    print(f"| {'kind':<22} | {'lines':>5} | {'held':>5} | {'share':>6} | {'baseline':>8} |")
    print(f"|{'-' * 24}|{'-' * 7}|{'-' * 7}|{'-' * 8}|{'-' * 10}|")
    for kind in [*total, "ALL"]:
        n = sum(total.values()) if kind == "ALL" else total[kind]
        h = sum(held.values()) if kind == "ALL" else held[kind]
        b = sum(held_base.values()) if kind == "ALL" else held_base[kind]
        print(f"| {kind:<22} | {n:>5} | {h:>5} | {h / n:>6.1%} | {b / n:>8.1%} |")
    print("\nheld by check: " + (", ".join(f"{c} {n}" for c, n in checks.most_common()) or "none"))
    if args.show_holds:
        for id_, ko, en, reasons in shown:
            print(f"\n- {id_}\n    ko: {ko}\n    en: {en}")
            for f in reasons:
                print(f"    {f.severity.name.lower()}: {f.check}/{f.kind}: {f.message}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
