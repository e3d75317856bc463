"""Reading a TMX or TBX file someone hands the desk: capped in size, and refused outright when it
declares entities.

Exchange files never need `<!ENTITY …>`: an external one (`SYSTEM "file:///etc/passwd"`) asks the
reader to fetch a file or URL, an internal one can expand into gigabytes. The XML parser would
drop them silently and import what is left, so they are refused here, with the line, before
parsing. A plain `<!DOCTYPE tmx SYSTEM "tmx14.dtd">`, which many tools write, is fine (the DTD is
never loaded).
"""

from __future__ import annotations

import re
from pathlib import Path

from transdesk.errors import InvalidInput

_ENTITY = re.compile(rb"<!\s*ENTITY\s+(%\s*)?[^\s>]+\s+(SYSTEM|PUBLIC)?", re.IGNORECASE)
LIMIT_SETTING = "TRANSDESK_MAX_IMPORT_BYTES"


def read_exchange_file(path: Path | str, *, kind: str, max_bytes: int) -> bytes:
    """The bytes of a `kind` ("TMX", "TBX") file, or `InvalidInput` saying why not."""
    path = Path(path)
    try:
        size = path.stat().st_size
        if size > max_bytes:
            raise InvalidInput(
                f"{path} is {size:,} bytes, over the {max_bytes:,}-byte limit for {kind} "
                "imports; nothing was imported",
                hint=f"split the file, or raise {LIMIT_SETTING}",
            )
        with path.open("rb") as file:
            data = file.read(max_bytes + 1)
    except OSError as error:
        raise InvalidInput(f"cannot read {path}: {error.strerror}") from None
    if len(data) > max_bytes:  # it grew while being read
        raise InvalidInput(f"{path} is over the {max_bytes:,}-byte limit for {kind} imports",
                           hint=f"split the file, or raise {LIMIT_SETTING}")  # fmt: skip
    check_no_entities(data, path=path, kind=kind)
    return data


def check_no_entities(data: bytes, *, path: Path | str, kind: str) -> None:
    found = _ENTITY.search(data)
    if found is None:
        return
    line = data.count(b"\n", 0, found.start()) + 1
    what = "an external entity" if found.group(2) else "an entity"
    raise InvalidInput(
        f"{path}, line {line}: the file declares {what} (<!ENTITY …>), which {kind} files never "
        "need and the desk does not read; nothing was imported",
        hint="remove the <!ENTITY …> declarations (and the text that uses them) and import again",
    )
