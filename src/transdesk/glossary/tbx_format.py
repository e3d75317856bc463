"""The termbase as TBX (TermBase eXchange), read and written with translate-toolkit.

One `termEntry` per entry. The Korean `langSet` lists the headword then its variants; the English
`langSet` lists the approved rendering (administrativeStatus preferredTerm-admn-sts), the
later-reference form (admittedTerm-admn-sts) and the forbidden renderings
(deprecatedTerm-admn-sts). Kind, note, reference and status travel as `<note from="...">`.
Problems are reported with the line of their `termEntry`, and a file with any problem yields no
entries.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from lxml import etree
from translate.storage import tbx

from transdesk.errors import InvalidInput
from transdesk.glossary.model import TermEntry, TermKind, TermStatus
from transdesk.glossary.validation import clean, entries_or_refuse
from transdesk.xml_files import read_exchange_file

SOURCE_LANG, TARGET_LANG = "ko", "en"
PREFERRED, ADMITTED, DEPRECATED = (
    "preferredTerm-admn-sts",
    "admittedTerm-admn-sts",
    "deprecatedTerm-admn-sts",
)
_NOTES = ("kind", "note", "reference", "status")
DEFAULT_MAX_BYTES = 50_000_000  # TRANSDESK_MAX_IMPORT_BYTES


def read_tbx(
    path: Path | str, *, max_bytes: int = DEFAULT_MAX_BYTES
) -> list[tuple[int, TermEntry]]:
    """Every entry of a TBX file; refused whole for a bad entry, a file over `max_bytes`, or one
    that declares entities."""
    data = read_exchange_file(path, kind="TBX", max_bytes=max_bytes)
    try:
        store = tbx.tbxfile.parsestring(
            data, sourcelanguage=SOURCE_LANG, targetlanguage=TARGET_LANG
        )
    except etree.XMLSyntaxError as error:
        raise InvalidInput(
            f"{path}, line {error.lineno}: not well-formed TBX ({error.msg}); nothing was imported"
        ) from error
    rows = ((unit.xmlelement.sourceline or 0, unit) for unit in store.units)
    return entries_or_refuse(rows, _entry, f"{path} has invalid entries")


def _entry(unit: tbx.tbxunit) -> TermEntry:
    forms = [t.text.strip() for t in unit.get_source_terms() if t.text.strip()]
    if not forms:
        raise ValueError(f"no Korean ({SOURCE_LANG}) term")
    usable, forbidden = [], []
    for term in unit.get_target_terms(TARGET_LANG):
        if term.text.strip():
            (forbidden if term.deprecated else usable).append(term)
    if not usable:
        raise ValueError(f"no approved English ({TARGET_LANG}) term")
    usable.sort(key=lambda t: (t.administrative_status or "") != PREFERRED)
    notes = {name: unit.getnotes(name).strip() or None for name in _NOTES}
    try:
        kind = TermKind(notes["kind"] or TermKind.OTHER)
        status = TermStatus(notes["status"] or TermStatus.APPROVED)
    except ValueError as error:
        raise ValueError(str(error)) from None
    return clean(
        TermEntry(
            source=forms[0],
            variants=tuple(forms[1:]),
            target=usable[0].text,
            later=usable[1].text if len(usable) > 1 else None,
            forbidden=tuple(t.text for t in forbidden),
            kind=kind,
            note=notes["note"],
            reference=notes["reference"],
            status=status,
        )
    )


def write_tbx(entries: Iterable[TermEntry], path: Path | str) -> int:
    store = tbx.tbxfile(sourcelanguage=SOURCE_LANG, targetlanguage=TARGET_LANG)
    count = 0
    for entry in entries:
        unit = store.addsourceunit(entry.source)
        unit.set_source_terms(list(entry.forms), SOURCE_LANG)
        english = [(entry.target, PREFERRED)]
        english += [(entry.later, ADMITTED)] if entry.later else []
        english += [(f, DEPRECATED) for f in entry.forbidden]
        unit.set_target_terms([text for text, _ in english], TARGET_LANG)
        tigs = unit.get_target_dom(TARGET_LANG).findall(unit.namespaced("tig"))
        for tig, (_, status) in zip(tigs, english, strict=True):
            note = etree.SubElement(tig, unit.namespaced("termNote"), type="administrativeStatus")
            note.text = status
        for name in _NOTES:
            value = getattr(entry, name)
            if value:
                unit.addnote(str(value), origin=name)
        count += 1
    Path(path).write_bytes(bytes(store))
    return count
