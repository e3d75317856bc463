"""The `transdesk` command: thin commands over the library, one module per command group.

`cli/app.py` holds the Typer application; each command module registers its commands on it, and
importing them here makes the whole command line."""

from __future__ import annotations

from transdesk.cli import batch as _batch  # noqa: F401
from transdesk.cli import check as _check  # noqa: F401
from transdesk.cli import editor as _editor  # noqa: F401
from transdesk.cli import eval as _eval  # noqa: F401
from transdesk.cli import glossary as _glossary  # noqa: F401
from transdesk.cli import memory as _memory  # noqa: F401
from transdesk.cli import models as _models  # noqa: F401
from transdesk.cli import serve as _serve  # noqa: F401
from transdesk.cli import translate as _translate  # noqa: F401
from transdesk.cli import webhooks as _webhooks  # noqa: F401
from transdesk.cli import xliff as _xliff  # noqa: F401
from transdesk.cli.app import app, run_app

__all__ = ["app", "main"]


def main() -> None:
    """Console entry point (`transdesk`)."""
    run_app()
