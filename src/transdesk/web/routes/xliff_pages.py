"""XLIFF on the editors' edit page: download an article for a CAT tool (Trados, memoQ, OmegaT) and
upload the post-edited file back.

The download is the file `transdesk xliff export` writes (`transdesk.xliff.article_xliff`); the
upload goes through `transdesk.xliff.import_edits`, as `transdesk xliff import` does: every changed
English becomes a correction of the published article, all or nothing. A refused file (an unknown
unit id, changed Korean, an article that changed since the export) is answered with the reasons,
and nothing is imported.
"""

from __future__ import annotations

import logging
import re
from typing import Annotated
from urllib.parse import quote

from fastapi import APIRouter, File, Query, Request, UploadFile
from fastapi.responses import HTMLResponse, Response
from starlette.concurrency import run_in_threadpool

from transdesk.errors import Conflict, InvalidInput
from transdesk.settings import Settings
from transdesk.store.db import Database
from transdesk.web import auth
from transdesk.web.deps import DatabaseDep, SettingsDep, TemplatesDep
from transdesk.web.routes.pages import PageEditor, render
from transdesk.xliff import ImportResult, article_xliff, import_edits, read_edits

router = APIRouter(include_in_schema=False)
log = logging.getLogger(__name__)
XLIFF_MEDIA_TYPE = "application/x-xliff+xml"
UPLOAD_PATH = "/desk/articles/*/xliff"  # the body limit's pattern for the upload
_NOT_IN_FILENAME = re.compile(r"[^A-Za-z0-9._-]")


def body_limits(settings: Settings) -> dict[str, int]:
    """The upload's body limit: an edited file of a long article is larger than a form."""
    return {UPLOAD_PATH: settings.max_import_bytes}


@router.get("/desk/articles/{slug}/xliff")
async def download(
    slug: str, request: Request, editor: PageEditor, database: DatabaseDep,
    settings: SettingsDep, version: Annotated[str, Query(max_length=8)] = "1.2",
) -> Response:
    """The article as an XLIFF 1.2 or 2.0 attachment."""
    made = await run_in_threadpool(
        article_xliff, database, slug, version=version,
        fuzzy_threshold=settings.memory_fuzzy_threshold,
    )  # fmt: skip
    headers = {"Content-Disposition": attachment(f"{made.slug}-xliff{made.version}.xlf")}
    log.info("%s downloaded %s as XLIFF %s", editor.name, made.slug, made.version)
    return auth.finish(request, Response(made.data, media_type=XLIFF_MEDIA_TYPE, headers=headers))


def attachment(name: str) -> str:
    """A Content-Disposition for a download called `name` (an ASCII fallback for old clients)."""
    fallback = _NOT_IN_FILENAME.sub("_", name)
    return f"attachment; filename=\"{fallback}\"; filename*=UTF-8''{quote(name, safe='')}"


@router.post(
    "/desk/articles/{slug}/xliff", response_class=HTMLResponse, dependencies=[auth.CsrfChecked]
)
async def upload(
    slug: str, request: Request, editor: PageEditor, database: DatabaseDep,
    settings: SettingsDep, templates: TemplatesDep,
    file: Annotated[UploadFile | None, File()] = None,
) -> Response:
    """Import the post-edited file; the answer says how many sentences changed, or why the file
    was refused (with nothing imported)."""
    try:
        if file is None or not file.filename:
            raise InvalidInput("choose the edited XLIFF file to upload")
        data = await file.read(settings.max_import_bytes + 1)
        if not data.strip():
            raise InvalidInput(f"{file.filename} is empty")
        done = await run_in_threadpool(
            _import, database, slug, data, editor.name, settings.newsroom_timezone
        )
    except (InvalidInput, Conflict) as problem:
        status = 409 if isinstance(problem, Conflict) else 422
        context = {"slug": slug, "done": None, "error": problem.message, "hint": problem.hint}
        return render(request, templates, "editor_xliff_import.html", context, status=status)
    context = {"slug": slug, "done": done, "error": None, "hint": None}
    return render(request, templates, "editor_xliff_import.html", context)


def _import(
    database: Database, slug: str, data: bytes, editor: str, zone: str | None
) -> ImportResult:
    """Refuse a file made for another article, then import it (runs in a worker thread)."""
    named = read_edits(data).slug
    if named != slug:
        raise InvalidInput(
            f"the uploaded file is for the article {named!r}, not {slug!r}; nothing was imported",
            hint="upload it on that article's page",
        )
    return import_edits(database, data, editor=editor, newsroom_timezone=zone)
