"""Watch feeds and alert when a profile's actors have new events; never alert twice.

``watch`` loops: ingest the feeds through the facade (which fetches with conditional GET,
codes new articles and links their mentions into events), then ``send_alerts``
for each profile. An event counts once per profile and channel: ``alerts_sent`` is written in
the same transaction as the delivery, which rolls back when the delivery fails, so a failed
webhook is retried at the next poll and a delivered alert is never repeated, across restarts
too (the table lives in the store file).
"""

from __future__ import annotations

import re
import time
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from typing import Any, Protocol, TextIO

from sitrep.brief.briefing import Relevance
from sitrep.brief.cite import Citer
from sitrep.brief.deliver import Message, deliver
from sitrep.brief.evidence import EventView, load_events
from sitrep.brief.phrasing import format_date, say_event
from sitrep.brief.profile import Profile
from sitrep.errors import QueryError, SitrepError
from sitrep.store import Store
from sitrep.store.deliveries import alerted_events, record_alerts

def parse_every(value: str) -> timedelta:
    """The time between polls from ``30s``, ``15m`` (or ``15``), ``2h`` or ``1d``.

    Raises:
        QueryError: E503 for anything else.
    """
    match = re.fullmatch(r"\s*(\d+)\s*([smhd]?)\s*", value)
    if not match:
        raise QueryError("E503", "use a number and s, m, h or d, e.g. 15m", item=value)
    unit = {"s": "seconds", "m": "minutes", "h": "hours", "d": "days", "": "minutes"}
    return timedelta(**{unit[match.group(2)]: int(match.group(1))})


LOOKBACK = timedelta(days=7)
"""How old an event may be and still be alerted on (by default): older news is not news."""


@dataclass
class WatchReport:
    """What a watch run did."""

    polls: int = 0
    ingested: int = 0
    sent: list[tuple[str, str, str]] = field(default_factory=list)
    """(profile, event id, channel) delivered."""
    failures: list[str] = field(default_factory=list)


def _now() -> datetime:
    return datetime.now(UTC).replace(tzinfo=None)


def relevant_events(store: Store, profile: Profile, since: date,
                    until: date | None = None) -> list[EventView]:
    """Asserted events from ``since`` on that one of the profile's watches matches."""
    relevance = Relevance(store, profile)
    end = until or date.today() + timedelta(days=1)
    return [e for e in load_events(store, since, end) if relevance.weight(e)]


def alert_message(profile: Profile, events: list[EventView]) -> Message:
    """One message listing new events, each with its date, a sentence and its sources."""
    citer = Citer()
    lines, items = [], []
    for event in events:
        statement = citer.statement(say_event(event), [event])
        marks = "".join(f"[{n}]" for n in statement.refs)
        when = format_date(event.date, event.date_precision) if event.date else "undated"
        lines.append(f"- {when}: {statement.text} {marks}")
        items.append({"id": event.id, "type": event.type, "mode": event.mode,
                      "date": event.date.isoformat() if event.date else None,
                      "actors": [a.name for a in event.actors], "text": statement.text,
                      "sources": [citer.refs[s.article_id].source.url for s in event.sources
                                  if s.article_id in citer.refs]})
    refs = [f"[{r.n}] {r.source.title} <{r.source.url}>" for r in citer.references]
    subject = f"[sitrep] {profile.name}: {len(events)} new event{'s' if len(events) != 1 else ''}"
    text = "\n".join([subject, "", *lines, "", "Sources:", *refs])
    stamp = _now().strftime("%Y%m%dT%H%M%S")
    return Message(subject, text, None, {"profile": profile.slug, "events": items},
                   name=f"alert-{profile.slug}-{stamp}")


def _channels(delivery: Mapping[str, Any], email: bool) -> list[str]:
    names = [c for c in ("console", "file", "webhook") if delivery.get(c)]
    return names + (["email"] if email and "email" in delivery else [])


def send_alerts(store: Store, profile: Profile, *, since: date,
                delivery: Mapping[str, Any] | None = None, email: bool = True,
                environ: Mapping[str, str] | None = None,
                stream: TextIO | None = None) -> WatchReport:
    """Alert on the profile's events not yet alerted on each channel.

    Args:
        store: an open store.
        profile: the profile whose watches select events.
        since: oldest event date alerted on.
        delivery: channels to use instead of the profile's ``delivery``.
        email: allow the email channel.
        environ: environment for ``SITREP_SMTP_*``.
        stream: where the console channel prints.

    Returns:
        What was sent and what failed; sent alerts are recorded in ``alerts_sent``.
    """
    report = WatchReport()
    channels = dict(delivery if delivery is not None else profile.delivery)
    if email and "email" not in channels and environ is not None and environ.get(
            "SITREP_SMTP_HOST"):
        channels["email"] = {}
    events = relevant_events(store, profile, since)
    for channel in _channels(channels, email):
        done = alerted_events(store, profile.slug, channel)
        fresh = [e for e in events if e.id not in done]
        if not fresh:
            continue
        message = alert_message(profile, fresh)
        now = _now()
        try:
            with store.transaction():
                record_alerts(store, profile.slug, channel, [e.id for e in fresh], now)
                failed = deliver(message, {channel: channels[channel]}, email=True,
                                 environ=environ, stream=stream).get(channel)
                if failed:
                    raise _Undelivered(failed)
        except _Undelivered as exc:
            report.failures.append(str(exc))
            continue
        report.sent += [(profile.slug, e.id, channel) for e in fresh]
    return report


class _Undelivered(Exception):
    """Raised inside the transaction so that a failed delivery records nothing."""


class _Ingested(Protocol):
    new: int


class FeedPoller(Protocol):
    """What ``watch`` polls with: an open store that can ingest feeds (``sitrep.Sitrep``)."""

    @property
    def store(self) -> Store: ...

    def ingest(self, inputs: Sequence[str]) -> _Ingested: ...


def watch(sitrep: FeedPoller, feeds: Sequence[str], profiles: Sequence[Profile],
          every: timedelta = timedelta(minutes=15), iterations: int | None = None, *,
          since: date | None = None, email: bool = True,
          environ: Mapping[str, str] | None = None, stream: TextIO | None = None,
          sleep: Callable[[float], None] = time.sleep) -> WatchReport:
    """Poll feeds, ingest and code new articles, and alert on new events, until stopped.

    Args:
        sitrep: an open ``sitrep.Sitrep`` (its ``ingest`` fetches with conditional GET).
        feeds: feed URLs or files.
        profiles: the profiles to alert for.
        every: time between polls.
        iterations: number of polls (None: until interrupted).
        since: oldest event date alerted on (default: 7 days before each poll).
        email: allow the email channel.
        environ: environment for ``SITREP_SMTP_*``.
        stream: where the console channel prints.
        sleep: how to wait between polls.

    Returns:
        The totals over all polls.
    """
    total = WatchReport()
    while iterations is None or total.polls < iterations:
        if total.polls:
            sleep(every.total_seconds())
        total.polls += 1
        try:
            total.ingested += sitrep.ingest(list(feeds)).new
        except SitrepError as exc:
            total.failures.append(exc.message)
        start = since or date.today() - LOOKBACK
        for profile in profiles:
            got = send_alerts(sitrep.store, profile, since=start, email=email,
                              environ=environ, stream=stream)
            total.sent += got.sent
            total.failures += got.failures
    return total
