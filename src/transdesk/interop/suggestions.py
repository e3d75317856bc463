"""A suggested translation sent by a translation tool becomes a reader's report.

The tool knows the Korean and the better English, not the article: the published sentence is
found by its source text (the most recently published article first) and the suggestion is filed
on it, into the editors' review queue, like any reader's report.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select

from transdesk.errors import NotFound
from transdesk.feedback.reports import ReportDraft, file_report
from transdesk.store.db import Database
from transdesk.store.desk_tables import ArticleSegment, ArticleState, DeskArticle, ReportKind


@dataclass(frozen=True, slots=True)
class Filed:
    article_slug: str
    segment_id: str
    report_id: int


def published_sentence(db: Database, source: str) -> tuple[str, str]:
    """(article slug, segment id) of a published sentence with this Korean text."""
    text = source.strip()
    with db.session() as session:
        found = session.execute(
            select(DeskArticle.slug, ArticleSegment.segment_id)
            .join(ArticleSegment, ArticleSegment.article_id == DeskArticle.id)
            .where(
                DeskArticle.state == ArticleState.PUBLISHED,
                ArticleSegment.source_text == text,
                ArticleSegment.english.is_not(None),
            )
            .order_by(DeskArticle.id.desc())
            .limit(1)
        ).first()
    if found is None:
        raise NotFound("no published sentence has this source text")
    return found[0], found[1]


def file_suggestion(
    db: Database, source: str, suggestion: str, *, client: str | None, max_chars: int
) -> Filed:
    """File `suggestion` as a mistranslation report on the published sentence `source`."""
    slug, segment_id = published_sentence(db, source)
    draft = ReportDraft(segment_id, ReportKind.MISTRANSLATION, suggestion, None, client)
    report = file_report(db, slug, draft, max_chars=max_chars)
    return Filed(slug, segment_id, report.id)
