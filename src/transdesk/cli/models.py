"""`transdesk models list|pull|path` (the model cache) and `transdesk engines` (the registry)."""

from __future__ import annotations

import typer

from transdesk.cli.app import app
from transdesk.engines.models import list_cached, pull, resolve_model
from transdesk.engines.registry import known_engines
from transdesk.settings import get_settings

models_app = typer.Typer(help="The local model cache (CTranslate2 models for the ct2 engine).")
app.add_typer(models_app, name="models")

NameArgument = typer.Argument(None, help="Hub name (default: the configured model) or directory.")


def _human_size(size: int) -> str:
    value = float(size)
    for unit in ("B", "KB", "MB", "GB"):
        if value < 1024 or unit == "GB":
            return f"{value:.0f} {unit}" if unit == "B" else f"{value:.1f} {unit}"
        value /= 1024
    raise AssertionError("unreachable")


@models_app.command("list")
def list_models() -> None:
    """Show the models in the cache, with their size."""
    settings = get_settings()
    cached = list_cached(settings)
    if not cached:
        typer.echo(
            f"no models in {settings.model_cache_dir}; "
            f"download one with `transdesk models pull {settings.ct2.model}`",
            err=True,
        )
        return
    width = max(len(m.name) for m in cached)
    for model in cached:
        revision = (model.revision or "local")[:12]
        size = _human_size(model.size_bytes)
        typer.echo(f"{model.name:<{width}}  {size:>9}  {revision:<12}  {model.path}")


@models_app.command("pull")
def pull_model(
    name: str | None = NameArgument,
    force: bool = typer.Option(False, "--force", help="Download again even if cached."),
) -> None:
    """Download a model from the Hugging Face hub into the cache (progress on stderr)."""
    settings = get_settings()
    typer.echo(str(pull(name or settings.ct2.model, settings, force=force)))


@models_app.command("path")
def model_path(name: str | None = NameArgument) -> None:
    """Print the directory of a cached model (never downloads)."""
    settings = get_settings()
    typer.echo(str(resolve_model(name or settings.ct2.model, settings, download=False)))


@app.command("engines")
def list_engines() -> None:
    """Show the translation engines this desk knows."""
    default = get_settings().engine
    entries = known_engines()
    width = max(len(e.name) for e in entries)
    for entry in entries:
        mark = "*" if entry.name == default else " "
        typer.echo(f"{mark} {entry.name:<{width}}  {entry.description}")
