"""Parse an article in a child process, for servers that must keep answering meanwhile.

Kiwi's sentence splitter is C++ that keeps Python's interpreter lock for the whole of one call,
so a large article parsed in a worker thread still stalls every other request of the desk for
seconds (a 2 MB upload: 8 s without an answer to `/api/health`). One child process, started on
the first parse and kept for the next ones, does the parsing instead; the desk's threads only
wait for its answer. Errors come back as they were raised (`InvalidArticle` with its hint).
"""

from __future__ import annotations

import logging
import multiprocessing
import os
import threading
import time
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool

from transdesk.article import Article
from transdesk.errors import InvalidArticle
from transdesk.ingest import parse_article

log = logging.getLogger(__name__)

_pool: ProcessPoolExecutor | None = None
_pool_lock = threading.Lock()


def _executor() -> ProcessPoolExecutor:
    global _pool
    with _pool_lock:
        if _pool is None:
            # spawn, not fork: the desk's process has threads (and Kiwi's locks) a fork would copy
            _pool = ProcessPoolExecutor(
                1,
                mp_context=multiprocessing.get_context("spawn"),
                initializer=_follow_parent,
                initargs=(os.getpid(),),
            )
        return _pool


def _follow_parent(parent: int) -> None:
    """In the parsing process: exit as soon as the desk's process is gone (killed with -9 too),
    never left running on its own."""

    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(1.0)
        os._exit(0)

    threading.Thread(target=watch, name="follow-parent", daemon=True).start()


def _discard(pool: ProcessPoolExecutor) -> None:
    global _pool
    with _pool_lock:
        if _pool is pool:
            _pool = None
    pool.shutdown(wait=False, cancel_futures=True)


def parse_in_child(document: bytes | str, format: str | None = None, **options: object) -> Article:
    """`parse_article(document, format, **options)`, run in the parsing process."""
    pool = _executor()
    try:
        return pool.submit(parse_article, document, format, **options).result()
    except BrokenProcessPool:
        _discard(pool)  # the next parse starts a fresh child
        log.error("the article parser process died while parsing %s", options.get("where"))
        raise InvalidArticle(
            "the article could not be parsed: the parser stopped (out of memory?)",
            hint="try again; if it fails again, split the article or send it as plain text",
        ) from None

