"""Signing in to the desk and out of it (pages)."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Form, Query, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from sqlalchemy.orm import Session

from transdesk.desk import audit, login_throttle
from transdesk.desk.login_throttle import Window
from transdesk.desk.accounts import authenticate, end_sessions
from transdesk.store.editor_tables import EditorUser
from transdesk.web import auth
from transdesk.web.deps import DatabaseDep, TemplatesDep
from transdesk.web.errors import ApiError
from transdesk.web.proxies import client_address
from transdesk.web.ratelimit import RateLimits
from transdesk.web.routes.pages import back, render, safe_next

router = APIRouter(include_in_schema=False)


@router.get("/login", response_class=HTMLResponse)
def login_page(
    request: Request,
    templates: TemplatesDep,
    next: Annotated[str | None, Query(max_length=500)] = None,
) -> Response:
    return render(request, templates, "login.html", {"next": safe_next(next), "error": None})


@router.post("/login", dependencies=[auth.CsrfChecked])
def login(
    request: Request,
    database: DatabaseDep,
    templates: TemplatesDep,
    name: Annotated[str, Form(max_length=64)],
    password: Annotated[str, Form(max_length=1024)],
    next: Annotated[str, Form(max_length=500)] = "/desk",
) -> Response:
    limits: RateLimits = request.app.state.rate_limits
    address = login_throttle.address_key(client_address(request))
    account = login_throttle.account_key(name)
    with database.session() as session:
        if limits.enabled:
            _refuse_while_throttled(
                session, {address: limits.login_address, account: limits.login_account}
            )
            login_throttle.count(session, address, limits.login_address)  # every attempt
        user = authenticate(session, name.strip(), password)
        if user is not None:
            auth.start_session(request, user)
            audit.record(session, user.name, "sign_in")
            login_throttle.clear(session, account)
        elif limits.enabled:
            login_throttle.count(session, account, limits.login_account)  # failures only
    if user is None:
        context = {"next": safe_next(next), "error": "Wrong name or password.", "name": name}
        return render(request, templates, "login.html", context, status=401)
    return back(request, safe_next(next))


def _refuse_while_throttled(session: Session, windows: dict[str, Window]) -> None:
    wait = max(login_throttle.wait_s(session, key, window) for key, window in windows.items())
    if wait:
        raise ApiError(
            429, "rate_limited",
            f"too many sign-in attempts for this account or from this address; "
            f"try again in {wait} s",
        ).with_headers({"Retry-After": str(wait)})  # fmt: skip


@router.post("/logout", dependencies=[auth.CsrfChecked])
def logout(request: Request, database: DatabaseDep) -> Response:
    """Sign out: the editor's session epoch moves on, so a copy of this cookie (or any other
    session of theirs) no longer opens the desk."""
    session = auth.desk_session(request)
    if session.user_id is not None:
        with database.session() as db:
            user = db.get(EditorUser, session.user_id)
            if user is not None and user.session_epoch == session.epoch:
                end_sessions(user)
                audit.record(db, user.name, "sign_out")
    response = RedirectResponse("/login", status_code=303)
    auth.cookies_of(request).clear(response)
    return response
