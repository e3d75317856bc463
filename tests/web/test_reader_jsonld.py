"""The reader's page carries a schema.org `NewsArticle` (JSON-LD), read back here as a crawler
reads it (extruct): the headline, the dates on the newsroom's clock, the Korean original, the
machine translator, the publisher, the policies and every published correction."""

from __future__ import annotations

import re

import extruct
import pytest
from fixtures.editors import file_report
from sqlalchemy import select

from transdesk.store.desk_tables import DeskArticle

PUBLIC = "https://news.example.org"
PRINCIPLES = "https://news.example.org/principles"
POLICY = "https://news.example.org/corrections"
LEADER = (
    "Kremlin Palace stated on the 2nd that Russian President Vladimir Putin and North Korean "
    "leader Kim Jong-un are expected to continue their dialogue as they attend the 80th "
    "anniversary event of China's Victory Day on the 3rd (local time)."
)
_ISO_WITH_OFFSET = re.compile(r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?\+09:00$")


@pytest.fixture
def desk_settings(desk_settings):  # type: ignore[no-untyped-def]
    return desk_settings.model_copy(update={
        "public_url": PUBLIC, "newsroom_name": "Seoul Wire in English",
        "newsroom_timezone": "Asia/Seoul", "publishing_principles_url": PRINCIPLES,
        "corrections_policy_url": POLICY,
        "session_https_only": False,  # the test client speaks plain http to the https desk
    })  # fmt: skip


def news_article(client, slug: str) -> dict:  # type: ignore[no-untyped-def]
    page = client.get(f"/articles/{slug}")
    assert page.status_code == 200, page.text
    found = extruct.extract(page.text, base_url=f"{PUBLIC}/articles/{slug}", syntaxes=["json-ld"])
    (article,) = [item for item in found["json-ld"] if item.get("@type") == "NewsArticle"]
    return article


def test_the_page_says_what_it_is_a_translation_of_and_by_what(desk_client, published_slug):
    article = news_article(desk_client, published_slug)
    assert article["@context"] == "https://schema.org"
    assert article["headline"].startswith("Kremlin")
    assert article["inLanguage"] == "en"
    assert article["url"] == f"{PUBLIC}/articles/{published_slug}"
    for field in ("datePublished", "dateModified"):
        assert _ISO_WITH_OFFSET.match(article[field]), article[field]
    assert article["dateModified"] >= article["datePublished"]

    original = article["translationOfWork"]
    assert original["@type"] == "CreativeWork" and original["inLanguage"] == "ko"
    assert original["headline"].startswith("크렘린궁")
    assert original["datePublished"] == "2025-09-02"
    assert "url" not in original  # the source gave none
    assert article["isBasedOn"] == original

    desk, software = article["translator"]
    assert desk["@type"] == "Organization" and "Seoul Wire in English" in desk["name"]
    assert software["@type"] == "SoftwareApplication"
    assert software["applicationCategory"] == "Machine translation"
    assert "desk-phrasebook" in software["description"]  # the engine of the article's signature

    assert article["publisher"]["name"] == "Seoul Wire in English"
    assert article["publisher"]["correctionsPolicy"] == POLICY
    assert article["publishingPrinciples"] == PRINCIPLES
    assert article["correctionsPolicy"] == POLICY
    assert "correction" not in article


def test_an_accepted_correction_appears_as_a_correction_comment(desk):
    before = news_article(desk.client, desk.slug)
    file_report(desk.client, desk.slug, "b2.s0", suggestion="North Korean leader Kim")
    answer = desk.client.post("/api/reports/1/accept", json={"wording": LEADER}, headers=desk.auth)
    assert answer.status_code == 200, answer.text

    article = news_article(desk.client, desk.slug)
    (correction,) = article["correction"]
    assert correction["@type"] == "CorrectionComment"
    assert correction["text"].startswith("This article was corrected on ")
    assert _ISO_WITH_OFFSET.match(correction["datePublished"])
    assert article["dateModified"] >= correction["datePublished"]
    assert article["dateModified"] >= before["dateModified"]
    assert article["datePublished"] == before["datePublished"]


def test_the_source_url_of_the_original_is_given_when_known(desk_client, published_slug):
    with desk_client.app.state.database.session() as session:
        row = session.scalar(select(DeskArticle).where(DeskArticle.slug == published_slug))
        row.source = {**row.source, "url": "https://www.news1.kr/world/5000001"}
        row.revision += 1
    original = news_article(desk_client, published_slug)["translationOfWork"]
    assert original["url"] == "https://www.news1.kr/world/5000001"


HOSTILE = 'Hi</script><script>alert(1)</script><!-- \u2028 & "quoted" end'


def test_no_headline_can_break_out_of_the_script_element(desk_client, published_slug):
    with desk_client.app.state.database.session() as session:
        row = session.scalar(select(DeskArticle).where(DeskArticle.slug == published_slug))
        (headline,) = [s for s in row.segments if s.block_kind == "headline"]
        headline.english = HOSTILE
        row.revision += 1
    page = desk_client.get(f"/articles/{published_slug}").text
    block = re.search(r'<script type="application/ld\+json">(.*?)</script>', page, re.S)
    assert block is not None
    assert "<" not in block.group(1) and ">" not in block.group(1)
    assert "alert(1)</script>" not in page.split("</head>")[0]
    assert "\u2028" not in block.group(1)  # a line separator, escaped too
    assert news_article(desk_client, published_slug)["headline"] == HOSTILE  # read back whole
