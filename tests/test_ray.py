"""Ingest on a real Ray cluster (``--ray ADDRESS``): two nodes on 127.0.0.1, one CPU each,
started by the test with ``ray start`` and stopped after it (its own processes only).

A generated WARC of 2,000 pages is ingested without event coding (extraction, dedup,
embeddings and the writer: 2,000 coded pages take several minutes on two cores) and the
store must equal an in-process ingest of the same WARC; then a run whose Ray worker process
is killed mid-run must lose and double nothing.
"""

from __future__ import annotations

import gzip
import os
import random
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

import sitrep
from sitrep.store import Store

ray = pytest.importorskip("ray", reason="ray is not installed (pip install 'sitrep[ray]')")
from fastwarc.warc import WarcRecordType  # noqa: E402
from ingest.test_warc import http_response, warc_record  # noqa: E402

pytestmark = [pytest.mark.ray, pytest.mark.slow]
PAGES = 2000
RAY = Path(sys.executable).parent / "ray"
WORDS = ("minister talks border ceasefire envoy summit sanctions trade treaty troops "
         "election parliament protest aid embassy vote coalition strike missile drone "
         "harbour grain energy pipeline court ruling refugees budget tariff delegation "
         "agreement inquiry governor militia convoy rebels region capital council").split()


def _page(rng: random.Random, n: int) -> bytes:
    # Short (about 200 characters: an article just over the extractor's floor), as the
    # story embedding of every page is most of this test's time.
    sentences = [" ".join(rng.choice(WORDS) for _ in range(14)).capitalize() + "."
                 for _ in range(2)]
    return (f"<html><head><title>Report {n}</title></head><body><article><h1>Report {n}"
            f"</h1><p>{sentences[0]}</p><p>{sentences[1]}</p></article></body></html>"
            ).encode()


def write_pages_warc(path: Path, pages: int = PAGES) -> Path:
    """A gzipped WARC of ``pages`` distinct HTML pages, each after its request."""
    rng = random.Random(11)
    with path.open("wb") as out:
        for n in range(pages):
            url = f"https://news.example.org/{n // 100}/report-{n}.html"
            out.write(gzip.compress(warc_record(
                WarcRecordType.request, url, b"GET / HTTP/1.1\r\n\r\n",
                "application/http; msgtype=request")))
            out.write(gzip.compress(http_response(url, _page(rng, n),
                                                  "text/html; charset=utf-8")))
    return path


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port: int = s.getsockname()[1]
        return port


def _tree(root_marker: str) -> list[int]:
    """Pids of the processes started for this cluster: those whose command line names its
    temp dir, and all their descendants."""
    parents: dict[int, int] = {}
    marked = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            cmd = (entry / "cmdline").read_bytes().replace(b"\0", b" ").decode(errors="replace")
            stat = (entry / "stat").read_text()
        except OSError:
            continue
        pid = int(entry.name)
        parents[pid] = int(stat.rsplit(")", 1)[1].split()[1])
        if root_marker in cmd and pid != os.getpid():
            marked.append(pid)
    found = set(marked)
    grew = True
    while grew:
        more = {p for p, parent in parents.items() if parent in found} - found
        found |= more
        grew = bool(more)
    return sorted(found)


def _ray_workers(root_marker: str) -> list[int]:
    """Pids of the cluster's task worker processes (``ray::IDLE`` or running a task)."""
    out = []
    for pid in _tree(root_marker):
        try:
            cmd = Path(f"/proc/{pid}/cmdline").read_bytes().decode(errors="replace")
        except OSError:
            continue
        if cmd.startswith("ray::") and "Agent" not in cmd:
            out.append(pid)
    return out


@pytest.fixture(scope="module")
def cluster() -> Iterator[dict[str, Any]]:
    """A head and a worker node on 127.0.0.1, one CPU each; stopped whatever happens."""
    temp = tempfile.mkdtemp(prefix="sitrep-ray-", dir="/tmp")  # short: socket paths
    port = _free_port()
    common = ["--node-ip-address", "127.0.0.1", "--num-cpus", "1", "--temp-dir", temp,
              "--disable-usage-stats"]
    try:
        subprocess.run([str(RAY), "start", "--head", "--port", str(port),
                        "--include-dashboard", "false", *common],
                       check=True, capture_output=True, timeout=120)
        subprocess.run([str(RAY), "start", "--address", f"127.0.0.1:{port}", *common],
                       check=True, capture_output=True, timeout=120)
        yield {"address": f"127.0.0.1:{port}", "temp": temp}
    finally:
        if ray.is_initialized():
            ray.shutdown()
        for pid in _tree(temp):
            try:
                os.kill(pid, signal.SIGKILL)
            except ProcessLookupError:
                pass
        shutil.rmtree(temp, ignore_errors=True)


@pytest.fixture(scope="module")
def warc_and_reference(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """The WARC, and a store of it ingested in process (the reference)."""
    tmp = tmp_path_factory.mktemp("ray-input")
    warc = write_pages_warc(tmp / "pages.warc.gz")
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


def test_ray_ingest_equals_local_ingest(cluster: dict[str, Any],
                                        warc_and_reference: tuple[Path, Path],
                                        tmp_path: Path) -> None:
    warc, reference = warc_and_reference
    with sitrep.open(tmp_path / "ray.duckdb") as s:
        report = s.ingest([warc], code=False, ray=cluster["address"])
    assert report.new == PAGES and report.failed == 0 and report.duplicate == 0
    assert _fingerprint(tmp_path / "ray.duckdb") == _fingerprint(reference)


def test_ray_worker_killed_mid_run_loses_and_doubles_nothing(
        cluster: dict[str, Any], warc_and_reference: tuple[Path, Path],
        tmp_path: Path) -> None:
    warc, reference = warc_and_reference
    killed: list[int] = []
    read = threading.Event()

    def kill_a_worker_once_work_flows() -> None:
        read.wait(timeout=300)
        deadline = time.monotonic() + 60
        while not killed and time.monotonic() < deadline:
            busy = [p for p in _ray_workers(cluster["temp"])
                    if "IDLE" not in Path(f"/proc/{p}/cmdline").read_bytes().decode(
                        errors="replace")]
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
        report = s.ingest([warc], code=False, ray=cluster["address"], progress=progress)
    killer.join(timeout=5)
    assert killed, "no Ray worker was seen running a task"
    assert report.new == PAGES and report.failed == 0 and report.duplicate == 0
    assert _fingerprint(tmp_path / "ray.duckdb") == _fingerprint(reference)
