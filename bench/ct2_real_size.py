"""The `ct2` engine at quickmt-ko-en's real size: decoding settings, and the pipeline beside it.

    python bench/ct2_real_size.py [--cache DIR] [--sentences N] [--rounds N] [--only NAME ...]

Builds (once, into `--cache`) a CTranslate2 model with random weights and exactly the architecture
of quickmt/quickmt-ko-en as its model card describes it: a Transformer "big" (d_model 1024, 16
heads, FFN 4096) with 8 encoder and 2 decoder layers and 20k-entry source and target SentencePiece
vocabularies, saved with int8 weights in the layout the real model ships. The SentencePiece models
are trained on the Korean and English halves of `korean-english-park.test`; the sentences measured
are held-out Korean news sentences from `korean-english-park.dev.ko`.

Random weights would stop or ramble at will, so every decode is forced to a realistic length:
min = max decoding length = ceil(1.3 x the longest source in the batch). Throughput counts the
tokens a real model would have produced (ceil(1.3 x each source)), so padding a short sentence up
to the longest of its batch costs time and earns nothing.

Part 1 measures sentences/s and tokens/s for compute types, beam sizes, batch sizes, batches cut by
examples or by tokens, and inter x intra thread splits when two jobs translate at once. Batches are
cut the way the engine cuts them (sorted by length, one `translate_batch` call per batch). Every
round runs every setting once, in a rotated order, and each setting's ratio to the engine's
defaults (`Ct2Options`) is taken within the round, so all settings see the same machine load.

Part 2 translates `bench/data/busan-port-automation.md` with the desk's pipeline
(`build_pipeline`, as `transdesk translate` builds it) on this model with the engine's defaults, and
reports the pipeline's own time as a share of the engine's (target < 2%), in wall-clock seconds and
in the CPU seconds the pipeline's thread spent outside the engine call (`PipelineTimings`), which
other work on shared cores sways far less. Every run builds its pipeline anew, and before each one
`forget_memos` empties the sentence analyses (`transdesk.qa.morph.clear_caches`) and every
`functools` memo with arguments in the loaded `transdesk` modules (per sentence, word or term):
the runs translate the same article, and a memo filled by the warm-up (or by the run before)
would let a counted run skip work that a new article pays for. Memos without arguments (the
Kiwi analyser, the settings, the shipped lexicon) stay, as they do in a running desk; so do the
model and the compiled patterns. Each counted run thus pays at least what a new article pays.
"""

from __future__ import annotations

import argparse
import dataclasses
import inspect
import json
import logging
import math
import random
import shutil
import statistics
import sys
import tempfile
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import ctranslate2
import sentencepiece as spm

from transdesk.assembly import build_pipeline
from transdesk.devtools.random_ct2 import RandomTransformer, Shape, train_sentencepiece
from transdesk.engines.ct2_options import Ct2Options
from transdesk.ingest import read_article
from transdesk.qa import morph
from transdesk.settings import Settings

log = logging.getLogger("ct2_real_size")

HERE = Path(__file__).resolve().parent
CORPUS = Path("/work/shared/data/ko-en-news")
ARTICLE = HERE / "data" / "busan-port-automation.md"
DEFAULT_CACHE = Path(tempfile.gettempdir()) / "transdesk-ct2-real-size"
TARGET = 0.02

# quickmt/quickmt-ko-en (model card): transformer "big", 8 encoder + 2 decoder layers, 20k vocabs
D_MODEL, FFN, HEADS, LAYERS, VOCAB = 1024, 4096, 16, (8, 2), 20_000
QUICKMT = Shape(d_model=D_MODEL, ffn=FFN, heads=HEADS, layers=LAYERS)
SPM_VOCAB = 8000  # what 2000 training sentences support; the vocabularies are filled up to 20k
LENGTH_RATIO = 1.3
SEED = 20251202


# --- the model --------------------------------------------------------------------------------


def vocabulary(text: Path, prefix: Path) -> list[str]:
    """A unigram model at `prefix`.model; its pieces filled up to VOCAB entries, specials first."""
    pieces = train_sentencepiece(
        text, prefix, SPM_VOCAB, character_coverage=0.9995, num_threads=2
    )
    return pieces + [f"<filler_{i}>" for i in range(VOCAB - len(pieces))]


