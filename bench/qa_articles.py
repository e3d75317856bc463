"""How well the checks catch planted faults in whole articles, and what they hold in clean ones.

    python bench/qa_articles.py [--split dev|test] [--no-corpus] [--show-misses] [--show-holds]
                                [--json OUT] [--corpus-sample 300] [--per-kind 40]

The set is bench/data/qa_articles/{dev,test}/<slug>/: a Korean article (source.ko.md), a clean
English reference (reference.en.md), an AI-style translation with 6–8 planted faults
(faulty.en.md) and the faults themselves (faults.json: kind, the checks meant to catch it, the
Korean it concerns, the wrong English). Every article is checked the way `transdesk check` checks
it (`qa.review.check_translation`, starter termbase, default thresholds), the faulty translation
and the reference alike.

- strict recall: a finding of one of the fault's checks, in the pair that holds the fault's Korean
  sentence, whose span overlaps the wrong English (or the Korean, when the finding has no target
  span; a finding with no span at all counts when its pair and check are right). An omission may
  also be found in the pair next to it, since a dropped sentence leaves its Korean paired with a
  neighbour or with nothing;
- gated recall: a strict hit of severity major or worse, which holds the sentence;
- false holds: pairs of the clean reference that the gate does not publish.

Baseline, in the same process: the length-ratio check alone (`qa_measure.LengthRatioBaseline`) on
the same alignment; it counts as catching a fault when it holds the fault's pair (any kind, no
span needed, which is more lenient than the strict rule the full checks are held to). Unless
--no-corpus, the corpus figures of bench/qa_measure.py follow, on a sample of the same split.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import time
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from calibrate_qa import DEFAULT_CORPUS, read_pairs  # noqa: E402
from qa_measure import (  # noqa: E402
    INJECTORS,
    LengthRatioBaseline,
    bench_termbase,
    by_check,
    false_flags,
    flagged,
    injected_cases,
)

from transdesk.article import Article, Decision, Finding, Severity  # noqa: E402
from transdesk.glossary.matcher import Termbase  # noqa: E402
from transdesk.glossary.starter import starter_entries  # noqa: E402
from transdesk.ingest import read_article  # noqa: E402
from transdesk.qa import Checker, Thresholds, segment_decision  # noqa: E402
from transdesk.qa.align import align_translation  # noqa: E402
from transdesk.qa.report import CheckReport, PairReport  # noqa: E402
from transdesk.qa.review import check_translation  # noqa: E402

SET_DIR = Path(__file__).resolve().parent / "data" / "qa_articles"
KINDS = {
    "term_forbidden": ("terms",),
    "term_nested": ("terms",),
    "polarity_negation": ("polarity",),
    "polarity_direction": ("polarity",),
    "name_given": ("names",),
    "unit": ("numbers",),
    "ordinal_count": ("numbers",),
    "number": ("numbers",),
    "date": ("dates",),
    "omission_sentence": ("omission",),
    "omission_quote": ("omission", "quotes"),
    "tense_future": ("tense",),
}
OMISSIONS = ("omission_sentence", "omission_quote")
THRESHOLDS = Thresholds()
GATE = Severity(THRESHOLDS.review_at)
_NOTICE_MARK = "translated by ai"


class DataError(Exception):
    """The evaluation set contradicts itself: a fault that cannot be placed."""


@dataclass
class Fault:
    id: str
    kind: str
    checks: tuple[str, ...]
    source: str
    faulty: str | None
    reference: str | None
    note: str = ""


@dataclass
class Outcome:
    fault: Fault
    article: str
    pair: int | None  # index of the pair in the faulty report
    label: str = ""  # that pair's segment ids
    strict: bool = False
    gated: bool = False
    baseline: bool = False
    held: bool = False  # the full checks hold the pair, for any reason
    findings: list[str] = field(default_factory=list)


@dataclass
class ArticleResult:
    slug: str
    beat: str
    outcomes: list[Outcome]
    reference: CheckReport
    held_pairs: list[PairReport]
    baseline_held: int
    faulty_decision: str


def starter_termbase() -> Termbase:
    return Termbase([entry for _, entry in starter_entries()])


def read_faults(folder: Path) -> tuple[dict, list[Fault]]:
    data = json.loads((folder / "faults.json").read_text("utf-8"))
    faults = []
    for item in data["faults"]:
        kind = item["kind"]
        if kind not in KINDS:
            raise DataError(f"{folder.name}: {item['id']}: unknown kind {kind!r}")
        faults.append(
            Fault(
                item["id"],
                kind,
                tuple(item.get("checks") or KINDS[kind]),
                item["source"],
                item.get("faulty"),
                item.get("reference"),
                item.get("note", ""),
            )
        )
    return data, faults


def validate(folder: Path, faults: list[Fault]) -> list[str]:
    """Data errors (returned) and warnings (printed) about one article's faults."""
    source = (folder / "source.ko.md").read_text("utf-8")
    faulty = (folder / "faulty.en.md").read_text("utf-8")
    reference = (folder / "reference.en.md").read_text("utf-8")
    errors = []
    for fault in faults:
        if source.count(fault.source) != 1:
            errors.append(
                f"{fault.id}: source {fault.source!r} occurs {source.count(fault.source)} "
                "times in source.ko.md (must be once)"
            )
        if fault.kind in OMISSIONS:
            if fault.faulty is not None:
                errors.append(f"{fault.id}: an omission has faulty = null")
        elif not fault.faulty or fault.faulty not in faulty:
            errors.append(f"{fault.id}: faulty {fault.faulty!r} not in faulty.en.md")
        elif fault.faulty in reference:
            print(f"warning: {folder.name}: {fault.id}: faulty {fault.faulty!r} also in reference")
        if fault.reference and fault.reference not in reference:
            errors.append(f"{fault.id}: reference {fault.reference!r} not in reference.en.md")
    article = read_article(folder / "source.ko.md")
    sentence_of: dict[str, str] = {}
    for fault in faults:
        ids = [s.id for s in article.segments() if fault.source in s.text]
        if len(ids) != 1:
            errors.append(f"{fault.id}: source {fault.source!r} is in {len(ids)} sentences, not 1")
        elif ids[0] in sentence_of:
            errors.append(f"{fault.id}: same sentence ({ids[0]}) as {sentence_of[ids[0]]}")
        else:
            sentence_of[ids[0]] = fault.id
    return errors


