"""The `transdesk` command: thin commands over the library, one module per command group."""

from __future__ import annotations

import logging
import sys

import typer

from transdesk.errors import TransdeskError

app = typer.Typer(
    name="transdesk",
    help="Self-hosted AI translation desk for Korean news in English.",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    add_completion=False,
)


@app.callback()
def _root(
    verbose: bool = typer.Option(False, "--verbose", "-v", help="Log what the desk is doing."),
) -> None:
    logging.basicConfig(
        level=logging.INFO if verbose else logging.WARNING,
        format="%(levelname)s %(name)s: %(message)s",
        stream=sys.stderr,
    )


def main() -> None:
    """Console entry point: typed errors become a clear message and their exit code."""
    try:
        code = app(standalone_mode=False)  # a typer.Exit(n) comes back as n here
        if isinstance(code, int) and code:
            raise SystemExit(code)
    except TransdeskError as error:
        typer.echo(f"error: {error}", err=True)
        raise SystemExit(error.exit_code) from None
    except typer.Abort:
        typer.echo("aborted", err=True)
        raise SystemExit(130) from None
    except typer.Exit as done:
        raise SystemExit(done.exit_code) from None
    except Exception as error:  # click usage errors
        import click

        if isinstance(error, click.ClickException):
            error.show()
            raise SystemExit(error.exit_code) from None
        raise


# command groups register themselves on `app` when imported
from transdesk.cli import translate as _translate  # noqa: E402,F401
from transdesk.cli import models as _models  # noqa: E402,F401
from transdesk.cli import eval as _eval  # noqa: E402,F401
from transdesk.cli import serve as _serve  # noqa: E402,F401
from transdesk.cli import check as _check  # noqa: E402,F401
from transdesk.cli import glossary as _glossary  # noqa: E402,F401
from transdesk.cli import editor as _editor  # noqa: E402,F401
from transdesk.cli import memory as _memory  # noqa: E402,F401
