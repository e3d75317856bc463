"""The editors' pages for readers' reports: the review queue, a report with its accept and reject
forms, and the propagation page where a fix is offered for other articles."""

from __future__ import annotations

from typing import Annotated
from urllib.parse import quote

from fastapi import APIRouter, Query, Request
from fastapi.responses import HTMLResponse, Response

from transdesk.desk import audit
from transdesk.errors import Conflict, InvalidInput
from transdesk.feedback import propagation, review
from transdesk.feedback.decisions import accept_report, reject_report
from transdesk.feedback.edit import word_diff
from transdesk.feedback.note import is_fragment, proposed_note
from transdesk.feedback.review import QueueFilter
from transdesk.store.desk_tables import DeskArticle, ReportKind, ReportState
from transdesk.web import auth
from transdesk.web.deps import DatabaseDep, RowId, SettingsDep, TemplatesDep
from transdesk.web.routes.pages import FormText, PageEditor, back, render

router = APIRouter(include_in_schema=False)


@router.get("/desk", response_class=HTMLResponse)
def review_queue(
    request: Request,
    editor: PageEditor,
    database: DatabaseDep,
    templates: TemplatesDep,
    article: Annotated[str | None, Query(max_length=200)] = None,
    kind: Annotated[str | None, Query(max_length=40)] = None,
    state: Annotated[str, Query(max_length=20)] = ReportState.OPEN,
    page: Annotated[int, Query(ge=1, le=10_000)] = 1,
) -> Response:
    filters = QueueFilter(
        article=article or None,
        kind=kind if kind in set(ReportKind) else None,
        state=state if state in set(ReportState) else None,
        limit=25,
        offset=(page - 1) * 25,
    )
    done = request.query_params.get("done")
    with database.session() as session:
        queue = review.review_queue(session, filters)
        waiting = review.articles_waiting(session, limit=20)
    groups = review.with_context(database, queue.groups)
    context = {
        "groups": groups,
        "total": queue.total,
        "filters": filters,
        "page": page,
        "kinds": list(ReportKind),
        "states": list(ReportState),
        "waiting": waiting,
        "done": done,
        "done_article": request.query_params.get("article") if done else None,
    }
    return render(request, templates, "editor_queue.html", context)


@router.get("/desk/reports/{report_id}", response_class=HTMLResponse)
def report_detail(
    report_id: RowId,
    request: Request,
    editor: PageEditor,
    database: DatabaseDep,
    templates: TemplatesDep,
    settings: SettingsDep,
) -> Response:
    with database.session() as session:
        group = review.group_of_report(session, report_id)
        history = audit.entries(session, article_id=group.article_id, limit=20)
        article = session.get(DeskArticle, group.article_id)
        timezone = article.timezone if article else None
    group = review.with_context(database, [group])[0]
    chosen = next((r for r in group.reports if r.id == report_id), group.reports[0])
    proposal = group.first_open or chosen
    wording = proposal.suggestion or group.english or ""
    context = {
        "group": group,
        "chosen": chosen,
        "label": group.label or group.segment_id,
        "diff": word_diff(group.english or "", proposal.suggestion)
        if proposal.suggestion and not is_fragment(group.english, proposal.suggestion)
        else [],
        "proposed_note": proposed_note(
            proposal.kind, group.english, wording, timezone, settings.newsroom_timezone
        )
        if wording != (group.english or "")
        else "",
        "history": history,
        "error": request.query_params.get("error"),
    }
    return render(request, templates, "editor_report.html", context)


@router.post("/desk/reports/{report_id}/accept", dependencies=[auth.CsrfChecked])
def accept(
    report_id: RowId,
    request: Request,
    editor: PageEditor,
    database: DatabaseDep,
    settings: SettingsDep,
    wording: FormText = "",
    note: FormText = "",
    proposed_note: FormText = "",
) -> Response:
    if note.split() == proposed_note.split():
        note = ""  # the proposal left as it was: written again from the wording accepted
    try:
        done = accept_report(
            database, report_id, editor.name, wording=wording, note=note,
            newsroom_timezone=settings.newsroom_timezone,
        )
    except (InvalidInput, Conflict) as problem:
        return back(request, f"/desk/reports/{report_id}?error={quote(problem.message)}")
    if done.propagation_queued:
        return back(request, f"/desk/propagation?correction={done.correction.id}")
    return back(request, f"/desk?done=accepted&article={quote(done.correction.article_slug)}")


@router.post("/desk/reports/{report_id}/reject", dependencies=[auth.CsrfChecked])
def reject(
    report_id: RowId,
    request: Request,
    editor: PageEditor,
    database: DatabaseDep,
    reason: FormText = "",
) -> Response:
    try:
        reject_report(database, report_id, editor.name, reason)
    except (InvalidInput, Conflict) as problem:
        return back(request, f"/desk/reports/{report_id}?error={quote(problem.message)}")
    return back(request, "/desk?done=rejected")


@router.get("/desk/propagation", response_class=HTMLResponse)
def propagation_page(
    request: Request,
    editor: PageEditor,
    database: DatabaseDep,
    templates: TemplatesDep,
    correction: Annotated[int | None, Query(ge=1)] = None,
) -> Response:
    with database.session() as session:
        items = propagation.pending(session, correction)
    by_correction: dict[int, list[propagation.PendingFix]] = {}
    for item in items:
        by_correction.setdefault(item.correction_id, []).append(item)
    return render(request, templates, "editor_propagation.html", {"groups": by_correction})


@router.post("/desk/propagation/{correction_id}/apply", dependencies=[auth.CsrfChecked])
def propagation_apply(
    correction_id: RowId, request: Request, editor: PageEditor, database: DatabaseDep,
    settings: SettingsDep,
) -> Response:
    propagation.apply_all(
        database, correction_id, editor.name, newsroom_timezone=settings.newsroom_timezone
    )
    return back(request, "/desk/propagation")


@router.post("/desk/propagation/items/{item_id}/dismiss", dependencies=[auth.CsrfChecked])
def propagation_dismiss(
    item_id: RowId, request: Request, editor: PageEditor, database: DatabaseDep
) -> Response:
    propagation.dismiss(database, item_id, editor.name)
    return back(request, "/desk/propagation")
