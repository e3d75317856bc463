"""The `ct2` engine's options: `TRANSDESK_CT2__MODEL`, `TRANSDESK_CT2__DEVICE`, ..."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field

DEFAULT_MODEL = "quickmt/quickmt-ko-en"


class Ct2Options(BaseModel):
    """How the `ct2` engine loads and decodes; defaults measured with bench/ct2_real_size.py."""

    model_config = ConfigDict(extra="forbid", protected_namespaces=())

    model: str = DEFAULT_MODEL  # a hub name or a model directory
    device: str = "cpu"
    compute_type: str = "int8"
    beam_size: int = Field(default=4, ge=1, le=16)
    batch_size: int = Field(default=8, ge=1, le=1024)  # sentences per batch, at most
    # pieces per batch, at most, counted padded (sentences x the longest); 0: no such limit
    batch_tokens: int = Field(default=512, ge=0, le=65536)
    threads: int = Field(default=0, ge=0, le=256)  # per translation; 0: let CTranslate2 decide
    # translations run at once (each on `threads` threads) when jobs overlap, e.g. desk workers
    inter_threads: int = Field(default=1, ge=1, le=64)
