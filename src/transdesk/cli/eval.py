"""`transdesk eval`: translate a test set through the desk's pipeline and score it (BLEU, chrF++,
COMET where installed), with the desk's own figures, a paired comparison and a report."""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path
from typing import Annotated

import typer
from tqdm import tqdm

from transdesk.article import Dateline
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
from transdesk.engines.registry import known_engines
from transdesk.errors import ConfigurationError, UnknownEngine
from transdesk.evaluation import (
    EvalOptions,
    ParallelCorpus,
    SystemSpec,
    evaluate,
    read_line_aligned,
    read_tmx,
    terminal_summary,
)
from transdesk.evaluation.compare import DEFAULT_RESAMPLES
from transdesk.evaluation.scores import DEFAULT_COMET_MODEL
from transdesk.pipeline import Pipeline
from transdesk.settings import Settings


def desk_pipeline_factory(settings: Settings):
    """Build the publishing pipeline for each system, on top of this run's settings."""

    def factory(spec: SystemSpec) -> Pipeline:
        # ENGINE@MODEL names the model of whichever engine it is: ct2's model, openai's llm model
        system = engine_settings(
            engine=spec.engine, model=spec.model, llm_model=spec.model, base=settings
        )
        return build_pipeline(
            system,
            use_memory=spec.memory,
            use_termbase=spec.termbase,
        )

    return factory


def _check_engines(specs: list[SystemSpec]) -> None:
    """Refuse an unknown engine name before any line is translated."""
    known = {entry.name for entry in known_engines()}
    for spec in specs:
        if spec.engine not in known:
            raise UnknownEngine(
                f"no translation engine called {spec.engine!r}",
                hint=f"known engines: {', '.join(sorted(known))} (see `transdesk engines`)",
            )


def _corpus(src: Path | None, ref: Path | None, tmx: Path | None) -> ParallelCorpus:
    if tmx is not None:
        if src or ref:
            raise ConfigurationError("give either --tmx or --src with --ref, not both")
        return read_tmx(tmx)
    if src is None or ref is None:
        raise ConfigurationError(
            "no test set given", hint="pass --src FILE.ko --ref FILE.en, or --tmx FILE"
        )
    return read_line_aligned(src, ref)


def _progress(label: str):
    bar = tqdm(desc=label, unit="line", file=sys.stderr, disable=None, leave=False)

    def update(done: int, total: int) -> None:
        bar.total = total
        bar.update(done - bar.n)
        if done >= total:
            bar.close()

    return update


Src = Annotated[Path | None, typer.Option("--src", help="Source sentences, one a line (Korean).")]
Ref = Annotated[Path | None, typer.Option("--ref", help="Reference translations, line-aligned.")]
Tmx = Annotated[Path | None, typer.Option("--tmx", help="Test set as a TMX file (ko → en).")]
Limit = Annotated[int | None, typer.Option("--limit", min=1, help="Only the first N lines.")]
Compare = Annotated[
    list[str] | None,
    typer.Option(
        "--compare",
        help="Another system: ENGINE or ENGINE@MODEL, optionally with :no-termbase and/or "
        ":no-memory. Repeat for more.",
    ),
]
Out = Annotated[Path, typer.Option("--out", help="Folder for the report and the checkpoint.")]
Termbase = Annotated[bool, typer.Option("--termbase/--no-termbase", help="Enforce the termbase.")]
Memory = Annotated[bool, typer.Option("--memory/--no-memory", help="Use the translation memory.")]
ArticleLines = Annotated[
    int,
    typer.Option(
        "--article-lines", min=1, help="Lines per pseudo-article (1: time each sentence)."
    ),
]
DatelineOption = Annotated[
    dt.datetime | None,
    typer.Option("--dateline", formats=["%Y-%m-%d"], help="For relative dates (default: today)."),
]
Resamples = Annotated[int, typer.Option("--resamples", min=100, help="Bootstrap resamples.")]
CometModel = Annotated[str, typer.Option("--comet-model", help="COMET model, if installed.")]
Resume = Annotated[
    bool, typer.Option("--resume/--fresh", help="Resume from the checkpoint in --out.")
]


@app.command("eval")
def eval_command(
    src: Src = None,
    ref: Ref = None,
    tmx: Tmx = None,
    limit: Limit = None,
    compare: Compare = None,
    out: Out = Path("eval-report"),
    engine: EngineName = None,
    model: ModelName = None,
    base_url: BaseUrl = None,
    api_key: ApiKey = None,
    llm_model: LlmModel = None,
    beam_size: BeamSize = None,
    threads: Threads = None,
    device: Device = None,
    termbase: Termbase = True,
    memory: Memory = True,
    article_lines: ArticleLines = 10,
    dateline: DatelineOption = None,
    resamples: Resamples = DEFAULT_RESAMPLES,
    comet_model: CometModel = DEFAULT_COMET_MODEL,
    resume: Resume = True,
) -> None:
    """Translate a test set with one or more engines and score it against human references."""
    settings = engine_settings(
        engine=engine, model=model, base_url=base_url, api_key=api_key, llm_model=llm_model,
        beam_size=beam_size, threads=threads, device=device,
    )  # fmt: skip
    corpus = _corpus(src, ref, tmx).first(limit)
    specs = [SystemSpec(settings.engine, termbase=termbase, memory=memory)]
    specs += [SystemSpec.parse(text) for text in compare or ()]
    _check_engines(specs)
    options = EvalOptions(
        out_dir=out,
        article_lines=article_lines,
        dateline=Dateline(dateline.date()) if dateline else None,
        resamples=resamples,
        comet_model=comet_model,
        resume=resume,
        progress=_progress,
    )
    report, written = evaluate(corpus, specs, desk_pipeline_factory(settings), options)
    typer.echo(terminal_summary(report))
    typer.echo(f"\nreport: {written.html} (also {written.markdown.name}, {written.json.name})")
