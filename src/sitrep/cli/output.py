"""Shared output switches for every read command: ``--format table|json|jsonl|csv``.

Commands build plain rows (lists of dicts) from the Python API and hand them to ``emit``;
nothing else in the CLI formats output, so every command prints the same way.
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
from rich.table import Table

from sitrep.errors import SitrepError

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


def emit(rows: Sequence[dict[str, Any]], fmt: Format, *, columns: Sequence[str] | None = None,
         title: str | None = None) -> None:
    """Print rows in the chosen format; ``columns`` picks and orders the table/csv columns."""
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
            writer.writerow([_cell(row.get(c)) for c in cols])
    else:
        table = Table(title=title, show_lines=False, header_style="bold")
        for c in cols:
            table.add_column(c, overflow="fold")
        for row in rows:
            table.add_row(*(_cell(row.get(c)) for c in cols))
        console.print(table)
        if not rows:
            err_console.print("[dim]no rows[/dim]")


def fail(error: SitrepError, exit_code: int = 2) -> None:
    """Print a coded error the way every command does, and exit."""
    err_console.print(f"[red]error[/red] {error.message}")
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
