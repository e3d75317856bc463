"""`transdesk batch INPUT -o OUTPUT.jsonl`: an archive of articles, one JSON line out for each.

INPUT is a JSON Lines file (one article in the JSON schema per line) or a folder of .json, .md and
.html articles. The output is also the checkpoint: a rerun (after Ctrl-C, a crash, `kill -9`)
translates only the articles whose line is not complete in it yet.
"""

from __future__ import annotations

import sys
from pathlib import Path

import typer
from tqdm import tqdm

from transdesk.batch.build import BatchOptions, build_translator
from transdesk.batch.inputs import read_items
from transdesk.batch.local import Advance, run_local
from transdesk.batch.output import OutputLog, open_output
from transdesk.batch.stats import BatchStats
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
from transdesk.settings import Settings


@app.command()
def batch(
    input: Path = typer.Argument(
        ..., help="A .jsonl file (one JSON article per line) or a folder of articles."
    ),
    output: Path = typer.Option(
        ..., "-o", "--output", help="The JSON Lines output (and its checkpoint)."
    ),
    workers: int = typer.Option(
        1, "--workers", "-w", min=1, max=256,
        help="1: translate here. N > 1: N local worker processes over the desk's job queue "
        "(with TRANSDESK_QUEUE_URL set, `transdesk worker` on other machines join in).",
    ),
    remote_only: bool = typer.Option(
        False, "--remote-only",
        help="Start no local workers: leave the articles to `transdesk worker` processes.",
    ),
    quiet: bool = typer.Option(False, "--quiet", "-q", help="No progress bar, no summary table."),
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
) -> None:
    """Translate an archive of articles into one JSON line per article, in input order.

    Each line is what `translate --to json` writes, with the article's input `line` (and `file`,
    for a folder); an article that cannot be translated gets a line with its `error` instead.
    Exit 0 when every article was translated; else the code of the first failure's kind (2 bad
    article, 3 engine), after the whole batch ran.
    """
    settings = engine_settings(
        engine=engine, model=model, base_url=base_url,
        api_key=api_key, llm_model=llm_model,
        beam_size=beam_size, threads=threads, device=device,
    )  # fmt: skip
    options = BatchOptions(memory=memory, termbase=termbase, checks=checks, date_style=date_style)
    stats = BatchStats()
    with open_output(output) as log:
        pending, stats.skipped = _count(input, log)
        try:
            with tqdm(
                total=pending, desc="batch", unit="article", file=sys.stderr,
                disable=True if quiet else None, dynamic_ncols=True,
            ) as bar:  # fmt: skip
                if workers == 1 and not remote_only:
                    _run_here(input, log, settings, options, stats, bar.update)
                else:
                    from transdesk.batch.fanout import run_fanout

                    run_fanout(
                        read_items(input), log, settings, options, stats, bar.update,
                        workers=0 if remote_only else workers, output_path=output,
                    )  # fmt: skip
        finally:  # also when the batch stops early (Ctrl-C, an engine gone): what it did
            if not quiet:
                typer.echo(stats.table(), err=True)
    if stats.failed:
        raise typer.Exit(stats.exit_code)


def _count(input: Path, log: OutputLog) -> tuple[int, int]:
    """How many articles of the input are still to do, and how many are done already."""
    pending = skipped = 0
    for item in read_items(input):
        if item.key in log.done:
            skipped += 1
        else:
            pending += 1
    return pending, skipped


def _run_here(
    input: Path,
    log: OutputLog,
    settings: Settings,
    options: BatchOptions,
    stats: BatchStats,
    advance: Advance,
) -> None:
    translator = build_translator(settings, options)
    with translator.pipeline:
        run_local(read_items(input), log, translator, stats, advance)
