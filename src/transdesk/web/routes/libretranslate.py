"""The LibreTranslate API at the desk's root, for Weblate, OmegaT and the LibreTranslate clients.

`POST /translate`, `GET /languages`, `POST /detect`, `POST /suggest` and `GET /frontend/settings`
take and answer LibreTranslate's shapes: JSON or form-encoded bodies, `q` a string or a list,
`source` possibly `auto`, `format` `text` or `html`, `api_key` an editor's API token (or nothing,
when `TRANSDESK_LIBRETRANSLATE_KEYLESS=true`), and errors as `{"error": "..."}` with
LibreTranslate's statuses (400, 403, 429, 500). Texts go through the desk's own pipeline
(`transdesk.interop.plain`); a suggestion becomes a reader's report in the editors' queue.

The routes stay out of the desk's OpenAPI document: their contract is LibreTranslate's.
"""

from __future__ import annotations

import logging
import threading
import time
from dataclasses import dataclass
from typing import Any, Literal, TypeVar

from fastapi import APIRouter, Request
from fastapi.responses import JSONResponse
from limits import RateLimitItem, parse
from limits.storage import storage_from_string
from limits.strategies import FixedWindowRateLimiter
from pydantic import BaseModel, Field, ValidationError
from starlette.concurrency import run_in_threadpool

from transdesk.assembly import build_pipeline
from transdesk.desk.accounts import editor_for_token
from transdesk.errors import ConfigurationError, InvalidInput, NotFound, TransdeskError
from transdesk.interop import languages, markup
from transdesk.interop.plain import PlainTranslator, Untranslatable
from transdesk.interop.suggestions import file_suggestion
from transdesk.settings import Settings
from transdesk.store.db import Database
from transdesk.web.proxies import client_address

log = logging.getLogger(__name__)
router = APIRouter(include_in_schema=False)
PATHS = ("/translate", "/detect", "/suggest")  # the ones that take a body


class LibreError(Exception):
    """An answer in LibreTranslate's error shape."""

    def __init__(self, status: int, message: str, headers: dict[str, str] | None = None) -> None:
        super().__init__(message)
        self.status = status
        self.message = message
        self.headers = headers or {}

    def response(self) -> JSONResponse:
        return JSONResponse({"error": self.message}, status_code=self.status, headers=self.headers)


# --- requests ----------------------------------------------------------------------------------


Texts = str | list[str]  # a list, even of one, is answered with a list


class Keyed(BaseModel):
    api_key: str | None = Field(default=None, max_length=200)


class TranslateRequest(Keyed):
    q: Texts
    source: str = Field(max_length=20)
    target: str = Field(max_length=20)
    format: Literal["text", "html"] = "text"
    alternatives: int = Field(default=0, ge=0, le=3)


class DetectRequest(Keyed):
    q: str


class SuggestRequest(Keyed):
    q: str = Field(min_length=1)
    s: str = Field(min_length=1)
    source: str = Field(max_length=20)
    target: str = Field(max_length=20)


# --- answers -----------------------------------------------------------------------------------


class DetectedLanguage(BaseModel):
    language: str
    confidence: float


class TranslateAnswer(BaseModel):
    translatedText: str | list[str]  # noqa: N815  (LibreTranslate's field names)
    detectedLanguage: DetectedLanguage | list[DetectedLanguage] | None = None  # noqa: N815
    alternatives: list[str] | list[list[str]] | None = None


class Language(BaseModel):
    code: str
    name: str
    targets: list[str]


class FrontendLanguage(BaseModel):
    code: str
    name: str


class FrontendSettings(BaseModel):
    charLimit: int  # noqa: N815
    frontendTimeout: int  # noqa: N815
    apiKeys: bool  # noqa: N815
    keyRequired: bool  # noqa: N815
    suggestions: bool
    filesTranslation: bool  # noqa: N815
    supportedFilesFormat: list[str]  # noqa: N815
    language: dict[str, FrontendLanguage]


# --- per-app state: the translator and the quotas ---------------------------------------------


def _limit(text: str, name: str) -> RateLimitItem:
    try:
        return parse(text)
    except ValueError:
        raise ConfigurationError(
            f"TRANSDESK_{name.upper()} {text!r} is not a rate limit",
            hint='write it like "60/minute" or "200000 per day"',
        ) from None


