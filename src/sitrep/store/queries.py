"""The aggregate questions the answers layer asks of linked events, as named queries.

Every count here is over linked events: one per real-world event, however many articles
report it. They read ``event_actors``, which the link stage derives from
``events`` in the same transaction (``store.schema``): rows clustered by actor, so an answer
about one actor reads that actor's rows, not every event. The answers layer
(``sitrep.answers``) resolves names, checks periods and levels, and labels the tallies these
functions return.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from sitrep.store.db import Store

Term = tuple[str, date, date]
"""(actor key, first day, last day) of an office held."""

_CONTACTS_SQL = """
WITH found AS MATERIALIZED (
    SELECT other, event_id AS id, any_value(date) AS date,
           any_value(coalesce(mode, '')) AS mode, any_value(sources) AS sources
    FROM event_actors
    WHERE key IN (SELECT unnest(?::VARCHAR[])) AND NOT list_contains(?::VARCHAR[], other)
      AND type = 'CONSULT' AND modality = 'asserted' AND date BETWEEN ? AND ?
    GROUP BY other, event_id
), tallies AS (
    SELECT other, count(*) AS total, {mode_counts},
           count(*) FILTER (WHERE mode NOT IN ({mode_list})) AS other_modes,
           min(date) AS first, max(date) AS last,
           list_distinct(flatten(list(sources))) AS sources, list_sort(list(id)) AS ids
    FROM found WHERE {level} GROUP BY other
)
SELECT * EXCLUDE (sources, ids),
       len(list_distinct(list_transform(sources, lambda s: s.root))),
       list_sort(list_distinct(list_transform(sources, lambda s: s.site)))
           || CASE WHEN list_contains(list_transform(sources, lambda s: s.site IS NULL), true)
                   THEN [NULL] ELSE [] END,
       list_sort(list_distinct(list_transform(sources, lambda s: s.url))), ids
FROM tallies ORDER BY total DESC, last DESC, other
"""
"""The actor's rows are found first, then kept by level (else the level's join runs over
every row); grouped by (counterpart, event), so each count is a plain count and each
counterpart's sources are one list; a site-less source sorts last, as ``ORDER BY`` puts a
NULL."""

_EDGES_SQL = """
SELECT key, other, count(*) AS n, min(date), max(date),
       count(*) FILTER (WHERE mode = 'phone'),
       count(*) FILTER (WHERE mode IN ('meeting', 'visit', 'multilateral'))
FROM event_actors
WHERE key < other AND modality = 'asserted' AND list_contains(?::VARCHAR[], type)
  AND date BETWEEN ? AND ? AND n_keys BETWEEN 2 AND ? {country}
GROUP BY key, other HAVING count(*) >= ?
ORDER BY n DESC, key, other LIMIT ?
"""

_PAIR = ("key IN (SELECT unnest(?::VARCHAR[])) AND list_contains(?::VARCHAR[], other)")
"""Rows of events with an actor of one side and an actor of the other (perhaps the same
actor, when the sides overlap: a country and one of its people)."""

_TIMELINE_SQL = """
WITH t AS (
    SELECT DISTINCT ON (event_id) event_id, placed, date, date_precision, type, mode,
           modality, summary, names, n_articles, urls
    FROM event_actors
    WHERE key IN (SELECT unnest(?::VARCHAR[])) AND other = key AND placed BETWEEN ? AND ?
      {asserted} {pair}
)
SELECT * FROM t ORDER BY placed, date IS NULL, event_id LIMIT ?
"""

_STORIES_SQL = """
WITH s AS (
    SELECT * FROM stories
    WHERE coalesce(last_published, DATE '2999-12-31') >= ?
      AND coalesce(first_published, DATE '1900-01-01') <= ?
    ORDER BY last_published DESC NULLS LAST, id {limit}
), m AS (
    SELECT a.story_id, mm.event_id, unnest(mm.actor_keys) AS k
    FROM articles a JOIN mentions mm ON mm.article_id = a.id
    WHERE a.story_id IN (SELECT id FROM s)
), top AS (
    SELECT story_id, k, count(*) AS n FROM m GROUP BY story_id, k
)
SELECT s.id, s.title, s.first_published, s.last_published, s.n_articles,
       (SELECT count(DISTINCT event_id) FROM m WHERE m.story_id = s.id),
       (SELECT list(k ORDER BY n DESC, k)[1:5] FROM top WHERE top.story_id = s.id)
