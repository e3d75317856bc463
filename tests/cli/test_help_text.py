"""Help as a newsroom tool's: every option explained, no `<bool>` on flags, arguments in capitals."""

from __future__ import annotations

import typer.main

import transdesk.cli  # noqa: F401  (registers every command)
from transdesk.cli.app import app
from transdesk.cli.help_text import tidy


def _commands(command, path=()):  # type: ignore[no-untyped-def]
    yield path, command
    for name, sub in getattr(command, "commands", {}).items():
        yield from _commands(sub, (*path, name))


def test_every_option_and_argument_has_help():
    missing = [
        f"transdesk {' '.join(path)} {param.name}"
        for path, command in _commands(tidy(typer.main.get_command(app)))
        for param in command.params
        if not (getattr(param, "help", None) or "").strip()
    ]
    assert not missing, missing


def test_help_shows_no_placeholder_on_flags_and_names_arguments(run_cli):
    for command in (["translate", "--help"], ["check", "--help"], ["serve", "--help"], ["--help"]):
        result = run_cli(*command)
        assert result.code == 0, result.stderr
        assert "<bool>" not in result.stdout, command
        usage = next(line for line in result.stdout.splitlines() if "Usage:" in line)
        assert "{" not in usage, usage
    assert "Usage: transdesk translate [OPTIONS] INPUT" in run_cli("translate", "--help").stdout
