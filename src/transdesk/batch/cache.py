"""The batch's sentence cache: an engine in front of the engine, so a sentence repeated across
the archive is translated once.

The memory stage settles approved exact matches before the engine; what reaches the engine is
looked up here by the request's text and everything that shapes its translation (term hints,
examples, suppressed renderings, placeholders), not by its neighbouring sentences. A hit is the
first translation of that sentence in this batch; failed hypotheses are never cached.

When the batch fans out, each worker process has its own cache, and behind it the batch's shared
one (`SharedSentences`, on the job queue's storage; see `transdesk.batch.board`): a sentence one
worker translated is found there by the others. The shared cache in use is set for the article
being translated with `sharing(...)`, so one worker can serve several batches.
"""

from __future__ import annotations

import contextlib
import dataclasses
import hashlib
import threading
from collections.abc import Iterator, Mapping, Sequence
from contextvars import ContextVar
from typing import Protocol

from transdesk.engines.base import (
    ArticleContext,
    Engine,
    Hypothesis,
    ProgressCallback,
    SegmentRequest,
)

CacheKey = tuple[object, ...]
Answer = tuple[str, float | None]  # a translation and its engine score


class SharedSentences(Protocol):
    """A sentence cache the workers of one batch share, keyed by `digest(cache_key)`."""

    def get_many(self, digests: Sequence[str]) -> Mapping[str, Answer]: ...

    def put_many(self, answers: Mapping[str, Answer]) -> None: ...


_shared: ContextVar[SharedSentences | None] = ContextVar("transdesk_batch_shared", default=None)


@contextlib.contextmanager
def sharing(shared: SharedSentences | None) -> Iterator[None]:
    """Consult (and fill) `shared` behind the local cache while in this block."""
    token = _shared.set(shared)
    try:
        yield
    finally:
        _shared.reset(token)


def cache_key(request: SegmentRequest) -> CacheKey:
    """What decides a request's translation, apart from the article around it."""
    return (request.text, request.terms, request.examples, request.suppress, request.placeholders)


def digest(key: CacheKey) -> str:
    """A short stable name of a cache key, the same in every process."""
    return hashlib.sha256(repr(key).encode()).hexdigest()[:32]


class CachingEngine(Engine):
    """Wraps an engine; counts the sentences it answered itself (`hits`) and passed on
    (`misses`)."""

    def __init__(self, engine: Engine, max_entries: int = 200_000) -> None:
        self.inner = engine
        self.name = engine.name
        self.capabilities = engine.capabilities
        self.max_entries = max_entries
        self.hits = 0
        self.misses = 0
        self._cache: dict[CacheKey, Hypothesis] = {}
        self._lock = threading.Lock()

    def translate(
        self,
        requests: Sequence[SegmentRequest],
        context: ArticleContext,
        progress: ProgressCallback | None = None,
    ) -> list[Hypothesis]:
        keys = [cache_key(r) for r in requests]
        with self._lock:
            known = {k: self._cache[k] for k in keys if k in self._cache}
        shared = _shared.get()
        if shared is not None:
            known |= _from_shared(shared, [k for k in dict.fromkeys(keys) if k not in known])
        asked: dict[CacheKey, SegmentRequest] = {}
        for key, request in zip(keys, requests, strict=True):
            if key not in known and key not in asked:
                asked[key] = request
        answers = self.inner.translate(list(asked.values()), context, progress) if asked else []
        fresh = dict(zip(asked, answers, strict=True))
        with self._lock:
            for key, hypothesis in [*fresh.items(), *known.items()]:
                if not hypothesis.failed and len(self._cache) < self.max_entries:
                    self._cache[key] = hypothesis
            self.misses += len(asked)
            self.hits += len(requests) - len(asked)
        if shared is not None:
            shared.put_many({
                digest(k): (h.text, h.score) for k, h in fresh.items() if h.text is not None
            })  # fmt: skip
        reused = len(requests) - len(asked)
        if progress and reused:
            progress(reused)
        return [
            dataclasses.replace((known.get(k) or fresh[k]), segment_id=r.segment_id)
            for k, r in zip(keys, requests, strict=True)
        ]

    def signature(self) -> dict[str, object]:
        return self.inner.signature()

    def close(self) -> None:
        self.inner.close()


def _from_shared(shared: SharedSentences, keys: list[CacheKey]) -> dict[CacheKey, Hypothesis]:
    if not keys:
        return {}
    names = {digest(k): k for k in keys}
    found = shared.get_many(list(names))
    return {names[d]: Hypothesis("", text, score=score) for d, (text, score) in found.items()}
