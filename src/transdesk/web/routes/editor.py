"""The editors' pages (login required): sign in and out, the review queue, a report with its
accept and reject forms, articles waiting for review, and the propagation page.

Every form carries the session's CSRF token and every POST checks it (`auth.CsrfChecked`).
"""

from __future__ import annotations

from typing import Annotated
from urllib.parse import quote

from fastapi import APIRouter, Depends, FastAPI, Form, Path, Query, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from transdesk.desk import audit, editing, propagation, review
from transdesk.desk.accounts import Editor, authenticate
from transdesk.desk.corrections import accept_report, reject_report
from transdesk.desk.review import QueueFilter
from transdesk.errors import Conflict, InvalidInput
from transdesk.store.desk_tables import ReportKind, ReportState
from transdesk.web import auth
from transdesk.web.deps import DatabaseDep, QueueDep, TemplatesDep

router = APIRouter(include_in_schema=False)
Text = Annotated[str, Form(max_length=5_000)]
RowId = Annotated[int, Path(ge=1, le=2_147_483_647)]


def install(app: FastAPI) -> None:
    """Add the editors' pages and API to the app, with its session cookies."""
    from transdesk.web.routes import editor_api, editor_upload

    app.state.session_cookies = auth.SessionCookies(app.state.settings)
    app.add_exception_handler(SignInFirst, _login_redirect)  # type: ignore[arg-type]
    app.include_router(router)
    app.include_router(editor_api.router)
    app.include_router(editor_upload.router)


class SignInFirst(Exception):
    """Raised inside a page route when nobody is signed in; answered with a redirect."""


def _editor(request: Request) -> Editor:
    editor = auth.editor_or_none(request)
    if editor is None:
        raise SignInFirst(request.url.path)
    return editor


PageEditor = Annotated[Editor, Depends(_editor)]


def _render(request: Request, templates, name: str, context: dict, status: int = 200) -> Response:  # type: ignore[no-untyped-def]
    session = auth.desk_session(request)
    context = {
        "csrf_token": session.csrf,
        "editor": getattr(request.state, "editor", None),
        "csrf_field": auth.CSRF_FIELD,
        **context,
    }
    response = templates.TemplateResponse(request, name, context, status_code=status)
    return auth.finish(request, response)


def _back(request: Request, url: str) -> Response:
    return auth.finish(request, RedirectResponse(url, status_code=303))


def _safe_next(target: str | None) -> str:
    if target and target.startswith("/") and not target.startswith(("//", "/\\")):
        return target
    return "/desk"


def _login_redirect(request: Request, exc: SignInFirst) -> Response:
    return RedirectResponse(f"/login?next={quote(str(exc.args[0]))}", status_code=303)


# --- signing in and out ----------------------------------------------------------------------


@router.get("/login", response_class=HTMLResponse)
def login_page(
    request: Request,
    templates: TemplatesDep,
    next: Annotated[str | None, Query(max_length=500)] = None,
) -> Response:
    return _render(request, templates, "login.html", {"next": _safe_next(next), "error": None})


@router.post("/login", dependencies=[auth.CsrfChecked, Depends(auth.check_login_rate)])
def login(
    request: Request,
    database: DatabaseDep,
    templates: TemplatesDep,
    name: Annotated[str, Form(max_length=64)],
    password: Annotated[str, Form(max_length=1024)],
    next: Annotated[str, Form(max_length=500)] = "/desk",
) -> Response:
    with database.session() as session:
        user = authenticate(session, name.strip(), password)
        if user is not None:
            auth.start_session(request, user)
            audit.record(session, user.name, "sign_in")
    if user is None:
        context = {"next": _safe_next(next), "error": "Wrong name or password.", "name": name}
        return _render(request, templates, "login.html", context, status=401)
    return _back(request, _safe_next(next))


@router.post("/logout", dependencies=[auth.CsrfChecked])
def logout(request: Request) -> Response:
    response = RedirectResponse("/login", status_code=303)
    auth.cookies_of(request).clear(response)
    return response


# --- the review queue ---------------------------------------------------------------------------


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
    with database.session() as session:
        queue = review.review_queue(session, filters)
        waiting = [a for a in review.articles_for_review(session, limit=20) if a.state == "review"]
    groups = review.with_context(database, queue.groups)
    context = {
        "groups": groups,
        "total": queue.total,
        "filters": filters,
        "page": page,
        "kinds": list(ReportKind),
        "states": list(ReportState),
        "waiting": waiting,
    }
    return _render(request, templates, "editor_queue.html", context)


