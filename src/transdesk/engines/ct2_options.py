"""The `ct2` engine's options: `TRANSDESK_CT2__MODEL`, `TRANSDESK_CT2__DEVICE`, ..."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field

DEFAULT_MODEL = "quickmt/quickmt-ko-en"


class Ct2Options(BaseModel):
    model_config = ConfigDict(extra="forbid", protected_namespaces=())

    model: str = DEFAULT_MODEL  # a hub name or a model directory
    device: str = "cpu"
    compute_type: str = "int8"
    beam_size: int = Field(default=4, ge=1, le=16)
    batch_size: int = Field(default=16, ge=1, le=1024)
    threads: int = Field(default=0, ge=0, le=256)  # 0: let CTranslate2 decide
