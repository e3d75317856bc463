"""API: submit an article for translation, follow its job, read it, list them, cancel; health.

Submitting and cancelling need an editor (an API token, or the session cookie with its CSRF
header). Anyone may read a published article; reading or listing any other needs an editor too.
"""

from __future__ import annotations

import datetime as dt
import json
import logging
from typing import Annotated, Any, Literal
from urllib.parse import quote

from fastapi import APIRouter, Depends, Query, Request, Response
from fastapi.responses import JSONResponse
from pydantic import BaseModel, Field, model_validator
from sqlalchemy import text

from transdesk import __version__
from transdesk.desk import articles as desk_articles
from transdesk.desk import audit, editing
from transdesk.desk.held import is_held
from transdesk.desk.jobs import cancel_job
from transdesk.desk.labels import sentence_labels
from transdesk.errors import NotFound, UnresolvedSentences
from transdesk.ingest.off_process import parse_in_child
from transdesk.store.desk_tables import ArticleState, DeskArticle, TranslationJob
from transdesk.web import auth
from transdesk.web.deps import (
    CurrentEditor,
    DatabaseDep,
    MaybeEditor,
    QueueDep,
    SessionDep,
    SettingsDep,
)
from transdesk.web.errors import ERROR_RESPONSES, ErrorBody, UtcDatetime
from transdesk.web.ratelimit import limit_submissions

router = APIRouter(prefix="/api", tags=["articles"], responses=ERROR_RESPONSES)
log = logging.getLogger(__name__)
_SIGNED_IN: dict[int | str, dict[str, Any]] = {
    401: {"model": ErrorBody, "description": "not signed in, or the API token is unknown"},
    403: {"model": ErrorBody, "description": "the session's CSRF token is missing"},
}
_MAYBE_SIGNED_IN: dict[int | str, dict[str, Any]] = {
    401: {"model": ErrorBody, "description": "not published: an editor's API token is needed"},
}
SLUG = r"^[a-z0-9][a-z0-9-]{0,79}$"


class ArticleCreate(BaseModel):
    """An article to translate: `text` in a `format` (md, json, html), or a JSON `article`."""

    text: str | None = Field(default=None, min_length=1, description="The article as a document")
    format: Literal["md", "json", "html"] | None = Field(
        default=None, description="Format of `text`; guessed from the content when left out"
    )
    article: dict[str, Any] | None = Field(
        default=None, description="A JSON article (headline, date, blocks, ...), instead of text"
    )
    slug: str | None = Field(default=None, pattern=SLUG, description="Used when the article has none")

    @model_validator(mode="after")
    def _one_source(self) -> ArticleCreate:
        if (self.text is None) == (self.article is None):
            raise ValueError("send either `text` (with `format`) or `article`, not both")
        return self


class JobPublic(BaseModel):
    id: int
    state: str
    done: int
    total: int
    attempts: int
    error: str | None
    created_at: UtcDatetime
    started_at: UtcDatetime | None
    finished_at: UtcDatetime | None

    @classmethod
    def of(cls, job: TranslationJob) -> JobPublic:
        return cls.model_validate(job, from_attributes=True)


class SegmentPublic(BaseModel):
    id: str
    block: int
    kind: str
    source: str
    english: str | None
    status: str
    decision: str | None
    label: str
    held: bool


class ArticleSummary(BaseModel):
    slug: str
    state: str
    headline: str
    dateline: dt.date
    url: str
    created_at: UtcDatetime
    published_at: UtcDatetime | None


class ArticlePublic(ArticleSummary):
    byline: str | None
    credit: str | None
    decision: str | None
    signature: dict[str, Any] | None
    job: JobPublic | None
    segments: list[SegmentPublic]


class ArticleList(BaseModel):
    total: int
    articles: list[ArticleSummary]


class PublishRequest(BaseModel):
    """Resolve held sentences and publish: `edits` give new English, `accept` keeps sentences as
    they are. Sent empty, it publishes only an article with nothing held."""

    edits: dict[str, str] = Field(default_factory=dict, max_length=2_000)
    accept: list[str] = Field(default_factory=list, max_length=2_000)


class HeldSentencePublic(BaseModel):
    id: str
    label: str
    source: str
    english: str | None
    reason: str


class UnresolvedBody(ErrorBody):
    unresolved: list[HeldSentencePublic]


class Health(BaseModel):
    status: Literal["ok"]
    version: str
    database: str


def _summary(row: DeskArticle, request: Request) -> dict[str, Any]:
    """The article's line in a list. Its URL carries the slug percent-encoded, so a stored slug
    that breaks the slug rule (slashes, spaces, "..") still makes one path segment."""
    return {
        "slug": row.slug,
        "state": row.state,
        "headline": row.headline,
        "dateline": row.dateline,
        "url": str(request.url_for("article_page", slug=quote(row.slug, safe=""))),
        "created_at": row.created_at,
        "published_at": row.published_at,
    }


def _public(session, row: DeskArticle, request: Request) -> ArticlePublic:  # type: ignore[no-untyped-def]
    job = desk_articles.latest_job(session, row.id)
    labels = sentence_labels(row.segments)
    segments = [
        SegmentPublic(
            id=s.segment_id, block=s.block_index, kind=s.block_kind, source=s.source_text,
            english=s.english, status=s.status, decision=s.decision,
            label=labels[s.segment_id], held=is_held(s),
        )
        for s in row.segments
    ]
    return ArticlePublic(
        **_summary(row, request), byline=row.byline, credit=row.credit, decision=row.decision,
        signature=row.signature, job=JobPublic.of(job), segments=segments,
    )


