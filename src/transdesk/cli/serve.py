"""`transdesk serve`, `transdesk submit FILE`, `transdesk worker`: the web desk from the shell."""

from __future__ import annotations

import logging
import time
from pathlib import Path
from urllib.parse import urlsplit

import httpx
import typer

from transdesk.cli.app import app
from transdesk.cli.options import BaseUrl, EngineName, LlmModel, ModelName, engine_settings
from transdesk.errors import (
    ConfigurationError,
    EngineError,
    InvalidArticle,
    InvalidInput,
    StorageError,
    TransdeskError,
)
from transdesk.ingest.raw import slugify
from transdesk.settings import Settings

log = logging.getLogger(__name__)
_FORMATS = {".md": "md", ".markdown": "md", ".json": "json", ".html": "html", ".htm": "html"}


@app.command()
def serve(
    host: str = typer.Option(
        None, help="Address to listen on (default: the host of TRANSDESK_PUBLIC_URL if local, "
        "else 127.0.0.1).", show_default=False,
    ),
    port: int = typer.Option(
        None, help="Port to listen on (default: the port of TRANSDESK_PUBLIC_URL).",
        show_default=False,
    ),
    worker: bool = typer.Option(True, "--worker/--no-worker", help="Run a worker in this process."),
    engine: EngineName = None,
    model: ModelName = None,
    base_url: BaseUrl = None,
    llm_model: LlmModel = None,
) -> None:
    """Run the web desk: the reader's pages, the report forms and the API."""
    import uvicorn

    from transdesk.web.app import create_app

    settings = engine_settings(
        engine=engine, model=model, base_url=base_url, llm_model=llm_model
    ).model_copy(update={"worker_in_process": worker})
    listen_host, listen_port = listen_address(settings.public_url, host, port)
    factory = _ready_pipeline(settings) if worker else None
    typer.echo(
        f"transdesk desk on http://{listen_host}:{listen_port}/ (database: {_where(settings)})",
        err=True,
    )
    uvicorn.run(
        create_app(settings, pipeline_factory=factory), host=listen_host, port=listen_port,
        log_level="warning", access_log=False,  # the desk logs each request itself (with its id)
        log_config=None,  # uvicorn's own lines go through the desk's logging, in --log-format
        proxy_headers=False,  # the desk reads X-Forwarded-For itself, from TRANSDESK_TRUSTED_PROXIES
    )  # fmt: skip


def listen_address(public_url: str, host: str | None, port: int | None) -> tuple[str, int]:
    """Where `serve` listens: the options, else the desk's public address when it is this
    machine, so `submit` (which reads TRANSDESK_PUBLIC_URL) reaches the desk it started."""
    parsed = urlsplit(public_url)
    default_port = parsed.port or (443 if parsed.scheme == "https" else 80)
    local = parsed.hostname in ("127.0.0.1", "localhost", "::1")
    return host or (parsed.hostname if local and parsed.hostname else "127.0.0.1"), (
        port or (default_port if local else 8000)
    )


def _ready_pipeline(settings: Settings):  # type: ignore[no-untyped-def]
    """Build the translation pipeline before the desk takes work: an engine that cannot run stops
    the command here, with the same message and hint as `transdesk translate` (exit code 3),
    instead of failing every job later. The pipeline built is the one the jobs then use."""
    from transdesk.desk.jobs import obtain_pipeline

    log.info("checking the %s engine", settings.engine)
    ready = [obtain_pipeline(settings)]

    def factory(settings: Settings):  # type: ignore[no-untyped-def]
        return ready.pop() if ready else obtain_pipeline(settings)

    return factory


@app.command()
def worker(
    threads: int = typer.Option(None, help="Jobs to run at once (default: TRANSDESK_WORKER_THREADS)."),
    metrics_port: int = typer.Option(
        None, "--metrics-port", min=1, max=65535, show_default=False,
        help="Serve this worker's /metrics on this port, at TRANSDESK_WORKER_METRICS_HOST "
        "(default: TRANSDESK_WORKER_METRICS_PORT, else none).",
    ),
    engine: EngineName = None,
    model: ModelName = None,
    base_url: BaseUrl = None,
    llm_model: LlmModel = None,
) -> None:
    """Run translation jobs from the queue until stopped (Ctrl-C or SIGTERM finishes the job)."""
    from transdesk.desk.queue import TranslationQueue
    from transdesk.store.db import Database

    settings = engine_settings(engine=engine, model=model, base_url=base_url, llm_model=llm_model)
    if threads:
        settings = settings.model_copy(update={"worker_threads": threads})
    if metrics_port:
        settings = settings.model_copy(update={"worker_metrics_port": metrics_port})
    factory = _ready_pipeline(settings)
    database = Database(settings.resolved_database_url)
    try:
        queue = TranslationQueue(settings, database, factory)
        exporter = _worker_metrics(settings, database, queue)
        typer.echo(f"transdesk worker: {_where(settings)}", err=True)
        try:
            queue.run_forever()
        finally:
            if exporter is not None:
                exporter.stop()
    finally:
        database.close()


