"""The bounds the checks ship with, computed on the dev corpus (`bench/calibrate_qa.py`)."""

from __future__ import annotations

import functools
import json
from importlib import resources

# used only if calibration.json is missing: wide enough never to flag a human translation
_FALLBACK = {"length_ratio": {"bands": [{"max_source_chars": None, "low": 0.5, "high": 6.0}]}}


@functools.cache
def load_calibration() -> dict[str, object]:
    try:
        text = resources.files("transdesk.qa").joinpath("calibration.json").read_text("utf-8")
    except FileNotFoundError:
        return _FALLBACK
    return json.loads(text)


def length_bounds(
    source_chars: int, calibration: dict[str, object] | None = None
) -> tuple[float, float]:
    """(lowest, highest) English/Korean character ratio for a source of this length."""
    data = calibration or load_calibration()
    bands = data["length_ratio"]["bands"]  # type: ignore[index]
    for band in bands:
        limit = band["max_source_chars"]
        if limit is None or source_chars <= limit:
            return float(band["low"]), float(band["high"])
    last = bands[-1]
    return float(last["low"]), float(last["high"])


def dropped_clause_model(calibration: dict[str, object] | None = None) -> dict[str, object] | None:
    """The fitted dropped-clause model (`qa/omission_model.py`), or None when none is shipped."""
    data = calibration or load_calibration()
    model = data.get("omission_model")
    return model if isinstance(model, dict) and "weights" in model else None
