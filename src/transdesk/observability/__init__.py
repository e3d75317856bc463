"""Operating the desk: what it tells the people who run it.

- `context`: the request id and the job id of the work in hand (contextvars), for every log line.
- `logs`: text or JSON log lines (`TRANSDESK_LOG_FORMAT`, `--log-format`).
- `metrics`: the desk's own Prometheus series (engine, segments, gate, findings, reports, jobs).
- `collector`: series computed at scrape time from the database and the queue.
- `registry`: one Prometheus registry per app, holding all of the above.
- `http`: ASGI middleware counting and timing requests per route template, with a request id.
- `access`: who may read the metrics (a bearer token, or this machine only).
- `exporter`: `/metrics` of a process that serves no web desk (`transdesk worker`).
- `readiness`: whether the engine, the database and the queue can do their work now (each
  engine kind's own check is in `transdesk.engines.readiness`).
"""
