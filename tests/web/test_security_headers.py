"""Security headers on every answer, and body limits that hold for chunked bodies too."""

from __future__ import annotations

import httpx
import pytest
from fixtures.desk import LiveDesk
from fixtures.editors import add_editor, sign_in

HEADERS = {
    "x-content-type-options": "nosniff",
    "x-frame-options": "DENY",
    "referrer-policy": "strict-origin-when-cross-origin",
}


@pytest.mark.parametrize(
    "path", ["/", "/login", "/articles/{slug}", "/api/health", "/api/articles",
             "/static/reader.css", "/no-such-page", "/api/no-such-thing"],
)  # fmt: skip
def test_every_answer_has_the_security_headers(desk_client, published_slug, path):
    answer = desk_client.get(path.format(slug=published_slug))
    for name, value in HEADERS.items():
        assert answer.headers[name] == value, (path, name)
    policy = answer.headers["content-security-policy"]
    assert "script-src 'self';" in policy and "style-src 'self';" in policy
    assert "frame-ancestors 'none'" in policy and "unsafe-inline" not in policy


def test_the_desks_pages_have_no_inline_script_or_style(desk_client, published_slug):
    import re

    add_editor(desk_client, "mina")
    sign_in(desk_client, "mina")
    # a `<script type="application/ld+json">` data block (the JSON-LD) is not script: CSP does
    # not govern it and browsers never run it; any other script element without src is inline
    inline = re.compile(
        r'<script(?![^>]*\bsrc=)(?!\s+type="application/ld\+json">)[^>]*>'
        r'|<style\b|\sstyle="|\son[a-z]+="',
        re.I,
    )
    for path in ("/", "/articles/{slug}", "/articles/{slug}/feedback", "/login", "/desk",
                 "/desk/articles", "/desk/articles/{slug}/edit", "/desk/upload"):  # fmt: skip
        page = desk_client.get(path.format(slug=published_slug))
        assert page.status_code == 200, path
        assert not inline.search(page.text), (path, inline.search(page.text))


def test_the_api_docs_keep_working_under_their_own_policy(desk_client):
    answer = desk_client.get("/docs")
    assert answer.status_code == 200
    assert "cdn.jsdelivr.net" in answer.headers["content-security-policy"]
    assert answer.headers["x-frame-options"] == "DENY"


def _chunks(total: int, size: int = 4096):  # type: ignore[no-untyped-def]
    sent = 0
    while sent < total:
        yield b"suggestion=" + b"x" * (size - 11) if sent == 0 else b"x" * size
        sent += size


@pytest.mark.parametrize(
    ("path", "kind"),
    [
        ("/articles/putin-kim-beijing/feedback", "application/x-www-form-urlencoded"),
        ("/api/articles/putin-kim-beijing/reports", "application/json"),
    ],
)
def test_a_chunked_report_body_over_the_limit_is_a_413(live_desk_with_token: LiveDesk, path, kind):
    with httpx.Client(base_url=live_desk_with_token.url, timeout=30) as client:
        answer = client.post(path, content=_chunks(64_000), headers={"Content-Type": kind})
    assert "content-length" not in answer.request.headers  # sent chunked
    assert answer.status_code == 413, answer.text[:300]
    assert "limit" in answer.text and answer.headers["x-content-type-options"] == "nosniff"


@pytest.mark.parametrize("path", ["/api/boom", "/desk/boom"])
def test_an_unexpected_error_still_carries_the_security_headers(desk_client, path):
    """Starlette answers an unexpected error from its outermost layer, outside the middleware."""
    from fastapi.testclient import TestClient

    def boom() -> None:
        raise RuntimeError("a bug")

    desk_client.app.add_api_route(path, boom)
    client = TestClient(desk_client.app, raise_server_exceptions=False)
    answer = client.get(path)
    assert answer.status_code == 500
    for name, value in HEADERS.items():
        assert answer.headers[name] == value, name
    assert "frame-ancestors 'none'" in answer.headers["content-security-policy"]
    assert "a bug" not in answer.text


def test_an_error_page_shows_its_hint(desk_client):
    from transdesk.errors import InvalidInput

    def refuse() -> None:
        raise InvalidInput("this article has no body", hint="paste the article's paragraphs")

    desk_client.app.add_api_route("/desk/refuse", refuse)
    page = desk_client.get("/desk/refuse")
    assert page.status_code == 422
    assert "this article has no body" in page.text
    assert '<p class="hint">paste the article&#39;s paragraphs</p>' in page.text
