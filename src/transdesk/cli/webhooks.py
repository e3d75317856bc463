"""`transdesk webhooks ...`: the endpoints that receive the desk's signed events, and their log."""

from __future__ import annotations

import typer

from transdesk.cli.app import app
from transdesk.cli.options import engine_settings

webhooks_app = typer.Typer(
    help="Signed webhooks: article.published, article.corrected, report.received.",
    no_args_is_help=True,
)
app.add_typer(webhooks_app, name="webhooks")
ADMIN = "command line"  # who added an endpoint from here


def _database():  # type: ignore[no-untyped-def]
    from transdesk.store.db import Database

    return Database(engine_settings().resolved_database_url)


def _when(moment) -> str:  # type: ignore[no-untyped-def]
    return moment.strftime("%Y-%m-%d %H:%M:%S") if moment else "-"


@webhooks_app.command("add")
def add(
    url: str = typer.Argument(..., help="The receiver's URL, e.g. https://cms.example.org/hooks"),
    event: list[str] = typer.Option(
        [], "--event", "-e",
        help="An event to send (repeat for more); default: every event.",
        show_default=False,
    ),  # fmt: skip
) -> None:
    """Subscribe a URL; prints its id and its whsec_ secret (shown this once: keep it)."""
    from transdesk.webhooks import subscriptions

    database = _database()
    try:
        with database.session() as session:
            endpoint = subscriptions.add(session, url, event, ADMIN)
            typer.echo(f"{endpoint.id}\t{endpoint.url}\t{subscriptions.events_of(endpoint)}")
            typer.echo(endpoint.secret)
        typer.echo("the secret is shown only now: give it to the receiver to verify", err=True)
    finally:
        database.close()


@webhooks_app.command("list")
def list_endpoints() -> None:
    """Every endpoint: id, URL, events, enabled or why it is disabled."""
    from transdesk.webhooks import subscriptions

    database = _database()
    try:
        with database.session() as session:
            for endpoint in subscriptions.endpoints(session):
                state = "enabled" if endpoint.enabled else f"disabled: {endpoint.disabled_reason}"
                events = subscriptions.events_of(endpoint)
                typer.echo(f"{endpoint.id}\t{endpoint.url}\t{events}\t{state}")
    finally:
        database.close()


@webhooks_app.command("remove")
def remove(endpoint_id: int = typer.Argument(..., help="The endpoint's id (see `list`).")) -> None:
    """Unsubscribe an endpoint; its messages and their log are removed with it."""
    from transdesk.webhooks import subscriptions

    database = _database()
    try:
        with database.session() as session:
            endpoint = subscriptions.remove(session, endpoint_id, ADMIN)
        typer.echo(f"removed {endpoint.id}\t{endpoint.url}")
    finally:
        database.close()


@webhooks_app.command("deliveries")
def deliveries(
    endpoint: int | None = typer.Option(None, "--endpoint", help="Only this endpoint's."),
    limit: int = typer.Option(50, "--limit", min=1, max=1000, help="How many tries to list."),
) -> None:
    """The delivery log, newest first: each try's time, status code or error, next retry (UTC)."""
    from transdesk.webhooks import subscriptions

    database = _database()
    try:
        with database.session() as session:
            if endpoint is not None:
                subscriptions.find(session, endpoint)
            rows = subscriptions.deliveries(session, endpoint, limit=limit)
        for row in rows:
            answer = str(row.status_code) if row.status_code else (row.error or "-")
            typer.echo(
                f"{row.endpoint_id}\t{row.msg_id}\t{row.event_type}\t{row.state}\t"
                f"try {row.attempt or '-'}\t{_when(row.at)}\t{answer}\t"
                f"next {_when(row.next_retry_at)}"
            )
    finally:
        database.close()
