"""One settings object, read once from the environment (TRANSDESK_*) and validated at start-up.

Each engine's options nest under its name: `TRANSDESK_CT2__MODEL`, `TRANSDESK_OPENAI__BASE_URL`.
The flat names of earlier releases (`TRANSDESK_MODEL`, `TRANSDESK_OPENAI_BASE_URL`, ...) are still
read, with a deprecation warning naming the variable that replaces each.
"""

from __future__ import annotations

import functools
import logging
import os
import warnings
from pathlib import Path
from typing import Annotated, Any, Literal

from pydantic import Field, SecretStr, field_validator
from pydantic.fields import FieldInfo
from pydantic_settings import (
    BaseSettings,
    NoDecode,
    PydanticBaseSettingsSource,
    SettingsConfigDict,
)

from transdesk.engines.ct2_options import Ct2Options
from transdesk.engines.openai_options import OpenAIOptions

log = logging.getLogger(__name__)

ENV_PREFIX = "TRANSDESK_"

# deprecated flat variable → (engine section, option)
DEPRECATED_VARIABLES: dict[str, tuple[str, str]] = {
    "TRANSDESK_MODEL": ("ct2", "model"),
    "TRANSDESK_DEVICE": ("ct2", "device"),
    "TRANSDESK_COMPUTE_TYPE": ("ct2", "compute_type"),
    "TRANSDESK_BEAM_SIZE": ("ct2", "beam_size"),
    "TRANSDESK_BATCH_SIZE": ("ct2", "batch_size"),
    "TRANSDESK_THREADS": ("ct2", "threads"),
    **{
        f"TRANSDESK_OPENAI_{option.upper()}": ("openai", option)
        for option in OpenAIOptions.model_fields
    },
}


def nested_variable(section: str, option: str) -> str:
    return f"{ENV_PREFIX}{section.upper()}__{option.upper()}"


class _DeprecatedVariables(PydanticBaseSettingsSource):
    """The flat engine variables of earlier releases, read below the nested ones."""

    def get_field_value(self, field: FieldInfo, field_name: str) -> tuple[Any, str, bool]:
        return None, field_name, False

    def __call__(self) -> dict[str, Any]:
        environment = {name.upper(): value for name, value in os.environ.items()}
        values: dict[str, dict[str, str]] = {}
        for old, (section, option) in DEPRECATED_VARIABLES.items():
            if old not in environment:
                continue
            new = nested_variable(section, option)
            message = f"{old} is deprecated; set {new} instead"
            warnings.warn(message, DeprecationWarning, stacklevel=2)
            log.warning("%s", message)
            values.setdefault(section, {})[option] = environment[old]
        return values


def _default_home() -> Path:
    return Path.home() / ".local" / "share" / "transdesk"


def _default_cache() -> Path:
    return Path.home() / ".cache" / "transdesk"


class Settings(BaseSettings):
    model_config = SettingsConfigDict(
        env_prefix=ENV_PREFIX, env_nested_delimiter="__", extra="ignore"
    )

    @classmethod
    def settings_customise_sources(
        cls,
        settings_cls: type[BaseSettings],
        init_settings: PydanticBaseSettingsSource,
        env_settings: PydanticBaseSettingsSource,
        dotenv_settings: PydanticBaseSettingsSource,
        file_secret_settings: PydanticBaseSettingsSource,
    ) -> tuple[PydanticBaseSettingsSource, ...]:
        deprecated = _DeprecatedVariables(settings_cls)
        return init_settings, env_settings, deprecated, dotenv_settings, file_secret_settings

    # where things live
    data_dir: Path = Field(default_factory=_default_home)
    cache_dir: Path = Field(default_factory=_default_cache)
    database_url: str | None = None  # default: SQLite file in data_dir

    # engines: the one to use, and each engine's own options
    engine: str = "ct2"
    ct2: Ct2Options = Field(default_factory=Ct2Options)
    openai: OpenAIOptions = Field(default_factory=OpenAIOptions)
    hub_timeout_s: float = Field(default=10.0, gt=0, le=300)  # model downloads

    # translation memory
    memory_fuzzy_threshold: float = Field(default=0.75, ge=0.3, le=1.0)  # rapidfuzz ratio / 100
    memory_examples: int = Field(default=3, ge=0, le=20)  # similar approved pairs given to LLMs

    # input and output
    max_article_bytes: int = Field(default=2_000_000, gt=0)
    feedback_url: str = "http://127.0.0.1:8000/articles/{slug}/feedback"
    public_url: str = "http://127.0.0.1:8000"
    newsroom_timezone: str | None = None  # the desk's one clock; default: each article's dateline zone
    newsroom_name: str = "transdesk"  # the publisher named in feeds and NewsArticle JSON-LD
    publishing_principles_url: str | None = None  # schema.org publishingPrinciples of the reader pages
    corrections_policy_url: str | None = None  # schema.org correctionsPolicy of the reader pages

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
    login_account_limit: str = "5/15minutes"  # failed sign-ins per account
    max_import_bytes: int = Field(default=50_000_000, ge=1_000, le=2_000_000_000)  # TMX, TBX
    api_token: SecretStr | None = None  # an editor's API token: `transdesk submit` sends it

    # the LibreTranslate-compatible API (/translate, /detect, ...) and the tmserver memory lookup
    libretranslate_keyless: bool = False  # no api_key needed; quotas then count per client address
    libretranslate_batch_limit: int = Field(default=25, ge=1, le=1000)  # texts in one `q` list
    libretranslate_char_limit: int = Field(default=5_000, ge=1, le=1_000_000)  # per request
    libretranslate_rate_limit: str = "60/minute"  # requests per API key
    libretranslate_char_quota: str = "200000/day"  # characters translated per API key
    tmserver_enabled: bool = False  # serve the approved memory at /tmserver (no key: public)
    # reverse proxies (IPs or CIDRs, comma-separated) whose X-Forwarded-For names the client
    trusted_proxies: Annotated[list[str], NoDecode] = Field(default_factory=list)

    # operating the desk: logs, metrics, probes
    log_format: Literal["text", "json"] = "text"  # json: one object per line (time, level, ids)
    metrics_token: SecretStr | None = None  # /metrics wants `Bearer` it; unset: loopback only
    ready_timeout_s: float = Field(default=2.0, gt=0, le=60)  # each /readyz check's deadline
    worker_metrics_port: int | None = Field(default=None, ge=1, le=65535)  # `transdesk worker`'s
    worker_metrics_host: str = "127.0.0.1"  # where a worker serves /metrics (with the port set)

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
