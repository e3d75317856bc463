"""Which address a request comes from, when the desk runs behind reverse proxies.

`X-Forwarded-For` is believed only when it reaches the desk through a proxy listed in
`TRANSDESK_TRUSTED_PROXIES` (IPs or CIDRs): walking the header from the right, each trusted hop
vouches for the address before it, and the first address that is not a trusted proxy is the
client. From anyone else the header is ignored, so a client cannot pick its own rate-limit bucket.
"""

from __future__ import annotations

import ipaddress
from collections.abc import Iterable

from starlette.requests import Request

Network = ipaddress.IPv4Network | ipaddress.IPv6Network


class TrustedProxies:
    def __init__(self, networks: Iterable[str]) -> None:
        self.networks: tuple[Network, ...] = tuple(
            ipaddress.ip_network(n, strict=False) for n in networks
        )

    def trusts(self, address: str) -> bool:
        try:
            ip = ipaddress.ip_address(address)
        except ValueError:
            return False
        return any(ip in network for network in self.networks)

    def client_of(self, request: Request) -> str:
        """The client's address: the peer's, or the one trusted proxies forwarded."""
        address = request.client.host if request.client else "unknown"
        if not self.networks:
            return address
        hops = [
            hop.strip()
            for header in request.headers.getlist("x-forwarded-for")
            for hop in header.split(",")
        ]
        for hop in reversed(hops):
            if not self.trusts(address):
                break
            try:
                address = str(ipaddress.ip_address(hop))
            except ValueError:
                break  # a garbled hop: keep the last address a trusted proxy vouched for
        return address


def client_address(request: Request) -> str:
    """This request's client address, as the app's trusted proxies tell it."""
    return request.app.state.trusted_proxies.client_of(request)
