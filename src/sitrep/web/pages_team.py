"""A team's pages: briefings, memos, profiles, ingest and jobs; users for admins."""

from __future__ import annotations

import dataclasses
from datetime import date, timedelta
from pathlib import Path

from fastapi import APIRouter, Depends, Form, Request
from starlette.datastructures import UploadFile
from fastapi.responses import PlainTextResponse, RedirectResponse, Response

from sitrep.api import CADENCES, ROLES, FieldErrors, parse_day, profile_form, profile_yaml
from sitrep.errors import AccessError, IngestError, SitrepError
from sitrep.web.auth import Caller, check_csrf, login_required, require, served
from sitrep.web.pages_read import reader
from sitrep.web.render import page
from sitrep.web.tables import download

router = APIRouter()
DOC_CSP = ("default-src 'none'; img-src data:; style-src 'unsafe-inline'; "
           "frame-ancestors 'self'; base-uri 'none'; form-action 'none'")
"""A briefing's own HTML page runs no script and loads nothing."""


def _writer(caller: Caller, csrf_token: str) -> None:
    check_csrf(caller, csrf_token)
    require(caller, "write")


# --- briefings ---------------------------------------------------------------------------


@router.get("/briefings")
def briefings(request: Request, profile: str = "", format: str = "",  # noqa: A002
              caller: Caller = Depends(login_required)) -> Response:
    ws = reader(request).workspace(caller.team)
    docs = ws.documents("briefing", subject=profile or None)
    if format:
        return download([{"id": d.id, "title": d.title, "profile": d.subject,
                          "start": d.period_start, "end": d.period_end,
                          "created_at": d.created_at, "created_by": d.created_by}
                         for d in docs], format, "briefings")
    return page(request, "briefings.html", docs=docs, choices=ws.choices(),
                jobs=[j for j in reader(request).jobs().latest(caller.team, 10)
                      if j.kind == "briefing"], profile=profile)


@router.post("/briefings")
def generate_briefing(request: Request, profile: str = Form(...), week_of: str = Form(""),
                      period: str = Form(""), csrf_token: str = Form(""),
                      caller: Caller = Depends(login_required)) -> Response:
    _writer(caller, csrf_token)
    s = reader(request)
    s.workspace(caller.team).load(profile)
    from sitrep.api import parse_period

    parse_period(period or "week", week_of=week_of or None)
    job_id = served(request).worker.submit(s.jobs(), "briefing", caller.team, caller.user.name,
                                           {"profile": profile, "week_of": week_of,
                                            "period": period})
    return RedirectResponse(f"/jobs/{job_id}", status_code=303)


@router.get("/briefings/{doc_id}")
def briefing(request: Request, doc_id: str,
             caller: Caller = Depends(login_required)) -> Response:
    return _doc_page(request, caller, doc_id, "briefing")


@router.get("/memos/{doc_id}")
def memo(request: Request, doc_id: str, caller: Caller = Depends(login_required)) -> Response:
    return _doc_page(request, caller, doc_id, "memo")


def _doc_page(request: Request, caller: Caller, doc_id: str, kind: str) -> Response:
    doc = reader(request).workspace(caller.team).document(doc_id)
    if doc.kind != kind:
        raise AccessError("E712", item=doc_id)
    return page(request, "document.html", doc=doc, base=f"/{kind}s/{doc.id}")


@router.get("/{kind}s/{doc_id}/view")
def document_view(request: Request, kind: str, doc_id: str,
                  caller: Caller = Depends(login_required)) -> Response:
    doc = reader(request).workspace(caller.team).document(doc_id)
    if doc.kind != kind or not doc.html:
        raise AccessError("E712", item=doc_id)
    return Response(doc.html, media_type="text/html; charset=utf-8",
                    headers={"Content-Security-Policy": DOC_CSP})


@router.get("/{kind}s/{doc_id}/markdown")
def document_markdown(request: Request, kind: str, doc_id: str,
                      caller: Caller = Depends(login_required)) -> Response:
    doc = reader(request).workspace(caller.team).document(doc_id)
    if doc.kind != kind:
        raise AccessError("E712", item=doc_id)
    return PlainTextResponse(doc.markdown, media_type="text/markdown; charset=utf-8", headers={
        "Content-Disposition": f'attachment; filename="{doc.id}.md"',
        "X-Content-Type-Options": "nosniff"})


# --- memos -------------------------------------------------------------------------------


