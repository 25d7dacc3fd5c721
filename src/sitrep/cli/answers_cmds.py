"""Analyst questions as commands: ``contacts``, ``timeline``, ``gaps``, ``dyad``, ``network``,
``stories`` and ``export``.

Each command parses its options, calls the ``Sitrep`` method of the same name and prints the
rows with ``emit``.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import typer

from sitrep.cli import options
from sitrep.cli.output import Format, emit, err_console, guarded, show_date


def _rows(items: list[Any]) -> list[dict[str, Any]]:
    return [item.as_dict() for item in items]


def _plotted(path: Path | None) -> None:
    if path is not None:
        err_console.print(f"[green]wrote[/green] {path}")


@guarded()
def contacts(
    actor: str = typer.Argument(..., help="Who: a name (Bennett), a title (Israeli PM), a "
                                "country (Israel) or a key (person:naftali-bennett)."),
    since: str = options.SINCE,
    until: str = options.UNTIL,
    level: str = typer.Option("all", "--level", help="leader: heads of state or government "
                              "only; official: anyone in office; all: every counterpart."),
    limit: int = options.limit(0, "counterparts, those with most contacts first"),
    fmt: Format = options.FORMAT,
    db: Path = options.DB,
) -> None:
    """Who ACTOR talked to: calls, meetings, visits and summits per counterpart.

    Counts linked events (one per real-world call, however many articles report it) that
    were asserted to have happened; denied or planned calls never count.

    Example:

      sitrep contacts "Naftali Bennett" --since 2021-10 --until 2022-01 --level leader
    """
    with options.open_workspace(db) as ws:
        rows = ws.contacts(actor, since=since, until=until, level=level, limit=limit)
    columns = ("counterpart", "country", "total", "phone", "meeting", "visit", "multilateral",
               "other", "first", "last", "sources", "sites")
    emit(_rows(rows), fmt, columns=None if fmt is Format.json else columns,
         title=f"contacts of {actor}")


@guarded()
def timeline(
    actor: str = typer.Argument(..., help="Whose events (name, title, country or key)."),
    actor2: str = typer.Argument(None, help="Only events shared with this second actor."),
    since: str = options.SINCE,
    until: str = options.UNTIL,
    asserted: bool = typer.Option(False, "--asserted", help="Hide denied, planned and "
                                  "hypothetical events."),
    plot: Path = options.PLOT,
    fmt: Format = options.FORMAT,
    db: Path = options.DB,
) -> None:
    """Dated events of ACTOR (with ACTOR2), oldest first, each with its sources.

    Example:

      sitrep timeline Bennett Putin --since 2021 --plot bennett-putin.png
    """
    with options.open_workspace(db) as ws:
        rows = ws.timeline(actor, actor2, since=since, until=until, asserted_only=asserted,
                           plot=plot)
    out = _rows(rows)
    if fmt is Format.table:
        for row in out:
            row["date"] = show_date(row["date"], row["precision"])
    columns = ("date", "modality", "summary", "sources", "event_id")
    emit(out, fmt, columns=None if fmt is Format.json else columns, title="timeline")
    _plotted(plot)


@guarded()
def gaps(
    actor: str = typer.Argument(..., help="One side."),
    actor2: str = typer.Argument(..., help="The other side."),
    since: str = options.SINCE,
    until: str = options.UNTIL,
    min_days: int = typer.Option(14, "--min-days", help="Shortest silence reported."),
    fmt: Format = options.FORMAT,
    db: Path = options.DB,
) -> None:
    """Silences: stretches of at least --min-days without contact between two actors.

    Example:

      sitrep gaps Bennett Biden --since 2021-07 --until 2022-01 --min-days 21
    """
    with options.open_workspace(db) as ws:
        rows = ws.gaps(actor, actor2, since=since, until=until, min_days=min_days)
    emit(_rows(rows), fmt, title=f"gaps {actor} - {actor2}")


@guarded()
def dyad(
    actor: str = typer.Argument(..., help="One side (a country includes its officials)."),
    actor2: str = typer.Argument(..., help="The other side."),
    by: str = typer.Option("month", "--by", help="week, month, quarter or year."),
    since: str = options.SINCE,
    until: str = options.UNTIL,
    plot: Path = options.PLOT,
    fmt: Format = options.FORMAT,
    db: Path = options.DB,
) -> None:
    """Cooperation-conflict score between two actors over time, with event counts by type.

    Each asserted event adds its PLOVER weight (-10 conflict .. +10 cooperation, see
    sitrep/data/answers/weights.yaml) to its period.

    Example:

      sitrep dyad Israel Syria --by quarter --plot israel-syria.svg
    """
    with options.open_workspace(db) as ws:
        rows = ws.dyad(actor, actor2, by=by, since=since, until=until, plot=plot)
    emit(_rows(rows), fmt, title=f"dyad {actor} - {actor2}")
    _plotted(plot)


@guarded()
def network(
    since: str = options.SINCE,
    until: str = options.UNTIL,
    country: str = typer.Option(None, "--country", help="Only events with an actor of this "
                                "country (or this actor)."),
    types: str = typer.Option("CONSULT", "--types", help="Comma-separated PLOVER types."),
    min_weight: int = typer.Option(1, "--min-weight", help="Drop links with fewer events."),
    out: Path = typer.Option(None, "--out", help="Write the graph: .graphml, .json, .png or "
                             ".svg."),
    plot: Path = options.PLOT,
    fmt: Format = options.FORMAT,
    db: Path = options.DB,
) -> None:
    """Who talks to whom: actors linked by the events they share, heaviest links first.

    Example:

      sitrep network --since 2021-06 --country Israel --out israel.graphml --plot israel.png
    """
    with options.open_workspace(db) as ws:
        graph = ws.network(since=since, until=until, country=country, types=types.split(","),
                           min_weight=min_weight, out=out, plot=plot)
    edges = graph.to_dict()["edges"]
    emit(edges, fmt, title=f"{len(graph.nodes)} actors, {len(edges)} links")
    _plotted(out)
    _plotted(plot)


@guarded()
def stories(
    since: str = options.SINCE,
    until: str = options.UNTIL,
    limit: int = options.limit(50, "stories"),
    fmt: Format = options.FORMAT,
    db: Path = options.DB,
) -> None:
    """Developing stories: articles grouped by topic and actors, most recent first.

    Example:

      sitrep stories --since 2022-01
    """
    with options.open_workspace(db) as ws:
        rows = ws.stories(since=since, until=until, limit=limit)
    emit(_rows(rows), fmt, title="stories")


@guarded()
def export(
    what: str = typer.Argument(..., help="events, mentions, articles or actors."),
    out: Path = typer.Argument(..., help="File to write."),
    to: str = typer.Option(None, "--format", "-f", help="jsonl, csv, parquet or plover "
                           "(events only); default from the file suffix."),
    since: str = options.SINCE,
    until: str = options.UNTIL,
    modality: str = typer.Option("all", "--modality", help="events: asserted, negated, "
                                 "hypothetical, future or all."),
    db: Path = options.DB,
) -> None:
    """Export records with stable ids, for other tools.

    Examples:

      sitrep export events events.jsonl --modality asserted

      sitrep export events events.parquet

      sitrep export events plover.jsonl --format plover
    """
    with options.open_workspace(db) as ws:
        report = ws.export(what, out, format=to, since=since, until=until, modality=modality)
    err_console.print(f"[green]wrote[/green] {report.rows} {what} to {report.path} "
                      f"({report.format})")


def register(app: typer.Typer) -> None:
    """Add the answer commands to the ``sitrep`` app."""
    for command in (contacts, timeline, gaps, dyad, network, stories, export):
        app.command()(command)
