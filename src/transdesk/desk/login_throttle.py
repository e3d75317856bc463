"""Sign-in throttling, per account and per client address, counted in the database.

Every attempt from an address counts against `TRANSDESK_LOGIN_RATE_LIMIT`; every failed attempt
on an account name (known or not, so the answer tells nothing) against
`TRANSDESK_LOGIN_ACCOUNT_LIMIT`. Over either, sign-in is refused without checking the password
until the window ends. The counters are rows of `editor_login_throttle`, so restarting the desk,
or running several, does not reset or split them.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import delete
from sqlalchemy.orm import Session

from transdesk.store.desk_tables import utcnow
from transdesk.store.editor_tables import LoginThrottle


@dataclass(frozen=True)
class Window:
    """At most `attempts` in `seconds`."""

    attempts: int
    seconds: int


def account_key(name: str) -> str:
    return "account:" + name.strip().lower()[:64]


def address_key(address: str) -> str:
    return "address:" + address[:100]


def wait_s(session: Session, key: str, window: Window) -> int:
    """Seconds until `key` may try again (0: now)."""
    row = session.get(LoginThrottle, key)
    if row is None or row.attempts < window.attempts:
        return 0
    left = (row.window_start + dt.timedelta(seconds=window.seconds) - utcnow()).total_seconds()
    return max(0, int(left) + 1)


def count(session: Session, key: str, window: Window) -> None:
    """One more attempt for `key` in its current window (a new window once the last ended)."""
    now = utcnow()
    row = session.get(LoginThrottle, key, with_for_update=True)
    if row is None:
        session.add(LoginThrottle(key=key, attempts=1, window_start=now))
    elif now - row.window_start >= dt.timedelta(seconds=window.seconds):
        row.attempts, row.window_start = 1, now
    else:
        row.attempts += 1
    session.flush()


def clear(session: Session, key: str) -> None:
    """A good sign-in ends the account's count of failures."""
    session.execute(delete(LoginThrottle).where(LoginThrottle.key == key))
