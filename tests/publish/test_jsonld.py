"""The NewsArticle JSON-LD as a dict, and its serialisation for a script element."""

from __future__ import annotations

import datetime as dt
import json
from zoneinfo import ZoneInfo

from transdesk.publish.jsonld import (
    CorrectionNote,
    Original,
    TranslatedPage,
    news_article,
    script_json,
)
from transdesk.publish.newsroom import Newsroom

SEOUL = ZoneInfo("Asia/Seoul")
NEWSROOM = Newsroom("Seoul Wire", "https://wire.example/", "Asia/Seoul")


def page(**changes) -> TranslatedPage:  # type: ignore[no-untyped-def]
    base = {
        "slug": "kim-beijing",
        "headline": "Kim arrives in Beijing",
        "published": dt.datetime(2025, 9, 2, 15, 0, tzinfo=SEOUL),
        "modified": dt.datetime(2025, 9, 2, 15, 0, tzinfo=SEOUL),
        "original": Original("김정은, 베이징 도착", dt.date(2025, 9, 2)),
        "signature": {"transdesk": "1.2.3", "engine": "ct2", "model": "nllb-200-distilled-600M"},
    }
    return TranslatedPage(**{**base, **changes})


def test_the_article_names_its_original_translator_and_publisher():
    data = news_article(page(), NEWSROOM)
    assert data["@type"] == "NewsArticle" and data["inLanguage"] == "en"
    assert data["url"] == "https://wire.example/articles/kim-beijing"
    assert data["datePublished"] == "2025-09-02T15:00:00+09:00"
    assert data["translationOfWork"] == {
        "@type": "CreativeWork", "inLanguage": "ko", "headline": "김정은, 베이징 도착",
        "datePublished": "2025-09-02",
    }  # fmt: skip
    desk, software = data["translator"]
    assert desk["@type"] == "Organization"
    assert software["softwareVersion"] == "1.2.3"
    assert "ct2 engine (nllb-200-distilled-600M)" in software["description"]
    assert data["publisher"] == {
        "@type": "NewsMediaOrganization", "name": "Seoul Wire", "url": "https://wire.example/",
    }  # fmt: skip
    assert "publishingPrinciples" not in data and "correctionsPolicy" not in data
    assert "correction" not in data


def test_corrections_and_policies_when_there_are_some():
    newsroom = Newsroom("Seoul Wire", "https://wire.example", None, "https://wire.example/p",
                        "https://wire.example/c")  # fmt: skip
    note = CorrectionNote(dt.datetime(2025, 9, 3, 9, 30, tzinfo=SEOUL), "This article was …")
    data = news_article(page(corrections=(note,)), newsroom)
    assert data["correction"] == [{
        "@type": "CorrectionComment", "datePublished": "2025-09-03T09:30:00+09:00",
        "text": "This article was …",
    }]  # fmt: skip
    assert data["publishingPrinciples"] == "https://wire.example/p"
    assert data["correctionsPolicy"] == data["publisher"]["correctionsPolicy"]


def test_only_web_addresses_are_given_for_the_original():
    for url, expected in (("https://news1.kr/a?b=1", "https://news1.kr/a?b=1"),
                          ("javascript:alert(1)", None), ("/relative", None)):  # fmt: skip
        original = news_article(page(original=Original("제목", dt.date(2025, 9, 2), url)), NEWSROOM)
        assert original["translationOfWork"].get("url") == expected, url


def test_the_script_text_cannot_end_the_element_or_open_a_comment():
    hostile = "</script><script>alert(1)</script><!-- --> & \u2028\u2029 한국어"
    text = script_json({"headline": hostile})
    for forbidden in ("<", ">", "&", "\u2028", "\u2029"):
        assert forbidden not in text
    assert "한국어" in text  # the rest stays as it is
    assert json.loads(text) == {"headline": hostile}
