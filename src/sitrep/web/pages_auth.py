"""Logging in and out, and the health check (the only routes open without a login)."""

from __future__ import annotations

from fastapi import APIRouter, Depends, Form, Request
from fastapi.responses import JSONResponse, RedirectResponse, Response

from sitrep.errors import AccessError
from sitrep.web.auth import (
    CSRF_FIELD,
    LOGIN_CSRF_COOKIE,
    SESSION_COOKIE,
    Caller,
    check_csrf,
    check_login_csrf,
    login_csrf,
    login_required,
    served,
    set_cookie,
)
from sitrep.web.render import page

router = APIRouter()


@router.get("/health")
def health() -> JSONResponse:
    """Open to all: the server answers."""
    return JSONResponse({"status": "ok"})


def _safe_next(target: str) -> str:
    """Only a path on this site (never ``//host``, ``/\\host`` or ``https://...``)."""
    local = target.startswith("/") and not target.startswith(("//", "/\\"))
    return target if local and "\\" not in target and "\n" not in target else "/"


def _login_page(request: Request, next_: str, error: str = "", status: int = 200,
                name: str = "") -> Response:
    token = login_csrf(request)
    response = page(request, "login.html", status=status, login_token=token,
                    next=_safe_next(next_), error=error, name=name)
    set_cookie(response, request, LOGIN_CSRF_COOKIE, token)
    return response


@router.get("/login")
def login_form(request: Request, next: str = "/") -> Response:  # noqa: A002
    return _login_page(request, next)


@router.post("/login")
def login(request: Request, name: str = Form(""), password: str = Form(""),
          next: str = Form("/"), csrf_token: str = Form("")) -> Response:  # noqa: A002
    check_login_csrf(request, csrf_token)
    client = request.client.host if request.client else ""
    accounts = served(request).reader().accounts(served(request).throttle)
    try:
        user = accounts.authenticate(name, password, client)
    except AccessError as exc:
        status = 429 if exc.code == "E704" else 401
        return _login_page(request, next, exc.message, status, name)
    session_id, _ = accounts.start_session(user)
    response = RedirectResponse(_safe_next(next), status_code=303)
    set_cookie(response, request, SESSION_COOKIE, session_id, max_age=7 * 24 * 3600)
    response.delete_cookie(LOGIN_CSRF_COOKIE, path="/")
    return response


@router.post("/logout")
def logout(request: Request, csrf_token: str = Form(""),
           caller: Caller = Depends(login_required)) -> Response:
    check_csrf(caller, csrf_token)
    if caller.session_id:
        served(request).reader().accounts().end_session(caller.session_id)
    response = RedirectResponse("/login", status_code=303)
    response.delete_cookie(SESSION_COOKIE, path="/")
    return response


__all__ = ["CSRF_FIELD", "router"]
