"""The servers behind the `openai` engine: requests spread over them in turn (round robin), and a
server that fails (connection error, timeout, 5xx) sits out a cool-down while the others take its
requests.

Each server has its own HTTP client (base URL, connection pool). `pick()` gives the next server in
turn among the healthy ones; when every server is cooling down it gives the one that comes back
first, so a request is never refused for want of a server, only slowed.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

import httpx

log = logging.getLogger(__name__)


@dataclass
class Server:
    """One OpenAI-compatible server and what the pool knows of its health."""

    base_url: str
    client: httpx.Client
    down_until: float = 0.0  # on the pool's clock; 0: healthy
    failures: int = 0  # in a row
    requests: int = field(default=0, repr=False)

    def healthy(self, now: float) -> bool:
        return self.down_until <= now


class ServerPool:
    """Round robin over healthy servers, with a cool-down for a server that failed."""

    def __init__(
        self,
        base_urls: Sequence[str],
        make_client: Callable[[str], httpx.Client],
        *,
        cooldown_s: float = 30.0,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        if not base_urls:
            raise ValueError("a server pool needs at least one base URL")
        self.servers = [Server(url, make_client(url)) for url in base_urls]
        self.cooldown_s = cooldown_s
        self._clock = clock
        self._next = 0
        self._lock = threading.Lock()

    def __len__(self) -> int:
        return len(self.servers)

    def pick(self, avoid: Server | None = None) -> Server:
        """The next healthy server in turn (another than `avoid` when there is one)."""
        with self._lock:
            now = self._clock()
            count = len(self.servers)
            for step in range(count):
                server = self.servers[(self._next + step) % count]
                if server.healthy(now) and (server is not avoid or count == 1):
                    self._next = (self._next + step + 1) % count
                    server.requests += 1
                    return server
            server = min(self.servers, key=lambda s: (s is avoid and count > 1, s.down_until))
            server.requests += 1
            return server

    def healthy_count(self) -> int:
        now = self._clock()
        return sum(server.healthy(now) for server in self.servers)

    def failed(self, server: Server, reason: str) -> None:
        """`server` failed a request: it sits out the cool-down (when others can stand in)."""
        with self._lock:
            server.failures += 1
            if len(self.servers) > 1:
                server.down_until = self._clock() + self.cooldown_s
        if len(self.servers) > 1:
            log.warning("openai server %s failed (%s); skipping it for %g s", server.base_url,
                        reason, self.cooldown_s)  # fmt: skip

    def succeeded(self, server: Server) -> None:
        with self._lock:
            if server.failures or server.down_until:
                log.info("openai server %s answers again", server.base_url)
            server.failures, server.down_until = 0, 0.0

    def close(self) -> None:
        for server in self.servers:
            server.client.close()
