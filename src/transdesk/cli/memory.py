"""`transdesk memory import|export|stats|lookup` and `transdesk correct`."""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from pathlib import Path

import typer

from transdesk.cli.app import app
from transdesk.errors import InvalidInput
from transdesk.memory.store import TranslationMemory
from transdesk.memory.tmx import read_parallel, read_tmx, write_tmx
from transdesk.settings import get_settings
from transdesk.store.db import Database

memory_app = typer.Typer(help="The translation memory: approved sentence pairs.")
app.add_typer(memory_app, name="memory")

TmxArgument = typer.Argument(None, help="A TMX file.", exists=True, dir_okay=False)
OutArgument = typer.Argument(..., help="The TMX file to write.")


@contextlib.contextmanager
def _memory() -> Iterator[TranslationMemory]:
    settings = get_settings()
    database = Database(settings.resolved_database_url)
    try:
        yield TranslationMemory(database, fuzzy_threshold=settings.memory_fuzzy_threshold)
    finally:
        database.close()


@memory_app.command("import")
def import_memory(
    file: Path = TmxArgument,
    parallel: tuple[Path, Path] | None = typer.Option(
        None, "--parallel", help="Two line-aligned files instead: KOREAN ENGLISH."
    ),
    approved_by: str = typer.Option("import", "--approved-by", help="Who vouches for the pairs."),
) -> None:
    """Import approved pairs, all or nothing; conflicting pairs are kept, flagged and listed."""
    if parallel is not None and parallel[0] is None:
        parallel = None
    if (file is None) == (parallel is None):
        raise InvalidInput("give either a TMX file or --parallel KOREAN ENGLISH")
    if file is not None:
        pairs = read_tmx(file, approved_by=approved_by,
                         max_bytes=get_settings().max_import_bytes)  # fmt: skip
    else:
        pairs = read_parallel(parallel[0], parallel[1], approved_by=approved_by)
    with _memory() as memory:
        report = memory.add_many(pairs)
    typer.echo(
        f"read {report.read} pairs: {report.added} added, {report.duplicates} already known, "
        f"{len(report.conflicts)} conflicting"
    )
    for problem in report.conflicts:
        typer.echo(f"conflict: {problem}", err=True)


@memory_app.command("export")
def export_memory(out: Path = OutArgument) -> None:
    """Write every approved pair, with who approved it and where, as TMX 1.4."""
    with _memory() as memory:
        count = write_tmx(memory.pairs(), out)
    typer.echo(f"wrote {count} pairs to {out}")


@memory_app.command("stats")
def stats() -> None:
    """How many pairs the memory holds, from where, and how many conflict."""
    with _memory() as memory:
        numbers = memory.stats()
    typer.echo(f"segments:         {numbers.segments}")
    typer.echo(f"distinct sources: {numbers.distinct_sources}")
    typer.echo(f"conflicting:      {numbers.conflicts}")
    for origin, count in sorted(numbers.by_origin.items()):
        typer.echo(f"  from {origin + ':':<12}{count}")
    last = numbers.last_approved_at.isoformat() if numbers.last_approved_at else "never"
    typer.echo(f"last approved:    {last}")
    typer.echo(f"fuzzy index:      {numbers.index}")


@memory_app.command("lookup")
def lookup(
    sentence: str = typer.Argument(..., help="A Korean sentence."),
    limit: int = typer.Option(5, "--limit", min=1, max=50, help="How many matches to list."),
    threshold: float = typer.Option(
        None, "--threshold", min=0.3, max=1.0,
        help="Lowest similarity to list (default: the memory's own threshold).",
    ),
) -> None:
    """The exact match and similar approved sentences, with their scores."""
    with _memory() as memory:
        matches = memory.lookup(sentence, threshold=threshold, limit=limit)
    if not matches:
        typer.echo("no match in translation memory")
        raise typer.Exit(1)
    for match in matches:
        label = "exact" if match.exact else f"{match.score:.2f}"
        flag = "  [conflicting]" if match.conflict else ""
        typer.echo(f"{label:>5}  {match.source}\n       {match.target}{flag}")
        typer.echo(f"       ({match.origin}, {match.approved_by}, {match.approved_at:%Y-%m-%d})")


@app.command("correct")
def correct(
    article: str = typer.Option(..., "--article", help="The published article's slug."),
    source: str = typer.Option(..., "--source", help="The Korean sentence."),
    before: str = typer.Option(None, "--before", help="The English as published (checked)."),
    after: str = typer.Option(..., "--after", help="The corrected English."),
    editor: str = typer.Option(..., "--editor", help="Who made the correction."),
) -> None:
    """Correct a sentence of a published article, as the desk does: the page with a dated note,
    the audit log, a regression case; the memory learns it now; term changes become proposals."""
    from transdesk.feedback.correction import correct_published

    settings = get_settings()
    database = Database(settings.resolved_database_url)
    try:
        done = correct_published(
            database, article, source=source, before=before, after=after, editor=editor,
            newsroom_timezone=settings.newsroom_timezone,
        )  # fmt: skip
    finally:
        database.close()
    learned = done.learned
    typer.echo(f"correction #{done.id} recorded; memory entry {learned.memory_entry_id}")
    typer.echo(f"  note: {done.note}")
    for change in learned.changes:
        typer.echo(f"  changed: {change.removed or '∅'} → {change.inserted or '∅'}")
    for change in learned.recurring:
        typer.echo(f"  recurring: {change.removed} → {change.inserted or '∅'}")
    for entry in learned.proposals:
        forbidden = ", ".join(entry.forbidden)
        typer.echo(f"  proposed term #{entry.id}: {entry.source} → {entry.target} (not: {forbidden})")
