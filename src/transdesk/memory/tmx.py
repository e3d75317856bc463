"""TMX and line-aligned parallel files in and out of the translation memory (translate-toolkit).

Reading checks the whole file before anything is written: a file that is not well-formed XML, or a
translation unit without a Korean or English segment, is reported with its line number and nothing
is imported. What transdesk knows about a pair travels in TMX's own places: `creationid` /
`creationdate` on the `<tu>` (who approved it, when) and `<prop type="x-transdesk-…">` for the
article, its date, the neighbouring sentences and the origin.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from pathlib import Path

from lxml import etree
from translate.misc.xml_helpers import getXMLlang, getXMLspace
from translate.storage import tmx

from transdesk.errors import InvalidInput
from transdesk.memory.model import ImportProblem, MemoryMatch, MemoryPair, Origin
from transdesk.xml_files import read_exchange_file

PROP = "x-transdesk-"
_PROPS = ("article", "article-date", "previous", "next", "origin")
_TMX_TIME = "%Y%m%dT%H%M%SZ"
MAX_REPORTED = 20
DEFAULT_MAX_BYTES = 50_000_000  # TRANSDESK_MAX_IMPORT_BYTES


def _language(code: str | None) -> str:
    return (code or "").replace("_", "-").split("-")[0].lower()


def _reject(path: Path, problems: list[ImportProblem]) -> InvalidInput:
    shown = "\n  ".join(str(p) for p in problems[:MAX_REPORTED])
    more = f"\n  … and {len(problems) - MAX_REPORTED} more" if len(problems) > MAX_REPORTED else ""
    return InvalidInput(
        f"{path}: {len(problems)} problem(s), nothing was imported:\n  {shown}{more}",
        hint="fix the lines above and import the file again",
    )


def read_tmx(
    path: Path, *, approved_by: str, source_lang: str = "ko", target_lang: str = "en",
    max_bytes: int = DEFAULT_MAX_BYTES,
) -> list[MemoryPair]:
    """Every Korean→English pair of a TMX file; raises InvalidInput listing every bad unit, for a
    file over `max_bytes`, and for one that declares entities."""
    data = read_exchange_file(path, kind="TMX", max_bytes=max_bytes)
    try:
        store = tmx.tmxfile.parsestring(data)
    except etree.XMLSyntaxError as error:
        line = error.position[0] if error.position else None
        raise _reject(path, [ImportProblem(line, f"not well-formed TMX: {error.msg}")]) from None
    pairs, problems = [], []
    for unit in store.units:
        try:
            pairs.append(_pair(unit, approved_by, _language(source_lang), _language(target_lang)))
        except ValueError as error:
            problems.append(ImportProblem(unit.xmlelement.sourceline, str(error)))
    if problems:
        raise _reject(path, problems)
    return pairs


def _pair(unit: tmx.tmxunit, approved_by: str, source_lang: str, target_lang: str) -> MemoryPair:
    texts: dict[str, str] = {}
    space = getXMLspace(unit.xmlelement, unit._default_xml_space)
    for node in unit.getlanguageNodes():
        language = _language(getXMLlang(node) or node.get("lang"))
        texts.setdefault(language, (unit.getNodeText(node, space) or "").strip())
    for language in (source_lang, target_lang):
        if not texts.get(language):
            raise ValueError(f"translation unit has no {language!r} segment (or it is empty)")
    element = unit.xmlelement
    props = {
        prop.get("type", "").removeprefix(PROP): (prop.text or "").strip()
        for prop in element.iter("{*}prop", "prop")
    }
    return MemoryPair(
        source=texts[source_lang],
        target=texts[target_lang],
        approved_by=element.get("changeid") or element.get("creationid") or approved_by,
        origin=_origin(props.get("origin")),
        approved_at=_tmx_time(element.get("changedate") or element.get("creationdate")),
        article_slug=props.get("article") or None,
        previous_source=props.get("previous") or None,
        next_source=props.get("next") or None,
        article_date=_date(props.get("article-date")),
        line=element.sourceline,
    )


def _origin(value: str | None) -> Origin:
    """A pair exported by transdesk keeps its origin; any other TMX is an import."""
    try:
        return Origin(value) if value else Origin.IMPORT
    except ValueError:
        raise ValueError(f"origin {value!r} is not one of {', '.join(Origin)}") from None


def _tmx_time(value: str | None) -> dt.datetime | None:
    if not value:
        return None
    try:
        return dt.datetime.strptime(value, _TMX_TIME).replace(tzinfo=dt.UTC)
    except ValueError:
        raise ValueError(f"date {value!r} is not a TMX date (YYYYMMDDThhmmssZ)") from None


def _date(value: str | None) -> dt.date | None:
    if not value:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise ValueError(f"article date {value!r} is not YYYY-MM-DD") from None


def read_parallel(source_path: Path, target_path: Path, *, approved_by: str) -> list[MemoryPair]:
    """Pairs from two line-aligned files (line N of one translates line N of the other)."""
    sources = _lines(source_path)
    targets = _lines(target_path)
    problems = []
    if len(sources) != len(targets):
        problems.append(
            ImportProblem(
                min(len(sources), len(targets)) + 1,
                f"{source_path} has {len(sources)} lines, {target_path} has {len(targets)}",
            )
        )
    pairs = []
    for number, (source, target) in enumerate(zip(sources, targets), start=1):
        if bool(source) != bool(target):
            empty = source_path if not source else target_path
            problems.append(ImportProblem(number, f"line is empty in {empty} only"))
        elif source:
            pairs.append(
                MemoryPair(source, target, approved_by, origin=Origin.IMPORT, line=number)
            )
    if problems:
        raise _reject(source_path, problems)
    return pairs


def _lines(path: Path) -> list[str]:
    try:
        text = Path(path).read_text(encoding="utf-8")
    except OSError as error:
        raise InvalidInput(f"cannot read {path}: {error.strerror}") from None
    except UnicodeDecodeError as error:
        line = text_line_of(Path(path).read_bytes(), error.start)
        raise _reject(path, [ImportProblem(line, "not UTF-8 text")]) from None
    return [line.strip() for line in text.splitlines()]


def text_line_of(data: bytes, offset: int) -> int:
    return data.count(b"\n", 0, offset) + 1


def write_tmx(
    matches: Iterable[MemoryMatch], path: Path, *, source_lang: str = "ko", target_lang: str = "en"
) -> int:
    """Write pairs as TMX 1.4 with their provenance; returns how many units were written."""
    store = tmx.tmxfile(sourcelanguage=source_lang, targetlanguage=target_lang)
    store.addheader()
    header = store.document.getroot().find("header")
    header.set("creationtool", "transdesk")
    header.set("datatype", "plaintext")
    count = 0
    for match in matches:
        unit = store.addsourceunit(match.source, source_lang)
        unit.settarget(match.target, target_lang, append=True)
        _annotate(unit.xmlelement, match)
        count += 1
    Path(path).write_bytes(bytes(store))
    return count


def _annotate(element: etree._Element, match: MemoryMatch) -> None:
    element.set("creationid", match.approved_by)
    element.set("creationdate", match.approved_at.astimezone(dt.UTC).strftime(_TMX_TIME))
    values = {
        "article": match.article_slug,
        "article-date": match.article_date.isoformat() if match.article_date else None,
        "previous": match.previous_source,
        "next": match.next_source,
        "origin": str(match.origin),
    }
    first_tuv = element.find("tuv")
    for name in _PROPS:
        if values[name]:
            prop = etree.Element("prop", type=PROP + name)
            prop.text = values[name]
            first_tuv.addprevious(prop)
