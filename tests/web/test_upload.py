"""The editors' upload form: a file or pasted text becomes a queued translation, as through the
API; what is not an article is explained on the form, which keeps what the editor typed."""

from __future__ import annotations

import pytest
from fixtures.desk import SEED_ARTICLE, wait_for_job
from fixtures.editors import add_editor, page_csrf, sign_in

from transdesk.desk import audit

SEED = SEED_ARTICLE.read_bytes()


@pytest.fixture
def editor_client(desk_client):
    add_editor(desk_client, "mina")
    sign_in(desk_client, "mina")
    return desk_client


def _upload(client, *, files=None, **fields):  # type: ignore[no-untyped-def]
    data = {"csrf_token": page_csrf(client, "/desk/upload"), **fields}
    return client.post("/desk/upload", data=data, files=files, follow_redirects=False)


@pytest.mark.parametrize(
    ("sent", "slug"),
    [
        ({"files": {"file": ("kremlin-talks.md", SEED, "text/markdown")}}, "kremlin-talks"),
        ({"text": SEED.decode(), "format": "md", "slug": "pasted"}, "pasted"),
        ({"files": {"file": ("story.txt", SEED, "text/plain")}, "format": "md"}, "story"),
    ],
    ids=["file", "pasted", "file-with-format"],
)
def test_an_uploaded_article_is_translated_and_published(editor_client, sent, slug):
    answer = _upload(editor_client, **sent)
    assert answer.status_code == 303, answer.text
    assert answer.headers["location"] == f"/desk/articles?submitted={slug}"
    assert wait_for_job(editor_client, slug)["state"] == "done"
    assert "Kremlin Palace stated on the 2nd" in editor_client.get(f"/articles/{slug}").text
    with editor_client.app.state.database.session() as session:
        assert ("mina", "submit") in [(e.actor, e.action) for e in audit.entries(session)]
    assert slug in editor_client.get("/desk/articles").text


@pytest.mark.parametrize(
    ("sent", "status", "message"),
    [
        ({}, 422, "choose a file or paste the article"),
        ({"files": {"file": ("photo.md", b"\x89PNG\x00\x00\x01", "image/png")}}, 422, "photo.md: "),
        ({"text": "{not json", "format": "json"}, 422, "the pasted article: "),
        ({"text": "   ", "format": "md"}, 422, "choose a file or paste the article"),
        ({"text": SEED.decode(), "format": "md", "slug": "twice"}, 409, "already on the desk"),
    ],
    ids=["nothing", "binary-file", "bad-json", "blank-text", "same-slug"],
)
def test_what_is_not_an_article_is_explained_on_the_form(editor_client, sent, status, message):
    if status == 409:
        assert _upload(editor_client, **sent).status_code == 303
    answer = _upload(editor_client, **sent)
    assert answer.status_code == status
    assert 'class="error" role="alert"' in answer.text and message in answer.text
    assert 'enctype="multipart/form-data"' in answer.text  # the form again, to fix and resend
    if "text" in sent and sent["text"].strip():
        assert sent["text"][:20] in answer.text  # what was pasted is kept (escaped)


def test_the_upload_form_is_for_editors_only(desk_client):
    answer = desk_client.get("/desk/upload", follow_redirects=False)
    assert answer.status_code == 303 and answer.headers["location"].startswith("/login")
    sent = desk_client.post("/desk/upload", data={"text": SEED.decode()}, follow_redirects=False)
    assert sent.status_code == 403  # no session, no CSRF token
