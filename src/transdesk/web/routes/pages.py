"""What every editors' page shares: the signed-in editor (or a redirect to sign in), rendering a
template with the session's CSRF token, and the redirect after a form.

Every form carries the session's CSRF token and every POST checks it (`auth.CsrfChecked`).
"""

from __future__ import annotations

from functools import partial
from typing import Annotated
from urllib.parse import quote

from fastapi import Depends, FastAPI, Form, Request
from fastapi.responses import RedirectResponse, Response
from fastapi.templating import Jinja2Templates

from transdesk.desk.accounts import Editor
from transdesk.desk.clock import newsroom_time
from transdesk.feedback.review import QueueCounts, queue_counts
from transdesk.web import auth

FormText = Annotated[str, Form(max_length=5_000)]


class SignInFirst(Exception):
    """Raised inside a page route when nobody is signed in; answered with a redirect."""


def install(app: FastAPI) -> None:
    """The session cookies the pages use, and the redirect to sign in."""
    app.state.session_cookies = auth.SessionCookies(app.state.settings)
    app.add_exception_handler(SignInFirst, _login_redirect)  # type: ignore[arg-type]


def _editor(request: Request) -> Editor:
    editor = auth.editor_or_none(request)
    if editor is None:
        raise SignInFirst(request.url.path)
    return editor


PageEditor = Annotated[Editor, Depends(_editor)]


def render(
    request: Request, templates: Jinja2Templates, name: str, context: dict, status: int = 200
) -> Response:
    session = auth.desk_session(request)
    editor = getattr(request.state, "editor", None)
    context = {
        "csrf_token": session.csrf,
        "editor": editor,
        "counts": _counts(request) if editor is not None else None,
        "csrf_field": auth.CSRF_FIELD,
        "newsroom_time": partial(
            newsroom_time, configured=request.app.state.settings.newsroom_timezone
        ),
        **context,
    }
    response = templates.TemplateResponse(request, name, context, status_code=status)
    return auth.finish(request, response)


def _counts(request: Request) -> QueueCounts:
    """What waits for a person, for the navigation of every editors' page."""
    with request.app.state.database.session() as session:
        return queue_counts(session)


def back(request: Request, url: str) -> Response:
    """The redirect after a form (303: the browser GETs `url`)."""
    return auth.finish(request, RedirectResponse(url, status_code=303))


def safe_next(target: str | None) -> str:
    if target and target.startswith("/") and not target.startswith(("//", "/\\")):
        return target
    return "/desk"


def _login_redirect(request: Request, exc: SignInFirst) -> Response:
    return RedirectResponse(f"/login?next={quote(str(exc.args[0]))}", status_code=303)
