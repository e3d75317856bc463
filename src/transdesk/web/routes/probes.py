"""Probes for orchestrators and load balancers: `/healthz` (liveness), `/readyz` (readiness).

`/healthz` answers 200 while the process can answer at all; it checks nothing else, so a database
outage never gets a healthy desk restarted. `/readyz` answers 200 only when the engine can run,
the database answers and the queue answers, and 503 otherwise, naming what is wrong (see
`transdesk.observability.readiness`). `/api/health` stays as it was (up, version, database).
"""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import JSONResponse
from pydantic import BaseModel

router = APIRouter(tags=["health"])
NO_STORE = {"Cache-Control": "no-store"}


class Alive(BaseModel):
    status: str


class CheckResult(BaseModel):
    ok: bool
    reason: str | None = None


class Ready(BaseModel):
    ready: bool
    checks: dict[str, CheckResult]


@router.get("/healthz", response_model=Alive, summary="Liveness: the process answers")
async def healthz() -> JSONResponse:
    return JSONResponse({"status": "ok"}, headers=NO_STORE)


@router.get(
    "/readyz",
    response_model=Ready,
    summary="Readiness: the engine, the database and the queue can work",
    responses={503: {"model": Ready, "description": "not ready: see which check failed"}},
)
def readyz(request: Request) -> JSONResponse:
    result = request.app.state.readiness.run()
    status = 200 if result.ready else 503
    return JSONResponse(result.as_dict(), status_code=status, headers=NO_STORE)
