"""The ``events`` table: linked events written by the link stage and read back as
``LinkedEvent``s by exports and the API.

Beside each event the same transaction keeps what the answers read (``event_actors``, see
``store.schema``): an event's rows are deleted with it and derived again from it when it is
written, so they never drift from ``events``.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from datetime import date
from typing import Any

from sitrep.record import Evidence, LinkedEvent, Report
from sitrep.store.db import Store
from sitrep.store.reports import select_reports
from sitrep.store.rows import EVENT_COLUMNS, event_from_row, event_row
from sitrep.store.schema import EVENT_ACTORS_OF

_SCOPE = """
CREATE OR REPLACE TEMP TABLE link_ids AS
WITH seed AS (
    SELECT DISTINCT type, modality, actor_keys FROM mentions
    WHERE article_id IN (SELECT article_id FROM link_seed)
), stale AS (
    SELECT e.id FROM events e LEFT JOIN (
        SELECT event_id, count(*) AS n FROM mentions WHERE event_id IS NOT NULL
        GROUP BY event_id) c ON c.event_id = e.id
    WHERE coalesce(c.n, 0) <> e.n_mentions
), near AS (
    SELECT m.id, m.event_id FROM mentions m JOIN seed s
      ON m.type = s.type AND m.modality = s.modality
     AND (list_has_all(m.actor_keys, s.actor_keys)
          OR list_has_all(s.actor_keys, m.actor_keys))
    UNION SELECT id, event_id FROM mentions
    WHERE article_id IN (SELECT article_id FROM link_seed)
), touched AS (
    SELECT event_id AS id FROM near WHERE event_id IS NOT NULL
    UNION SELECT id FROM stale
)
SELECT id AS mention_id, NULL AS event_id FROM near
UNION SELECT m.id, m.event_id FROM mentions m JOIN touched t ON m.event_id = t.id
UNION SELECT NULL, id FROM touched
"""

_EVIDENCE = """
(SELECT list(struct_pack(article_id := m.article_id, url := a.url,
                         sentence := m.sentence, start := m.start, "end" := m."end")
             ORDER BY m.article_id, m.start)
 FROM mentions m JOIN articles a ON a.id = m.article_id WHERE m.event_id = e.id) AS evidence
