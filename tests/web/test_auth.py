"""Editors' sign-in: passwords, signed session cookies, CSRF on every form, roles, API tokens."""

from __future__ import annotations

import pytest
from fixtures.editors import (
    PASSWORD,
    add_editor,
    api_token,
    csrf_of,
    file_report,
    page_csrf,
    sign_in,
)
from sqlalchemy import select

from transdesk.store.editor_tables import EditorApiToken, EditorUser


def test_sign_in_opens_the_desk_and_sign_out_closes_it(desk_client):
    add_editor(desk_client, "mina")
    assert desk_client.get("/desk", follow_redirects=False).headers["location"].startswith("/login")

    answer = sign_in(desk_client, "mina")
    assert answer.status_code == 303 and answer.headers["location"] == "/desk"
    cookie = answer.headers["set-cookie"].lower()
    assert "httponly" in cookie and "samesite=lax" in cookie
    desk = desk_client.get("/desk")
    assert desk.status_code == 200 and "mina (editor)" in desk.text

    out = desk_client.post(
        "/logout", data={"csrf_token": csrf_of(desk.text)}, follow_redirects=False
    )
    assert out.status_code == 303
    assert desk_client.get("/desk", follow_redirects=False).status_code == 303


@pytest.mark.parametrize(
    ("name", "password"),
    [("mina", "wrong password here"), ("nobody", PASSWORD), ("mina", ""), ("MINA", PASSWORD)],
)
def test_wrong_name_or_password_is_refused_the_same_way(desk_client, name, password):
    add_editor(desk_client, "mina")
    answer = sign_in(desk_client, name, password)
    assert answer.status_code in (401, 422)
    if answer.status_code == 401:
        assert "Wrong name or password." in answer.text
    assert desk_client.get("/desk", follow_redirects=False).status_code == 303


def test_passwords_are_stored_as_argon2_hashes(desk_client):
    add_editor(desk_client, "mina")
    with desk_client.app.state.database.session() as session:
        stored = session.scalar(select(EditorUser.password_hash))
    assert stored.startswith("$argon2id$") and PASSWORD not in stored


def test_secure_cookie_when_served_over_https(make_desk_client):
    client = make_desk_client(session_https_only=True)
    add_editor(client, "mina")
    assert "secure" in client.get("/login").headers["set-cookie"].lower()


def test_a_forged_session_cookie_is_ignored(desk_client):
    add_editor(desk_client, "mina")
    sign_in(desk_client, "mina")
    value = desk_client.cookies.get("transdesk_session")
    desk_client.cookies.clear()
    desk_client.cookies.set(
        "transdesk_session", value[:-6] + ("AAAAAA" if value[-6:] != "AAAAAA" else "BBBBBB")
    )
    assert desk_client.get("/desk", follow_redirects=False).status_code == 303


def test_changing_the_password_ends_open_sessions(desk_client):
    from transdesk.desk.accounts import find_user, set_password

    add_editor(desk_client, "mina")
    sign_in(desk_client, "mina")
    with desk_client.app.state.database.session() as session:
        set_password(session, find_user(session, "mina"), "another long password")
    assert desk_client.get("/desk", follow_redirects=False).status_code == 303


@pytest.mark.parametrize("target", ["//evil.example/", "https://evil.example/", "/\\evil"])
def test_sign_in_never_redirects_off_the_desk(desk_client, target):
    add_editor(desk_client, "mina")
    token = csrf_of(desk_client.get("/login").text)
    answer = desk_client.post(
        "/login",
        data={"name": "mina", "password": PASSWORD, "csrf_token": token, "next": target},
        follow_redirects=False,
    )
    assert answer.headers["location"] == "/desk"


# Every form the editors' side has, with fields that would otherwise be accepted.
FORMS = [
    ("/logout", {}),
    ("/desk/reports/1/accept", {"wording": "North Korean leader Kim Jong-un"}),
    ("/desk/reports/1/reject", {"reason": "fine as it is"}),
    ("/desk/articles/{slug}/publish", {}),
    ("/desk/articles/{slug}/retranslate", {}),
    ("/desk/articles/{slug}/edit", {"en:b2.s0": "Changed."}),
    ("/desk/propagation/1/apply", {}),
    ("/desk/propagation/items/1/dismiss", {}),
    ("/desk/upload", {"text": "# 제목\n\n본문입니다.", "format": "md", "slug": "sneaked-in"}),
]


