"""Commands that fill and read the store: ``ingest``, ``articles``, ``show``."""

from __future__ import annotations

from pathlib import Path

import typer
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from sitrep.api import IngestReport
from sitrep.cli import options
from sitrep.cli.output import Format, console, emit, err_console, guarded


def _progress_bar() -> Progress:
    return Progress(
        TextColumn("[bold]ingest[/bold]"), BarColumn(), MofNCompleteColumn(),
        TimeElapsedColumn(), TextColumn("{task.description}", style="dim"),
        console=err_console, transient=True,
    )


def print_summary(report: IngestReport) -> None:
    counts = report.counts()
    line = "  ".join(f"{k} [bold]{v}[/bold]" for k, v in counts.items())
    err_console.print(f"[green]done[/green]  {line}")
    for error in report.errors[:50]:
        err_console.print(f"  [red]failed[/red] {error['message']}")
    if len(report.errors) > 50:
        err_console.print(f"  ... and {len(report.errors) - 50} more failures (--format json)")


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
    languages: str = typer.Option(None, "--languages", help="Accepted languages, comma-separated "
                                  "(default: en). Others fail with E202."),
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
    """
    day = options.day(published, "--published")
    with options.open_workspace(db, allow_host, languages=languages or None) as ws, \
            _progress_bar() as bar:
        task = bar.add_task("", total=ws.count_inputs(inputs))

        def advance(n: int, label: str) -> None:
            bar.update(task, advance=n, description=label[-60:])

        report = ws.ingest(inputs, published=day, code=code, progress=advance)
    if fmt is Format.table:
        print_summary(report)
    else:
        emit([report.counts() | {"errors": report.errors, "skipped_items": report.skips}], fmt)
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
    with options.open_workspace(db) as ws:
        rows = ws.articles(since=options.day(since, "--since"),
                           until=options.day(until, "--until", end=True),
                           site=site, query=search, include_duplicates=duplicates, limit=limit)
    for row in rows:
        row.pop("text", None)
        row["copy_of"] = row.pop("canonical_id")
    columns = ["id", "published", "site", "title", "copy_of"] if fmt is Format.table else None
    emit(rows, fmt, columns=columns, title="articles")


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
    with options.open_workspace(db) as ws:
        row = ws.article(article_id)
    if fmt is not Format.table:
        emit([row], fmt)
        return
    console.rule(f"[bold]{row['title']}")
    meta = {
        "id": row["id"], "url": row["url"], "canonical url": row["canonical_url"],
        "published": f"{row['published']} ({row['published_source']})"
        + (f": {row['published_evidence']}" if row["published_evidence"] else ""),
        "site": row["site"], "authors": ", ".join(row["authors"] or []),
        "language": row["language"], "origin": row["origin"],
        "revision": f"{row['revision']} (earlier: {row['revisions'] or 'none'})",
        "copy of": row["canonical_id"], "copies": ", ".join(row["copies"]) or None,
        "coded": f"{row['coded_at']} by {row['coder_version']}" if row["coded_at"] else "not yet",
    }
    meta |= {k: v for k, v in row["extra"].items() if k in ("license", "source", "credit")}
    for key, value in meta.items():
        if value:
            console.print(f"[bold]{key:>14}[/bold]  {value}")
    console.print()
    console.print(row["text"], highlight=False)


def register(app: typer.Typer) -> None:
    app.command()(ingest)
    app.command()(articles)
    app.command()(show)
