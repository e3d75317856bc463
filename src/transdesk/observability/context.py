"""The work in hand, as log lines name it: the HTTP request's id and the translation job's id.

Both are contextvars, so they follow a request through `await`s and into the threads Starlette
runs sync routes in, and stay out of other requests' lines. Threads started by hand do not
inherit them: start those under `contextvars.copy_context().run`.
"""

from __future__ import annotations

import contextlib
import re
import uuid
from collections.abc import Iterator
from contextvars import ContextVar

REQUEST_ID_HEADER = "X-Request-ID"
# a caller's id is kept when it is short printable ASCII without spaces; anything else is replaced
_ACCEPTABLE_ID = re.compile(r"^[!-~]{1,128}$")

request_id: ContextVar[str | None] = ContextVar("transdesk_request_id", default=None)
job_id: ContextVar[int | None] = ContextVar("transdesk_job_id", default=None)


def new_request_id() -> str:
    return uuid.uuid4().hex


def accept_request_id(offered: str | None) -> str:
    """The caller's `X-Request-ID` when it is usable in logs and headers, else a new one."""
    if offered and _ACCEPTABLE_ID.match(offered):
        return offered
    return new_request_id()


@contextlib.contextmanager
def running_job(job: int) -> Iterator[None]:
    """Log lines emitted inside the block carry `job_id`."""
    token = job_id.set(job)
    try:
        yield
    finally:
        job_id.reset(token)


@contextlib.contextmanager
def handling_request(request: str) -> Iterator[None]:
    """Log lines emitted inside the block carry `request_id`."""
    token = request_id.set(request)
    try:
        yield
    finally:
        request_id.reset(token)
