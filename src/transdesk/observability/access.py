"""Who may read the desk's metrics: one rule for the web desk's `/metrics` and a worker's.

With `TRANSDESK_METRICS_TOKEN` set, a scraper sends `Authorization: Bearer <token>` (401
otherwise), from anywhere. Without it the series are served only to direct connections from this
machine: the peer is a loopback address and the request carries no `X-Forwarded-For` or
`Forwarded` header (a reverse proxy on the same machine does not make the world local); anyone
else gets 403.
"""

from __future__ import annotations

import hmac
import ipaddress
from collections.abc import Mapping
from dataclasses import dataclass, field

from pydantic import SecretStr


@dataclass(frozen=True)
class Refusal:
    status: int
    message: str
    headers: dict[str, str] = field(default_factory=dict)


def is_loopback(address: str | None) -> bool:
    try:
        return address is not None and ipaddress.ip_address(address).is_loopback
    except ValueError:
        return False


def metrics_refusal(
    token: SecretStr | None, peer: str | None, headers: Mapping[str, str]
) -> Refusal | None:
    """Why this request may not read the metrics, or None when it may. `headers` are looked up
    by lower-case name."""
    if token is not None:
        scheme, _, offered = headers.get("authorization", "").partition(" ")
        expected = token.get_secret_value().encode()
        if scheme.lower() == "bearer" and hmac.compare_digest(offered.strip().encode(), expected):
            return None
        return Refusal(
            401, "metrics need Authorization: Bearer <TRANSDESK_METRICS_TOKEN>\n",
            {"WWW-Authenticate": 'Bearer realm="metrics"'},
        )  # fmt: skip
    forwarded = "x-forwarded-for" in headers or "forwarded" in headers
    if is_loopback(peer) and not forwarded:
        return None
    return Refusal(
        403,
        "metrics are served to this machine only: set TRANSDESK_METRICS_TOKEN to scrape them "
        "from elsewhere\n",
    )
