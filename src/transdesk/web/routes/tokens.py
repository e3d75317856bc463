"""API: API tokens: an editor's own (listing, creating one shown once, revoking one), and for
admins everyone's (`?everyone=true`), so a lost or stolen token can be revoked by the desk."""

from __future__ import annotations

from typing import Annotated

from fastapi import Query
from pydantic import BaseModel, Field

from transdesk.desk import accounts, audit
from transdesk.web.deps import CurrentEditor, RowId, SessionDep
from transdesk.web.errors import ApiError, UtcDatetime
from transdesk.web.routes.api import editors_router

router = editors_router()


class TokenIn(BaseModel):
    name: str = Field(min_length=1, max_length=100, description="What the token is for")


class TokenOut(BaseModel):
    id: int
    name: str
    prefix: str
    editor: str | None = Field(default=None, description="Whose token it is")
    created_at: UtcDatetime
    last_used_at: UtcDatetime | None
    revoked_at: UtcDatetime | None


class NewToken(TokenOut):
    token: str = Field(description="Shown once: keep it in the script's secret store")


def _out(row: accounts.EditorApiToken, owners: dict[int, str]) -> TokenOut:
    out = TokenOut.model_validate(row, from_attributes=True)
    return out.model_copy(update={"editor": owners.get(row.user_id)})


@router.get("/tokens", response_model=list[TokenOut], summary="Your API tokens (admins: anyone's)")
def list_tokens(
    session: SessionDep,
    editor: CurrentEditor,
    everyone: Annotated[bool, Query(description="Every editor's tokens (admins only)")] = False,
) -> list[TokenOut]:
    if everyone and not editor.is_admin:
        raise ApiError(403, "forbidden", "only an admin can list everyone's tokens")
    rows = accounts.tokens_of(session, None if everyone else editor.id)
    owners = accounts.owners_of(session, rows)
    return [_out(t, owners) for t in rows]


@router.post("/tokens", response_model=NewToken, status_code=201, summary="Create an API token")
def create_token(body: TokenIn, session: SessionDep, editor: CurrentEditor) -> NewToken:
    user = session.get(accounts.EditorUser, editor.id)
    row, token = accounts.issue_token(session, user, body.name)
    return NewToken(**_out(row, {user.id: user.name}).model_dump(), token=token)


@router.post("/tokens/{token_id}/revoke", response_model=TokenOut, summary="Revoke an API token")
def revoke_token(token_id: RowId, session: SessionDep, editor: CurrentEditor) -> TokenOut:
    row = accounts.revoke_token(session, token_id, editor)
    audit.record(session, editor.name, "revoke_token", detail={"token_id": row.id})
    return _out(row, accounts.owners_of(session, [row]))
