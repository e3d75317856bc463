"""API: an editor's API tokens: listing them, creating one (shown once), revoking one."""

from __future__ import annotations

from pydantic import BaseModel, Field

from transdesk.desk import accounts
from transdesk.web.deps import CurrentEditor, RowId, SessionDep
from transdesk.web.errors import UtcDatetime
from transdesk.web.routes.api import editors_router

router = editors_router()


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


@router.get("/tokens", response_model=list[TokenOut], summary="Your API tokens")
def list_tokens(session: SessionDep, editor: CurrentEditor) -> list[TokenOut]:
    return [
        TokenOut.model_validate(t, from_attributes=True)
        for t in accounts.tokens_of(session, editor.id)
    ]


@router.post("/tokens", response_model=NewToken, status_code=201, summary="Create an API token")
def create_token(body: TokenIn, session: SessionDep, editor: CurrentEditor) -> NewToken:
    user = session.get(accounts.EditorUser, editor.id)
    row, token = accounts.issue_token(session, user, body.name)
    return NewToken(**TokenOut.model_validate(row, from_attributes=True).model_dump(), token=token)


@router.post("/tokens/{token_id}/revoke", response_model=TokenOut, summary="Revoke an API token")
def revoke_token(token_id: RowId, session: SessionDep, editor: CurrentEditor) -> TokenOut:
    return TokenOut.model_validate(
        accounts.revoke_token(session, token_id, editor), from_attributes=True
    )
