"""The editors' upload form: a Korean article as a file (.md, .json, .html) or pasted text, parsed
with `transdesk.ingest.parse_article` and queued for translation exactly as `POST /api/articles`
does. A file that is not an article is answered on the form itself, with what is wrong.
"""

from __future__ import annotations

from pathlib import PurePath
from typing import Annotated

from fastapi import APIRouter, Depends, File, Form, Request, UploadFile
from fastapi.responses import HTMLResponse, Response

from transdesk.article import Article
from transdesk.desk import audit
from transdesk.desk.articles import receive_article
from transdesk.errors import Conflict, InvalidArticle
from transdesk.ingest import parse_article
from transdesk.ingest.raw import slugify
from transdesk.web import auth
from transdesk.web.deps import DatabaseDep, QueueDep, SettingsDep, TemplatesDep
from transdesk.web.ratelimit import limit_submissions
from transdesk.web.routes.editor import PageEditor, _back, _render

router = APIRouter(include_in_schema=False)
FORMATS = {"md": "Markdown", "json": "JSON", "html": "HTML"}
SUFFIXES = {".md": "md", ".markdown": "md", ".json": "json", ".html": "html", ".htm": "html"}


@router.get("/desk/upload", response_class=HTMLResponse)
def upload_page(request: Request, editor: PageEditor, templates: TemplatesDep) -> Response:
    return _render(request, templates, "editor_upload.html", _form_context())


def _form_context(error: str | None = None, **sent: str) -> dict:
    return {"formats": FORMATS, "suffixes": SUFFIXES, "error": error, "sent": sent}


async def _document(
    file: UploadFile | None, text: str, limit: int
) -> tuple[bytes | str, str, str | None]:
    """What was sent (the file wins over pasted text), what to call it in errors, and the slug
    its file name gives (None for pasted text: the headline names it)."""
    if file is not None and file.filename:
        name = PurePath(file.filename).name
        return await file.read(limit + 1), name, slugify(PurePath(name).stem)
    if text.strip():
        return text, "the pasted article", None
    raise InvalidArticle("choose a file or paste the article")


def _format(chosen: str, name: str) -> str | None:
    if chosen in FORMATS:
        return chosen
    return SUFFIXES.get(PurePath(name).suffix.lower())  # else guessed from the content


@router.post("/desk/upload", dependencies=[auth.CsrfChecked, Depends(limit_submissions)])
async def upload(
    request: Request,
    editor: PageEditor,
    database: DatabaseDep,
    queue: QueueDep,
    settings: SettingsDep,
    templates: TemplatesDep,
    file: Annotated[UploadFile | None, File()] = None,
    text: Annotated[str, Form(max_length=1_000_000)] = "",
    format: Annotated[str, Form(max_length=10)] = "",
    slug: Annotated[str, Form(max_length=200)] = "",
) -> Response:
    try:
        document, name, from_name = await _document(file, text, settings.max_article_bytes)
        fallback = slugify(slug) if slug.strip() else from_name
        article = parse_article(
            document, _format(format, name), max_bytes=settings.max_article_bytes,
            slug=fallback, where=name,
        )  # fmt: skip
        job_id = _receive(database, article, editor.name)
    except (InvalidArticle, Conflict) as problem:
        context = _form_context(problem.message, text=text, format=format, slug=slug)
        status = 409 if isinstance(problem, Conflict) else 422
        return _render(request, templates, "editor_upload.html", context, status=status)
    queue.enqueue(job_id)
    return _back(request, f"/desk/articles?submitted={article.slug}")


def _receive(database, article: Article, editor: str) -> int:  # type: ignore[no-untyped-def]
    with database.session() as session:
        row, job = receive_article(session, article)
        audit.record(session, editor, "submit", article_id=row.id, detail={"job_id": job.id})
        return job.id
