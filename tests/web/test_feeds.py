"""The Atom feeds of a running desk, read back with feedparser: the published articles, the
correction notes, the links to them from the reader's pages, and answers a cache can keep."""

from __future__ import annotations

import re

import feedparser
import pytest
from fixtures.editors import file_report

PUBLIC = "https://news.example.org"
LEADER = (
    "Kremlin Palace stated on the 2nd that Russian President Vladimir Putin and North Korean "
    "leader Kim Jong-un are expected to continue their dialogue as they attend the 80th "
    "anniversary event of China's Victory Day on the 3rd (local time)."
)


@pytest.fixture
def desk_settings(desk_settings):  # type: ignore[no-untyped-def]
    return desk_settings.model_copy(update={
        "public_url": PUBLIC, "newsroom_name": "Seoul Wire in English",
        "session_https_only": False,  # the test client speaks plain http to the https desk
    })  # fmt: skip


def read_feed(client, path: str):  # type: ignore[no-untyped-def]
    answer = client.get(path)
    assert answer.status_code == 200, answer.text
    assert answer.headers["content-type"].startswith("application/atom+xml")
    feed = feedparser.parse(answer.content)
    assert feed.bozo == 0, feed.bozo_exception
    return feed


def test_the_articles_feed_has_the_published_article(desk_client, published_slug):
    feed = read_feed(desk_client, "/feeds/articles.atom")
    assert feed.feed.title == "Seoul Wire in English: Korean news in English"
    (entry,) = feed.entries
    assert entry.title.startswith("Kremlin")
    assert entry.link == f"{PUBLIC}/articles/{published_slug}"
    assert entry.summary.startswith("Kremlin Palace stated on the 2nd")  # the first paragraph
    assert entry.updated_parsed >= entry.published_parsed


def test_newest_first(desk_client, published_slug):
    from fixtures.desk import SEED_ARTICLE, submit, wait_for_job

    text = SEED_ARTICLE.read_text(encoding="utf-8")
    answer = submit(desk_client, {"text": text, "format": "md", "slug": "putin-kim-again"})
    assert answer.status_code == 202, answer.text
    assert wait_for_job(desk_client, "putin-kim-again")["state"] == "done"
    links = [e.link for e in read_feed(desk_client, "/feeds/articles.atom").entries]
    assert links == [f"{PUBLIC}/articles/putin-kim-again", f"{PUBLIC}/articles/{published_slug}"]


def test_every_correction_note_is_an_entry_linking_to_its_article(desk):
    assert read_feed(desk.client, "/feeds/corrections.atom").entries == []
    file_report(desk.client, desk.slug, "b2.s0", suggestion="North Korean leader Kim")
    answer = desk.client.post("/api/reports/1/accept", json={"wording": LEADER}, headers=desk.auth)
    assert answer.status_code == 200, answer.text

    (entry,) = read_feed(desk.client, "/feeds/corrections.atom").entries
    assert entry.link == f"{PUBLIC}/articles/{desk.slug}"
    assert entry.title.startswith("Correction: Kremlin")
    assert entry.summary.startswith("This article was corrected on ")
    assert entry.summary in desk.client.get(f"/articles/{desk.slug}").text


def test_the_reader_pages_link_to_both_feeds(desk_client, published_slug):
    link = re.compile(r'<link rel="alternate" type="application/atom\+xml" title="[^"]+" '
                      r'href="(/feeds/[a-z]+\.atom)">')  # fmt: skip
    for path in ("/", f"/articles/{published_slug}"):
        found = link.findall(desk_client.get(path).text)
        assert found == ["/feeds/articles.atom", "/feeds/corrections.atom"], path


@pytest.mark.parametrize("path", ["/feeds/articles.atom", "/feeds/corrections.atom"])
def test_a_client_with_the_current_copy_gets_a_304(desk_client, published_slug, path):
    first = desk_client.get(path)
    assert first.headers["cache-control"].startswith("public")
    etag, modified = first.headers["etag"], first.headers["last-modified"]
    assert desk_client.get(path).headers["etag"] == etag  # the same feed, the same bytes
    again = desk_client.get(path, headers={"If-None-Match": etag})
    assert again.status_code == 304 and again.content == b""
    assert desk_client.get(path, headers={"If-Modified-Since": modified}).status_code == 304
    stale = desk_client.get(path, headers={"If-None-Match": '"something-else"'})
    assert stale.status_code == 200 and stale.content == first.content
