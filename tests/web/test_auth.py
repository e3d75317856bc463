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


# --- ending sessions and tokens -------------------------------------------------------------


def test_a_cookie_saved_before_sign_out_no_longer_opens_the_desk(desk_client):
    add_editor(desk_client, "mina")
    sign_in(desk_client, "mina")
    saved = desk_client.cookies.get("transdesk_session")
    token = page_csrf(desk_client)
    desk_client.post("/logout", data={"csrf_token": token}, follow_redirects=False)

    desk_client.cookies.clear()
    desk_client.cookies.set("transdesk_session", saved)
    assert desk_client.get("/desk", follow_redirects=False).status_code == 303
    minted = desk_client.post("/api/tokens", json={"name": "x"}, headers={"X-CSRF-Token": token})
    assert minted.status_code in (401, 403)
    assert desk_client.get("/api/me").status_code == 401


def test_a_new_password_revokes_the_editors_tokens_unless_kept(desk_client):
    from transdesk.desk.accounts import find_user, set_password

    add_editor(desk_client, "mina")
    old = {"Authorization": f"Bearer {api_token(desk_client, 'mina')}"}
    with desk_client.app.state.database.session() as session:
        assert set_password(session, find_user(session, "mina"), "another long password") == 1
    assert desk_client.get("/api/me", headers=old).status_code == 401

    kept = {"Authorization": f"Bearer {api_token(desk_client, 'mina')}"}
    with desk_client.app.state.database.session() as session:
        user = find_user(session, "mina")
        assert set_password(session, user, "a third long password", keep_tokens=True) == 0
    assert desk_client.get("/api/me", headers=kept).status_code == 200


def test_a_disabled_editor_cannot_sign_in_and_their_sessions_and_tokens_stop(desk_client):
    from transdesk.desk.accounts import find_user, set_active

    add_editor(desk_client, "mina")
    bearer = {"Authorization": f"Bearer {api_token(desk_client, 'mina')}"}
    sign_in(desk_client, "mina")
    assert desk_client.get("/desk").status_code == 200
    with desk_client.app.state.database.session() as session:
        set_active(session, find_user(session, "mina"), False)
    assert desk_client.get("/desk", follow_redirects=False).status_code == 303
    assert desk_client.get("/api/me", headers=bearer).status_code == 401
    assert sign_in(desk_client, "mina").status_code == 401


def test_users_disable_tokens_and_revoke_on_the_command_line(desk_client, run_cli, monkeypatch):
    add_editor(desk_client, "mina")
    bearer = {"Authorization": f"Bearer {api_token(desk_client, 'mina')}"}
    url = desk_client.app.state.settings.resolved_database_url
    monkeypatch.setenv("TRANSDESK_DATABASE_URL", url)
    listed = run_cli("users", "tokens")
    assert listed.code == 0, listed.stderr
    token_id = listed.stdout.split("\t")[0]
    assert "\tmina\ttests\ttdk_" in listed.stdout and "live" in listed.stdout
    assert run_cli("users", "revoke", token_id).code == 0
    assert desk_client.get("/api/me", headers=bearer).status_code == 401
    assert "revoked" in run_cli("users", "tokens", "mina").stdout

    assert run_cli("users", "disable", "mina").code == 0
    assert sign_in(desk_client, "mina").status_code == 401
    assert run_cli("users", "enable", "mina").code == 0
    assert sign_in(desk_client, "mina").status_code == 303


def test_an_admin_lists_and_revokes_anyones_tokens(desk_client):
    add_editor(desk_client, "boss", role="admin")
    add_editor(desk_client, "mina")
    bearer = {"Authorization": f"Bearer {api_token(desk_client, 'mina')}"}
    own = desk_client.get("/api/tokens", params={"everyone": "true"}, headers=bearer)
    assert own.status_code == 403

    sign_in(desk_client, "boss")
    listed = desk_client.get("/api/tokens", params={"everyone": "true"},
                             headers={"X-CSRF-Token": page_csrf(desk_client)})
    assert [t["editor"] for t in listed.json()] == ["mina"]
    page = desk_client.get("/desk/tokens")
    assert page.status_code == 200 and "mina" in page.text
    token_id = listed.json()[0]["id"]
    answer = desk_client.post(
        f"/desk/tokens/{token_id}/revoke", data={"csrf_token": csrf_of(page.text)},
        follow_redirects=False,
    )
    assert answer.status_code == 303
    assert desk_client.get("/api/me", headers=bearer).status_code == 401


def test_the_tokens_page_is_for_admins_only(desk_client):
    add_editor(desk_client, "mina")
    sign_in(desk_client, "mina")
    assert desk_client.get("/desk/tokens").status_code == 403
