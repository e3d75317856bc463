"""The Atom feeds, read back with feedparser."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

import feedparser

from transdesk.publish.feeds import FeedArticle, FeedCorrection, articles_feed, corrections_feed
from transdesk.publish.newsroom import Newsroom

SEOUL = ZoneInfo("Asia/Seoul")
NEWSROOM = Newsroom("Seoul Wire", "https://wire.example")


def at(day: int, hour: int = 9) -> dt.datetime:
    return dt.datetime(2025, 9, day, hour, tzinfo=SEOUL)


def test_the_articles_feed_lists_them_in_the_order_given():
    articles = [
        FeedArticle("newer", "Kim arrives <in> Beijing & more", at(3), at(4), "First paragraph."),
        FeedArticle("older", "Putin lands", at(2), at(2), ""),
    ]
    feed = feedparser.parse(articles_feed(NEWSROOM, articles))
    assert feed.bozo == 0, feed.bozo_exception
    assert feed.feed.title == "Seoul Wire: Korean news in English"
    assert feed.feed.updated_parsed[:4] == (2025, 9, 4, 0)  # the newest entry's, in UTC
    newer, older = feed.entries
    assert newer.title == "Kim arrives <in> Beijing & more"
    assert newer.link == "https://wire.example/articles/newer"
    assert newer.summary == "First paragraph."
    assert older.link == "https://wire.example/articles/older" and "summary" not in older


def test_the_same_articles_give_the_same_bytes():
    articles = [FeedArticle("a", "A", at(2), at(2), "p")]
    assert articles_feed(NEWSROOM, articles) == articles_feed(NEWSROOM, articles)
    empty = feedparser.parse(articles_feed(NEWSROOM, []))
    assert empty.bozo == 0 and empty.entries == []


def test_one_entry_per_correction_note_linking_to_its_article():
    notes = [
        FeedCorrection(2, "kim", "Kim arrives", at(5), "This article was corrected on Sept. 5."),
        FeedCorrection(1, "kim", "Kim arrives", at(4), "This article was corrected on Sept. 4."),
    ]
    feed = feedparser.parse(corrections_feed(NEWSROOM, notes))
    assert feed.bozo == 0, feed.bozo_exception
    assert [e.id for e in feed.entries] == [
        "https://wire.example/articles/kim#correction-2",
        "https://wire.example/articles/kim#correction-1",
    ]
    assert {e.link for e in feed.entries} == {"https://wire.example/articles/kim"}
    assert feed.entries[0].title == "Correction: Kim arrives"
    assert feed.entries[0].summary == "This article was corrected on Sept. 5."
