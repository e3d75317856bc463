"""Behind reverse proxies: `X-Forwarded-For` names the client only when the connection comes from
a proxy in `TRANSDESK_TRUSTED_PROXIES`; from anyone else it is ignored (no picking your own
rate-limit bucket)."""

from __future__ import annotations

import pytest
from fixtures.desk import SEED_ARTICLE, submit, wait_for_job
from starlette.requests import Request

from transdesk.settings import Settings
from transdesk.web.proxies import TrustedProxies

PROXIES = ["10.0.0.0/8", "::1"]


def _request(peer: str, *forwarded: str) -> Request:
    headers = [(b"x-forwarded-for", value.encode()) for value in forwarded]
    return Request({"type": "http", "client": (peer, 4000), "headers": headers})


@pytest.mark.parametrize(
    ("peer", "forwarded", "client"),
    [
        ("203.0.113.9", ["198.51.100.7"], "203.0.113.9"),  # not a proxy: header ignored
        ("10.0.0.2", ["198.51.100.7"], "198.51.100.7"),
        ("10.0.0.2", ["6.6.6.6, 198.51.100.7"], "198.51.100.7"),  # the client's own claim
        ("10.0.0.2", ["198.51.100.7, 10.0.0.3"], "198.51.100.7"),  # two proxies deep
        ("10.0.0.2", ["198.51.100.7", "10.0.0.3"], "198.51.100.7"),  # one header per hop
        ("10.0.0.2", ["not-an-address"], "10.0.0.2"),
        ("10.0.0.2", [], "10.0.0.2"),
        ("::1", ["2001:db8::5"], "2001:db8::5"),
        ("testclient", ["198.51.100.7"], "testclient"),
    ],
)
def test_the_client_address_is_what_trusted_proxies_forwarded(peer, forwarded, client):
    assert TrustedProxies(PROXIES).client_of(_request(peer, *forwarded)) == client


def test_without_trusted_proxies_the_header_is_ignored():
    assert TrustedProxies([]).client_of(_request("10.0.0.2", "198.51.100.7")) == "10.0.0.2"


@pytest.mark.parametrize(
    ("value", "networks"),
    [("10.0.0.0/8, 192.168.1.1", ["10.0.0.0/8", "192.168.1.1/32"]), ("", [])],
)
def test_trusted_proxies_are_read_from_the_environment(monkeypatch, value, networks):
    monkeypatch.setenv("TRANSDESK_TRUSTED_PROXIES", value)
    assert Settings().trusted_proxies == networks


def test_a_trusted_proxy_that_is_not_an_address_is_refused_at_start_up():
    with pytest.raises(ValueError, match="does not appear to be an IPv4 or IPv6 network"):
        Settings(trusted_proxies=["proxy.internal"])


@pytest.mark.parametrize(("trusted", "limited"), [(["10.0.0.0/8"], False), ([], True)])
def test_readers_behind_a_trusted_proxy_each_have_their_own_report_limit(
    make_desk_client, trusted, limited
):
    client = make_desk_client(
        peer=("10.0.0.2", 5000), trusted_proxies=trusted, report_rate_limit="2/minute"
    )
    text = SEED_ARTICLE.read_text(encoding="utf-8")
    slug = submit(client, {"text": text, "format": "md"}).json()["slug"]
    assert wait_for_job(client, slug)["state"] == "done"
    body = {"segment": "b2.s0", "kind": "other"}

    def report(reader: str) -> int:
        headers = {"X-Forwarded-For": reader}
        return client.post(f"/api/articles/{slug}/reports", json=body, headers=headers).status_code

    assert [report("198.51.100.7"), report("198.51.100.7")] == [201, 201]
    assert report("198.51.100.7") == 429
    assert report("198.51.100.8") == (429 if limited else 201)  # the same proxy, another reader
