"""The admins' page of every editor's API tokens, with a button to revoke each."""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, Response

from transdesk.desk import accounts, audit
from transdesk.desk.accounts import Editor
from transdesk.web import auth
from transdesk.web.deps import DatabaseDep, RowId, TemplatesDep
from transdesk.web.errors import ApiError
from transdesk.web.routes.pages import PageEditor, back, render

router = APIRouter(include_in_schema=False)


def _admin(editor: Editor) -> None:
    if not editor.is_admin:
        raise ApiError(403, "forbidden", "only an admin can manage everyone's API tokens")


@router.get("/desk/tokens", response_class=HTMLResponse)
def tokens_page(
    request: Request, editor: PageEditor, database: DatabaseDep, templates: TemplatesDep
) -> Response:
    _admin(editor)
    with database.session() as session:
        rows = accounts.tokens_of(session, None)
        owners = accounts.owners_of(session, rows)
        session.expunge_all()
    return render(request, templates, "editor_tokens.html", {"tokens": rows, "owners": owners})


@router.post("/desk/tokens/{token_id}/revoke", dependencies=[auth.CsrfChecked])
def revoke(
    token_id: RowId, request: Request, editor: PageEditor, database: DatabaseDep
) -> Response:
    _admin(editor)
    with database.session() as session:
        row = accounts.revoke_token(session, token_id, editor)
        audit.record(session, editor.name, "revoke_token", detail={"token_id": row.id})
    return back(request, "/desk/tokens")
