"""Read the store into what briefings, memos and alerts are made of: events with their sources.

An ``EventView`` is one real event (a row of ``events``) with the mentions that report it and
the articles those mentions come from. Mentions the link stage has not linked yet (their
``event_id`` is NULL) are grouped here by type, mode, actors, date and modality, so a store
that was coded but not linked still briefs; such events get a stable id from that key, which
keeps ``alerts_sent`` and ``briefings`` consistent across runs.

Only the ``modality`` asked for is read: briefings and alerts read ``asserted`` events only,
so "Biden did not call Bennett" never becomes a contact; memos read ``negated`` ones
separately to say what did not happen, citing the source that says so.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from datetime import date

from sitrep.actors.identity import actor_key, person_id, person_key, state_key, text_key
from sitrep.actors.kb import SENIOR_OFFICES, KnowledgeBase
from sitrep.answers.resolve import resolve_actor
from sitrep.errors import QueryError
from sitrep.record import ActorRef, Report
from sitrep.store import Store
from sitrep.store.actors_table import known_actor
from sitrep.store.reports import reports_in_period


@dataclass(frozen=True)
class Source:
    """An article cited as evidence."""

    article_id: str
    title: str
    url: str
    site: str | None
    published: date | None


@dataclass(frozen=True)
class Actor:
    """An actor as it appears in an event: its store key and display fields."""

    key: str
    name: str
    kind: str = "state"
    country: str | None = None
    office: str | None = None


@dataclass(frozen=True)
class MentionView:
    """One sentence of one article that reports an event."""

    id: str
    article_id: str
    type: str
    mode: str | None
    actor_keys: tuple[str, ...]
    date: date | None
    date_precision: str | None
    modality: str
    sentence: str
    topics: tuple[str, ...] = ()


@dataclass
class EventView:
    """A real event with everything needed to state it and cite it."""

    id: str
    type: str
    mode: str | None
    date: date | None
    date_precision: str | None
    modality: str
    actors: list[Actor]
    source_key: str | None = None
    target_key: str | None = None
    location: str | None = None
    location_country: str | None = None
    topics: list[str] = field(default_factory=list)
    mentions: list[MentionView] = field(default_factory=list)
    sources: list[Source] = field(default_factory=list)
    story_ids: list[str] = field(default_factory=list)

    @property
    def actor_keys(self) -> tuple[str, ...]:
        return tuple(a.key for a in self.actors)

    @property
    def n_sources(self) -> int:
        """Independent outlets reporting the event (distinct sites, else articles)."""
        return len({s.site or s.article_id for s in self.sources})

    @property
    def n_articles(self) -> int:
        return len(self.sources)

    @property
    def reported(self) -> dt.date | None:
        """The earliest publication date among its sources."""
        days = [s.published for s in self.sources if s.published]
        return min(days) if days else None

    @property
    def when(self) -> dt.date | None:
        """The event date, else the day it was first reported."""
        return self.date or self.reported

    def supported_by(self, mention: MentionView) -> bool:
        """Whether a mention's own sentence reports this event: same type and modality, two
        of its actors (or its only one), and a date that agrees at the coarser precision."""
        need = min(2, len(self.actors))
        return (mention.type == self.type and mention.modality == self.modality
                and len(set(mention.actor_keys) & set(self.actor_keys)) >= need
                and dates_agree(self.date, self.date_precision, mention.date,
                                mention.date_precision))

    @property
    def supported_topics(self) -> list[str]:
        """Topics reported by the mentions that support the event (see ``supported_by``)."""
        found: list[str] = []
        for mention in self.mentions:
            if self.supported_by(mention):
                found += [t for t in mention.topics if t not in found]
        return found

    def actor(self, key: str) -> Actor | None:
        return next((a for a in self.actors if a.key == key), None)

    @property
    def symmetric(self) -> bool:
        """Whether the sentence may name either side first ("A spoke with B" = "B with A")."""
        return (self.type == "CONSULT" and self.mode != "visit" and not self.source_key
                and self.modality == "asserted")

    def is_leader_contact(self) -> bool:
        """A CONSULT between two people, one of them holding a senior office that day (by
        the knowledge base's ``SENIOR_OFFICES``: wider than ``contacts --level leader``)."""
        people = [a for a in self.actors if a.kind == "person"]
        return (self.type == "CONSULT" and len(people) >= 2
                and any(_held_senior_office(a.key, self.when) for a in people))


def _held_senior_office(key: str, day: date | None) -> bool:
    pid = person_id(key)
    person = _kb().person(pid) if pid else None
    if person is None or day is None:
        return False
    return any(term.office in SENIOR_OFFICES for term in person.offices_on(day))


@lru_cache(maxsize=1)
def _kb() -> KnowledgeBase:
    return KnowledgeBase.load()


def dates_agree(claimed: date | None, precision: str | None, found: date | None,
                found_precision: str | None) -> bool:
    """Whether a mention's date supports a claimed date, each at its own precision."""
    if claimed is None:
        return True
    if found is None:
        return False
    coarse = {precision or "day", found_precision or "day"}
    if "year" in coarse:
        return claimed.year == found.year
    if "month" in coarse:
        return (claimed.year, claimed.month) == (found.year, found.month)
    if "week" in coarse:
        return abs((claimed - found).days) <= 6
    return claimed == found


def _actor(ref: ActorRef) -> Actor:
    return Actor(actor_key(ref), ref.name, ref.kind, ref.country, ref.office)


def _fallback_id(r: Report) -> str:
    """Stable id of an unlinked mention group: hash of type, mode, actors, date, modality."""
    m = r.mention
    key = f"{m.type}|{m.mode}|{','.join(sorted(r.actor_keys))}|{m.date}|{m.modality}"
    return "u_" + hashlib.sha256(key.encode()).hexdigest()[:16]


def _new_event(r: Report, event_id: str) -> EventView:
    m, linked = r.mention, r.event
    ev_type, mode = (linked.type, linked.mode) if linked else (m.type, m.mode)
    day, precision = ((linked.date, linked.date_precision) if linked and linked.date
                      else (m.date, m.date_precision))
    place = linked.location if linked and linked.location else m.location
    topics = list((linked.topics if linked and linked.topics else m.topics) or [])
    return EventView(
        id=event_id, type=ev_type, mode=mode, date=day, date_precision=precision,
        modality=linked.modality if linked else m.modality, actors=[],
        source_key=linked.source_key if linked else r.source_key,
        target_key=linked.target_key if linked else r.target_key,
        location=place.name if place else None,
        location_country=place.country if place else None, topics=topics)


def _add_mention(event: EventView, r: Report) -> None:
    m, article = r.mention, r.article
    known = set(event.actor_keys)
    for ref in m.actors:
        actor = _actor(ref)
        if actor.key not in known:
            event.actors.append(actor)
            known.add(actor.key)
    event.mentions.append(MentionView(m.id or "", m.article_id, m.type, m.mode, r.actor_keys,
                                      m.date, m.date_precision, m.modality, m.sentence,
                                      tuple(m.topics)))
    if m.article_id not in {s.article_id for s in event.sources}:
        event.sources.append(Source(m.article_id, article.title or article.url, article.url,
                                    article.site, article.published))
    if article.story_id and article.story_id not in event.story_ids:
        event.story_ids.append(article.story_id)
    for topic in m.topics:
        if topic not in event.topics:
            event.topics.append(topic)


def load_events(store: Store, since: date, until: date, *,
                modality: str = "asserted") -> list[EventView]:
    """Events of one modality dated within ``since``..``until`` (both inclusive).

    An event without a date counts on the day it was first reported.

    Args:
        store: an open store.
        since: first day.
        until: last day.
        modality: ``asserted`` (what happened), or ``negated``, ``hypothetical``, ``future``.

    Returns:
        Events in date order, each with its mentions, actors and cited articles.
    """
    events: dict[str, EventView] = {}
    for report in reports_in_period(store, since, until, modality=modality):
        event_id = report.mention.event_id or _fallback_id(report)
        if event_id not in events:
            events[event_id] = _new_event(report, event_id)
        _add_mention(events[event_id], report)
    return sorted(events.values(), key=lambda e: (e.when or until, e.id))


def involving(events: Iterable[EventView], keys: Iterable[str]) -> list[EventView]:
    """Events with at least one of the actor ``keys``."""
    wanted = set(keys)
    return [e for e in events if wanted & set(e.actor_keys)]


def resolve_keys(store: Store, name: str, key: str | None = None) -> set[str]:
    """Store actor keys for an actor named in a profile or on the command line.

    Names resolve as every command resolves them (``sitrep.answers.resolve_actor``). A
    person the store has not met yet still gets the key the knowledge base would give them
    (``person:naftali-bennett``), so a profile also matches events stored later.

    Raises:
        QueryError: E502 when the name is ambiguous.
    """
    if key:
        return {key}
    try:
        match = resolve_actor(store, name)
        return set(match.keys or (match.key,))
    except QueryError as exc:
        if exc.code != "E501":
            raise
    people = _kb().find_person(name)
    if len(people) == 1:
        return {person_key(people[0].id)}
    if len(name) == 3 and name.isupper():
        return {state_key(name)}
    return {text_key(name)}


def actor_name(store: Store, key: str) -> str:
    """The display name of an actor key (the key itself when unknown)."""
    found = known_actor(store, key)
    return found.name if found else key.split(":", 1)[-1].replace("-", " ").title()
