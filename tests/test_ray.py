"""Ingest on a real Ray cluster (``--ray ADDRESS``): two nodes on 127.0.0.1, one CPU each,
started by the test with ``ray start`` and stopped after it (its own processes only).

A generated WARC of 2,000 pages is ingested without event coding (extraction, dedup,
embeddings and the writer: 2,000 coded pages take several minutes on two cores) and the
store must equal an in-process ingest of the same WARC; then a run whose Ray worker process
is killed mid-run must lose and double nothing.
"""

from __future__ import annotations

import os
import signal
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from helpers.ray_cluster import LocalCluster, write_pages_warc

import sitrep
from sitrep.store import Store

ray = pytest.importorskip("ray", reason="ray is not installed (pip install 'sitrep[ray]')")

pytestmark = [pytest.mark.ray, pytest.mark.slow]
PAGES = 2000


@pytest.fixture(scope="module")
def cluster() -> Iterator[LocalCluster]:
    """A head and a worker node on 127.0.0.1, one CPU each; stopped whatever happens."""
    nodes = LocalCluster()
    try:
        nodes.add_node(cpus=1)
        nodes.add_node(cpus=1)
        yield nodes
    finally:
        if ray.is_initialized():
            ray.shutdown()
        nodes.stop()


@pytest.fixture(scope="module")
def warc_and_reference(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """The WARC, and a store of it ingested in process (the reference)."""
    tmp = tmp_path_factory.mktemp("ray-input")
    warc = write_pages_warc(tmp / "pages.warc.gz", PAGES)
    reference = tmp / "local.duckdb"
    with sitrep.open(reference) as s:
        report = s.ingest([warc], code=False, workers=1)
    assert report.new == PAGES and report.failed == 0
    return warc, reference


def _fingerprint(db: Path) -> dict[str, Any]:
    with Store(db, read_only=True) as store:
        q = store.con.execute
        return {
            "articles": q("SELECT id, content_hash, canonical_id, revision FROM articles "
                          "ORDER BY id").fetchall(),
            "bands": q("SELECT count(*), count(DISTINCT article_id) FROM minhash_bands"
                       ).fetchone(),
            "embedded": q("SELECT count(*) FROM article_embeddings").fetchone(),
            "stories": q("SELECT list(id ORDER BY id) FROM articles WHERE story_id IS NOT "
                         "NULL GROUP BY story_id ORDER BY 1").fetchall(),
            "queued": q("SELECT count(*) FROM link_queue").fetchone(),
        }


def _cmdline(pid: int) -> str:
    try:
        return Path(f"/proc/{pid}/cmdline").read_bytes().decode(errors="replace")
    except OSError:
        return "IDLE"  # gone: nothing to kill


def test_ray_ingest_equals_local_ingest(cluster: LocalCluster,
                                        warc_and_reference: tuple[Path, Path],
                                        tmp_path: Path) -> None:
    warc, reference = warc_and_reference
    with sitrep.open(tmp_path / "ray.duckdb") as s:
        report = s.ingest([warc], code=False, ray=cluster.address)
    assert report.new == PAGES and report.failed == 0 and report.duplicate == 0
    assert _fingerprint(tmp_path / "ray.duckdb") == _fingerprint(reference)


def test_ray_worker_killed_mid_run_loses_and_doubles_nothing(
        cluster: LocalCluster, warc_and_reference: tuple[Path, Path],
        tmp_path: Path) -> None:
    warc, reference = warc_and_reference
    killed: list[int] = []
    read = threading.Event()

    def kill_a_worker_once_work_flows() -> None:
        read.wait(timeout=300)
        deadline = time.monotonic() + 60
        while not killed and time.monotonic() < deadline:
            busy = [p for p in cluster.workers() if "IDLE" not in _cmdline(p)]
            if busy:
                os.kill(busy[0], signal.SIGKILL)
                killed.append(busy[0])
            time.sleep(0.05)

    seen = [0]

    def progress(n: int, label: str) -> None:
        seen[0] += n
        if seen[0] == 400:
            read.set()

    killer = threading.Thread(target=kill_a_worker_once_work_flows, daemon=True)
    killer.start()
    with sitrep.open(tmp_path / "ray.duckdb") as s:
        report = s.ingest([warc], code=False, ray=cluster.address, progress=progress)
    killer.join(timeout=5)
    assert killed, "no Ray worker was seen running a task"
    assert report.new == PAGES and report.failed == 0 and report.duplicate == 0
    assert _fingerprint(tmp_path / "ray.duckdb") == _fingerprint(reference)
