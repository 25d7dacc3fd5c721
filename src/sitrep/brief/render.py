"""Jinja2 rendering of briefings and memos from ``data/templates``.

Every stored string is text, whatever it holds: HTML is autoescaped, and in Markdown every
interpolated value goes through ``md_escape``, so a title carrying ``<script>`` or
``[x](javascript:...)`` stays words. Links are made only of http(s) URLs (``md_link``,
``html_link``); any other URL is shown as text. Citation markers are added here, from each
statement's reference numbers, so the text a verifier checks and the text a reader sees
carry the same citations.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

import jinja2
from markupsafe import Markup, escape

from sitrep.brief.cite import Statement
from sitrep.safety import md_link_target, md_text, safe_link, terminal_text

TEMPLATE_DIR = Path(__file__).resolve().parents[1] / "data" / "templates"


@dataclass(frozen=True)
class Written:
    """The files a briefing or memo was written to."""

    markdown: Path
    html: Path
    charts: list[Path]


def md_escape(text: object) -> str:
    """A stored string as Markdown text: markup characters escaped, on one line."""
    return md_text(text)


def md_link(text: object, url: str | None) -> str:
    """``[text](url)`` for an http(s) URL, else the text alone (escaped)."""
    target = safe_link(url)
    label = md_text(text)
    return f"[{label}]({md_link_target(target)})" if target else label


def html_link(text: object, url: str | None) -> Markup:
    """``<a href="url">text</a>`` for an http(s) URL, else the text alone (escaped)."""
    target = safe_link(url)
    label = escape(terminal_text(str(text)))
    if target is None:
        return label
    return Markup(f'<a href="{escape(target)}">{label}</a>')


def md_cite(statement: Statement) -> str:
    """``text [1][2].`` with links to the references list."""
    marks = "".join(f"[[{n}]](#ref-{n})" for n in statement.refs)
    return f"{md_text(statement.text)}{' ' + marks if marks else ''}"


def html_cite(statement: Statement) -> Markup:
    """The sentence, escaped, with ``<sup>`` links to the references list."""
    marks = "".join(f'<a class="cite" href="#ref-{n}">[{n}]</a>' for n in statement.refs)
    return Markup(f"{escape(terminal_text(statement.text))}{' ' + marks if marks else ''}")


def _finalize(value: Any) -> Any:
    """Every plain string printed by a template loses its control characters."""
    if isinstance(value, str) and not isinstance(value, Markup):
        return terminal_text(value)
    return value


@lru_cache(maxsize=2)
def _env(autoescape: bool) -> jinja2.Environment:
    env = jinja2.Environment(loader=jinja2.FileSystemLoader(str(TEMPLATE_DIR)),
                             autoescape=autoescape, trim_blocks=True, lstrip_blocks=True,
                             undefined=jinja2.StrictUndefined, keep_trailing_newline=True,
                             finalize=_finalize)
    env.filters.update(md_escape=md_escape, md_cite=md_cite, html_cite=html_cite,
                       md_link=md_link, html_link=html_link)
    return env


def render(template: str, **context: Any) -> str:
    """Render a template; ``.html.j2`` templates are autoescaped."""
    return _env(template.endswith(".html.j2")).get_template(template).render(**context)
