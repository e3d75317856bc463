"""`transdesk xliff export|import`: an article out to a CAT tool and the post-edited English back
as corrections."""

from __future__ import annotations

from pathlib import Path

import typer

from transdesk.cli.app import app
from transdesk.settings import get_settings
from transdesk.store.db import Database
from transdesk.xliff.export import export_article
from transdesk.xliff.importing import import_edits

xliff_app = typer.Typer(help="XLIFF for post-editors in CAT tools (Trados, memoQ, OmegaT).")
app.add_typer(xliff_app, name="xliff")


@xliff_app.command("export")
def export(
    slug: str = typer.Argument(..., help="The article's slug."),
    out: Path = typer.Option(None, "--output", "-o", help="The XLIFF file (default SLUG.xlf)."),
    version: str = typer.Option("1.2", "--version", help="XLIFF version: 1.2 or 2.0."),
) -> None:
    """Write the article as XLIFF (sentence ids, Korean, English, states, the checks' findings,
    memory matches) and its matched terms as TBX beside it."""
    settings = get_settings()
    database = Database(settings.resolved_database_url)
    try:
        done = export_article(
            database, slug, out or Path(f"{slug}.xlf"), version=version,
            fuzzy_threshold=settings.memory_fuzzy_threshold,
        )  # fmt: skip
    finally:
        database.close()
    typer.echo(
        f"wrote {done.units} sentences ({done.held} held, {done.matches} memory matches) "
        f"to {done.path} as XLIFF {done.version}"
    )
    typer.echo(f"wrote {done.terms} terms to {done.terms_path}")


@xliff_app.command("import")
def import_(
    file: Path = typer.Argument(..., help="The edited XLIFF file.", exists=True, dir_okay=False),
    editor: str = typer.Option(..., "--editor", help="Who post-edited the file."),
) -> None:
    """Record every changed English of the file as a correction of the published article, all or
    nothing: the page with a dated note, the audit log, the memory, a regression case."""
    settings = get_settings()
    database = Database(settings.resolved_database_url)
    try:
        done = import_edits(
            database, file, editor=editor, newsroom_timezone=settings.newsroom_timezone
        )
    finally:
        database.close()
    if not done.corrections:
        typer.echo(f"{done.slug}: no sentence changed; nothing recorded")
        return
    typer.echo(
        f"{done.slug}: {len(done.corrections)} corrections recorded, {done.unchanged} unchanged"
    )
    for correction in done.corrections:
        typer.echo(f"  #{correction.id} {correction.segment_id}: {correction.after}")