FROM s ORDER BY s.last_published DESC NULLS LAST, s.id
"""


@dataclass(frozen=True)
class ContactTally:
    """The contacts of the actor asked about with one counterpart."""

    key: str
    total: int
    by_mode: tuple[int, ...]
    """Contacts of each mode asked about, in the order asked."""
    other: int
    """Contacts of any other mode, or none."""
    first: date | None
    last: date | None
    sources: int
    """Distinct source articles (syndicated copies fold into their original)."""
    sites: list[str]
    urls: list[str]
    event_ids: list[str]


@dataclass(frozen=True)
class DyadTally:
    """One period of a dyad: weighted sums and counts of its asserted events."""

    period: Any
    """The period's first day (a date or timestamp, as DuckDB's ``date_trunc`` gives it)."""
    score: float | None
    cooperation: float | None
    conflict: float | None
    events: int
    by_type: dict[str, int]


@dataclass(frozen=True)
class EdgeTally:
    """Two actors and the asserted events they took part in together."""

    source: str
    target: str
    weight: int
    first: date
    last: date
    phone: int
    in_person: int


@dataclass(frozen=True)
class TimelineEntry:
    """One linked event as a timeline shows it."""

    event_id: str
    date: date | None
    precision: str | None
    type: str
    mode: str | None
    modality: str
    summary: str | None
    actors: list[str]
    """The event's actors' names, in the event's order."""
    articles: int
    urls: list[str]
    """The source articles' URLs, sorted."""


@dataclass(frozen=True)
class StorySummary:
    """A story with its size and its most mentioned actor keys."""

    id: str
    title: str | None
    first: date | None
    last: date | None
    articles: int
    events: int
    top_keys: list[str]


def _load_terms(store: Store, terms: Sequence[Term] | None) -> str:
    """Fill the temp table ``answer_terms``; the SQL condition keeping a counterpart
    ``other`` who held a term on ``date`` (no condition when ``terms`` is None)."""
    store.con.execute("CREATE OR REPLACE TEMP TABLE answer_terms "
                      "(key VARCHAR, start DATE, stop DATE)")
    if terms is None:
        return "TRUE"
    if terms:  # one statement: DuckDB runs ``executemany`` row by row
        store.con.execute("INSERT INTO answer_terms SELECT unnest(?::VARCHAR[]), "
                          "unnest(?::DATE[]), unnest(?::DATE[])",
                          [list(column) for column in zip(*terms, strict=True)])
    return ("EXISTS (SELECT 1 FROM answer_terms t WHERE t.key = other "
            "AND date BETWEEN t.start AND t.stop)")


def contact_tallies(store: Store, keys: Sequence[str], since: date, until: date, *,
                    modes: Sequence[str], terms: Sequence[Term] | None = None
                    ) -> list[ContactTally]:
    """Asserted, dated CONSULT events of ``keys`` per counterpart, most contacts first.

    Args:
        store: the store to read.
        keys: every key of the actor asked about.
        since: first day counted.
        until: last day counted.
        modes: the CONSULT modes counted apart (the rest count as ``other``).
        terms: keep counterparts holding one of these terms on the event date; None keeps
            every counterpart.
    """
    level = _load_terms(store, terms)
    mode_counts = ", ".join(f"count(*) FILTER (WHERE mode = '{m}')" for m in modes)
    sql = _CONTACTS_SQL.format(level=level, mode_counts=mode_counts,
                               mode_list=", ".join(f"'{m}'" for m in modes))
    rows = store.con.execute(sql, [list(keys), list(keys), since, until]).fetchall()
    n = len(modes)
    return [ContactTally(r[0], r[1], tuple(r[2:2 + n]), r[2 + n], r[3 + n], r[4 + n],
                         r[5 + n], list(r[6 + n] or []), list(r[7 + n] or []),
                         list(r[8 + n] or []))
            for r in rows]


def undated_contact_count(store: Store, keys: Sequence[str]) -> int:
    """Asserted CONSULT events of ``keys`` that have no date."""
    row = store.con.execute(
        "SELECT count(DISTINCT event_id) FROM event_actors "
        "WHERE key IN (SELECT unnest(?::VARCHAR[])) AND other = key AND type = 'CONSULT' "
        "AND modality = 'asserted' AND date IS NULL", [list(keys)]
    ).fetchone()
    return int(row[0]) if row else 0


def contact_days(store: Store, keys_a: Sequence[str], keys_b: Sequence[str], since: date,
                 until: date) -> list[tuple[str, date, str | None]]:
    """(event id, date, precision) of each asserted, dated CONSULT between two actors."""
    rows = store.con.execute(
        f"SELECT DISTINCT event_id, date, date_precision FROM event_actors WHERE {_PAIR} "
        "AND type = 'CONSULT' AND modality = 'asserted' AND date BETWEEN ? AND ? "
        "ORDER BY date, event_id", [list(keys_a), list(keys_b), since, until]).fetchall()
    return [(r[0], r[1], r[2]) for r in rows]


