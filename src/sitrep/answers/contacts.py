"""Who an actor was in contact with, and the silences between two actors.

A contact is a linked, asserted, dated CONSULT event (a call, meeting, visit or summit): one
real-world event counts once however many articles report it, and a denied or planned call
never counts. Undated reports ("has spoken with him a few times") are shown apart, not
counted, since they cannot be placed in the period asked about.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from datetime import date, timedelta
from typing import Any

from sitrep.answers.common import as_actor, check_level, level_terms, names, period
from sitrep.answers.resolve import ActorMatch
from sitrep.link.cluster import period_of
from sitrep.store import Store
from sitrep.store.queries import (
    ContactTally,
    contact_days,
    contact_tallies,
    undated_contact_count,
)

MODES = ("phone", "meeting", "visit", "multilateral")
"""CONSULT modes counted in their own columns; any other (or none) counts as ``other``."""

@dataclass
class ContactRow:
    """One counterpart of the actor asked about."""

    counterpart: str
    key: str
    country: str | None
    total: int
    phone: int
    meeting: int
    visit: int
    multilateral: int
    other: int
    first: date | None
    last: date | None
    sources: int
    """Distinct source articles (syndicated copies fold into their original)."""
    sites: list[str] = field(default_factory=list)
    urls: list[str] = field(default_factory=list)
    event_ids: list[str] = field(default_factory=list)

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass
class GapRow:
    """A stretch without contact between two actors."""

    start: date
    end: date
    days: int
    text: str
    """"no contact for 3 weeks"."""
    after_event: str | None
    """The last contact before the gap (its event id), None at the start of the period."""
    before_event: str | None
    """The first contact after it, None at the end of the period."""

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)


def contacts(store: Store, actor: str | ActorMatch, since: date | str | None = None,
             until: date | str | None = None, level: str = "all") -> list[ContactRow]:
    """Each counterpart of ``actor``, with contacts counted by mode.

    Args:
        store: the store to read.
        actor: a name ("Bennett", "Israeli PM", "Israel") or an ``ActorMatch``.
        since: first day counted (``date`` or ``YYYY[-MM[-DD]]``); None: no bound.
        until: last day counted; None: no bound.
        level: ``leader`` (counterparts who were heads of state or government on the day),
            ``official`` (who held any office in the knowledge base), or ``all``.

    Returns:
        One ``ContactRow`` per counterpart, most contacts first.

    Raises:
        QueryError: E501/E502 when the actor cannot be resolved, E503 for a bad date or level.
    """
    start, stop = period(since, until)
    match = as_actor(store, actor, start, stop)
    tallies = contact_tallies(store, match.keys, start, stop, modes=MODES,
                              terms=level_terms(check_level(level)))
    labels = names(store, [t.key for t in tallies])
    return [_row(t, *labels[t.key]) for t in tallies]


def _row(t: ContactTally, name: str, country: str | None) -> ContactRow:
    phone, meeting, visit, multilateral = t.by_mode
    return ContactRow(name, t.key, country, t.total, phone, meeting, visit, multilateral,
                      t.other, t.first, t.last, t.sources, t.sites, t.urls, t.event_ids)


def undated_contacts(store: Store, actor: str | ActorMatch) -> int:
    """How many asserted CONSULT events with ``actor`` have no date (shown, never counted)."""
    return undated_contact_count(store, as_actor(store, actor).keys)


def contact_dates(store: Store, a: ActorMatch, b: ActorMatch, start: date,
                  stop: date) -> list[tuple[str | None, date, date]]:
    """(event id, first day, last day) of each contact between ``a`` and ``b``, in order."""
    return [(eid, *period_of(day, precision or "day"))
            for eid, day, precision in contact_days(store, a.keys, b.keys, start, stop)]


def gaps(store: Store, a: str | ActorMatch, b: str | ActorMatch,
         since: date | str | None = None, until: date | str | None = None,
         min_days: int = 14) -> list[GapRow]:
    """Stretches of at least ``min_days`` days without contact between ``a`` and ``b``.

    A contact known only to the month covers the whole month, so a gap never claims silence
    on days a vaguely dated contact may have happened.

    Args:
        store: the store to read.
        a: one actor (name or ``ActorMatch``).
        b: the other.
        since: start of the period (default: the first contact).
        until: end of the period (default: the last contact).
        min_days: shortest gap reported.

    Returns:
        The gaps in date order.

    Raises:
        QueryError: E501/E502 for an unresolved actor, E503 for a bad date.
    """
    start, stop = period(since, until)
    ma, mb = as_actor(store, a, start, stop), as_actor(store, b, start, stop)
    found = contact_dates(store, ma, mb, start, stop)
    out: list[GapRow] = []
    previous_id: str | None = None
    previous_end = start - timedelta(days=1) if since is not None else None
    anchors: list[tuple[str | None, date, date]] = list(found)
    if until is not None:
        anchors.append((None, stop + timedelta(days=1), stop))
    for eid, first, last in anchors:
        if previous_end is not None:
            days = (first - previous_end).days - 1
            if days >= min_days:
                out.append(GapRow(previous_end + timedelta(days=1), first - timedelta(days=1),
                                  days, f"no contact for {spell_days(days)}", previous_id, eid))
        if previous_end is None or last > previous_end:
            previous_id, previous_end = eid, last
    return out


def spell_days(days: int) -> str:
    """``3 weeks``, ``2 months``, ``12 days``: the unit a reader would use."""
    if days >= 60:
        return f"{round(days / 30.44)} months"
    if days >= 14:
        return f"{round(days / 7)} weeks"
    return f"{days} day" + ("s" if days != 1 else "")
