"""Region briefings: what happened in a period to what a profile watches, with sources.

``build_briefing`` reads the store in four steps:

1. load the period's asserted events (``evidence.load_events``) and keep those a profile
   watch matches (an actor, a country of an actor or of the place, a topic; and, when the
   profile lists event types, only those types);
2. score each event by its best watch's weight times its coverage (1 + independent sources)
   and group events into stories (the store's story, else the article first reporting it);
3. write the sections as cited statements: top stories, key events, leader contacts, what
   changed since the profile's previous recorded briefing;
4. draw the charts.

``write_briefing`` renders Markdown and self-contained HTML (``templates/briefing.*.j2``)
into a folder and records the briefing in ``briefings``, which the next one compares with.
"""

from __future__ import annotations

import json
import math
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

from sitrep.brief.charts import Chart, contacts_per_counterpart, events_per_day
from sitrep.brief.cite import Citer, Reference, Statement
from sitrep.brief.deliver import Message, deliver
from sitrep.actors.kb import normalise
from sitrep.brief.evidence import EventView, load_events, resolve_keys
from sitrep.brief.period import Period
from sitrep.brief.phrasing import format_date, say_event
from sitrep.brief.profile import Profile
from sitrep.brief.render import Written, render
from sitrep.store import Store
from sitrep.store.deliveries import previous_briefing, remember_briefing
from sitrep.store.stories_table import story_heading

TOP_STORIES = 5
KEY_EVENTS = 25


@dataclass
class Item:
    """A listed event: its statement plus the fields a table shows beside it."""

    statement: Statement
    date: str
    type: str
    n_sources: int
    score: float


@dataclass
class Story:
    """A top story: a headline, the article it links to and its best events."""

    title: str
    url: str
    score: float
    n_articles: int
    items: list[Item]


@dataclass
class Briefing:
    """A briefing's content, ready to render; ``statements()`` feeds ``check_citations``."""

    profile: Profile
    period: Period
    created_at: datetime
    stories: list[Story] = field(default_factory=list)
    key_events: list[Item] = field(default_factory=list)
    contacts: list[Item] = field(default_factory=list)
    changes: list[Statement] = field(default_factory=list)
    new_items: list[Item] = field(default_factory=list)
    charts: list[Chart] = field(default_factory=list)
    references: list[Reference] = field(default_factory=list)
    event_ids: list[str] = field(default_factory=list)

    @property
    def title(self) -> str:
        return f"{self.profile.name}: {_span(self.period)}"

    @property
    def id(self) -> str:
        return f"{self.profile.slug}:{self.period.label}:{self.created_at.isoformat()}"

    def statements(self) -> list[Statement]:
        """Every sentence of the briefing, in reading order."""
        listed = [i.statement for s in self.stories for i in s.items]
        listed += [i.statement for i in (*self.key_events, *self.contacts)]
        return listed + self.changes + [i.statement for i in self.new_items]


def _span(period: Period) -> str:
    if period.start == period.end:
        return format_date(period.start)
    return f"{format_date(period.start)} to {format_date(period.end)}"


class Relevance:
    """How much a profile cares about an event: the weight of its best matching watch."""

    def __init__(self, store: Store, profile: Profile) -> None:
        self.actors: dict[str, int] = {}
        for watch in profile.actors:
            for key in resolve_keys(store, watch.value, watch.key):
                self.actors[key] = max(watch.weight, self.actors.get(key, 0))
        self.countries = {w.value: w.weight for w in profile.countries}
        self.topics = {normalise(w.value): w.weight for w in profile.topics}
        self.types = {w.value: w.weight for w in profile.event_types}

    def weight(self, event: EventView) -> int:
        """0 when no watch matches; with event types listed, other types weigh 0."""
        if self.types and event.type not in self.types:
            return 0
        found = [self.actors.get(a.key, 0) for a in event.actors]
        found += [self.countries.get(a.country or "", 0) for a in event.actors]
        found.append(self.countries.get(event.location_country or "", 0))
        found += [self.topics.get(normalise(t), 0) for t in event.topics]
        best = max(found, default=0)
        if self.types and best:
            # the type's priority scales the geographic one: an attack outranks a threat
            return max(1, round(best * self.types[event.type] / 5))
        return best

    def score(self, event: EventView) -> float:
        """Weight times coverage; more independent sources, more prominent.

        An undated event (often background: "over the past years, X and Y have...") counts
        half: its report falls in the period, the event itself may not.
        """
        undated = 0.5 if event.date is None else 1.0
        return undated * self.weight(event) * (1 + math.log2(1 + event.n_sources))


