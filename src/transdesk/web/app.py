"""The web desk's app factory: `create_app(settings)` → FastAPI.

The lifespan opens the database (migrating it), builds the translation queue and, unless
`TRANSDESK_WORKER_IN_PROCESS=false`, runs a worker in threads of this process. Each resource has
its own router module under `transdesk.web.routes`. Each app has a Prometheus registry of its own
(`/metrics`), readiness checks on its engine, database and queue (`/readyz`), and gives every
request an id that its log lines carry (`transdesk.observability`).
"""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path

from fastapi import FastAPI
from fastapi.staticfiles import StaticFiles
from fastapi.templating import Jinja2Templates

from transdesk import __version__
from transdesk.desk.queue import TranslationQueue
from transdesk.glossary.store import TermbaseStore
from transdesk.observability.collector import DeskCollector
from transdesk.observability.http import HttpMetrics, HttpObserver, RequestIds
from transdesk.observability.readiness import desk_checker
from transdesk.observability.registry import desk_registry
from transdesk.publish.notice import ap_date
from transdesk.settings import Settings, get_settings
from transdesk.store.db import Database
from transdesk.store.failures import check_writable
from transdesk.web.bodylimit import BodyLimit
from transdesk.web.errors import install_error_handlers
from transdesk.web.pagecache import PageCache
from transdesk.web.proxies import TrustedProxies
from transdesk.web.ratelimit import RateLimits
from transdesk.web.routes import (
    article_pages,
    articles,
    feeds,
    libretranslate,
    memory,
    metrics,
    pages,
    probes,
    reader,
    report_pages,
    reports,
    sign_in,
    termbase,
    tmserver,
    token_pages,
    tokens,
    users,
    webhook_pages,
    xliff_pages,
)
from transdesk.web.security_headers import SecurityHeaders

log = logging.getLogger(__name__)
HERE = Path(__file__).parent


def make_templates() -> Jinja2Templates:
    templates = Jinja2Templates(directory=str(HERE / "templates"))  # autoescape on for .html
    templates.env.filters["ap_date"] = ap_date
    return templates


def _include_routes(app: FastAPI) -> None:
    """The probes and metrics, the API by resource, the reader's pages, then the editors' pages."""
    app.include_router(probes.router)
    app.include_router(metrics.router)
    for api in (articles, reports, termbase, memory, tokens, users, libretranslate, tmserver):
        app.include_router(api.router)
    app.include_router(reader.router)
    app.include_router(feeds.router)
    pages.install(app)  # the editors' session cookies and the redirect to sign in
    for desk_pages in (
        sign_in, report_pages, article_pages, xliff_pages, token_pages, webhook_pages
    ):
        app.include_router(desk_pages.router)


def create_app(settings: Settings | None = None, *, pipeline_factory=None) -> FastAPI:  # type: ignore[no-untyped-def]
    """Build the desk's web app. `pipeline_factory(settings)` overrides how jobs get a pipeline."""
    settings = settings or get_settings()
    if not (settings.database_url and settings.queue_url and settings.secret_key):
        check_writable(Path(settings.data_dir))  # it holds one of them: read-only stops start-up

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        database = Database(settings.resolved_database_url)
        queue = TranslationQueue(settings, database, pipeline_factory)
        app.state.database, app.state.queue = database, queue
        app.state.termbase = TermbaseStore(database)
        app.state.readiness = desk_checker(
            settings, lambda: app.state.database, lambda: app.state.queue.huey.pending_count()
        )
        collector = DeskCollector(database, queue.huey)
        app.state.metrics_registry.register(collector)
        if settings.worker_in_process:
            queue.start()
        log.info("desk ready on %s (%s)", database.dialect, "worker in process"
                 if settings.worker_in_process else "no worker in process")
        try:
            yield
        finally:
            app.state.metrics_registry.unregister(collector)
            queue.stop()
            libretranslate.close_translator(app)
            database.close()

    app = FastAPI(
        title="transdesk",
        version=__version__,
        summary="AI translation desk for Korean news in English: articles, jobs, readers' reports.",
        lifespan=lifespan,
    )
    app.state.settings = settings
    app.state.metrics_registry = desk_registry()
    app.state.templates = make_templates()
    app.state.rate_limits = RateLimits(settings)
    app.state.trusted_proxies = TrustedProxies(settings.trusted_proxies)
    app.state.page_cache = PageCache()
    install_error_handlers(app)
    app.mount("/static", StaticFiles(directory=str(HERE / "static")), name="static")
    _include_routes(app)
    app.add_middleware(
        BodyLimit,
        default_limit=settings.max_form_bytes,
        large_paths={
            "/api/articles": settings.max_article_bytes * 2 + 4096,
            "/desk/upload": settings.max_article_bytes * 2 + 16_384,  # file or text, multipart
            **libretranslate.body_limits(settings),
            **xliff_pages.body_limits(settings),
        },
    )
    app.add_middleware(SecurityHeaders)  # outside the body limit: its 413s get them too
    app.add_middleware(HttpObserver, metrics=HttpMetrics(app.state.metrics_registry))
    app.add_middleware(RequestIds)  # outermost: every answer and log line has the request's id
    return app
