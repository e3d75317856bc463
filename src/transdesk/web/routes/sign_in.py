"""Signing in to the desk and out of it (pages)."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Form, Query, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from transdesk.desk import audit
from transdesk.desk.accounts import authenticate
from transdesk.web import auth
from transdesk.web.deps import DatabaseDep, TemplatesDep
from transdesk.web.routes.pages import back, render, safe_next

router = APIRouter(include_in_schema=False)


@router.get("/login", response_class=HTMLResponse)
def login_page(
    request: Request,
    templates: TemplatesDep,
    next: Annotated[str | None, Query(max_length=500)] = None,
) -> Response:
    return render(request, templates, "login.html", {"next": safe_next(next), "error": None})


@router.post("/login", dependencies=[auth.CsrfChecked, Depends(auth.check_login_rate)])
def login(
    request: Request,
    database: DatabaseDep,
    templates: TemplatesDep,
    name: Annotated[str, Form(max_length=64)],
    password: Annotated[str, Form(max_length=1024)],
    next: Annotated[str, Form(max_length=500)] = "/desk",
) -> Response:
    with database.session() as session:
        user = authenticate(session, name.strip(), password)
        if user is not None:
            auth.start_session(request, user)
            audit.record(session, user.name, "sign_in")
    if user is None:
        context = {"next": safe_next(next), "error": "Wrong name or password.", "name": name}
        return render(request, templates, "login.html", context, status=401)
    return back(request, safe_next(next))


@router.post("/logout", dependencies=[auth.CsrfChecked])
def logout(request: Request) -> Response:
    response = RedirectResponse("/login", status_code=303)
    auth.cookies_of(request).clear(response)
    return response