@pytest.mark.parametrize("token", [None, "forged-token"], ids=["missing", "forged"])
@pytest.mark.parametrize(("path", "fields"), FORMS, ids=[f[0] for f in FORMS])
def test_every_form_refuses_a_post_without_the_sessions_csrf_token(desk, path, fields, token):
    file_report(desk.client, desk.slug, "b2.s0", suggestion="leader Kim")
    before = desk.english("b2.s0")
    data = dict(fields)
    if token:
        data["csrf_token"] = token
    answer = desk.client.post(path.format(slug=desk.slug), data=data, follow_redirects=False)
    assert answer.status_code == 403, answer.text
    assert desk.english("b2.s0") == before
    assert desk.client.get("/desk", follow_redirects=False).status_code == 200  # still signed in


def test_the_login_form_needs_its_csrf_token_too(desk_client):
    add_editor(desk_client, "mina")
    desk_client.get("/login")
    answer = desk_client.post(
        "/login", data={"name": "mina", "password": PASSWORD}, follow_redirects=False
    )
    assert answer.status_code == 403


def test_a_csrf_token_from_another_session_is_refused(desk, make_desk_client):
    other = csrf_of(desk.client.get("/login").text)  # this session's token...
    file_report(desk.client, desk.slug, "b2.s0", suggestion="leader Kim")
    desk.client.cookies.clear()
    sign_in(desk.client, "mina")  # ...is not the new session's token
    answer = desk.client.post("/desk/reports/1/reject", data={"reason": "x", "csrf_token": other})
    assert answer.status_code == 403


def test_api_writes_with_the_session_cookie_need_the_csrf_header(desk):
    file_report(desk.client, desk.slug, "b2.s0", suggestion="leader Kim")
    refused = desk.client.post("/api/reports/1/reject", json={"reason": "no"})
    assert refused.status_code == 403 and refused.json()["code"] == "csrf"
    token = page_csrf(desk.client)
    done = desk.client.post(
        "/api/reports/1/reject", json={"reason": "no"}, headers={"X-CSRF-Token": token}
    )
    assert done.status_code == 200, done.text


@pytest.mark.parametrize(("role", "status"), [("editor", 403), ("admin", 201)])
def test_only_admins_add_accounts(desk_client, role, status):
    add_editor(desk_client, "someone", role=role)
    token = api_token(desk_client, "someone")
    answer = desk_client.post(
        "/api/users",
        json={"name": "new.editor", "password": "a long enough password"},
        headers={"Authorization": f"Bearer {token}"},
    )
    assert answer.status_code == status, answer.text


def test_api_tokens_work_until_revoked_and_are_stored_hashed(desk_client):
    add_editor(desk_client, "bot")
    token = api_token(desk_client, "bot")
    auth = {"Authorization": f"Bearer {token}"}
    assert desk_client.get("/api/me", headers=auth).json()["name"] == "bot"
    with desk_client.app.state.database.session() as session:
        row = session.scalar(select(EditorApiToken))
        assert token not in (row.token_hash, row.prefix) and row.last_used_at is not None
    revoked = desk_client.post(f"/api/tokens/{row.id}/revoke", headers=auth)
    assert revoked.status_code == 200
    again = desk_client.get("/api/reports", headers=auth)
    assert again.status_code == 401 and again.json()["code"] == "not_authenticated"


@pytest.mark.parametrize(
    "header", [None, "Bearer tdk_not-a-real-token", "Basic bWluYTpwdw==", "Bearer "]
)
def test_the_editors_api_refuses_strangers(desk_client, header):
    headers = {"Authorization": header} if header else {}
    answer = desk_client.get("/api/reports", headers=headers)
    assert answer.status_code == 401
    assert answer.json()["code"] == "not_authenticated"


def test_an_editor_creates_a_token_through_the_api(desk):
    token = page_csrf(desk.client)
    made = desk.client.post(
        "/api/tokens", json={"name": "wire feed"}, headers={"X-CSRF-Token": token}
    )
    assert made.status_code == 201
    secret = made.json()["token"]
    desk.client.cookies.clear()
    me = desk.client.get("/api/me", headers={"Authorization": f"Bearer {secret}"})
    assert me.json() == {"id": me.json()["id"], "name": "mina", "role": "editor"}
