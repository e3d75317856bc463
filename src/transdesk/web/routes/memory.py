"""API: the translation memory: approved translations of a Korean sentence, exact and fuzzy."""

from __future__ import annotations

from typing import Annotated

from fastapi import Query
from pydantic import BaseModel

from transdesk.memory import TranslationMemory
from transdesk.web.deps import CurrentEditor, DatabaseDep
from transdesk.web.errors import UtcDatetime
from transdesk.web.routes.api import editors_router

router = editors_router()


class MemoryHit(BaseModel):
    source: str
    target: str
    score: float
    origin: str
    approved_by: str
    approved_at: UtcDatetime
    article_slug: str | None


@router.get(
    "/memory/lookup",
    response_model=list[MemoryHit],
    summary="Approved translations of a Korean sentence, exact and fuzzy",
)
def memory_lookup(
    database: DatabaseDep,
    editor: CurrentEditor,
    q: Annotated[str, Query(min_length=1, max_length=2000)],
    limit: Annotated[int, Query(ge=1, le=20)] = 5,
) -> list[MemoryHit]:
    memory = TranslationMemory(database)
    exact = memory.exact(q)
    hits = ([exact] if exact else []) + [
        m for m in memory.fuzzy(q, limit=limit) if not exact or m.id != exact.id
    ]
    return [MemoryHit.model_validate(m, from_attributes=True) for m in hits[:limit]]