def dyad_tallies(store: Store, keys_a: Sequence[str], keys_b: Sequence[str], since: date,
                 until: date, *, by: str,
                 weights: Sequence[tuple[str, str, float]]) -> list[DyadTally]:
    """Weighted sums of the asserted events between two actors, per ``by`` period.

    Args:
        store: the store to read.
        keys_a: every key of one side.
        keys_b: every key of the other.
        since: first day.
        until: last day.
        by: ``week``, ``month``, ``quarter`` or ``year``.
        weights: (type, mode, weight); mode ``""`` is the type's weight for any mode.
    """
    store.con.execute("CREATE OR REPLACE TEMP TABLE answer_weights "
                      "(type VARCHAR, mode VARCHAR, weight DOUBLE)")
    store.con.executemany("INSERT INTO answer_weights VALUES (?, ?, ?)", list(weights))
    rows = store.con.execute(f"""
        WITH pair AS (
            SELECT DISTINCT event_id, date, type, mode FROM event_actors
            WHERE {_PAIR} AND modality = 'asserted' AND date BETWEEN ? AND ?
        ), ev AS (
            SELECT date_trunc('{by}', e.date) AS period, e.type,
                   coalesce(wm.weight, wb.weight, 0) AS w
            FROM pair e
            LEFT JOIN answer_weights wm ON wm.type = e.type AND wm.mode = e.mode
            LEFT JOIN answer_weights wb ON wb.type = e.type AND wb.mode = ''
        ), per_type AS (
            SELECT period, type, count(*) AS n, sum(w) AS w FROM ev GROUP BY period, type
        )
        SELECT period, sum(w), sum(w) FILTER (WHERE w > 0), sum(w) FILTER (WHERE w < 0),
               sum(n), map(list(type ORDER BY type), list(n ORDER BY type))
        FROM per_type GROUP BY period ORDER BY period
    """, [list(keys_a), list(keys_b), since, until]).fetchall()
    return [DyadTally(r[0], r[1], r[2], r[3], int(r[4]), {k: int(v) for k, v in r[5].items()})
            for r in rows]


def network_edges(store: Store, types: Sequence[str], since: date, until: date, *,
                  max_parties: int, keys: Sequence[str] | None, min_weight: int,
                  limit: int) -> list[EdgeTally]:
    """Pairs of actors joined by the asserted events of ``types`` they share, heaviest first.

    Events with more than ``max_parties`` actors are left out; with ``keys``, only events
    with one of them count.
    """
    params: list[Any] = [list(types), since, until, max_parties]
    country = ""
    if keys is not None:
        country = ("AND event_id IN (SELECT event_id FROM event_actors "
                   "WHERE key IN (SELECT unnest(?::VARCHAR[])) AND other = key)")
        params.append(list(keys))
    rows = store.con.execute(_EDGES_SQL.format(country=country),
                             [*params, min_weight, limit]).fetchall()
    return [EdgeTally(r[0], r[1], int(r[2]), r[3], r[4], int(r[5]), int(r[6])) for r in rows]


def story_summaries(store: Store, since: date, until: date,
                    limit: int | None) -> list[StorySummary]:
    """Stories active in the period, the most recently active first (at most ``limit``),
    each with its five most mentioned actor keys."""
    sql = _STORIES_SQL.format(limit=f"LIMIT {int(limit)}" if limit is not None else "")
    rows = store.con.execute(sql, [since, until]).fetchall()
    return [StorySummary(r[0], r[1], r[2], r[3], int(r[4]), int(r[5] or 0), list(r[6] or []))
            for r in rows]


def timeline_entries(store: Store, keys: Sequence[str], since: date, until: date, *,
                     others: Sequence[str] | None = None, asserted_only: bool = False,
                     limit: int = 1000) -> list[TimelineEntry]:
    """Events with any of ``keys`` (and any of ``others`` when given), oldest first.

    An undated event is placed by its first report, after the dated events of that day.
    """
    pair = ("AND event_id IN (SELECT event_id FROM event_actors WHERE "
            f"{_PAIR})") if others is not None else ""
    asserted = "AND modality = 'asserted'" if asserted_only else ""
    params: list[Any] = [list(keys), since, until]
    if others is not None:
        params += [list(keys), list(others)]
    rows = store.con.execute(_TIMELINE_SQL.format(asserted=asserted, pair=pair),
                             [*params, limit]).fetchall()
    return [TimelineEntry(r[0], r[2], r[3], r[4], r[5], r[6], r[7], list(r[8] or []),
                          int(r[9] or 0), list(r[10] or [])) for r in rows]
