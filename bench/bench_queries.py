"""Time the answer functions on a large synthetic store.

    python bench/bench_queries.py                 # 1,000,000 events
    python bench/bench_queries.py --events 50000  # quicker

The store is generated with DuckDB bulk SQL (no row-by-row inserts): a few thousand actors
whose activity follows a power law (a few leaders appear in most events), dates over five
years, mostly CONSULT events with a realistic share of other types, modes and modalities.
Each answer function (contacts, timeline, gaps, dyad, network, stories) is timed on the most
active actors; the table is printed and the figures written to ``bench/results/``.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import resource
import tempfile
import time
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import Any

from sitrep.answers import contacts, dyad, gaps, network, stories, timeline
from sitrep.store.db import Store
from sitrep.store.events_table import reindex_events

RESULTS = Path(__file__).resolve().parent / "results"

_TYPES = ("['CONSULT','CONSULT','CONSULT','CONSULT','AGREE','SUPPORT','ACCUSE','REQUEST',"
          "'COOPERATE','THREATEN','SANCTION','ASSAULT']")
_MODES = "['phone','meeting','visit','multilateral',NULL]"


def build(store: Store, n_events: int, n_actors: int, seed: float = 0.42) -> None:
    """Fill ``store`` with ``n_actors`` actors and ``n_events`` linked events (+ mentions),
    then derive what the answers read from them, as linking does."""
    con = store.con
    # past this DuckDB spills to disk: 10M events then build on a 24 GB machine shared with
    # other jobs (unbounded, the build peaked near 20 GB)
    con.execute("SET memory_limit = '6GB'")
    con.execute(f"SELECT setseed({seed})")
    con.execute(f"""
        INSERT INTO actors
        SELECT 'person:p' || i, 'Person ' || i, 'person',
               ['ISR', 'RUS', 'USA', 'GBR', 'FRA', 'DEU', 'IRN', 'SYR', 'CHN', 'UKR', 'TUR',
                'EGY'][1 + i % 12],
               'GOV'
        FROM range({n_actors}) t(i)
    """)
    # Power law: actor index = floor(n * u^3) puts most events on the first few actors.
    con.execute(f"""
        CREATE TEMP TABLE gen AS
        SELECT i,
               'person:p' || CAST(floor({n_actors} * pow(random(), 3)) AS INTEGER) AS a,
               'person:p' || CAST(floor({n_actors} * pow(random(), 3)) AS INTEGER) AS b,
               DATE '2019-01-01' + CAST(floor(random() * 1826) AS INTEGER) AS d,
               {_TYPES}[1 + CAST(floor(random() * 12) AS INTEGER)] AS type,
               {_MODES}[1 + CAST(floor(random() * 5) AS INTEGER)] AS mode,
               CASE WHEN random() < 0.93 THEN 'asserted' WHEN random() < 0.5 THEN 'negated'
                    ELSE 'future' END AS modality,
               CASE WHEN random() < 0.85 THEN 'day' ELSE 'month' END AS precision,
               'a_' || lpad(CAST(i // 4 AS VARCHAR), 16, '0') AS article_id
        FROM range({n_events}) t(i)
    """)
    con.execute("""
        INSERT INTO events
        SELECT 'e_' || lpad(CAST(i AS VARCHAR), 16, '0'), type,
               CASE WHEN type = 'CONSULT' THEN mode END,
               CASE WHEN precision = 'month' THEN date_trunc('month', d)::DATE ELSE d END,
               precision, '[]', list_sort(list_distinct([a, b])), a, b, NULL, [], modality, 0.7,
               2, 2, 2, d, d + 1, type || ' ' || a || ' ' || b, '{}', false
        FROM gen
    """)
    con.execute("""
        INSERT INTO articles (id, url, title, text, origin, published, content_hash, revision,
                              ingested_at, updated_at, site, story_id)
        SELECT DISTINCT ON (article_id) article_id, 'https://site' || (i % 50) || '.example/' || i,
               'title ' || i, '', 'bench', d, 'h', 1, now(), now(), 'site' || (i % 50),
               's_' || (i // 40)
        FROM gen
    """)
    con.execute("""
        INSERT INTO mentions (id, article_id, type, mode, actors, actor_keys, source_key,
                              target_key, date, date_precision, modality, sentence, start,
                              "end", event_id)
        SELECT 'm_' || lpad(CAST(i AS VARCHAR), 16, '0'), article_id, type, mode, '[]',
               list_sort(list_distinct([a, b])), a, b, d, precision, modality, 'sentence', 0,
               8, 'e_' || lpad(CAST(i AS VARCHAR), 16, '0')
        FROM gen
    """)
    con.execute("""
        INSERT INTO stories
        SELECT story_id, any_value(title), min(published), max(published), count(*), NULL, now()
        FROM articles GROUP BY story_id
    """)
    con.execute("DROP TABLE gen")
    with store.transaction():
        reindex_events(store)
    con.execute("CHECKPOINT")


def _timed(fn: Callable[[], Any]) -> tuple[float, float, int]:
    """Wall seconds, CPU seconds of this process (all DuckDB threads), rows."""
    start, cpu = time.perf_counter(), time.process_time()
    out = fn()
    elapsed, used = time.perf_counter() - start, time.process_time() - cpu
    size = len(out.edges) if hasattr(out, "edges") else len(out)
    return elapsed, used, size


def run(n_events: int, n_actors: int, repeat: int) -> dict[str, Any]:
    """Build a store and time every answer; returns the figures."""
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "bench.duckdb"
        started = time.perf_counter()
        with Store(path) as built:
            build(built, n_events, n_actors)
        build_s = time.perf_counter() - started
        # queried as a server or the CLI meets it: a store file opened afresh
        with Store(path) as store:
            return _time_queries(store, n_events, n_actors, repeat, build_s)


def _time_queries(store: Store, n_events: int, n_actors: int, repeat: int,
                  build_s: float) -> dict[str, Any]:
    """Time every answer ``repeat`` times on ``store``; returns the figures."""
    a, b = "person:p0", "person:p1"
    queries: dict[str, Callable[[], Any]] = {
        "contacts": lambda: contacts(store, a, "2021-01-01", "2022-12-31", level="all"),
        "contacts (leader)": lambda: contacts(store, a, "2021-01-01", "2022-12-31",
                                              level="leader"),
        "timeline": lambda: timeline(store, a, b, "2020-01-01", "2023-12-31"),
        "gaps": lambda: gaps(store, a, "person:p7", "2019-01-01", "2023-12-31", min_days=30),
        "dyad": lambda: dyad(store, a, b, by="month"),
        "network": lambda: network(store, "2022-01-01", "2022-12-31", limit=500),
        "stories": lambda: stories(store, since="2023-06-01", limit=100),
    }
    rows = []
    for name, fn in queries.items():
        times, cpus, size = [], [], 0
        for _ in range(repeat):
            elapsed, used, size = _timed(fn)
            times.append(elapsed)
            cpus.append(used)
        rows.append({"query": name, "best_s": round(min(times), 4),
                     "mean_s": round(sum(times) / len(times), 4),
                     "best_cpu_s": round(min(cpus), 4), "rows": size})
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return {"events": n_events, "actors": n_actors, "build_s": round(build_s, 2),
            "load_average": [round(x, 2) for x in os.getloadavg()],
            "peak_rss_mb": round(peak_mb, 1), "queries": rows,
            "machine": platform.platform(), "python": platform.python_version(),
            "when": datetime.now().isoformat(timespec="seconds")}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=1_000_000)
    parser.add_argument("--actors", type=int, default=3000)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--json", action="store_true", help="print the figures as JSON only")
    args = parser.parse_args()
    result = run(args.events, args.actors, args.repeat)
    if args.json:
        print(json.dumps(result, indent=2))
        return
    print(f"{result['events']:,} events, {result['actors']:,} actors; built in "
          f"{result['build_s']} s; peak RSS {result['peak_rss_mb']} MB")
    print(f"load average {result['load_average']} (on a shared machine wall times follow it; "
          "CPU seconds much less)")
    print(f"{'query':<20}{'best s':>10}{'mean s':>10}{'best cpu s':>12}{'rows':>8}")
    for q in result["queries"]:
        print(f"{q['query']:<20}{q['best_s']:>10.4f}{q['mean_s']:>10.4f}"
              f"{q['best_cpu_s']:>12.4f}{q['rows']:>8}")
    RESULTS.mkdir(parents=True, exist_ok=True)
    out = RESULTS / f"bench_queries_{result['events']}.json"
    out.write_text(json.dumps(result, indent=2) + "\n", "utf-8")
    print(f"wrote {out}")


if __name__ == "__main__":
    main()
