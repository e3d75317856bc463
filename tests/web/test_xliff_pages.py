"""XLIFF on the desk's edit page, through the real HTTP flow: download the article, post-edit it
with translate-toolkit's own reader and writer (as a CAT tool would), upload it with the form's
CSRF token, and see the change on the reader's page and in the memory; a refused file changes
nothing and says why."""

from __future__ import annotations

import re

import pytest
from fixtures.editors import csrf_of
from translate.storage import xliff, xliff2

from transdesk.memory import TranslationMemory

KO = "김 위원장은 전날 열차로 북한을 출발해 이날 오후 베이징에 도착했다."
WRONG = (
    "Commissioner Kim departed from North Korea by train the day before and arrived in Beijing "
    "that afternoon."
)
RIGHT = WRONG.replace("Commissioner Kim", "leader Kim")
READERS = {"1.2": xliff.xlifffile, "2.0": xliff2.Xliff2File}


def edit_page(desk):  # type: ignore[no-untyped-def]
    page = desk.client.get(f"/desk/articles/{desk.slug}/edit")
    assert page.status_code == 200, page.text
    return page.text


def download(desk, version: str):  # type: ignore[no-untyped-def]
    answer = desk.client.get(f"/desk/articles/{desk.slug}/xliff", params={"version": version})
    assert answer.status_code == 200, answer.text
    assert answer.headers["content-type"].startswith("application/x-xliff+xml")
    disposition = answer.headers["content-disposition"]
    assert disposition.startswith(f'attachment; filename="{desk.slug}-xliff{version}.xlf"')
    assert answer.headers["cache-control"] == "no-store"
    return READERS[version].parsestring(answer.content)


def upload(desk, data: bytes, token: str | None = None):  # type: ignore[no-untyped-def]
    token = csrf_of(edit_page(desk)) if token is None else token
    return desk.client.post(
        f"/desk/articles/{desk.slug}/xliff",
        data={"csrf_token": token} if token else {},
        files={"file": ("edited.xlf", data, "application/x-xliff+xml")},
    )


def english(desk, source: str) -> str:  # type: ignore[no-untyped-def]
    article = desk.client.get(f"/api/articles/{desk.slug}").json()
    return next(s["english"] for s in article["segments"] if s["source"] == source)


def test_the_edit_page_offers_both_downloads_and_the_upload_form(desk):
    html = edit_page(desk)
    for version in ("1.2", "2.0"):
        assert f'href="/desk/articles/{desk.slug}/xliff?version={version}"' in html
        assert f"Download XLIFF {version}" in html
    form = re.search(r'<form method="post" action="/desk/articles/[^"]+/xliff"[^>]*>(.*?)</form>',
                     html, re.S)  # fmt: skip
    assert form is not None and 'enctype="multipart/form-data"' in form.group(0)
    assert 'name="csrf_token"' in form.group(1) and 'type="file" name="file"' in form.group(1)


@pytest.mark.parametrize("version", ["1.2", "2.0"])
def test_an_edit_made_in_a_cat_tool_comes_back_as_a_correction(desk, version):
    store = download(desk, version)
    unit = next(u for u in store.units if u.source == KO)
    assert unit.target == WRONG
    unit.settarget(RIGHT)

    answer = upload(desk, bytes(store))
    assert answer.status_code == 200, answer.text
    assert "1 sentence changed" in answer.text
    assert RIGHT in answer.text

    page = desk.client.get(f"/articles/{desk.slug}").text
    assert RIGHT in page and "This article was corrected on" in page
    match = TranslationMemory(desk.client.app.state.database).exact(KO)
    assert (match.target, match.approved_by) == (RIGHT, "mina")


def test_a_file_with_no_change_records_nothing(desk):
    answer = upload(desk, bytes(download(desk, "1.2")))
    assert answer.status_code == 200 and "No sentence changed" in answer.text
    assert "corrected on" not in desk.client.get(f"/articles/{desk.slug}").text


def _refused(desk, data: bytes, *words: str, status: int = 422) -> None:
    before = desk.client.get(f"/api/articles/{desk.slug}").json()
    answer = upload(desk, data)
    assert answer.status_code == status, answer.text
    assert "nothing was imported" in answer.text
    for word in words:
        assert word in answer.text
    assert desk.client.get(f"/api/articles/{desk.slug}").json() == before


def test_an_unknown_unit_id_is_refused_and_nothing_is_imported(desk):
    store = download(desk, "1.2")
    store.units[0].settarget("A good edit that must not be kept alone.")
    store.units[1].setid("b99.s0")
    _refused(desk, bytes(store), "b99.s0", "no such sentence")


def test_changed_korean_is_refused_and_nothing_is_imported(desk):
    store = download(desk, "2.0")
    next(u for u in store.units if u.source == KO).settarget(RIGHT)
    store.units[3].source = store.units[3].source + " 추가"
    _refused(desk, bytes(store), "Korean no longer matches")
    assert english(desk, KO) != RIGHT


def test_a_file_of_another_article_is_refused(desk):
    data = bytes(download(desk, "1.2")).replace(
        f'original="{desk.slug}"'.encode(), b'original="another-article"'
    )
    _refused(desk, data, "another-article")


def test_an_upload_without_the_forms_csrf_token_is_refused(desk):
    store = download(desk, "1.2")
    next(u for u in store.units if u.source == KO).settarget(RIGHT)
    answer = upload(desk, bytes(store), token="")
    assert answer.status_code == 403
    assert english(desk, KO) != RIGHT


def test_not_xliff_and_no_file_are_refused(desk):
    answer = upload(desk, b"<html>not a CAT tool's file</html>")
    assert answer.status_code == 422
    token = csrf_of(edit_page(desk))
    empty = desk.client.post(f"/desk/articles/{desk.slug}/xliff", data={"csrf_token": token},
                             files={"file": ("", b"", "application/octet-stream")})  # fmt: skip
    assert empty.status_code == 422 and "choose the edited XLIFF file" in empty.text


def test_a_large_file_is_within_the_uploads_limit(desk):
    store = download(desk, "1.2")
    unit = next(u for u in store.units if u.source == KO)
    unit.settarget(RIGHT)
    unit.addnote("x" * 40_000, origin="translator")  # over the limit of an ordinary form
    answer = upload(desk, bytes(store))
    assert answer.status_code == 200, answer.text
    assert english(desk, KO) == RIGHT


def test_only_editors_download(desk_client, published_slug):
    answer = desk_client.get(f"/desk/articles/{published_slug}/xliff", follow_redirects=False)
    assert answer.status_code == 303 and answer.headers["location"].startswith("/login")


def test_a_version_the_desk_does_not_write_is_refused(desk):
    answer = desk.client.get(f"/desk/articles/{desk.slug}/xliff", params={"version": "3.0"})
    assert answer.status_code == 422 and "1.2 or 2.0" in answer.text
