"""Atom feeds of the published articles and of their corrections (with feedgen), for feed
readers, news aggregators and the newsroom's own tools.

The feed's `updated` is its newest entry's, never the time of the request, so the same articles
give the same bytes (and the same ETag) on every request.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from feedgen.feed import FeedGenerator

from transdesk import __version__
from transdesk.publish.newsroom import Newsroom

ARTICLES_PATH = "/feeds/articles.atom"
CORRECTIONS_PATH = "/feeds/corrections.atom"
EPOCH = dt.datetime(1970, 1, 1, tzinfo=dt.UTC)  # the `updated` of a feed with no entry yet


@dataclass(frozen=True)
class FeedArticle:
    slug: str
    headline: str  # in English
    published: dt.datetime  # with offsets, on the newsroom's clock
    updated: dt.datetime
    summary: str  # the first paragraph in English


@dataclass(frozen=True)
class FeedCorrection:
    id: int
    slug: str
    headline: str  # the article's English headline
    published: dt.datetime
    text: str  # the dated note readers see


def newest(times: Sequence[dt.datetime]) -> dt.datetime:
    """The feed's `updated`: its newest entry's time (the epoch for an empty feed)."""
    return max(times, default=EPOCH)


def _feed(newsroom: Newsroom, path: str, title: str, subtitle: str) -> FeedGenerator:
    feed = FeedGenerator()
    feed.id(newsroom.url(path))
    feed.title(title)
    feed.subtitle(subtitle)
    feed.author({"name": newsroom.name, "uri": newsroom.url("/")})
    feed.link(href=newsroom.url(path), rel="self", type="application/atom+xml")
    feed.link(href=newsroom.url("/"), rel="alternate", type="text/html")
    feed.language("en")
    feed.generator("transdesk", version=__version__)
    return feed


def articles_feed(newsroom: Newsroom, articles: Sequence[FeedArticle]) -> bytes:
    """The Atom feed of `articles`, in the order given (newest first)."""
    feed = _feed(
        newsroom, ARTICLES_PATH, f"{newsroom.name}: Korean news in English",
        "Articles machine-translated from Korean and published by the desk",
    )  # fmt: skip
    feed.updated(newest([a.updated for a in articles]))
    for article in articles:
        url = newsroom.article_url(article.slug)
        entry = feed.add_entry(order="append")
        entry.id(url)
        entry.title(article.headline)
        entry.link(href=url, rel="alternate", type="text/html")
        entry.published(article.published)
        entry.updated(article.updated)
        if article.summary:
            entry.summary(article.summary)
    return feed.atom_str(pretty=True)


def corrections_feed(newsroom: Newsroom, corrections: Sequence[FeedCorrection]) -> bytes:
    """The Atom feed of correction notes, one entry per note, each linking to its article."""
    feed = _feed(
        newsroom, CORRECTIONS_PATH, f"{newsroom.name}: corrections",
        "Every correction note added to a published article",
    )  # fmt: skip
    feed.updated(newest([c.published for c in corrections]))
    for correction in corrections:
        url = newsroom.article_url(correction.slug)
        entry = feed.add_entry(order="append")
        entry.id(f"{url}#correction-{correction.id}")
        entry.title(f"Correction: {correction.headline}")
        entry.link(href=url, rel="alternate", type="text/html")
        entry.published(correction.published)
        entry.updated(correction.published)
        entry.summary(correction.text)
    return feed.atom_str(pretty=True)
