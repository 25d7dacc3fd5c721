"""Shared output switches for every read command: ``--format table|json|jsonl|csv``.

Commands build plain rows (lists of dicts) from the Python API and hand them to ``emit``;
nothing else in the CLI formats output, so every command prints the same way.

Stored strings came from someone else's pages. Before a terminal sees one it goes through
``shown`` (markup text) or ``cell`` (a Rich ``Text``): Rich markup (``[/x]``, ``[link=...]``)
stays literal and control characters (``ESC]0;...BEL``, ``ESC[2J``) are printed as visible
escapes. CSV cells never start a spreadsheet formula (``safety.csv_cell``).
"""

from __future__ import annotations

import csv
import json
import sys
import functools
from collections.abc import Callable, Iterable, Sequence
from datetime import date, datetime
from enum import Enum
from typing import Any, ParamSpec, TypeVar

import typer
from rich.console import Console
from rich.markup import escape
from rich.table import Table
from rich.text import Text

from sitrep.errors import SitrepError
from sitrep.safety import csv_cell, terminal_text

P = ParamSpec("P")
R = TypeVar("R")

# Tables piped to a file or a pager are read by people too: do not squeeze them to 80 columns.
console = Console(width=None if sys.stdout.isatty() else 160)
err_console = Console(stderr=True)


class Format(str, Enum):
    table = "table"
    json = "json"
    jsonl = "jsonl"
    csv = "csv"


def shown(value: Any, *, keep_newlines: bool = False) -> str:
    """A stored value for a Rich markup string: markup escaped, control characters visible."""
    return escape(terminal_text(str(value), keep_newlines=keep_newlines))


def cell(value: Any, *, keep_newlines: bool = False) -> Text:
    """A stored value as Rich ``Text``: never read as markup, control characters visible."""
    return Text(terminal_text(str(value), keep_newlines=keep_newlines))


def show_date(day: Any, precision: str | None) -> str:
    """A date as precise as it is known: ``2021-11`` for a month, ``2021`` for a year."""
    if day is None:
        return ""
    text = day.isoformat() if hasattr(day, "isoformat") else str(day)
    return {"month": text[:7], "year": text[:4]}.get(precision or "day", text)


def _plain(value: Any) -> Any:
    if isinstance(value, (date, datetime)):
        return value.isoformat()
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    return value


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, (list, tuple)):
        return ", ".join(_cell(v) for v in value)
    if isinstance(value, dict):
        return json.dumps(_plain(value), ensure_ascii=False)
    return str(_plain(value))


TABLE_LIMIT = 100
"""Rows a table shows unless ``--limit`` says otherwise: a terminal is no place for 3M rows."""


def table_limit(limit: int | None, fmt: Format) -> int | None:
    """The row limit to query with: ``--limit`` as given (0: none), else ``TABLE_LIMIT`` for
    a table and none for the script formats."""
    if limit is not None:
        return limit or None
    return TABLE_LIMIT if fmt is Format.table else None


def emit(rows: Sequence[dict[str, Any]], fmt: Format, *, columns: Sequence[str] | None = None,
         title: str | None = None, total: int | None = None) -> None:
    """Print rows in the chosen format; ``columns`` picks and orders the table/csv columns.

    With ``total`` (the rows there are without the limit), a table that shows fewer says so.
    """
    cols = list(columns or (rows[0].keys() if rows else []))
    if fmt is Format.json:
        sys.stdout.write(json.dumps(_plain(list(rows)), ensure_ascii=False, indent=2) + "\n")
    elif fmt is Format.jsonl:
        for row in rows:
            sys.stdout.write(json.dumps(_plain(row), ensure_ascii=False) + "\n")
    elif fmt is Format.csv:
        writer = csv.writer(sys.stdout)
        writer.writerow(cols)
        for row in rows:
            writer.writerow([csv_cell(terminal_text(_cell(row.get(c)))) for c in cols])
    else:
        table = Table(title=title, show_lines=False, header_style="bold")
        for c in cols:
            table.add_column(c, overflow="fold")
        for row in rows:
            table.add_row(*(cell(_cell(row.get(c))) for c in cols))
        console.print(table)
        if not rows:
            err_console.print("[dim]no rows[/dim]")
        elif total is not None and total > len(rows):
            err_console.print(f"[dim]showing {len(rows)} of {total} rows: --limit N for more, "
                              "--limit 0 for all, --format csv or jsonl for scripts[/dim]")


def fail(error: SitrepError, exit_code: int = 2) -> None:
    """Print a coded error the way every command does, and exit."""
    err_console.print(f"[red]error[/red] {shown(error.message)}")
    raise typer.Exit(exit_code)


def guarded(errors: Iterable[type[BaseException]] = (SitrepError,)
            ) -> Callable[[Callable[P, R]], Callable[P, R]]:
    """Decorator: turn sitrep's own errors into a one-line message and exit status 2."""
    caught = tuple(errors)

    def wrap(fn: Callable[P, R]) -> Callable[P, R]:
        @functools.wraps(fn)
        def inner(*args: P.args, **kwargs: P.kwargs) -> R:
            try:
                return fn(*args, **kwargs)
            except caught as exc:
                if isinstance(exc, SitrepError):
                    fail(exc)
                raise
        return inner
    return wrap