class Quotas:
    """Requests and characters per API key (per client address in keyless mode)."""

    def __init__(self, settings: Settings) -> None:
        self.enabled = settings.rate_limits_enabled
        self.limiter = FixedWindowRateLimiter(storage_from_string(settings.rate_limit_storage_url))
        self.requests = _limit(settings.libretranslate_rate_limit, "libretranslate_rate_limit")
        self.chars = _limit(settings.libretranslate_char_quota, "libretranslate_char_quota")

    def _hit(self, item: RateLimitItem, scope: str, who: str, cost: int) -> None:
        if self.limiter.hit(item, scope, who, cost=cost):
            return
        reset = self.limiter.get_window_stats(item, scope, who).reset_time
        retry_after = max(1, int(reset - time.time()) + 1)
        raise LibreError(
            429, f"Slowdown: too many requests or characters (limit {item})",
            {"Retry-After": str(retry_after)},
        )

    def spend(self, who: str, chars: int = 0) -> None:
        if not self.enabled:
            return
        self._hit(self.requests, "lt-requests", who, 1)
        if chars:
            self._hit(self.chars, "lt-chars", who, chars)


@dataclass
class Interop:
    translator: PlainTranslator
    quotas: Quotas


_SETTING_UP = threading.Lock()


def _interop(request: Request) -> Interop:
    """The app's translator and quotas, made on the first request that needs them."""
    state = request.app.state
    with _SETTING_UP:
        found = getattr(state, "interop", None)
        if found is None:
            settings: Settings = state.settings
            found = Interop(PlainTranslator(settings, build_pipeline), Quotas(settings))
            state.interop = found
    return found


def close_translator(app: Any) -> None:
    """Release the translator's pipeline (engine, databases), if a request ever made one."""
    found = getattr(app.state, "interop", None)
    if found is not None:
        found.translator.close()


# --- reading a request the way LibreTranslate does ---------------------------------------------


_FORMS = ("application/x-www-form-urlencoded", "multipart/form-data")


async def _arguments(request: Request) -> dict[str, Any]:
    """The request's arguments: a JSON object, or form fields and query parameters."""
    kind = request.headers.get("content-type", "").split(";")[0].strip().lower()
    if kind == "application/json":
        try:
            body = await request.json()
        except ValueError:
            raise LibreError(400, "Invalid request: the body is not JSON") from None
        if not isinstance(body, dict):
            raise LibreError(400, "Invalid request: the body must be a JSON object")
        return body
    values: dict[str, Any] = {}
    sources = [request.query_params]
    if request.method != "GET" and kind in _FORMS:
        sources.append(await request.form())
    for source in sources:
        for name in set(source.keys()):
            items = [v for v in source.getlist(name) if isinstance(v, str)]
            if items:
                values[name] = items if name == "q" and len(items) > 1 else items[0]
    return values


M = TypeVar("M", bound=BaseModel)


def _read(model: type[M], arguments: dict[str, Any]) -> M:
    try:
        return model.model_validate(arguments)
    except ValidationError as error:
        first = error.errors()[0]
        field = ".".join(str(p) for p in first["loc"]) or "body"
        if first["type"] == "missing":
            raise LibreError(400, f"Invalid request: missing {field} parameter") from None
        raise LibreError(400, f"Invalid request: {field}: {first['msg']}") from None


def _caller(request: Request, database: Database, settings: Settings, key: str | None) -> str:
    """Who spends the quota: the API token's editor, or (keyless) the client's address."""
    if key:
        with database.session() as session:
            editor = editor_for_token(session, key)
        if editor is None:
            raise LibreError(403, "Invalid API key")
        return f"editor:{editor.id}"
    if settings.libretranslate_keyless:
        return f"address:{client_address(request) or 'unknown'}"
    raise LibreError(403, "Please send an API key: an editor's API token from the desk")


async def _admit(request: Request, key: str | None, chars: int = 0) -> Interop:
    state = request.app.state
    who = await run_in_threadpool(_caller, request, state.database, state.settings, key)
    interop = _interop(request)
    interop.quotas.spend(who, chars)
    return interop


def _answer(model: BaseModel | list[BaseModel]) -> JSONResponse:
    if isinstance(model, list):
        return JSONResponse([m.model_dump(exclude_none=True) for m in model])
    return JSONResponse(model.model_dump(exclude_none=True))


# --- the routes --------------------------------------------------------------------------------


def _pair(source: str, target: str, texts: list[str]) -> list[languages.Detected] | None:
    """Check the language pair; with `source=auto`, what was detected in each text."""
    detected = None
    if source == languages.AUTO:
        detected = [languages.detect(text) for text in texts]
        kinds = {d.language for d in detected if d.confidence > 0} or {languages.TARGET}
        source = languages.SOURCE if kinds == {languages.SOURCE} else languages.TARGET
    if source not in languages.NAMES:
        raise LibreError(400, f"{source} is not supported")
    if target not in languages.NAMES:
        raise LibreError(400, f"{target} is not supported")
    if not languages.supported(source, target):
        raise LibreError(400, f"{source} → {target} is not supported: the desk translates ko → en")
    return detected


