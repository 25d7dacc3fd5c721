"""Errors as HTTP answers: the same stable codes as the CLI, with a status per code.

The API answers ``{"error": {"code": "E303", "error": "article not found", "detail": "",
"item": "a_..."}}``; pages show the same message on an error page (and send a browser that
is not logged in to the login page).
"""

from __future__ import annotations

from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, RedirectResponse, Response
from starlette.exceptions import HTTPException

from sitrep.errors import AccessError, SitrepError

STATUS: dict[str, int] = {
    "E105": 413, "E303": 404, "E304": 404, "E305": 503, "E306": 503, "E501": 404, "E502": 409,
    "E503": 422, "E504": 422, "E601": 422, "E701": 401, "E702": 403, "E703": 403,
    "E704": 429, "E705": 401, "E706": 409, "E707": 404, "E708": 422, "E709": 401,
    "E710": 404, "E711": 422, "E712": 404,
}
"""HTTP status of each code; input errors not listed are 422, others 500."""


def status_of(error: SitrepError) -> int:
    """The HTTP status an error is answered with."""
    if error.code in STATUS:
        return STATUS[error.code]
    return 422 if error.code[:2] in ("E1", "E2", "E5", "E6", "E9") else 500


def error_body(error: SitrepError) -> dict[str, Any]:
    """The API's error body."""
    return {"error": error.to_dict()}


def _is_api(request: Request) -> bool:
    return request.url.path.startswith("/api/")


def install(app: FastAPI, page: Any) -> None:
    """Answer sitrep's errors, FastAPI's validation errors and unknown routes with codes.

    Args:
        app: the app.
        page: ``page(request, error, status)`` renders the HTML error page.
    """

    async def on_error(request: Request, exc: Exception) -> Response:
        assert isinstance(exc, SitrepError)
        status = status_of(exc)
        if _is_api(request):
            headers = {"WWW-Authenticate": "Bearer"} if status == 401 else None
            return JSONResponse(error_body(exc), status_code=status, headers=headers)
        if exc.code == "E701":
            return RedirectResponse(f"/login?next={request.url.path}", status_code=303)
        rendered: Response = page(request, exc, status)
        return rendered

    async def on_invalid(request: Request, exc: Exception) -> Response:
        assert isinstance(exc, RequestValidationError)
        detail = "; ".join(f"{'.'.join(str(p) for p in e.get('loc', ()))}: {e.get('msg')}"
                           for e in exc.errors())
        return await on_error(request, AccessError("E711", detail))

    async def on_http(request: Request, exc: Exception) -> Response:
        assert isinstance(exc, HTTPException)
        if exc.status_code == 404:
            return await on_error(request, AccessError("E712", item=request.url.path))
        if exc.status_code == 405:
            return JSONResponse({"error": {"code": "E711", "item": request.url.path,
                                           "error": "method not allowed", "detail": ""}},
                                status_code=405)
        return JSONResponse({"detail": exc.detail}, status_code=exc.status_code)

    app.add_exception_handler(SitrepError, on_error)
    app.add_exception_handler(RequestValidationError, on_invalid)
    app.add_exception_handler(HTTPException, on_http)
