"""The reader's side (public, no login): the published article (with its schema.org `NewsArticle`
JSON-LD, `transdesk.publish.jsonld`), and the report form that works with or without JavaScript."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from typing import Annotated

from fastapi import APIRouter, Depends, Form, Query, Request
from fastapi.responses import HTMLResponse, RedirectResponse
from markupsafe import Markup
from pydantic import ValidationError
from starlette.concurrency import run_in_threadpool

from transdesk.desk import articles as desk_articles
from transdesk.desk.articles import PublicArticle
from transdesk.errors import InvalidInput, NotFound
from transdesk.glossary.store import TermbaseStore
from transdesk.publish.credits import Lookup, desk_lookup, english_byline, english_credit
from transdesk.publish.jsonld import (
    CorrectionNote,
    Original,
    TranslatedPage,
    news_article,
    script_json,
)
from transdesk.publish.newsroom import Newsroom
from transdesk.publish.notice import AI_NOTICE_BEFORE_LINK, AI_NOTICE_LINK_TEXT
from transdesk.store.db import Database
from transdesk.store.desk_tables import ArticleState, ReportKind
from transdesk.web.deps import DatabaseDep, SettingsDep, TemplatesDep, TermbaseDep
from transdesk.web.proxies import client_address
from transdesk.web.ratelimit import limit_reports
from transdesk.web.routes.reports import ReportCreate, receive_report

router = APIRouter(include_in_schema=False)
log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Sentence:
    id: str
    english: str
    missing: bool = False  # no English yet: shown as such, never left out


MISSING_ENGLISH = "[This sentence is not yet available in English.]"


@dataclass(frozen=True)
class PageBlock:
    kind: str
    sentences: tuple[Sentence, ...]
    image: str | None = None


@dataclass(frozen=True)
class ArticlePage:
    """What the reader's templates need, and nothing else (no emails, no internal state)."""

    slug: str
    headline: tuple[Sentence, ...]
    blocks: tuple[PageBlock, ...]
    dateline: object
    byline: str | None
    credit: str | None
    corrections: tuple[tuple[object, str], ...]

    @property
    def sentences(self) -> tuple[Sentence, ...]:
        return self.headline + tuple(s for b in self.blocks for s in b.sentences)


def build_page(public: PublicArticle, lookup: Lookup | None = None) -> ArticlePage:
    """The reader's page: every sentence in order (one without English is marked, never left
    out), and the byline and credit in English (`transdesk.publish.credits`)."""
    row = public.row
    images = {i: b.get("image") for i, b in enumerate(row.source["blocks"])}
    by_block: dict[int, list[Sentence]] = {}
    kinds: dict[int, str] = {}
    for segment in public.segments:
        kinds[segment.block_index] = segment.block_kind
        english = (segment.english or "").strip()
        by_block.setdefault(segment.block_index, []).append(
            Sentence(segment.segment_id, english or MISSING_ENGLISH, missing=not english)
        )
    headline: tuple[Sentence, ...] = ()
    blocks = []
    for index in sorted(kinds):
        sentences = tuple(by_block.get(index, ()))
        if kinds[index] == "headline":
            headline += sentences
        elif sentences:
            blocks.append(PageBlock(kinds[index], sentences, images.get(index)))
    return ArticlePage(
        slug=row.slug, headline=headline, blocks=tuple(blocks), dateline=row.dateline,
        byline=row.english_byline or english_byline(row.byline),
        credit=row.english_credit or english_credit(row.credit, lookup),
        corrections=tuple((c.corrected_on, c.note) for c in public.corrections),
    )


def _load_page(database, termbase, slug: str) -> tuple[ArticlePage, int]:  # type: ignore[no-untyped-def]
    lookup = desk_lookup(termbase)
    with database.session() as session:
        public = desk_articles.load_public_article(session, slug)
        return build_page(public, lookup), public.row.revision


def _load_article(
    database: Database, termbase: TermbaseStore, slug: str, newsroom: Newsroom
) -> tuple[ArticlePage, int, TranslatedPage]:
    """The page, its revision and what its JSON-LD says, read in one session."""
    lookup = desk_lookup(termbase)
    with database.session() as session:
        public = desk_articles.load_public_article(session, slug)
        page = build_page(public, lookup)
        return page, public.row.revision, translated_page(public, page, newsroom)


def translated_page(
    public: PublicArticle, page: ArticlePage, newsroom: Newsroom
) -> TranslatedPage:
    """What the page's JSON-LD says: the English headline, when it was published and last changed
    (on the newsroom's clock), the Korean original, the engine and every correction note."""
    row = public.row
    zone = row.timezone
    published = newsroom.local(row.published_at or row.created_at, zone)
    changes = [row.updated_at, *(c.created_at for c in public.corrections)]
    modified = max(
        [published, *(newsroom.local(moment, zone) for moment in changes if moment is not None)]
    )
    source_url = row.source.get("url") if isinstance(row.source, dict) else None
    if not isinstance(source_url, str):
        source_url = None
    return TranslatedPage(
        slug=row.slug,
        headline=" ".join(s.english for s in page.headline if not s.missing) or row.slug,
        published=published,
        modified=modified,
        original=Original(row.headline, row.dateline, source_url),
        signature=row.signature if isinstance(row.signature, dict) else {},
        corrections=tuple(
            CorrectionNote(newsroom.local(c.created_at, zone), c.note) for c in public.corrections
        ),
    )


