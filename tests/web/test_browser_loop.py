"""The whole loop in a real browser on a real server: a Korean article is submitted and
translated, a reader reports "Commissioner Kim", an editor signs in and accepts an edited
suggestion, and the reader's page shows the corrected sentence with its correction note."""

from __future__ import annotations

import time

import httpx
import pytest
from fixtures.desk import SEED_ARTICLE, wire_token

from transdesk.desk.accounts import create_user

pytestmark = pytest.mark.browser
EDITED = (
    "Kremlin Palace stated on the 2nd that Russian President Vladimir Putin and North Korean "
    "leader Kim Jong-un are expected to continue their dialogue as they attend the 80th "
    "anniversary event of China's Victory Day on the 3rd (local time)."
)


def _submit_and_wait(url: str, token: str) -> str:
    text = SEED_ARTICLE.read_text(encoding="utf-8")
    headers = {"Authorization": f"Bearer {token}"}  # the wire account's API token
    with httpx.Client(base_url=url, timeout=30, headers=headers) as client:
        answer = client.post("/api/articles", json={"text": text, "format": "md"})
        assert answer.status_code == 202, answer.text
        slug = answer.json()["slug"]
        deadline = time.monotonic() + 60
        while (state := client.get(f"/api/articles/{slug}/status").json()["state"]) in (
            "queued",
            "running",
        ):
            assert time.monotonic() < deadline, "the translation job did not finish"
            time.sleep(0.2)
    assert state == "done"
    return slug


def test_reader_reports_editor_accepts_reader_sees_the_correction(
    browser_desk, chromium_page, screenshots
):
    page, live_desk, artifacts = chromium_page, browser_desk, screenshots
    with live_desk.database.session() as session:
        create_user(session, "mina", "correct horse battery staple")
    slug = _submit_and_wait(live_desk.url, wire_token(live_desk.database))

    # the reader: open the article and report the wrong title
    page.goto(f"{live_desk.url}/articles/{slug}")
    wrong = page.locator('span.s[data-segment="b2.s0"]')
    assert "Commissioner Kim Jong-un" in wrong.inner_text()
    page.screenshot(path=artifacts / "1-article.png", full_page=True)
    wrong.click()
    dialog = page.locator("dialog#report")
    dialog.wait_for(state="visible")
    dialog.locator("select[name=kind]").select_option("name_or_title")
    dialog.locator("textarea[name=suggestion]").fill("North Korean leader Kim Jong-un")
    dialog.locator("input[name=email]").fill("reader@example.com")
    page.screenshot(path=artifacts / "2-report-dialog.png")
    dialog.locator("button[type=submit]").click()
    page.get_by_text("Your report has reached our editors").wait_for()

    # the editor: sign in, find the report in the queue, accept an edited suggestion
    page.goto(f"{live_desk.url}/desk")
    page.fill("input[name=name]", "mina")
    page.fill("input[name=password]", "correct horse battery staple")
    page.screenshot(path=artifacts / "3-login.png")
    page.click("form.login button[type=submit]")
    group = page.locator('section.group[data-segment="b2.s0"]')
    group.wait_for()
    assert "reader@example.com" in group.inner_text()
    assert "크렘린궁은" in group.inner_text()
    page.screenshot(path=artifacts / "4-review-queue.png", full_page=True)
    group.get_by_role("link", name="Review").first.click()
    wording = page.locator("form.accept textarea[name=wording]")
    assert wording.input_value() == "North Korean leader Kim Jong-un"
    wording.fill(EDITED)
    page.screenshot(path=artifacts / "5-report-accept.png", full_page=True)
    page.click("form.accept button[type=submit]")
    page.wait_for_url("**/desk/propagation**")
    page.screenshot(path=artifacts / "6-propagation.png", full_page=True)

    # the editor uploads the next article as a file through the upload form
    page.goto(f"{live_desk.url}/desk/upload")
    page.set_input_files("form.upload input[name=file]", str(SEED_ARTICLE))
    page.fill("form.upload input[name=slug]", "kremlin-again")
    page.screenshot(path=artifacts / "7-upload.png", full_page=True)
    page.click("form.upload button[type=submit]")
    page.wait_for_url("**/desk/articles?submitted=kremlin-again")
    assert page.locator('tr[data-slug="kremlin-again"]').count() == 1

    # the reader again: the corrected sentence and the note are live
    page.goto(f"{live_desk.url}/articles/{slug}")
    fixed = page.locator('span.s[data-segment="b2.s0"]').inner_text()
    assert fixed == EDITED
    note = page.locator("section.corrections").inner_text()
    assert "This article was corrected on" in note and "to give the correct title of Kim Jong-un." in note
    assert "reader@example.com" not in page.content()
    page.screenshot(path=artifacts / "8-corrected-article.png", full_page=True)