def _worker_metrics(settings: Settings, database, queue):  # type: ignore[no-untyped-def]
    """The worker's own /metrics (its jobs are counted in its process), when a port is set."""
    if settings.worker_metrics_port is None:
        return None
    from transdesk.observability.collector import DeskCollector
    from transdesk.observability.exporter import MetricsServer
    from transdesk.observability.registry import desk_registry

    registry = desk_registry()
    registry.register(DeskCollector(database, queue.huey))
    host, port = settings.worker_metrics_host, settings.worker_metrics_port
    try:
        server = MetricsServer(registry, host, port, settings.metrics_token)
    except OSError as error:
        raise ConfigurationError(
            f"the worker cannot serve its metrics on {host}:{port}: {error.strerror or error}",
            hint="choose another --metrics-port, or stop what listens there",
        ) from None
    typer.echo(f"transdesk worker metrics on http://{host}:{server.port}/metrics", err=True)
    return server.start()


@app.command()
def submit(
    file: Path = typer.Argument(..., help="Korean article: .md, .json or .html."),
    url: str = typer.Option(None, help="The desk's address (default: TRANSDESK_PUBLIC_URL)."),
    local: bool = typer.Option(False, "--local", help="Write straight into the database instead."),
    wait: bool = typer.Option(False, "--wait", help="Wait until the translation job finishes."),
    format: str | None = typer.Option(None, "--format", help="md, json or html if not the suffix."),
    token: str | None = typer.Option(
        None, "--token", help="An editor's API token (default: TRANSDESK_API_TOKEN).",
        show_default=False,
    ),
) -> None:
    """Send an article to the desk for translation; prints its slug and job state.

    The desk takes articles from editors only: pass an API token (`transdesk users token NAME`)
    with --token or TRANSDESK_API_TOKEN. --local writes to the database and needs none.
    """
    settings = engine_settings()
    fmt = format or _FORMATS.get(file.suffix.lower())
    if local:
        slug = _submit_local(settings, file, fmt)
        typer.echo(f"{slug}\tqueued")
        return
    base = (url or settings.public_url).rstrip("/")
    try:
        text = file.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        raise InvalidArticle(f"{file}: cannot read the article ({error})") from None
    with httpx.Client(base_url=base, timeout=30, headers=_auth(token, settings)) as client:
        body = {"text": text, "format": fmt, "slug": slugify(file.stem)}
        answer = _call(client, "POST", "/api/articles", json=body)
        slug, job = answer["slug"], answer["job"]
        while wait and job["state"] in ("queued", "running"):
            time.sleep(0.5)
            job = _call(client, "GET", f"/api/articles/{slug}/status")
    typer.echo(f"{slug}\t{job['state']}\t{base}/articles/{slug}")
    if wait and job["state"] == "failed":
        raise EngineError(
            f"the translation of {slug} failed after {job['attempts']} attempt"
            f"{'' if job['attempts'] == 1 else 's'}: {job.get('error') or 'no reason recorded'}",
            hint=f"fix the cause, then translate it again from {base}/desk/articles",
        )


def _auth(token: str | None, settings: Settings) -> dict[str, str]:
    secret = token or (settings.api_token.get_secret_value() if settings.api_token else None)
    if not secret:
        raise InvalidInput(
            "the desk needs an editor's API token to take an article",
            hint="pass --token, set TRANSDESK_API_TOKEN, or use --local",
        )
    return {"Authorization": f"Bearer {secret.strip()}"}


def _submit_local(settings: Settings, file: Path, fmt: str | None) -> str:
    from transdesk.desk.articles import receive_article
    from transdesk.desk.queue import TranslationQueue
    from transdesk.ingest import read_article
    from transdesk.store.db import Database

    article = read_article(file, fmt, max_bytes=settings.max_article_bytes)
    database = Database(settings.resolved_database_url)
    try:
        with database.session() as session:
            row, job = receive_article(session, article)
        queue = TranslationQueue(settings, database)
        queue.enqueue(job.id)
        queue.close()
        return row.slug
    finally:
        database.close()


def _call(client: httpx.Client, method: str, path: str, **kwargs) -> dict:  # type: ignore[no-untyped-def]
    try:
        response = client.request(method, path, **kwargs)
    except httpx.HTTPError as error:
        raise StorageError(
            f"cannot reach the desk at {client.base_url}: {error}",
            hint="start it with `transdesk serve`, pass --url, or use --local",
        ) from None
    if response.is_error:
        try:
            body = response.json()
            message = f"{body.get('code')}: {body.get('message')}"
        except ValueError:
            message = response.text[:200]
        raise TransdeskError(f"the desk refused the request ({response.status_code}) {message}")
    return response.json()


def _where(settings: Settings) -> str:
    url = settings.resolved_database_url
    return url.split("@")[-1] if "@" in url else url
