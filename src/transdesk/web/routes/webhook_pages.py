"""The admins' page of webhook endpoints: subscribe one (its secret is shown once), remove one,
and read the delivery log of every try."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Form, Request
from fastapi.responses import HTMLResponse, Response
from fastapi.templating import Jinja2Templates

from transdesk.desk.accounts import Editor
from transdesk.errors import InvalidInput
from transdesk.store.db import Database
from transdesk.web import auth
from transdesk.web.deps import DatabaseDep, RowId, TemplatesDep
from transdesk.web.errors import ApiError
from transdesk.web.routes.pages import FormText, PageEditor, back, render
from transdesk.webhooks import subscriptions
from transdesk.webhooks.events import EventType

router = APIRouter(include_in_schema=False)
PAGE = "/desk/webhooks"
EventFields = Annotated[list[str], Form(max_length=40)]


def _admin(editor: Editor) -> None:
    if not editor.is_admin:
        raise ApiError(403, "forbidden", "only an admin can manage the desk's webhooks")


def _page(
    request: Request, database: Database, templates: Jinja2Templates, *, status: int = 200,
    **extra: object,
) -> Response:
    with database.session() as session:
        endpoints = subscriptions.endpoints(session)
        log = subscriptions.deliveries(session)
        session.expunge_all()
    context = {
        "endpoints": endpoints, "log": log, "event_types": [e.value for e in EventType],
        "events_of": subscriptions.events_of, **extra,
    }  # fmt: skip
    return render(request, templates, "editor_webhooks.html", context, status=status)


@router.get(PAGE, response_class=HTMLResponse)
def webhooks_page(
    request: Request, editor: PageEditor, database: DatabaseDep, templates: TemplatesDep
) -> Response:
    _admin(editor)
    return _page(request, database, templates)


@router.post(PAGE, dependencies=[auth.CsrfChecked], response_class=HTMLResponse)
def add_endpoint(
    request: Request,
    editor: PageEditor,
    database: DatabaseDep,
    templates: TemplatesDep,
    url: FormText = "",
    event: EventFields = [],  # noqa: B006  (FastAPI copies a form default)
) -> Response:
    """Subscribe the URL; the page answers with its secret, shown this once (never in a URL)."""
    _admin(editor)
    try:
        with database.session() as session:
            endpoint = subscriptions.add(session, url, event, editor.name)
            created = {"id": endpoint.id, "url": endpoint.url, "secret": endpoint.secret}
    except InvalidInput as error:
        return _page(request, database, templates, status=400, error=error.message, url=url)
    return _page(request, database, templates, created=created)


@router.post(PAGE + "/{endpoint_id}/remove", dependencies=[auth.CsrfChecked])
def remove_endpoint(
    endpoint_id: RowId, request: Request, editor: PageEditor, database: DatabaseDep
) -> Response:
    _admin(editor)
    with database.session() as session:
        subscriptions.remove(session, endpoint_id, editor.name)
    return back(request, PAGE)
