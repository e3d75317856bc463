"""The `openai` engine: any OpenAI-compatible chat-completions server (vLLM, llama.cpp, Ollama,
hosted APIs), asked document-level.

Segments travel in windows of consecutive sentences (see `transdesk.engines.prompts`), several
windows at once up to `concurrency`. Connection errors, timeouts, 5xx and 429 answers are retried
with exponential backoff and jitter. Several servers (`base_url` a list, or comma-separated) share
the requests in turn; one that fails (connection error, timeout, 5xx) sits out a cool-down and the
request goes at once to another (see `transdesk.engines.openai_pool`). A segment the model leaves
out or answers badly is asked again once, on its own; after that it is a failed hypothesis with
the reason — never the source text. When no server can be reached at all, that is
`EngineUnavailable`.
"""

from __future__ import annotations

import logging
import random
import threading
import time
from collections.abc import Callable, Sequence
from concurrent.futures import FIRST_EXCEPTION, Future, ThreadPoolExecutor, wait
from pathlib import PurePosixPath
from urllib.parse import urlsplit

import httpx

from transdesk.engines import prompts
from transdesk.engines.openai_pool import Server, ServerPool
from transdesk.engines.base import (
    ArticleContext,
    Engine,
    EngineCapabilities,
    Hypothesis,
    ProgressCallback,
    SegmentRequest,
)
from transdesk.engines.openai_options import split_base_urls
from transdesk.errors import ConfigurationError, EngineUnavailable
from transdesk.settings import Settings

log = logging.getLogger(__name__)

RETRY_STATUS = frozenset({408, 409, 425, 429, 500, 502, 503, 504})
MAX_BACKOFF_S = 30.0


class RequestFailed(Exception):
    """One chat request gave no answer after every retry (the window's segments fail)."""


class _Stopped(Exception):
    """Another window found the server unreachable; this one gives up quietly."""


def normalize_base_url(base_url: str) -> str:
    """`http://host:8080` and `http://host:8080/v1/` both mean `http://host:8080/v1`."""
    url = base_url.strip().rstrip("/")
    if not url.startswith(("http://", "https://")):
        raise ConfigurationError(
            f"openai base URL {base_url!r} is not an http(s) URL",
            hint="pass --base-url http://HOST:PORT/v1 or set TRANSDESK_OPENAI__BASE_URL",
        )
    return url if urlsplit(url).path not in ("", "/") else url + "/v1"


