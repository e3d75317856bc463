"""The desk's own Prometheus series that count events: each is named `transdesk_*`.

They are made without a registry (never the process-wide default one) and live for the process:
`transdesk.observability.registry` adds them to each app's registry, so several apps in one
process (tests, an embedding program) share the counts and never collide over names. Counts are
per process: a `transdesk worker` in another process counts its own jobs and serves them with
`--metrics-port` (`transdesk.observability.exporter`).

The pipeline, the job runner and the report workflow call the `observe_*` / `count_*` helpers;
nothing here touches the database or the network.
"""

from __future__ import annotations

from collections.abc import Iterable

from prometheus_client import Counter, Histogram
from prometheus_client.registry import Collector

from transdesk.article import SegmentStatus, TranslatedArticle

# seconds per sentence: from a memory-fast engine (well under 1 ms) to a slow LLM (a minute)
SENTENCE_BUCKETS = (0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60)
JOB_BUCKETS = (0.1, 0.5, 1, 2.5, 5, 10, 30, 60, 120, 300, 600, 1800, 3600)

ENGINE_SENTENCE_SECONDS = Histogram(
    "transdesk_engine_sentence_seconds",
    "Engine time per sentence: each batch's time shared among its sentences (count: sentences "
    "the engine was asked; sum: seconds spent in the engine)",
    ["engine"],
    buckets=SENTENCE_BUCKETS,
    registry=None,
)
ENGINE_ERRORS = Counter(
    "transdesk_engine_errors_total",
    "Engine calls that failed as a whole (EngineUnavailable, EngineError: server down, ...)",
    ["engine"],
    registry=None,
)
SEGMENTS = Counter(
    "transdesk_segments_total",
    "Sentences translated, by where the English came from (memory, engine) and their status",
    ["origin", "status"],
    registry=None,
)
GATE_DECISIONS = Counter(
    "transdesk_gate_decisions_total",
    "The gate's decisions, on each sentence (scope=segment) and each article (scope=article)",
    ["scope", "decision"],
    registry=None,
)
FINDINGS = Counter(
    "transdesk_findings_total",
    "Findings of the checks on translated sentences, by check and severity",
    ["check", "severity"],
    registry=None,
)
JOB_SECONDS = Histogram(
    "transdesk_job_seconds",
    "Time of one attempt at a translation job, by how it ended (done, retry, failed, interrupted)",
    ["outcome"],
    buckets=JOB_BUCKETS,
    registry=None,
)
REPORTS_RECEIVED = Counter(
    "transdesk_reports_received_total",
    "Readers' reports stored, by kind",
    ["kind"],
    registry=None,
)
REPORTS_DECIDED = Counter(
    "transdesk_reports_decided_total",
    "Readers' reports decided by editors (accepted: every report a correction resolved)",
    ["decision"],
    registry=None,
)

EVENT_SERIES: tuple[Collector, ...] = (
    ENGINE_SENTENCE_SECONDS,
    ENGINE_ERRORS,
    SEGMENTS,
    GATE_DECISIONS,
    FINDINGS,
    JOB_SECONDS,
    REPORTS_RECEIVED,
    REPORTS_DECIDED,
)


def observe_engine(engine: str, sentences: int, seconds: float) -> None:
    """One engine call that translated `sentences` sentences in `seconds`."""
    if sentences <= 0:
        return
    per_sentence = seconds / sentences
    histogram = ENGINE_SENTENCE_SECONDS.labels(engine=engine)
    for _ in range(sentences):
        histogram.observe(per_sentence)


def count_engine_error(engine: str) -> None:
    ENGINE_ERRORS.labels(engine=engine).inc()


def _origin(status: SegmentStatus, origin: str) -> str:
    return "memory" if status == SegmentStatus.FROM_MEMORY or origin == "memory" else "engine"


def observe_translation(translated: TranslatedArticle) -> None:
    """Count a finished article: its sentences by origin, the gate's decisions, the findings."""
    for segment in translated.segments:
        origin = _origin(segment.status, segment.origin)
        SEGMENTS.labels(origin=origin, status=str(segment.status)).inc()
        if segment.decision is not None:
            GATE_DECISIONS.labels(scope="segment", decision=str(segment.decision)).inc()
        for finding in segment.findings:
            FINDINGS.labels(check=finding.check, severity=str(finding.severity)).inc()
    if translated.decision is not None:
        GATE_DECISIONS.labels(scope="article", decision=str(translated.decision)).inc()


def observe_job(outcome: str, seconds: float) -> None:
    JOB_SECONDS.labels(outcome=outcome).observe(seconds)


def count_report_received(kind: str) -> None:
    REPORTS_RECEIVED.labels(kind=kind).inc()


def count_reports_decided(decision: str, reports: int | Iterable[object] = 1) -> None:
    """`reports` decided one way: a number, or the ids of the reports."""
    number = reports if isinstance(reports, int) else len(list(reports))
    if number > 0:
        REPORTS_DECIDED.labels(decision=decision).inc(number)
