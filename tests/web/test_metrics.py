"""`GET /metrics`: the desk's Prometheus series, over HTTP, after real work.

The counters and histograms are shared by every app in the process (see
`transdesk.observability.metrics`), so each test compares a scrape after the work with one before.
"""

from __future__ import annotations

import pytest
from fixtures.desk import SEED_ARTICLE, submit, wait_for_job, wire
from prometheus_client.parser import text_string_to_metric_families
from pydantic import SecretStr
from starlette.testclient import TestClient

from transdesk.assembly import build_pipeline

LOOPBACK = ("127.0.0.1", 50000)


Samples = dict[tuple[str, tuple[tuple[str, str], ...]], float]


def scrape(client: TestClient, **headers: str) -> Samples:
    """Every sample of `/metrics`, by name and labels."""
    answer = client.get("/metrics", headers=headers)
    assert answer.status_code == 200, answer.text
    assert answer.headers["content-type"].startswith("text/plain")
    samples = {}
    for family in text_string_to_metric_families(answer.text):
        for sample in family.samples:
            samples[(sample.name, tuple(sorted(sample.labels.items())))] = sample.value
    return samples


def total(samples: Samples, name: str, **labels: str) -> float:
    """The sum of `name`'s samples whose labels include `labels`."""
    wanted = set(labels.items())
    return sum(v for (n, ls), v in samples.items() if n == name and wanted <= set(ls))


def labels_of(samples: Samples, name: str, label: str) -> set[str]:
    return {dict(ls)[label] for (n, ls), _ in samples.items() if n == name and label in dict(ls)}


def publish_seed(client: TestClient) -> tuple[str, dict]:
    text = SEED_ARTICLE.read_text(encoding="utf-8")
    answer = submit(client, {"text": text, "format": "md"})
    assert answer.status_code == 202, answer.text
    slug = answer.json()["slug"]
    job = wait_for_job(client, slug)
    assert job["state"] == "done", job
    return slug, job


def test_metrics_show_the_desk_series_after_a_job_and_a_report(make_desk_client):
    client = make_desk_client(peer=LOOPBACK)
    before = scrape(client)
    slug, job = publish_seed(client)
    report = client.post(
        f"/api/articles/{slug}/reports", json={"segment": "b3.s0", "kind": "mistranslation"}
    )
    assert report.status_code == 201, report.text
    [group] = client.get("/api/reports", headers=wire(client)).json()["groups"]
    report_id = group["reports"][0]["id"]
    rejected = client.post(
        f"/api/reports/{report_id}/reject", json={"reason": "it is right"}, headers=wire(client)
    )
    assert rejected.status_code == 200, rejected.text

    after = scrape(client)

    def grew(name: str, **labels: str) -> float:
        return total(after, name, **labels) - total(before, name, **labels)

    # read from the database and the queue at scrape time
    assert total(after, "transdesk_jobs", state="done") == 1
    assert total(after, "transdesk_jobs", state="queued") == 0
    assert total(after, "transdesk_articles", state="published") == 1
    assert total(after, "transdesk_reports", state="rejected") == 1
    assert ("transdesk_queue_depth", ()) in after
    assert after[("transdesk_database_up", ())] == after[("transdesk_queue_up", ())] == 1
    # counted where the engine is called, and after the pipeline's last stage
    sentences = job["total"]
    assert grew("transdesk_segments_total", origin="engine") == sentences
    assert grew("transdesk_engine_sentence_seconds_count", engine="desk-phrasebook") == sentences
    assert grew("transdesk_engine_sentence_seconds_sum", engine="desk-phrasebook") > 0
    assert grew("transdesk_job_seconds_count", outcome="done") == 1
    # the reader's report and the editor's decision
    assert grew("transdesk_reports_received_total", kind="mistranslation") == 1
    assert grew("transdesk_reports_decided_total", decision="rejected") == 1
    # HTTP by route template, never by raw path
    routes = labels_of(after, "transdesk_http_requests_total", "route")
    assert "/api/articles/{slug}/reports" in routes and "/api/articles/{slug}/status" in routes
    assert not any(slug in route for route in routes)
    assert total(after, "transdesk_http_requests_total", route="/api/articles", status="202") == 1
    assert total(after, "transdesk_http_request_duration_seconds_count", route="/metrics") >= 1
    assert all(name.startswith(("transdesk_", "process_", "python_")) for name, _ in after)
    assert after[("transdesk_build_info", (("version", _version()),))] == 1


def _version() -> str:
    from transdesk import __version__

    return __version__


