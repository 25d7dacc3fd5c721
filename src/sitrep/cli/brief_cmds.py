"""The analyst's products: ``brief``, ``memo`` and ``watch``."""

from __future__ import annotations

import re
from datetime import date, timedelta
from pathlib import Path

import typer

from sitrep.cli.output import DB_OPTION, console, err_console, guarded, shown
from sitrep.cli.store_cmds import open_workspace, parse_day
from sitrep.errors import BriefError, QueryError

OUT_OPTION = typer.Option(Path("briefings"), "--out", "-o",
                          help="Folder the Markdown and HTML files are written to.")
MEMO_OUT_OPTION = typer.Option(None, "--out", "-o", help="Also write Markdown and HTML files "
                               "into this folder.")
FEEDS_ARGUMENT = typer.Argument(..., help="Feed URLs or files to poll.")
PROFILES_OPTION = typer.Option(["israel"], "--profile", "-P", help="Profile(s) to alert for "
                               "(file or bundled name); repeatable.")
PERIOD_HELP = ("day, week (the 7 days ending today) or START..END, e.g. 2022-01-10..2022-01-16 "
               "or 2021-10..2022-01 (whole months).")


def _period(period: str, week_of: str | None, today: str | None):
    from sitrep.brief.period import parse_period

    return parse_period(period, today=parse_day(today, "--today"), week_of=week_of)


@guarded()
def brief(
    profile: str = typer.Argument(..., help="Profile YAML file, or a bundled profile name "
                                  "(israel, security)."),
    period: str = typer.Option("week", "--period", "-p", help=PERIOD_HELP),
    week_of: str = typer.Option(None, "--week-of", help="Brief the Monday-to-Sunday week "
                                "holding this date (YYYY-MM-DD)."),
    today: str = typer.Option(None, "--today", help="Reference day for day/week "
                              "(default: today)."),
    out: Path = OUT_OPTION,
    email: bool = typer.Option(False, "--email", help="Also send it by email (settings from "
                               "the profile's delivery.email or SITREP_SMTP_*)."),
    db: Path = DB_OPTION,
) -> None:
    """Write a briefing for a watch profile as Markdown and a self-contained HTML page.

    Sections: top stories ranked by the profile's priorities and coverage, key events with
    dates and sources, leader contacts, what changed since the last briefing, charts.
    Every statement cites its articles.

    Examples:

      sitrep brief israel --week-of 2022-01-10

      sitrep brief my-profile.yaml --period 2022-01-01..2022-01-31 --out reports/ --email
    """
    from sitrep.brief.briefing import build_briefing, render_markdown, write_briefing
    from sitrep.brief.deliver import Message, deliver
    from sitrep.brief.profile import load_profile

    chosen = load_profile(profile)
    span = _period(period, week_of, today)
    with open_workspace(db) as ws:
        briefing = build_briefing(ws.store, chosen, span)
        written = write_briefing(ws.store, briefing, out)
    console.print(f"[green]wrote[/green] {shown(written.markdown)}\n"
                  f"[green]wrote[/green] {shown(written.html)}")
    err_console.print(f"{len(briefing.event_ids)} events, {len(briefing.contacts)} leader "
                      f"contacts, {len(briefing.references)} sources")
    if email:
        message = Message(briefing.title, render_markdown(briefing),
                          written.html.read_text(encoding="utf-8"), name=written.markdown.stem)
        failed = deliver(message, {"email": chosen.delivery.get("email", {})}).get("email", "")
        if failed is None:
            err_console.print("[green]sent[/green] by email")
        else:
            raise BriefError("E602", failed or "no SMTP host or recipient configured: set "
                             "delivery.email in the profile or SITREP_SMTP_HOST/_TO",
                             item="email")


def _subject(actor: str | None, other: str | None, topic: str | None):
    from sitrep.brief.memo import Topic

    if topic and not actor:
        return Topic(topic)
    if not actor:
        raise QueryError("E501", "name an ACTOR (and --with another), or give --topic")
    return (actor, other) if other else actor


