"""Commands that fill and read the store: ``ingest``, ``articles``, ``show``."""

from __future__ import annotations

import os
import signal
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import typer
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from sitrep.api import IngestInterrupted, IngestReport
from sitrep.cli import options
from sitrep.cli.output import Format, cell, console, emit, err_console, guarded, shown
from sitrep.safety import terminal_text


def _progress_bar() -> Progress:
    return Progress(
        TextColumn("[bold]ingest[/bold]"), BarColumn(), MofNCompleteColumn(),
        TimeElapsedColumn(), TextColumn("{task.description}", style="dim", markup=False),
        console=err_console, transient=True,
    )


def print_summary(report: IngestReport) -> None:
    counts = report.counts()
    line = "  ".join(f"{k} [bold]{v}[/bold]" for k, v in counts.items())
    err_console.print(f"[green]done[/green]  {line}")
    for error in report.errors[:50]:
        err_console.print(f"  [red]failed[/red] {shown(error['message'])}")
    if len(report.errors) > 50:
        err_console.print(f"  ... and {len(report.errors) - 50} more failures (--format json)")


@contextmanager
def _first_ctrl_c_stops_after_the_item() -> Iterator[threading.Event]:
    """While the block runs, a first Ctrl-C asks the ingest to stop after its current item
    (nothing is cut in the middle of a write); a second one stops it at once."""
    stopping = threading.Event()

    def on_interrupt(signum: int, frame: Any) -> None:
        if stopping.is_set():
            raise KeyboardInterrupt
        stopping.set()
        err_console.print("[yellow]stopping[/yellow] after the current item "
                          "(Ctrl-C again to stop at once)")

    try:
        previous = signal.signal(signal.SIGINT, on_interrupt)
    except ValueError:  # not the main thread: Ctrl-C keeps its default meaning
        yield stopping
        return
    try:
        yield stopping
    finally:
        signal.signal(signal.SIGINT, previous)


@guarded()
def ingest(
    inputs: list[str] = typer.Argument(..., help="Files, directories, WARC archives, RSS/Atom "
                                       "feeds (files or URLs) and page URLs.", show_default=False),
    published: str = typer.Option(None, "--published", help="Publication date (YYYY-MM-DD) for "
                                  "inputs that carry none of their own (record field, page "
                                  "metadata, URL); without it the date is inferred from the "
                                  "text and marked inferred."),
    code: bool = typer.Option(True, "--code/--no-code", help="Code events now, or leave the "
                              "articles for `sitrep code`."),
    allow_host: list[str] = options.ALLOW_HOST,
    languages: str = typer.Option(None, "--languages", help="Languages to code events in, "
                                  "comma-separated (default: en). Articles in others are "
                                  "stored and marked not coded."),
    workers: int = typer.Option(
        os.cpu_count() or 1, "--workers", "-w", min=1,
        help="Processes that extract and code articles in parallel (default: one per "
        "core). Each loads its own spaCy (about 300 MB); this process alone writes the "
        "store, in input order, one transaction per article. 1 runs everything in this "
        "process; inputs of fewer than 64 items always do."),
    ray: str = typer.Option(
        None, "--ray", metavar="auto|ADDRESS",
        help="Extract and code as tasks on a running Ray cluster instead of local workers "
        "(`auto`: the cluster this machine joined with `ray start`; or its address, "
        "e.g. 10.0.0.5:6379). Needs `pip install 'sitrep[ray]'` and sitrep on every node."),
    fmt: Format = options.FORMAT,
    db: Path = options.DB,
) -> None:
    """Ingest news: extract clean text, drop duplicates, store, and code events.

    Inputs may be HTML (.html, .htm, .html.gz), scraped text (.txt, .md), JSON/JSONL articles
    ({url, title, date, text} or {url, html}), directories (recursive), WARC archives, RSS/Atom
    feeds (their items' pages are fetched) and URLs. Fetching honours robots.txt, waits between
    requests to one host, and re-polls feeds with conditional GET.

    A bad item is reported with a stable error code and the batch goes on; the exit status is
    1 if any item failed. Re-ingesting the same input changes nothing.

    Examples:

      sitrep ingest corpus/

      sitrep ingest article.txt --published 2021-10-07

      sitrep ingest https://www.state.gov/feed/ --format json

      sitrep ingest crawl.warc.gz --workers 8

      sitrep ingest crawl.warc.gz --ray auto
    """
    day = options.day(published, "--published")
    with options.open_workspace(db, allow_host, languages=languages or None) as ws, \
            _progress_bar() as bar:
        task = bar.add_task("", total=ws.count_inputs(inputs))

        def advance(n: int, label: str) -> None:
            bar.update(task, advance=n, description=terminal_text(label[-60:],
                                                                  keep_newlines=False))

        with _first_ctrl_c_stops_after_the_item() as stopping:
            try:
                report = ws.ingest(inputs, published=day, code=code, progress=advance,
                                   stop=stopping.is_set, workers=workers, ray=ray or None)
                interrupted = False
            except IngestInterrupted as stop:
                report, interrupted = stop.report, True
    if fmt is Format.table:
        print_summary(report)
    else:
        emit([report.counts() | {"errors": report.errors, "skipped_items": report.skips,
                                 "interrupted": interrupted}], fmt)
    if interrupted:
        err_console.print("[yellow]interrupted[/yellow]: nothing is half-written; run the same "
                          "command again to finish (what is stored is linked then)")
        raise typer.Exit(130)
    if not report.ok:
        raise typer.Exit(1)


