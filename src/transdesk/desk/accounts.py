"""Editors' accounts and API tokens.

Passwords are hashed with argon2id (argon2-cffi's defaults, rehashed on login when those change).
API tokens are random 256-bit strings shown once; only their SHA-256 is stored, which is enough for
a secret that long and lets a request be matched with one indexed lookup.
"""

from __future__ import annotations

import hashlib
import logging
import re
import secrets
from dataclasses import dataclass

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from transdesk.desk.passwords import MIN_LENGTH, check_password
from transdesk.errors import Conflict, InvalidInput, NotFound
from transdesk.store.desk_tables import utcnow
from transdesk.store.editor_tables import EditorApiToken, EditorUser, Role

log = logging.getLogger(__name__)
HASHER = PasswordHasher()
TOKEN_PREFIX = "tdk_"
NAME = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]{1,63}$")
MIN_PASSWORD = MIN_LENGTH
# Verified against when the name is unknown, so a wrong name takes as long as a wrong password.
_DUMMY_HASH = HASHER.hash("not a password of anyone on the desk")


@dataclass(frozen=True)
class Editor:
    """The person (or script) behind a request: `via` is "session" or "token"."""

    id: int
    name: str
    role: Role
    via: str = "session"

    @property
    def is_admin(self) -> bool:
        return self.role is Role.ADMIN

    @classmethod
    def of(cls, user: EditorUser, via: str = "session") -> Editor:
        return cls(user.id, user.name, Role(user.role), via)


def check_password_rules(password: str, name: str | None = None) -> None:
    """The desk's password policy (`transdesk.desk.passwords`)."""
    check_password(password, name=name)


def create_user(session: Session, name: str, password: str, role: str = Role.EDITOR) -> EditorUser:
    if not NAME.match(name):
        raise InvalidInput(
            f"{name!r} cannot be an editor's name",
            hint="use 2-64 letters, digits, dots, dashes or underscores",
        )
    if role not in Role.__members__.values():
        raise InvalidInput(f"unknown role {role!r}", hint="use editor or admin")
    check_password_rules(password, name)
    user = EditorUser(name=name, role=role, password_hash=HASHER.hash(password), session_epoch=0)
    session.add(user)
    try:
        session.flush()
    except IntegrityError:
        session.rollback()
        raise Conflict(f"there is already an editor called {name!r}") from None
    return user


def find_user(session: Session, name: str) -> EditorUser:
    user = session.scalar(select(EditorUser).where(EditorUser.name == name))
    if user is None:
        raise NotFound(f"no editor called {name!r}")
    return user


def set_password(
    session: Session, user: EditorUser, password: str, *, keep_tokens: bool = False
) -> int:
    """Change the password and end every session the editor has open; their API tokens are
    revoked too unless `keep_tokens`. Returns how many tokens were revoked."""
    check_password_rules(password, user.name)
    user.password_hash = HASHER.hash(password)
    end_sessions(user)
    return 0 if keep_tokens else revoke_tokens_of(session, user.id)


def end_sessions(user: EditorUser) -> None:
    """Every session cookie the editor holds stops working (signing out, a new password)."""
    user.session_epoch += 1


def set_active(session: Session, user: EditorUser, active: bool) -> None:
    """Disable an account (it cannot sign in; its sessions and tokens stop working) or enable
    it again (its old sessions stay ended; its tokens work again unless revoked)."""
    user.active = active
    if not active:
        end_sessions(user)


def authenticate(session: Session, name: str, password: str) -> EditorUser | None:
    """The active editor with this name and password, or None (same work either way)."""
    user = session.scalar(select(EditorUser).where(EditorUser.name == name))
    stored = user.password_hash if user is not None else _DUMMY_HASH
    try:
        HASHER.verify(stored, password)
    except (VerificationError, InvalidHashError):
        return None
    if user is None or not user.active:
        return None
    if HASHER.check_needs_rehash(user.password_hash):
        user.password_hash = HASHER.hash(password)
    user.last_login_at = utcnow()
    return user


def _token_hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def issue_token(session: Session, user: EditorUser, name: str) -> tuple[EditorApiToken, str]:
    """A new API token for `user`; the plain token is returned once and never stored."""
    token = TOKEN_PREFIX + secrets.token_urlsafe(32)
    row = EditorApiToken(
        user_id=user.id,
        name=name.strip()[:100] or "token",
        prefix=token[:10],
        token_hash=_token_hash(token),
    )
    session.add(row)
    session.flush()
    return row, token


def editor_for_token(session: Session, token: str) -> Editor | None:
    if not token.startswith(TOKEN_PREFIX) or len(token) > 200:
        return None
    row = session.scalar(
        select(EditorApiToken).where(EditorApiToken.token_hash == _token_hash(token))
    )
    if row is None or row.revoked_at is not None:
        return None
    user = session.get(EditorUser, row.user_id)
    if user is None or not user.active:
        return None
    row.last_used_at = utcnow()
    return Editor.of(user, via="token")


def revoke_token(session: Session, token_id: int, by: Editor) -> EditorApiToken:
    row = session.get(EditorApiToken, token_id)
    if row is None or (row.user_id != by.id and not by.is_admin):
        raise NotFound(f"no API token {token_id} of yours")
    row.revoked_at = row.revoked_at or utcnow()
    return row


def revoke_tokens_of(session: Session, user_id: int) -> int:
    """Revoke every live token of one editor; returns how many."""
    live = [t for t in tokens_of(session, user_id) if t.revoked_at is None]
    now = utcnow()
    for row in live:
        row.revoked_at = now
    return len(live)


def tokens_of(session: Session, user_id: int | None) -> list[EditorApiToken]:
    """One editor's API tokens, newest first (`user_id=None`: everyone's)."""
    query = select(EditorApiToken).order_by(EditorApiToken.id.desc())
    if user_id is not None:
        query = query.where(EditorApiToken.user_id == user_id)
    return list(session.scalars(query))


def owners_of(session: Session, tokens: list[EditorApiToken]) -> dict[int, str]:
    """Editor names by user id, for the tokens listed."""
    ids = {t.user_id for t in tokens}
    if not ids:
        return {}
    rows = session.execute(select(EditorUser.id, EditorUser.name).where(EditorUser.id.in_(ids)))
    return {user_id: name for user_id, name in rows}
