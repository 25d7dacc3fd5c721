"""Ingest on worker processes (``--workers 2``) stores what one process stores, and survives
``kill -9`` of its parent: the bundled corpus, real ``sitrep`` processes, real store files.

The reference is a plain one-worker run (``--workers 1``). The two-worker run is killed
twice mid-run (its workers must go with it), then run again to the end; the store must equal
the reference: the same articles, events, stories and an empty link queue.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from concurrent.futures import Future
from pathlib import Path

import pytest
from test_kill import CLI, CORPUS, _contacts, _fingerprint

import sitrep
from sitrep.errors import SitrepError
from sitrep.parallel import in_order
from sitrep.store import Store

CHILD = """
import sys
import sitrep
if __name__ == "__main__":
    with sitrep.open(sys.argv[1]) as s:
        s.ingest([sys.argv[2]], workers=2, progress=lambda n, label: print("item", flush=True))
        print("done", flush=True)
"""


def _children(pid: int) -> list[int]:
    """The processes whose parent is ``pid`` (the worker processes of an ingest)."""
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                stat = (entry / "stat").read_text()
            except OSError:
                continue
            if int(stat.rsplit(")", 1)[1].split()[1]) == pid:
                found.append(int(entry.name))
    return found


def _alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


def _kill_two_worker_run(db: Path, tmp: Path, after_items: int) -> list[int]:
    """Run a two-worker ingest until ``after_items`` items are read, then ``kill -9`` it;
    returns the pids of its child processes."""
    script = tmp / "child.py"
    script.write_text(CHILD)
    child = subprocess.Popen([sys.executable, str(script), str(db), str(CORPUS)],
                             stdout=subprocess.PIPE, text=True)
    assert child.stdout is not None
    for _ in range(after_items):
        if child.stdout.readline().startswith("done"):
            break
    workers = _children(child.pid)
    assert child.poll() is None, "the kill must land while the run is still going"
    os.kill(child.pid, signal.SIGKILL)
    child.wait()
    return workers


@pytest.mark.slow
def test_parallel_two_workers_killed_then_rerun_equal_one_worker(tmp_path: Path) -> None:
    one_db, two_db = tmp_path / "one.duckdb", tmp_path / "two.duckdb"
    one = subprocess.run([*CLI, "ingest", str(CORPUS), "--db", str(one_db), "--workers", "1"],
                         capture_output=True, text=True)
    assert one.returncode == 0, one.stderr[-3000:]
    for after in (120, 300):
        # Two workers, and multiprocessing's resource tracker.
        workers = _kill_two_worker_run(two_db, tmp_path, after)
        assert len(workers) >= 2
        deadline = time.monotonic() + 10
        while any(_alive(w) for w in workers) and time.monotonic() < deadline:
            time.sleep(0.2)
        assert not any(_alive(w) for w in workers), "workers outlived their killed parent"
    with Store(two_db, read_only=True) as store:
        assert 0 < store.count("articles") < 436
    two = subprocess.run([*CLI, "ingest", str(CORPUS), "--db", str(two_db), "--workers", "2"],
                         capture_output=True, text=True)
    assert two.returncode == 0, two.stderr[-3000:]
    got, want = _fingerprint(two_db), _fingerprint(one_db)
    for part in want:
        assert got[part] == want[part], part
    assert want["queued"] == (0,) and len(want["events"]) > 500
    assert _contacts(two_db) == _contacts(one_db) != []


@pytest.mark.slow
def test_parallel_two_workers_store_equals_one_worker(tmp_path: Path) -> None:
    """Through the Python API, on one file of the corpus (196 articles, over MIN_PARALLEL)."""
    source = CORPUS / "state_gov.jsonl"
    reports = []
    for workers in (1, 2):
        with sitrep.open(tmp_path / f"w{workers}.duckdb") as s:
            reports.append(s.ingest([source], workers=workers).counts())
    assert reports[0] == reports[1] and reports[0]["new"] == 196
    got, want = _fingerprint(tmp_path / "w2.duckdb"), _fingerprint(tmp_path / "w1.duckdb")
    for part in want:
        assert got[part] == want[part], part
    assert len(want["events"]) > 100


def test_parallel_workers_below_one_is_e905(tmp_path: Path) -> None:
    with sitrep.open(tmp_path / "s.duckdb") as s, pytest.raises(SitrepError) as info:
        s.ingest([CORPUS], workers=0)
    assert info.value.code == "E905"


def test_parallel_in_order_draws_at_most_a_window_ahead() -> None:
    """Inputs are read lazily: a 100,000-record WARC is never all in memory."""
    drawn = []

    def submitted() -> Iterator[Future[int]]:
        for n in range(100_000):
            drawn.append(n)
            future: Future[int] = Future()
            future.set_result(n)
            yield future

    results = in_order(submitted(), window=4)
    assert [next(results) for _ in range(3)] == [0, 1, 2]
    assert len(drawn) == 6
    assert sum(1 for _ in results) == 100_000 - 3


FREED_BLOCKS = """
import sys
from sitrep.parallel import use_fixed_mmap_threshold
def rss():
    with open("/proc/self/statm") as f:
        return int(f.read().split()[1]) * 4096 / 2**20
if sys.argv[1] == "fixed":
    use_fixed_mmap_threshold()
big = b"x" * (16 << 20)  # freed, it raises glibc's threshold to 16 MB unless fixed
del big
before = rss()
blocks, kept = [], []
for _ in range(50):
    blocks.append(b"x" * (2 << 20))
    kept.append(b"y" * (128 << 10))  # smaller blocks that stay, between the large ones
del blocks
print(rss() - before)
"""


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="glibc's malloc")
def test_parallel_fixed_mmap_threshold_returns_freed_blocks() -> None:
    """After a large block is freed, 100 MB of 2 MB blocks, freed again, go back to the
    system (without the fixed threshold they stay resident, in a heap that smaller blocks
    still in use keep from shrinking)."""
    def kept(mode: str) -> float:
        out = subprocess.run([sys.executable, "-c", FREED_BLOCKS, mode], check=True,
                             capture_output=True, text=True).stdout
        return float(out.strip())

    assert kept("fixed") < 20  # the 6.4 MB still in use
    assert kept("default") > 90
