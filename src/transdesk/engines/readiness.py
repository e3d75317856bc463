"""Whether the configured engine can translate now, asked without translating anything.

Each built-in engine kind has its own `ready` function, cheap enough for a readiness probe:

- `ct2`: the model is on disk, whole (a local directory, or the hub name's entry in the model
  cache). Nothing is downloaded or loaded: a missing model is reported, not fetched.
- `openai`: the server answers `GET {base_url}/models` with 200 within the timeout.
- `memory`: always ready (the memory lives in the desk's database, checked on its own).

An engine registered by a plugin is ready when its factory module offers
`ready(settings, timeout_s) -> Readiness`, and is otherwise taken to be ready once registered.
"""

from __future__ import annotations

import importlib
import importlib.util
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

import httpx

from transdesk.engines import registry
from transdesk.engines.models import cached_path, is_hub_name, model_problems
from transdesk.errors import TransdeskError
from transdesk.settings import Settings


@dataclass(frozen=True, slots=True)
class Readiness:
    ok: bool
    reason: str | None = None  # why not, or what was checked

    def as_dict(self) -> dict[str, object]:
        return {"ok": self.ok, "reason": self.reason} if self.reason else {"ok": self.ok}


ReadyCheck = Callable[[Settings, float], Readiness]


def ct2_ready(settings: Settings, timeout_s: float) -> Readiness:
    """The ct2 model is complete on disk and CTranslate2 is installed."""
    name = settings.ct2.model
    if importlib.util.find_spec("ctranslate2") is None:
        return Readiness(False, "the ctranslate2 package is not installed")
    if is_hub_name(name):
        try:
            entry = cached_path(name, settings)
        except TransdeskError as error:
            return Readiness(False, error.message)
        if entry is None:
            return Readiness(
                False,
                f"the model {name!r} is not in the model cache ({settings.model_cache_dir}): "
                f"download it with `transdesk models pull {name}`",
            )
        return Readiness(True, f"model {name} is in the model cache")
    directory = Path(name).expanduser()
    if problems := model_problems(directory):
        return Readiness(False, f"{directory} is not a usable model: {'; '.join(problems)}")
    return Readiness(True, f"model {directory.name} is on disk")


def _server_answers(base: str, headers: dict[str, str], timeout_s: float) -> str | None:
    """None when `{base}/models` answers 200 within `timeout_s`, else what went wrong."""
    try:
        response = httpx.get(f"{base}/models", headers=headers, timeout=timeout_s)
    except httpx.TimeoutException:
        return f"{base}/models did not answer within {timeout_s:g} s"
    except httpx.HTTPError as error:
        return f"cannot reach {base}/models: {error}"
    if response.status_code != 200:
        return f"{base}/models answered {response.status_code}"
    return None


def openai_ready(settings: Settings, timeout_s: float) -> Readiness:
    """The OpenAI-compatible server lists its models within `timeout_s`. With several servers
    (comma-separated), the engine can run while any one of them answers; all are asked at once."""
    from transdesk.engines.openai import normalize_base_url

    options = settings.openai
    urls = options.base_urls
    if not urls:
        return Readiness(False, "no server address: set TRANSDESK_OPENAI__BASE_URL")
    try:
        bases = [normalize_base_url(url) for url in urls]
    except TransdeskError as error:
        return Readiness(False, error.message)
    headers = {"Authorization": f"Bearer {options.api_key}"} if options.api_key else {}
    pool = ThreadPoolExecutor(len(bases), thread_name_prefix="ready-openai")
    try:
        problems = list(pool.map(lambda base: _server_answers(base, headers, timeout_s), bases))
    finally:
        pool.shutdown(wait=False)
    down = [problem for problem in problems if problem is not None]
    if len(down) == len(bases):
        return Readiness(False, "; ".join(down))
    answering = len(bases) - len(down)
    reason = f"{answering} of {len(bases)} servers answer" if len(bases) > 1 else "it answers"
    return Readiness(True, reason + (f" ({'; '.join(down)})" if down else ""))


def memory_ready(settings: Settings, timeout_s: float) -> Readiness:
    return Readiness(True)


BUILT_IN: dict[str, ReadyCheck] = {"ct2": ct2_ready, "openai": openai_ready, "memory": memory_ready}


def _plugin_check(name: str) -> ReadyCheck | None:
    entry = next((e for e in registry.known_engines() if e.name == name), None)
    if entry is None:
        return None
    if isinstance(entry.target, str):
        module = importlib.import_module(entry.target.partition(":")[0])
    else:
        module = importlib.import_module(entry.target.__module__)
    check = getattr(module, "ready", None)
    return check if callable(check) else (lambda settings, timeout_s: Readiness(True))


def engine_ready(settings: Settings, timeout_s: float = 2.0) -> Readiness:
    """Whether `settings.engine` can translate now (see the module)."""
    check = BUILT_IN.get(settings.engine) or _plugin_check(settings.engine)
    if check is None:
        names = ", ".join(e.name for e in registry.known_engines())
        return Readiness(False, f"no engine called {settings.engine!r} (known: {names})")
    return check(settings, timeout_s)
