"""API: the termbase: its entries, adding one, approving a proposed one."""

from __future__ import annotations

from typing import Annotated

from fastapi import Query
from pydantic import BaseModel, Field

from transdesk.errors import TermConflict
from transdesk.glossary.model import TermEntry, TermKind, TermStatus
from transdesk.glossary.store import TermbaseStore
from transdesk.web.deps import CurrentEditor, DatabaseDep, RowId
from transdesk.web.errors import ApiError, UtcDatetime
from transdesk.web.routes.api import editors_router

router = editors_router()


class TermIn(BaseModel):
    source: str = Field(min_length=1, max_length=200, description="The Korean term")
    target: str = Field(min_length=1, max_length=500, description="First-reference English")
    variants: list[str] = Field(default_factory=list, max_length=50)
    later: str | None = Field(default=None, max_length=500)
    forbidden: list[str] = Field(default_factory=list, max_length=50)
    kind: TermKind = TermKind.OTHER
    note: str | None = Field(default=None, max_length=2000)
    status: TermStatus = TermStatus.APPROVED

    def entry(self) -> TermEntry:
        fields = self.model_dump()
        return TermEntry(
            **{**fields, "variants": tuple(self.variants), "forbidden": tuple(self.forbidden)}
        )


class TermOut(TermIn):
    id: int | None
    changed_by: str | None
    changed_at: UtcDatetime | None


def _out(entry: TermEntry) -> TermOut:
    return TermOut.model_validate(entry, from_attributes=True)


@router.get("/termbase", response_model=list[TermOut], summary="Termbase entries")
def list_terms(
    database: DatabaseDep,
    editor: CurrentEditor,
    status: Annotated[TermStatus | None, Query()] = None,
) -> list[TermOut]:
    return [_out(e) for e in TermbaseStore(database).list(status)]


@router.post("/termbase", response_model=TermOut, status_code=201, summary="Add a term")
def add_term(body: TermIn, database: DatabaseDep, editor: CurrentEditor) -> TermOut:
    try:
        return _out(TermbaseStore(database).add(body.entry(), by=editor.name))
    except TermConflict as conflict:
        raise ApiError(409, conflict.code, conflict.message, hint=conflict.hint) from None


@router.post(
    "/termbase/{entry_id}/approve", response_model=TermOut, summary="Approve a proposed term"
)
def approve_term(entry_id: RowId, database: DatabaseDep, editor: CurrentEditor) -> TermOut:
    try:
        return _out(TermbaseStore(database).approve(entry_id, by=editor.name))
    except TermConflict as conflict:
        raise ApiError(409, conflict.code, conflict.message, hint=conflict.hint) from None
