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

from sitrep.answers.common import (
    as_actor,
    check_level,
    level_clause,
    load_terms,
    names,
    period,
)
from sitrep.answers.resolve import ActorMatch
from sitrep.link.cluster import period_of
from sitrep.store.db import Store

MODES = ("phone", "meeting", "visit", "multilateral")
"""CONSULT modes counted in their own columns; any other (or none) counts as ``other``."""

_CONTACTS_SQL = """
WITH ev AS (
    SELECT e.id, e.date, e.date_precision, coalesce(e.mode, '') AS mode, e.actor_keys
    FROM events e
    WHERE e.type = 'CONSULT' AND e.modality = 'asserted' AND e.date BETWEEN ? AND ?
      AND list_has_any(e.actor_keys, ?::VARCHAR[])
), pairs AS (
    SELECT id, date, date_precision, mode, unnest(actor_keys) AS other FROM ev
), kept AS (
    SELECT * FROM pairs
    WHERE NOT list_contains(?::VARCHAR[], other) AND {level}
), sources AS (
    SELECT DISTINCT k.other, coalesce(a.canonical_id, a.id) AS root,
           coalesce(r.site, nullif(regexp_extract(r.url, '^https?://([^/]+)', 1), '')) AS site,
           r.url
    FROM kept k JOIN mentions m ON m.event_id = k.id
    JOIN articles a ON a.id = m.article_id
    JOIN articles r ON r.id = coalesce(a.canonical_id, a.id)
)
SELECT k.other, count(DISTINCT k.id) AS total,
       {mode_counts},
       count(DISTINCT k.id) FILTER (WHERE k.mode NOT IN ({mode_list})) AS other_modes,
       min(k.date) AS first, max(k.date) AS last,
       (SELECT count(DISTINCT s.root) FROM sources s WHERE s.other = k.other) AS n_sources,
       (SELECT list(DISTINCT s.site ORDER BY s.site) FROM sources s WHERE s.other = k.other),
       (SELECT list(DISTINCT s.url ORDER BY s.url) FROM sources s WHERE s.other = k.other),
       list(DISTINCT k.id ORDER BY k.id)
FROM kept k GROUP BY k.other ORDER BY total DESC, last DESC, k.other
"""


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
    load_terms(store, check_level(level))
    mode_counts = ", ".join(f"count(DISTINCT k.id) FILTER (WHERE k.mode = '{m}')" for m in MODES)
    sql = _CONTACTS_SQL.format(level=level_clause(level, "other", "date"),
                               mode_counts=mode_counts,
                               mode_list=", ".join(f"'{m}'" for m in MODES))
    rows = store.con.execute(sql, [start, stop, list(match.keys), list(match.keys)]).fetchall()
    labels = names(store, [r[0] for r in rows])
    return [ContactRow(labels[r[0]][0], r[0], labels[r[0]][1], *r[1:7], r[7], r[8], r[9],
                       list(r[10] or []), list(r[11] or []), list(r[12] or []))
            for r in rows]


def undated_contacts(store: Store, actor: str | ActorMatch) -> int:
    """How many asserted CONSULT events with ``actor`` have no date (shown, never counted)."""
    match = as_actor(store, actor)
    row = store.con.execute(
        "SELECT count(*) FROM events WHERE type = 'CONSULT' AND modality = 'asserted' "
        "AND date IS NULL AND list_has_any(actor_keys, ?::VARCHAR[])", [list(match.keys)]
    ).fetchone()
    return int(row[0]) if row else 0


def contact_dates(store: Store, a: ActorMatch, b: ActorMatch, start: date,
                  stop: date) -> list[tuple[str | None, date, date]]:
    """(event id, first day, last day) of each contact between ``a`` and ``b``, in order."""
    rows = store.con.execute(
        "SELECT id, date, date_precision FROM events WHERE type = 'CONSULT' "
        "AND modality = 'asserted' AND date BETWEEN ? AND ? "
        "AND list_has_any(actor_keys, ?::VARCHAR[]) AND list_has_any(actor_keys, ?::VARCHAR[]) "
        "ORDER BY date, id", [start, stop, list(a.keys), list(b.keys)]).fetchall()
    return [(r[0], *period_of(r[1], r[2] or "day")) for r in rows]


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
