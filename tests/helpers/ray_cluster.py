"""A real local Ray cluster for tests and benchmarks, and a generated WARC of news pages.

``LocalCluster`` starts a head node (and optionally more nodes) on 127.0.0.1 with
``ray start``, each with its own CPU count, in a temp dir of its own; ``stop`` kills the
processes it started (and only those: every process whose command line names that temp
dir, with their descendants), so other Ray clusters on the machine are left alone.
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
from pathlib import Path

from fastwarc.warc import WarcRecordType

from helpers.warc import warc_record

RAY = Path(sys.executable).parent / "ray"
WORDS = ("minister talks border ceasefire envoy summit sanctions trade treaty troops "
         "election parliament protest aid embassy vote coalition strike missile drone "
         "harbour grain energy pipeline court ruling refugees budget tariff delegation "
         "agreement inquiry governor militia convoy rebels region capital council").split()


def _page(rng: random.Random, n: int) -> bytes:
    # Short (about 200 characters: an article just over the extractor's floor), as the
    # story embedding of every page is most of an ingest's time here.
    sentences = [" ".join(rng.choice(WORDS) for _ in range(14)).capitalize() + "."
                 for _ in range(2)]
    return (f"<html><head><title>Report {n}</title></head><body><article><h1>Report {n}"
            f"</h1><p>{sentences[0]}</p><p>{sentences[1]}</p></article></body></html>"
            ).encode()


def write_pages_warc(path: Path, pages: int) -> Path:
    """A gzipped WARC of ``pages`` distinct HTML pages, each after its request."""
    rng = random.Random(11)
    with path.open("wb") as out:
        for n in range(pages):
            url = f"https://news.example.org/{n // 100}/report-{n}.html"
            body = _page(rng, n)
            head = (f"HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n"
                    f"Content-Length: {len(body)}\r\n\r\n").encode()
            out.write(gzip.compress(warc_record(WarcRecordType.request, url,
                                            b"GET / HTTP/1.1\r\n\r\n",
                                            "application/http; msgtype=request")))
            out.write(gzip.compress(warc_record(WarcRecordType.response, url, head + body,
                                            "application/http; msgtype=response")))
    return path


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port: int = s.getsockname()[1]
        return port


def process_tree(marker: str) -> list[int]:
    """Pids whose command line holds ``marker`` (not this process), and their descendants."""
    parents: dict[int, int] = {}
    found: set[int] = set()
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
        if marker in cmd and pid != os.getpid():
            found.add(pid)
    grew = True
    while grew:
        more = {p for p, parent in parents.items() if parent in found} - found
        found |= more
        grew = bool(more)
    return sorted(found)


class LocalCluster:
    """Ray nodes on 127.0.0.1 in a temp dir of their own."""

    def __init__(self) -> None:
        self.temp = tempfile.mkdtemp(prefix="sitrep-ray-", dir="/tmp")  # short socket paths
        self.port = _free_port()
        self.address = f"127.0.0.1:{self.port}"
        self.nodes = 0

    def add_node(self, cpus: int = 1) -> None:
        """Start the head (first call) or one more node, with ``cpus`` CPUs."""
        where = (["--head", "--port", str(self.port), "--include-dashboard", "false"]
                 if self.nodes == 0 else ["--address", self.address])
        subprocess.run([str(RAY), "start", *where, "--node-ip-address", "127.0.0.1",
                        "--num-cpus", str(cpus), "--temp-dir", self.temp,
                        "--disable-usage-stats"], check=True, capture_output=True, timeout=180)
        self.nodes += 1

    def workers(self) -> list[int]:
        """Pids of the task worker processes (``ray::IDLE`` or ``ray::<task>``)."""
        out = []
        for pid in process_tree(self.temp):
            try:
                cmd = Path(f"/proc/{pid}/cmdline").read_bytes().decode(errors="replace")
            except OSError:
                continue
            if cmd.startswith("ray::") and "Agent" not in cmd:
                out.append(pid)
        return out

    def stop(self) -> None:
        for pid in process_tree(self.temp):
            try:
                os.kill(pid, signal.SIGKILL)
            except ProcessLookupError:
                pass
        shutil.rmtree(self.temp, ignore_errors=True)
