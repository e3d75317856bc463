"""The README documents every command and every setting (the way sqlite-utils tests its docs):
adding a command or a setting without a line in the README fails here."""

from __future__ import annotations

import re
from pathlib import Path

import typer
from pydantic import BaseModel

from transdesk.cli import app
from transdesk.settings import Settings

README = (Path(__file__).resolve().parents[1] / "README.md").read_text(encoding="utf-8")


def command_paths(typer_app: typer.Typer, prefix: tuple[str, ...] = ()) -> list[tuple[str, ...]]:
    click_command = typer.main.get_command(typer_app)
    found: list[tuple[str, ...]] = []

    def walk(command, path: tuple[str, ...]) -> None:
        subcommands = getattr(command, "commands", None)
        if subcommands:
            for name, sub in subcommands.items():
                if not sub.hidden:
                    walk(sub, (*path, name))
        elif path:
            found.append(path)

    walk(click_command, prefix)
    return found


def setting_variables(model: type[BaseModel] = Settings, prefix: str = "TRANSDESK_") -> list[str]:
    names = []
    for name, field in model.model_fields.items():
        annotation = field.annotation
        if isinstance(annotation, type) and issubclass(annotation, BaseModel):
            names += setting_variables(annotation, f"{prefix}{name.upper()}__")
        else:
            names.append(f"{prefix}{name.upper()}")
    return names


def test_every_command_is_in_the_readme():
    paths = command_paths(app)
    assert len(paths) > 10
    missing = []
    for path in paths:
        # `transdesk glossary add` may be written `transdesk glossary add|list|…`
        group, _, name = " ".join(path).rpartition(" ")
        pattern = rf"transdesk {re.escape(group) + ' ' if group else ''}(\S*\|)?{re.escape(name)}\b"
        if not re.search(pattern, README):
            missing.append("transdesk " + " ".join(path))
    assert not missing, f"commands missing from README.md: {missing}"


def test_every_setting_is_in_the_readme():
    variables = setting_variables()
    assert len(variables) > 20
    missing = [v for v in variables if not re.search(rf"\b{v}\b", README)]
    assert not missing, f"settings missing from README.md: {missing}"
