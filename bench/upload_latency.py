"""How much a large upload slows the desk for everyone else: /api/health latency during an upload.

Starts a real `transdesk serve` (uvicorn, no worker) on a fresh SQLite file (or `--database-url`),
signs an editor in through the login form (session cookie and CSRF token, as a browser does), and
uploads a Korean HTML article just under the desk's size limit (`max_article_bytes`, 2,000,000
bytes by default: the example heatwave story with its paragraphs repeated) through the editors'
form, `POST /desk/upload`. Meanwhile a probe thread GETs /api/health every 50 ms on a warm
keep-alive connection. The same probe with no upload, for as long as the upload took (5 to 20 s),
is the baseline. Prints p50/p90/max of the probe's latency for both, their ratio, and when in the
upload the slowest poll was sent.

    python bench/upload_latency.py [--bytes 1990000] [--database-url URL]
"""

from __future__ import annotations

import argparse
import re
import signal
import sys
import tempfile
import threading
import time
from pathlib import Path

import httpx

sys.path.insert(0, str(Path(__file__).resolve().parent))
from desk_load import free_port, start_server  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "examples" / "seoul-heatwave.html"
EDITOR, PASSWORD = "bench-editor", "a long enough password for the bench"
PROBE_EVERY_S = 0.05
_CSRF = re.compile(r'name="csrf_token" value="([^"]+)"')


def large_html(limit: int) -> bytes:
    """The heatwave story with its paragraphs repeated (each numbered, so no two are alike) until
    the page is as close to `limit` bytes as whole paragraphs allow."""
    page = EXAMPLE.read_text(encoding="utf-8")
    sample = re.findall(r"<p>.*?</p>", page)
    base = len(page.encode())
    parts: list[str] = []
    size, i = base, 0
    while True:
        paragraph = sample[i % len(sample)].replace("</p>", f" {i}번째 문단이다.</p>") + "\n"
        if size + len(paragraph.encode()) > limit:
            break
        parts.append(paragraph)
        size += len(paragraph.encode())
        i += 1
    return page.replace("</article>", "".join(parts) + "</article>").encode()


def add_editor(database_url: str) -> None:
    from transdesk.desk.accounts import create_user
    from transdesk.store.db import Database

    database = Database(database_url)  # migrates the fresh database
    with database.session() as session:
        create_user(session, EDITOR, PASSWORD, "editor")
    database.close()


def csrf_of(html: str) -> str:
    found = _CSRF.search(html)
    if not found:
        raise RuntimeError("the page has no CSRF token")
    return found.group(1)


def signed_in(base: str) -> httpx.Client:
    """A client holding an editor's session cookie, signed in through the login form."""
    client = httpx.Client(base_url=base, timeout=600)
    token = csrf_of(client.get("/login").text)
    answer = client.post(
        "/login", follow_redirects=False,
        data={"name": EDITOR, "password": PASSWORD, "csrf_token": token, "next": "/desk"},
    )  # fmt: skip
    if answer.status_code != 303:
        raise RuntimeError(f"signing in answered {answer.status_code}")
    return client


def probe(
    base: str, until: threading.Event, latencies: list[float], sent_at: list[float]
) -> None:
    """GET /api/health every 50 ms until `until` is set; each latency and when it was sent."""
    with httpx.Client(base_url=base, timeout=60) as client:
        client.get("/api/health")  # a warm connection: only the desk's own delay is measured
        while not until.is_set():
            began = time.perf_counter()
            if client.get("/api/health").status_code != 200:
                raise RuntimeError("/api/health failed")
            latencies.append(time.perf_counter() - began)
            sent_at.append(began)
            until.wait(PROBE_EVERY_S)


def stats(latencies: list[float]) -> tuple[float, float, float]:
    """p50, p90 and max, in milliseconds."""
    ordered = sorted(latencies)
    at = lambda q: ordered[min(len(ordered) - 1, int(q * (len(ordered) - 1)))]  # noqa: E731
    return at(0.5) * 1000, at(0.9) * 1000, ordered[-1] * 1000


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--bytes", type=int, default=1_990_000, help="the upload's size")
    parser.add_argument("--database-url", help="default: a fresh SQLite file")
    args = parser.parse_args()
    document = large_html(args.bytes)

    with tempfile.TemporaryDirectory(prefix="upload-latency-") as home:
        data_dir = Path(home) / "desk"
        data_dir.mkdir()
        url = args.database_url or f"sqlite:///{data_dir / 'transdesk.db'}"
        add_editor(url)
        port = free_port()
        base = f"http://127.0.0.1:{port}"
        server = start_server(url, data_dir, port)
        try:
            editor = signed_in(base)
            token = csrf_of(editor.get("/desk/upload").text)

            during: list[float] = []
            sent_at: list[float] = []
            done = threading.Event()
            prober = threading.Thread(
                target=probe, args=(base, done, during, sent_at), daemon=True
            )
            prober.start()
            time.sleep(0.5)  # the probe is running before the upload starts
            began = time.perf_counter()
            del during[:], sent_at[:]
            answer = editor.post(
                "/desk/upload", data={"csrf_token": token}, follow_redirects=False,
                files={"file": ("large-heatwave.html", document, "text/html")},
            )  # fmt: skip
            took = time.perf_counter() - began
            done.set()
            prober.join(60)
            if answer.status_code != 303 or "submitted=" not in answer.headers["location"]:
                raise RuntimeError(f"the upload answered {answer.status_code}: {answer.text[:300]}")

            idle: list[float] = []
            quiet = threading.Event()
            prober = threading.Thread(target=probe, args=(base, quiet, idle, []), daemon=True)
            prober.start()
            time.sleep(min(max(took, 5.0), 20.0))
            quiet.set()
            prober.join(60)
            editor.close()
        finally:
            server.send_signal(signal.SIGTERM)
            server.wait(30)

    backend = url.split(":", 1)[0].split("+")[0]
    print(f"/api/health every {PROBE_EVERY_S * 1000:.0f} ms on {backend}; upload of "
          f"{len(document):,} bytes through /desk/upload took {took:.1f} s (303)")  # fmt: skip
    print("| probe | polls | p50 ms | p90 ms | max ms |")
    print("|---|---|---|---|---|")
    rows = {"no upload (baseline)": idle, "during the upload": during}
    for name, latencies in rows.items():
        p50, p90, worst = stats(latencies)
        print(f"| {name} | {len(latencies)} | {p50:.1f} | {p90:.1f} | {worst:.1f} |")
    ratios = [d / b if b else float("inf") for d, b in zip(stats(during), stats(idle), strict=True)]
    print("| ratio (during / baseline) | | " + " | ".join(f"{r:.1f}x" for r in ratios) + " |")
    worst = max(range(len(during)), key=during.__getitem__)
    print(f"the slowest poll during the upload was sent {sent_at[worst] - began:.1f} s into it")


if __name__ == "__main__":
    main()
