"""Termbase matching speed: the Aho–Corasick `Termbase` against a loop over entries.

A 30-sentence article (the seed article and sentences from the bundled dev corpus) is matched
against termbases of 10,000 and 100,000 entries (the starter termbase plus generated Korean
terms). Prints a table, how the time grows with the termbase, and the ratio to the naive loop.

    python bench/termbase_matching.py [--repeat 50]
"""

from __future__ import annotations

import argparse
import random
import statistics
import time
from pathlib import Path

from transdesk.glossary.boundaries import ends_on_boundary, starts_on_boundary
from transdesk.glossary.matcher import Termbase, _resolve, fold, normalise_form
from transdesk.glossary.model import TermEntry
from transdesk.glossary.starter import starter_entries
from transdesk.ingest import read_article

ROOT = Path(__file__).resolve().parent.parent
SIZES = (10_000, 100_000)
SYLLABLES = "가나다라마바사아자차카타파하국민정치외교부장관위원회의원대통령총리군사경제통상협력"


def article_sentences(count: int = 30) -> list[str]:
    seed = [s.text for s in read_article(ROOT / "examples" / "putin-kim-beijing.md").segments()]
    corpus = (ROOT / "examples" / "corpus" / "ko-en-news.dev50.ko").read_text("utf-8").splitlines()
    return (seed + [line for line in corpus if line.strip()])[:count]


def synthetic_entries(count: int, rng: random.Random) -> list[TermEntry]:
    entries = [entry for _, entry in starter_entries()]
    seen = {normalise_form(f) for e in entries for f in e.forms}
    while len(entries) < count:
        words = [
            "".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 5)))
            for _ in range(rng.choice((1, 1, 2)))
        ]
        source = " ".join(words)
        if source not in seen:
            seen.add(source)
            entries.append(TermEntry(source, f"term {len(entries)}", forbidden=("wrong",)))
    return entries


def naive_match(entries: list[TermEntry], text: str) -> list[tuple[int, int, TermEntry]]:
    """The baseline: every form of every entry searched for in the text."""
    folded = fold(text)
    found = []
    for entry in entries:
        for form in entry.forms:
            key = normalise_form(form)
            start = folded.find(key)
            while start >= 0:
                end = start + len(key)
                if starts_on_boundary(text, start) and ends_on_boundary(text, end):
                    found.append((start, end, entry))
                start = folded.find(key, start + 1)
    return _resolve(found)


def time_per_article(match, sentences: list[str], repeat: int) -> list[float]:
    timings = []
    for _ in range(repeat):
        started = time.perf_counter()
        for sentence in sentences:
            match(sentence)
        timings.append((time.perf_counter() - started) * 1000)
    return timings


def p95(values: list[float]) -> float:
    return sorted(values)[max(0, round(0.95 * len(values)) - 1)]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--repeat", type=int, default=50)
    parser.add_argument("--naive-repeat", type=int, default=3)
    args = parser.parse_args()
    sentences = article_sentences()
    rng = random.Random(7)
    print(f"article: {len(sentences)} sentences, {sum(map(len, sentences)):,} characters")
    header = (
        f"{'entries':>8} | {'build s':>7} | {'matches':>7} | {'automaton ms/article':>20} "
        f"| {'p95 ms':>6} | {'naive ms/article':>16} | {'naive / automaton':>17}"
    )
    print(header)
    print("-" * len(header))
    medians = {}
    for size in SIZES:
        entries = synthetic_entries(size, rng)
        started = time.perf_counter()
        termbase = Termbase(entries)
        build = time.perf_counter() - started
        matches = sum(len(termbase.match(s)) for s in sentences)
        fast = time_per_article(termbase.match, sentences, args.repeat)
        slow = time_per_article(
            lambda s, e=entries: naive_match(e, s), sentences, args.naive_repeat
        )
        assert [naive_match(entries, s) for s in sentences[:5]] == [
            [(m.start, m.end, m.entry) for m in termbase.match(s)] for s in sentences[:5]
        ], "the baseline and the automaton must find the same terms"
        medians[size] = statistics.median(fast)
        print(
            f"{size:>8,} | {build:>7.2f} | {matches:>7} | {medians[size]:>20.3f} "
            f"| {p95(fast):>6.3f} | {statistics.median(slow):>16.1f} "
            f"| {statistics.median(slow) / medians[size]:>16.0f}x"
        )
    small, large = SIZES
    print(
        f"\ngrowth: {large // small}x the entries -> {medians[large] / medians[small]:.2f}x the "
        f"automaton time per article (target: under 5 ms at {large:,}: "
        f"{'met' if medians[large] < 5 else 'NOT met'})"
    )


if __name__ == "__main__":
    main()
