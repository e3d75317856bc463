"""An XLIFF file edited in a CAT tool back onto the desk: every changed English a correction.

All or nothing. The whole file is read and checked first: it must name an article on the desk
that is published and has not changed since the export (its revision), and every unit must be a
sentence of that article (a known id) whose Korean still matches. A file with any refused unit is
refused as a whole, each unit named. Then every changed target is recorded through
`transdesk.feedback.correction.correct` (the live page with a dated note, the audit log, the
memory, termbase proposals, a regression case), all in one transaction.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from pathlib import Path

from transdesk.desk.articles import find_article
from transdesk.errors import Conflict, InvalidInput
from transdesk.feedback.correction import Correction, clean_wording, correct
from transdesk.feedback.learning import Learner
from transdesk.memory.normalise import normalise
from transdesk.store.db import Database
from transdesk.store.desk_tables import ArticleSegment, ArticleState, DeskArticle, ReportKind
from transdesk.xliff.document import (
    DESK,
    XliffDocument,
    parse_document,
    read_document,
    text_of,
)

log = logging.getLogger(__name__)
ACTION = "xliff_import"  # the audit log's name for a correction that came in this way
MAX_REPORTED = 20


@dataclass(frozen=True)
class Edit:
    """One unit as the CAT tool saved it; `target` is None when the unit has no `<target>`."""

    id: str
    source: str
    target: str | None
    line: int | None


@dataclass(frozen=True)
class EditedFile:
    slug: str
    revision: int | None  # the article's revision at export, when the file still carries it
    edits: tuple[Edit, ...]


@dataclass(frozen=True)
class ImportResult:
    slug: str
    corrections: tuple[Correction, ...]
    unchanged: int


def read_edits(path: Path | str | bytes) -> EditedFile:
    """The article and units of an XLIFF 1.2 or 2.0 file (a path, or an upload's bytes), parsed
    safely."""
    if isinstance(path, bytes):
        document = parse_document(path, name="the uploaded file")
        path = "the uploaded file"
    else:
        document = read_document(path)
    files = document.root.findall(document.q("file"))
    if len(files) != 1:
        raise InvalidInput(
            f"{path} has {len(files)} <file> elements; a desk export has exactly one article",
            hint="import the file the desk exported for one article",
        )
    file = files[0]
    slug = (file.get("original") or "").strip()
    if not slug:
        raise InvalidInput(f"{path}: <file> does not name its article (original=\"…\")")
    edits = _edits_12(document, file) if document.version == "1.2" else _edits_20(document, file)
    return EditedFile(slug, _revision(path, file.get(f"{{{DESK}}}revision")), tuple(edits))


def _revision(path: Path | str, value: str | None) -> int | None:
    if value is None:
        return None
    try:
        return int(value)
    except ValueError:
        raise InvalidInput(f"{path}: the article revision {value!r} is not a number") from None


def _edits_12(document: XliffDocument, file) -> list[Edit]:  # type: ignore[no-untyped-def]
    edits = []
    for unit in file.iter(document.q("trans-unit")):
        target = unit.find(document.q("target"))
        edits.append(
            Edit(
                unit.get("id") or "",
                text_of(unit.find(document.q("source"))),
                None if target is None else text_of(target),
                unit.sourceline,
            )
        )
    return edits


def _edits_20(document: XliffDocument, file) -> list[Edit]:  # type: ignore[no-untyped-def]
    edits = []
    for unit in file.iter(document.q("unit")):
        segments = unit.findall(document.q("segment"))
        if len(segments) != 1:
            raise InvalidInput(
                f"unit {unit.get('id')!r} has {len(segments)} segments; a sentence of the desk "
                "is one segment",
                hint="do not split or join sentences in the CAT tool; nothing was imported",
            )
        target = segments[0].find(document.q("target"))
        edits.append(
            Edit(
                unit.get("id") or "",
                text_of(segments[0].find(document.q("source"))),
                None if target is None else text_of(target),
                unit.sourceline,
            )
        )
    return edits


def import_edits(
    database: Database,
    path: Path | str | bytes,
    *,
    editor: str,
    kind: str = ReportKind.OTHER,
    newsroom_timezone: str | None = None,
) -> ImportResult:
    """Record every changed target of the XLIFF file at `path` (or an upload's bytes) as a
    correction by `editor`; see the module. The notes are dated on `newsroom_timezone`'s clock, as
    every correction's. Raises InvalidInput (naming each refused unit) or Conflict, writing
    nothing."""
    editor = " ".join((editor or "").split())
    if not editor:
        raise InvalidInput("say who edited the file", hint="give --editor NAME")
    edited = read_edits(path)
    learner = Learner(database)
    with database.session() as session:
        article = find_article(session, edited.slug)
        session.refresh(article, with_for_update=True)  # one import of an article at a time
        _check_article(article, edited)
        changes = changed_sentences(
            article, edited.edits, "the uploaded file" if isinstance(path, bytes) else path
        )
        done = tuple(
            correct(
                session, learner, article, segment, after=after, kind=kind, editor=editor,
                action=ACTION, newsroom_timezone=newsroom_timezone,
            )  # fmt: skip
            for segment, after in changes
        )
    where = "an upload" if isinstance(path, bytes) else path
    log.info("%s: %d corrections imported from %s by %s", edited.slug, len(done), where, editor)
    return ImportResult(edited.slug, done, len(edited.edits) - len(done))


def _check_article(article: DeskArticle, edited: EditedFile) -> None:
    if article.state != ArticleState.PUBLISHED:
        raise Conflict(
            f"the article {article.slug!r} is {article.state}; only a published one is corrected",
            hint="resolve its held sentences on the desk and publish it, then import again",
        )
    if edited.revision is not None and edited.revision != article.revision:
        raise Conflict(
            f"the article {article.slug!r} changed since this file was exported (revision "
            f"{edited.revision}, now {article.revision}); nothing was imported",
            hint="export it again and redo the edits on the new file",
        )


def changed_sentences(
    article: DeskArticle, edits: tuple[Edit, ...] | list[Edit], path: Path | str = "the file"
) -> list[tuple[ArticleSegment, str]]:
    """The sentences whose English the file changes, with the new English; raises InvalidInput
    naming every unit that cannot be imported."""
    by_id = {s.segment_id: s for s in article.segments}
    problems: list[str] = []
    seen: set[str] = set()
    changes: list[tuple[ArticleSegment, str]] = []
    for edit in edits:
        where = f"unit {edit.id!r}" + (f" (line {edit.line})" if edit.line else "")
        segment = by_id.get(edit.id)
        if segment is None:
            problems.append(f"{where}: no such sentence in {article.slug!r}")
            continue
        if edit.id in seen:
            problems.append(f"{where}: the sentence appears twice")
            continue
        seen.add(edit.id)
        if normalise(edit.source) != normalise(segment.source_text):
            problems.append(f"{where}: the Korean no longer matches the article's")
            continue
        if edit.target is None:
            continue
        current = " ".join((segment.english or "").split())
        if " ".join(edit.target.split()) == current:
            continue
        try:
            changes.append((segment, clean_wording(edit.target)))
        except InvalidInput as error:
            problems.append(f"{where}: {error.message}")
    if problems:
        shown = "\n  ".join(problems[:MAX_REPORTED])
        hidden = len(problems) - MAX_REPORTED
        more = f"\n  … and {hidden} more" if hidden > 0 else ""
        raise InvalidInput(
            f"{path}: {len(problems)} unit(s) refused, nothing was imported:\n  {shown}{more}",
            hint="export the article again and redo the edits on the new file",
        )
    return changes
