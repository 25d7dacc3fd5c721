"""Jinja2 rendering of briefings and memos from ``data/templates``.

HTML is autoescaped; Markdown is not (article titles go through ``md_escape``). Citation
markers are added here, from each statement's reference numbers, so the text a verifier
checks and the text a reader sees carry the same citations.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

import jinja2
from markupsafe import Markup, escape

from sitrep.brief.cite import Statement

TEMPLATE_DIR = Path(__file__).resolve().parents[1] / "data" / "templates"


@dataclass(frozen=True)
class Written:
    """The files a briefing or memo was written to."""

    markdown: Path
    html: Path
    charts: list[Path]


def md_escape(text: str) -> str:
    """Escape the characters that would turn a title into Markdown markup."""
    return "".join("\\" + c if c in "[]*_`<>#|" else c for c in str(text))


def md_cite(statement: Statement) -> str:
    """``text [1][2].`` with links to the references list."""
    marks = "".join(f"[[{n}]](#ref-{n})" for n in statement.refs)
    return f"{statement.text}{' ' + marks if marks else ''}"


def html_cite(statement: Statement) -> Markup:
    """The sentence, escaped, with ``<sup>`` links to the references list."""
    marks = "".join(f'<a class="cite" href="#ref-{n}">[{n}]</a>' for n in statement.refs)
    return Markup(f"{escape(statement.text)}{' ' + marks if marks else ''}")


@lru_cache(maxsize=2)
def _env(autoescape: bool) -> jinja2.Environment:
    env = jinja2.Environment(loader=jinja2.FileSystemLoader(str(TEMPLATE_DIR)),
                             autoescape=autoescape, trim_blocks=True, lstrip_blocks=True,
                             undefined=jinja2.StrictUndefined, keep_trailing_newline=True)
    env.filters.update(md_escape=md_escape, md_cite=md_cite, html_cite=html_cite)
    return env


def render(template: str, **context: Any) -> str:
    """Render a template; ``.html.j2`` templates are autoescaped."""
    return _env(template.endswith(".html.j2")).get_template(template).render(**context)
