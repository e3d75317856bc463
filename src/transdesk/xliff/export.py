"""An article on the desk as XLIFF for a CAT tool, with a TBX of its matched terms beside it.

One unit per sentence, its id the sentence's id ("b2.s0"): the Korean, the English readers see (or
an empty target), a state, the checks' findings as notes and the memory's matches for the Korean
(`alt-trans` in 1.2, `mtc:match` in 2.0). A held sentence (no English, or held by the checks) is
`needs-review-translation` (2.0: `initial` without English, `translated` otherwise); a sentence of
a published article is `final`, one of an article still with the editors `translated`. The
article's slug and revision travel on `<file>`, so the edited file finds its article again and an
article that changed meanwhile is noticed on import.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from lxml import etree

from transdesk.desk.articles import find_article
from transdesk.desk.held import is_held, reason
from transdesk.errors import InvalidInput, StorageError
from transdesk.glossary.matcher import Termbase
from transdesk.glossary.model import TermEntry
from transdesk.glossary.starter import open_termbase
from transdesk.glossary.tbx_format import write_tbx
from transdesk.memory.model import MemoryMatch
from transdesk.memory.store import TranslationMemory
from transdesk.store.db import Database
from transdesk.store.desk_tables import ArticleState
from transdesk.xliff.document import (
    DESK,
    MATCHES_20,
    SOURCE_LANG,
    TARGET_LANG,
    VERSIONS,
    XML_NS,
)

log = logging.getLogger(__name__)
MATCHES_PER_SENTENCE = 3
MEMORY_ORIGIN = "transdesk-memory"
_PRIORITY = {"critical": "1", "major": "2", "minor": "3", "info": "5"}


@dataclass(frozen=True)
class Sentence:
    id: str
    source: str
    english: str | None
    held: bool
    reason: str | None  # why it is held
    findings: tuple[dict, ...]


@dataclass(frozen=True)
class ArticleCopy:
    """What the file is made from, read in one transaction."""

    slug: str
    published: bool
    revision: int
    sentences: tuple[Sentence, ...]


@dataclass(frozen=True)
class ExportResult:
    slug: str
    path: Path
    terms_path: Path
    version: str
    units: int
    held: int
    matches: int
    terms: int


def terms_path_for(path: Path) -> Path:
    """Where the TBX goes beside an XLIFF file: `article.xlf` → `article.tbx`."""
    return path.with_suffix(".tbx")


@dataclass(frozen=True)
class ArticleXliff:
    """An article's XLIFF document and the termbase entries its Korean matches."""

    slug: str
    version: str
    data: bytes
    terms: tuple[TermEntry, ...]
    units: int
    held: int
    matches: int


def article_xliff(
    database: Database, slug: str, *, version: str = "1.2", fuzzy_threshold: float = 0.75
) -> ArticleXliff:
    """The article `slug` as an XLIFF `version` document (what a download sends)."""
    if version not in VERSIONS:
        raise InvalidInput(
            f"XLIFF version {version!r} is not one the desk writes",
            hint=f"use {' or '.join(VERSIONS)}",
        )
    article = read_article_copy(database, slug)
    sources = [s.source for s in article.sentences]
    memory = TranslationMemory(database, fuzzy_threshold=fuzzy_threshold)
    matches = memory_matches(memory, sources)
    entries = matched_terms(open_termbase(database).current(), sources)
    return ArticleXliff(
        article.slug, version, render_article(article, matches, version=version), tuple(entries),
        units=len(sources), held=sum(s.held for s in article.sentences),
        matches=sum(len(m) for m in matches.values()),
    )  # fmt: skip


def export_article(
    database: Database,
    slug: str,
    out: Path | str,
    *,
    version: str = "1.2",
    fuzzy_threshold: float = 0.75,
) -> ExportResult:
    """Write the article `slug` as XLIFF `version` to `out`, and its matched terms as TBX beside
    it (`terms_path_for(out)`)."""
    made = article_xliff(database, slug, version=version, fuzzy_threshold=fuzzy_threshold)
    out = Path(out)
    terms_path = terms_path_for(out)
    try:
        out.write_bytes(made.data)
        terms = write_tbx(made.terms, terms_path)
    except OSError as error:
        raise StorageError(f"cannot write {error.filename}: {error.strerror}") from None
    log.info("%s exported as XLIFF %s to %s (%d units, %d held)", slug, version, out,
             made.units, made.held)  # fmt: skip
    return ExportResult(
        slug, out, terms_path, version, made.units, made.held, made.matches, terms
    )


def read_article_copy(database: Database, slug: str) -> ArticleCopy:
    with database.session() as session:
        row = find_article(session, slug)
        sentences = tuple(
            Sentence(
                id=s.segment_id,
                source=s.source_text,
                english=s.english,
                held=is_held(s),
                reason=reason(s) if is_held(s) else None,
                findings=tuple(f for f in (s.findings or ()) if isinstance(f, dict)),
            )
            for s in row.segments
        )
        return ArticleCopy(row.slug, row.state == ArticleState.PUBLISHED, row.revision, sentences)


def memory_matches(
    memory: TranslationMemory, sources: Sequence[str], limit: int = MATCHES_PER_SENTENCE
) -> dict[str, list[MemoryMatch]]:
    """The exact match first, then similar ones, for every sentence (as `lookup`, in batches)."""
    exact = memory.exact_many(sources)
    similar = memory.fuzzy_many(sources, limit=limit + 1)
    found: dict[str, list[MemoryMatch]] = {}
    for source in sources:
        first = exact.get(source)
        rest = [m for m in similar.get(source, []) if first is None or m.id != first.id]
        found[source] = ([first] if first else []) + rest
        del found[source][limit:]
    return found


