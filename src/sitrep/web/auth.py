"""Who is asking, and may they: session cookies, bearer tokens, roles and CSRF.

- A browser logs in with a name and password and gets a session cookie (HttpOnly,
  SameSite=Lax, Secure behind HTTPS); the session carries a CSRF token that every form
  posts back (``csrf_token``) and every cookie-authenticated API write sends as
  ``X-CSRF-Token``. The login form itself is guarded by a double-submit cookie.
- A script sends ``Authorization: Bearer TOKEN`` (``sitrep tokens create``); a token
  cannot be replayed by another site's page, so it needs no CSRF token.
- Roles (``admin``, ``analyst``, ``viewer``) decide what a caller may do (``require``).
"""

from __future__ import annotations

import hmac
import secrets
from dataclasses import dataclass

from fastapi import Request, Response

from sitrep.api import User, allowed
from sitrep.errors import AccessError
from sitrep.web.state import Served

SESSION_COOKIE = "sitrep_session"
LOGIN_CSRF_COOKIE = "sitrep_login_csrf"
CSRF_FIELD = "csrf_token"
CSRF_HEADER = "x-csrf-token"


@dataclass(frozen=True)
class Caller:
    """An authenticated caller."""

    user: User
    csrf: str | None
    """The session's CSRF token; None for a bearer token."""
    session_id: str | None = None

    @property
    def team(self) -> str:
        return self.user.team

    def may(self, action: str) -> bool:
        return allowed(self.user.role, action)


def served(request: Request) -> Served:
    """The server state the app was made with."""
    state: Served = request.app.state.served
    return state


def identify(request: Request) -> Caller | None:
    """The caller a request's bearer token or session cookie names, or None.

    Raises:
        AccessError: E709 for a bearer token that is not valid.
    """
    s = served(request).reader()
    header = request.headers.get("authorization", "")
    if header.lower().startswith("bearer "):
        return Caller(s.accounts().token_user(header[7:].strip()), None)
    session_id = request.cookies.get(SESSION_COOKIE, "")
    login = s.accounts().session(session_id) if session_id else None
    return Caller(login.user, login.csrf, session_id) if login else None


def login_required(request: Request) -> Caller:
    """The caller, or E701 (401) when nobody is logged in."""
    cached: Caller | None = getattr(request.state, "caller", None)
    if cached is not None:
        return cached
    caller = identify(request)
    if caller is None:
        raise AccessError("E701", "log in at /login, or send Authorization: Bearer TOKEN")
    request.state.caller = caller
    return caller


def require(caller: Caller, action: str) -> None:
    """Refuse (E702, 403) a caller whose role may not do ``action``."""
    if not caller.may(action):
        raise AccessError("E702", f"a {caller.user.role} may not {action}",
                          item=caller.user.name)


def check_csrf(caller: Caller, sent: str | None) -> None:
    """Refuse (E703) a cookie-authenticated write without the session's CSRF token."""
    if caller.csrf is None:
        return
    if not sent or not hmac.compare_digest(sent, caller.csrf):
        raise AccessError("E703")


def login_csrf(request: Request) -> str:
    """The login form's double-submit token: the cookie's, or a new one."""
    return request.cookies.get(LOGIN_CSRF_COOKIE) or secrets.token_urlsafe(32)


def check_login_csrf(request: Request, sent: str | None) -> None:
    """Refuse (E703) a login post whose token does not match its cookie."""
    cookie = request.cookies.get(LOGIN_CSRF_COOKIE, "")
    if not cookie or not sent or not hmac.compare_digest(cookie, sent):
        raise AccessError("E703")


def set_cookie(response: Response, request: Request, name: str, value: str,
               max_age: int | None = None) -> None:
    """Set an HttpOnly, SameSite cookie (Secure behind HTTPS)."""
    response.set_cookie(name, value, max_age=max_age, httponly=True, samesite="lax",
                        secure=served(request).secure_cookies, path="/")
