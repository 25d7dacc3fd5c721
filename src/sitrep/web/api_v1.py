"""``/api/v1/``: the Python API over HTTP, as JSON, for scripts and other tools.

Every route needs a bearer token (``sitrep tokens create``) or a session cookie (then writes
also need the ``X-CSRF-Token`` header); errors answer ``{"error": {"code": ...}}`` with the
CLI's codes. The OpenAPI schema is at ``/api/v1/openapi.json``.
"""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Depends, FastAPI, Request, UploadFile
from fastapi.responses import JSONResponse, Response
from pydantic import BaseModel, Field

from sitrep.api import FieldErrors, Sitrep, parse_day, parse_period
from sitrep.errors import AccessError
from sitrep.web.auth import CSRF_HEADER, Caller, check_csrf, login_required, require, served
from sitrep.web.pages_read import search_events
from sitrep.web.pages_team import save_upload, web_urls
from sitrep.web.tables import plain, safe_json

API_PREFIX = "/api/v1"
router = APIRouter()


class SafeJSON(JSONResponse):
    """JSON with ``<``, ``>`` and ``&`` escaped, served ``nosniff``."""

    def render(self, content: Any) -> bytes:
        return safe_json(content).encode("utf-8")


def _s(request: Request) -> Sitrep:
    return served(request).reader()


def _ok(data: Any, status: int = 200) -> SafeJSON:
    return SafeJSON(plain(data), status_code=status,
                    headers={"X-Content-Type-Options": "nosniff"})


def writer(request: Request, caller: Caller = Depends(login_required)) -> Caller:
    """A caller allowed to write (analyst or admin), with the CSRF header for cookies."""
    check_csrf(caller, request.headers.get(CSRF_HEADER))
    require(caller, "write")
    return caller


def _page(rows: list[Any], limit: int, offset: int) -> dict[str, Any]:
    return {"total": len(rows), "offset": offset, "limit": limit,
            "items": rows[offset:offset + limit]}


@router.get("/health", tags=["server"])
def health() -> dict[str, str]:
    """Open to all: the server answers."""
    return {"status": "ok"}


@router.get("/me", tags=["server"])
def me(caller: Caller = Depends(login_required)) -> Response:
    """Who the token or session is."""
    return _ok({"name": caller.user.name, "role": caller.user.role, "team": caller.team})


@router.get("/articles", tags=["articles"])
def articles(request: Request, q: str = "", since: str = "", until: str = "", site: str = "",
             limit: int = 50, offset: int = 0,
             caller: Caller = Depends(login_required)) -> Response:
    """Stored articles, newest first (``q`` searches title and text)."""
    rows = _s(request).articles(query=q or None, since=parse_day(since or None),
                                until=parse_day(until or None, end=True), site=site or None)
    for row in rows:
        row.pop("text", None)
        row.pop("extra", None)
    return _ok(_page(rows, limit, offset))


@router.get("/articles/{article_id}", tags=["articles"])
def article(request: Request, article_id: str,
            caller: Caller = Depends(login_required)) -> Response:
    """One article with its text and its coded events placed in the text."""
    s = _s(request)
    found = s.article(article_id)
    return _ok(found | {"events": s.article_marks(found["id"])})


@router.get("/events", tags=["events"])
def events(request: Request, q: str = "", actor: str = "", type: str = "",  # noqa: A002
           country: str = "", since: str = "", until: str = "", modality: str = "asserted",
           limit: int = 100, offset: int = 0,
           caller: Caller = Depends(login_required)) -> Response:
    """Linked events, oldest first as ``Sitrep.events`` gives them (``q`` and ``country``
    filter them as the search page does); ``next_offset`` pages on."""
    s = _s(request)
    if q or country:
        ids = {r["id"] for r in search_events(s, q, actor, type, country, since, until)}
        found = [e for e in s.events(actor=actor or None, type=type.upper() or None,
                                     since=since or None, until=until or None,
                                     modality=modality) if e["id"] in ids]
        rows = found[offset:offset + limit]
    else:
        rows = s.events(actor=actor or None, type=type.upper() or None, since=since or None,
                        until=until or None, modality=modality,
                        limit=offset + limit)[offset:]
    more = len(rows) == limit
    return _ok({"offset": offset, "limit": limit, "items": rows,
                "next_offset": offset + limit if more else None})


