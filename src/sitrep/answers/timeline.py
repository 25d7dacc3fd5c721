"""What happened, in order: an actor's (or a pair's) timeline, and a dyad's score over time.

The timeline shows every linked event, denied and planned ones included and labelled by their
modality, so an analyst sees "denied: Joe Biden and Naftali Bennett consulted" next to the
calls that did happen. The dyad score counts asserted events only, each weighted by the
PLOVER score of its type and mode (``data/answers/weights.yaml``).
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field
from datetime import date
from typing import Any, Literal

from sitrep.answers.common import as_actor, period
from sitrep.answers.lexicon import weights
from sitrep.answers.resolve import ActorMatch
from sitrep.errors import QueryError
from sitrep.store.db import Store

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


_TIMELINE_SQL = """
SELECT e.id, e.date, e.date_precision, e.type, e.mode, e.modality, e.summary, e.actors,
       e.n_articles, e.details, e.first_reported
FROM events e
WHERE list_has_any(e.actor_keys, ?::VARCHAR[]) AND {pair}
  AND coalesce(e.date, e.first_reported) BETWEEN ? AND ? {asserted}
ORDER BY coalesce(e.date, e.first_reported), e.date IS NULL, e.id
LIMIT ?
"""


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
    params: list[Any] = [list(first.keys)]
    pair = "TRUE"
    if actor2 is not None:
        second = as_actor(store, actor2, start, stop)
        pair = "list_has_any(e.actor_keys, ?::VARCHAR[])"
        params.append(list(second.keys))
    sql = _TIMELINE_SQL.format(pair=pair, asserted="AND e.modality = 'asserted'"
                               if asserted_only else "")
    rows = store.con.execute(sql, [*params, start, stop, limit]).fetchall()
    return [_timeline_row(r) for r in rows]


def _timeline_row(r: tuple[Any, ...]) -> TimelineRow:
    details = json.loads(r[9]) if r[9] else {}
    urls = sorted({s["url"] for s in details.get("sources", []) if s.get("url")})
    actors = [a["name"] for a in json.loads(r[7])] if r[7] else []
    return TimelineRow(r[1], r[2], r[3], r[4], r[5], r[6] or "", actors, r[8], urls, r[0])


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
    _load_weights(store)
    rows = store.con.execute(f"""
        WITH ev AS (
            SELECT date_trunc('{by}', e.date) AS period, e.type,
                   coalesce(wm.weight, wb.weight, 0) AS w
            FROM events e
            LEFT JOIN answer_weights wm ON wm.type = e.type AND wm.mode = e.mode
            LEFT JOIN answer_weights wb ON wb.type = e.type AND wb.mode = ''
            WHERE e.modality = 'asserted' AND e.date BETWEEN ? AND ?
              AND list_has_any(e.actor_keys, ?::VARCHAR[])
              AND list_has_any(e.actor_keys, ?::VARCHAR[])
        ), per_type AS (
            SELECT period, type, count(*) AS n, sum(w) AS w FROM ev GROUP BY period, type
        )
        SELECT period, sum(w), sum(w) FILTER (WHERE w > 0), sum(w) FILTER (WHERE w < 0),
               sum(n), map(list(type ORDER BY type), list(n ORDER BY type))
        FROM per_type GROUP BY period ORDER BY period
    """, [start, stop, list(ma.keys), list(mb.keys)]).fetchall()
    return [DyadRow(_day(r[0]), round(float(r[1] or 0), 2), round(float(r[2] or 0), 2),
                    round(float(r[3] or 0), 2), int(r[4]), {k: int(v) for k, v in r[5].items()})
            for r in rows]


def _day(value: Any) -> date:
    return value.date() if hasattr(value, "date") and callable(value.date) else value


def _load_weights(store: Store) -> None:
    store.con.execute("CREATE OR REPLACE TEMP TABLE answer_weights "
                      "(type VARCHAR, mode VARCHAR, weight DOUBLE)")
    store.con.executemany("INSERT INTO answer_weights VALUES (?, ?, ?)",
                          [(t, m, w) for t, modes in weights().items() for m, w in modes.items()])
