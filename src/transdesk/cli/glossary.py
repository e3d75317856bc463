"""`transdesk glossary add|list|import|export|approve`: the newsroom termbase from the shell."""

from __future__ import annotations

import contextlib
import getpass
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Annotated

import typer

from transdesk.cli.app import app
from transdesk.errors import InvalidInput
from transdesk.glossary.exchange import read_termbase_file, write_termbase_file
from transdesk.glossary.model import TermEntry, TermKind, TermStatus
from transdesk.glossary.starter import import_starter, open_termbase
from transdesk.glossary.store import ImportReport, TermbaseStore
from transdesk.settings import get_settings
from transdesk.store.db import Database

glossary_app = typer.Typer(help="The newsroom termbase: approved names, titles and institutions.")
app.add_typer(glossary_app, name="glossary")

By = Annotated[str | None, typer.Option("--by", help="Who makes the change (default: $USER).")]
Format = Annotated[
    str | None, typer.Option("--format", help="csv or tbx (default: from the name).")
]


@contextlib.contextmanager
def _store(*, seed: bool = True) -> Iterator[TermbaseStore]:
    database = Database(get_settings().resolved_database_url)
    try:
        yield open_termbase(database, seed=seed)
    finally:
        database.close()


def _who(by: str | None) -> str:
    if by:
        return by
    try:
        return getpass.getuser()
    except (KeyError, OSError):  # no user name in this environment
        return "editor"


def _line(entry: TermEntry) -> str:
    later = f" / later {entry.later!r}" if entry.later else ""
    forbidden = f"  never: {', '.join(entry.forbidden)}" if entry.forbidden else ""
    return (
        f"{entry.id:>5}  {entry.status.value:<8}  {entry.kind.value:<12}  "
        f"{entry.source} → {entry.target}{later}{forbidden}"
    )


@glossary_app.command("add")
def add(
    source: Annotated[str, typer.Argument(help="Korean headword, e.g. 크렘린궁.")],
    target: Annotated[str, typer.Argument(help="Approved English, e.g. 'the Kremlin'.")],
    later: Annotated[str | None, typer.Option(help="Rendering for later references.")] = None,
    variant: Annotated[
        list[str] | None, typer.Option("--variant", "-V", help="Other Korean form.")
    ] = None,
    forbid: Annotated[
        list[str] | None, typer.Option("--forbid", "-f", help="Forbidden English.")
    ] = None,
    kind: Annotated[TermKind, typer.Option(help="What the term names.")] = TermKind.OTHER,
    note: Annotated[str | None, typer.Option(help="Usage note for translators.")] = None,
    reference: Annotated[str | None, typer.Option(help="Where the rendering was checked.")] = None,
    propose: Annotated[
        bool, typer.Option("--propose", help="Add as proposed, not approved.")
    ] = False,
    by: By = None,
) -> None:
    """Add an entry (approved unless --propose); a clash with an approved entry is refused."""
    entry = TermEntry(
        source=source,
        target=target,
        later=later,
        variants=tuple(variant or ()),
        forbidden=tuple(forbid or ()),
        kind=kind,
        note=note,
        reference=reference,
        status=TermStatus.PROPOSED if propose else TermStatus.APPROVED,
    )
    with _store() as store:
        saved = store.add(entry, _who(by))
    typer.echo(_line(saved))


@glossary_app.command("list")
def list_entries(
    status: Annotated[TermStatus | None, typer.Option(help="Only approved or proposed.")] = None,
    as_json: Annotated[bool, typer.Option("--json", help="One JSON object per line.")] = False,
) -> None:
    """Show the termbase."""
    with _store() as store:
        entries = store.list(status)
    for entry in entries:
        if as_json:
            typer.echo(json.dumps(_as_dict(entry), ensure_ascii=False))
        else:
            typer.echo(_line(entry))
    if not as_json:
        typer.echo(f"{len(entries)} entries", err=True)


def _as_dict(entry: TermEntry) -> dict[str, object]:
    return {
        "id": entry.id,
        "source": entry.source,
        "target": entry.target,
        "later": entry.later,
        "variants": list(entry.variants),
        "forbidden": list(entry.forbidden),
        "kind": entry.kind.value,
        "note": entry.note,
        "reference": entry.reference,
        "status": entry.status.value,
        "changed_by": entry.changed_by,
        "changed_at": entry.changed_at.isoformat() if entry.changed_at else None,
    }


@glossary_app.command("import")
def import_file(
    path: Annotated[Path | None, typer.Argument(help="A .csv or .tbx termbase file.")] = None,
    starter: Annotated[
        bool, typer.Option("--starter", help="Import the bundled starter termbase.")
    ] = False,
    strict: Annotated[
        bool, typer.Option("--strict", help="Import nothing if any entry conflicts.")
    ] = False,
    format: Format = None,
    by: By = None,
) -> None:
    """Import entries in one transaction: a bad row imports nothing; conflicts are listed."""
    if (path is None) == (not starter):
        raise InvalidInput("give a file to import, or --starter (not both)")
    with _store(seed=False) as store:
        if starter:
            report = import_starter(store)
        else:
            rows = read_termbase_file(  # type: ignore[arg-type]
                path, format, max_bytes=get_settings().max_import_bytes
            )
            report = store.import_entries(rows, _who(by), strict=strict)
    _report(report, str(path or "starter termbase"))


def _report(report: ImportReport, name: str) -> None:
    typer.echo(
        f"{name}: {report.added} added, {report.merged} merged into existing entries, "
        f"{len(report.conflicts)} conflicts"
    )
    for line, conflict in report.conflicts:
        typer.echo(f"  line {line}: conflict: {conflict.message}", err=True)
    if report.conflicts:
        raise typer.Exit(1)


@glossary_app.command("export")
def export_file(
    path: Annotated[Path, typer.Argument(help="Where to write: .csv or .tbx.")],
    status: Annotated[TermStatus | None, typer.Option(help="Only approved or proposed.")] = None,
    format: Format = None,
) -> None:
    """Write the termbase to a CSV or TBX file."""
    with _store() as store:
        count = write_termbase_file(store.list(status), path, format)
    typer.echo(f"{count} entries written to {path}")


@glossary_app.command("approve")
def approve(
    ids: Annotated[
        list[int], typer.Argument(help="Entry ids (see `glossary list --status proposed`).")
    ],
    replace: Annotated[
        bool, typer.Option("--replace", help="Remove approved entries it clashes with.")
    ] = False,
    by: By = None,
) -> None:
    """Approve proposed entries."""
    with _store() as store:
        for entry_id in ids:
            typer.echo(_line(store.approve(entry_id, _who(by), replace_existing=replace)))
