"""`transdesk check SOURCE TRANSLATION`: run the sentence checks on any pair of files.

The translation may come from anywhere: it is aligned with the Korean article sentence by
sentence (one Korean sentence may become two English ones, and the reverse), checked, and
reported with a decision per sentence and for the article. The terms are checked against the
desk's termbase, or the starter termbase on a machine with no desk yet; the report names which.
"""

from __future__ import annotations

import datetime as dt
import logging
from dataclasses import replace
from pathlib import Path

import typer

from transdesk.article import Dateline
from transdesk.cli.app import app
from transdesk.errors import InvalidInput
from transdesk.glossary.applied import TermbaseChoice, choose_termbase
from transdesk.ingest import read_article
from transdesk.qa.gate import Thresholds, thresholds_from
from transdesk.qa.review import check_translation
from transdesk.settings import get_settings

log = logging.getLogger(__name__)
EXIT_HELD_BACK = 5  # the gate did not let the article through (with --strict)


def _read_translation(path: Path, max_bytes: int) -> str:
    if not path.is_file():
        raise InvalidInput(f"{path}: no such file")
    data = path.read_bytes()
    if len(data) > max_bytes:
        raise InvalidInput(f"{path}: {len(data):,} bytes is over the {max_bytes:,}-byte limit")
    if b"\x00" in data[:8192]:
        raise InvalidInput(f"{path}: this is a binary file, not a translation")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise InvalidInput(
            f"{path}: not UTF-8 text (byte {error.start})", hint="save the translation as UTF-8"
        ) from None


@app.command()
def check(
    source: Path = typer.Argument(..., help="Korean article: .md, .json or .html."),
    translation: Path = typer.Argument(..., help="Its English translation (text or Markdown)."),
    as_json: bool = typer.Option(False, "--json", help="Print the report as JSON."),
    format: str | None = typer.Option(None, "--format", help="Source format if not the suffix."),
    dateline: str | None = typer.Option(None, help="Publication date YYYY-MM-DD (overrides)."),
    termbase: bool = typer.Option(True, "--termbase/--no-termbase", help="Check the terms."),
    published: bool = typer.Option(False, help="Require the AI notice and feedback link."),
    show_all: bool = typer.Option(False, "--all", help="List sentences without findings too."),
    strict: bool = typer.Option(False, help="Exit 5 unless the decision is publish."),
) -> None:
    """Check a translation against its Korean source and say what to publish."""
    settings = get_settings()
    article = read_article(source, format, max_bytes=settings.max_article_bytes)
    if dateline:
        try:
            date = dt.date.fromisoformat(dateline)
        except ValueError:
            raise typer.BadParameter("use YYYY-MM-DD", param_hint="--dateline") from None
        article = replace(article, dateline=Dateline(date, article.dateline.timezone))
    english = _read_translation(translation, settings.max_article_bytes)
    choice: TermbaseChoice = choose_termbase(settings.resolved_database_url, enabled=termbase)
    thresholds: Thresholds = thresholds_from(settings)
    report = check_translation(
        article, english, termbase=choice.termbase, thresholds=thresholds, published=published,
        termbase_signature=choice.signature(),
    )
    if as_json:
        typer.echo(report.to_json())
    else:
        typer.echo(choice.describe())
        typer.echo(report.to_text(show_all=show_all))
    if strict and report.decision != "publish":
        raise typer.Exit(EXIT_HELD_BACK)
