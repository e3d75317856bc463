"""`transdesk users ...` (editors' accounts and API tokens) and `transdesk regress`."""

from __future__ import annotations

import json
import os
import sys

import typer

from transdesk.cli.app import app
from transdesk.cli.options import BaseUrl, EngineName, LlmModel, ModelName, engine_settings
from transdesk.errors import InvalidInput

users = typer.Typer(help="Editors' accounts and API tokens.", no_args_is_help=True)
app.add_typer(users, name="users")
PASSWORD_ENV = "TRANSDESK_NEW_PASSWORD"


def _database():  # type: ignore[no-untyped-def]
    from transdesk.store.db import Database

    return Database(engine_settings().resolved_database_url)


def _password(from_stdin: bool) -> str:
    """From stdin (--password-stdin), TRANSDESK_NEW_PASSWORD, or a hidden prompt asked twice."""
    if from_stdin:
        password = sys.stdin.readline().rstrip("\r\n")
    elif os.environ.get(PASSWORD_ENV):
        password = os.environ[PASSWORD_ENV]
    else:
        password = typer.prompt("Password", hide_input=True, confirmation_prompt=True)
    if not password:
        raise InvalidInput("no password given", hint=f"type one, or set {PASSWORD_ENV}")
    return password


@users.command("add")
def add_user(
    name: str = typer.Argument(..., help="Sign-in name, e.g. mina.park"),
    role: str = typer.Option("editor", "--role", help="editor or admin"),
    password_stdin: bool = typer.Option(
        False, "--password-stdin", help="Read the password from stdin."
    ),
) -> None:
    """Add an editor. The password comes from a prompt, TRANSDESK_NEW_PASSWORD or stdin."""
    from transdesk.desk.accounts import create_user

    password = _password(password_stdin)
    database = _database()
    try:
        with database.session() as session:
            user = create_user(session, name, password, role)
        typer.echo(f"{user.name}\t{user.role}")
    finally:
        database.close()


@users.command("list")
def list_users() -> None:
    """Every account: name, role, active, last sign-in."""
    from sqlalchemy import select

    from transdesk.store.editor_tables import EditorUser

    database = _database()
    try:
        with database.session() as session:
            for user in session.scalars(select(EditorUser).order_by(EditorUser.name)):
                state = "active" if user.active else "disabled"
                typer.echo(f"{user.name}\t{user.role}\t{state}\t{user.last_login_at or '-'}")
    finally:
        database.close()


@users.command("password")
def change_password(
    name: str = typer.Argument(..., help="The editor's sign-in name."),
    password_stdin: bool = typer.Option(
        False, "--password-stdin", help="Read the new password from stdin."
    ),
    keep_tokens: bool = typer.Option(
        False, "--keep-tokens", help="Keep the editor's API tokens working (default: revoke them)."
    ),
) -> None:
    """Set a new password; every session the editor has open ends, and their API tokens are
    revoked unless --keep-tokens."""
    from transdesk.desk.accounts import find_user, set_password

    password = _password(password_stdin)
    database = _database()
    try:
        with database.session() as session:
            revoked = set_password(session, find_user(session, name), password,
                                   keep_tokens=keep_tokens)  # fmt: skip
        typer.echo(f"{name}\tpassword changed\t{revoked} API tokens revoked")
    finally:
        database.close()


def _set_active(name: str, active: bool) -> None:
    from transdesk.desk import audit
    from transdesk.desk.accounts import find_user, set_active

    database = _database()
    try:
        with database.session() as session:
            set_active(session, find_user(session, name), active)
            audit.record(session, "cli", "enable_user" if active else "disable_user",
                         detail={"name": name})  # fmt: skip
        typer.echo(f"{name}\t{'active' if active else 'disabled'}")
    finally:
        database.close()


@users.command("disable")
def disable_user(name: str = typer.Argument(..., help="The editor's sign-in name.")) -> None:
    """Disable an account: it cannot sign in, its sessions end and its API tokens stop working."""
    _set_active(name, False)


