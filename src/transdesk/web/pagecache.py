"""Rendered reader pages, kept per article revision.

A page is served from memory while the article's `revision` in the database is the one it was
rendered at; every change readers should see (a correction, a re-translation) bumps the revision,
so one cheap query per view keeps the cache right across processes.
"""

from __future__ import annotations

import threading


class PageCache:
    def __init__(self, max_pages: int = 512) -> None:
        self._pages: dict[tuple[str, str], tuple[int, str]] = {}
        self._lock = threading.Lock()
        self.max_pages = max_pages

    def get(self, kind: str, slug: str, revision: int) -> str | None:
        entry = self._pages.get((kind, slug))
        return entry[1] if entry and entry[0] == revision else None

    def put(self, kind: str, slug: str, revision: int, html: str) -> None:
        with self._lock:
            if len(self._pages) >= self.max_pages:
                self._pages.pop(next(iter(self._pages)))
            self._pages[(kind, slug)] = (revision, html)

    def forget(self, slug: str) -> None:
        with self._lock:
            for key in [k for k in self._pages if k[1] == slug]:
                del self._pages[key]
