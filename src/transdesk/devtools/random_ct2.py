"""Random-weight CTranslate2 Transformers in the on-disk layout of quickmt's models.

Model hubs cannot be reached from where the desk is tested, so the engine's tests (a tiny model)
and its benchmark at the real model's size build their models here: SentencePiece vocabularies
trained on a text (specials first, as in quickmt's vocabularies) and a Transformer spec of the
given shape filled with small random numpy weights, converted with CTranslate2's own API.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import numpy as np
import sentencepiece as spm
from ctranslate2.converters import Converter
from ctranslate2.specs import TransformerSpec

SPECIALS = ["<unk>", "<blank>", "<s>", "</s>"]  # as in the vocabularies of quickmt models


@dataclass(frozen=True)
class Shape:
    """A Transformer's size: model width, feed-forward width, heads, (encoder, decoder) layers."""

    d_model: int
    ffn: int
    heads: int
    layers: tuple[int, int]


def train_sentencepiece(
    text: Path,
    prefix: Path,
    vocab_size: int,
    *,
    character_coverage: float = 1.0,
    num_threads: int = 1,
) -> list[str]:
    """Train a unigram model at `prefix`.model; return the model's vocabulary (specials first)."""
    spm.SentencePieceTrainer.train(
        input=str(text),
        model_prefix=str(prefix),
        vocab_size=vocab_size,
        model_type="unigram",
        character_coverage=character_coverage,
        hard_vocab_limit=False,
        num_threads=num_threads,
        minloglevel=2,
    )
    processor = spm.SentencePieceProcessor(model_file=f"{prefix}.model")
    pieces = [processor.id_to_piece(i) for i in range(processor.get_piece_size())]
    return SPECIALS + [p for p in pieces if p not in SPECIALS]


class RandomTransformer(Converter):
    """A Transformer spec of `shape` filled with small random weights."""

    def __init__(
        self, shape: Shape, source_vocab: list[str], target_vocab: list[str], seed: int
    ) -> None:
        self.shape = shape
        self.source_vocab, self.target_vocab = source_vocab, target_vocab
        self.rng = np.random.default_rng(seed)

    def _weights(self, *shape: int) -> np.ndarray:
        return (self.rng.standard_normal(shape) / np.sqrt(shape[-1])).astype(np.float32)

    def _norm(self, spec) -> None:  # type: ignore[no-untyped-def]
        spec.gamma = np.ones(self.shape.d_model, dtype=np.float32)
        spec.beta = np.zeros(self.shape.d_model, dtype=np.float32)

    def _ffn(self, spec) -> None:  # type: ignore[no-untyped-def]
        d_model, ffn = self.shape.d_model, self.shape.ffn
        self._norm(spec.layer_norm)
        spec.linear_0.weight = self._weights(ffn, d_model)
        spec.linear_0.bias = np.zeros(ffn, dtype=np.float32)
        spec.linear_1.weight = self._weights(d_model, ffn)
        spec.linear_1.bias = np.zeros(d_model, dtype=np.float32)

    def _attention(self, spec, cross: bool) -> None:  # type: ignore[no-untyped-def]
        d_model = self.shape.d_model
        self._norm(spec.layer_norm)
        rows = (d_model, 2 * d_model, d_model) if cross else (3 * d_model, d_model)
        for linear, out in zip(spec.linear, rows, strict=True):
            linear.weight = self._weights(out, d_model)
            linear.bias = np.zeros(out, dtype=np.float32)

    def _load(self) -> TransformerSpec:
        d_model = self.shape.d_model
        spec = TransformerSpec.from_config(self.shape.layers, self.shape.heads)
        spec.encoder.embeddings[0].weight = self._weights(len(self.source_vocab), d_model)
        self._norm(spec.encoder.layer_norm)
        for layer in spec.encoder.layer:
            self._attention(layer.self_attention, cross=False)
            self._ffn(layer.ffn)
        spec.decoder.embeddings.weight = self._weights(len(self.target_vocab), d_model)
        self._norm(spec.decoder.layer_norm)
        for layer in spec.decoder.layer:
            self._attention(layer.self_attention, cross=False)
            self._attention(layer.attention, cross=True)
            self._ffn(layer.ffn)
        spec.decoder.projection.weight = self._weights(len(self.target_vocab), d_model)
        spec.decoder.projection.bias = np.zeros(len(self.target_vocab), dtype=np.float32)
        spec.register_source_vocabulary(self.source_vocab)
        spec.register_target_vocabulary(self.target_vocab)
        return spec
