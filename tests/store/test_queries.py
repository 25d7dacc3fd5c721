"""The answers read ``event_actors``; they must say what the ``events`` table says.

Each named query of ``store.queries`` is compared with the computation it replaced, kept
here verbatim as the reference: the same SQL straight over ``events``, ``mentions`` and
``articles``. The store is the real pipeline's: the seeds, then corpus records ingested on top
(incremental linking), then everything re-coded (``sitrep code --force``), and a store of
schema 6 upgraded by the migration's backfill.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from helpers.seeds import CORPUS, ingest_seeds

import sitrep
from sitrep.answers import resolve_actor
from sitrep.answers.common import FAR_FUTURE, FAR_PAST, level_terms
from sitrep.answers.contacts import MODES
from sitrep.answers.lexicon import weights
from sitrep.store import Store, events_table
from sitrep.store.queries import (
    contact_days,
    contact_tallies,
    dyad_tallies,
    network_edges,
    timeline_entries,
    undated_contact_count,
)
from sitrep.store.rows import ORIGINAL_SITE, EVENT_COLUMNS, dicts, event_from_row
from sitrep.store.schema import EVENT_ACTORS_OF

pytestmark = [pytest.mark.golden, pytest.mark.slow]

_OLD_CONTACTS = """
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
    SELECT DISTINCT k.other, coalesce(a.canonical_id, a.id) AS root, {site} AS site, r.url
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

_OLD_EDGES = """
WITH ev AS (
    SELECT id, date, mode, actor_keys FROM events
    WHERE modality = 'asserted' AND list_contains(?::VARCHAR[], type)
      AND date BETWEEN ? AND ? AND len(actor_keys) BETWEEN 2 AND ? {country}
), p AS (
    SELECT id, date, mode, unnest(actor_keys) AS k FROM ev
)
SELECT a.k, b.k, count(DISTINCT a.id) AS n, min(a.date), max(a.date),
       count(DISTINCT a.id) FILTER (WHERE a.mode = 'phone'),
       count(DISTINCT a.id) FILTER (WHERE a.mode IN ('meeting', 'visit', 'multilateral'))
FROM p a JOIN p b ON a.id = b.id AND a.k < b.k
GROUP BY a.k, b.k HAVING count(DISTINCT a.id) >= ?
ORDER BY n DESC, a.k, b.k LIMIT ?
"""

_OLD_DYAD = """
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
"""


def _old_contacts(store: Store, keys: list[str], since: date, until: date,
                  level: str) -> list[tuple[Any, ...]]:
    terms = level_terms(level)
    cond = "TRUE"
    if terms is not None:
        store.con.execute("CREATE OR REPLACE TEMP TABLE old_terms "
                          "(key VARCHAR, start DATE, stop DATE)")
        store.con.executemany("INSERT INTO old_terms VALUES (?, ?, ?)", terms)
        cond = ("EXISTS (SELECT 1 FROM old_terms t WHERE t.key = other "
                "AND date BETWEEN t.start AND t.stop)")
    sql = _OLD_CONTACTS.format(
        level=cond, site=ORIGINAL_SITE, mode_list=", ".join(f"'{m}'" for m in MODES),
        mode_counts=", ".join(f"count(DISTINCT k.id) FILTER (WHERE k.mode = '{m}')"
                              for m in MODES))
    rows = store.con.execute(sql, [since, until, keys, keys]).fetchall()
    return [(r[0], r[1], tuple(r[2:6]), r[6], r[7], r[8], r[9], list(r[10] or []),
             list(r[11] or []), list(r[12] or [])) for r in rows]


def _new_contacts(store: Store, keys: list[str], since: date, until: date,
                  level: str) -> list[tuple[Any, ...]]:
    return [(t.key, t.total, t.by_mode, t.other, t.first, t.last, t.sources, t.sites, t.urls,
             t.event_ids)
            for t in contact_tallies(store, keys, since, until, modes=MODES,
                                     terms=level_terms(level))]


def _old_timeline(store: Store, keys: list[str], since: date, until: date,
                  others: list[str] | None, asserted_only: bool) -> list[tuple[Any, ...]]:
    pair = "list_has_any(e.actor_keys, ?::VARCHAR[])" if others is not None else "TRUE"
    params: list[Any] = [keys] + ([others] if others is not None else [])
    asserted = "AND e.modality = 'asserted'" if asserted_only else ""
    cur = store.con.execute(
        f"SELECT {', '.join('e.' + c for c in EVENT_COLUMNS)} FROM events e "
        f"WHERE list_has_any(e.actor_keys, ?::VARCHAR[]) AND {pair} "
        "AND coalesce(e.date, e.first_reported) BETWEEN ? AND ? "
        f"{asserted} "
        "ORDER BY coalesce(e.date, e.first_reported), e.date IS NULL, e.id LIMIT ?",
        [*params, since, until, 1000])
    out = []
    for e in (event_from_row(row) for row in dicts(cur)):
        urls = sorted({s["url"] for s in e.details.get("sources", []) if s.get("url")})
        out.append((e.id, e.date, e.date_precision, e.type, e.mode, e.modality,
                    e.summary, [a.name for a in e.actors], e.n_articles, urls))
    return out