@users.command("enable")
def enable_user(name: str = typer.Argument(..., help="The editor's sign-in name.")) -> None:
    """Enable a disabled account again (it signs in anew; tokens not revoked work again)."""
    _set_active(name, True)


@users.command("tokens")
def list_tokens(
    name: str | None = typer.Argument(None, help="One editor's tokens (default: everyone's)."),
) -> None:
    """API tokens: id, editor, name, first characters, created, last used, state."""
    from transdesk.desk.accounts import find_user, owners_of, tokens_of

    database = _database()
    try:
        with database.session() as session:
            rows = tokens_of(session, find_user(session, name).id if name else None)
            owners = owners_of(session, rows)
            for t in rows:
                state = f"revoked {t.revoked_at:%Y-%m-%d}" if t.revoked_at else "live"
                typer.echo(f"{t.id}\t{owners.get(t.user_id, '?')}\t{t.name}\t{t.prefix}\t"
                           f"{t.created_at:%Y-%m-%d %H:%M}\t{t.last_used_at or '-'}\t{state}")
    finally:
        database.close()


@users.command("revoke")
def revoke_token(
    token_id: int = typer.Argument(..., help="The id `transdesk users tokens` shows."),
) -> None:
    """Revoke an API token: scripts sending it are refused at once."""
    from transdesk.desk import audit
    from transdesk.desk.accounts import Editor, revoke_token as revoke
    from transdesk.store.editor_tables import Role

    database = _database()
    try:
        with database.session() as session:
            row = revoke(session, token_id, Editor(0, "cli", Role.ADMIN))
            audit.record(session, "cli", "revoke_token", detail={"token_id": row.id})
        typer.echo(f"{token_id}\trevoked")
    finally:
        database.close()


@users.command("token")
def new_token(
    name: str = typer.Argument(..., help="The editor the token acts as."),
    label: str = typer.Option("automation", "--name", help="What the token is for."),
) -> None:
    """Create an API token (printed once: keep it secret) for `Authorization: Bearer`."""
    from transdesk.desk.accounts import find_user, issue_token

    database = _database()
    try:
        with database.session() as session:
            _, token = issue_token(session, find_user(session, name), label)
        typer.echo(token)
    finally:
        database.close()


@app.command()
def regress(
    engine: EngineName = None,
    model: ModelName = None,
    base_url: BaseUrl = None,
    llm_model: LlmModel = None,
    as_json: bool = typer.Option(False, "--json", help="One JSON object per case."),
    memory: bool = typer.Option(
        True, "--memory/--no-memory", help="Let the memory answer (--no-memory: the engine alone)."
    ),
    termbase: bool = typer.Option(True, "--termbase/--no-termbase", help="Enforce the termbase."),
) -> None:
    """Translate every accepted correction's sentence again; exit 1 if a mistake came back.

    Run it before switching engines or models. The memory holds every accepted correction, so with
    it the desk as a whole is tested; --no-memory (and --no-termbase) test what the engine does."""
    from transdesk.desk.regress import run_regression
    from transdesk.assembly import build_pipeline

    settings = engine_settings(engine=engine, model=model, base_url=base_url, llm_model=llm_model)
    database = _database()
    pipeline = build_pipeline(settings, use_memory=memory, use_termbase=termbase)
    try:
        results = run_regression(database, pipeline)
    finally:
        pipeline.close()
        database.close()
    for r in results:
        if as_json:
            typer.echo(json.dumps(r.__dict__, ensure_ascii=False))
        else:
            typer.echo(f"{r.status}\t{r.article_slug}\t{r.segment_id}\t{r.got or ''}")
    failed = [r for r in results if not r.passed]
    typer.echo(f"{len(results)} cases, {len(failed)} failed", err=True)
    if failed:
        raise typer.Exit(1)