def build_model(cache: Path) -> Path:
    """The model directory under `cache`, built on the first call (a few minutes on 2 cores)."""
    model_dir = cache / "quickmt-ko-en-random"
    if (model_dir / "model.bin").exists():
        return model_dir
    work = cache / "work"
    shutil.rmtree(work, ignore_errors=True)
    work.mkdir(parents=True)
    started = time.perf_counter()
    source = vocabulary(CORPUS / "korean-english-park.test.ko", work / "src.spm")
    target = vocabulary(CORPUS / "korean-english-park.test.en", work / "tgt.spm")
    partial = cache / "partial"
    shutil.rmtree(partial, ignore_errors=True)
    RandomTransformer(QUICKMT, source, target, SEED).convert(str(partial), quantization="int8")
    for side in ("src", "tgt"):
        shutil.copy(work / f"{side}.spm.model", partial / f"{side}.spm.model")
    partial.rename(model_dir)
    shutil.rmtree(work)
    size = (model_dir / "model.bin").stat().st_size / 2**20
    log.info("built %s (%.0f MiB) in %.0f s", model_dir, size, time.perf_counter() - started)
    return model_dir


def describe(model_dir: Path) -> str:
    vocab = [
        len(json.loads((model_dir / f"{side}_vocabulary.json").read_text()))
        for side in ("source", "target")
    ]
    params = (
        LAYERS[0] * (4 * D_MODEL**2 + 2 * D_MODEL * FFN)
        + LAYERS[1] * (8 * D_MODEL**2 + 2 * D_MODEL * FFN)
        + (vocab[0] + 2 * vocab[1]) * D_MODEL
    )
    size = (model_dir / "model.bin").stat().st_size / 2**20
    return (
        f"model: {LAYERS[0]}+{LAYERS[1]} layers, d_model {D_MODEL}, {HEADS} heads, FFN {FFN}, "
        f"vocabularies {vocab[0]}/{vocab[1]}, ~{params / 1e6:.0f}M weights, "
        f"model.bin {size:.0f} MiB"
    )


# --- the settings measured ----------------------------------------------------------------------


@dataclass(frozen=True)
class Setting:
    name: str
    compute_type: str
    beam_size: int
    batch_size: int  # sentences per batch, at most
    batch_tokens: int = 0  # padded pieces (sentences x longest) per batch, at most; 0: no limit
    inter_threads: int = 1
    intra_threads: int = 0
    jobs: int = 1  # requests translated at once, from as many threads, on one translator

    @property
    def translator_key(self) -> tuple[str, int, int]:
        return (self.compute_type, self.inter_threads, self.intra_threads)

    @property
    def baseline(self) -> str:
        return "default x2 jobs" if self.jobs == 2 else "default"


def settings_measured(defaults: Ct2Options) -> list[Setting]:
    """The engine's defaults, then one change at a time (and two-job runs against two-job ones)."""
    base = Setting(
        "default", defaults.compute_type, defaults.beam_size, defaults.batch_size,
        batch_tokens=defaults.batch_tokens, inter_threads=defaults.inter_threads,
        intra_threads=defaults.threads,
    )  # fmt: skip
    old = Setting("old default (int8 b4 16 1x0)", "int8", 4, 16)
    rows = [base] + ([old] if dataclasses.replace(old, name="default") != base else [])
    rows += [
        dataclasses.replace(old, name="int8_float32", compute_type="int8_float32"),
        dataclasses.replace(old, name="beam 1", beam_size=1),
        dataclasses.replace(old, name="beam 1, batch 32", beam_size=1, batch_size=32),
    ]
    rows += [dataclasses.replace(old, name=f"batch {n}", batch_size=n) for n in (1, 8, 32)]
    rows += [
        dataclasses.replace(old, name=f"batch {n} tokens", batch_size=1024, batch_tokens=n)
        for n in (512, 1024)
    ]
    two = dataclasses.replace(base, jobs=2)
    rows += [
        dataclasses.replace(two, name="default x2 jobs"),
        dataclasses.replace(two, name="1x2 threads x2 jobs", inter_threads=1, intra_threads=2),
        dataclasses.replace(two, name="2x1 threads x2 jobs", inter_threads=2, intra_threads=1),
    ]
    return rows


# --- measuring ------------------------------------------------------------------------------


def forced_length(batch: list[list[str]]) -> int:
    return math.ceil(LENGTH_RATIO * max(map(len, batch)))


def batches(sources: list[list[str]], setting: Setting) -> Iterator[list[list[str]]]:
    """Sorted by length and cut as the engine cuts them: by sentences and by padded pieces."""
    ordered = sorted(sources, key=len)
    batch: list[list[str]] = []
    for source in ordered:
        count = len(batch) + 1
        fits = count <= setting.batch_size and (
            not setting.batch_tokens or count * len(source) <= setting.batch_tokens
        )
        if batch and not fits:
            yield batch
            batch = []
        batch.append(source)
    if batch:
        yield batch