def matched_terms(termbase: Termbase, sources: Iterable[str]) -> list[TermEntry]:
    """The termbase entries found in the article, each once, in the order they first occur."""
    seen: dict[tuple[str, str], TermEntry] = {}
    for source in sources:
        for match in termbase.match(source):
            seen.setdefault((match.entry.source, match.entry.target), match.entry)
    return list(seen.values())


def render_article(
    article: ArticleCopy, matches: dict[str, list[MemoryMatch]], *, version: str = "1.2"
) -> bytes:
    """The XLIFF document for `article`, as bytes (UTF-8, with an XML declaration)."""
    root = _render_12(article, matches) if version == "1.2" else _render_20(article, matches)
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", pretty_print=True)


def _note_text(finding: dict) -> str:
    severity, check = finding.get("severity") or "info", finding.get("check") or "check"
    return f"{severity} ({check}): {finding.get('message') or finding.get('kind') or ''}".strip()


def _render_12(article: ArticleCopy, matches: dict[str, list[MemoryMatch]]) -> etree._Element:
    ns = VERSIONS["1.2"]

    def q(name: str) -> str:
        return f"{{{ns}}}{name}"

    root = etree.Element(q("xliff"), nsmap={None: ns, "td": DESK}, version="1.2")
    file = etree.SubElement(
        root, q("file"), original=article.slug, datatype="plaintext",
        attrib={"source-language": SOURCE_LANG, "target-language": TARGET_LANG},
    )  # fmt: skip
    file.set(f"{{{DESK}}}revision", str(article.revision))
    header = etree.SubElement(file, q("header"))
    etree.SubElement(header, q("tool"), attrib={"tool-id": "transdesk", "tool-name": "transdesk"})
    body = etree.SubElement(file, q("body"))
    for sentence in article.sentences:
        unit = etree.SubElement(body, q("trans-unit"), id=sentence.id, resname=sentence.id)
        unit.set(f"{{{XML_NS}}}space", "preserve")
        etree.SubElement(unit, q("source"), attrib={f"{{{XML_NS}}}lang": SOURCE_LANG}).text = (
            sentence.source
        )
        target = etree.SubElement(unit, q("target"), attrib={f"{{{XML_NS}}}lang": TARGET_LANG})
        target.text = sentence.english or ""
        if sentence.held:
            target.set("state", "needs-review-translation")
        elif article.published:
            target.set("state", "final")
            unit.set("approved", "yes")
        else:
            target.set("state", "translated")
        if sentence.reason:
            held = etree.SubElement(unit, q("note"), attrib={"from": "transdesk", "priority": "1"})
            held.text = f"held: {sentence.reason}"
        for finding in sentence.findings:
            priority = _PRIORITY.get(str(finding.get("severity")), "5")
            note = etree.SubElement(unit, q("note"), attrib={"from": "qa", "priority": priority})
            note.text = _note_text(finding)
        for match in matches.get(sentence.source, []):
            alt = etree.SubElement(
                unit, q("alt-trans"), origin=MEMORY_ORIGIN,
                attrib={"match-quality": f"{round(match.score * 100)}"},
            )  # fmt: skip
            etree.SubElement(alt, q("source"), attrib={f"{{{XML_NS}}}lang": SOURCE_LANG}).text = (
                match.source
            )
            etree.SubElement(alt, q("target"), attrib={f"{{{XML_NS}}}lang": TARGET_LANG}).text = (
                match.target
            )
    return root


def _render_20(article: ArticleCopy, matches: dict[str, list[MemoryMatch]]) -> etree._Element:
    ns = VERSIONS["2.0"]

    def q(name: str, namespace: str = ns) -> str:
        return f"{{{namespace}}}{name}"

    root = etree.Element(
        q("xliff"), nsmap={None: ns, "mtc": MATCHES_20, "td": DESK}, version="2.0",
        srcLang=SOURCE_LANG, trgLang=TARGET_LANG,
    )  # fmt: skip
    file = etree.SubElement(root, q("file"), id="article", original=article.slug)
    file.set(f"{{{DESK}}}revision", str(article.revision))
    for sentence in article.sentences:
        unit = etree.SubElement(file, q("unit"), id=sentence.id, name=sentence.id)
        unit.set(f"{{{XML_NS}}}space", "preserve")
        found = matches.get(sentence.source, [])
        if found:
            group = etree.SubElement(unit, q("matches", MATCHES_20))
            for match in found:
                item = etree.SubElement(
                    group, q("match", MATCHES_20), ref=f"#{sentence.id}", type="tm",
                    origin=MEMORY_ORIGIN, similarity=f"{round(match.score * 100)}",
                )  # fmt: skip
                etree.SubElement(item, q("source")).text = match.source
                etree.SubElement(item, q("target")).text = match.target
        if sentence.reason or sentence.findings:
            notes = etree.SubElement(unit, q("notes"))
            if sentence.reason:
                note = etree.SubElement(notes, q("note"), category="transdesk", priority="1")
                note.text = f"held: {sentence.reason}"
            for finding in sentence.findings:
                priority = _PRIORITY.get(str(finding.get("severity")), "5")
                note = etree.SubElement(notes, q("note"), category="qa", priority=priority)
                note.text = _note_text(finding)
        segment = etree.SubElement(unit, q("segment"), id=sentence.id)
        if sentence.held:
            segment.set("state", "translated" if sentence.english else "initial")
            segment.set("subState", "transdesk:needs-review")
        else:
            segment.set("state", "final" if article.published else "translated")
        etree.SubElement(segment, q("source")).text = sentence.source
        etree.SubElement(segment, q("target")).text = sentence.english or ""
    return root
