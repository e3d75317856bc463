"""Per-client rate limits on what readers and scripts send, with the `limits` library.

In memory by default (one server process); `TRANSDESK_RATE_LIMIT_STORAGE_URL=redis://...` shares
the counters between processes and machines. Limits are in `limits` notation ("10/minute").
Clients are told apart by address; behind a reverse proxy, see `transdesk.web.proxies`.
"""

from __future__ import annotations

import time

from fastapi import Request
from limits import RateLimitItem, parse
from limits.storage import storage_from_string
from limits.strategies import FixedWindowRateLimiter

from transdesk.desk.login_throttle import Window
from transdesk.errors import ConfigurationError
from transdesk.settings import Settings
from transdesk.web.errors import ApiError
from transdesk.web.proxies import client_address


def _parse(text: str, name: str) -> RateLimitItem:
    try:
        return parse(text)
    except ValueError:
        raise ConfigurationError(
            f"TRANSDESK_{name.upper()} {text!r} is not a rate limit",
            hint='write it like "10/minute" or "100 per hour"',
        ) from None


def _window(text: str, name: str) -> Window:
    """A sign-in limit, counted in the database (`transdesk.desk.login_throttle`)."""
    item = _parse(text, name)
    return Window(item.amount, item.get_expiry())


class RateLimits:
    def __init__(self, settings: Settings) -> None:
        self.enabled = settings.rate_limits_enabled
        self.limiter = FixedWindowRateLimiter(storage_from_string(settings.rate_limit_storage_url))
        self.reports = _parse(settings.report_rate_limit, "report_rate_limit")
        self.submissions = _parse(settings.submit_rate_limit, "submit_rate_limit")
        self.login_address = _window(settings.login_rate_limit, "login_rate_limit")
        self.login_account = _window(settings.login_account_limit, "login_account_limit")

    def check(self, item: RateLimitItem, scope: str, request: Request) -> None:
        """Count one hit for this client; raise a 429 with Retry-After when over the limit."""
        if not self.enabled:
            return
        client = client_address(request)  # X-Forwarded-For only through trusted proxies
        if self.limiter.hit(item, scope, client):
            return
        reset = self.limiter.get_window_stats(item, scope, client).reset_time
        retry_after = max(1, int(reset - time.time()) + 1)
        raise ApiError(
            429,
            "rate_limited",
            f"too many requests from this address (limit {item}); try again in {retry_after} s",
        ).with_headers({"Retry-After": str(retry_after)})


async def limit_reports(request: Request) -> None:
    limits: RateLimits = request.app.state.rate_limits
    limits.check(limits.reports, "reports", request)


async def limit_submissions(request: Request) -> None:
    limits: RateLimits = request.app.state.rate_limits
    limits.check(limits.submissions, "submissions", request)