def article_folders(split: str) -> list[Path]:
    """The articles of one half; an empty or missing half stops the run and says what to do."""
    where = SET_DIR / split
    folders = sorted(p for p in where.glob("*/") if (p / "faults.json").is_file())
    if not folders:
        raise SystemExit(
            f"{where} holds no articles: the last {split} half was spent and joined dev; write a "
            "new one (bench/README.md says how) before measuring on it"
        )
    return folders


def check_data(split: str) -> int:
    """Validate one half of the set without running the checks: exit status 1 on data errors."""
    kinds: Counter = Counter()
    errors = []
    folders = article_folders(split)
    for folder in folders:
        meta, faults = read_faults(folder)
        kinds.update(f.kind for f in faults)
        sentences = len(list(read_article(folder / "source.ko.md").segments()))
        print(
            f"{folder.name:<26} {meta.get('beat', '?'):<24} {len(faults)} faults, "
            f"{sentences} sentences"
        )
        errors += [f"{folder.name}: {e}" for e in validate(folder, faults)]
        if not 6 <= len(faults) <= 8:
            errors.append(f"{folder.name}: {len(faults)} faults (expected 6-8)")
    for kind in KINDS:
        print(f"  {kind:<19} {kinds[kind]}")
        if kinds[kind] < 4:
            errors.append(f"{split}: kind {kind} appears {kinds[kind]} times (expected >= 4)")
    for error in errors:
        print(f"DATA ERROR: {error}", file=sys.stderr)
    return 1 if errors else 0


def _overlaps(span: tuple[int, int] | None, start: int, end: int) -> bool:
    return span is not None and span[0] < end and start < span[1]


