"""The Atom feeds (public, no login): `/feeds/articles.atom`, the latest published articles, and
`/feeds/corrections.atom`, the latest correction notes (`transdesk.publish.feeds`).

Each answer carries an ETag (a hash of the feed) and a Last-Modified (its newest entry), and a
client that sends either back gets a bodiless 304 while nothing changed.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Sequence
from email.utils import format_datetime, parsedate_to_datetime

from fastapi import APIRouter, Request
from fastapi.responses import Response
from sqlalchemy import func, select
from sqlalchemy.orm import selectinload

from transdesk.publish.feeds import (
    ARTICLES_PATH,
    CORRECTIONS_PATH,
    FeedArticle,
    FeedCorrection,
    articles_feed,
    corrections_feed,
    newest,
)
from transdesk.publish.newsroom import Newsroom
from transdesk.store.db import Database
from transdesk.store.desk_tables import ArticleCorrection, ArticleSegment, ArticleState, DeskArticle
from transdesk.web.deps import DatabaseDep, SettingsDep

router = APIRouter(include_in_schema=False)
ATOM = "application/atom+xml; charset=utf-8"
ARTICLES_IN_FEED = 50
CORRECTIONS_IN_FEED = 100
MAX_AGE_S = 300


def english_headline(segments: Sequence[ArticleSegment], fallback: str) -> str:
    parts = [s.english.strip() for s in segments if s.block_kind == "headline" and s.english]
    return " ".join(p for p in parts if p) or fallback


def first_paragraph(segments: Sequence[ArticleSegment]) -> str:
    """The English of the article's first paragraph that has any."""
    blocks: dict[int, list[str]] = {}
    for segment in segments:
        if segment.block_kind == "paragraph" and (segment.english or "").strip():
            blocks.setdefault(segment.block_index, []).append(segment.english.strip())
    return " ".join(blocks[min(blocks)]) if blocks else ""


def _published_at(row: DeskArticle) -> dt.datetime:
    return row.published_at or row.created_at


def latest_articles(
    database: Database, newsroom: Newsroom, limit: int = ARTICLES_IN_FEED
) -> list[FeedArticle]:
    """The published articles, newest first."""
    query = (
        select(DeskArticle)
        .where(DeskArticle.state == ArticleState.PUBLISHED)
        .order_by(func.coalesce(DeskArticle.published_at, DeskArticle.created_at).desc(),
                  DeskArticle.id.desc())  # fmt: skip
        .limit(limit)
        .options(selectinload(DeskArticle.segments))
    )
    with database.session() as session:
        articles = []
        for row in session.scalars(query):
            published = newsroom.local(_published_at(row), row.timezone)
            updated = max(published, newsroom.local(row.updated_at, row.timezone))
            articles.append(FeedArticle(
                slug=row.slug, headline=english_headline(row.segments, row.slug),
                published=published, updated=updated, summary=first_paragraph(row.segments),
            ))  # fmt: skip
        return articles


def latest_corrections(
    database: Database, newsroom: Newsroom, limit: int = CORRECTIONS_IN_FEED
) -> list[FeedCorrection]:
    """The correction notes of published articles, newest first."""
    query = (
        select(ArticleCorrection)
        .join(DeskArticle, ArticleCorrection.article_id == DeskArticle.id)
        .where(DeskArticle.state == ArticleState.PUBLISHED)
        .order_by(ArticleCorrection.created_at.desc(), ArticleCorrection.id.desc())
        .limit(limit)
        .options(selectinload(ArticleCorrection.article).selectinload(DeskArticle.segments))
    )
    with database.session() as session:
        return [
            FeedCorrection(
                id=note.id, slug=note.article.slug,
                headline=english_headline(note.article.segments, note.article.slug),
                published=newsroom.local(note.created_at, note.article.timezone), text=note.note,
            )  # fmt: skip
            for note in session.scalars(query)
        ]


@router.get(ARTICLES_PATH, name="articles_feed")
def articles_atom(request: Request, database: DatabaseDep, settings: SettingsDep) -> Response:
    newsroom = Newsroom.of(settings)
    articles = latest_articles(database, newsroom)
    return atom_response(request, articles_feed(newsroom, articles),
                         newest([a.updated for a in articles]))  # fmt: skip


@router.get(CORRECTIONS_PATH, name="corrections_feed")
def corrections_atom(request: Request, database: DatabaseDep, settings: SettingsDep) -> Response:
    newsroom = Newsroom.of(settings)
    notes = latest_corrections(database, newsroom)
    return atom_response(request, corrections_feed(newsroom, notes),
                         newest([n.published for n in notes]))  # fmt: skip


def atom_response(request: Request, body: bytes, updated: dt.datetime) -> Response:
    """The feed with its validators, or a 304 when the client's copy is still the feed."""
    etag = f'"{hashlib.sha256(body).hexdigest()[:32]}"'
    headers = {
        "ETag": etag,
        "Last-Modified": format_datetime(updated.astimezone(dt.UTC), usegmt=True),
        "Cache-Control": f"public, max-age={MAX_AGE_S}",
    }
    if _not_modified(request, etag, updated):
        return Response(status_code=304, headers=headers)
    return Response(body, media_type=ATOM, headers=headers)


def _not_modified(request: Request, etag: str, updated: dt.datetime) -> bool:
    sent = request.headers.get("if-none-match")
    if sent is not None:  # the ETag wins over the date (RFC 9110, 13.2.2)
        tags = {t.strip().removeprefix("W/") for t in sent.split(",")}
        return etag in tags or "*" in tags
    since = request.headers.get("if-modified-since")
    if not since:
        return False
    try:
        client_copy = parsedate_to_datetime(since)
    except (TypeError, ValueError):
        return False
    if client_copy.tzinfo is None:
        client_copy = client_copy.replace(tzinfo=dt.UTC)
    return updated.replace(microsecond=0) <= client_copy
