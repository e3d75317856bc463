"""The `ct2` engine: a CTranslate2 + SentencePiece seq2seq model (default quickmt/quickmt-ko-en).

Sentence in, sentence out. Requests that share the same forbidden renderings (`suppress`) are
decoded together with those renderings as `suppress_sequences`; within a group requests are sorted
by length and cut into batches of at most `batch_size` sentences and, when `batch_tokens` is set,
at most that many pieces counted padded (sentences x the longest), so that short sentences are not
padded out to a long one's length; progress is reported after each batch. The score of a
hypothesis is CTranslate2's length-normalised log-probability (length_penalty 1). The model is
loaded on first use and released by `close()`; `inter_threads` translations may run at once
(overlapping jobs), each on `threads` threads.
"""

from __future__ import annotations

import hashlib
import logging
import threading
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

import ctranslate2

from transdesk.engines.base import (
    ArticleContext,
    Engine,
    EngineCapabilities,
    Hypothesis,
    ProgressCallback,
    SegmentRequest,
)
from transdesk.engines.ct2_pieces import PLACEHOLDER, PieceCodec
from transdesk.engines.models import (
    ModelFiles,
    is_hub_name,
    model_files,
    read_manifest,
    resolve_model,
)
from transdesk.errors import EngineUnavailable
from transdesk.settings import Settings

log = logging.getLogger(__name__)

MAX_DECODING_LENGTH = 512
HASHED_FILES = ("config.json", "model.bin")


@dataclass(frozen=True, slots=True)
class _LoadedModel:
    translator: ctranslate2.Translator
    codec: PieceCodec


def _fingerprint(directory: Path) -> str:
    """A content hash of a model directory that has no hub revision (a local `--model PATH`)."""
    digest = hashlib.sha256()
    for path in sorted(directory.iterdir()):
        if path.is_file() and (path.name in HASHED_FILES or path.suffix in (".json", ".model")):
            digest.update(path.name.encode())
            with path.open("rb") as handle:
                while chunk := handle.read(1 << 20):
                    digest.update(chunk)
    return f"sha256:{digest.hexdigest()[:16]}"


