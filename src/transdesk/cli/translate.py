"""`transdesk translate`: one article in, the English article out (Markdown, HTML or JSON)."""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

import typer
from tqdm import tqdm

from transdesk.article import Decision, SegmentStatus, TranslatedArticle
from transdesk.assembly import build_pipeline
from transdesk.cli.app import app
from transdesk.cli.options import (
    ApiKey,
    BaseUrl,
    BeamSize,
    Device,
    EngineName,
    LlmModel,
    ModelName,
    Threads,
    engine_settings,
)
from transdesk.desk.labels import article_labels
from transdesk.errors import EngineError, HeldSentences, StorageError
from transdesk.ingest import read_article
from transdesk.publish import RENDERERS, render


@app.command()
def translate(
    input: Path = typer.Argument(..., help="Korean article: .md, .json or .html (see README)."),
    output: Path | None = typer.Option(
        None, "-o", "--output", help="Write here (default: stdout)."
    ),
    to: str = typer.Option("md", "--to", help="Output format: md, html or json."),
    format: str | None = typer.Option(None, "--format", help="Input format if not the suffix."),
    engine: EngineName = None,
    model: ModelName = None,
    base_url: BaseUrl = None,
    api_key: ApiKey = None,
    llm_model: LlmModel = None,
    beam_size: BeamSize = None,
    threads: Threads = None,
    device: Device = None,
    memory: bool = typer.Option(True, "--memory/--no-memory", help="Use the translation memory."),
    termbase: bool = typer.Option(True, "--termbase/--no-termbase", help="Enforce the termbase."),
    checks: bool = typer.Option(True, "--checks/--no-checks", help="Run the sentence checks."),
    date_style: bool = typer.Option(
        True, "--date-style/--no-date-style", help='Rewrite "on the 2nd" as "on Sept. 2".'
    ),
    feedback_url: str | None = typer.Option(None, help="Link behind 'Share your feedback here'."),
    strict: bool = typer.Option(False, help="Exit 5 if any sentence failed or was held back."),
    allow_held: bool = typer.Option(
        False,
        "--allow-held",
        help="Write Markdown or HTML even with sentences held back (each shows a placeholder); "
        "without it such output is refused with exit 5.",
    ),
) -> None:
    """Translate a Korean news article into English."""
    if to not in RENDERERS:
        raise typer.BadParameter(f"choose one of {', '.join(RENDERERS)}", param_hint="--to")
    settings = engine_settings(
        engine=engine, model=model, base_url=base_url, api_key=api_key, llm_model=llm_model,
        beam_size=beam_size, threads=threads, device=device,
    )  # fmt: skip
    article = read_article(input, format, max_bytes=settings.max_article_bytes)
    pipeline = build_pipeline(
        settings, use_memory=memory, use_termbase=termbase, checks=checks, date_style=date_style
    )
    with pipeline, tqdm(
        total=sum(1 for _ in article.segments()), desc="translating", unit="sentence",
        file=sys.stderr, disable=None, leave=False,
    ) as bar:  # fmt: skip
        translated = pipeline.translate(article, progress=lambda done, _: bar.update(done - bar.n))
    if translated.segments and len(translated.failed) == len(translated.segments):
        raise EngineError(
            f"the {pipeline.engine.name} engine translated none of the "
            f"{len(translated.segments)} sentences; nothing was written",
            hint="first failure: "
            + (translated.failed[0].error or "unknown")
            + "; run with -v for details, or choose another --engine",
        )
    if to != "json" and not allow_held:
        _refuse_held(translated)
    text = render(translated, to, feedback_url or settings.feedback_url_for(article.slug))
    _write(text, output)
    _report(translated)
    if strict and (translated.failed or translated.decision in (Decision.REVIEW, Decision.BLOCK)):
        raise typer.Exit(5)


def _refuse_held(translated: TranslatedArticle) -> None:
    """Reader-facing output never carries a placeholder unless asked for (`--allow-held`)."""
    held = [s for s in translated.segments if not s.text]
    if not held:
        return
    labels = article_labels(translated.source)
    named = "; ".join(
        f"{labels[s.segment.id]} ({s.status.value}{': ' + s.error if s.error else ''})"
        for s in held[:10]
    )
    more = f"; and {len(held) - 10} more" if len(held) > 10 else ""
    raise HeldSentences(
        f"{len(held)} sentence(s) have no English to publish, so nothing was written: "
        f"{named}{more}",
        hint="fix them on the desk, write --to json to see every sentence with its status, or "
        "pass --allow-held to write the article with a placeholder for each",
    )


def _write(text: str, output: Path | None) -> None:
    """Write atomically: a reader of `output` sees the old file or the whole new one, never half.
    A failure (disk full, read-only, no permission) is a StorageError that leaves nothing behind."""
    if output is None:
        sys.stdout.write(text)
        return
    tmp: str | None = None
    try:
        output.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=output.parent, prefix=f".{output.name}.", suffix=".tmp")
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            handle.write(text)
        os.replace(tmp, output)
    except OSError as error:
        _discard(tmp)
        raise StorageError(
            f"could not write {output}: {error.strerror or error}",
            hint="free some space or choose another -o path; nothing was written there",
        ) from None
    except BaseException:
        _discard(tmp)
        raise


def _discard(tmp: str | None) -> None:
    if tmp is not None:
        try:
            Path(tmp).unlink(missing_ok=True)
        except OSError:
            pass


def _report(translated: TranslatedArticle) -> None:
    counts = {status: 0 for status in SegmentStatus}
    for segment in translated.segments:
        counts[segment.status] += 1
    applied = sum(len(s.applied) for s in translated.segments)
    findings = sum(len(s.findings) for s in translated.segments)
    summary = ", ".join(
        f"{n} {status.value.replace('_', ' ')}" for status, n in counts.items() if n
    )
    typer.echo(f"transdesk: {summary}; {applied} fixes applied; {findings} findings", err=True)
    if translated.decision:
        typer.echo(f"transdesk: decision: {translated.decision}", err=True)
    for segment in translated.failed:
        typer.echo(f"  {segment.segment.id} {segment.status.value}: {segment.error}", err=True)
