"""The `transdesk` Typer application that every command module registers its commands on, and the
runner that turns typed errors and usage errors into a message and an exit code."""

from __future__ import annotations

import enum
import logging
from typing import Literal

import typer
import typer.main
from pydantic import ValidationError

from transdesk.cli import help_text
from transdesk.errors import TransdeskError
from transdesk.observability.logs import configure_logging
from transdesk.settings import get_settings

app = typer.Typer(
    name="transdesk",
    help="Self-hosted AI translation desk for Korean news in English.",
    epilog=(
        "Exit codes: 0 done; 2 bad input or options; 3 the engine cannot run; "
        "4 storage failed (nothing half-written); 5 sentences held back "
        "(--strict, or Markdown/HTML without --allow-held)."
    ),
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    add_completion=False,
)


class LogFormat(str, enum.Enum):
    text = "text"
    json = "json"


@app.callback()
def _root(
    verbose: bool = typer.Option(False, "--verbose", "-v", help="Log what the desk is doing."),
    log_format: LogFormat | None = typer.Option(
        None, "--log-format", case_sensitive=False, show_default=False,
        help="text, or json: one JSON object per line (default: TRANSDESK_LOG_FORMAT, else text).",
    ),
) -> None:
    level = logging.INFO if verbose else logging.WARNING
    configure_logging(log_format.value if log_format else "text", level)
    if log_format is None and _configured_log_format() != "text":
        configure_logging(_configured_log_format(), level)  # read after logging is set up: the
        # settings' own warnings (deprecated variables) are logged, not lost


def _configured_log_format() -> Literal["text", "json"]:
    """TRANSDESK_LOG_FORMAT; text while the settings do not validate (the command then says why)."""
    try:
        return get_settings().log_format
    except ValidationError:
        return "text"


def _usage_error_types() -> tuple[type[Exception], ...]:
    """The classes of click's usage errors (unknown command or option, bad value), whether typer
    uses click itself or a copy of it that it vendors (typer ≥ 0.29 has `typer._click`)."""
    found: list[type[Exception]] = [
        klass for klass in typer.BadParameter.__mro__ if klass.__name__ == "ClickException"
    ]
    try:
        import click
    except ImportError:
        pass
    else:
        found.append(click.ClickException)
    return tuple(dict.fromkeys(found))


_USAGE_ERRORS = _usage_error_types()


def run_app(args: list[str] | None = None) -> None:
    """Run the command line: typed errors print `error: …` (with a hint) and exit with their code;
    usage errors print click's usage message and exit 2; never a traceback for either."""
    try:
        command = help_text.tidy(typer.main.get_command(app))
        # a typer.Exit(n) comes back as n here
        code = command.main(args=args, prog_name="transdesk", standalone_mode=False)
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
    except _USAGE_ERRORS as error:
        error.show()  # type: ignore[attr-defined]
        raise SystemExit(error.exit_code) from None  # type: ignore[attr-defined]
