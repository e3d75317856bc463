"""SentencePiece pieces in and out of a CTranslate2 seq2seq model, placeholders kept whole.

Placeholders (`⟦T0⟧`, put in by the termbase stage where an approved term goes) must come back
verbatim. SentencePiece would cut `⟦T0⟧` into characters, most of them unknown to a model such as
quickmt-ko-en, so the source text is split around each placeholder: the text between placeholders
is encoded by SentencePiece, and each placeholder goes in as one piece of its own (`▁⟦T0⟧` when a
space precedes it). If the vocabulary has that piece the model sees it as such; otherwise the model
sees an unknown token. On the way out a placeholder piece in the output is kept as it is, and an
unknown output token whose strongest source attention falls on a placeholder piece becomes that
placeholder; any other unknown token is dropped. Text that ends up without one of its placeholders
is left for the termbase stage to flag; it is never patched with source text here.
"""

from __future__ import annotations

import json
import re
from collections.abc import Sequence
from pathlib import Path

import sentencepiece as spm

from transdesk.engines.models import ModelFiles

SPACE = "▁"  # SentencePiece's word-boundary mark
UNK = "<unk>"
PLACEHOLDER = re.compile(r"⟦[^⟦⟧\s]{1,24}⟧")
PLACEHOLDER_PIECE = re.compile(rf"{SPACE}?({PLACEHOLDER.pattern})")


def read_vocabulary(path: Path) -> frozenset[str]:
    if path.suffix == ".json":
        return frozenset(json.loads(path.read_text(encoding="utf-8")))
    return frozenset(line.rstrip("\n") for line in path.open(encoding="utf-8"))


def _placeholder_pattern(placeholders: Sequence[str]) -> re.Pattern[str]:
    if not placeholders:
        return PLACEHOLDER
    explicit = "|".join(re.escape(p) for p in sorted(placeholders, key=len, reverse=True))
    return re.compile(f"{explicit}|{PLACEHOLDER.pattern}")


def placeholder_of(piece: str) -> str | None:
    match = PLACEHOLDER_PIECE.fullmatch(piece)
    return match.group(1) if match else None


class PieceCodec:
    """Encode Korean source text and English phrases into model pieces; decode model output."""

    def __init__(self, files: ModelFiles) -> None:
        self.source = spm.SentencePieceProcessor(model_file=str(files.source_spm))
        self.target = spm.SentencePieceProcessor(model_file=str(files.target_spm))
        self.source_vocabulary = read_vocabulary(files.source_vocabulary)
        self.target_vocabulary = read_vocabulary(files.target_vocabulary)

    def _encode_chunk(self, chunk: str, glued: bool) -> list[str]:
        """Encode text between placeholders; `glued` when it directly follows a placeholder (as a
        Korean particle does: `⟦T0⟧는`), so it must not start a new word."""
        if not chunk.strip():
            return []
        pieces: list[str] = self.source.encode(chunk, out_type=str)
        if glued and pieces and pieces[0].startswith(SPACE):
            if pieces[0] == SPACE:
                pieces = pieces[1:]
            elif pieces[0][1:] in self.source_vocabulary:
                pieces[0] = pieces[0][1:]
        return pieces

    def encode_source(self, text: str, placeholders: Sequence[str] = ()) -> list[str]:
        pieces: list[str] = []
        position = 0
        for match in _placeholder_pattern(placeholders).finditer(text):
            chunk = text[position : match.start()]
            pieces += self._encode_chunk(chunk, glued=position > 0 and not chunk[:1].isspace())
            spaced = match.start() == 0 or text[match.start() - 1].isspace()
            pieces.append(f"{SPACE}{match.group()}" if spaced else match.group())
            position = match.end()
        rest = text[position:]
        pieces += self._encode_chunk(rest, glued=position > 0 and not rest[:1].isspace())
        return pieces

    def suppress_sequences(self, renderings: Sequence[str]) -> list[list[str]]:
        """Target piece sequences for English renderings the decoder must not produce: each as it
        reads inside a sentence (`▁Moon ▁Jae ...`) and, where the vocabulary allows, glued to what
        precedes it (after an opening quote). Sequences the model cannot produce are left out."""
        sequences: list[list[str]] = []
        for rendering in dict.fromkeys(r.strip() for r in renderings if r.strip()):
            pieces: list[str] = self.target.encode(rendering, out_type=str)
            variants = [pieces]
            if pieces[0].startswith(SPACE) and pieces[0][1:] in self.target_vocabulary:
                variants.append([pieces[0][1:], *pieces[1:]])
            for variant in variants:
                if all(p in self.target_vocabulary for p in variant) and variant not in sequences:
                    sequences.append(variant)
        return sequences

    def decode_target(
        self,
        pieces: Sequence[str],
        source_pieces: Sequence[str] = (),
        attention: Sequence[Sequence[float]] | None = None,
    ) -> str:
        parts: list[str] = []
        run: list[str] = []

        def flush() -> None:
            if run:
                text = self.target.decode(run)
                spaced = bool(parts) and run[0].startswith(SPACE)
                parts.append(f" {text}" if spaced else text)
                run.clear()

        for index, piece in enumerate(pieces):
            placeholder = placeholder_of(piece)
            if piece == UNK:
                placeholder = self._attended_placeholder(index, source_pieces, attention)
                if placeholder is None:
                    continue
            if placeholder is None:
                run.append(piece)
                continue
            flush()
            parts.append(f" {placeholder}" if parts else placeholder)
        flush()
        return "".join(parts).strip()

    @staticmethod
    def _attended_placeholder(
        index: int, source_pieces: Sequence[str], attention: Sequence[Sequence[float]] | None
    ) -> str | None:
        if not attention or index >= len(attention) or not attention[index]:
            return None
        weights = attention[index]
        strongest = max(
            range(min(len(weights), len(source_pieces))), key=weights.__getitem__, default=None
        )
        return None if strongest is None else placeholder_of(source_pieces[strongest])
