"""The editors' pages for articles: those waiting for review, publishing one by hand, editing its
sentences, translating it again, and the upload form.

The upload form takes a Korean article as a file (.md, .json, .html) or pasted text, parses it with
`transdesk.ingest.parse_article` and queues it for translation exactly as `POST /api/articles`
does. A file that is not an article is answered on the form itself, with what is wrong.
"""

from __future__ import annotations

from pathlib import PurePath
from typing import Annotated
from urllib.parse import quote

from fastapi import APIRouter, Depends, File, Form, Request, UploadFile
from fastapi.responses import HTMLResponse, Response
from starlette.concurrency import run_in_threadpool

from transdesk.article import Article
from transdesk.desk import audit, editing
from transdesk.desk.articles import latest_job_or_none, receive_article
from transdesk.desk.held import held_sentences
from transdesk.desk.labels import sentence_labels
from transdesk.errors import Conflict, InvalidArticle, InvalidInput, UnresolvedSentences
from transdesk.feedback import review
from transdesk.ingest.off_process import parse_in_child
from transdesk.ingest.raw import slugify
from transdesk.publish.credits import desk_lookup, english_byline, english_credit
from transdesk.store.db import Database
from transdesk.web import auth
from transdesk.web.deps import DatabaseDep, QueueDep, SettingsDep, TemplatesDep, TermbaseDep
from transdesk.web.ratelimit import limit_submissions
from transdesk.web.routes.pages import PageEditor, back, render

router = APIRouter(include_in_schema=False)


@router.get("/desk/articles", response_class=HTMLResponse)
def articles(
    request: Request, editor: PageEditor, database: DatabaseDep, templates: TemplatesDep
) -> Response:
    with database.session() as session:
        rows = review.articles_for_review(session)
    return render(request, templates, "editor_articles.html", {"articles": rows})


@router.post("/desk/articles/{slug}/publish", dependencies=[auth.CsrfChecked])
def publish(slug: str, request: Request, editor: PageEditor, database: DatabaseDep) -> Response:
    """The one-click publish of the article list: refused while a sentence is held."""
    try:
        editing.publish(database, slug, editor.name)
    except UnresolvedSentences:
        return back(request, f"/desk/articles/{quote(slug)}/edit?unresolved=1")
    return back(request, f"/desk/articles?published={quote(slug)}")


@router.post("/desk/articles/{slug}/retranslate", dependencies=[auth.CsrfChecked])
def retranslate(
    slug: str, request: Request, editor: PageEditor, database: DatabaseDep, queue: QueueDep
) -> Response:
    queue.enqueue(editing.retranslate(database, slug, editor.name))
    return back(request, "/desk/articles")


@router.get("/desk/articles/{slug}/edit", response_class=HTMLResponse)
def edit_page(
    slug: str, request: Request, editor: PageEditor, database: DatabaseDep, templates: TemplatesDep,
    termbase: TermbaseDep,
) -> Response:
    lookup = desk_lookup(termbase)
    with database.session() as session:
        article = editing.article_for_edit(session, slug)
        segments = list(article.segments)
        job = latest_job_or_none(session, article.id)
    context = {
        "article": article,
        "segments": segments,
        "labels": sentence_labels(segments),
        "held": {h.id: h for h in held_sentences(segments)},
        "job": job,
        "unresolved": request.query_params.get("unresolved") == "1",
        "error": request.query_params.get("error"),
        "byline": article.english_byline or english_byline(article.byline) or "",
        "credit": article.english_credit or english_credit(article.credit, lookup) or "",
    }
    return render(request, templates, "editor_article_edit.html", context)


@router.post("/desk/articles/{slug}/edit", dependencies=[auth.CsrfChecked])
async def edit(
    slug: str, request: Request, editor: PageEditor, database: DatabaseDep, settings: SettingsDep,
    termbase: TermbaseDep,
) -> Response:
    form = await request.form()
    zone = settings.newsroom_timezone
    edits = {
        key[3:]: str(value)[:5_000]
        for key, value in form.multi_items()
        if key.startswith("en:") and isinstance(value, str)
    }
    accept = [str(v) for k, v in form.multi_items() if k == "accept" and isinstance(v, str)]
    here = f"/desk/articles/{quote(slug)}/edit"
    credits = {
        name: str(form[name]) if isinstance(form.get(name), str) else None
        for name in ("byline", "credit")
    }
    try:
        if any(v is not None for v in credits.values()):
            lookup = await run_in_threadpool(desk_lookup, termbase)
            await run_in_threadpool(
                editing.set_credits, database, slug, editor.name, **credits, lookup=lookup
            )
        if form.get("publish"):
            await run_in_threadpool(
                editing.publish, database, slug, editor.name, edits=edits, accept=accept,
                newsroom_timezone=zone,
            )
            return back(request, f"/desk/articles?published={quote(slug)}")
        await run_in_threadpool(
            editing.resolve, database, slug, edits, editor.name, accept=accept,
            newsroom_timezone=zone,
        )
    except UnresolvedSentences:
        return back(request, f"{here}?unresolved=1")
    except (InvalidInput, Conflict) as problem:
        return back(request, f"{here}?error={quote(problem.message)}")
    return back(request, f"{here}?saved=1")


# --- the upload form ------------------------------------------------------------------------

FORMATS = {"md": "Markdown", "json": "JSON", "html": "HTML"}
SUFFIXES = {".md": "md", ".markdown": "md", ".json": "json", ".html": "html", ".htm": "html"}


@router.get("/desk/upload", response_class=HTMLResponse)
def upload_page(request: Request, editor: PageEditor, templates: TemplatesDep) -> Response:
    return render(request, templates, "editor_upload.html", _form_context())


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
        # parsing splits every sentence (seconds for a large article): off the event loop, so
        # readers' pages and the API keep answering meanwhile
        article, job_id = await run_in_threadpool(
            _parse_and_receive, database, document, _format(format, name),
            max_bytes=settings.max_article_bytes, slug=fallback, where=name, editor=editor.name,
        )  # fmt: skip
    except (InvalidArticle, Conflict) as problem:
        context = _form_context(problem.message, text=text, format=format, slug=slug)
        status = 409 if isinstance(problem, Conflict) else 422
        return render(request, templates, "editor_upload.html", context, status=status)
    queue.enqueue(job_id)
    return back(request, f"/desk/articles?submitted={article.slug}")


def _parse_and_receive(
    database: Database, document: bytes | str, format: str | None, *, max_bytes: int,
    slug: str | None, where: str, editor: str,
) -> tuple[Article, int]:
    """Parse, split and check the upload (in the parsing process: Kiwi keeps the interpreter lock
    while it splits), then store it with its job; runs in a worker thread."""
    article = parse_in_child(document, format, max_bytes=max_bytes, slug=slug, where=where)
    return article, _receive(database, article, editor)


def _receive(database: Database, article: Article, editor: str) -> int:
    with database.session() as session:
        row, job = receive_article(session, article)
        audit.record(session, editor, "submit", article_id=row.id, detail={"job_id": job.id})
        return job.id
