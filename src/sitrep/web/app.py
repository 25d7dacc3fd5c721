"""The ASGI app: pages, ``/api/v1/``, static files, error answers and security headers."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from pathlib import Path

from fastapi import FastAPI, Request
from fastapi.responses import Response
from fastapi.staticfiles import StaticFiles

from sitrep.web import failures
from sitrep.web.api_v1 import API_PREFIX, api_app
from sitrep.web.pages_actors import router as actor_pages
from sitrep.web.pages_auth import router as auth_pages
from sitrep.web.pages_read import router as read_pages
from sitrep.web.pages_team import router as team_pages
from sitrep.web.render import error_page
from sitrep.web.state import Served

STATIC = Path(__file__).resolve().parent / "static"
HEADERS = {"X-Content-Type-Options": "nosniff", "X-Frame-Options": "SAMEORIGIN",
           "Referrer-Policy": "same-origin"}


def create_app(served: Served) -> FastAPI:
    """The web app and API over a served store (which the caller starts and closes)."""
    app = FastAPI(title="sitrep", docs_url=None, redoc_url=None, openapi_url=None)
    api = api_app()
    for part in (app, api):
        part.state.served = served
        failures.install(part, error_page)
    for router in (auth_pages, read_pages, actor_pages, team_pages):
        app.include_router(router)
    app.mount(API_PREFIX, api)
    app.mount("/static", StaticFiles(directory=STATIC), name="static")

    @app.middleware("http")
    async def headers(request: Request,
                      call_next: Callable[[Request], Awaitable[Response]]) -> Response:
        response = await call_next(request)
        for key, value in HEADERS.items():
            response.headers.setdefault(key, value)
        if request.url.path != "/health" and not request.url.path.startswith("/static"):
            response.headers.setdefault("Cache-Control", "no-store")
        return response

    return app
