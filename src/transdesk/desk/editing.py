"""What an editor does to a whole article: publish it, edit its sentences, translate it again.

Articles the checks sent to review or blocked wait here; each held sentence
(`transdesk.desk.held`) is edited or accepted, audited, before the article can be published.
Editing an unpublished article just changes its sentences (the audit log keeps before and after);
editing a published one is a correction, with a dated note for readers, like an accepted report.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING

from sqlalchemy import select
from sqlalchemy.orm import Session

from transdesk.desk import audit
from transdesk.desk.articles import find_article
from transdesk.desk.held import RESOLVED, held_sentences, is_held, reason
from transdesk.desk.labels import sentence_labels
from transdesk.errors import Conflict, InvalidInput, UnresolvedSentences
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
from transdesk.webhooks import events as webhook_events

if TYPE_CHECKING:
    from transdesk.publish.credits import Lookup

_PUBLISHABLE = {ArticleState.REVIEW, ArticleState.BLOCKED}
_RETRANSLATABLE = {
    ArticleState.REVIEW,
    ArticleState.BLOCKED,
    ArticleState.PUBLISHED,
    ArticleState.FAILED,
    ArticleState.CANCELLED,
}


def publish(
    db: Database,
    slug: str,
    editor: str,
    *,
    edits: Mapping[str, str] | None = None,
    accept: Iterable[str] = (),
    newsroom_timezone: str | None = None,
) -> None:
    """Publish an article waiting for review, once every held sentence is resolved.

    The edits and acceptances sent with the request are saved first (they stand even when
    publishing is refused); then, if any sentence is still held, `UnresolvedSentences` lists them
    and the article stays where it is.
    """
    with db.session() as session:
        _publishable(find_article(session, slug))
    if edits or accept:
        resolve(
            db, slug, edits or {}, editor, accept=accept, newsroom_timezone=newsroom_timezone
        )
    with db.session() as session:
        article = _publishable(find_article(session, slug))
        held = held_sentences(article.segments)
        if held:
            raise UnresolvedSentences(
                f"{len(held)} held sentence{'' if len(held) == 1 else 's'} must be edited or "
                "accepted before the article is published: "
                + "; ".join(h.label for h in held),
                [h.as_dict() for h in held],
            )
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
        webhook_events.article_published(session, article.id)  # in this transaction


def _publishable(article: DeskArticle) -> DeskArticle:
    if article.state not in _PUBLISHABLE:
        raise Conflict(
            f"the article is {article.state}; only one waiting for review can be "
            "published by hand"
        )
    return article


def resolve(
    db: Database,
    slug: str,
    edits: Mapping[str, str],
    editor: str,
    *,
    accept: Iterable[str] = (),
    newsroom_timezone: str | None = None,
) -> int:
    """Edit sentences (`{segment_id: new English}`) and accept held ones as they are, in one
    transaction; return how many sentences changed or were accepted.

    An edited held sentence is resolved by the edit. Accepting needs English to accept: a held
    sentence without any is refused with its label.
    """
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
                    action="edit", newsroom_timezone=newsroom_timezone,
                )
            else:
                held = is_held(segment)
                audit.record(
                    session,
                    editor,
                    "edit",
                    article_id=article.id,
                    segment_id=segment_id,
                    before=segment.english,
                    after=new,
                    detail={"resolved": reason(segment)} if held else None,
                )
                segment.english = new
                if held:
                    segment.decision = RESOLVED
                article.revision += 1
            changed += 1
        labels = sentence_labels(article.segments)
        for segment_id in dict.fromkeys(accept):
            segment = segments.get(segment_id)
            if segment is None or not is_held(segment):  # an edit above resolved it already
                continue
            if not (segment.english or "").strip():
                raise InvalidInput(
                    f"{labels[segment_id]} has no English to accept",
                    hint="write the sentence in English instead",
                )
            audit.record(
                session,
                editor,
                "accept-held",
                article_id=article.id,
                segment_id=segment_id,
                before=segment.decision,
                after=segment.english,
                detail={"resolved": reason(segment)},
            )
            segment.decision = RESOLVED
            article.revision += 1
            changed += 1
    return changed


def set_credits(
    db: Database, slug: str, editor: str, *, byline: str | None, credit: str | None,
    lookup: Lookup | None = None,
) -> bool:
    """Set the English byline and credit readers see (empty or the automatic one: the desk's
    romanised one again, through the termbase `lookup` the reader's page uses); audited, and a new
    revision when it changes. True when it changed."""
    from transdesk.publish.credits import english_byline, english_credit

    changed = False
    with db.session() as session:
        article = find_article(session, slug)
        for field, value, automatic in (
            ("english_byline", byline, english_byline(article.byline)),
            ("english_credit", credit, english_credit(article.credit, lookup)),
        ):
            if value is None:
                continue
            new = " ".join(value.split())[:500] or None
            if new == automatic:
                new = None
            before = getattr(article, field)
            if new == before:
                continue
            audit.record(
                session, editor, "edit-credits", article_id=article.id, before=before,
                after=new, detail={"field": field},
            )
            setattr(article, field, new)
            article.revision += 1
            changed = True
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
