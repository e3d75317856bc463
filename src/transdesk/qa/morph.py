"""Korean morphological analysis (kiwipiepy), one shared analyser, cached per sentence.

Kiwi takes seconds to build: the process shares one (`transdesk.korean.kiwi`). `analyse()` caches the tokens of
each sentence; `prefetch()` analyses many sentences in one batched call (what the pipeline and the
benchmarks do before running the checks). `clear_caches()` forgets both caches.
"""

from __future__ import annotations

import functools
import threading
from collections import OrderedDict
from collections.abc import Iterable, Sequence
from typing import NamedTuple

from transdesk.korean import kiwi, kiwi_lock


class Morpheme(NamedTuple):
    form: str
    tag: str
    start: int
    end: int


_CACHE_SIZE = 20_000
_cache: OrderedDict[str, tuple[Morpheme, ...]] = OrderedDict()
_lock = threading.Lock()


def _convert(tokens) -> tuple[Morpheme, ...]:
    return tuple(Morpheme(t.form, t.tag, t.start, t.start + t.len) for t in tokens)


def _remember(text: str, morphemes: tuple[Morpheme, ...]) -> None:
    with _lock:
        _cache[text] = morphemes
        _cache.move_to_end(text)
        while len(_cache) > _CACHE_SIZE:
            _cache.popitem(last=False)


def prefetch(texts: Iterable[str]) -> None:
    """Analyse every sentence not analysed yet, in one batched call."""
    missing = list(dict.fromkeys(t for t in texts if t and t not in _cache))
    if not missing:
        return
    with kiwi_lock:  # a Kiwi instance is not safe to share between threads mid-call
        analysed = [_convert(tokens) for tokens in kiwi().tokenize(missing)]
    for text, morphemes in zip(missing, analysed, strict=True):
        _remember(text, morphemes)


def analyse(text: str) -> tuple[Morpheme, ...]:
    """The morphemes of one Korean sentence."""
    if not text:
        return ()
    cached = _cache.get(text)
    if cached is None:
        with kiwi_lock:
            cached = _convert(kiwi().tokenize(text))
        _remember(text, cached)
    return cached


def heads_predicate(morphemes: Sequence[Morpheme], i: int) -> bool:
    """The noun at `i` is the stem of a predicate: "불참하다", "미정이다", "거부됐다", "발표했다"."""
    nxt = morphemes[i + 1] if i + 1 < len(morphemes) else None
    return bool(nxt and nxt.tag in ("XSV", "XSA", "VCP"))


@functools.lru_cache(maxsize=20_000)
def is_common_noun(word: str) -> bool:
    """Kiwi reads the word alone as one common noun, and not as a proper noun at all among its
    three best readings ("유전자", "경제학"; not "오시마"): a proper-noun tag on it in a sentence,
    or a title after it ("검사", "교수"), is a guess."""
    with kiwi_lock:
        readings = [tokens for tokens, _ in kiwi().analyze(word, top_n=3)]

    def single(tokens, tag: str) -> bool:
        return len(tokens) == 1 and tokens[0].tag == tag and tokens[0].form == word

    return single(readings[0], "NNG") and not any(single(r, "NNP") for r in readings)


@functools.lru_cache(maxsize=20_000)
def read_as_proper_noun(word: str, stem: str) -> bool:
    """Among Kiwi's three best readings of the word alone, one opens on `stem` as a proper noun:
    "이하은이" (이하은 + 이), which it may also read as a common noun it does not know."""
    with kiwi_lock:
        readings = [tokens for tokens, _ in kiwi().analyze(word, top_n=3)]
    return any(r and r[0].tag == "NNP" and r[0].form == stem for r in readings)


def clear_caches() -> None:
    """Forget every sentence and word analysed so far, so that the next analysis pays what a
    sentence never seen before pays (what a benchmark measuring a new article needs)."""
    with _lock:
        _cache.clear()
    is_common_noun.cache_clear()
    read_as_proper_noun.cache_clear()
