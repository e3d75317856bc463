"""API: editors' accounts: adding one (admins) and who a request is signed in as."""

from __future__ import annotations

from pydantic import BaseModel, Field

from transdesk.desk import accounts
from transdesk.store.editor_tables import Role
from transdesk.web.deps import CurrentAdmin, CurrentEditor, SessionDep
from transdesk.web.routes.api import editors_router

router = editors_router()


class UserIn(BaseModel):
    name: str = Field(min_length=2, max_length=64)
    password: str = Field(min_length=accounts.MIN_PASSWORD, max_length=1024)
    role: Role = Role.EDITOR


class UserOut(BaseModel):
    id: int
    name: str
    role: Role


@router.post("/users", response_model=UserOut, status_code=201, summary="Add an editor (admins)")
def add_user(body: UserIn, session: SessionDep, admin: CurrentAdmin) -> UserOut:
    user = accounts.create_user(session, body.name, body.password, body.role)
    return UserOut.model_validate(user, from_attributes=True)


@router.get("/me", response_model=UserOut, summary="Who this request is signed in as")
def me(editor: CurrentEditor) -> UserOut:
    return UserOut.model_validate(editor, from_attributes=True)
