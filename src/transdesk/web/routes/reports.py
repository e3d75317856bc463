"""API: a reader's report on one sentence of a published article, and the editors' side of
reports: the queue by sentence, accepting one (the correction) and rejecting one."""

from __future__ import annotations

import logging
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Depends, Query, Request
from pydantic import AliasPath, BaseModel, Field, StringConstraints

from transdesk.feedback import review
from transdesk.feedback.decisions import accept_report, reject_report
from transdesk.feedback.reports import ReportDraft, file_report
from transdesk.feedback.review import QueueFilter
from transdesk.settings import Settings
from transdesk.store.db import Database
from transdesk.store.desk_tables import ReportKind, ReportState, utcnow
from transdesk.web.deps import CurrentEditor, DatabaseDep, RowId, SessionDep, SettingsDep
from transdesk.web.errors import ERROR_RESPONSES, UtcDatetime
from transdesk.web.proxies import client_address
from transdesk.web.ratelimit import limit_reports
from transdesk.web.routes.api import editors_router

log = logging.getLogger(__name__)
readers = APIRouter(prefix="/api", tags=["reports"], responses=ERROR_RESPONSES)
editors = editors_router()
SegmentId = Annotated[str, StringConstraints(pattern=r"^b\d{1,4}\.s\d{1,4}$")]


class ReportCreate(BaseModel):
    """A reader's report. `website` is a honeypot: people leave it empty."""

    segment: SegmentId = Field(description='The sentence, by its id ("b2.s0")')
    kind: ReportKind
    suggestion: str | None = Field(default=None, max_length=10_000, description="Better wording")
    email: str | None = Field(default=None, max_length=320, description="For a reply; never shown")
    website: str | None = Field(default=None, max_length=500, description="Leave empty")


class ReportReceipt(BaseModel):
    status: Literal["received"]
    segment: str
    kind: ReportKind
    received_at: UtcDatetime


def receive_report(
    database: Database, settings: Settings, slug: str, body: ReportCreate, client: str | None
) -> ReportReceipt:
    """Store the report (or, when the honeypot is filled, drop it without telling the sender)."""
    if body.website:
        log.info("dropped a report on %s: the honeypot field was filled", slug)
        return ReportReceipt(
            status="received", segment=body.segment, kind=body.kind, received_at=utcnow()
        )
    draft = ReportDraft(body.segment, body.kind, body.suggestion, body.email, client)
    report = file_report(database, slug, draft, max_chars=settings.max_report_chars)
    return ReportReceipt(
        status="received", segment=report.segment_id, kind=body.kind, received_at=report.created_at
    )


@readers.post(
    "/articles/{slug}/reports",
    status_code=201,
    response_model=ReportReceipt,
    dependencies=[Depends(limit_reports)],
    summary="Report a sentence of a published article",
)
def create_report(
    slug: str, body: ReportCreate, request: Request, database: DatabaseDep, settings: SettingsDep
) -> ReportReceipt:
    client = client_address(request)
    return receive_report(database, settings, slug, body, client)


# --- the editors' side ------------------------------------------------------------------------


class ReportOut(BaseModel):
    id: int
    kind: str
    state: str
    english_seen: str | None
    suggestion: str | None
    email: str | None = Field(description="The reader's contact address (editors only)")
    created_at: UtcDatetime
    decided_by: str | None
    reason: str | None


class SentenceReports(BaseModel):
    article: str = Field(validation_alias="article_slug")
    article_state: str
    segment: str = Field(validation_alias="segment_id")
    source: str
    english: str | None
    findings: list[dict[str, Any]]
    reports: list[ReportOut]


class ReportQueue(BaseModel):
    total: int
    groups: list[SentenceReports]


class AcceptBody(BaseModel):
    wording: str | None = Field(
        default=None, max_length=5000, description="The corrected sentence; default: the suggestion"
    )
    note: str | None = Field(
        default=None,
        max_length=1000,
        description="The correction note; default: written by the desk",
    )


class AcceptedOut(BaseModel):
    correction_id: int = Field(validation_alias=AliasPath("correction", "id"))
    article: str = Field(validation_alias=AliasPath("correction", "article_slug"))
    segment: str = Field(validation_alias=AliasPath("correction", "segment_id"))
    before: str | None = Field(validation_alias=AliasPath("correction", "before"))
    after: str = Field(validation_alias=AliasPath("correction", "after"))
    note: str = Field(validation_alias=AliasPath("correction", "note"))
    resolved_reports: list[int]
    propagation_queued: int
    learning: dict[str, Any] | None = Field(
        validation_alias=AliasPath("correction", "learned", "record")
    )


class RejectBody(BaseModel):
    reason: str = Field(min_length=1, max_length=2000)


class Decided(BaseModel):
    status: Literal["rejected"]
    report: int


@editors.get("/reports", response_model=ReportQueue, summary="Readers' reports, by sentence")
def list_reports(
    session: SessionDep,
    editor: CurrentEditor,
    article: Annotated[str | None, Query(max_length=200)] = None,
    kind: Annotated[ReportKind | None, Query()] = None,
    state: Annotated[ReportState | None, Query()] = ReportState.OPEN,
    limit: Annotated[int, Query(ge=1, le=200)] = 50,
    offset: Annotated[int, Query(ge=0, le=1_000_000)] = 0,
) -> ReportQueue:
    page = review.review_queue(session, QueueFilter(article, kind, state, limit, offset))
    return ReportQueue.model_validate(page, from_attributes=True)


@editors.post(
    "/reports/{report_id}/accept",
    response_model=AcceptedOut,
    summary="Accept a report: publish the corrected sentence with a correction note",
)
def accept(
    report_id: RowId, body: AcceptBody, database: DatabaseDep, settings: SettingsDep,
    editor: CurrentEditor,
) -> AcceptedOut:
    done = accept_report(
        database, report_id, editor.name, wording=body.wording, note=body.note,
        newsroom_timezone=settings.newsroom_timezone,
    )
    return AcceptedOut.model_validate(done, from_attributes=True)


@editors.post("/reports/{report_id}/reject", response_model=Decided, summary="Reject a report")
def reject(
    report_id: RowId, body: RejectBody, database: DatabaseDep, editor: CurrentEditor
) -> Decided:
    reject_report(database, report_id, editor.name, body.reason)
    return Decided(status="rejected", report=report_id)


router = APIRouter()
router.include_router(readers)
router.include_router(editors)