def _new_timeline(store: Store, keys: list[str], since: date, until: date,
                  others: list[str] | None, asserted_only: bool) -> list[tuple[Any, ...]]:
    return [(t.event_id, t.date, t.precision, t.type, t.mode, t.modality, t.summary, t.actors,
             t.articles, t.urls)
            for t in timeline_entries(store, keys, since, until, others=others,
                                      asserted_only=asserted_only)]


def _old_days(store: Store, a: list[str], b: list[str]) -> list[tuple[Any, ...]]:
    return store.con.execute(
        "SELECT id, date, date_precision FROM events WHERE type = 'CONSULT' "
        "AND modality = 'asserted' AND date BETWEEN ? AND ? "
        "AND list_has_any(actor_keys, ?::VARCHAR[]) AND list_has_any(actor_keys, ?::VARCHAR[]) "
        "ORDER BY date, id", [FAR_PAST, FAR_FUTURE, a, b]).fetchall()


def _old_undated(store: Store, keys: list[str]) -> int:
    row = store.con.execute(
        "SELECT count(*) FROM events WHERE type = 'CONSULT' AND modality = 'asserted' "
        "AND date IS NULL AND list_has_any(actor_keys, ?::VARCHAR[])", [keys]).fetchone()
    return int(row[0]) if row else 0


def _old_dyad(store: Store, a: list[str], b: list[str], by: str) -> list[tuple[Any, ...]]:
    rows = store.con.execute(_OLD_DYAD.format(by=by),
                             [FAR_PAST, FAR_FUTURE, a, b]).fetchall()
    return [(r[0], r[1], r[2], r[3], int(r[4]), {k: int(v) for k, v in r[5].items()})
            for r in rows]


def _old_edges(store: Store, types: list[str], since: date, until: date,
               keys: list[str] | None) -> list[tuple[Any, ...]]:
    params: list[Any] = [types, since, until, 12]
    country = ""
    if keys is not None:
        country = "AND list_has_any(actor_keys, ?::VARCHAR[])"
        params.append(keys)
    rows = store.con.execute(_OLD_EDGES.format(country=country), [*params, 1, 500]).fetchall()
    return [(r[0], r[1], int(r[2]), r[3], r[4], int(r[5]), int(r[6])) for r in rows]


def _sides(store: Store) -> list[list[str]]:
    """Every actor alone, and a few countries with all their people (sides that overlap)."""
    keys = [r[0] for r in store.con.execute(
        "SELECT k FROM (SELECT unnest(actor_keys) AS k FROM events) "
        "GROUP BY k ORDER BY count(*) DESC, k LIMIT 25").fetchall()]
    countries = []
    for name in ("Israel", "United States", "Russia", "Ukraine"):
        try:
            countries.append(list(resolve_actor(store, name).keys))
        except sitrep.errors.QueryError:
            continue
    return [[k] for k in keys] + countries


def _pairs(store: Store) -> list[tuple[list[str], list[str]]]:
    rows = store.con.execute(
        "SELECT a, b FROM (SELECT unnest(actor_keys) AS a, unnest(actor_keys) AS b "
        "FROM events) WHERE a <= b GROUP BY a, b ORDER BY count(*) DESC, a, b LIMIT 15"
    ).fetchall()
    countries = [s for s in _sides(store) if len(s) > 1]
    return [([a], [b]) for a, b in rows] + [(c, [k]) for c in countries for k in c[:2]] + \
        [(c, d) for c in countries for d in countries if c <= d]


