"""Editors' sign-in for the web desk: signed session cookies, CSRF tokens, API tokens.

The session lives in one cookie signed with itsdangerous (HttpOnly, SameSite=Lax, Secure when the
desk is served over https or `TRANSDESK_SESSION_HTTPS_ONLY=true`). It carries the editor's id, the
account's session epoch (changing the password ends every session) and a per-session CSRF token.
Every POST made with the cookie must send that token back, in the form field `csrf_token` or the
`X-CSRF-Token` header, compared with `secrets.compare_digest`. Scripts use `Authorization: Bearer`
with an API token instead; such requests carry no cookie, so they need no CSRF token.
"""

from __future__ import annotations

import logging
import os
import secrets
from dataclasses import dataclass, field
from pathlib import Path
from typing import Annotated

from fastapi import Depends, Request, Response
from itsdangerous import BadSignature, URLSafeTimedSerializer

from transdesk.desk.accounts import Editor, editor_for_token
from transdesk.settings import Settings
from transdesk.store.editor_tables import EditorUser, Role
from transdesk.web.errors import ApiError

log = logging.getLogger(__name__)
COOKIE = "transdesk_session"
CSRF_FIELD = "csrf_token"
CSRF_HEADER = "x-csrf-token"
_SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})


def secret_key(settings: Settings) -> str:
    """`TRANSDESK_SECRET_KEY`, else a random key kept (mode 0600) in the data directory."""
    if settings.secret_key:
        return settings.secret_key
    path = Path(settings.data_dir) / "secret_key"
    if not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
        try:
            fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
            with os.fdopen(fd, "w") as out:
                out.write(secrets.token_urlsafe(48))
        except FileExistsError:  # another process wrote it first: use theirs
            pass
    return path.read_text().strip()


@dataclass
class DeskSession:
    """What the session cookie holds. `changed` means the response must set the cookie."""

    csrf: str
    user_id: int | None = None
    epoch: int = 0
    changed: bool = False
    came_with_request: bool = field(default=False, repr=False)


class SessionCookies:
    """Reads and writes the signed session cookie for one app."""

    def __init__(self, settings: Settings) -> None:
        self._serializer = URLSafeTimedSerializer(secret_key(settings), salt="transdesk-session")
        self.max_age = settings.session_max_age_s
        https = settings.session_https_only
        self.secure = https if https is not None else settings.public_url.startswith("https://")

    def load(self, request: Request) -> DeskSession:
        raw = request.cookies.get(COOKIE)
        if raw:
            try:
                data = self._serializer.loads(raw, max_age=self.max_age)
                return DeskSession(
                    csrf=str(data["c"]),
                    user_id=data.get("u"),
                    epoch=int(data.get("e", 0)),
                    came_with_request=True,
                )
            except (BadSignature, KeyError, TypeError, ValueError):
                log.info("ignored a session cookie with a bad signature or an expired one")
        return DeskSession(csrf=secrets.token_urlsafe(32), changed=True)

    def save(self, response: Response, session: DeskSession) -> None:
        value = self._serializer.dumps(
            {"c": session.csrf, "u": session.user_id, "e": session.epoch}
        )
        response.set_cookie(
            COOKIE,
            value,
            max_age=self.max_age,
            path="/",
            secure=self.secure,
            httponly=True,
            samesite="lax",
        )

    def clear(self, response: Response) -> None:
        response.delete_cookie(COOKIE, path="/", secure=self.secure, httponly=True, samesite="lax")


def cookies_of(request: Request) -> SessionCookies:
    return request.app.state.session_cookies


def desk_session(request: Request) -> DeskSession:
    """This request's session (loaded once per request; a new one when there is none)."""
    cached = getattr(request.state, "desk_session", None)
    if cached is None:
        cached = cookies_of(request).load(request)
        request.state.desk_session = cached
    return cached


def start_session(request: Request, user: EditorUser) -> DeskSession:
    """After a good password: a fresh session (new CSRF token, no fixation) for this editor."""
    session = DeskSession(
        csrf=secrets.token_urlsafe(32), user_id=user.id, epoch=user.session_epoch, changed=True
    )
    request.state.desk_session = session
    return session


def finish(request: Request, response: Response) -> Response:
    """Set the cookie on a response when this request started or changed the session."""
    session = getattr(request.state, "desk_session", None)
    if session is not None and session.changed:
        cookies_of(request).save(response, session)
    response.headers["Cache-Control"] = "no-store"
    response.headers["X-Frame-Options"] = "DENY"
    return response


def _bearer(request: Request) -> str | None:
    header = request.headers.get("authorization")
    if not header:
        return None
    scheme, _, token = header.partition(" ")
    if scheme.lower() != "bearer" or not token.strip():
        raise _unauthorized("send `Authorization: Bearer <token>` with an API token")
    return token.strip()


def not_signed_in(message: str) -> ApiError:
    """401 `not_authenticated`, asking for an API token."""
    return _unauthorized(message)


def _unauthorized(message: str) -> ApiError:
    return ApiError(401, "not_authenticated", message).with_headers(
        {"WWW-Authenticate": "Bearer"}
    )


def editor_or_none(request: Request) -> Editor | None:
    """The editor behind this request (API token first, then the session cookie), or None."""
    if hasattr(request.state, "editor"):
        return request.state.editor
    editor = None
    token = _bearer(request)
    with request.app.state.database.session() as db:
        if token is not None:
            editor = editor_for_token(db, token)
            if editor is None:
                raise _unauthorized("the API token is unknown or revoked")
        else:
            session = desk_session(request)
            if session.user_id is not None:
                user = db.get(EditorUser, session.user_id)
                if user is not None and user.active and user.session_epoch == session.epoch:
                    editor = Editor.of(user)
    request.state.editor = editor
    return editor


def current_editor(request: Request) -> Editor:
    editor = editor_or_none(request)
    if editor is None:
        raise _unauthorized("sign in as an editor, or send an API token, to do this")
    return editor


def current_admin(editor: Annotated[Editor, Depends(current_editor)]) -> Editor:
    if editor.role is not Role.ADMIN:
        raise ApiError(403, "forbidden", "only an admin can do this")
    return editor


async def check_csrf(request: Request) -> None:
    """Refuse a state-changing request made with the session cookie but without its CSRF token."""
    if request.method in _SAFE_METHODS or request.headers.get("authorization"):
        return  # a bearer request is refused or accepted by its token alone
    session = desk_session(request)
    if not session.came_with_request and request.url.path.startswith("/api/"):
        return  # no cookie, no ambient authority: the editor check answers 401
    sent = request.headers.get(CSRF_HEADER)
    if sent is None and "form" in request.headers.get("content-type", ""):
        value = (await request.form()).get(CSRF_FIELD)
        sent = value if isinstance(value, str) else None
    if (
        not sent
        or not session.came_with_request
        or not secrets.compare_digest(sent.encode(), session.csrf.encode())
    ):
        raise ApiError(
            403, "csrf", "this form has expired or did not come from the desk; reload and retry"
        )


CsrfChecked = Depends(check_csrf)
