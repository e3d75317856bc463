"""A running desk applies a term the moment an editor approves it: no restart, no stale termbase.

The desk runs as it does in production (the app, its in-process worker and the desk's own
pipeline: memory, termbase, dates, checks) on SQLite and on PostgreSQL. The seed engine writes
"banquet" for 연회; once an editor approves 연회 → "reception" with "banquet" forbidden, the next
article comes out with "reception", and "banquet" is never published again.
"""

from __future__ import annotations

from fixtures.desk import SEED_ARTICLE, submit, wait_for_job, wire

from transdesk.desk import jobs

KOREAN = "연회"
APPROVED = "reception"
FORBIDDEN = "banquet"
TERM = {"source": KOREAN, "target": APPROVED, "forbidden": [FORBIDDEN], "kind": "other"}


def _translate(client, slug: str) -> dict:  # type: ignore[no-untyped-def]
    text = SEED_ARTICLE.read_text(encoding="utf-8")
    answer = submit(client, {"text": text, "format": "md", "slug": slug})
    assert answer.status_code == 202, answer.text
    job = wait_for_job(client, slug, timeout_s=60)
    assert job["state"] == "done", job
    article = client.get(f"/api/articles/{slug}", headers=wire(client))
    assert article.status_code == 200, article.text
    return article.json()


def _sentence_with_the_term(article: dict) -> dict:
    (segment,) = [s for s in article["segments"] if KOREAN in s["source"]]
    return segment


def _desk(make_desk_client):  # type: ignore[no-untyped-def]
    """The desk with its real pipeline (the one `transdesk serve` builds), not a bare one."""
    return make_desk_client(pipeline_factory=jobs.obtain_pipeline)


def test_a_term_approved_while_the_desk_runs_applies_to_the_next_article(make_desk_client):
    client = _desk(make_desk_client)
    before = _sentence_with_the_term(_translate(client, "before-the-term"))
    assert FORBIDDEN in before["english"]  # the engine's own word, while no term says otherwise

    added = client.post("/api/termbase", json=TERM, headers=wire(client))
    assert added.status_code == 201, added.text
    assert added.json()["status"] == "approved"

    article = _translate(client, "after-the-term")
    after = _sentence_with_the_term(article)
    assert APPROVED in after["english"] and FORBIDDEN not in after["english"].lower()
    published = " ".join(s["english"] or "" for s in article["segments"])
    assert FORBIDDEN not in published.lower()
    assert article["signature"]["termbase"]["entries"] > 0


def test_a_proposed_term_waits_for_approval_then_applies_at_once(make_desk_client):
    client = _desk(make_desk_client)
    _translate(client, "first")  # the desk's pipeline is built and its termbase loaded

    proposed = client.post(
        "/api/termbase", json={**TERM, "status": "proposed"}, headers=wire(client)
    )
    assert proposed.status_code == 201, proposed.text
    waiting = _sentence_with_the_term(_translate(client, "while-proposed"))
    assert FORBIDDEN in waiting["english"]  # a proposal is not a rule yet

    entry_id = proposed.json()["id"]
    approved = client.post(f"/api/termbase/{entry_id}/approve", headers=wire(client))
    assert approved.status_code == 200, approved.text

    after = _sentence_with_the_term(_translate(client, "once-approved"))
    assert APPROVED in after["english"] and FORBIDDEN not in after["english"].lower()


def test_a_removed_term_stops_applying(make_desk_client):
    """Removing an entry moves the termbase's version too: the desk lets the engine's word be."""
    from transdesk.glossary.store import TermbaseStore

    client = _desk(make_desk_client)
    added = client.post("/api/termbase", json=TERM, headers=wire(client))
    assert added.status_code == 201, added.text
    applied = _sentence_with_the_term(_translate(client, "with-the-term"))
    assert APPROVED in applied["english"]

    TermbaseStore(client.app.state.database).remove(added.json()["id"], by="tests")
    removed = _sentence_with_the_term(_translate(client, "without-the-term"))
    assert FORBIDDEN in removed["english"]
