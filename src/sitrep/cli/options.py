"""The options commands share, declared once so the same option has the same name, form and
help everywhere; and the two helpers every command uses to read them.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import typer

from sitrep.api import Sitrep, parse_day
from sitrep.cli.output import Format
from sitrep.errors import QueryError

DB = typer.Option(
    None, "--db", help="Store file (default: setting `db`, env SITREP_DB, else ./sitrep.duckdb).",
    show_default=False,
)
FORMAT = typer.Option(
    Format.table, "--format", "-f",
    help="Output as a table for people, or json/jsonl/csv for scripts.",
    case_sensitive=False,
)
SINCE = typer.Option(None, "--since", help="First day: YYYY-MM-DD, YYYY-MM or YYYY.")
UNTIL = typer.Option(None, "--until",
                     help="Last day: YYYY-MM-DD, YYYY-MM (its last day) or YYYY.")
PLOT = typer.Option(None, "--plot", help="Also draw the answer to this .png or .svg file.")
ALLOW_HOST = typer.Option([], "--allow-host", help="Host allowed even if it is private or "
                          "loopback (repeatable), e.g. 127.0.0.1.")
PERIOD_HELP = ("day, week (the 7 days ending today) or START..END, e.g. 2022-01-10..2022-01-16 "
               "or 2021-10..2022-01 (whole months).")


def limit(default: int, what: str) -> Any:
    """``--limit N``: at most N rows (0: all)."""
    return typer.Option(default, "--limit", help=f"At most this many {what} (0: all).")


def day(value: str | None, option: str, *, end: bool = False) -> date | None:
    """A date option (``2021-10-07``, ``2021-10``, ``2021``) read to its first day (its last
    with ``end``).

    Raises:
        QueryError: E503 naming the option, when the value is no such date.
    """
    try:
        return parse_day(value, end=end)
    except QueryError as exc:
        raise QueryError("E503", f"{option} {value!r}: use YYYY-MM-DD, YYYY-MM or YYYY") from exc


def open_workspace(db: Path | None, allow_host: list[str] | None = None,
                   **overrides: Any) -> Sitrep:
    """The store a command works on, with the hosts it may fetch from though private and
    other settings given as options (None: the setting as configured)."""
    hosts = ",".join(allow_host) if allow_host else None
    return Sitrep(db, allow_hosts=hosts, **overrides)