@router.get("/desk/reports/{report_id}", response_class=HTMLResponse)
def report_detail(
    report_id: RowId,
    request: Request,
    editor: PageEditor,
    database: DatabaseDep,
    templates: TemplatesDep,
) -> Response:
    with database.session() as session:
        group = review.group_of_report(session, report_id)
        history = audit.entries(session, article_id=group.article_id, limit=20)
    group = review.with_context(database, [group])[0]
    chosen = next((r for r in group.reports if r.id == report_id), group.reports[0])
    context = {
        "group": group,
        "chosen": chosen,
        "history": history,
        "error": request.query_params.get("error"),
    }
    return _render(request, templates, "editor_report.html", context)


@router.post("/desk/reports/{report_id}/accept", dependencies=[auth.CsrfChecked])
def accept(
    report_id: RowId,
    request: Request,
    editor: PageEditor,
    database: DatabaseDep,
    wording: Text = "",
    note: Text = "",
) -> Response:
    try:
        done = accept_report(database, report_id, editor.name, wording=wording, note=note)
    except (InvalidInput, Conflict) as problem:
        return _back(request, f"/desk/reports/{report_id}?error={quote(problem.message)}")
    if done.propagation_queued:
        return _back(request, f"/desk/propagation?correction={done.correction_id}")
    return _back(request, f"/desk?done=accepted&article={quote(done.article_slug)}")


@router.post("/desk/reports/{report_id}/reject", dependencies=[auth.CsrfChecked])
def reject(
    report_id: RowId, request: Request, editor: PageEditor, database: DatabaseDep, reason: Text = ""
) -> Response:
    try:
        reject_report(database, report_id, editor.name, reason)
    except (InvalidInput, Conflict) as problem:
        return _back(request, f"/desk/reports/{report_id}?error={quote(problem.message)}")
    return _back(request, "/desk?done=rejected")


# --- articles ------------------------------------------------------------------------------------


@router.get("/desk/articles", response_class=HTMLResponse)
def articles(
    request: Request, editor: PageEditor, database: DatabaseDep, templates: TemplatesDep
) -> Response:
    with database.session() as session:
        rows = review.articles_for_review(session)
    return _render(request, templates, "editor_articles.html", {"articles": rows})


@router.post("/desk/articles/{slug}/publish", dependencies=[auth.CsrfChecked])
def publish(slug: str, request: Request, editor: PageEditor, database: DatabaseDep) -> Response:
    editing.publish(database, slug, editor.name)
    return _back(request, "/desk/articles")


@router.post("/desk/articles/{slug}/retranslate", dependencies=[auth.CsrfChecked])
def retranslate(
    slug: str, request: Request, editor: PageEditor, database: DatabaseDep, queue: QueueDep
) -> Response:
    queue.enqueue(editing.retranslate(database, slug, editor.name))
    return _back(request, "/desk/articles")


@router.get("/desk/articles/{slug}/edit", response_class=HTMLResponse)
def edit_page(
    slug: str, request: Request, editor: PageEditor, database: DatabaseDep, templates: TemplatesDep
) -> Response:
    with database.session() as session:
        article = editing.article_for_edit(session, slug)
        segments = list(article.segments)
    context = {"article": article, "segments": segments}
    return _render(request, templates, "editor_article_edit.html", context)


@router.post("/desk/articles/{slug}/edit", dependencies=[auth.CsrfChecked])
async def edit(slug: str, request: Request, editor: PageEditor, database: DatabaseDep) -> Response:
    form = await request.form()
    edits = {
        key[3:]: str(value)[:5_000]
        for key, value in form.multi_items()
        if key.startswith("en:") and isinstance(value, str)
    }
    editing.edit_sentences(database, slug, edits, editor.name)
    return _back(request, f"/desk/articles/{quote(slug)}/edit")


# --- propagation --------------------------------------------------------------------------------


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
    return _render(request, templates, "editor_propagation.html", {"groups": by_correction})


@router.post("/desk/propagation/{correction_id}/apply", dependencies=[auth.CsrfChecked])
def propagation_apply(
    correction_id: RowId, request: Request, editor: PageEditor, database: DatabaseDep
) -> Response:
    propagation.apply_all(database, correction_id, editor.name)
    return _back(request, "/desk/propagation")


@router.post("/desk/propagation/items/{item_id}/dismiss", dependencies=[auth.CsrfChecked])
def propagation_dismiss(
    item_id: RowId, request: Request, editor: PageEditor, database: DatabaseDep
) -> Response:
    propagation.dismiss(database, item_id, editor.name)
    return _back(request, "/desk/propagation")