def _translate_texts(translator: PlainTranslator, texts: list[str], html: bool) -> list[str]:
    if not html:
        return translator.translate(texts)
    return [markup.translate_fragment(text, translator.translate) for text in texts]


@router.post("/translate")
async def translate(request: Request) -> JSONResponse:
    settings: Settings = request.app.state.settings
    try:
        body = _read(TranslateRequest, await _arguments(request))
        texts = body.q if isinstance(body.q, list) else [body.q]
        if len(texts) > settings.libretranslate_batch_limit:
            raise LibreError(
                400, f"Invalid request: request ({len(texts)}) exceeds text limit "
                f"({settings.libretranslate_batch_limit})",
            )
        chars = sum(len(text) for text in texts)
        if chars > settings.libretranslate_char_limit:
            raise LibreError(
                400, f"Invalid request: request ({chars}) exceeds character limit "
                f"({settings.libretranslate_char_limit})",
            )
        if not texts or (isinstance(body.q, str) and not body.q.strip()):
            raise LibreError(400, "Invalid request: missing q parameter")
        detected = _pair(body.source, body.target, texts)
        interop = await _admit(request, body.api_key, chars)
        english = await run_in_threadpool(
            _translate_texts, interop.translator, texts, body.format == "html"
        )
    except LibreError as error:
        return error.response()
    except Untranslatable as error:
        log.info("a client's text could not be translated: %s", error.message)
        return LibreError(500, f"Cannot translate text: {error.message}").response()
    except TransdeskError as error:
        log.error("translating a client's text failed: %s", error)
        return LibreError(500, f"Cannot translate text: {error.message}").response()
    except Exception:  # the engine's own failure: the client still gets LibreTranslate's shape
        log.exception("translating a client's text failed")
        return LibreError(500, "Cannot translate text: the engine failed").response()
    found = [DetectedLanguage(language=d.language, confidence=d.confidence) for d in detected or []]
    if isinstance(body.q, list):
        answer = TranslateAnswer(
            translatedText=english,
            detectedLanguage=found or None,
            alternatives=[[] for _ in english] if body.alternatives else None,
        )
    else:
        answer = TranslateAnswer(
            translatedText=english[0],
            detectedLanguage=found[0] if found else None,
            alternatives=[] if body.alternatives else None,
        )
    return _answer(answer)


@router.api_route("/languages", methods=["GET", "POST"])
async def list_languages() -> JSONResponse:
    return _answer([
        Language(code=languages.SOURCE, name=languages.NAMES[languages.SOURCE],
                 targets=[languages.TARGET]),
        Language(code=languages.TARGET, name=languages.NAMES[languages.TARGET], targets=[]),
    ])


@router.post("/detect")
async def detect(request: Request) -> JSONResponse:
    try:
        body = _read(DetectRequest, await _arguments(request))
        await _admit(request, body.api_key)
    except LibreError as error:
        return error.response()
    found = languages.detect(body.q)
    return _answer([DetectedLanguage(language=found.language, confidence=found.confidence)])


@router.post("/suggest")
async def suggest(request: Request) -> JSONResponse:
    state = request.app.state
    settings: Settings = state.settings
    try:
        body = _read(SuggestRequest, await _arguments(request))
        await _admit(request, body.api_key)
        _pair(body.source, body.target, [body.q])
        filed = await run_in_threadpool(
            file_suggestion, state.database, body.q, body.s,
            client=client_address(request), max_chars=settings.max_report_chars,
        )
    except LibreError as error:
        return error.response()
    except (NotFound, InvalidInput) as error:
        return LibreError(400, error.message).response()
    log.info("a client's suggestion became report %s on %s %s",
             filed.report_id, filed.article_slug, filed.segment_id)
    return JSONResponse({"success": True})


@router.get("/frontend/settings")
async def frontend_settings(request: Request) -> JSONResponse:
    settings: Settings = request.app.state.settings
    pair = {
        "source": FrontendLanguage(code=languages.SOURCE, name=languages.NAMES[languages.SOURCE]),
        "target": FrontendLanguage(code=languages.TARGET, name=languages.NAMES[languages.TARGET]),
    }
    return _answer(FrontendSettings(
        charLimit=settings.libretranslate_char_limit,
        frontendTimeout=500,
        apiKeys=True,
        keyRequired=not settings.libretranslate_keyless,
        suggestions=True,
        filesTranslation=False,
        supportedFilesFormat=[],
        language=pair,
    ))


def body_limits(settings: Settings) -> dict[str, int]:
    """Request body limits for the routes that take texts: a form-encoded Hangul syllable is nine
    bytes on the wire, so the character limit is allowed for in the largest encoding."""
    texts = settings.libretranslate_batch_limit
    limit = settings.libretranslate_char_limit * 9 + texts * 16 + 4096
    return dict.fromkeys(PATHS, limit)