def translate_job(translator: ctranslate2.Translator, sources: list[list[str]], setting: Setting):
    for batch in batches(sources, setting):
        length = forced_length(batch)
        translator.translate_batch(
            batch, max_batch_size=len(batch), beam_size=setting.beam_size, length_penalty=1.0,
            return_scores=True, min_decoding_length=length, max_decoding_length=length,
        )  # fmt: skip


def measure(
    translator: ctranslate2.Translator, sources: list[list[str]], setting: Setting
) -> tuple[float, float]:
    """(wall, CPU) seconds to translate `sources`, split over `setting.jobs` concurrent jobs.

    CPU seconds (this process, all its threads) are less swayed by other users of shared cores
    than wall seconds, but do not show what threads run in parallel."""
    started, cpu_started = time.perf_counter(), time.process_time()
    if setting.jobs == 1:
        translate_job(translator, sources, setting)
    else:
        shares = [sources[i :: setting.jobs] for i in range(setting.jobs)]
        workers = [
            threading.Thread(target=translate_job, args=(translator, share, setting))
            for share in shares
        ]
        for worker in workers:
            worker.start()
        for worker in workers:
            worker.join()
    return time.perf_counter() - started, time.process_time() - cpu_started


def load_sources(model_dir: Path, count: int) -> list[list[str]]:
    lines = [
        line.strip()
        for line in (CORPUS / "korean-english-park.dev.ko").read_text(encoding="utf-8").splitlines()
        if line.strip()
    ]
    chosen = random.Random(SEED).sample(lines, min(count, len(lines)))
    processor = spm.SentencePieceProcessor(model_file=str(model_dir / "src.spm.model"))
    return [processor.encode(line, out_type=str) for line in chosen]


def run_grid(model_dir: Path, rows: list[Setting], sentences: int, rounds: int) -> None:
    sources = load_sources(model_dir, sentences)
    lengths = [len(s) for s in sources]
    useful = sum(math.ceil(LENGTH_RATIO * n) for n in lengths)
    print(
        f"{len(sources)} sentences, source pieces mean {statistics.mean(lengths):.1f} "
        f"(min {min(lengths)}, max {max(lengths)}); {useful} target tokens counted; "
        f"{rounds} round(s)"
    )
    translators: dict[tuple[str, int, int], ctranslate2.Translator] = {}
    for row in rows:
        if row.translator_key not in translators:
            compute_type, inter, intra = row.translator_key
            translators[row.translator_key] = ctranslate2.Translator(
                str(model_dir), device="cpu", compute_type=compute_type,
                inter_threads=inter, intra_threads=intra,
            )  # fmt: skip
    warm = sources[:2]
    for row in rows:  # warm every translator and code path once
        measure(translators[row.translator_key], warm, row)
    seconds: dict[str, list[float]] = {row.name: [] for row in rows}
    cpu: dict[str, list[float]] = {row.name: [] for row in rows}
    for round_no in range(rounds):
        order = rows[round_no % len(rows) :] + rows[: round_no % len(rows)]
        for row in order:
            elapsed, cpu_s = measure(translators[row.translator_key], sources, row)
            seconds[row.name].append(elapsed)
            cpu[row.name].append(cpu_s)
            log.info("round %d %-32s %.2f s (cpu %.2f s)", round_no + 1, row.name, elapsed, cpu_s)
    print(
        f"\n{'setting':32} {'vs':16} {'sent/s':>8} {'tok/s':>8} {'ratio':>7} {'cpu':>6}  "
        "ratios per round"
    )
    for row in rows:
        mine, base = seconds[row.name], seconds[row.baseline]
        ratios = [b / m for m, b in zip(mine, base, strict=True)]
        cpu_ratios = [b / m for m, b in zip(cpu[row.name], cpu[row.baseline], strict=True)]
        median_s = statistics.median(mine)
        print(
            f"{row.name:32} {row.baseline:16} {len(sources) / median_s:8.2f} "
            f"{useful / median_s:8.1f} {statistics.median(ratios):7.2f} "
            f"{statistics.median(cpu_ratios):6.2f}  {' '.join(f'{r:.2f}' for r in ratios)}"
        )
    print(
        "ratio: throughput over the baseline's in the same round (>1 is faster), median; "
        "cpu: the same in CPU seconds"
    )


# --- the pipeline beside the engine ---------------------------------------------------------------


class ForcedLength:
    """A translator whose decodes run to 1.3 x the longest source, as a real model's would."""

    def __init__(self, translator: ctranslate2.Translator) -> None:
        self.translator = translator

    def translate_batch(self, sources, **options):
        length = forced_length(sources)
        options.update(min_decoding_length=length, max_decoding_length=length)
        return self.translator.translate_batch(sources, **options)

    def unload_model(self) -> None:
        self.translator.unload_model()