@router.get("/memos")
def memos(request: Request, format: str = "",  # noqa: A002
          caller: Caller = Depends(login_required)) -> Response:
    docs = reader(request).workspace(caller.team).documents("memo")
    if format:
        return download([{"id": d.id, "title": d.title, "subject": d.subject,
                          "start": d.period_start, "end": d.period_end,
                          "created_at": d.created_at} for d in docs], format, "memos")
    today = date.today()
    return page(request, "memos.html", docs=docs, error=None,
                form={"actor": "", "other": "", "topic": "",
                      "since": (today - timedelta(days=90)).isoformat(),
                      "until": today.isoformat()})


@router.post("/memos")
def make_memo(request: Request, actor: str = Form(""), other: str = Form(""),
              topic: str = Form(""), since: str = Form(""), until: str = Form(""),
              csrf_token: str = Form(""), caller: Caller = Depends(login_required)) -> Response:
    _writer(caller, csrf_token)
    form = {"actor": actor, "other": other, "topic": topic, "since": since, "until": until}
    ws = reader(request).workspace(caller.team)
    try:
        last = parse_day(until or None, end=True) or date.today()
        first = parse_day(since or None) or last - timedelta(days=90)
        if topic.strip() and not actor.strip():
            doc = ws.make_memo(topic.strip(), True, first, last, caller.user.name)
        elif actor.strip():
            subject: str | tuple[str, str] = (actor.strip(), other.strip()) \
                if other.strip() else actor.strip()
            doc = ws.make_memo(subject, False, first, last, caller.user.name)
        else:
            raise AccessError("E711", "name an actor (and another), or a topic")
    except SitrepError as exc:
        return page(request, "memos.html", status=422, docs=ws.documents("memo"), form=form,
                    error=exc.message)
    return RedirectResponse(f"/memos/{doc.id}", status_code=303)


# --- profiles ------------------------------------------------------------------------------


@router.get("/profiles")
def profiles(request: Request, format: str = "",  # noqa: A002
             caller: Caller = Depends(login_required)) -> Response:
    rows = reader(request).workspace(caller.team).profiles()
    if format:
        return download(rows, format, "profiles")
    return page(request, "profiles.html", rows=rows)


def _profile_page(request: Request, slug: str, form: dict[str, str],
                  errors: dict[str, str], is_new: bool, status: int = 200) -> Response:
    return page(request, "profile.html", status=status, slug=slug, form=form, errors=errors,
                is_new=is_new, cadences=CADENCES)


@router.get("/profiles/new")
def new_profile(request: Request, caller: Caller = Depends(login_required)) -> Response:
    require(caller, "write")
    return _profile_page(request, "", {"cadence": "weekly"}, {}, True)


@router.get("/profiles/{slug}")
def edit_profile(request: Request, slug: str,
                 caller: Caller = Depends(login_required)) -> Response:
    found = reader(request).workspace(caller.team).profile(slug)
    return _profile_page(request, slug, profile_form(found.yaml), {}, False)


@router.post("/profiles")
async def save_profile(request: Request, caller: Caller = Depends(login_required)) -> Response:
    form = {k: str(v) for k, v in (await request.form()).items()}
    _writer(caller, form.get("csrf_token", ""))
    slug = form.get("slug", "").strip()
    is_new = form.get("is_new") == "1"
    ws = served(request).reader().workspace(caller.team)
    try:
        if is_new and slug in {p.slug for p in ws.profiles()}:
            raise FieldErrors({"slug": "your team has a profile with this short name"})
        ws.save_profile(slug, profile_yaml(form), caller.user.name)
    except FieldErrors as exc:
        return _profile_page(request, slug, form, exc.errors, is_new, status=422)
    return RedirectResponse("/profiles", status_code=303)


@router.post("/profiles/{slug}/delete")
def delete_profile(request: Request, slug: str, csrf_token: str = Form(""),
                   caller: Caller = Depends(login_required)) -> Response:
    _writer(caller, csrf_token)
    reader(request).workspace(caller.team).delete_profile(slug)
    return RedirectResponse("/profiles", status_code=303)


# --- ingest and jobs -----------------------------------------------------------------------


@router.get("/ingest")
def ingest_form(request: Request, caller: Caller = Depends(login_required)) -> Response:
    s = reader(request)
    return page(request, "ingest.html", jobs=s.jobs().latest(caller.team, 20),
                choices=s.workspace(caller.team).choices())


@router.post("/watch")
def watch(request: Request, feeds: str = Form(""), profile: str = Form(""),
          csrf_token: str = Form(""), caller: Caller = Depends(login_required)) -> Response:
    _writer(caller, csrf_token)
    urls = web_urls([f for f in feeds.split() if f.strip()], "feeds")
    if not urls:
        raise AccessError("E711", "feeds: give at least one feed URL")
    s = reader(request)
    s.workspace(caller.team).load(profile)
    job_id = served(request).worker.submit(s.jobs(), "watch", caller.team, caller.user.name,
                                           {"feeds": urls, "profile": profile})
    return RedirectResponse(f"/jobs/{job_id}", status_code=303)