@router.get("/events/{event_id}/explain", tags=["events"])
def explain(request: Request, event_id: str,
            caller: Caller = Depends(login_required)) -> Response:
    """An event's sentences with the actor, trigger and date spans, and every source."""
    return _ok(_s(request).explain(event_id))


@router.get("/actors/{name}", tags=["answers"])
def actor(request: Request, name: str, caller: Caller = Depends(login_required)) -> Response:
    """Who a loose name is, with the offices they held."""
    return _ok(_s(request).actor(name))


@router.get("/contacts", tags=["answers"])
def contacts(request: Request, actor: str, since: str = "", until: str = "",
             level: str = "all", limit: int = 0,
             caller: Caller = Depends(login_required)) -> Response:
    """Each counterpart of an actor, contacts counted by mode."""
    return _ok(_s(request).contacts(actor, since=since or None, until=until or None,
                                    level=level, limit=limit or None))


@router.get("/timeline", tags=["answers"])
def timeline(request: Request, actor: str, other: str = "", since: str = "",
             until: str = "", caller: Caller = Depends(login_required)) -> Response:
    """Events of an actor (shared with ``other``), oldest first."""
    return _ok(_s(request).timeline(actor, other or None, since=since or None,
                                    until=until or None))


@router.get("/gaps", tags=["answers"])
def gaps(request: Request, actor: str, other: str, since: str = "", until: str = "",
         min_days: int = 14, caller: Caller = Depends(login_required)) -> Response:
    """Stretches of at least ``min_days`` without contact between two actors."""
    return _ok(_s(request).gaps(actor, other, since=since or None, until=until or None,
                                min_days=min_days))


@router.get("/dyad", tags=["answers"])
def dyad(request: Request, a: str, b: str, by: str = "month", since: str = "",
         until: str = "", caller: Caller = Depends(login_required)) -> Response:
    """The cooperation-conflict score between two actors per period."""
    return _ok(_s(request).dyad(a, b, by=by, since=since or None, until=until or None))


@router.get("/network", tags=["answers"])
def network(request: Request, since: str = "", until: str = "", country: str = "",
            types: str = "CONSULT", min_weight: int = 1,
            caller: Caller = Depends(login_required)) -> Response:
    """Actors joined by the asserted events they share."""
    return _ok(_s(request).network(since=since or None, until=until or None,
                                   country=country or None, types=types.split(","),
                                   min_weight=min_weight).to_dict())


@router.get("/stories", tags=["answers"])
def stories(request: Request, since: str = "", until: str = "", limit: int = 50,
            caller: Caller = Depends(login_required)) -> Response:
    """Developing stories, most recently active first."""
    return _ok(_s(request).stories(since=since or None, until=until or None, limit=limit))


# --- the team's work ---------------------------------------------------------------------


class BriefingRequest(BaseModel):
    profile: str = Field(description="A profile of your team, or a bundled one (israel).")
    week_of: str | None = Field(None, description="A day of the Monday-Sunday week wanted.")
    period: str | None = Field(None, description="Or day, week, or START..END.")


class MemoRequest(BaseModel):
    actor: str | None = None
    other: str | None = Field(None, description="A second actor: a memo on the pair.")
    topic: str | None = Field(None, description="A topic instead of an actor.")
    since: str | None = None
    until: str | None = None


class ProfileRequest(BaseModel):
    yaml: str = Field(description="The profile as YAML (see examples/profiles/israel.yaml).")


class IngestRequest(BaseModel):
    inputs: list[str] = Field(description="Page URLs and feed URLs to fetch and ingest.")


