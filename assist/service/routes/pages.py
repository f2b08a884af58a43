"""The case-screen web page (server-rendered, Chinese UI) under /ui.

Sign-in takes a token and keeps it in an HttpOnly, SameSite=Strict cookie; every page checks
it like the API checks a bearer token. Pages call the same core functions as the API.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Annotated, Any

from fastapi import APIRouter, File, Form, Query, Request, Response, UploadFile
from fastapi.responses import HTMLResponse, RedirectResponse
from fastapi.templating import Jinja2Templates
from sqlalchemy import select

from assist.analysis import Level
from assist.errors import AssistError
from assist.ingest.formats import read_bytes
from assist.service import core, ui
from assist.service.auth import Principal, authenticate
from assist.service.deps import SessionDep, StateDep
from assist.service.routes.analyze import read_upload
from assist.service.routes.leads import DOCX
from assist.service.state import ServiceState
from assist.service.store import AnalysisRow, LeadRow, ReviewRow

router = APIRouter(prefix="/ui", include_in_schema=False)
templates = Jinja2Templates(directory=Path(__file__).resolve().parent.parent / "templates")
COOKIE = "assist_token"


def _who(request: Request, state: ServiceState) -> Principal | None:
    token = request.cookies.get(COOKIE)
    if not token:
        return None
    with state.store.session() as s:
        who = authenticate(s, token, state.settings.pepper)
    if who is not None:
        request.state.user = who.name
    return who


def _login() -> RedirectResponse:
    return RedirectResponse("/ui/login", status_code=303)


def _page(
    request: Request, name: str, who: Principal | None, status: int = 200, **ctx: Any
) -> HTMLResponse:
    ctx.update(who=who, issue_zh=ui.ISSUE_ZH, level_zh=ui.LEVEL_ZH, decision_zh=ui.DECISION_ZH)
    return templates.TemplateResponse(request, name, ctx, status_code=status)


@router.get("/login", response_class=HTMLResponse)
def login_form(request: Request) -> HTMLResponse:
    return _page(request, "login.html", None)


@router.post("/login", response_model=None)
def login(request: Request, state: StateDep, token: Annotated[str, Form()]) -> Response:
    with state.store.session() as s:
        who = authenticate(s, token.strip(), state.settings.pepper)
    if who is None:
        return _page(
            request, "login.html", None, 401, error="令牌无效或已被吊销，请向管理员申请新令牌。"
        )
    response = RedirectResponse("/ui/", status_code=303)
    secure = state.settings.environment == "production"
    response.set_cookie(COOKIE, token.strip(), httponly=True, samesite="strict", secure=secure,
                        max_age=12 * 3600)  # fmt: skip
    return response


@router.post("/logout")
def logout() -> RedirectResponse:
    response = _login()
    response.delete_cookie(COOKIE)
    return response


@router.get("/", response_model=None)
def screen_form(request: Request, state: StateDep) -> Response:
    who = _who(request, state)
    return _page(request, "screen.html", who) if who else _login()


@router.post("/analyze", response_model=None)
async def analyze(
    request: Request, state: StateDep,
    text: Annotated[str, Form()] = "",
    file: Annotated[UploadFile | None, File()] = None,
) -> Response:  # fmt: skip
    who = _who(request, state)
    if who is None:
        return _login()
    try:
        if file is not None and file.filename:
            data = await read_upload(file, state.settings.max_body_bytes)
            text = read_bytes(data, file.filename, max_bytes=state.settings.max_body_bytes).text
        if not text.strip():
            return _page(request, "screen.html", who, 422, error="请粘贴文书全文或上传文件。")
        analysis = core.analyze_document(state.analyzer(), text, None)
    except AssistError as err:
        return _page(request, "screen.html", who, err.status, error=f"{err.message}（{err.code}）")
    with state.store.session() as s:
        core.store_analysis(s, analysis, text, user=who.name)
        row_id = s.scalars(select(AnalysisRow.id).order_by(AnalysisRow.id.desc()).limit(1)).one()
    return RedirectResponse(f"/ui/analyses/{row_id}", status_code=303)


@router.get("/analyses/{analysis_id}", response_model=None)
def analysis_page(
    request: Request, state: StateDep, session: SessionDep, analysis_id: int
) -> Response:
    who = _who(request, state)
    if who is None:
        return _login()
    row = session.get(AnalysisRow, analysis_id)
    if row is None:
        return _page(request, "error.html", who, 404, error="没有这份分析记录。")
    result = row.result
    segs, key = ui.segments(row.text, ui.evidence_spans(result))
    leads = session.scalars(select(LeadRow).where(LeadRow.analysis_id == row.id)).all()
    reviews = {r.lead_id: r for r in session.scalars(
        select(ReviewRow).where(ReviewRow.lead_id.in_([x.lead_id for x in leads])).order_by(ReviewRow.id)
    )}  # fmt: skip
    return _page(
        request, "analysis.html", who, row=row, a=result, doc=result.get("document") or {},
        segments=segs, legend=[(c, ui.signal_name(c), colour) for c, colour in key.items()],
        leads=leads, reviews=reviews, similar=ui.similar_cases(session, row),
        signal_name=ui.signal_name,
    )  # fmt: skip


@router.post("/leads/{lead_id}/review", response_model=None)
def review(
    request: Request, state: StateDep, session: SessionDep, lead_id: str,
    decision: Annotated[str, Form()], note: Annotated[str, Form(max_length=4000)] = "",
    back: Annotated[str, Form()] = "/ui/leads",
) -> Response:  # fmt: skip
    who = _who(request, state)
    if who is None:
        return _login()
    if decision not in ui.DECISION_ZH:
        return _page(request, "error.html", who, 422, error="请选择：采纳、不采纳或待定。")
    core.add_review(session, lead_id, decision, note, who.name)  # type: ignore[arg-type]
    target = back if back.startswith("/ui/") else "/ui/leads"
    return RedirectResponse(target, status_code=303)


@router.get("/leads/{lead_id}/recommendation.docx", response_model=None)
def docx(request: Request, state: StateDep, session: SessionDep, lead_id: str) -> Response:
    who = _who(request, state)
    if who is None:
        return _login()
    data, filename = core.recommendation_docx_for(session, lead_id)
    headers = {"Content-Disposition": f'attachment; filename="{filename}"'}
    return Response(data, media_type=DOCX, headers=headers)


@router.get("/leads", response_model=None)
def leads_page(
    request: Request, state: StateDep, session: SessionDep,
    type: Annotated[str | None, Query(max_length=60)] = None,
    level: Annotated[str | None, Query(max_length=10)] = None,
    court: Annotated[str | None, Query(max_length=100)] = None,
    date_from: Annotated[str | None, Query(max_length=10)] = None,
    date_to: Annotated[str | None, Query(max_length=10)] = None,
    page: Annotated[int, Query(ge=1, le=100_000)] = 1,
) -> Response:  # fmt: skip
    """Leads with filters; a form sends empty strings for unset fields, so they mean "any"."""
    who = _who(request, state)
    if who is None:
        return _login()
    size = 50
    lv: Level | None = level if level in ("high", "medium", "low") else None  # type: ignore[assignment]
    since, until = _iso(date_from), _iso(date_to)
    result = core.list_leads(
        session, type=type or None, level=lv, court=court or None, date_from=since,
        date_to=until, limit=size, offset=(page - 1) * size,
    )  # fmt: skip
    filters = {"type": type or "", "level": lv or "", "court": court or "",
               "date_from": since or "", "date_to": until or ""}  # fmt: skip
    return _page(request, "leads.html", who, page=result, filters=filters, page_no=page, size=size)


def _iso(value: str | None) -> str | None:
    try:
        return date.fromisoformat(value).isoformat() if value else None
    except ValueError:
        return None
