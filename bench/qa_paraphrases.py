"""False holds on faithful renderings an English news editor writes the way editors do.

    python bench/qa_paraphrases.py [--split dev|test] [--show-holds] [--show-misses]

The corpus references (`qa_measure.py`) are one newspaper's English; the article set
(`qa_articles.py`) has one clean reference per story. This set stresses the checks where they cry
wolf: 200 Korean wire sentences per half, each with a correct English that says a negation with
an affirmative word ("differences remained" for 좁히지 못했다), a figure another way ("seven in
10" for 70%, "third-quarter" for 3분기), a rise or fall in other words, a quotation folded into
reported speech, names with titles and later references. Every line is correct: any hold is a
false hold. Written by hand for the benchmark (events invented, institutions real) in eight kinds;
`dev.tsv` (2,600 lines, thirteen authors) to look at while working on the checks, `test.tsv` (200
lines by a new author, written afresh once the last half is spent) to run once.

Beside them, where the half has one, `faults.<split>.tsv`: single sentences with one planted
fault each (negation, direction, given name, figure or unit, tense, a clause left out), columns
id, kind, Korean, English, the wrong English, a note; recall per kind is the share the intended
check holds (major or worse), and "gate" the share held for any reason.

Baseline, in the same run: the length ratio alone (`qa_measure.LengthRatioBaseline`).
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from qa_measure import REVIEW_AT, LengthRatioBaseline, flagged

from transdesk.article import Severity
from transdesk.qa import Checker

SET_DIR = Path(__file__).resolve().parent / "data" / "qa_paraphrases"
FAULT_CHECKS = {
    "polarity_negation": {"polarity"},
    "polarity_direction": {"polarity"},
    "name_given": {"names"},
    "number_unit": {"numbers"},
    "tense_future": {"tense"},
    "omission": {"omission", "quotes"},
}


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
    if not rows:
        raise SystemExit(
            f"{path} is empty: the last {split} half was spent and joined dev; write a new one "
            "(the README says how) before measuring on it"
        )
    return rows


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--split", choices=("dev", "test"), default="dev")
    parser.add_argument("--show-holds", action="store_true")
    parser.add_argument(
        "--show-misses", action="store_true", help="list the faults their check does not hold"
    )
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
    faults = SET_DIR / f"faults.{args.split}.tsv"
    if faults.is_file():
        print_fault_recall(full, faults, show_misses=args.show_misses)
    if args.show_holds:
        for id_, ko, en, reasons in shown:
            print(f"\n- {id_}\n    ko: {ko}\n    en: {en}")
            for f in reasons:
                print(f"    {f.severity.name.lower()}: {f.check}/{f.kind}: {f.message}")
    return 0


def print_fault_recall(checker: Checker, path: Path, *, show_misses: bool = False) -> None:
    total, caught, gated = Counter(), Counter(), Counter()
    missed = []
    for line in path.read_text("utf-8").splitlines():
        fields = line.split("\t")
        if len(fields) < 4:
            continue
        kind, ko, en = fields[1], fields[2], fields[3]
        findings = checker.check(ko, en)
        total[kind] += 1
        hit = any(f.check in FAULT_CHECKS[kind] and f.severity >= Severity.MAJOR for f in findings)
        caught[kind] += hit
        gated[kind] += flagged(findings)
        if not hit:
            missed.append((fields[0], kind, ko, en, fields[5] if len(fields) > 5 else "", findings))
    print(f"\nRecall on {sum(total.values())} single-sentence faults ({path.name})\n")
    print(f"| {'kind':<20} | {'n':>4} | {'its check':>9} | {'gate':>6} |")
    print(f"|{'-' * 22}|{'-' * 6}|{'-' * 11}|{'-' * 8}|")
    for kind in [*total, "ALL"]:
        n = sum(total.values()) if kind == "ALL" else total[kind]
        c = sum(caught.values()) if kind == "ALL" else caught[kind]
        g = sum(gated.values()) if kind == "ALL" else gated[kind]
        print(f"| {kind:<20} | {n:>4} | {c / n:>9.1%} | {g / n:>6.1%} |")
    if show_misses:
        for id_, kind, ko, en, note, findings in missed:
            print(f"\n- {id_} ({kind}): {note}\n    ko: {ko}\n    en: {en}")
            for f in findings:
                print(f"    {f.severity.name.lower()}: {f.check}/{f.kind}: {f.message}")


if __name__ == "__main__":
    raise SystemExit(main())
