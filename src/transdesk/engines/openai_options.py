"""The `openai` engine's options: `TRANSDESK_OPENAI__BASE_URL`, `TRANSDESK_OPENAI__MODEL`, ...

`base_url` may name several servers, comma-separated (`http://gpu1:8080/v1,http://gpu2:8080/v1`)
or as a list; the engine spreads its requests over them (see `transdesk.engines.openai_pool`).
"""

from __future__ import annotations

from collections.abc import Sequence

from pydantic import BaseModel, ConfigDict, Field, field_validator


def split_base_urls(value: str | Sequence[str] | None) -> list[str]:
    """The server addresses in a `base_url` value: comma-separated text, or a list of them."""
    if value is None:
        return []
    parts = [value] if isinstance(value, str) else list(value)
    return [url.strip() for part in parts for url in part.split(",") if url.strip()]


class OpenAIOptions(BaseModel):
    model_config = ConfigDict(extra="forbid", protected_namespaces=())

    base_url: str | None = None  # one server, or several comma-separated
    api_key: str | None = None
    model: str = "default"  # "default": the first model the server lists
    concurrency: int = Field(default=4, ge=1, le=64)
    timeout_s: float = Field(default=60.0, gt=0, le=3600)
    retries: int = Field(default=3, ge=0, le=10)
    context_sentences: int = Field(default=2, ge=0, le=20)  # neighbours sent with each sentence
    window: int = Field(default=8, ge=1, le=64)  # segments per request
    max_tokens: int | None = Field(default=None, ge=1)  # None: sized to the window
    cooldown_s: float = Field(default=30.0, gt=0, le=3600)  # a failed server sits out this long

    @field_validator("base_url", mode="before")
    @classmethod
    def _join_list(cls, value: object) -> object:
        """A list of servers is kept as the comma-separated text the variable would hold."""
        if isinstance(value, list | tuple):
            return ",".join(split_base_urls([str(v) for v in value])) or None
        return value

    @property
    def base_urls(self) -> list[str]:
        """Every server `base_url` names, in order."""
        return split_base_urls(self.base_url)