def test_the_gate_and_the_checks_are_counted(make_desk_client):
    """With the desk's own pipeline (memory, termbase, dates, checks, gate) over the seed article,
    whose English has real machine-translation mistakes."""
    client = make_desk_client(peer=LOOPBACK, pipeline_factory=build_pipeline)
    before = scrape(client)
    _, job = publish_seed(client)
    after = scrape(client)

    def grew(name: str, **labels: str) -> float:
        return total(after, name, **labels) - total(before, name, **labels)

    assert grew("transdesk_gate_decisions_total", scope="article") == 1
    assert grew("transdesk_gate_decisions_total", scope="segment") == job["total"]
    assert labels_of(after, "transdesk_gate_decisions_total", "decision") <= {
        "publish", "review", "block"
    }
    assert grew("transdesk_findings_total") > 0
    assert labels_of(after, "transdesk_findings_total", "severity") <= {
        "info", "minor", "major", "critical"
    }


def test_an_unknown_path_is_counted_under_one_label(make_desk_client):
    client = make_desk_client(peer=LOOPBACK)
    for n in range(3):
        assert client.get(f"/no/such/page/{n}").status_code == 404
    after = scrape(client)
    routes = labels_of(after, "transdesk_http_requests_total", "route")
    assert "<unmatched>" in routes and not any("/no/such" in r for r in routes)


@pytest.mark.parametrize("database_url", ["sqlite"], indirect=True)
def test_a_token_protects_the_metrics(make_desk_client):
    client = make_desk_client(metrics_token=SecretStr("scrape-me"))  # from another machine
    assert client.get("/metrics").status_code == 401
    assert client.get("/metrics").headers["www-authenticate"].startswith("Bearer")
    assert client.get("/metrics", headers={"Authorization": "Bearer wrong"}).status_code == 401
    assert client.get("/metrics", headers={"Authorization": "Basic scrape-me"}).status_code == 401
    assert scrape(client, Authorization="Bearer scrape-me")


@pytest.mark.parametrize("database_url", ["sqlite"], indirect=True)
def test_without_a_token_only_this_machine_reads_the_metrics(make_desk_client):
    remote = make_desk_client(peer=("203.0.113.9", 40000))
    assert remote.get("/metrics").status_code == 403
    assert "TRANSDESK_METRICS_TOKEN" in remote.get("/metrics").text
    local = make_desk_client(peer=LOOPBACK)
    assert scrape(local)
    # a reverse proxy on this machine forwards the world: not local
    proxied = local.get("/metrics", headers={"X-Forwarded-For": "203.0.113.9"})
    assert proxied.status_code == 403


@pytest.mark.parametrize("database_url", ["sqlite"], indirect=True)
def test_two_apps_in_one_process_keep_their_own_http_series(make_desk_client):
    first, second = make_desk_client(peer=LOOPBACK), make_desk_client(peer=LOOPBACK)
    for _ in range(3):
        first.get("/healthz")
    assert total(scrape(first), "transdesk_http_requests_total", route="/healthz") == 3
    assert total(scrape(second), "transdesk_http_requests_total", route="/healthz") == 0


@pytest.mark.parametrize("database_url", ["sqlite"], indirect=True)
def test_openmetrics_when_the_scraper_asks(make_desk_client):
    client = make_desk_client(peer=LOOPBACK)
    openmetrics = {"Accept": "application/openmetrics-text; version=1.0.0"}
    answer = client.get("/metrics", headers=openmetrics)
    assert answer.status_code == 200
    assert answer.headers["content-type"].startswith("application/openmetrics-text")
    assert answer.text.rstrip().endswith("# EOF")


@pytest.mark.parametrize("database_url", ["sqlite"], indirect=True)
def test_an_accepted_report_is_counted_as_decided(make_desk_client):
    client = make_desk_client(peer=LOOPBACK)
    slug, _ = publish_seed(client)
    for suggestion in ("The Kremlin said so.", "The Kremlin said that."):  # two on one sentence
        body = {"segment": "b2.s0", "kind": "name_or_title", "suggestion": suggestion}
        assert client.post(f"/api/articles/{slug}/reports", json=body).status_code == 201
    before = scrape(client)
    [group] = client.get("/api/reports", headers=wire(client)).json()["groups"]
    first = group["reports"][0]["id"]
    accepted = client.post(f"/api/reports/{first}/accept", json={}, headers=wire(client))
    assert accepted.status_code == 200, accepted.text
    after = scrape(client)
    decided = ("transdesk_reports_decided_total", (("decision", "accepted"),))
    assert after[decided] - before.get(decided, 0) == len(accepted.json()["resolved_reports"]) == 2
    assert total(after, "transdesk_reports", state="accepted") == 2