@guarded()
def articles(
    since: str = options.SINCE,
    until: str = options.UNTIL,
    site: str = typer.Option(None, "--site", help="Site name contains this."),
    search: str = typer.Option(None, "--search", "-q", help="Title or text contains this."),
    duplicates: bool = typer.Option(True, "--duplicates/--no-duplicates",
                                    help="List near-duplicate copies too."),
    limit: int = options.limit(50, "articles"),
    fmt: Format = options.FORMAT,
    db: Path = options.DB,
) -> None:
    """List stored articles, newest first (by publication date).

    Examples:

      sitrep articles --since 2022-01-01 --search Putin

      sitrep articles --format csv --limit 0 > articles.csv
    """
    filters: dict[str, Any] = {
        "since": options.day(since, "--since"), "until": options.day(until, "--until", end=True),
        "site": site, "query": search, "include_duplicates": duplicates}
    with options.open_workspace(db, read_only=True) as ws:
        rows = ws.articles(**filters, limit=limit)
        total = ws.count_articles(**filters) if limit and len(rows) == limit else None
    for row in rows:
        row.pop("text", None)
        row["copy_of"] = row.pop("canonical_id")
    columns = ["id", "published", "site", "title", "copy_of"] if fmt is Format.table else None
    emit(rows, fmt, columns=columns, title="articles", total=total)


@guarded()
def show(
    article_id: str = typer.Argument(..., help="Article id, or a unique prefix of one."),
    fmt: Format = options.FORMAT,
    db: Path = options.DB,
) -> None:
    """Show one article: clean text, metadata, and where it came from.

    Example:

      sitrep show a_3f2c
    """
    with options.open_workspace(db, read_only=True) as ws:
        row = ws.article(article_id)
        coded_languages = ws.settings.language_set
    if fmt is not Format.table:
        emit([row], fmt)
        return
    console.rule(f"[bold]{shown(row['title'])}")
    meta = {
        "id": row["id"], "url": row["url"], "canonical url": row["canonical_url"],
        "published": f"{row['published']} ({row['published_source']})"
        + (f": {row['published_evidence']}" if row["published_evidence"] else ""),
        "site": row["site"], "authors": ", ".join(row["authors"] or []),
        "language": row["language"], "origin": row["origin"],
        "revision": f"{row['revision']} (earlier: {row['revisions'] or 'none'})",
        "copy of": row["canonical_id"], "copies": ", ".join(row["copies"]) or None,
        "coded": _coded(row, coded_languages),
    }
    meta |= {k: v for k, v in row["extra"].items() if k in ("license", "source", "credit")}
    for key, value in meta.items():
        if value:
            console.print(f"[bold]{key:>14}[/bold]  {shown(value)}", soft_wrap=True)
    console.print()
    # soft_wrap: piped into a file or a pager, the text keeps its own lines.
    console.print(cell(row["text"], keep_newlines=True), highlight=False, soft_wrap=True)


def _coded(row: dict[str, Any], languages: frozenset[str]) -> str:
    if row["coded_at"]:
        return f"{row['coded_at']} by {row['coder_version']}"
    if row["canonical_id"]:
        return "no: a copy (its original is coded)"
    if row["language"] not in languages:
        return (f"not coded: in {row['language'] or 'an unknown language'}; the event coder "
                f"reads {', '.join(sorted(languages))} (setting languages)")
    return "not yet"


def register(app: typer.Typer) -> None:
    app.command()(ingest)
    app.command()(articles)
    app.command()(show)