@guarded()
def memo(
    actor: str = typer.Argument(None, help="The actor the memo is about."),
    other: str = typer.Option(None, "--with", "-w", help="A second actor: a memo on the pair."),
    topic: str = typer.Option(None, "--topic", help="A topic instead of an actor."),
    period: str = typer.Option(None, "--period", "-p", help=PERIOD_HELP),
    since: str = typer.Option(None, help="First day (YYYY-MM-DD or YYYY-MM)."),
    until: str = typer.Option(None, help="Last day (default: today)."),
    out: Path = MEMO_OUT_OPTION,
    db: Path = DB_OPTION,
) -> None:
    """Write a short analytical memo on an actor, a pair of actors or a topic.

    Built from stored events only: the latest contact, the pattern of contacts with dates,
    the topics, other contacts for comparison, and what did not happen (only where a
    source says so). Every sentence cites the articles it rests on.

    Examples:

      sitrep memo "Naftali Bennett" --with "Vladimir Putin" --period 2021-10..2022-01

      sitrep memo --topic "Iran nuclear program" --since 2022-01-01 --out memos/
    """
    from sitrep.brief.memo import build_memo, render_memo_html, render_memo_markdown

    if period:
        span = _period(period, None, None)
        first, last = span.start, span.end
    else:
        last = parse_day(until, "--until", end=True) or date.today()
        first = parse_day(since, "--since") or last - timedelta(days=90)
    with open_workspace(db, read_only=True) as ws:
        doc = build_memo(ws.store, _subject(actor, other, topic), first, last)
    text = render_memo_markdown(doc)
    typer.echo(text)  # plain: a rich console would re-wrap the Markdown lines
    if out:
        out.mkdir(parents=True, exist_ok=True)
        stem = re.sub(r"[^a-z0-9]+", "-", doc.title.lower()).strip("-")
        (out / f"{stem}.md").write_text(text, encoding="utf-8")
        (out / f"{stem}.html").write_text(render_memo_html(doc), encoding="utf-8")
        err_console.print(f"[green]wrote[/green] {shown(out / stem)}.md and .html")


def _every(value: str) -> timedelta:
    match = re.fullmatch(r"\s*(\d+)\s*([smhd]?)\s*", value)
    if not match:
        raise QueryError("E503", "use a number and s, m, h or d, e.g. 15m", item=value)
    unit = {"s": "seconds", "m": "minutes", "h": "hours", "d": "days", "": "minutes"}
    return timedelta(**{unit[match.group(2)]: int(match.group(1))})


@guarded()
def watch(
    feeds: list[str] = FEEDS_ARGUMENT,
    profile: list[str] = PROFILES_OPTION,
    every: str = typer.Option("15m", "--every", help="Time between polls: 30s, 15m, 2h."),
    iterations: int = typer.Option(0, "--iterations", "-n", help="Stop after this many "
                                   "polls (0: run until Ctrl-C)."),
    since: str = typer.Option(None, help="Oldest event date to alert on (default: 7 days "
                              "ago)."),
    email: bool = typer.Option(True, "--email/--no-email", help="Use the email channel "
                               "when configured."),
    allow_hosts: str = typer.Option(None, "--allow-hosts", help="Hosts allowed even if "
                                    "private, e.g. 127.0.0.1 for a local feed."),
    db: Path = DB_OPTION,
) -> None:
    """Poll feeds, ingest and code new articles, and alert on new events of a profile.

    Alerts go to the channels of each profile's ``delivery`` (console, file, webhook,
    email). The same event is never alerted twice on a channel, across restarts too.

    Examples:

      sitrep watch https://example.org/feed.xml --profile israel --every 15m

      sitrep watch feeds/world.xml -P security -P my.yaml --iterations 1
    """
    from sitrep.brief.profile import load_profile
    from sitrep.brief.watch import watch as run_watch

    profiles = [load_profile(p) for p in profile]
    with open_workspace(db, allow_hosts=allow_hosts) as ws:
        try:
            report = run_watch(ws, feeds, profiles, _every(every), iterations or None,
                               since=parse_day(since, "--since"), email=email)
        except KeyboardInterrupt:
            err_console.print("stopped")
            return
    err_console.print(f"[green]done[/green]  polls {report.polls}  new articles "
                      f"{report.ingested}  alerts {len(report.sent)}  failed "
                      f"{len(report.failures)}")
    for failure in report.failures[:20]:
        err_console.print(f"  [red]failed[/red] {shown(failure)}")


def register(app: typer.Typer) -> None:
    """Add ``brief``, ``memo`` and ``watch`` to the ``sitrep`` command."""
    app.command()(brief)
    app.command()(memo)
    app.command()(watch)
