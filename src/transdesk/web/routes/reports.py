"""API: a reader's report on one sentence of a published article (listing them is for editors)."""

from __future__ import annotations

import logging
from typing import Annotated, Literal

from fastapi import APIRouter, Depends, Request
from pydantic import BaseModel, Field, StringConstraints

from transdesk.desk.reports import ReportDraft, file_report
from transdesk.store.desk_tables import ReportKind, utcnow
from transdesk.web.deps import DatabaseDep, SettingsDep
from transdesk.web.errors import ERROR_RESPONSES, UtcDatetime
from transdesk.web.proxies import client_address
from transdesk.web.ratelimit import limit_reports

log = logging.getLogger(__name__)
router = APIRouter(prefix="/api", tags=["reports"], responses=ERROR_RESPONSES)
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
    database, settings, slug: str, body: ReportCreate, client: str | None  # type: ignore[no-untyped-def]
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


@router.post(
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
