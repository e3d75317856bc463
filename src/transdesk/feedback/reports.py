"""Readers' reports on one sentence of a published article.

A report is checked (the article is public, the sentence exists, the fields fit their limits) and
stored in one committed transaction before the reader is thanked: a report the desk acknowledged is
never lost. The English the reader saw is kept with it, so an editor reviews what was reported even
after the sentence has been corrected.
"""

from __future__ import annotations

import contextlib
import hashlib
import re
import threading
from dataclasses import dataclass

from sqlalchemy import select

from transdesk.errors import InvalidInput, NotFound
from transdesk.observability import metrics
from transdesk.store.db import Database
from transdesk.store.desk_tables import (
    ArticleSegment,
    ArticleState,
    DeskArticle,
    ReaderReport,
    ReportKind,
    ReportState,
)
from transdesk.webhooks import events as webhook_events

EMAIL = re.compile(r"^[^@\s<>\"']{1,64}@[^@\s<>\"']{1,255}\.[^@\s<>\"']{2,63}$")


@dataclass(frozen=True)
class ReportDraft:
    """What a reader sent, before the desk accepts it."""

    segment_id: str
    kind: str
    suggestion: str | None = None
    email: str | None = None
    client: str | None = None  # the client address; stored only as a salted hash

    def cleaned(self, max_chars: int) -> ReportDraft:
        suggestion = (self.suggestion or "").strip() or None
        email = (self.email or "").strip() or None
        if self.kind not in ReportKind.__members__.values():
            kinds = ", ".join(k.value for k in ReportKind)
            raise InvalidInput(f"unknown kind of report {self.kind!r}", hint=f"use one of: {kinds}")
        if suggestion and len(suggestion) > max_chars:
            raise InvalidInput(
                f"the suggested wording is {len(suggestion):,} characters; the limit is {max_chars:,}"
            )
        if email and not EMAIL.match(email):
            raise InvalidInput("the contact email does not look like an email address")
        return ReportDraft(self.segment_id.strip(), self.kind, suggestion, email, self.client)


def client_fingerprint(address: str | None) -> str | None:
    """A stable, non-reversible tag for a client address (to spot floods without keeping IPs)."""
    if not address:
        return None
    return hashlib.blake2s(address.encode(), digest_size=12, key=b"transdesk-reports").hexdigest()


_SQLITE_WRITERS: dict[str, threading.Lock] = {}


def _one_writer(db: Database) -> contextlib.AbstractContextManager:
    """SQLite has one writer at a time: queue this process's writers on a lock instead of letting
    them spin in SQLite's busy handler (which backs off in sleeps of up to 100 ms)."""
    if db.dialect != "sqlite":
        return contextlib.nullcontext()
    return _SQLITE_WRITERS.setdefault(db.url, threading.Lock())


def file_report(db: Database, slug: str, draft: ReportDraft, *, max_chars: int) -> ReaderReport:
    """Store a reader's report on a published article's sentence; committed when this returns."""
    draft = draft.cleaned(max_chars)
    with db.session() as session:
        found = session.execute(
            select(DeskArticle.id, ArticleSegment.english)
            .outerjoin(
                ArticleSegment,
                (ArticleSegment.article_id == DeskArticle.id)
                & (ArticleSegment.segment_id == draft.segment_id),
            )
            .where(DeskArticle.slug == slug, DeskArticle.state == ArticleState.PUBLISHED)
        ).first()
        if found is None:
            raise NotFound(f"no published article called {slug!r}")
        article_id, english = found
        if english is None:
            raise NotFound(f"the article has no sentence {draft.segment_id!r}")
        report = ReaderReport(
            article_id=article_id,
            segment_id=draft.segment_id,
            kind=draft.kind,
            english_seen=english,
            suggestion=draft.suggestion,
            email=draft.email,
            client=client_fingerprint(draft.client),
            state=ReportState.OPEN,
        )
        with _one_writer(db):
            session.add(report)
            webhook_events.report_received(session, report)  # committed with the report
            session.commit()
        metrics.count_report_received(draft.kind)
        return report
