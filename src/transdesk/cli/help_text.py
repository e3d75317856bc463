"""Help that reads like a newsroom tool's: flags show no `<bool>` placeholder and arguments are
named in capitals ("Usage: transdesk translate [OPTIONS] INPUT").

Typer 0.29 writes a type column for every option, `<bool>` included, and wraps a required
argument's name in braces on the usage line. `tidy` walks the command tree once, before it runs,
and sets what click itself reads for both: an empty metavar for an on/off flag, and the
argument's name in capitals.
"""

from __future__ import annotations

from types import SimpleNamespace
from typing import Any

_HELP_NAMES = ("--help",)


def _usage_name(name: str, required: bool, many: bool) -> Any:
    shown = name if required else f"[{name}]"
    shown += "..." if many else ""
    return lambda: shown


def _help_option(command: Any) -> Any:
    """The command's `--help` option, which click makes (and keeps) on first use."""
    make = getattr(command, "get_help_option", None)
    if make is None:
        return None
    names = SimpleNamespace(help_option_names=list(_HELP_NAMES))
    return make(names)


def tidy(command: Any) -> Any:
    """`command` (a click command or group, as typer builds it) with tidy help; returned."""
    help_option = _help_option(command)
    if help_option is not None:
        help_option.metavar = ""
    for param in command.params:
        if getattr(param, "is_bool_flag", False):
            param.metavar = ""
        elif param.param_type_name == "argument":
            name = (param.metavar or param.name or "").upper()
            param.metavar = name
            if hasattr(param, "_usage_display_name"):  # typer's usage line ("{input}")
                param._usage_display_name = _usage_name(name, param.required, param.nargs != 1)
    for sub in getattr(command, "commands", {}).values():
        tidy(sub)
    return command
