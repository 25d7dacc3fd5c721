"""Pages rendered from Jinja2 templates, autoescaped: every title, name and sentence from
the store reaches the page as text, never as markup."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path
from typing import Any
from urllib.parse import urlencode

import jinja2
from fastapi import Request
from fastapi.responses import HTMLResponse

from sitrep.errors import SitrepError

TEMPLATES = Path(__file__).resolve().parent / "templates"
PAGE_CSP = ("default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; "
            "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'")
"""Pages load nothing from elsewhere and run no inline script."""


def _day(value: Any, precision: str | None = None) -> str:
    """A date as precise as it is known (``2021-11`` for a month)."""
    if value is None:
        return ""
    text = value.isoformat() if isinstance(value, (date, datetime)) else str(value)
    return {"month": text[:7], "year": text[:4]}.get(precision or "day", text[:10])


@jinja2.pass_context
def _query(context: Any, **changes: Any) -> str:
    """This page's query string with some parameters changed (None removes one)."""
    request: Request = context["request"]
    params = dict(request.query_params)
    for key, value in changes.items():
        if value is None:
            params.pop(key, None)
        else:
            params[key] = str(value)
    return "?" + urlencode(params) if params else "?"


_env = jinja2.Environment(loader=jinja2.FileSystemLoader(str(TEMPLATES)), autoescape=True,
                          trim_blocks=True, lstrip_blocks=True,
                          undefined=jinja2.StrictUndefined)
_env.filters.update(day=_day)
_env.globals.update(query=_query)


def page(request: Request, template: str, status: int = 200, **context: Any) -> HTMLResponse:
    """Render a page with the caller (if any) and their CSRF token in its context."""
    caller = getattr(request.state, "caller", None)
    html = _env.get_template(template).render(
        request=request, caller=caller, csrf=caller.csrf if caller else "", **context)
    return HTMLResponse(html, status_code=status, headers={"Content-Security-Policy": PAGE_CSP})


def error_page(request: Request, error: SitrepError, status: int) -> HTMLResponse:
    """The HTML page for a coded error."""
    return page(request, "error.html", status=status, error=error)