"""

_DERIVED = ("event_actors",)
"""Tables derived from ``events`` (see ``store.schema``), rewritten with the events."""
ORDER_SLACK = 0.2
"""Share of ``event_actors`` that may be appended out of actor order before it is rewritten."""
ORDER_MIN_ROWS = 122_880
"""Never rewrite for fewer appended rows than one DuckDB row group (a small store is quick)."""
_APPENDED = "event_actors_appended"
"""The ``meta`` key counting rows appended since ``event_actors`` was last ordered."""
_BATCH = 200
"""Rows per multi-row INSERT: DuckDB runs ``executemany`` row by row, which is far slower."""
_FETCH = 2000
"""Rows fetched at a time when streaming events."""


def relink_scope(store: Store, article_ids: Sequence[str] | None) -> tuple[list[Report], int]:
    """Delete the events that linking these articles' mentions may change; return the
    mentions to link afresh and the number of events deleted.

    The scope: the articles' mentions, every mention that could share an event with them
    (same type and modality, actor sets equal or nested), every mention of the events those
    belong to, and the leftovers of events that lost mentions when an article was re-coded.
    None takes every mention. Must run inside ``store.transaction()``.
    """
    con = store.con
    if article_ids is None:
        removed = store.count("events")
        for table in ("events", *_DERIVED):
            con.execute(f"DELETE FROM {table}")
        return select_reports(store, "TRUE", "m.id", []), removed
    con.execute("CREATE OR REPLACE TEMP TABLE link_seed (article_id VARCHAR)")
    con.executemany("INSERT INTO link_seed VALUES (?)", [[a] for a in article_ids])
    con.execute(_SCOPE)
    removed_row = con.execute(
        "SELECT count(*) FROM events WHERE id IN (SELECT event_id FROM link_ids)").fetchone()
    con.execute("DELETE FROM events WHERE id IN (SELECT event_id FROM link_ids)")
    for table in _DERIVED:
        con.execute(f"DELETE FROM {table} WHERE event_id IN (SELECT event_id FROM link_ids)")
    reports = select_reports(
        store, "m.id IN (SELECT mention_id FROM link_ids WHERE mention_id IS NOT NULL)",
        "m.id", [])
    return reports, int(removed_row[0]) if removed_row else 0


def write_events(store: Store, events: Sequence[LinkedEvent],
                 assignments: Sequence[tuple[str, str]]) -> None:
    """Insert linked events and point each ``(mention id, event id)`` at its event.

    Must run inside ``store.transaction()``, after ``relink_scope`` made room.
    """
    _insert_many(store, f"events ({', '.join(EVENT_COLUMNS)})", [event_row(e) for e in events])
    store.con.execute(
        "CREATE OR REPLACE TEMP TABLE link_assign (mention_id VARCHAR, event_id VARCHAR)")
    _insert_many(store, "link_assign", [list(a) for a in assignments])
    store.con.execute("UPDATE mentions SET event_id = t.event_id FROM link_assign t "
                      "WHERE mentions.id = t.mention_id")
    store.con.execute("CREATE OR REPLACE TEMP TABLE link_written (id VARCHAR)")
    _insert_many(store, "link_written", [[e.id] for e in events])
    _derive(store, "e.id IN (SELECT id FROM link_written)")
    _order_if_loose(store)


def reindex_events(store: Store) -> None:
    """Derive ``event_actors`` afresh from every stored event.

    For events written without the link stage (the query benchmark's generated store);
    must run inside ``store.transaction()``.
    """
    for table in _DERIVED:
        store.con.execute(f"DELETE FROM {table}")
    _derive(store, "TRUE")


def _derive(store: Store, where: str) -> None:
    """Insert the answer rows of the events ``where`` keeps (a condition over ``e``); unless
    the table was empty, count them as appended out of actor order."""
    ordered = store.count("event_actors") == 0
    row = store.con.execute(
        f"INSERT INTO event_actors {EVENT_ACTORS_OF.format(where=where)}").fetchone()
    added = 0 if ordered else int(row[0]) if row else 0
    store.con.execute(
        "INSERT INTO meta VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = "
        "CAST(CAST(meta.value AS BIGINT) * ? + CAST(excluded.value AS BIGINT) AS VARCHAR)",
        [_APPENDED, str(added), 0 if ordered else 1])


def _order_if_loose(store: Store) -> bool:
    """Rewrite ``event_actors`` in actor order once the rows appended since it was last
    ordered pass ``ORDER_SLACK`` of it (and a row group); True when it did.

    Appended rows mix every actor, so DuckDB's zone maps cannot skip them: each answer reads
    them all. Rewriting at a fixed fraction keeps that share bounded at an amortised cost.
    """
    found = store.con.execute(
        "SELECT (SELECT CAST(value AS BIGINT) FROM meta WHERE key = ?), "
        "(SELECT count(*) FROM event_actors)", [_APPENDED]).fetchone()
    appended, total = (int(found[0] or 0), int(found[1])) if found else (0, 0)
    if appended <= max(ORDER_MIN_ROWS, ORDER_SLACK * total):
        return False
    store.con.execute("CREATE OR REPLACE TEMP TABLE event_actors_ordered AS "
                      "SELECT * FROM event_actors ORDER BY key, other, placed, event_id")
    store.con.execute("DELETE FROM event_actors")
    store.con.execute("INSERT INTO event_actors SELECT * FROM event_actors_ordered")
    store.con.execute("DROP TABLE event_actors_ordered")
    store.con.execute("UPDATE meta SET value = '0' WHERE key = ?", [_APPENDED])
    return True


def _insert_many(store: Store, target: str, rows: list[list[Any]]) -> None:
    if not rows:
        return
    one = "(" + ", ".join("?" * len(rows[0])) + ")"
    for i in range(0, len(rows), _BATCH):
        chunk = rows[i:i + _BATCH]
        store.con.execute(f"INSERT INTO {target} VALUES {', '.join([one] * len(chunk))}",
                          [v for row in chunk for v in row])


def linked_events(store: Store, since: date, until: date, *, modality: str | None = None,
                  actor_keys: Sequence[str] | None = None, type: str | None = None,  # noqa: A002
                  limit: int | None = None) -> Iterator[LinkedEvent]:
    """Linked events with their evidence, by date (undated last), streamed.

    Args:
        store: the store to read.
        since: first event date (an undated event is placed by its first report).
        until: last event date.
        modality: keep only this modality; None keeps all.
        actor_keys: keep events with any of these actors.
        type: keep only this PLOVER type (case-insensitive).
        limit: at most this many events.
    """
    where, params = _event_filters(since, until, modality, actor_keys, type)
    sql = (f"SELECT {', '.join('e.' + c for c in EVENT_COLUMNS)}, {_EVIDENCE} FROM events e "
           f"WHERE {where} ORDER BY e.date NULLS LAST, e.id"
           f"{f' LIMIT {int(limit)}' if limit else ''}")
    cur = store.con.execute(sql, params)
    names = [d[0] for d in cur.description or ()]
    while batch := cur.fetchmany(_FETCH):
        for values in batch:
            row = dict(zip(names, values, strict=True))
            event = event_from_row(row)
            event.evidence = [Evidence(**e) for e in row["evidence"] or []]
            yield event


def count_linked_events(store: Store, since: date, until: date, *, modality: str | None = None,
                        actor_keys: Sequence[str] | None = None,
                        type: str | None = None) -> int:  # noqa: A002
    """How many events ``linked_events`` would give without a limit."""
    where, params = _event_filters(since, until, modality, actor_keys, type)
    row = store.con.execute(f"SELECT count(*) FROM events e WHERE {where}", params).fetchone()
    return int(row[0]) if row else 0


def _event_filters(since: date, until: date, modality: str | None,
                   actor_keys: Sequence[str] | None, type: str | None  # noqa: A002
                   ) -> tuple[str, list[Any]]:
    """The WHERE clause and parameters of an event listing."""
    params: list[Any] = [since, until]
    filters = ["coalesce(e.date, e.first_reported, DATE '1900-01-01') BETWEEN ? AND ?"]
    if modality:
        filters.append("e.modality = ?")
        params.append(modality)
    if actor_keys:
        filters.append("list_has_any(e.actor_keys, ?)")
        params.append(list(actor_keys))
    if type:
        filters.append("upper(e.type) = upper(?)")
        params.append(type)
    return " AND ".join(filters), params