def _doc(doc: Any, full: bool) -> dict[str, Any]:
    data = {"id": doc.id, "kind": doc.kind, "title": doc.title, "subject": doc.subject,
            "period_start": doc.period_start, "period_end": doc.period_end,
            "created_at": doc.created_at, "created_by": doc.created_by}
    return data | ({"markdown": doc.markdown, "html": doc.html} if full else {})


@router.get("/briefings", tags=["briefings"])
def briefings(request: Request, profile: str = "",
              caller: Caller = Depends(login_required)) -> Response:
    """Your team's briefings, newest first."""
    docs = _s(request).workspace(caller.team).documents("briefing", subject=profile or None)
    return _ok([_doc(d, False) for d in docs])


@router.post("/briefings", tags=["briefings"], status_code=202)
def make_briefing(request: Request, body: BriefingRequest,
                  caller: Caller = Depends(writer)) -> Response:
    """Queue a briefing; poll ``/api/v1/jobs/{id}`` (its result names the briefing)."""
    s = _s(request)
    s.workspace(caller.team).load(body.profile)
    parse_period(body.period or "week", week_of=body.week_of or None)
    job_id = served(request).worker.submit(s.jobs(), "briefing", caller.team, caller.user.name,
                                           body.model_dump())
    return _ok({"job": job_id, "poll": f"{API_PREFIX}/jobs/{job_id}"}, 202)


@router.get("/briefings/{doc_id}", tags=["briefings"])
def briefing(request: Request, doc_id: str,
             caller: Caller = Depends(login_required)) -> Response:
    """One of your team's briefings, with its Markdown and HTML."""
    return _ok(_doc(_s(request).workspace(caller.team).document(doc_id), True))


@router.get("/memos", tags=["memos"])
def memos(request: Request, caller: Caller = Depends(login_required)) -> Response:
    """Your team's memos, newest first."""
    return _ok([_doc(d, False) for d in _s(request).workspace(caller.team).documents("memo")])


@router.post("/memos", tags=["memos"], status_code=201)
def make_memo(request: Request, body: MemoRequest,
              caller: Caller = Depends(writer)) -> Response:
    """Write a memo on an actor, a pair or a topic, now."""
    from datetime import date, timedelta

    last = parse_day(body.until, end=True) or date.today()
    first = parse_day(body.since) or last - timedelta(days=90)
    ws = _s(request).workspace(caller.team)
    if body.actor:
        subject: str | tuple[str, str] = (body.actor, body.other) if body.other else body.actor
        doc = ws.make_memo(subject, False, first, last, caller.user.name)
    elif body.topic:
        doc = ws.make_memo(body.topic, True, first, last, caller.user.name)
    else:
        raise AccessError("E711", "name an actor (and another), or a topic")
    return _ok(_doc(doc, True), 201)


@router.get("/memos/{doc_id}", tags=["memos"])
def memo(request: Request, doc_id: str, caller: Caller = Depends(login_required)) -> Response:
    """One of your team's memos."""
    return _ok(_doc(_s(request).workspace(caller.team).document(doc_id), True))


@router.get("/profiles", tags=["profiles"])
def profiles(request: Request, caller: Caller = Depends(login_required)) -> Response:
    """Your team's watch profiles."""
    return _ok(_s(request).workspace(caller.team).profiles())


@router.get("/profiles/{slug}", tags=["profiles"])
def profile(request: Request, slug: str,
            caller: Caller = Depends(login_required)) -> Response:
    return _ok(_s(request).workspace(caller.team).profile(slug))


@router.put("/profiles/{slug}", tags=["profiles"])
def put_profile(request: Request, slug: str, body: ProfileRequest,
                caller: Caller = Depends(writer)) -> Response:
    """Create or replace a profile; invalid ones are refused with E601 and the fields."""
    ws = _s(request).workspace(caller.team)
    try:
        ws.save_profile(slug, body.yaml, caller.user.name)
    except FieldErrors as exc:
        return SafeJSON({"error": {"code": "E601", "error": "watch profile is invalid",
                                   "item": slug, "detail": str(exc), "fields": exc.errors}},
                        status_code=422)
    return _ok(ws.profile(slug))


