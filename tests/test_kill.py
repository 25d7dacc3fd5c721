"""``kill -9`` at five random points of an ingest of the bundled corpus, then one plain rerun:
the store ends with the same articles, events, stories and contacts as an uninterrupted run.

The clean run and the killed runs are real ``sitrep`` processes, side by side on real store
files. The killed runs print each item as they go (through the Python API), so the kills land
at chosen points: four between items (extraction, coding and writing interleave there) and one
after the last item, while events and stories are being linked. The rerun is the plain CLI.
"""

from __future__ import annotations

import json
import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest

from sitrep.store import Store

REPO = Path(__file__).resolve().parents[1]
CORPUS = REPO / "corpus"
ITEMS = 437  # 436 articles and corpus/LICENSE, which is skipped
SEED = 10
CLI = [sys.executable, "-c", "from sitrep.cli.main import app; app()"]
CHILD = """
import sys
import sitrep
with sitrep.open(sys.argv[1]) as s:
    s.ingest([sys.argv[2]], progress=lambda n, label: print("item", flush=True))
    print("done", flush=True)
"""


def _ingest_cli(db: Path) -> subprocess.Popen[str]:
    return subprocess.Popen([*CLI, "ingest", str(CORPUS), "--db", str(db), "--format", "json"],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def _killed_run(db: Path, after_items: int, linger: float) -> bool:
    """Ingest until ``after_items`` items are done, wait ``linger`` seconds, then
    ``kill -9``; True if the run was still going when killed."""
    child = subprocess.Popen([sys.executable, "-c", CHILD, str(db), str(CORPUS)],
                             stdout=subprocess.PIPE, text=True)
    assert child.stdout is not None
    seen = 0
    while seen < after_items:
        line = child.stdout.readline()
        if not line or line.startswith("done"):
            break
        seen += 1
    time.sleep(linger)
    alive = child.poll() is None
    if alive:
        os.kill(child.pid, signal.SIGKILL)
    child.wait()
    return alive


def _fingerprint(db: Path) -> dict[str, Any]:
    """What must not differ: articles, events (by their mentions), stories, the queue."""
    with Store(db, read_only=True) as store:
        q = store.con.execute
        articles = q("SELECT id, content_hash, canonical_id, language, published, coded_at "
                     "IS NOT NULL FROM articles ORDER BY id").fetchall()
        events = q("SELECT e.type, e.mode, e.modality, e.date, e.date_precision, e.n_sources, "
                   "list(m.id ORDER BY m.id) FROM events e JOIN mentions m ON m.event_id = e.id "
                   "GROUP BY ALL ORDER BY 7").fetchall()
        stories = q("SELECT list(id ORDER BY id) FROM articles WHERE story_id IS NOT NULL "
                    "GROUP BY story_id ORDER BY 1").fetchall()
        unlinked = q("SELECT count(*) FROM mentions WHERE event_id IS NULL").fetchone()
        queued = q("SELECT count(*) FROM link_queue").fetchone()
    return {"articles": articles, "events": events, "stories": stories,
            "unlinked mentions": unlinked, "queued": queued}


def _contacts(db: Path) -> list[dict[str, Any]]:
    done = subprocess.run([*CLI, "contacts", "Joe Biden", "--format", "json", "--db", str(db)],
                          capture_output=True, text=True, check=True)
    return json.loads(done.stdout)


@pytest.mark.slow
def test_kill_five_random_kill_9s_then_a_rerun_equal_a_clean_run(tmp_path: Path) -> None:
    clean_db, killed_db = tmp_path / "clean.duckdb", tmp_path / "killed.duckdb"
    clean = _ingest_cli(clean_db)
    rng = random.Random(SEED)
    points = sorted(rng.sample(range(10, ITEMS - 10), 4))
    kills = [_killed_run(killed_db, after, rng.uniform(0.0, 0.5)) for after in points]
    # After the last item: the run is linking events and stories.
    kills.append(_killed_run(killed_db, ITEMS, rng.uniform(1.0, 4.0)))
    assert all(kills), "every kill must land while the run is still going"
    with Store(killed_db, read_only=True) as store:
        assert 0 < store.count("articles") <= 436
    rerun = _ingest_cli(killed_db)
    out, err = rerun.communicate(timeout=1200)
    assert rerun.returncode == 0, err[-3000:]
    clean_out, clean_err = clean.communicate(timeout=1200)
    assert clean.returncode == 0, clean_err[-3000:]
    assert json.loads(clean_out)[0]["new"] == 436
    got, want = _fingerprint(killed_db), _fingerprint(clean_db)
    for part in want:
        assert got[part] == want[part], part
    assert want["queued"] == (0,) and len(want["events"]) > 500
    assert _contacts(killed_db) == _contacts(clean_db) != []