def _item(citer: Citer, event: EventView, score: float) -> Item:
    text = say_event(event)
    return Item(citer.statement(text, [event]), format_date(event.date, event.date_precision)
                if event.date else f"reported {format_date(event.reported)}",
                event.type, event.n_sources, round(score, 2))


def _stories(store: Store, citer: Citer, scored: list[tuple[EventView, float]]) -> list[Story]:
    groups: dict[str, list[tuple[EventView, float]]] = {}
    for event, score in scored:
        key = event.story_ids[0] if event.story_ids else event.sources[0].article_id
        groups.setdefault(key, []).append((event, score))
    ranked = sorted(groups.items(), key=lambda kv: -sum(s for _, s in kv[1]))[:TOP_STORIES]
    stories = []
    for key, members in ranked:
        members.sort(key=lambda es: -es[1])
        lead = members[0][0].sources[0]
        heading = story_heading(store, key)
        articles = {s.article_id for e, _ in members for s in e.sources}
        stories.append(Story(heading[0] if heading and heading[0] else lead.title, lead.url,
                             round(sum(s for _, s in members), 2),
                             heading[1] if heading else len(articles),
                             [_item(citer, e, s) for e, s in members[:3]]))
    return stories


def _changes(store: Store, citer: Citer, briefing: Briefing,
             scored: list[tuple[EventView, float]]) -> None:
    previous = previous_briefing(store, briefing.profile.slug, briefing.created_at)
    if previous is None:
        briefing.changes = [Statement(f"This is the first {briefing.profile.name} recorded in "
                                      f"this store, so every event below is new.")]
        return
    start, end, created = previous.period_start, previous.period_end, previous.created_at
    new = [(e, s) for e, s in scored if e.id not in set(previous.event_ids)]
    # ISO dates: this sentence is about the previous briefing, not about an event
    span = Period(start, end).label
    if not new:
        text = f"No new events since the previous briefing ({span}, made {created:%Y-%m-%d})."
        briefing.changes = [Statement(text)]
        return
    briefing.changes = [Statement(
        f"{len(new)} of {len(scored)} events are new since the previous briefing "
        f"({span}, made {created:%Y-%m-%d}).")]
    new.sort(key=lambda es: -es[1])
    briefing.new_items = [_item(citer, e, s) for e, s in new[:KEY_EVENTS]]


def build_briefing(store: Store, profile: Profile, period: Period,
                   now: datetime | None = None) -> Briefing:
    """Build a briefing for a profile over a period, from the store alone.

    Args:
        store: an open store with coded (and ideally linked) articles.
        profile: the watch profile.
        period: the days covered.
        now: when the briefing is made (default: now, UTC); earlier briefings of the same
            profile recorded before it are what "what changed" compares with.

    Returns:
        The briefing; nothing is written (see ``write_briefing``).
    """
    created = now or datetime.now(UTC).replace(tzinfo=None)
    relevance = Relevance(store, profile)
    events = [e for e in load_events(store, period.start, period.end) if e.sources]
    scored = [(e, relevance.score(e)) for e in events if relevance.weight(e)]
    briefing = Briefing(profile, period, created, event_ids=[e.id for e, _ in scored])
    citer = Citer()
    briefing.stories = _stories(store, citer, scored)
    ranked = sorted(scored, key=lambda es: -es[1])[:KEY_EVENTS]
    by_date = sorted(ranked, key=lambda es: (es[0].when or period.end, es[0].id))
    briefing.key_events = [_item(citer, e, s) for e, s in by_date]
    contacts = [(e, s) for e, s in scored if e.is_leader_contact()]
    briefing.contacts = [_item(citer, e, s)
                         for e, s in sorted(contacts, key=lambda es: es[0].when or period.end)]
    _changes(store, citer, briefing, scored)
    briefing.charts = [events_per_day([e for e, _ in scored], period)]
    if contacts:
        briefing.charts.append(contacts_per_counterpart([e for e, _ in contacts],
                                                        set(relevance.actors)))
    briefing.references = citer.references
    return briefing