def _describe(item: Finding) -> str:
    spans = f" src{item.source_span}" if item.source_span else ""
    spans += f" tgt{item.target_span}" if item.target_span else ""
    return f"{item.severity}: {item.check}/{item.kind}{spans}: {item.message}"


def _source_region(fault: Fault, pair: PairReport, article: Article) -> tuple[int, int]:
    """Where the fault sits in the pair's Korean: its `source` string, or for a dropped sentence
    the whole sentence that holds it (a finding may name any part of it). (-1, -1) if absent."""
    start = pair.source.find(fault.source)
    if start < 0:
        return -1, -1
    end = start + len(fault.source)
    if fault.kind == "omission_sentence":
        sentence_start = 0
        ids = [] if pair.label == "(extra)" else pair.label.split("+")
        for sentence in (article.segment(i).text for i in ids):
            sentence_end = sentence_start + len(sentence)
            if sentence_start <= start < sentence_end:
                return sentence_start, sentence_end
            sentence_start = sentence_end + 1  # the pair's source joins its sentences with a space
    return start, end


def _strict(fault: Fault, pair: PairReport, item: Finding, article: Article) -> bool:
    if item.check not in fault.checks:
        return False
    if item.source_span is None and item.target_span is None:
        return True
    if fault.faulty and item.target_span is not None:
        start = pair.target.find(fault.faulty)
        if start >= 0:
            return _overlaps(item.target_span, start, start + len(fault.faulty))
    start, end = _source_region(fault, pair, article)
    if start >= 0 and item.source_span is not None:
        return _overlaps(item.source_span, start, end)
    # an omission found in a neighbouring pair: its check names the loss there
    return fault.kind in OMISSIONS and item.target_span is None


def _locate(fault: Fault, pairs: tuple[PairReport, ...]) -> int | None:
    for index, pair in enumerate(pairs):
        if fault.source in pair.source:
            return index
    return None


def score_fault(
    fault: Fault,
    slug: str,
    report: CheckReport,
    baseline: list[bool],
    article: Article,
    claimed: frozenset[int] = frozenset(),
) -> Outcome:
    """Score one fault. `claimed`: pairs that hold another omission fault's Korean; a neighbour
    in it is not searched, since its omission findings are that other fault's."""
    index = _locate(fault, report.pairs)
    outcome = Outcome(fault, slug, index)
    if index is None:
        return outcome
    pair = report.pairs[index]
    outcome.label = pair.label
    outcome.held = pair.decision != Decision.PUBLISH
    outcome.baseline = baseline[index]
    candidates = [index]
    if fault.kind in OMISSIONS:
        candidates += [
            i
            for i in (index - 1, index + 1)
            if 0 <= i < len(report.pairs) and i not in claimed
        ]
        outcome.baseline = any(baseline[i] for i in candidates)
    for i in candidates:
        here = report.pairs[i]
        for item in here.findings:
            outcome.findings.append(f"[{here.label}] {_describe(item)}")
            if _strict(fault, here, item, article):
                outcome.strict = True
                outcome.gated = outcome.gated or Severity(item.severity) >= GATE
    return outcome


def _body(text: str) -> str:
    return "\n".join(line for line in text.splitlines() if _NOTICE_MARK not in line.lower())


def baseline_holds(article: Article, text: str, checker: Checker) -> list[bool]:
    """Per aligned pair (the same alignment check_translation uses): does length alone hold it?"""
    alignment = align_translation(article, _body(text))
    held = []
    for pair in alignment.pairs:
        if not pair.segments or not pair.english:
            held.append(False)  # length cannot measure a sentence with nothing beside it
            continue
        findings = checker.check(pair.source, pair.target)
        held.append(segment_decision(findings, THRESHOLDS) != Decision.PUBLISH)
    return held


