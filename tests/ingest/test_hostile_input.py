"""Hostile articles are refused with a clear `InvalidArticle` (exit 2, API 400), never a crash:
slugs outside the one slug rule, unknown time zones, JSON nested to exhaust the stack."""

from __future__ import annotations

import json
import time

import pytest

from transdesk.errors import InvalidArticle
from transdesk.ingest import parse_article
from transdesk.ingest.raw import check_slug

BODY = "# 서울시, 심야버스 확대\n\n서울시는 3일 심야버스 노선을 늘린다고 밝혔다.\n"


def markdown(front: str) -> str:
    return f"---\ndate: 2025-09-02\n{front}\n---\n{BODY}"


@pytest.mark.parametrize(
    "slug",
    [
        '"x) [evil](javascript:alert(1)) ../../../etc"',
        "../../etc/passwd",
        "Upper-Case",
        "-leading-hyphen",
        "a" * 81,
        "한글-슬러그",
        '"with space"',
    ],
)
def test_a_front_matter_slug_outside_the_rule_is_refused_with_a_fix(slug):
    with pytest.raises(InvalidArticle, match="is not allowed") as caught:
        parse_article(markdown(f"slug: {slug}"), "md")
    assert "hint: use 'slug: " in str(caught.value)


@pytest.mark.parametrize("slug", ["putin-kim-beijing", "2025-09-02-abc", "a", "a" * 80])
def test_a_slug_inside_the_rule_is_kept(slug):
    assert parse_article(markdown(f"slug: {slug}"), "md").slug == slug


def test_json_and_markdown_share_the_slug_rule():
    document = {
        "headline": "서울시, 심야버스 확대",
        "date": "2025-09-02",
        "slug": "../etc",
        "blocks": [{"type": "paragraph", "text": "서울시는 3일 밝혔다."}],
    }
    with pytest.raises(InvalidArticle, match="slug"):
        parse_article(json.dumps(document), "json")
    assert check_slug("ok-slug") == "ok-slug"


@pytest.mark.parametrize("zone", ["Not/AZone", "../../etc/localtime", "", "Asia/../../../etc/x"])
def test_an_unknown_time_zone_is_refused(zone):
    with pytest.raises(InvalidArticle, match="time zone"):
        parse_article(markdown(f"timezone: '{zone}'"), "md")


def test_a_known_time_zone_is_kept():
    assert parse_article(markdown("timezone: Europe/Moscow"), "md").dateline.timezone == "Europe/Moscow"


@pytest.mark.parametrize("opener", ["[", '{"a":'])
def test_json_nested_100000_deep_is_refused_quickly(opener):
    closer = "]" if opener == "[" else "}"
    text = opener * 100_000 + closer * 100_000
    started = time.monotonic()
    with pytest.raises(InvalidArticle, match="nested more than"):
        parse_article(text, "json")
    assert time.monotonic() - started < 5


def test_brackets_inside_strings_do_not_count_as_nesting():
    document = {
        "headline": "서울시 [[[[ {{{{ 확대 " + "[" * 100 + '\\" ' + "{" * 100,
        "date": "2025-09-02",
        "blocks": [{"type": "paragraph", "text": "서울시는 3일 밝혔다. \\\\" + "[" * 50}],
    }
    article = parse_article(json.dumps(document), "json")
    assert article.blocks[0].text.startswith("서울시 [[[[")


def test_unterminated_escapes_are_scanned_in_linear_time():
    text = '{"headline": "' + '\\"' * 500_000
    started = time.monotonic()
    with pytest.raises(InvalidArticle, match="not valid JSON"):
        parse_article(text, "json")
    assert time.monotonic() - started < 5
