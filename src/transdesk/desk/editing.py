"""What an editor does to a whole article: publish it, edit its sentences, translate it again.

Articles the checks sent to review wait here. Editing an unpublished article just changes its
sentences (the audit log keeps before and after); editing a published one is a correction, with a
dated note for readers, like an accepted report.
"""

from __future__ import annotations

from collections.abc import Mapping

from sqlalchemy import select
from sqlalchemy.orm import Session

from transdesk.desk import audit
from transdesk.desk.articles import find_article
from transdesk.errors import Conflict, InvalidInput
from transdesk.feedback.correction import correct
from transdesk.feedback.learning import Learner
from transdesk.store.db import Database
from transdesk.store.desk_tables import (
    ArticleState,
    DeskArticle,
    JobState,
    TranslationJob,
    utcnow,
)

_PUBLISHABLE = {ArticleState.REVIEW, ArticleState.BLOCKED}
_RETRANSLATABLE = {
    ArticleState.REVIEW,
    ArticleState.BLOCKED,
    ArticleState.PUBLISHED,
    ArticleState.FAILED,
    ArticleState.CANCELLED,
}


def publish(db: Database, slug: str, editor: str) -> None:
    with db.session() as session:
        article = find_article(session, slug)
        if article.state not in _PUBLISHABLE:
            raise Conflict(
                f"the article is {article.state}; only one waiting for review can be "
                "published by hand"
            )
        if not any(s.english for s in article.segments):
            raise InvalidInput("the article has no English to publish; translate it again")
        before = article.state
        now = utcnow()
        article.state, article.published_at, article.updated_at = ArticleState.PUBLISHED, now, now
        article.revision += 1
        audit.record(
            session,
            editor,
            "publish",
            article_id=article.id,
            before=before,
            after=ArticleState.PUBLISHED,
        )


def edit_sentences(db: Database, slug: str, edits: Mapping[str, str], editor: str) -> int:
    """Apply `{segment_id: new English}`; return how many sentences changed."""
    changed = 0
    learner = Learner(db)
    with db.session() as session:
        article = find_article(session, slug)
        segments = {s.segment_id: s for s in article.segments}
        for segment_id, text in edits.items():
            segment = segments.get(segment_id)
            new = " ".join((text or "").split())
            if segment is None or not new or new == segment.english:
                continue
            if article.state == ArticleState.PUBLISHED:
                correct(
                    session, learner, article, segment, after=new, kind="other", editor=editor,
                    action="edit",
                )
            else:
                audit.record(
                    session,
                    editor,
                    "edit",
                    article_id=article.id,
                    segment_id=segment_id,
                    before=segment.english,
                    after=new,
                )
                segment.english = new
                article.revision += 1
            changed += 1
    return changed


def retranslate(db: Database, slug: str, editor: str) -> int:
    """Queue a new translation job for the article; return its id (the caller enqueues it)."""
    with db.session() as session:
        article = find_article(session, slug)
        busy = session.scalar(
            select(TranslationJob.id).where(
                TranslationJob.article_id == article.id,
                TranslationJob.state.in_([JobState.QUEUED, JobState.RUNNING]),
            )
        )
        if busy is not None or article.state not in _RETRANSLATABLE:
            raise Conflict("the article is being translated already")
        job = TranslationJob(
            article_id=article.id, state=JobState.QUEUED, total=len(article.segments)
        )
        session.add(job)
        session.flush()
        audit.record(
            session,
            editor,
            "retranslate",
            article_id=article.id,
            before=article.state,
            detail={"job_id": job.id},
        )
        return job.id


def article_for_edit(session: Session, slug: str) -> DeskArticle:
    article = find_article(session, slug)
    _ = article.segments  # loaded while the session is open
    return article
