"""Sign-in hardening: the password policy, and sign-in limits per account and per address that
live in the database, so restarting the desk does not reset them."""

from __future__ import annotations

import pytest
from fixtures.editors import PASSWORD, add_editor, csrf_of, sign_in

from transdesk.desk.accounts import create_user
from transdesk.errors import InvalidInput


@pytest.mark.parametrize(
    ("password", "why"),
    [
        ("aaaaaaaaaa", "too few characters"),
        ("abababababab", "too few characters"),
        ("password12", "most common passwords"),
        ("Password2024!", "most common passwords"),
        ("qwertyuiop", "most common passwords"),
        ("P@ssw0rd123", "most common passwords"),
        ("1234567890", "most common passwords"),
        ("mina.park2024", "account's name"),
        ("short", "too short"),
    ],
)
def test_weak_passwords_are_refused_with_a_clear_message(desk_client, password, why):
    why = why.replace("too few characters", "repeats too few characters")
    with desk_client.app.state.database.session() as session:
        with pytest.raises(InvalidInput, match=why):
            create_user(session, "mina.park2024" if "name" in why else "mina", password)


def test_a_weak_password_is_refused_through_the_api_too(desk_client):
    from fixtures.editors import api_token

    add_editor(desk_client, "boss", role="admin")
    bearer = {"Authorization": f"Bearer {api_token(desk_client, 'boss')}"}
    answer = desk_client.post(
        "/api/users", json={"name": "mina", "password": "password12"}, headers=bearer
    )
    assert answer.status_code == 422 and "common" in answer.json()["message"]


def _try(client, name: str, password: str):  # type: ignore[no-untyped-def]
    token = csrf_of(client.get("/login").text)
    return client.post(
        "/login", data={"name": name, "password": password, "csrf_token": token},
        follow_redirects=False,
    )  # fmt: skip


def test_an_account_is_locked_after_five_failures_even_across_a_restart(make_desk_client):
    client = make_desk_client(login_rate_limit="1000/minute")
    add_editor(client, "mina")
    for _ in range(5):
        assert _try(client, "mina", "wrong password here").status_code == 401
    locked = _try(client, "mina", PASSWORD)
    assert locked.status_code == 429 and "too many sign-in attempts" in locked.text
    assert int(locked.headers["retry-after"]) > 0

    restarted = make_desk_client(login_rate_limit="1000/minute")  # the same database, a new app
    assert _try(restarted, "mina", PASSWORD).status_code == 429


def test_a_good_sign_in_clears_the_accounts_failures(make_desk_client):
    client = make_desk_client(login_rate_limit="1000/minute")
    add_editor(client, "mina")
    for _ in range(4):
        _try(client, "mina", "wrong password here")
    assert sign_in(client, "mina").status_code == 303
    for _ in range(4):
        assert _try(client, "mina", "wrong password here").status_code == 401


def test_an_address_is_limited_across_accounts_and_restarts(make_desk_client):
    client = make_desk_client(login_rate_limit="6/minute")
    for n in range(6):
        assert _try(client, f"nobody{n}", "wrong password here").status_code == 401
    assert _try(client, "someone-else", "wrong password here").status_code == 429
    assert _try(make_desk_client(login_rate_limit="6/minute"), "x1", "y").status_code == 429