@router.delete("/profiles/{slug}", tags=["profiles"], status_code=204)
def delete_profile(request: Request, slug: str, caller: Caller = Depends(writer)) -> Response:
    _s(request).workspace(caller.team).profile(slug)
    _s(request).workspace(caller.team).delete_profile(slug)
    return Response(status_code=204)


@router.post("/ingest", tags=["ingest"], status_code=202)
def ingest(request: Request, body: IngestRequest,
           caller: Caller = Depends(writer)) -> Response:
    """Queue page and feed URLs for ingest; poll ``/api/v1/jobs/{id}``."""
    if not web_urls(body.inputs, "inputs"):
        raise AccessError("E711", "inputs: give at least one URL")
    job_id = served(request).worker.submit(_s(request).jobs(), "ingest", caller.team,
                                           caller.user.name, {"inputs": body.inputs})
    return _ok({"job": job_id, "poll": f"{API_PREFIX}/jobs/{job_id}"}, 202)


class WatchRequest(BaseModel):
    feeds: list[str] = Field(description="Feed URLs to poll once.")
    profile: str = Field(description="The profile whose alerts to send for new events.")


@router.post("/watch", tags=["ingest"], status_code=202)
def watch(request: Request, body: WatchRequest, caller: Caller = Depends(writer)) -> Response:
    """Poll feeds once as a job: new items are ingested and the profile's alerts sent."""
    if not web_urls(body.feeds, "feeds"):
        raise AccessError("E711", "feeds: give at least one feed")
    s = _s(request)
    s.workspace(caller.team).load(body.profile)
    job_id = served(request).worker.submit(s.jobs(), "watch", caller.team, caller.user.name,
                                           body.model_dump())
    return _ok({"job": job_id, "poll": f"{API_PREFIX}/jobs/{job_id}"}, 202)


@router.post("/ingest/upload", tags=["ingest"], status_code=202)
async def ingest_upload(request: Request, file: UploadFile,
                        caller: Caller = Depends(writer)) -> Response:
    """Queue an uploaded file (HTML, text, JSON/JSONL, WARC, feed) for ingest."""
    path = await save_upload(served(request).uploads, file)
    job_id = served(request).worker.submit(_s(request).jobs(), "ingest", caller.team,
                                           caller.user.name, {"inputs": [str(path)]})
    return _ok({"job": job_id, "poll": f"{API_PREFIX}/jobs/{job_id}"}, 202)


@router.post("/code", tags=["ingest"], status_code=202)
def code(request: Request, force: bool = False, caller: Caller = Depends(writer)) -> Response:
    """Queue a re-coding of stored articles not yet coded by this coder (all with
    ``force``), as ``sitrep code`` does."""
    job_id = served(request).worker.submit(_s(request).jobs(), "code", caller.team,
                                           caller.user.name, {"force": force})
    return _ok({"job": job_id, "poll": f"{API_PREFIX}/jobs/{job_id}"}, 202)


@router.get("/jobs", tags=["ingest"])
def jobs(request: Request, caller: Caller = Depends(login_required)) -> Response:
    """Your team's latest jobs."""
    return _ok([j.as_dict() for j in _s(request).jobs().latest(caller.team)])


@router.get("/jobs/{job_id}", tags=["ingest"])
def job(request: Request, job_id: str, caller: Caller = Depends(login_required)) -> Response:
    """A job's status and progress (``done`` of ``total`` items), then its result."""
    return _ok(_s(request).jobs().get(job_id, caller.team).as_dict())


def api_app() -> FastAPI:
    """The API as an app of its own, mounted at ``/api/v1``."""
    from sitrep.api import __version__

    app = FastAPI(title="sitrep", version=__version__, docs_url=None, redoc_url=None,
                  openapi_url=None, description=__doc__)
    app.include_router(router)

    @app.get("/openapi.json", include_in_schema=False)
    def openapi(caller: Caller = Depends(login_required)) -> JSONResponse:
        return JSONResponse(app.openapi())

    return app
