"""The `openai` engine's options: `TRANSDESK_OPENAI__BASE_URL`, `TRANSDESK_OPENAI__MODEL`, ..."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field


class OpenAIOptions(BaseModel):
    model_config = ConfigDict(extra="forbid", protected_namespaces=())

    base_url: str | None = None
    api_key: str | None = None
    model: str = "default"  # "default": the first model the server lists
    concurrency: int = Field(default=4, ge=1, le=64)
    timeout_s: float = Field(default=60.0, gt=0, le=3600)
    retries: int = Field(default=3, ge=0, le=10)
    context_sentences: int = Field(default=2, ge=0, le=20)  # neighbours sent with each sentence
    window: int = Field(default=8, ge=1, le=64)  # segments per request
    max_tokens: int | None = Field(default=None, ge=1)  # None: sized to the window
