"""In a real browser: a blocked article is in the editors' queue with why, a bare publish is
refused, each held sentence is resolved (one edited, one accepted as it is), the article is
published and the reader's page shows every sentence, with an English byline. Screenshots at
desktop width and at 390 px (a phone)."""

from __future__ import annotations

import re

import httpx
import pytest
from fixtures.desk import wire_token
from sqlalchemy import update

from transdesk.desk.accounts import create_user
from transdesk.store.desk_tables import ArticleSegment, DeskArticle

from .test_browser_loop import _submit_and_wait

pytestmark = pytest.mark.browser
HEADLINE = "Kremlin says Putin and Kim will keep talking at China's Victory Day"
PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1100, "height": 900}


def _block(database, slug: str) -> None:
    """As the gate leaves an article it blocks: the headline without English (held), one
    paragraph sentence blocked with a critical finding."""
    with database.session() as session:
        session.execute(update(DeskArticle).values(state="blocked", decision="block",
                                                   published_at=None))  # fmt: skip
        session.execute(
            update(ArticleSegment).where(ArticleSegment.block_kind == "headline")
            .values(english=None, decision="block", status="failed")
        )  # fmt: skip
        session.execute(
            update(ArticleSegment).where(ArticleSegment.segment_id == "b2.s0")
            .values(decision="block", findings=[{"check": "terms", "kind": "term",
                    "severity": "critical", "message": "a forbidden rendering of a title"}])
        )  # fmt: skip


def _shoot(page, folder, name: str) -> None:  # type: ignore[no-untyped-def]
    page.set_viewport_size(DESKTOP)
    page.screenshot(path=folder / f"{name}-desktop.png", full_page=True)
    page.set_viewport_size(PHONE)
    page.screenshot(path=folder / f"{name}-390.png", full_page=True)
    page.set_viewport_size(DESKTOP)


def test_a_blocked_article_is_resolved_sentence_by_sentence_then_published(
    browser_desk, chromium_page, screenshots
):
    page, desk, shots = chromium_page, browser_desk, screenshots
    with desk.database.session() as session:
        create_user(session, "mina", "correct horse battery staple")
    token = wire_token(desk.database)
    slug = _submit_and_wait(desk.url, token)
    _block(desk.database, slug)

    # a bare publish request resolves nothing and publishes nothing
    with httpx.Client(base_url=desk.url, headers={"Authorization": f"Bearer {token}"}) as api:
        refused = api.post(f"/api/articles/{slug}/publish", json={})
        assert refused.status_code == 409
        assert [h["label"] for h in refused.json()["unresolved"]][0] == "headline"
        assert api.get(f"/articles/{slug}").status_code == 404

    # the editor: the queue shows the blocked article and why
    page.goto(f"{desk.url}/desk")
    page.fill("input[name=name]", "mina")
    page.fill("input[name=password]", "correct horse battery staple")
    page.click("form.login button[type=submit]")
    waiting = page.locator(f'section.waiting li[data-slug="{slug}"]')
    waiting.wait_for()
    assert "blocked" in waiting.inner_text() and "headline (no English" in waiting.inner_text()
    _shoot(page, shots, "1-queue")

    # the article list offers no one-click publish; its publish is refused on the page too
    page.goto(f"{desk.url}/desk/articles")
    row = page.locator(f'tr[data-slug="{slug}"]')
    assert row.get_by_role("button", name="Publish").count() == 0
    row.get_by_role("link", name="Resolve held sentences").click()
    page.locator("section.held-summary").wait_for()
    page.get_by_role("button", name="Save and publish").click()
    page.locator("section.held-summary.refused").wait_for()
    assert "Not published" in page.locator("section.held-summary").inner_text()
    _shoot(page, shots, "2-refused")

    # resolve: write the headline, accept the blocked sentence as it is, publish
    headline = page.locator("fieldset.held").first
    assert headline.locator("legend").inner_text().startswith("Headline")
    headline.locator("textarea").fill(HEADLINE)
    blocked = page.locator('fieldset[data-segment="b2.s0"]')
    assert blocked.locator("legend").inner_text().startswith("Paragraph 1")
    blocked.get_by_label("Accept as it is").check()
    box = blocked.locator("textarea").bounding_box()
    assert box and box["height"] >= 60  # sized to its text, not clipped to two lines
    _shoot(page, shots, "3-resolving")
    page.get_by_role("button", name="Save and publish").click()
    page.wait_for_url(f"**/desk/articles?published={slug}")
    _shoot(page, shots, "4-published")

    # the reader: every sentence, the headline first, an English byline, the report hint
    page.goto(f"{desk.url}/articles/{slug}")
    assert page.locator("h1.headline").inner_text().strip() == HEADLINE
    meta = page.locator("p.meta").inner_text()
    assert "By Kim Ye-seul, staff reporter" in meta and "News1" in meta
    assert not re.search(r"[\uac00-\ud7a3]", meta)
    assert page.locator(".s.missing").count() == 0
    assert page.get_by_text("Tap or click any sentence").is_visible()
    link = page.locator("a.feedback-link").bounding_box()
    assert link and link["height"] >= 44 and link["width"] >= 44
    _shoot(page, shots, "5-reader")
    page.set_viewport_size(PHONE)
    page.locator('span.s[data-segment="b2.s0"]').click()
    dialog = page.locator("dialog#report")
    dialog.wait_for(state="visible")
    assert dialog.get_by_role("heading", name="Report this sentence").is_visible()
    dialog.locator("button[type=submit]").click()
    thanks = dialog.get_by_text("Your report has reached our editors")
    thanks.wait_for()
    page.wait_for_timeout(2_000)
    assert thanks.is_visible()  # it stays until the reader closes the dialog
    page.screenshot(path=shots / "6-thanks-390.png")
