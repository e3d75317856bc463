"""One Prometheus registry per app: never the process-wide default one.

It holds the event series of `transdesk.observability.metrics` (shared by every app in the
process), the app's own HTTP series, the scrape-time gauges of its database and queue (added by
the app's lifespan, once those are open), the process's CPU and memory, and the desk's version.
"""

from __future__ import annotations

from prometheus_client import CollectorRegistry, Info, PlatformCollector, ProcessCollector

from transdesk import __version__
from transdesk.observability.metrics import EVENT_SERIES


def desk_registry() -> CollectorRegistry:
    """A new registry with the process's series and the desk's event series."""
    registry = CollectorRegistry(auto_describe=True)
    for series in EVENT_SERIES:
        registry.register(series)
    ProcessCollector(registry=registry)  # process_* and python_info: the usual names
    PlatformCollector(registry=registry)
    Info("transdesk_build", "The desk's version", registry=registry).info({"version": __version__})
    return registry
