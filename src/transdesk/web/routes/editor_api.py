"""The editors' API: the review queue, accepting and rejecting reports, the termbase, the memory,
API tokens and accounts. Every route needs an editor: `Authorization: Bearer <API token>`, or the
session cookie with the `X-CSRF-Token` header on writes.
"""

from __future__ import annotations

from typing import Annotated, Any, Literal

from fastapi import APIRouter, Depends, Path, Query
from pydantic import BaseModel, Field

from transdesk.desk import accounts, review
from transdesk.desk.corrections import accept_report, reject_report
from transdesk.desk.review import QueueFilter
from transdesk.errors import TermConflict
from transdesk.glossary.model import TermEntry, TermKind, TermStatus
from transdesk.store.desk_tables import ReportKind, ReportState
from transdesk.store.editor_tables import Role
from transdesk.web import auth
from transdesk.web.auth import AdminDep, EditorDep
from transdesk.web.deps import DatabaseDep, SessionDep
from transdesk.web.errors import ERROR_RESPONSES, ApiError, ErrorBody, UtcDatetime

RowId = Annotated[int, Path(ge=1, le=2_147_483_647)]
_RESPONSES: dict[int | str, dict[str, Any]] = {
    **ERROR_RESPONSES,
    401: {"model": ErrorBody, "description": "not signed in, or the API token is unknown"},
    403: {"model": ErrorBody, "description": "forbidden (role, or CSRF token missing)"},
}
router = APIRouter(
    prefix="/api", tags=["editors"], responses=_RESPONSES, dependencies=[auth.CsrfChecked]
)


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
    article: str
    article_state: str
    segment: str
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
    correction_id: int
    article: str
    segment: str
    before: str | None
    after: str
    note: str
    resolved_reports: list[int]
    propagation_queued: int
    learning: dict[str, Any] | None


class RejectBody(BaseModel):
    reason: str = Field(min_length=1, max_length=2000)


class Decided(BaseModel):
    status: Literal["rejected"]
    report: int


@router.get("/reports", response_model=ReportQueue, summary="Readers' reports, by sentence")
def list_reports(
    session: SessionDep,
    editor: EditorDep,
    article: Annotated[str | None, Query(max_length=200)] = None,
    kind: Annotated[ReportKind | None, Query()] = None,
    state: Annotated[ReportState | None, Query()] = ReportState.OPEN,
    limit: Annotated[int, Query(ge=1, le=200)] = 50,
    offset: Annotated[int, Query(ge=0, le=1_000_000)] = 0,
) -> ReportQueue:
    page = review.review_queue(session, QueueFilter(article, kind, state, limit, offset))
    groups = [
        SentenceReports(
            article=g.article_slug,
            article_state=g.article_state,
            segment=g.segment_id,
            source=g.source,
            english=g.english,
            findings=list(g.findings),
            reports=[ReportOut(**r.__dict__) for r in g.reports],
        )
        for g in page.groups
    ]
    return ReportQueue(total=page.total, groups=groups)


@router.post(
    "/reports/{report_id}/accept",
    response_model=AcceptedOut,
    summary="Accept a report: publish the corrected sentence with a correction note",
)
def accept(
    report_id: RowId, body: AcceptBody, database: DatabaseDep, editor: EditorDep
) -> AcceptedOut:
    done = accept_report(database, report_id, editor.name, wording=body.wording, note=body.note)
    return AcceptedOut(
        correction_id=done.correction_id,
        article=done.article_slug,
        segment=done.segment_id,
        before=done.before,
        after=done.after,
        note=done.note,
        resolved_reports=list(done.resolved_reports),
        propagation_queued=done.propagation_queued,
        learning=done.learning,
    )


@router.post("/reports/{report_id}/reject", response_model=Decided, summary="Reject a report")
def reject(report_id: RowId, body: RejectBody, database: DatabaseDep, editor: EditorDep) -> Decided:
    reject_report(database, report_id, editor.name, body.reason)
    return Decided(status="rejected", report=report_id)


# --- termbase and memory --------------------------------------------------------------------


class TermIn(BaseModel):
    source: str = Field(min_length=1, max_length=200, description="The Korean term")
    target: str = Field(min_length=1, max_length=500, description="First-reference English")
    variants: list[str] = Field(default_factory=list, max_length=50)
    later: str | None = Field(default=None, max_length=500)
    forbidden: list[str] = Field(default_factory=list, max_length=50)
    kind: TermKind = TermKind.OTHER
    note: str | None = Field(default=None, max_length=2000)
    status: TermStatus = TermStatus.APPROVED


class TermOut(TermIn):
    id: int | None
    changed_by: str | None
    changed_at: UtcDatetime | None


def _term_out(entry: TermEntry) -> TermOut:
    return TermOut(
        id=entry.id,
        source=entry.source,
        target=entry.target,
        variants=list(entry.variants),
        later=entry.later,
        forbidden=list(entry.forbidden),
        kind=entry.kind,
        note=entry.note,
        status=entry.status,
        changed_by=entry.changed_by,
        changed_at=entry.changed_at,
    )


