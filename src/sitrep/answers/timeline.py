"""What happened, in order: an actor's (or a pair's) timeline, and a dyad's score over time.

The timeline shows every linked event, denied and planned ones included and labelled by their
modality, so an analyst sees "denied: Joe Biden and Naftali Bennett consulted" next to the
calls that did happen. The dyad score counts asserted events only, each weighted by the
PLOVER score of its type and mode (``data/answers/weights.yaml``).
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from datetime import date
from typing import Any, Literal

from sitrep.answers.common import as_actor, period
from sitrep.answers.lexicon import weights
from sitrep.answers.resolve import ActorMatch
from sitrep.errors import QueryError
from sitrep.store import Store
from sitrep.store.queries import TimelineEntry, dyad_tallies, timeline_entries

Bucket = Literal["week", "month", "quarter", "year"]
BUCKETS: tuple[str, ...] = ("week", "month", "quarter", "year")


@dataclass
class TimelineRow:
    """One linked event with its summary and sources."""

    date: date | None
    precision: str | None
    type: str
    mode: str | None
    modality: str
    summary: str
    actors: list[str]
    sources: int
    urls: list[str] = field(default_factory=list)
    event_id: str = ""

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass
class DyadRow:
    """One period of a dyad: score and counts."""

    period: date
    score: float
    """Sum of the weights of the period's asserted events (+cooperation, -conflict)."""
    cooperation: float
    conflict: float
    events: int
    by_type: dict[str, int] = field(default_factory=dict)

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)


def timeline(store: Store, actor: str | ActorMatch, actor2: str | ActorMatch | None = None,
             since: date | str | None = None, until: date | str | None = None, *,
             asserted_only: bool = False, limit: int = 1000) -> list[TimelineRow]:
    """Events involving ``actor`` (and ``actor2`` when given), oldest first.

    Undated events are placed by their first report and shown with no date.

    Args:
        store: the store to read.
        actor: a name or ``ActorMatch``.
        actor2: a second actor; only events involving both are listed.
        since: first day (``date`` or ``YYYY[-MM[-DD]]``).
        until: last day.
        asserted_only: hide denied, hypothetical and planned events.
        limit: at most this many rows.

    Returns:
        One ``TimelineRow`` per event.

    Raises:
        QueryError: E501/E502 for an unresolved actor, E503 for a bad date.
    """
    start, stop = period(since, until)
    first = as_actor(store, actor, start, stop)
    second = as_actor(store, actor2, start, stop) if actor2 is not None else None
    entries = timeline_entries(store, first.keys, start, stop,
                               others=second.keys if second else None,
                               asserted_only=asserted_only, limit=limit)
    return [_timeline_row(e) for e in entries]


def _timeline_row(e: TimelineEntry) -> TimelineRow:
    return TimelineRow(e.date, e.precision, e.type, e.mode, e.modality, e.summary or "",
                       e.actors, e.articles, e.urls, e.event_id)


def dyad(store: Store, a: str | ActorMatch, b: str | ActorMatch, by: str = "month",
         since: date | str | None = None, until: date | str | None = None) -> list[DyadRow]:
    """The cooperation-conflict score between ``a`` and ``b`` per period.

    Each asserted, dated event involving both sides adds the weight of its type and mode
    (PLOVER scores, -10 to +10, from ``data/answers/weights.yaml``); periods without events
    are left out.

    Args:
        store: the store to read.
        a: one side (name or ``ActorMatch``; a country includes its people).
        b: the other side.
        by: ``week``, ``month``, ``quarter`` or ``year``.
        since: first day.
        until: last day.

    Returns:
        One ``DyadRow`` per period with events, oldest first.

    Raises:
        QueryError: E501/E502 for an unresolved actor, E503 for a bad date or bucket.
    """
    if by not in BUCKETS:
        raise QueryError("E503", f"by must be one of {', '.join(BUCKETS)}", item=by)
    start, stop = period(since, until)
    ma, mb = as_actor(store, a, start, stop), as_actor(store, b, start, stop)
    table = [(t, m, w) for t, modes in weights().items() for m, w in modes.items()]
    tallies = dyad_tallies(store, ma.keys, mb.keys, start, stop, by=by, weights=table)
    return [DyadRow(_day(t.period), round(float(t.score or 0), 2),
                    round(float(t.cooperation or 0), 2), round(float(t.conflict or 0), 2),
                    t.events, t.by_type)
            for t in tallies]


def _day(value: Any) -> date:
    day: date = value.date() if hasattr(value, "date") and callable(value.date) else value
    return day
