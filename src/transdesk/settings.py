"""One settings object, read once from the environment (TRANSDESK_*) and validated at start-up."""

from __future__ import annotations

import functools
from pathlib import Path
from typing import Annotated, Literal

from pydantic import Field, SecretStr, field_validator
from pydantic_settings import BaseSettings, NoDecode, SettingsConfigDict

DEFAULT_MODEL = "quickmt/quickmt-ko-en"


def _default_home() -> Path:
    return Path.home() / ".local" / "share" / "transdesk"


def _default_cache() -> Path:
    return Path.home() / ".cache" / "transdesk"


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="TRANSDESK_", extra="ignore")

    # where things live
    data_dir: Path = Field(default_factory=_default_home)
    cache_dir: Path = Field(default_factory=_default_cache)
    database_url: str | None = None  # default: SQLite file in data_dir

    # engines
    engine: str = "ct2"
    model: str = DEFAULT_MODEL
    hub_timeout_s: float = Field(default=10.0, gt=0, le=300)
    device: str = "cpu"
    compute_type: str = "int8"
    beam_size: int = Field(default=4, ge=1, le=16)
    batch_size: int = Field(default=16, ge=1, le=1024)
    threads: int = Field(default=0, ge=0, le=256)  # 0: let CTranslate2 decide

    openai_base_url: str | None = None
    openai_api_key: str | None = None
    openai_model: str = "default"
    openai_concurrency: int = Field(default=4, ge=1, le=64)
    openai_timeout_s: float = Field(default=60.0, gt=0, le=3600)
    openai_retries: int = Field(default=3, ge=0, le=10)
    openai_context_sentences: int = Field(default=2, ge=0, le=20)

    # translation memory
    memory_fuzzy_threshold: float = Field(default=0.75, ge=0.3, le=1.0)  # rapidfuzz ratio / 100
    memory_examples: int = Field(default=3, ge=0, le=20)  # similar approved pairs given to LLMs
    openai_window: int = Field(default=8, ge=1, le=64)  # segments per request
    openai_max_tokens: int | None = Field(default=None, ge=1)  # None: sized to the window

    # input and output
    max_article_bytes: int = Field(default=2_000_000, gt=0)
    feedback_url: str = "http://127.0.0.1:8000/articles/{slug}/feedback"
    public_url: str = "http://127.0.0.1:8000"

    # checks, the gate and date style
    rewrite_dates: bool = True  # "on the 2nd" → "on Sept. 2" after the engine
    qa_review_at: Literal["info", "minor", "major", "critical"] = "major"
    qa_block_at: Literal["info", "minor", "major", "critical"] = "critical"
    qa_minor_for_review: int = Field(default=3, ge=1, le=100)

    # the web desk: job queue, in-process worker, readers' reports
    queue_url: str | None = None  # default: SQLite queue file in data_dir; redis:// or postgresql://
    worker_in_process: bool = True  # `transdesk serve` runs a worker unless this is off
    worker_threads: int = Field(default=1, ge=1, le=64)
    job_lease_s: float = Field(default=60.0, gt=0, le=3600)  # a running job's heartbeat deadline
    job_retries: int = Field(default=3, ge=0, le=20)
    rate_limits_enabled: bool = True
    report_rate_limit: str = "10/minute"  # per client address, `limits` notation
    submit_rate_limit: str = "30/minute"
    rate_limit_storage_url: str = "memory://"  # or redis://host:port
    max_report_chars: int = Field(default=2_000, gt=0, le=100_000)  # suggestion text
    max_form_bytes: int = Field(default=16_000, gt=0)  # a reader's report request body

    # editors: signed session cookies, logins
    secret_key: str | None = None  # signs session cookies; default: a random key kept in data_dir
    session_max_age_s: int = Field(default=12 * 3600, ge=60, le=30 * 24 * 3600)
    session_https_only: bool | None = None  # Secure cookie flag; default: on when public_url is https
    login_rate_limit: str = "10/minute"  # per client address
    api_token: SecretStr | None = None  # an editor's API token: `transdesk submit` sends it
    # reverse proxies (IPs or CIDRs, comma-separated) whose X-Forwarded-For names the client
    trusted_proxies: Annotated[list[str], NoDecode] = Field(default_factory=list)

    @field_validator("trusted_proxies", mode="before")
    @classmethod
    def _proxies_are_networks(cls, value: object) -> object:
        import ipaddress

        if isinstance(value, str):
            value = [part.strip() for part in value.split(",") if part.strip()]
        if isinstance(value, list | tuple):
            return [str(ipaddress.ip_network(str(v).strip(), strict=False)) for v in value]
        return value

    @field_validator("feedback_url")
    @classmethod
    def _feedback_url_names_article(cls, value: str) -> str:
        if not value.startswith(("http://", "https://", "/")):
            raise ValueError("feedback_url must be an http(s) URL or an absolute path")
        return value

    @property
    def resolved_database_url(self) -> str:
        if self.database_url:
            return self.database_url
        return f"sqlite:///{self.data_dir / 'transdesk.db'}"

    @property
    def model_cache_dir(self) -> Path:
        return self.cache_dir / "models"

    def feedback_url_for(self, slug: str) -> str:
        return self.feedback_url.replace("{slug}", slug)


@functools.cache
def get_settings() -> Settings:
    """The process-wide settings, validated on first use (the CLI calls this at start-up)."""
    return Settings()