def _html(content: str, status: int = 200) -> HTMLResponse:
    return HTMLResponse(content, status_code=status)


@router.get("/", response_class=HTMLResponse)
def front_page(request: Request, database: DatabaseDep, templates: TemplatesDep) -> HTMLResponse:
    with database.session() as session:
        rows, _ = desk_articles.list_articles(session, state=ArticleState.PUBLISHED, limit=50)
        items = [(r.slug, _headline_english(r)) for r in rows]
    return templates.TemplateResponse(request, "front.html", {"items": items})


def _headline_english(row) -> str:  # type: ignore[no-untyped-def]
    parts = [s.english for s in row.segments if s.block_kind == "headline" and s.english]
    return " ".join(parts) or row.slug


@router.get("/articles/{slug}", response_class=HTMLResponse, name="article_page")
async def article_page(
    slug: str, request: Request, database: DatabaseDep, templates: TemplatesDep,
    settings: SettingsDep, termbase: TermbaseDep,
) -> HTMLResponse:
    """Served from the page cache on the event loop; one indexed query checks the revision."""
    cache = request.app.state.page_cache
    if database.dialect == "sqlite":  # a local file read: cheaper than a trip to the threads
        revision = desk_articles.published_revision(database, slug)
    else:  # a network round trip must not stall the event loop
        revision = await run_in_threadpool(desk_articles.published_revision, database, slug)
    if revision is None:
        raise NotFound(f"no published article called {slug!r}")
    html = cache.get("article", slug, revision)
    if html is None:
        html, revision = await run_in_threadpool(
            _render_article, database, termbase, templates, slug, Newsroom.of(settings)
        )
        cache.put("article", slug, revision, html)
    return _html(html)


def _render_article(  # type: ignore[no-untyped-def]
    database, termbase, templates, slug: str, newsroom: Newsroom
) -> tuple[str, int]:
    page, revision, translated = _load_article(database, termbase, slug, newsroom)
    jsonld = news_article(translated, newsroom)
    html = templates.get_template("article.html").render(
        page=page, notice=AI_NOTICE_BEFORE_LINK, link_text=AI_NOTICE_LINK_TEXT,
        kinds=list(ReportKind), feedback_url=f"/articles/{slug}/feedback",
        jsonld=Markup(script_json(jsonld)),  # noqa: S704  (every '<', '>' and '&' escaped)
    )
    return html, revision


def _form_page(request, templates, page, segment, *, error=None, values=None, status=200):  # type: ignore[no-untyped-def]
    chosen = next((s for s in page.sentences if s.id == segment), None)
    context = {
        "page": page, "chosen": chosen, "kinds": list(ReportKind), "error": error,
        "values": values or {},
    }
    return templates.TemplateResponse(request, "report_form.html", context, status_code=status)


@router.get("/articles/{slug}/feedback", response_class=HTMLResponse, name="report_form")
def report_form(
    slug: str, request: Request, database: DatabaseDep, termbase: TermbaseDep,
    templates: TemplatesDep, segment: Annotated[str | None, Query(max_length=20)] = None,
) -> HTMLResponse:
    page, _ = _load_page(database, termbase, slug)
    return _form_page(request, templates, page, segment)


@router.post("/articles/{slug}/feedback", dependencies=[Depends(limit_reports)])
def submit_report_form(
    slug: str, request: Request, database: DatabaseDep, settings: SettingsDep,
    templates: TemplatesDep, termbase: TermbaseDep,
    segment: Annotated[str, Form(max_length=20)],
    kind: Annotated[str, Form(max_length=40)],
    suggestion: Annotated[str, Form(max_length=100_000)] = "",
    email: Annotated[str, Form(max_length=1_000)] = "",
    website: Annotated[str, Form(max_length=1_000)] = "",
):  # type: ignore[no-untyped-def]
    values = {"kind": kind, "suggestion": suggestion, "email": email}
    try:
        body = ReportCreate(
            segment=segment, kind=kind, suggestion=suggestion or None, email=email or None,
            website=website or None,
        )
        client = client_address(request)
        receive_report(database, settings, slug, body, client)
    except (ValidationError, InvalidInput) as problem:
        page, _ = _load_page(database, termbase, slug)
        message = _plain(problem)
        return _form_page(request, templates, page, segment, error=message, values=values,
                          status=422)
    return RedirectResponse(f"/articles/{slug}/thanks?segment={segment}", status_code=303)


def _plain(problem: Exception) -> str:
    if isinstance(problem, ValidationError):
        fields = ", ".join(str(e["loc"][0]) for e in problem.errors())
        return f"Please check these fields: {fields}."
    return str(getattr(problem, "message", problem))


@router.get("/articles/{slug}/thanks", response_class=HTMLResponse, name="report_thanks")
def report_thanks(
    slug: str, request: Request, database: DatabaseDep, termbase: TermbaseDep,
    templates: TemplatesDep,
) -> HTMLResponse:
    page, _ = _load_page(database, termbase, slug)
    return templates.TemplateResponse(request, "report_thanks.html", {"page": page})
