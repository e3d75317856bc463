"""Engines are found by a stable name. Built-ins are imported lazily (CTranslate2 is heavy);
plugins and tests can register more with `register`. A miss lists every name the desk knows."""

from __future__ import annotations

import importlib
from collections.abc import Callable
from dataclasses import dataclass

from transdesk.engines.base import Engine
from transdesk.errors import UnknownEngine
from transdesk.settings import Settings

EngineFactory = Callable[[Settings], Engine]


@dataclass(frozen=True)
class EngineEntry:
    name: str
    target: str | EngineFactory  # "module:function" for lazy built-ins, or the factory itself
    description: str

    def factory(self) -> EngineFactory:
        if not isinstance(self.target, str):
            return self.target
        module_name, _, attribute = self.target.partition(":")
        return getattr(importlib.import_module(module_name), attribute)


_ENGINES: dict[str, EngineEntry] = {}


def register(name: str, target: str | EngineFactory, description: str) -> None:
    _ENGINES[name] = EngineEntry(name, target, description)


def known_engines() -> list[EngineEntry]:
    return sorted(_ENGINES.values(), key=lambda e: e.name)


def create_engine(name: str, settings: Settings) -> Engine:
    """Build the engine called `name` from `settings` (apply per-run overrides to settings first)."""
    try:
        entry = _ENGINES[name]
    except KeyError:
        names = ", ".join(e.name for e in known_engines())
        raise UnknownEngine(
            f"no translation engine called {name!r}",
            hint=f"known engines: {names} (see `transdesk engines`)",
        ) from None
    return entry.factory()(settings)


register(
    "ct2",
    "transdesk.engines.ct2:from_settings",
    "Local CTranslate2 + SentencePiece model (default: quickmt/quickmt-ko-en), CPU or GPU",
)
register(
    "openai",
    "transdesk.engines.openai:from_settings",
    "Any OpenAI-compatible chat-completions server (vLLM, llama.cpp, Ollama, hosted APIs)",
)
register(
    "memory",
    "transdesk.engines.memory:from_settings",
    "Translation memory only: approved exact matches; anything else is left untranslated",
)