def _termbase(database):  # type: ignore[no-untyped-def]
    from transdesk.glossary.store import TermbaseStore

    return TermbaseStore(database)


@router.get("/termbase", response_model=list[TermOut], summary="Termbase entries")
def list_terms(
    database: DatabaseDep, editor: EditorDep, status: Annotated[TermStatus | None, Query()] = None
) -> list[TermOut]:
    return [_term_out(e) for e in _termbase(database).list(status)]


@router.post("/termbase", response_model=TermOut, status_code=201, summary="Add a term")
def add_term(body: TermIn, database: DatabaseDep, editor: EditorDep) -> TermOut:
    entry = TermEntry(
        source=body.source,
        target=body.target,
        variants=tuple(body.variants),
        later=body.later,
        forbidden=tuple(body.forbidden),
        kind=body.kind,
        note=body.note,
        status=body.status,
    )
    try:
        return _term_out(_termbase(database).add(entry, by=editor.name))
    except TermConflict as conflict:
        raise ApiError(409, conflict.code, conflict.message, hint=conflict.hint) from None


@router.post(
    "/termbase/{entry_id}/approve", response_model=TermOut, summary="Approve a proposed term"
)
def approve_term(entry_id: RowId, database: DatabaseDep, editor: EditorDep) -> TermOut:
    try:
        return _term_out(_termbase(database).approve(entry_id, by=editor.name))
    except TermConflict as conflict:
        raise ApiError(409, conflict.code, conflict.message, hint=conflict.hint) from None


class MemoryHit(BaseModel):
    source: str
    target: str
    score: float
    origin: str
    approved_by: str
    approved_at: UtcDatetime
    article_slug: str | None


@router.get(
    "/memory/lookup",
    response_model=list[MemoryHit],
    summary="Approved translations of a Korean sentence, exact and fuzzy",
)
def memory_lookup(
    database: DatabaseDep,
    editor: EditorDep,
    q: Annotated[str, Query(min_length=1, max_length=2000)],
    limit: Annotated[int, Query(ge=1, le=20)] = 5,
) -> list[MemoryHit]:
    from transdesk.memory import TranslationMemory

    memory = TranslationMemory(database)
    exact = memory.exact(q)
    hits = ([exact] if exact else []) + [
        m for m in memory.fuzzy(q, limit=limit) if not exact or m.id != exact.id
    ]
    return [
        MemoryHit(
            source=m.source,
            target=m.target,
            score=m.score,
            origin=str(m.origin),
            approved_by=m.approved_by,
            approved_at=m.approved_at,
            article_slug=m.article_slug,
        )
        for m in hits[:limit]
    ]


# --- tokens and accounts ----------------------------------------------------------------------


class TokenIn(BaseModel):
    name: str = Field(min_length=1, max_length=100, description="What the token is for")


class TokenOut(BaseModel):
    id: int
    name: str
    prefix: str
    created_at: UtcDatetime
    last_used_at: UtcDatetime | None
    revoked_at: UtcDatetime | None


class NewToken(TokenOut):
    token: str = Field(description="Shown once: keep it in the script's secret store")


class UserIn(BaseModel):
    name: str = Field(min_length=2, max_length=64)
    password: str = Field(min_length=accounts.MIN_PASSWORD, max_length=1024)
    role: Role = Role.EDITOR


class UserOut(BaseModel):
    id: int
    name: str
    role: Role


@router.get("/tokens", response_model=list[TokenOut], summary="Your API tokens")
def list_tokens(session: SessionDep, editor: EditorDep) -> list[TokenOut]:
    return [
        TokenOut.model_validate(t, from_attributes=True)
        for t in accounts.tokens_of(session, editor.id)
    ]


@router.post("/tokens", response_model=NewToken, status_code=201, summary="Create an API token")
def create_token(body: TokenIn, session: SessionDep, editor: EditorDep) -> NewToken:
    user = session.get(accounts.EditorUser, editor.id)
    row, token = accounts.issue_token(session, user, body.name)
    return NewToken(**TokenOut.model_validate(row, from_attributes=True).model_dump(), token=token)


@router.post("/tokens/{token_id}/revoke", response_model=TokenOut, summary="Revoke an API token")
def revoke_token(token_id: RowId, session: SessionDep, editor: EditorDep) -> TokenOut:
    return TokenOut.model_validate(
        accounts.revoke_token(session, token_id, editor), from_attributes=True
    )


@router.post("/users", response_model=UserOut, status_code=201, summary="Add an editor (admins)")
def add_user(body: UserIn, session: SessionDep, admin: AdminDep) -> UserOut:
    user = accounts.create_user(session, body.name, body.password, body.role)
    return UserOut(id=user.id, name=user.name, role=Role(user.role))


@router.get("/me", response_model=UserOut, summary="Who this request is signed in as")
def me(editor: Annotated[accounts.Editor, Depends(auth.current_editor)]) -> UserOut:
    return UserOut(id=editor.id, name=editor.name, role=editor.role)
