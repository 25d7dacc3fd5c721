"""The analyst's products: ``brief``, ``memo`` and ``watch``."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import typer

from sitrep.api import Period, parse_period
from sitrep.cli import options
from sitrep.cli.output import console, err_console, guarded
from sitrep.errors import BriefError

OUT_OPTION = typer.Option(Path("briefings"), "--out", "-o",
                          help="Folder the Markdown and HTML files are written to.")
MEMO_OUT_OPTION = typer.Option(None, "--out", "-o", help="Also write Markdown and HTML files "
                               "into this folder.")
FEEDS_ARGUMENT = typer.Argument(..., help="Feed URLs or files to poll.")
PROFILES_OPTION = typer.Option(["israel"], "--profile", "-P", help="Profile(s) to alert for "
                               "(file or bundled name); repeatable.")
PERIOD = typer.Option(None, "--period", "-p", help=options.PERIOD_HELP)


def _period(period: str, week_of: str | None, today: str | None) -> Period:
    return parse_period(period, today=options.day(today, "--today"), week_of=week_of)


@guarded()
def brief(
    profile: str = typer.Argument(..., help="Profile YAML file, or a bundled profile name "
                                  "(israel, security)."),
    period: str = typer.Option("week", "--period", "-p", help=options.PERIOD_HELP),
    week_of: str = typer.Option(None, "--week-of", help="Brief the Monday-to-Sunday week "
                                "holding this date (YYYY-MM-DD)."),
    today: str = typer.Option(None, "--today", help="Reference day for day/week "
                              "(default: today)."),
    out: Path = OUT_OPTION,
    email: bool = typer.Option(False, "--email", help="Also send it by email (settings from "
                               "the profile's delivery.email or SITREP_SMTP_*)."),
    db: Path = options.DB,
) -> None:
    """Write a briefing for a watch profile as Markdown and a self-contained HTML page.

    Sections: top stories ranked by the profile's priorities and coverage, key events with
    dates and sources, leader contacts, what changed since the last briefing, charts.
    Every statement cites its articles.

    Examples:

      sitrep brief israel --week-of 2022-01-10

      sitrep brief my-profile.yaml --period 2022-01-01..2022-01-31 --out reports/ --email
    """
    span = _period(period, week_of, today)
    with options.open_workspace(db) as ws:
        result = ws.brief(profile, span, out=out, email=email)
    written, briefing = result.written, result.briefing
    console.print(f"[green]wrote[/green] {written.markdown}\n[green]wrote[/green] {written.html}")
    err_console.print(f"{len(briefing.event_ids)} events, {len(briefing.contacts)} leader "
                      f"contacts, {len(briefing.references)} sources")
    if result.email_error:
        raise BriefError("E602", result.email_error, item="email")
    if email:
        err_console.print("[green]sent[/green] by email")


@guarded()
def memo(
    actor: str = typer.Argument(None, help="The actor the memo is about."),
    other: str = typer.Option(None, "--with", "-w", help="A second actor: a memo on the pair."),
    topic: str = typer.Option(None, "--topic", help="A topic instead of an actor."),
    period: str = PERIOD,
    since: str = typer.Option(None, "--since", help="First day: YYYY-MM-DD, YYYY-MM or YYYY "
                              "(default: 90 days before the last)."),
    until: str = typer.Option(None, "--until", help="Last day: YYYY-MM-DD, YYYY-MM (its last "
                              "day) or YYYY (default: today)."),
    out: Path = MEMO_OUT_OPTION,
    db: Path = options.DB,
) -> None:
    """Write a short analytical memo on an actor, a pair of actors or a topic.

    Built from stored events only: the latest contact, the pattern of contacts with dates,
    the topics, other contacts for comparison, and what did not happen (only where a
    source says so). Every sentence cites the articles it rests on.

    Examples:

      sitrep memo "Naftali Bennett" --with "Vladimir Putin" --period 2021-10..2022-01

      sitrep memo --topic "Iran nuclear program" --since 2022-01-01 --out memos/
    """
    first: date | None
    last: date | None
    if period:
        span = _period(period, None, None)
        first, last = span.start, span.end
    else:
        first, last = options.day(since, "--since"), options.day(until, "--until", end=True)
    with options.open_workspace(db) as ws:
        result = ws.memo(actor, other=other, topic=topic, since=first, until=last, out=out)
    typer.echo(result.markdown)  # plain: a rich console would re-wrap the Markdown lines
    if result.written is not None:
        stem = result.written.markdown.with_suffix("")
        err_console.print(f"[green]wrote[/green] {stem}.md and .html")


@guarded()
def watch(
    feeds: list[str] = FEEDS_ARGUMENT,
    profile: list[str] = PROFILES_OPTION,
    every: str = typer.Option("15m", "--every", help="Time between polls: 30s, 15m, 2h."),
    iterations: int = typer.Option(0, "--iterations", "-n", help="Stop after this many "
                                   "polls (0: run until Ctrl-C)."),
    since: str = typer.Option(None, "--since", help="Oldest event date to alert on: "
                              "YYYY-MM-DD, YYYY-MM or YYYY (default: 7 days ago)."),
    email: bool = typer.Option(True, "--email/--no-email", help="Use the email channel "
                               "when configured."),
    allow_host: list[str] = options.ALLOW_HOST,
    db: Path = options.DB,
) -> None:
    """Poll feeds, ingest and code new articles, and alert on new events of a profile.

    Alerts go to the channels of each profile's ``delivery`` (console, file, webhook,
    email). The same event is never alerted twice on a channel, across restarts too.

    Examples:

      sitrep watch https://example.org/feed.xml --profile israel --every 15m

      sitrep watch feeds/world.xml -P security -P my.yaml --iterations 1
    """
    with options.open_workspace(db, allow_host) as ws:
        try:
            report = ws.watch(feeds, profile, every=every, iterations=iterations,
                              since=options.day(since, "--since"), email=email)
        except KeyboardInterrupt:
            err_console.print("stopped")
            return
    err_console.print(f"[green]done[/green]  polls {report.polls}  new articles "
                      f"{report.ingested}  alerts {len(report.sent)}  failed "
                      f"{len(report.failures)}")
    for failure in report.failures[:20]:
        err_console.print(f"  [red]failed[/red] {failure}")


def register(app: typer.Typer) -> None:
    """Add ``brief``, ``memo`` and ``watch`` to the ``sitrep`` command."""
    app.command()(brief)
    app.command()(memo)
    app.command()(watch)