def web_urls(values: list[str], field: str) -> list[str]:
    """Inputs a web user may ask the server to read: http(s) URLs only, never a path on the
    server's disk (files come as uploads).

    Raises:
        IngestError: E126 naming the first input that is no http(s) URL.
    """
    for value in values:
        if not value.lower().startswith(("http://", "https://")):
            raise IngestError("E126", f"{field}: give http(s) URLs, or upload a file",
                              item=value)
    return values


UPLOAD_MAX = 256 * 1024 * 1024
"""The largest file one upload may be (a JSONL batch of many articles fits)."""


async def save_upload(folder: Path, upload: UploadFile) -> Path:
    """Keep an uploaded file to ingest, under a name of our own (its suffixes kept),
    streamed to disk.

    Raises:
        IngestError: E105 when it is larger than ``UPLOAD_MAX`` (nothing is kept).
    """
    import secrets

    folder.mkdir(parents=True, exist_ok=True)
    suffixes = "".join(Path(upload.filename or "upload.txt").suffixes[-2:])
    safe = "".join(c for c in suffixes if c.isalnum() or c == ".")[:16] or ".txt"
    path = folder / f"{secrets.token_hex(8)}{safe}"
    size = 0
    with path.open("wb") as out:
        while chunk := await upload.read(1 << 20):
            size += len(chunk)
            if size > UPLOAD_MAX:
                out.close()
                path.unlink(missing_ok=True)
                raise IngestError("E105", f"uploads are at most {UPLOAD_MAX >> 20} MB",
                                  item=upload.filename)
            out.write(chunk)
    return path


@router.post("/ingest")
async def ingest(request: Request, caller: Caller = Depends(login_required)) -> Response:
    form = await request.form()
    _writer(caller, str(form.get("csrf_token", "")))
    inputs = web_urls([u.strip() for u in str(form.get("urls", "")).split() if u.strip()],
                      "urls")
    upload = form.get("file")
    if upload is not None and not isinstance(upload, str) and upload.filename:
        inputs.append(str(await save_upload(served(request).uploads, upload)))
    if not inputs:
        raise AccessError("E711", "give URLs or feeds, or upload a file")
    job_id = served(request).worker.submit(reader(request).jobs(), "ingest", caller.team,
                                           caller.user.name, {"inputs": inputs})
    return RedirectResponse(f"/jobs/{job_id}", status_code=303)


@router.get("/jobs")
def jobs(request: Request, format: str = "",  # noqa: A002
         caller: Caller = Depends(login_required)) -> Response:
    rows = reader(request).jobs().latest(caller.team)
    if format:
        return download([j.as_dict() for j in rows], format, "jobs")
    return page(request, "jobs.html", jobs=rows)


@router.get("/jobs/{job_id}")
def job(request: Request, job_id: str, caller: Caller = Depends(login_required)) -> Response:
    found = reader(request).jobs().get(job_id, caller.team)
    if found.status == "done" and found.kind == "briefing":
        return RedirectResponse(f"/briefings/{found.result['document']}", status_code=303)
    return page(request, "job.html", job=found)


# --- users (admin) -----------------------------------------------------------------------


@router.get("/users")
def users(request: Request, format: str = "",  # noqa: A002
          caller: Caller = Depends(login_required)) -> Response:
    require(caller, "admin")
    rows = reader(request).accounts().users()
    if format:
        return download(rows, format, "users")
    return page(request, "users.html", rows=rows, roles=ROLES, made=None, error=None)


@router.post("/users")
def add_user(request: Request, name: str = Form(""), role: str = Form("viewer"),
             team: str = Form("default"), csrf_token: str = Form(""),
             caller: Caller = Depends(login_required)) -> Response:
    check_csrf(caller, csrf_token)
    require(caller, "admin")
    accounts = reader(request).accounts()
    made, error = None, None
    try:
        made = accounts.add_user(name.strip(), role, team=team.strip() or "default")
    except SitrepError as exc:
        error = exc.message
    return page(request, "users.html", status=422 if error else 200, rows=accounts.users(),
                roles=ROLES, made=made, error=error)


@router.get("/settings")
def settings(request: Request, format: str = "",  # noqa: A002
             caller: Caller = Depends(login_required)) -> Response:
    """The server's settings, read-only (they come from sitrep.toml and SITREP_*)."""
    require(caller, "admin")
    current = reader(request).settings
    rows = [{"name": f.name, "value": getattr(current, f.name), "default": f.default,
             "help": f.metadata.get("help", "")} for f in dataclasses.fields(current)]
    if format:
        return download(rows, format, "settings")
    return page(request, "settings.html", rows=rows)
