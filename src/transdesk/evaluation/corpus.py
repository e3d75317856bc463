"""The test set an evaluation runs on: source sentences and their human reference translations.

Read from a pair of line-aligned files (line N of the source pairs with line N of the reference) or
from a TMX file (each translation unit with a Korean and an English variant is one pair).
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path

from lxml import etree

from transdesk.errors import InvalidInput

_XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"


@dataclass(frozen=True, slots=True)
class ParallelCorpus:
    """Aligned source sentences and references; `origin` says where they were read from."""

    name: str
    sources: tuple[str, ...]
    references: tuple[str, ...]
    origin: str

    def __post_init__(self) -> None:
        if len(self.sources) != len(self.references):
            raise InvalidInput(
                f"{self.origin}: {len(self.sources)} source sentences but "
                f"{len(self.references)} references",
                hint="line N of the source file must pair with line N of the reference file",
            )

    def __len__(self) -> int:
        return len(self.sources)

    def first(self, limit: int | None) -> ParallelCorpus:
        """The first `limit` pairs (all of them when limit is None)."""
        if limit is None or limit >= len(self):
            return self
        return ParallelCorpus(self.name, self.sources[:limit], self.references[:limit], self.origin)

    def fingerprint(self) -> str:
        digest = hashlib.sha256()
        for source, reference in zip(self.sources, self.references, strict=True):
            digest.update(source.encode() + b"\x00" + reference.encode() + b"\x01")
        return digest.hexdigest()[:16]


def _read_lines(path: Path) -> list[str]:
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise InvalidInput(f"{path} does not exist") from None
    except UnicodeDecodeError as error:
        raise InvalidInput(
            f"{path} is not UTF-8 text ({error.reason} at byte {error.start})"
        ) from None
    lines = text.split("\n")
    if lines and lines[-1] == "":
        lines.pop()
    return [line.rstrip("\r") for line in lines]


def read_line_aligned(source_path: Path, reference_path: Path) -> ParallelCorpus:
    """Read a source file and its reference file, one sentence a line."""
    sources = _read_lines(source_path)
    references = _read_lines(reference_path)
    empty = [n for n, line in enumerate(sources, start=1) if not line.strip()]
    if empty:
        shown = ", ".join(str(n) for n in empty[:10])
        raise InvalidInput(
            f"{source_path}: empty source line(s) at {shown}",
            hint="remove the empty lines from both files, keeping them aligned",
        )
    name = source_path.name.removesuffix(source_path.suffix)
    origin = f"{source_path} + {reference_path}"
    return ParallelCorpus(name, tuple(sources), tuple(references), origin)


def _variant_language(tuv: etree._Element) -> str:
    return (tuv.get(_XML_LANG) or tuv.get("lang") or "").lower()


_NATIVE_CODE = frozenset({"bpt", "ept", "ph", "it", "ut"})  # formatting codes, not text


def _text_without_codes(element: etree._Element) -> str:
    parts = [element.text or ""]
    for child in element:
        if child.tag not in _NATIVE_CODE:
            parts.append(_text_without_codes(child))  # <hi>, <sub>: their text is text
        parts.append(child.tail or "")
    return "".join(parts)


def _segment_text(tuv: etree._Element) -> str | None:
    seg = tuv.find("seg")
    if seg is None:
        return None
    return " ".join(_text_without_codes(seg).split())


def read_tmx(path: Path, source_lang: str = "ko", target_lang: str = "en") -> ParallelCorpus:
    """Read the translation units of a TMX file that have both a source and a target variant."""
    try:
        tree = etree.parse(str(path), etree.XMLParser(resolve_entities=False, no_network=True))
    except OSError:
        raise InvalidInput(f"{path} does not exist or cannot be read") from None
    except etree.XMLSyntaxError as error:
        raise InvalidInput(
            f"{path}: not well-formed XML at line {error.lineno}: {error.msg}"
        ) from None
    sources: list[str] = []
    references: list[str] = []
    for tu in tree.iter("tu"):
        by_language: dict[str, str] = {}
        for tuv in tu.iter("tuv"):
            text = _segment_text(tuv)
            language = _variant_language(tuv).split("-")[0]
            if text and language not in by_language:
                by_language[language] = text
        if source_lang in by_language and target_lang in by_language:
            sources.append(by_language[source_lang])
            references.append(by_language[target_lang])
    if not sources:
        raise InvalidInput(
            f"{path}: no translation unit has both a {source_lang!r} and a {target_lang!r} variant",
            hint="check the xml:lang attributes of the <tuv> elements",
        )
    name = path.name.removesuffix(path.suffix)
    return ParallelCorpus(name, tuple(sources), tuple(references), str(path))