def assert_answers_agree(store: Store) -> None:
    """Every named query over ``event_actors`` equals the old one over ``events``."""
    drift = store.con.execute(
        f"SELECT count(*) FROM ((SELECT * FROM event_actors EXCEPT ALL "
        f"({EVENT_ACTORS_OF.format(where='TRUE')})) UNION ALL "
        f"(({EVENT_ACTORS_OF.format(where='TRUE')}) EXCEPT ALL "
        f"SELECT * FROM event_actors))").fetchone()
    assert drift == (0,)
    periods = [(FAR_PAST, FAR_FUTURE), (date(2021, 10, 1), date(2022, 1, 31))]
    for keys in _sides(store):
        for since, until, level, asserted in ((FAR_PAST, FAR_FUTURE, "all", False),
                                              (*periods[1], "leader", True)):
            assert _new_contacts(store, keys, since, until, level) == \
                _old_contacts(store, keys, since, until, level), (keys, since, level)
            assert _new_timeline(store, keys, since, until, None, asserted) == \
                _old_timeline(store, keys, since, until, None, asserted), keys
        assert undated_contact_count(store, keys) == _old_undated(store, keys)
    table = [(t, m, w) for t, modes in weights().items() for m, w in modes.items()]
    for a, b in _pairs(store):
        assert [tuple(r) for r in contact_days(store, a, b, FAR_PAST, FAR_FUTURE)] == \
            _old_days(store, a, b)
        assert _new_timeline(store, a, FAR_PAST, FAR_FUTURE, b, False) == \
            _old_timeline(store, a, FAR_PAST, FAR_FUTURE, b, False), (a, b)
        for by in ("month",):
            new = [(t.period, t.score, t.cooperation, t.conflict, t.events, t.by_type)
                   for t in dyad_tallies(store, a, b, FAR_PAST, FAR_FUTURE, by=by,
                                         weights=table)]
            assert new == _old_dyad(store, a, b, by), (a, b, by)
    for types in (["CONSULT"], ["CONSULT", "AGREE", "COOPERATE", "ACCUSE"]):
        for keys in [None, *[s for s in _sides(store) if len(s) > 1]]:
            for since, until in periods[:1] if keys else periods:
                new = [(t.source, t.target, t.weight, t.first, t.last, t.phone, t.in_person)
                       for t in network_edges(store, types, since, until, max_parties=12,
                                              keys=keys, min_weight=1, limit=500)]
                assert new == _old_edges(store, types, since, until, keys), (types, keys)


_PER_FILE = 60
"""Records taken from each corpus file: enough actors and pairs, and a re-code stays quick."""


@pytest.fixture(scope="module")
def grown(tmp_path_factory: pytest.TempPathFactory) -> Iterator[sitrep.api.Sitrep]:
    """The seeds, then part of the corpus linked incrementally on top of them."""
    if not CORPUS:
        pytest.skip("corpus/*.jsonl not found")
    folder = tmp_path_factory.mktemp("grown")
    part = folder / "corpus.jsonl"
    part.write_text("".join(line for path in CORPUS
                            for line in path.read_text("utf-8").splitlines(True)[:_PER_FILE]),
                    "utf-8")
    with sitrep.open(folder / "s.duckdb") as s:
        ingest_seeds(s)
        assert_answers_agree(s.store)
        s.ingest([part])
        yield s


def test_queries_agree_after_incremental_ingest(grown: sitrep.api.Sitrep) -> None:
    assert grown.store.count("event_actors") > grown.store.count("events")
    assert_answers_agree(grown.store)


def test_queries_agree_after_relink(grown: sitrep.api.Sitrep) -> None:
    grown.code(force=True)
    assert_answers_agree(grown.store)
    ingest_seeds(grown)
    assert_answers_agree(grown.store)


def test_queries_agree_after_upgrade_from_schema_6(grown: sitrep.api.Sitrep,
                                                  tmp_path: Path) -> None:
    path = tmp_path / "old.duckdb"
    grown.store.con.execute(f"ATTACH '{path}' AS old")
    grown.store.con.execute("COPY FROM DATABASE s TO old")
    grown.store.con.execute("DROP TABLE old.event_actors")
    grown.store.con.execute("UPDATE old.meta SET value = '6' WHERE key = 'schema_version'")
    grown.store.con.execute("DETACH old")
    with Store(path) as upgraded:
        assert upgraded.count("event_actors") == grown.store.count("event_actors")
        assert_answers_agree(upgraded)


def test_queries_agree_after_event_actors_reordered(grown: sitrep.api.Sitrep, tmp_path: Path,
                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(events_table, "ORDER_MIN_ROWS", 0)
    monkeypatch.setattr(events_table, "ORDER_SLACK", 0.0)
    more = tmp_path / "more.jsonl"
    more.write_text("".join(line for path in CORPUS for line in
                            path.read_text("utf-8").splitlines(True)[_PER_FILE:_PER_FILE + 8]),
                    "utf-8")
    before = grown.store.count("events")
    grown.ingest([more])
    assert grown.store.count("events") > before
    out_of_order = grown.store.con.execute(
        "SELECT count(*) FROM (SELECT key, other, lag(key) OVER (ORDER BY rowid) AS k0, "
        "lag(other) OVER (ORDER BY rowid) AS o0 FROM event_actors) "
        "WHERE k0 IS NOT NULL AND (k0, o0) > (key, other)").fetchone()
    assert out_of_order == (0,)
    assert grown.store.con.execute(
        "SELECT value FROM meta WHERE key = 'event_actors_appended'").fetchone() == ("0",)
    assert_answers_agree(grown.store)