def run_article(folder: Path, termbase: Termbase, baseline: Checker) -> ArticleResult:
    meta, faults = read_faults(folder)
    errors = validate(folder, faults)
    if errors:
        raise DataError(f"{folder}:\n  " + "\n  ".join(errors))
    article = read_article(folder / "source.ko.md")
    faulty = (folder / "faulty.en.md").read_text("utf-8")
    reference = (folder / "reference.en.md").read_text("utf-8")
    report = check_translation(article, faulty, termbase=termbase, thresholds=THRESHOLDS)
    clean = check_translation(article, reference, termbase=termbase, thresholds=THRESHOLDS)
    base_faulty = baseline_holds(article, faulty, baseline)
    if len(base_faulty) != len(report.pairs):
        raise DataError(f"{folder.name}: the baseline aligned differently from the checks")
    located = {f.id: _locate(f, report.pairs) for f in faults if f.kind in OMISSIONS}
    outcomes = []
    for fault in faults:
        claimed = frozenset(
            i for other, i in located.items() if other != fault.id and i is not None
        )
        outcome = score_fault(fault, folder.name, report, base_faulty, article, claimed)
        if outcome.pair is None:
            raise DataError(f"{folder.name}: {fault.id}: no pair holds {fault.source!r}")
        if fault.faulty and fault.kind not in OMISSIONS:
            if fault.faulty not in report.pairs[outcome.pair].target:
                print(
                    f"warning: {folder.name}: {fault.id}: {fault.faulty!r} is not in the target "
                    f"of pair {report.pairs[outcome.pair].label} (alignment put it elsewhere)"
                )
        outcomes.append(outcome)
    held = [p for p in clean.pairs if p.decision != Decision.PUBLISH]
    base_clean = sum(baseline_holds(article, reference, baseline))
    return ArticleResult(
        folder.name, meta.get("beat", "?"), outcomes, clean, held, base_clean, report.decision
    )


def _share(part: int, whole: int) -> str:
    return f"{part / whole:.1%}" if whole else "—"


def print_kinds(outcomes: list[Outcome]) -> dict[str, dict[str, float]]:
    rows: dict[str, list[Outcome]] = defaultdict(list)
    for outcome in outcomes:
        rows[outcome.fault.kind].append(outcome)
    print(
        f"| {'kind':<19} | {'faults':>6} | {'strict':>7} | {'gated':>7} | {'pair held':>9} | "
        f"{'baseline':>8} |"
    )
    print(f"|{'-' * 21}|{'-' * 8}|{'-' * 9}|{'-' * 9}|{'-' * 11}|{'-' * 10}|")
    numbers = {}
    for kind in [*KINDS, "ALL"]:
        items = outcomes if kind == "ALL" else rows.get(kind, [])
        if not items:
            continue
        n = len(items)
        strict, gated = sum(o.strict for o in items), sum(o.gated for o in items)
        held, base = sum(o.held for o in items), sum(o.baseline for o in items)
        label = "ALL (overall)" if kind == "ALL" else kind
        print(
            f"| {label:<19} | {n:>6} | {_share(strict, n):>7} | {_share(gated, n):>7} | "
            f"{_share(held, n):>9} | {_share(base, n):>8} |"
        )
        numbers[kind] = {
            "faults": n,
            "strict_recall": strict / n,
            "gated_recall": gated / n,
            "pair_held": held / n,
            "baseline_recall": base / n,
        }
    return numbers


def print_articles(results: list[ArticleResult]) -> list[dict[str, object]]:
    print(
        f"| {'article':<26} | {'beat':<23} | {'caught':>7} | {'gated':>6} | {'ref pairs':>9} | "
        f"{'false holds':>11} | {'baseline holds':>14} |"
    )
    print(f"|{'-' * 28}|{'-' * 25}|{'-' * 9}|{'-' * 8}|{'-' * 11}|{'-' * 13}|{'-' * 16}|")
    rows = []
    for r in results:
        n = len(r.outcomes)
        strict, gated = sum(o.strict for o in r.outcomes), sum(o.gated for o in r.outcomes)
        print(
            f"| {r.slug:<26} | {r.beat[:23]:<23} | {f'{strict}/{n}':>7} | {gated:>6} | "
            f"{len(r.reference.pairs):>9} | {len(r.held_pairs):>11} | {r.baseline_held:>14} |"
        )
        rows.append(
            {
                "slug": r.slug,
                "beat": r.beat,
                "faults": n,
                "strict": strict,
                "gated": gated,
                "faulty_decision": r.faulty_decision,
                "reference_pairs": len(r.reference.pairs),
                "false_holds": len(r.held_pairs),
                "reference_decision": r.reference.decision,
                "baseline_false_holds": r.baseline_held,
            }
        )
    faults = sum(len(r.outcomes) for r in results)
    strict = sum(o.strict for r in results for o in r.outcomes)
    gated = sum(o.gated for r in results for o in r.outcomes)
    pairs = sum(len(r.reference.pairs) for r in results)
    holds = sum(len(r.held_pairs) for r in results)
    base = sum(r.baseline_held for r in results)
    print(
        f"| {'TOTAL':<26} | {'':<23} | {f'{strict}/{faults}':>7} | {gated:>6} | {pairs:>9} | "
        f"{holds:>11} | {base:>14} |"
    )
    return rows


