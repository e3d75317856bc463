"""The translation memory as a tmserver speaks it, for Weblate's tmserver backend.

`GET /tmserver/{source}/{target}/unit/{text}` answers `[{"source", "target", "quality"}]`: the
approved pairs for the Korean `text`, exact match first, quality 0–100 from the memory's score.
`GET /tmserver/languages/` names the one pair. Off unless `TRANSDESK_TMSERVER_ENABLED=true`: the
lookup takes no key, so whoever reaches the desk reads the approved memory.
"""

from __future__ import annotations

import logging

from fastapi import APIRouter, Request
from fastapi.responses import JSONResponse
from pydantic import BaseModel
from starlette.concurrency import run_in_threadpool

from transdesk.interop import languages
from transdesk.interop.tm import lookup_units
from transdesk.memory import TranslationMemory
from transdesk.settings import Settings

log = logging.getLogger(__name__)
router = APIRouter(prefix="/tmserver", include_in_schema=False)
MAX_TEXT = 2000  # Weblate sends at most 500 characters


class Unit(BaseModel):
    source: str
    target: str
    quality: int


class Pairs(BaseModel):
    sourceLanguages: list[str]  # noqa: N815  (tmserver's field names)
    targetLanguages: list[str]  # noqa: N815


def _code(language: str) -> str:
    """Weblate writes "ko", "en_US" or "en_us": the desk reads the language part."""
    return language.replace("-", "_").split("_")[0].lower()


def _off() -> JSONResponse:
    return JSONResponse({"error": "the tmserver lookup is off on this desk"}, status_code=404)


@router.get("/languages/")
async def pairs(request: Request) -> JSONResponse:
    settings: Settings = request.app.state.settings
    if not settings.tmserver_enabled:
        return _off()
    answer = Pairs(sourceLanguages=[languages.SOURCE], targetLanguages=[languages.TARGET])
    return JSONResponse(answer.model_dump())


@router.get("/{source}/{target}/unit/{text:path}")
async def unit(source: str, target: str, text: str, request: Request) -> JSONResponse:
    settings: Settings = request.app.state.settings
    if not settings.tmserver_enabled:
        return _off()
    if not languages.supported(_code(source), _code(target)) or len(text) > MAX_TEXT:
        return JSONResponse([])
    memory = TranslationMemory(
        request.app.state.database, fuzzy_threshold=settings.memory_fuzzy_threshold
    )
    units = await run_in_threadpool(lookup_units, memory, text)
    return JSONResponse([Unit(source=u.source, target=u.target, quality=u.quality).model_dump()
                         for u in units])