class OpenAIEngine(Engine):
    name = "openai"
    capabilities = EngineCapabilities(takes_term_hints=True, takes_examples=True)

    def __init__(
        self,
        base_url: str | Sequence[str],
        *,
        api_key: str | None = None,
        model: str = "default",
        concurrency: int = 4,
        timeout_s: float = 60.0,
        retries: int = 3,
        window: int = 8,
        temperature: float = 0.0,
        max_tokens: int | None = None,
        backoff_s: float = 0.5,
        cooldown_s: float = 30.0,
        transport: httpx.BaseTransport | None = None,
        sleep: Callable[[float], None] = time.sleep,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.base_urls = [normalize_base_url(url) for url in split_base_urls(base_url)]
        if not self.base_urls:
            raise ConfigurationError(
                "the openai engine needs the address of an OpenAI-compatible server",
                hint="pass --base-url http://HOST:PORT/v1 or set TRANSDESK_OPENAI__BASE_URL",
            )
        self.base_url = self.base_urls[0]
        self.configured_model = model
        self.concurrency = concurrency
        self.timeout_s = timeout_s
        self.retries = retries
        self.window = window
        self.temperature = temperature
        self.max_tokens = max_tokens
        self.backoff_s = backoff_s
        self._sleep = sleep
        self._use_json_mode = True
        self._served_model: str | None = None
        self._model_lock = threading.Lock()
        self._stop = threading.Event()
        headers = {"Authorization": f"Bearer {api_key}"} if api_key else {}

        def client_for(url: str) -> httpx.Client:
            return httpx.Client(
                base_url=url,
                headers=headers,
                timeout=httpx.Timeout(timeout_s, connect=min(timeout_s, 10.0)),
                limits=httpx.Limits(
                    max_connections=concurrency, max_keepalive_connections=concurrency
                ),
                transport=transport,
            )

        self.servers = ServerPool(self.base_urls, client_for, cooldown_s=cooldown_s, clock=clock)
        self._pool = ThreadPoolExecutor(concurrency, thread_name_prefix="openai-engine")

    # -- the Engine interface ------------------------------------------------------------------

    def translate(
        self,
        requests: Sequence[SegmentRequest],
        context: ArticleContext,
        progress: ProgressCallback | None = None,
    ) -> list[Hypothesis]:
        if not requests:
            return []
        self._stop.clear()
        self.served_model()  # fail fast, once, if the server is not there
        windows = [requests[i : i + self.window] for i in range(0, len(requests), self.window)]
        futures = {self._pool.submit(self._translate_window, w, context): w for w in windows}
        results: dict[str, Hypothesis] = {}
        pending = set(futures)
        while pending:
            done, pending = wait(pending, return_when=FIRST_EXCEPTION)
            if any(f.exception() for f in done):
                raise self._give_up(done | pending)
            for future in done:
                hypotheses = future.result()
                results.update((h.segment_id, h) for h in hypotheses)
                if progress:
                    progress(len(hypotheses))
        return [results[r.segment_id] for r in requests]

    def signature(self) -> dict[str, object]:
        try:
            model = self.served_model()
        except EngineUnavailable:
            model = self.configured_model
        return {
            "engine": self.name,
            "server": ",".join(urlsplit(url).netloc for url in self.base_urls),
            "model": model,
            "temperature": self.temperature,
            "prompt": prompts.PROMPT_VERSION,
            "window": self.window,
        }

    def close(self) -> None:
        self._stop.set()
        self._pool.shutdown(wait=True, cancel_futures=True)
        self.servers.close()

    # -- the server's model ----------------------------------------------------------------------

    def served_model(self) -> str:
        """The model name to send: the configured one, or the server's first model (asked once)."""
        with self._model_lock:
            if self._served_model is None:
                self._served_model = self._ask_model()
            return self._served_model

    def _ask_model(self) -> str:
        try:
            response = self._send(lambda client: client.get("/models"))
        except RequestFailed as exc:
            log.warning("could not list the models of %s: %s", self.base_url, exc)
            return self.configured_model
        if self.configured_model != "default" or response.status_code != 200:
            return self.configured_model
        try:
            models = [m["id"] for m in response.json()["data"]]
        except (ValueError, KeyError, TypeError):
            return self.configured_model
        return PurePosixPath(models[0]).name if models else self.configured_model

    # -- one window ----------------------------------------------------------------------------

    def _translate_window(
        self, window: Sequence[SegmentRequest], context: ArticleContext
    ) -> list[Hypothesis]:
        answers, failure = self._ask(window, context)
        hypotheses = []
        for request in window:
            problem = failure or prompts.check_translation(answers.get(request.segment_id), request)
            if problem is None:
                text = str(answers[request.segment_id]).strip()
                hypotheses.append(Hypothesis(request.segment_id, text))
            elif failure is None:
                hypotheses.append(self._retry_alone(request, context, problem))
            else:
                hypotheses.append(_failed(request, problem, attempts=1))
        return hypotheses

    def _retry_alone(
        self, request: SegmentRequest, context: ArticleContext, first_problem: str
    ) -> Hypothesis:
        log.info("segment %s: %s; asking again on its own", request.segment_id, first_problem)
        answers, failure = self._ask([request], context)
        problem = failure or prompts.check_translation(answers.get(request.segment_id), request)
        if problem is None:
            text = str(answers[request.segment_id]).strip()
            return Hypothesis(request.segment_id, text, attempts=2)
        return _failed(request, f"{first_problem}; asked again: {problem}", attempts=2)

    def _ask(
        self, window: Sequence[SegmentRequest], context: ArticleContext
    ) -> tuple[dict[str, object], str | None]:
        """The model's answers for the window, or the reason the request itself failed."""
        try:
            content = self._complete(prompts.build_messages(window, context), window)
        except RequestFailed as exc:
            return {}, str(exc)
        parsed = prompts.parse_answer(content)
        if parsed is None:
            log.info("no JSON object in the answer for %s", [r.segment_id for r in window])
        return prompts.answers_for(parsed, window), None

    # -- HTTP ------------------------------------------------------------------------------------

    def _complete(self, messages: list[dict[str, str]], window: Sequence[SegmentRequest]) -> str:
        body: dict[str, object] = {
            "model": self.served_model(),
            "messages": messages,
            "temperature": self.temperature,
            "max_tokens": self.max_tokens or prompts.max_tokens_for(window),
        }
        if self._use_json_mode:
            body["response_format"] = {"type": "json_object"}
        response = self._send(lambda client: client.post("/chat/completions", json=body))
        if response.status_code == 400 and "response_format" in body and _mentions_format(response):
            log.info("%s does not support JSON mode; asking in plain text", self.base_url)
            self._use_json_mode = False
            body.pop("response_format")
            response = self._send(lambda client: client.post("/chat/completions", json=body))
        if response.status_code != 200:
            raise RequestFailed(
                f"server answered HTTP {response.status_code}: {_snippet(response)}"
            )
        try:
            return response.json()["choices"][0]["message"]["content"] or ""
        except (ValueError, KeyError, IndexError, TypeError):
            raise RequestFailed(f"not a chat completion: {_snippet(response)}") from None

    def _send(self, call: Callable[[httpx.Client], httpx.Response]) -> httpx.Response:
        """Run `call` on a server of the pool, retrying transient failures; a final
        non-retryable response is returned. A server at fault (connection error, timeout, 5xx)
        is benched for its cool-down and the request goes at once to another healthy server
        (once per other server); after that, retries back off as for one server."""
        failovers = len(self.servers) - 1
        retries_left = self.retries
        tried = 0
        server: Server | None = None
        while True:
            if self._stop.is_set():
                raise _Stopped()
            server = self.servers.pick(avoid=server)
            tried += 1
            try:
                response = call(server.client)
            except httpx.TransportError as exc:
                error: Exception | httpx.Response = exc
            else:
                if response.status_code in (401, 403):
                    raise EngineUnavailable(
                        f"{server.base_url} refused the credentials (HTTP {response.status_code})",
                        hint="set TRANSDESK_OPENAI__API_KEY to a key this server accepts",
                    )
                if response.status_code not in RETRY_STATUS:
                    self.servers.succeeded(server)
                    return response
                error = response
            if _server_at_fault(error):
                self.servers.failed(server, _describe(error))
                if failovers > 0 and self.servers.healthy_count() > 0:
                    failovers -= 1
                    continue  # another server takes the request now
            if retries_left == 0:
                raise self._exhausted(error, tried, server)
            self._sleep(self._backoff(self.retries - retries_left, error))
            retries_left -= 1

    def _backoff(self, attempt: int, error: Exception | httpx.Response) -> float:
        """Exponential backoff with jitter, never sooner than the server's Retry-After."""
        delay = min(MAX_BACKOFF_S, self.backoff_s * 2**attempt)
        jittered = delay / 2 + random.uniform(0, delay / 2)
        if isinstance(error, httpx.Response):
            retry_after = error.headers.get("retry-after", "")
            if retry_after.replace(".", "", 1).isdigit():
                return max(jittered, min(MAX_BACKOFF_S, float(retry_after)))
        return jittered

    def _exhausted(
        self, error: Exception | httpx.Response, attempts: int, server: Server
    ) -> Exception:
        tries = f"{attempts} attempt{'s' if attempts > 1 else ''}"
        if isinstance(error, httpx.Response):
            return RequestFailed(
                f"server answered HTTP {error.status_code} ({tries}): {_snippet(error)}"
            )
        if isinstance(error, httpx.TimeoutException) and not isinstance(
            error, httpx.ConnectTimeout
        ):
            return RequestFailed(
                f"no answer within {self.timeout_s:g} s ({tries}); "
                "raise TRANSDESK_OPENAI__TIMEOUT_S or use a faster model"
            )
        if isinstance(error, httpx.ConnectError | httpx.ConnectTimeout) and (
            self.servers.healthy_count() == 0 or len(self.servers) == 1
        ):
            self._stop.set()
            where = ", ".join(self.base_urls)
            return EngineUnavailable(
                f"cannot reach the translation server{'s' if len(self.base_urls) > 1 else ''} "
                f"at {where} ({tries}): {error}",
                hint="start the server (e.g. `python -m transdesk.devtools.llama_server`), "
                "check --base-url / TRANSDESK_OPENAI__BASE_URL, or choose another --engine",
            )
        return RequestFailed(f"connection to {server.base_url} failed ({tries}): {error!r}")

    def _give_up(self, futures: set[Future]) -> BaseException:
        """Stop the other windows and return the error that stopped the article."""
        self._stop.set()
        for future in futures:
            future.cancel()
        wait(futures)
        errors = [f.exception() for f in futures if not f.cancelled() and f.exception()]
        return next((e for e in errors if not isinstance(e, _Stopped)), errors[0])


def _failed(request: SegmentRequest, problem: str, attempts: int) -> Hypothesis:
    return Hypothesis(
        request.segment_id, None, error=f"no usable translation: {problem}", attempts=attempts
    )


def _server_at_fault(error: Exception | httpx.Response) -> bool:
    """A failure that says the server is down or broken (not busy, not this request's fault)."""
    if isinstance(error, httpx.Response):
        return error.status_code >= 500
    return True  # connection refused or reset, timeouts, protocol errors


def _describe(error: Exception | httpx.Response) -> str:
    if isinstance(error, httpx.Response):
        return f"HTTP {error.status_code}"
    return type(error).__name__


def _mentions_format(response: httpx.Response) -> bool:
    return "response_format" in response.text or "json_object" in response.text


def _snippet(response: httpx.Response, limit: int = 200) -> str:
    text = " ".join(response.text.split())
    return text[:limit] + ("…" if len(text) > limit else "")


def from_settings(settings: Settings) -> OpenAIEngine:
    """Registry factory for `openai`: its options are `settings.openai`."""
    options = settings.openai
    if not options.base_urls:
        raise ConfigurationError(
            "the openai engine needs the address of an OpenAI-compatible server",
            hint="pass --base-url http://HOST:PORT/v1 or set TRANSDESK_OPENAI__BASE_URL",
        )
    return OpenAIEngine(
        options.base_urls,
        api_key=options.api_key,
        model=options.model,
        concurrency=options.concurrency,
        timeout_s=options.timeout_s,
        retries=options.retries,
        window=options.window,
        max_tokens=options.max_tokens,
        cooldown_s=options.cooldown_s,
    )
