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
import json
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from datetime import date
from typing import Any

from sitrep.actors.identity import actor_key, person_id, person_key, state_key, text_key
from sitrep.actors.kb import SENIOR_OFFICES, KnowledgeBase
from sitrep.answers.resolve import resolve_actor
from sitrep.errors import QueryError
from sitrep.record import ActorRef
from sitrep.store import Store



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


def _actor(data: dict[str, Any]) -> Actor:
    known: dict[str, Any] = {k: data[k] for k in ActorRef.__dataclass_fields__ if k in data}
    ref = ActorRef(**known)
    return Actor(data.get("key") or actor_key(ref), ref.name, ref.kind, ref.country, ref.office)


def _json(value: Any) -> Any:
    if value is None or isinstance(value, (list, dict)):
        return value
    return json.loads(value)


_MENTION_SQL = """
SELECT m.id, m.article_id, m.type, m.mode, m.actors, m.actor_keys, m.date, m.date_precision,
       m.modality, m.sentence, m.topics, m.location, m.source_key, m.target_key, m.event_id,
       a.title, a.url, a.site, a.published, a.story_id,
       e.id, e.type, e.mode, e.date, e.date_precision, e.location, e.topics, e.modality,
       e.source_key, e.target_key
FROM mentions m JOIN articles a ON a.id = m.article_id
LEFT JOIN events e ON e.id = m.event_id
WHERE coalesce(e.modality, m.modality) = ?
  AND coalesce(e.date, m.date, a.published) BETWEEN ? AND ?
ORDER BY m.id
"""


def _fallback_id(row: tuple[Any, ...]) -> str:
    """Stable id of an unlinked mention group: hash of type, mode, actors, date, modality."""
    key = f"{row[2]}|{row[3]}|{','.join(sorted(row[5]))}|{row[6]}|{row[8]}"
    return "u_" + hashlib.sha256(key.encode()).hexdigest()[:16]


def _location(value: Any) -> tuple[str | None, str | None]:
    loc = _json(value)
    if isinstance(loc, dict):
        return loc.get("name"), loc.get("country")
    return (str(loc), None) if loc else (None, None)


def _new_event(row: tuple[Any, ...], event_id: str) -> EventView:
    linked = row[20] is not None
    ev_type, mode = (row[21], row[22]) if linked else (row[2], row[3])
    day, precision = (row[23], row[24]) if linked and row[23] else (row[6], row[7])
    location, country = _location(row[25] if linked and row[25] else row[11])
    topics = list((row[26] if linked and row[26] else row[10]) or [])
    return EventView(
        id=event_id, type=ev_type, mode=mode, date=day, date_precision=precision,
        modality=row[27] if linked else row[8], actors=[],
        source_key=row[28] if linked else row[12], target_key=row[29] if linked else row[13],
        location=location, location_country=country, topics=topics)


def _add_mention(event: EventView, row: tuple[Any, ...]) -> None:
    known = set(event.actor_keys)
    for data in _json(row[4]) or []:
        actor = _actor(data)
        if actor.key not in known:
            event.actors.append(actor)
            known.add(actor.key)
    event.mentions.append(MentionView(row[0], row[1], row[2], row[3], tuple(row[5] or ()),
                                      row[6], row[7], row[8], row[9], tuple(row[10] or ())))
    if row[1] not in {s.article_id for s in event.sources}:
        event.sources.append(Source(row[1], row[15] or row[16], row[16], row[17], row[18]))
    if row[19] and row[19] not in event.story_ids:
        event.story_ids.append(row[19])
    for topic in row[10] or []:
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
    rows = store.con.execute(_MENTION_SQL, [modality, since, until]).fetchall()
    events: dict[str, EventView] = {}
    for row in rows:
        event_id = row[14] or _fallback_id(row)
        if event_id not in events:
            events[event_id] = _new_event(row, event_id)
        _add_mention(events[event_id], row)
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
    row = store.con.execute("SELECT name FROM actors WHERE key = ?", [key]).fetchone()
    return str(row[0]) if row else key.split(":", 1)[-1].replace("-", " ").title()
