"""The articles of a batch: the lines of a JSON Lines file, or the article files of a folder.

Each `BatchItem` keeps its place in the input (`line`: the line number in the file, or the position
of the file in the folder's sorted listing) and the key the output is checked against (`key`: the
line number, or the file name for a folder), so a rerun recognises what is already done. Blank
lines are not articles and are skipped, but they keep the numbering of the lines after them.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from transdesk.errors import InvalidInput

FOLDER_SUFFIXES = {".json": "json", ".md": "md", ".markdown": "md", ".html": "html", ".htm": "html"}


@dataclass(frozen=True)
class BatchItem:
    """One article of the batch, as read (it is parsed where it is translated)."""

    line: int  # 1-based line number (JSON Lines) or position in the folder
    key: str  # what identifies it in the output: the line number, or the file name
    data: bytes  # the article as read (checked and decoded by `transdesk.ingest`)
    format: str  # json, md or html
    file: str | None = None  # the file name, for a folder
    slug_hint: str | None = None  # the slug the input asks for (JSON "slug", else the file name)


def read_items(source: Path) -> Iterator[BatchItem]:
    """The articles of `source`: a folder (every .json/.md/.html file, by name) or a JSONL file."""
    if source.is_dir():
        yield from _folder_items(source)
    elif source.is_file():
        yield from _jsonl_items(source)
    else:
        raise InvalidInput(f"{source}: no such file or folder")


def _jsonl_items(path: Path) -> Iterator[BatchItem]:
    try:
        handle = path.open("rb")
    except OSError as error:
        raise InvalidInput(f"{path}: cannot read it ({error.strerror or error})") from None
    with handle:
        for number, raw in enumerate(handle, start=1):
            data = raw.rstrip(b"\n").rstrip(b"\r")
            if not data.strip():
                continue
            yield BatchItem(line=number, key=str(number), data=data, format="json",
                            slug_hint=_json_slug(data))  # fmt: skip


def _json_slug(raw: bytes) -> str | None:
    """The slug a JSON article asks for, if it is readable enough to say (else None)."""
    try:
        data = json.loads(raw.decode("utf-8", errors="replace"))
    except ValueError:
        return None
    slug = data.get("slug") if isinstance(data, dict) else None
    return slug if isinstance(slug, str) else None


def _folder_items(folder: Path) -> Iterator[BatchItem]:
    files = sorted(
        p for p in folder.iterdir() if p.is_file() and p.suffix.lower() in FOLDER_SUFFIXES
    )
    for position, path in enumerate(files, start=1):
        try:
            data = path.read_bytes()
        except OSError as error:
            raise InvalidInput(f"{path}: cannot read it ({error.strerror or error})") from None
        fmt = FOLDER_SUFFIXES[path.suffix.lower()]
        slug = _json_slug(data) if fmt == "json" else None
        yield BatchItem(line=position, key=path.name, data=data, format=fmt, file=path.name,
                        slug_hint=slug or path.stem)  # fmt: skip


def key_of(record: dict[str, object]) -> str | None:
    """The key of an output line (see `BatchItem.key`), or None if it has none."""
    if isinstance(record.get("file"), str):
        return str(record["file"])
    line = record.get("line")
    return str(line) if isinstance(line, int) else None
