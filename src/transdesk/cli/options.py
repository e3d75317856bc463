"""Engine options shared by every command that translates or runs the desk (translate, eval,
serve, worker, regress).

Each is an `Annotated` alias, so commands declare them in one line each and hand them all to
`engine_settings(...)`, which applies them on top of the validated settings, each to the options of
the engine it belongs to.
"""

from __future__ import annotations

from typing import Annotated

import typer
from pydantic import ValidationError

from transdesk.errors import ConfigurationError
from transdesk.settings import Settings, get_settings

EngineName = Annotated[
    str | None, typer.Option("--engine", "-e", help="Engine: ct2 (default), openai, memory.")
]
ModelName = Annotated[
    str | None, typer.Option("--model", help="ct2: hub name (quickmt/quickmt-ko-en) or model dir.")
]
BaseUrl = Annotated[
    list[str] | None,
    typer.Option(
        "--base-url", metavar="URL",
        help="openai: server URL, e.g. http://127.0.0.1:8080/v1; repeat it (or comma-separate) "
        "for several servers",
    ),
]
ApiKey = Annotated[
    str | None, typer.Option("--api-key", envvar="OPENAI_API_KEY", help="openai: API key.")
]
LlmModel = Annotated[str | None, typer.Option("--llm-model", help="openai: model name.")]
BeamSize = Annotated[int | None, typer.Option("--beam-size", help="ct2: beam size.")]
Threads = Annotated[int | None, typer.Option("--threads", help="ct2: CPU threads (0: auto).")]
Device = Annotated[str | None, typer.Option("--device", help="ct2: cpu, cuda or auto.")]


def engine_settings(
    *,
    engine: str | None = None,
    model: str | None = None,
    base_url: str | list[str] | None = None,
    api_key: str | None = None,
    llm_model: str | None = None,
    beam_size: int | None = None,
    threads: int | None = None,
    device: str | None = None,
    base: Settings | None = None,
) -> Settings:
    """The validated settings with this run's engine options applied on top."""
    settings = base or get_settings()
    ct2 = {"model": model, "beam_size": beam_size, "threads": threads, "device": device}
    if isinstance(base_url, list):  # --base-url repeated: several servers
        base_url = ",".join(base_url) or None
    openai = {"base_url": base_url, "api_key": api_key, "model": llm_model}
    values = settings.model_dump()
    values["engine"] = engine or ("openai" if base_url else settings.engine)
    values["ct2"] |= {k: v for k, v in ct2.items() if v is not None}
    values["openai"] |= {k: v for k, v in openai.items() if v is not None}
    try:
        return Settings.model_validate(values)
    except ValidationError as error:
        raise ConfigurationError(f"invalid option: {error}") from None
