"""One HTTP try at an endpoint, with a short timeout: its status code, or why there is none."""

from __future__ import annotations

import time
from dataclasses import dataclass

import httpx

from transdesk import __version__

TIMEOUT = httpx.Timeout(10.0, connect=5.0)
USER_AGENT = f"transdesk-webhooks/{__version__}"


@dataclass(frozen=True)
class Answer:
    status_code: int | None  # None: no answer (refused, timed out, ...)
    error: str | None
    duration_ms: int

    @property
    def delivered(self) -> bool:
        return self.status_code is not None and 200 <= self.status_code < 300

    @property
    def gone(self) -> bool:
        """410 Gone: the receiver asks not to be sent anything again."""
        return self.status_code == 410


def post(url: str, payload: str, headers: dict[str, str]) -> Answer:
    """POST the signed payload; redirects are not followed (a receiver gives its final URL)."""
    started = time.perf_counter()
    try:
        with httpx.Client(timeout=TIMEOUT, follow_redirects=False) as client:
            response = client.post(
                url, content=payload.encode("utf-8"),
                headers={**headers, "user-agent": USER_AGENT},
            )  # fmt: skip
    except httpx.HTTPError as error:
        return Answer(None, f"{type(error).__name__}: {error}"[:500] or type(error).__name__,
                      _ms(started))  # fmt: skip
    error = None if 200 <= response.status_code < 300 else response.text[:200] or None
    return Answer(response.status_code, error, _ms(started))


def _ms(started: float) -> int:
    return int((time.perf_counter() - started) * 1000)
