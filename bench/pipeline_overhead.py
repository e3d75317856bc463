"""The pipeline's own cost per sentence beside the engine's, on a 30-sentence article.

    python bench/pipeline_overhead.py [ARTICLE] [--runs N] [--threads N] [--max-tokens N]

Starts a llama.cpp server with the bundled Gemma 3 270M model, builds the pipeline exactly as
`transdesk translate --engine openai` does (`build_pipeline`), translates the article, and splits
the wall time with `Pipeline.last_timings` into the engine call and everything else. Reading the
article (Markdown + sentence splitting) and rendering the English Markdown are timed beside it.
The baseline is the engine time of the same run; the target is overhead < 2% of it.
"""

from __future__ import annotations

import argparse
import logging
import statistics
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

from transdesk.assembly import build_pipeline
from transdesk.devtools.llama_server import start_llama_server
from transdesk.ingest import read_article
from transdesk.publish import render
from transdesk.settings import Settings

ARTICLE = Path(__file__).resolve().parent / "data" / "busan-port-automation.md"
TARGET = 0.02


@dataclass
class Run:
    engine_s: float
    pipeline_s: float  # everything in Pipeline.translate but the engine call
    ingest_s: float
    render_s: float
    failed: int


def timed(fn, *args, **kwargs):
    started = time.perf_counter()
    result = fn(*args, **kwargs)
    return result, time.perf_counter() - started


def translate_once(article_path: Path, settings: Settings) -> Run:
    article, ingest_s = timed(read_article, article_path)
    pipeline = build_pipeline(settings)
    with pipeline.engine:
        translated = pipeline.translate(article)
    timings = pipeline.last_timings
    _, render_s = timed(render, translated, "md", settings.feedback_url_for(article.slug))
    return Run(timings.engine_s, timings.overhead_s, ingest_s, render_s, len(translated.failed))


def report(runs: list[Run], sentences: int) -> float:
    def per_sentence_ms(attribute: str) -> float:
        return statistics.median(getattr(r, attribute) for r in runs) / sentences * 1000

    engine_ms = per_sentence_ms("engine_s")
    rows = [
        ("engine call (llama.cpp, 270M)", engine_ms),
        ("pipeline overhead (stages, jobs)", per_sentence_ms("pipeline_s")),
        ("ingest (Markdown + splitting)", per_sentence_ms("ingest_s")),
        ("render (Markdown)", per_sentence_ms("render_s")),
    ]
    print(f"\n{sentences} sentences, {len(runs)} run(s), medians")
    print(f"{'part':36} {'ms/sentence':>12} {'% of engine':>12}")
    for name, ms in rows:
        print(f"{name:36} {ms:12.3f} {100 * ms / engine_ms:11.4f}%")
    failed = [r.failed for r in runs]
    print(f"failed sentences per run (the 270M model answers poorly): {failed}")
    ratio = rows[1][1] / engine_ms
    around = sum(ms for _, ms in rows[1:]) / engine_ms
    print(f"\npipeline overhead / engine time = {ratio:.4%} (target < {TARGET:.0%})")
    print(f"with ingest and render          = {around:.4%}")
    return ratio


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("article", nargs="?", type=Path, default=ARTICLE)
    parser.add_argument("--runs", type=int, default=1)
    parser.add_argument("--threads", type=int, default=None, help="llama.cpp threads")
    parser.add_argument("--max-tokens", type=int, default=None, help="default: sized per window")
    parser.add_argument("--concurrency", type=int, default=1)
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(name)s: %(message)s")

    sentences = sum(1 for _ in read_article(args.article).segments())  # also warms the splitter
    with tempfile.TemporaryDirectory() as home, start_llama_server(threads=args.threads) as server:
        settings = Settings(
            engine="openai",
            openai={
                "base_url": server.base_url, "timeout_s": 900,
                "concurrency": args.concurrency, "max_tokens": args.max_tokens,
            },
            data_dir=Path(home), cache_dir=Path(home),
        )  # fmt: skip
        runs = [translate_once(args.article, settings) for _ in range(args.runs)]
    return 0 if report(runs, sentences) < TARGET else 1


if __name__ == "__main__":
    sys.exit(main())
