"""`GET /metrics`: the desk's Prometheus series, in the text format (or OpenMetrics when asked).

Who may read them is `transdesk.observability.access`'s rule: the bearer token
`TRANSDESK_METRICS_TOKEN` when it is set, else direct connections from this machine only.
"""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import PlainTextResponse, Response
from prometheus_client.exposition import choose_encoder

from transdesk.observability.access import metrics_refusal

router = APIRouter(tags=["operations"])


@router.get("/metrics", include_in_schema=False)
def metrics(request: Request) -> Response:
    refused = metrics_refusal(
        request.app.state.settings.metrics_token,
        request.client.host if request.client else None,
        request.headers,
    )
    if refused is not None:
        return PlainTextResponse(refused.message, refused.status, headers=refused.headers)
    encoder, content_type = choose_encoder(request.headers.get("accept", ""))
    body = encoder(request.app.state.metrics_registry)
    return Response(body, media_type=content_type, headers={"Cache-Control": "no-store"})