def show_misses(outcomes: list[Outcome]) -> None:
    print("\nMissed faults (not a strict hit), with the findings of their pair\n")
    for o in outcomes:
        if o.strict and o.gated:
            continue
        state = "strict, not gated" if o.strict else "missed"
        print(f"- {o.fault.id} ({o.fault.kind}, {state}, pair {o.label}): {o.fault.note}")
        print(f"    ko: …{o.fault.source}…   en: {o.fault.faulty!r} (ref {o.fault.reference!r})")
        for line in o.findings or ["(no findings in the pair)"]:
            print(f"    {line}")


def show_holds(results: list[ArticleResult]) -> None:
    print("\nHeld pairs of the clean references\n")
    for r in results:
        for pair in r.held_pairs:
            print(f"- {r.slug} [{pair.decision}] {pair.label}")
            print(f"    ko: {pair.source}")
            print(f"    en: {pair.target}")
            for item in pair.findings:
                print(f"    {_describe(item)}")


def corpus_figures(split: str, sample: int, per_kind: int, seed: int) -> dict[str, object]:
    """The corpus tables of bench/qa_measure.py, on a sample of the same split."""
    pairs = read_pairs(DEFAULT_CORPUS, split)
    rng = random.Random(seed)
    pairs = rng.sample(pairs, min(sample, len(pairs)))
    full, with_terms = Checker(), Checker(termbase=bench_termbase())
    baseline = Checker([LengthRatioBaseline()])
    full.prepare([ko for ko, _ in pairs])
    lines, checks, speed = false_flags(pairs, full)
    lines_terms, _, _ = false_flags(pairs, with_terms)
    lines_base, _, _ = false_flags(pairs, baseline)
    n = len(pairs)
    print(f"\nCorpus (bench/qa_measure.py), ko-en-news {split}: {n} pairs sampled, seed {seed}\n")
    print(f"| {'references held':<22} | {'share':>6} |")
    print(f"|{'-' * 24}|{'-' * 8}|")
    print(f"| {'full, no termbase':<22} | {len(lines) / n:>6.1%} |")
    print(f"| {'full, bench termbase':<22} | {len(lines_terms) / n:>6.1%} |")
    print(f"| {'length ratio alone':<22} | {len(lines_base) / n:>6.1%} |")
    clean = [(ko, en) for ko, en in pairs if not flagged(with_terms.check(ko, en))]
    print(f"\nInjected errors ({len(clean)} clean pairs, up to {per_kind} per kind)\n")
    print(
        f"| {'error injected':<17} | {'n':>4} | {'gate flags':>10} | {'by its check':>12} | "
        f"{'baseline':>8} |"
    )
    print(f"|{'-' * 19}|{'-' * 6}|{'-' * 12}|{'-' * 14}|{'-' * 10}|")
    injected = {}
    for kind, (check, inject) in INJECTORS.items():
        cases = injected_cases(clean, inject, per_kind, seed)
        if not cases:
            continue
        results = [with_terms.check(ko, en) for ko, en in cases]
        gate = sum(flagged(f) for f in results) / len(cases)
        own = sum(check in by_check(f) for f in results) / len(cases)
        base = sum(flagged(baseline.check(ko, en)) for ko, en in cases) / len(cases)
        print(f"| {kind:<17} | {len(cases):>4} | {gate:>10.1%} | {own:>12.1%} | {base:>8.1%} |")
        injected[kind] = {"n": len(cases), "gate": gate, "own_check": own, "baseline": base}
    return {
        "split": split,
        "sample": n,
        "seed": seed,
        "held_full": len(lines) / n,
        "held_bench_termbase": len(lines_terms) / n,
        "held_baseline": len(lines_base) / n,
        "held_by_check": {k: v / n for k, v in checks.items()},
        "sentences_per_second": speed,
        "injected": injected,
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--split", default="dev", choices=("dev", "test"))
    parser.add_argument("--no-corpus", action="store_true", help="skip the corpus figures")
    parser.add_argument("--show-misses", action="store_true")
    parser.add_argument("--show-holds", action="store_true")
    parser.add_argument("--json", type=Path, help="write every number here")
    parser.add_argument("--corpus-sample", type=int, default=300)
    parser.add_argument("--per-kind", type=int, default=40)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument(
        "--check-data", action="store_true", help="only validate the set (no checks run)"
    )
    args = parser.parse_args()
    if args.check_data:
        return check_data(args.split)

    folders = article_folders(args.split)
    termbase = starter_termbase()
    baseline = Checker([LengthRatioBaseline()])
    started = time.perf_counter()
    results, errors = [], []
    for folder in folders:
        try:
            results.append(run_article(folder, termbase, baseline))
        except DataError as error:
            errors.append(str(error))
    for error in errors:
        print(f"DATA ERROR: {error}", file=sys.stderr)
    outcomes = [o for r in results for o in r.outcomes]
    kinds = Counter(o.fault.kind for o in outcomes)
    print(
        f"qa_articles {args.split}: {len(results)} articles, {len(outcomes)} planted faults "
        f"({len(kinds)} kinds), starter termbase of {len(termbase)} entries; "
        f"{time.perf_counter() - started:.1f}s"
    )
    if errors:
        print(f"{len(errors)} article(s) LEFT OUT for data errors:")
        for error in errors:
            print(f"  DATA ERROR: {error}")
    print("\nRecall per kind (faulty translations)\n")
    per_kind = print_kinds(outcomes)
    print("\nPer article: faults caught (strict) and false holds on the clean reference\n")
    per_article = print_articles(results)
    n = len(outcomes)
    gated = sum(o.gated for o in outcomes)
    base = sum(o.baseline for o in outcomes)
    holds = sum(len(r.held_pairs) for r in results)
    base_holds = sum(r.baseline_held for r in results)
    ratio = f"{gated / base:.2f}x" if base else ("∞" if gated else "—")
    print(
        f"\nbaseline (length ratio alone): holds the pair of {base}/{n} faults "
        f"({_share(base, n)}), {base_holds} false holds on {len(results)} references; "
        f"full checks gated {gated}/{n} ({_share(gated, n)}), {holds} false holds; "
        f"gated recall / baseline = {ratio}"
    )
    if args.show_misses:
        show_misses(outcomes)
    if args.show_holds:
        show_holds(results)
    corpus = None
    if not args.no_corpus:
        corpus = corpus_figures(args.split, args.corpus_sample, args.per_kind, args.seed)
    if args.json:
        payload = {
            "split": args.split,
            "articles": per_article,
            "kinds": per_kind,
            "baseline": {
                "recall": base / n if n else 0.0,
                "false_holds": base_holds,
                "gated_over_baseline": gated / base if base else None,
            },
            "faults": [
                {
                    "id": o.fault.id,
                    "kind": o.fault.kind,
                    "article": o.article,
                    "strict": o.strict,
                    "gated": o.gated,
                    "pair_held": o.held,
                    "baseline": o.baseline,
                }
                for o in outcomes
            ],
            "false_holds": [
                {
                    "article": r.slug,
                    "pair": p.label,
                    "findings": [_describe(f) for f in p.findings],
                }
                for r in results
                for p in r.held_pairs
            ],
            "data_errors": errors,
            "corpus": corpus,
        }
        args.json.write_text(json.dumps(payload, ensure_ascii=False, indent=2), "utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
