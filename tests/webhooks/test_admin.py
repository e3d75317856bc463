"""Subscribing endpoints: `transdesk webhooks ...` and the admins' page /desk/webhooks."""

from __future__ import annotations

from fixtures.editors import add_editor, csrf_of, file_report, sign_in
from sqlalchemy import select

from transdesk.store.editor_tables import AuditEntry
from transdesk.store.webhook_tables import WebhookEndpoint
from transdesk.webhooks import subscriptions


def test_the_command_line_adds_lists_and_removes_endpoints(cli, database):
    added = cli("webhooks", "add", "https://cms.example.org/hooks", "--event", "article.published",
                "--event", "article.corrected")  # fmt: skip
    assert added.code == 0, added.stderr
    line, secret = added.stdout.splitlines()
    assert line == "1\thttps://cms.example.org/hooks\tarticle.published, article.corrected"
    assert secret.startswith("whsec_") and "shown only now" in added.stderr
    with database.session() as session:
        assert session.get(WebhookEndpoint, 1).secret == secret

    listed = cli("webhooks", "list")
    assert listed.stdout.splitlines() == [
        "1\thttps://cms.example.org/hooks\tarticle.published, article.corrected\tenabled"
    ]
    assert secret not in listed.stdout
    assert cli("webhooks", "deliveries", "--endpoint", "1").code == 0

    removed = cli("webhooks", "remove", "1")
    assert removed.code == 0 and removed.stdout.startswith("removed 1")
    assert cli("webhooks", "list").stdout == ""
    assert cli("webhooks", "remove", "1").code == 2  # not found
    with database.session() as session:
        actions = session.scalars(select(AuditEntry.action).order_by(AuditEntry.id)).all()
    assert actions == ["add_webhook", "remove_webhook"]


def test_the_command_line_refuses_a_bad_url_or_event(cli):
    assert cli("webhooks", "add", "ftp://cms.example.org/hooks").code == 2
    bad = cli("webhooks", "add", "https://cms.example.org/hooks", "--event", "article.deleted")
    assert bad.code == 2 and "article.published" in bad.stderr


def test_the_delivery_log_lists_each_try(cli, database, published, receiver):
    from huey import MemoryHuey

    from transdesk.feedback.reports import ReportDraft
    from transdesk.feedback.reports import file_report as file_directly
    from transdesk.settings import Settings
    from transdesk.webhooks.delivery import WebhookDelivery

    receiver.answers = [503]
    with database.session() as session:
        receiver.secret = subscriptions.add(session, receiver.url, (), "boss").secret
    file_directly(database, published, ReportDraft("b2.s0", "other"), max_chars=2000)
    sender = WebhookDelivery(Settings(), database, MemoryHuey("tests", immediate=False))
    try:
        sender.deliver(1)
    finally:
        sender.close()
    [line] = cli("webhooks", "deliveries").stdout.splitlines()
    fields = line.split("\t")
    assert fields[2:5] == ["report.received", "pending", "try 1"]
    assert fields[6] == "503" and fields[7].startswith("next 20")


def _admin_page(desk):  # type: ignore[no-untyped-def]
    add_editor(desk.client, "chief", role="admin")
    assert sign_in(desk.client, "chief").status_code == 303
    page = desk.client.get("/desk/webhooks")
    assert page.status_code == 200, page.text
    return page


def test_an_editor_who_is_not_an_admin_is_refused(desk):
    assert desk.client.get("/desk/webhooks").status_code == 403


def test_an_admin_subscribes_and_removes_an_endpoint_on_the_desk(desk, receiver):
    page = _admin_page(desk)
    assert "No webhook endpoints yet." in page.text
    token = csrf_of(page.text)
    refused = desk.client.post("/desk/webhooks", data={"url": receiver.url})
    assert refused.status_code == 403  # no CSRF token
    added = desk.client.post(
        "/desk/webhooks",
        data={"url": receiver.url, "event": ["report.received"], "csrf_token": token},
    )
    assert added.status_code == 200, added.text
    with desk.client.app.state.database.session() as session:
        endpoint = session.scalar(select(WebhookEndpoint))
    assert endpoint.events == ["report.received"] and endpoint.created_by == "chief"
    assert endpoint.secret in added.text  # shown this once
    assert endpoint.secret not in desk.client.get("/desk/webhooks").text

    receiver.secret = endpoint.secret
    file_report(desk.client, desk.slug, "b2.s0")
    receiver.wait_for(1)
    log = desk.client.get("/desk/webhooks").text
    assert "report.received" in log and ">200<" in log.replace(" ", "")

    bad = desk.client.post("/desk/webhooks", data={"url": "not a url", "csrf_token": token})
    assert bad.status_code == 400 and "is not an http(s) URL" in bad.text
    removed = desk.client.post(
        f"/desk/webhooks/{endpoint.id}/remove", data={"csrf_token": token}, follow_redirects=False
    )
    assert removed.status_code == 303
    assert "No webhook endpoints yet." in desk.client.get("/desk/webhooks").text