def forget_memos() -> int:
    """Empty the sentence analyses and every memo with arguments in the loaded transdesk
    modules; how many memos were emptied."""
    morph.clear_caches()
    emptied = 1
    for name, module in list(sys.modules.items()):
        if module is None or not (name == "transdesk" or name.startswith("transdesk.")):
            continue
        for value in list(vars(module).values()):
            if not (callable(getattr(value, "cache_clear", None)) and hasattr(value, "cache_info")):
                continue
            wrapped = getattr(value, "__wrapped__", None)
            if wrapped is None or not inspect.signature(wrapped).parameters:
                continue  # a process-wide resource (the analyser, the settings), not a memo
            value.cache_clear()
            emptied += 1
    return emptied


def run_pipeline(model_dir: Path, runs: int) -> float:
    sentences = sum(1 for _ in read_article(ARTICLE).segments())
    engine_s, overhead_s, overhead_cpu_s = [], [], []
    with tempfile.TemporaryDirectory() as home:
        settings = Settings(
            ct2={"model": str(model_dir)}, data_dir=Path(home), cache_dir=Path(home)
        )
        # one pipeline for every run, as a desk builds it once at start (with its model, its
        # revision and its termbase loaded); each article then pays only what an article pays
        pipeline = build_pipeline(settings)
        with pipeline:
            engine = pipeline.engine
            loaded = engine.load()
            engine._loaded = dataclasses.replace(loaded, translator=ForcedLength(loaded.translator))
            for _ in range(runs + 1):  # the first run warms up and is not counted
                forget_memos()  # each run pays what a new article pays
                pipeline.translate(read_article(ARTICLE))
                timings = pipeline.last_timings
                engine_s.append(timings.engine_s)
                overhead_s.append(timings.overhead_s)
                overhead_cpu_s.append(timings.overhead_cpu_s or 0.0)
    engine_med, overhead_med = statistics.median(engine_s[1:]), statistics.median(overhead_s[1:])
    cpu_med = statistics.median(overhead_cpu_s[1:])
    options = settings.ct2
    print(
        f"\npipeline on {ARTICLE.name}: {sentences} sentences, {runs} run(s) after a warm-up, "
        f"engine defaults {options.compute_type}, beam {options.beam_size}, batch "
        f"{options.batch_size} sentences / {options.batch_tokens or 'any'} tokens, threads "
        f"{options.inter_threads}x{options.threads}"
    )
    rows = (
        ("engine call", engine_med),
        ("pipeline overhead", overhead_med),
        ("overhead CPU", cpu_med),
    )
    for part, seconds in rows:
        print(f"{part:18} {seconds:8.3f} s  ({seconds / sentences * 1000:8.2f} ms/sentence)")
    ratio = overhead_med / engine_med
    print(f"pipeline overhead / engine time = {ratio:.3%} (target < {TARGET:.0%})")
    print(
        f"overhead CPU / engine time = {cpu_med / engine_med:.3%} (the CPU the pipeline's thread "
        "spent outside the engine call: less swayed than wall time by other work on the cores)"
    )
    print(
        f"best of the counted runs: overhead {min(overhead_s[1:]):.3f} s wall, "
        f"{min(overhead_cpu_s[1:]):.3f} s CPU; engine {min(engine_s[1:]):.3f} s; overhead CPU "
        f"by run {', '.join(f'{s:.3f}' for s in overhead_cpu_s[1:])}"
    )
    return ratio


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--cache", type=Path, default=DEFAULT_CACHE)
    parser.add_argument("--sentences", type=int, default=64)
    parser.add_argument("--rounds", type=int, default=2)
    parser.add_argument("--only", nargs="*", help="settings to measure (beside the baselines)")
    parser.add_argument("--pipeline-runs", type=int, default=2)
    parser.add_argument("--skip-grid", action="store_true")
    parser.add_argument("--skip-pipeline", action="store_true")
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(name)s: %(message)s")
    for noisy in ("transdesk", "alembic"):
        logging.getLogger(noisy).setLevel(logging.WARNING)

    model_dir = build_model(args.cache)
    print(describe(model_dir), f"ctranslate2 {ctranslate2.__version__}")
    status = 0
    if not args.skip_grid:
        rows = settings_measured(Ct2Options())
        if args.only:
            keep = {"default", "default x2 jobs", *args.only}
            rows = [r for r in rows if r.name in keep]
            if not any(r.jobs == 2 and r.name != "default x2 jobs" for r in rows):
                rows = [r for r in rows if r.name != "default x2 jobs"]
        run_grid(model_dir, rows, args.sentences, args.rounds)
    if not args.skip_pipeline:
        status = 0 if run_pipeline(model_dir, args.pipeline_runs) < TARGET else 1
    return status


if __name__ == "__main__":
    sys.exit(main())