@router.post(
    "/articles",
    status_code=202,
    response_model=ArticlePublic,
    dependencies=[auth.CsrfChecked, Depends(auth.current_editor), Depends(limit_submissions)],
    responses=_SIGNED_IN,
    summary="Submit an article for translation (editors)",
)
def submit_article(
    body: ArticleCreate, request: Request, response: Response, database: DatabaseDep,
    queue: QueueDep, settings: SettingsDep, editor: CurrentEditor,
) -> ArticlePublic:
    document = body.text if body.text is not None else json.dumps(body.article, ensure_ascii=False)
    article = parse_in_child(  # in the parsing process, so the desk keeps answering meanwhile
        document, body.format if body.article is None else "json",
        max_bytes=settings.max_article_bytes, slug=body.slug, where="the article",
    )
    with database.session() as session:
        row, job = desk_articles.receive_article(session, article)
        audit.record(session, editor.name, "submit", article_id=row.id, detail={"job_id": job.id})
        public = _public(session, row, request)
    queue.enqueue(job.id)
    response.headers["Location"] = str(request.url_for("get_article", slug=row.slug))
    return public


def _readable(row: DeskArticle | None, editor: object) -> DeskArticle:
    """The article, if this caller may read it: published ones for anyone, the rest for editors.

    Without an editor, an unknown slug and an unpublished article answer alike (401), so the API
    does not tell strangers which unpublished articles exist.
    """
    if editor is None and (row is None or row.state != ArticleState.PUBLISHED):
        raise auth.not_signed_in("only published articles are public; send an editor's API token")
    if row is None:
        raise NotFound("no such article on the desk")
    return row


@router.get(
    "/articles",
    response_model=ArticleList,
    responses=_MAYBE_SIGNED_IN,
    summary="List articles, newest first (published ones unless an editor asks)",
)
def list_articles(
    session: SessionDep,
    request: Request,
    editor: MaybeEditor,
    state: Annotated[ArticleState | None, Query()] = None,
    limit: Annotated[int, Query(ge=1, le=200)] = 50,
    offset: Annotated[int, Query(ge=0, le=1_000_000)] = 0,
) -> ArticleList:
    if editor is None:
        if state not in (None, ArticleState.PUBLISHED):
            raise auth.not_signed_in("only published articles are public; send an API token")
        state = ArticleState.PUBLISHED
    rows, total = desk_articles.list_articles(session, state=state, limit=limit, offset=offset)
    return ArticleList(total=total, articles=_listed(rows, request))


def _listed(rows: list[DeskArticle], request: Request) -> list[ArticleSummary]:
    """The list's lines: a row that cannot be shown (an empty slug, a field the summary refuses)
    is left out with a log line, so one bad row never fails the whole list."""
    listed = []
    for row in rows:
        try:
            listed.append(ArticleSummary(**_summary(row, request)))
        except Exception:
            log.warning("article %s (slug %r) left out of the list: it cannot be shown",
                        row.id, row.slug, exc_info=True)  # fmt: skip
    return listed


@router.get(
    "/articles/{slug}",
    response_model=ArticlePublic,
    responses=_MAYBE_SIGNED_IN,
    summary="An article and its sentences",
)
def get_article(
    slug: str, session: SessionDep, request: Request, editor: MaybeEditor
) -> ArticlePublic:
    row = _readable(desk_articles.article_or_none(session, slug), editor)
    return _public(session, row, request)


@router.get(
    "/articles/{slug}/status",
    response_model=JobPublic,
    responses=_MAYBE_SIGNED_IN,
    summary="The translation job",
)
def article_status(slug: str, session: SessionDep, editor: MaybeEditor) -> JobPublic:
    row = _readable(desk_articles.article_or_none(session, slug), editor)
    return JobPublic.of(desk_articles.latest_job(session, row.id))


@router.post(
    "/articles/{slug}/cancel",
    response_model=JobPublic,
    dependencies=[auth.CsrfChecked],
    responses=_SIGNED_IN,
    summary="Cancel the translation job (editors)",
)
def cancel_article(slug: str, database: DatabaseDep, editor: CurrentEditor) -> JobPublic:
    with database.session() as session:
        row = desk_articles.find_article(session, slug)
        job_id = desk_articles.latest_job(session, row.id).id
    job = JobPublic.of(cancel_job(database, job_id))
    with database.session() as session:
        audit.record(session, editor.name, "cancel", article_id=row.id, detail={"job_id": job_id})
    return job


@router.post(
    "/articles/{slug}/publish",
    response_model=ArticlePublic,
    dependencies=[auth.CsrfChecked],
    responses={
        **_SIGNED_IN,
        409: {"model": UnresolvedBody, "description": "held sentences are not resolved"},
    },
    summary="Resolve held sentences and publish an article waiting for review (editors)",
)
def publish_article(
    slug: str, body: PublishRequest, request: Request, database: DatabaseDep,
    settings: SettingsDep, editor: CurrentEditor,
) -> ArticlePublic | JSONResponse:
    edits = {k: v[:5_000] for k, v in body.edits.items()}
    try:
        editing.publish(
            database, slug, editor.name, edits=edits, accept=body.accept,
            newsroom_timezone=settings.newsroom_timezone,
        )
    except UnresolvedSentences as held:
        answer = UnresolvedBody(
            code=held.code, message=held.message, hint=held.hint,
            unresolved=[HeldSentencePublic(**h) for h in held.held],
        )
        return JSONResponse(answer.model_dump(), status_code=409)
    with database.session() as session:
        return _public(session, desk_articles.find_article(session, slug), request)


@router.get("/health", response_model=Health, tags=["health"], summary="Is the desk up")
def health(database: DatabaseDep) -> Health:
    with database.engine.connect() as connection:
        connection.execute(text("SELECT 1"))
    return Health(status="ok", version=__version__, database=database.dialect)