class Ct2Engine(Engine):
    name = "ct2"
    capabilities = EngineCapabilities(keeps_placeholders=True)

    def __init__(
        self,
        model: str,
        settings: Settings,
        *,
        device: str = "cpu",
        compute_type: str = "int8",
        beam_size: int = 4,
        batch_size: int = 8,
        batch_tokens: int = 512,
        threads: int = 0,
        inter_threads: int = 1,
    ) -> None:
        self.model = model
        self.settings = settings
        self.device, self.compute_type = device, compute_type
        self.beam_size, self.batch_size, self.batch_tokens = beam_size, batch_size, batch_tokens
        self.threads, self.inter_threads = threads, inter_threads
        self._directory: Path | None = None
        self._loaded: _LoadedModel | None = None
        self._revision: str | None = None
        self._lock = threading.Lock()

    # --- loading ----------------------------------------------------------------------------

    @property
    def directory(self) -> Path:
        """The model directory (resolving a hub name may download it, or fail fast offline)."""
        if self._directory is None:
            self._directory = resolve_model(self.model, self.settings)
        return self._directory

    @property
    def loaded(self) -> bool:
        return self._loaded is not None

    def load(self) -> _LoadedModel:
        """Load the model now rather than on the first translation (fails early when it cannot).

        The revision is settled here too: for a local model directory it is a hash of the model
        files (a fraction of a second for quickmt-ko-en's 190 MiB), paid with the load rather
        than by the first article's signature, and it names the files that were loaded."""
        with self._lock:
            if self._loaded is None:
                self._loaded = self._load(model_files(self.directory))
                self.revision()
            return self._loaded

    def _load(self, files: ModelFiles) -> _LoadedModel:
        codec = PieceCodec(files)
        try:
            translator = ctranslate2.Translator(
                str(files.directory),
                device=self.device,
                compute_type=self.compute_type,
                inter_threads=self.inter_threads,
                intra_threads=self.threads,
            )
        except (RuntimeError, ValueError) as error:
            raise EngineUnavailable(
                f"CTranslate2 cannot load the model in {files.directory} on {self.device} "
                f"with compute type {self.compute_type}: {error}",
                hint="check --device/--compute-type (int8 works on every CPU), or pull the "
                "model again with `transdesk models pull NAME --force`",
            ) from error
        log.info("loaded %s from %s on %s", self.model, files.directory, self.device)
        return _LoadedModel(translator, codec)

    def close(self) -> None:
        with self._lock:
            if self._loaded is not None:
                self._loaded.translator.unload_model()
            self._loaded = None

    # --- translating ------------------------------------------------------------------------

    def translate(
        self,
        requests: Sequence[SegmentRequest],
        context: ArticleContext,
        progress: ProgressCallback | None = None,
    ) -> list[Hypothesis]:
        model = self.load()
        pieces = [model.codec.encode_source(r.text, r.placeholders) for r in requests]
        results: dict[int, Hypothesis] = {}
        for suppress, batch in self._batches(requests, pieces):
            sources = [pieces[i] for i in batch]
            hypotheses = self._translate_batch(
                model, [requests[i] for i in batch], sources, suppress
            )
            results.update(zip(batch, hypotheses, strict=True))
            if progress is not None:
                progress(len(batch))
        return [results[i] for i in range(len(requests))]

    def _batches(
        self, requests: Sequence[SegmentRequest], pieces: list[list[str]]
    ) -> Iterator[tuple[tuple[str, ...], list[int]]]:
        """(suppress set, indices) per batch: grouped by suppress set, sorted by length, cut by
        `batch_size` sentences and `batch_tokens` padded pieces (a longer sentence goes alone)."""
        groups: dict[tuple[str, ...], list[int]] = {}
        for index, request in enumerate(requests):
            groups.setdefault(tuple(sorted(set(request.suppress))), []).append(index)
        for suppress, indices in groups.items():
            indices.sort(key=lambda i: len(pieces[i]))
            batch: list[int] = []
            for index in indices:
                if batch and not self._fits(len(batch) + 1, len(pieces[index])):
                    yield suppress, batch
                    batch = []
                batch.append(index)
            if batch:
                yield suppress, batch

    def _fits(self, sentences: int, longest: int) -> bool:
        """Whether a batch of `sentences`, the longest `longest` pieces, is within the limits."""
        if sentences > self.batch_size:
            return False
        return not self.batch_tokens or sentences * longest <= self.batch_tokens

    def _translate_batch(
        self,
        model: _LoadedModel,
        requests: list[SegmentRequest],
        sources: list[list[str]],
        suppress: tuple[str, ...],
    ) -> list[Hypothesis]:
        """One hypothesis per request; a segment with no pieces fails without reaching the model."""
        todo = [i for i, source in enumerate(sources) if source]
        try:
            results = self._decode(model, [sources[i] for i in todo], suppress)
        except RuntimeError as error:  # e.g. out of memory: these segments fail, the rest go on
            log.warning("CTranslate2 failed on a batch of %d segments: %s", len(todo), error)
            return [Hypothesis(r.segment_id, None, error=f"ctranslate2: {error}") for r in requests]
        outputs = dict(zip(todo, results, strict=True))
        return [
            self._hypothesis(model, request, sources[i], outputs[i])
            if i in outputs
            else Hypothesis(request.segment_id, None, error="nothing to translate")
            for i, request in enumerate(requests)
        ]

    def _decode(
        self, model: _LoadedModel, sources: list[list[str]], suppress: tuple[str, ...]
    ) -> list[ctranslate2.TranslationResult]:
        if not sources:
            return []
        sequences = model.codec.suppress_sequences(suppress) if suppress else None
        with_placeholders = any(PLACEHOLDER.search(p) for source in sources for p in source)
        return model.translator.translate_batch(
            sources,
            max_batch_size=self.batch_size,
            beam_size=self.beam_size,
            length_penalty=1.0,
            return_scores=True,
            return_attention=with_placeholders,
            suppress_sequences=sequences or None,
            max_decoding_length=min(MAX_DECODING_LENGTH, 3 * max(map(len, sources)) + 32),
        )

    @staticmethod
    def _hypothesis(
        model: _LoadedModel,
        request: SegmentRequest,
        source: list[str],
        result: ctranslate2.TranslationResult,
    ) -> Hypothesis:
        tokens = result.hypotheses[0] if result.hypotheses else []
        attention = result.attention[0] if result.attention else None
        text = model.codec.decode_target(tokens, source, attention)
        score = float(result.scores[0]) if result.scores else None
        if not text:
            return Hypothesis(request.segment_id, None, score, error="the model produced no text")
        return Hypothesis(request.segment_id, text, score)

    # --- provenance -------------------------------------------------------------------------

    def revision(self) -> str:
        """The hub revision of a pulled model, else a hash of the model files."""
        if self._revision is None:
            manifest = read_manifest(self.directory)
            self._revision = manifest.get("revision") or _fingerprint(self.directory)
        return self._revision

    def signature(self) -> dict[str, object]:
        return {
            "engine": self.name,
            "model": self.model if is_hub_name(self.model) else Path(self.model).name,
            "model_revision": self.revision(),
            "beam_size": self.beam_size,
            "device": self.device,
            "compute_type": self.compute_type,
            "ctranslate2": ctranslate2.__version__,
        }


def from_settings(settings: Settings) -> Ct2Engine:
    """Registry factory for `ct2`: its options are `settings.ct2`."""
    options = settings.ct2
    return Ct2Engine(
        options.model,
        settings,
        device=options.device,
        compute_type=options.compute_type,
        beam_size=options.beam_size,
        batch_size=options.batch_size,
        batch_tokens=options.batch_tokens,
        threads=options.threads,
        inter_threads=options.inter_threads,
    )