def render_markdown(briefing: Briefing, chart_dir: str | None = None) -> str:
    """The briefing as Markdown; charts link PNGs in ``chart_dir`` (else data URIs)."""
    return render("briefing.md.j2", doc=briefing, chart_dir=chart_dir)


def render_html(briefing: Briefing) -> str:
    """The briefing as one self-contained HTML page (inline CSS, charts as data URIs)."""
    return render("briefing.html.j2", doc=briefing)


def write_briefing(store: Store, briefing: Briefing, out_dir: str | Path) -> Written:
    """Write ``<profile>-<period>.md``/``.html`` and chart PNGs, and record the briefing.

    Args:
        store: the store the briefing was built from; gets a ``briefings`` row.
        briefing: the briefing.
        out_dir: folder to write into (created if missing).

    Returns:
        The paths written.
    """
    folder = Path(out_dir)
    folder.mkdir(parents=True, exist_ok=True)
    stem = f"{briefing.profile.slug}-{briefing.period.label.replace('..', '_')}"
    charts = []
    for chart in briefing.charts:
        path = folder / f"{stem}-{chart.name}"
        path.write_bytes(chart.png)
        charts.append(path)
    md = folder / f"{stem}.md"
    md.write_text(render_markdown(briefing, chart_dir=f"{stem}-"), encoding="utf-8")
    html = folder / f"{stem}.html"
    html.write_text(render_html(briefing), encoding="utf-8")
    record_briefing(store, briefing, str(html))
    return Written(md, html, charts)


def email_briefing(briefing: Briefing, written: Written,
                   environ: Mapping[str, str] | None = None) -> str | None:
    """Send a written briefing by email (the profile's ``delivery.email``, else
    ``SITREP_SMTP_*``).

    Returns:
        None when sent, else why not.
    """
    message = Message(briefing.title, render_markdown(briefing),
                      written.html.read_text(encoding="utf-8"), name=written.markdown.stem)
    config = {"email": briefing.profile.delivery.get("email", {})}
    failed = deliver(message, config, environ=environ).get("email", "")
    if failed == "":
        return ("no SMTP host or recipient configured: set delivery.email in the profile or "
                "SITREP_SMTP_HOST/_TO")
    return failed


def record_briefing(store: Store, briefing: Briefing, path: str | None = None) -> None:
    """Remember what a briefing contained, for the next one's "what changed"."""
    remember_briefing(store, briefing.id, briefing.profile.slug, briefing.period.start,
                      briefing.period.end, briefing.created_at, briefing.event_ids, path)


def briefing_json(briefing: Briefing) -> str:
    """A compact JSON summary of a briefing, for webhooks and scripts."""
    return json.dumps({
        "id": briefing.id, "profile": briefing.profile.slug, "title": briefing.title,
        "start": briefing.period.start.isoformat(), "end": briefing.period.end.isoformat(),
        "events": len(briefing.event_ids),
        "top_stories": [{"title": s.title, "url": s.url} for s in briefing.stories],
        "contacts": [i.statement.text for i in briefing.contacts],
    }, ensure_ascii=False)
