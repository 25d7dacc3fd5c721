"""Load on ``sitrep serve``: 20 concurrent clients for 30 s against the demo store on
127.0.0.1, pages and API mixed; requests/s, p50/p95 latency per route and errors (which
must be 0), first with the server idle, then with an ingest job running inside it.

The demo store is ``./sitrep.duckdb`` (``make demo``) when it exists, copied so the run
changes nothing; otherwise the bundled corpus is ingested into a fresh one first (about two
minutes). The ingest during the second phase uploads the corpus again under new URLs (every
article is read, coded and stored as a copy of its original), through the server's own
``/api/v1/ingest/upload``, so its writes and the readers share the one process.

    python bench/bench_serve.py [--clients 20] [--seconds 30] [--json]
"""

from __future__ import annotations

import argparse
import json
import os
import random
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections import defaultdict
from pathlib import Path
from typing import Any

import httpx

import sitrep

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
SITREP = Path(sys.executable).with_name("sitrep")
PASSWORD = "bench password 1"

PAGES = ["/", "/search?q=Putin", "/search?actor=Joe%20Biden&type=CONSULT", "/stories",
         "/network", "/actors/Joe%20Biden", "/dyad?a=United%20States&b=Russia", "/briefings",
         "ARTICLE", "EVENT"]
API = ["/api/v1/events?limit=50", "/api/v1/contacts?actor=Joe%20Biden",
       "/api/v1/timeline?actor=Joe%20Biden&other=Volodymyr%20Zelensky",
       "/api/v1/articles?q=Ukraine", "/api/v1/stories", "/api/v1/network"]


def demo_store(folder: Path) -> Path:
    """A copy of the demo store (made from the corpus when there is none)."""
    path = folder / "demo.duckdb"
    existing = ROOT / "sitrep.duckdb"
    if existing.is_file():
        shutil.copyfile(existing, path)
    else:
        print("no ./sitrep.duckdb: ingesting corpus/ first", file=sys.stderr, flush=True)
        with sitrep.open(path) as s:
            s.ingest([ROOT / "corpus"])
    with sitrep.open(path) as s:
        s.accounts().add_user("bench", "analyst", password=PASSWORD)
    return path


def copy_batch(folder: Path) -> Path:
    """The corpus again, under new URLs: an ingest with real work in every item."""
    out = folder / "again.jsonl"
    with out.open("w", encoding="utf-8") as fh:
        for source in sorted((ROOT / "corpus").glob("*.jsonl")):
            for n, line in enumerate(source.read_text(encoding="utf-8").splitlines()):
                record = json.loads(line)
                record["url"] = f"https://bench.invalid/{source.stem}/{n}"
                fh.write(json.dumps(record) + "\n")
    return out


def start(db: Path) -> tuple[subprocess.Popen[str], str]:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    proc = subprocess.Popen([str(SITREP), "serve", "--db", str(db), "--port", str(port)],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, text=True,
                            env={**os.environ})
    url = f"http://127.0.0.1:{port}"
    for _ in range(300):
        try:
            if httpx.get(url + "/health", timeout=1).status_code == 200:
                return proc, url
        except httpx.HTTPError:
            time.sleep(0.2)
    proc.kill()
    raise SystemExit("sitrep serve did not start")


def logged_in(url: str) -> httpx.Client:
    client = httpx.Client(base_url=url, timeout=60)
    page = client.get("/login").text
    token = page.split('name="csrf_token" value="', 1)[1].split('"', 1)[0]
    r = client.post("/login", data={"name": "bench", "password": PASSWORD, "csrf_token": token})
    assert r.status_code == 303, r.text
    return client


def routes(client: httpx.Client) -> list[tuple[str, str]]:
    """(route name, path) for every route in the mix, with a real article and event."""
    article = client.get("/api/v1/articles", params={"q": "Biden", "limit": 1}).json()
    event = client.get("/api/v1/events", params={"actor": "Joe Biden", "limit": 1}).json()
    concrete = {"ARTICLE": f"/articles/{article['items'][0]['id']}",
                "EVENT": f"/events/{event['items'][0]['id']}"}
    named = [(p if p not in concrete else p.lower(), concrete.get(p, p)) for p in PAGES]
    return named + [(p, p) for p in API]


def load(url: str, mix: list[tuple[str, str]], clients: int, seconds: float) -> dict[str, Any]:
    """``clients`` threads requesting random routes of ``mix`` for ``seconds``."""
    times: dict[str, list[float]] = defaultdict(list)
    errors: dict[str, int] = defaultdict(int)
    lock = threading.Lock()
    stop = time.monotonic() + seconds

    def worker(seed: int) -> None:
        rng = random.Random(seed)
        client = logged_in(url)
        while time.monotonic() < stop:
            name, path = rng.choice(mix)
            started = time.perf_counter()
            try:
                ok = client.get(path).status_code == 200
            except httpx.HTTPError:
                ok = False
            took = time.perf_counter() - started
            with lock:
                times[name].append(took)
                if not ok:
                    errors[name] += 1

    threads = [threading.Thread(target=worker, args=(i,)) for i in range(clients)]
    began = time.monotonic()
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    wall = time.monotonic() - began
    total = sum(len(v) for v in times.values())
    per_route = {name: {"requests": len(v),
                        "p50_ms": round(statistics.median(v) * 1000, 1),
                        "p95_ms": round(statistics.quantiles(v, n=20)[18] * 1000, 1)
                        if len(v) >= 20 else round(max(v) * 1000, 1),
                        "errors": errors.get(name, 0)}
                 for name, v in sorted(times.items())}
    every = [x for v in times.values() for x in v]
    return {"requests": total, "requests_per_s": round(total / wall, 1),
            "p50_ms": round(statistics.median(every) * 1000, 1),
            "p95_ms": round(statistics.quantiles(every, n=20)[18] * 1000, 1),
            "errors": sum(errors.values()), "routes": per_route}


def ingest_while(url: str, batch: Path) -> tuple[str, httpx.Client]:
    client = logged_in(url)
    csrf = client.get("/ingest").text.split('name="csrf_token" value="', 1)[1].split('"')[0]
    with batch.open("rb") as fh:
        r = client.post("/api/v1/ingest/upload", files={"file": ("again.jsonl", fh)},
                        headers={"X-CSRF-Token": csrf})
    assert r.status_code == 202, r.text
    job_id: str = r.json()["job"]
    for _ in range(100):
        if client.get(f"/api/v1/jobs/{job_id}").json()["status"] == "running":
            break
        time.sleep(0.1)
    return job_id, client


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--clients", type=int, default=20)
    parser.add_argument("--seconds", type=float, default=30.0)
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    args = parser.parse_args()
    folder = Path(tempfile.mkdtemp(prefix="sitrep-bench-serve-"))
    try:
        db = demo_store(folder)
        proc, url = start(db)
        try:
            mix = routes(logged_in(url))
            idle = load(url, mix, args.clients, args.seconds)
            job_id, watcher = ingest_while(url, copy_batch(folder))
            busy = load(url, mix, args.clients, args.seconds)
            job = watcher.get(f"/api/v1/jobs/{job_id}").json()
            busy["ingest"] = {"status_at_end": job["status"], "items_done": job["done"],
                              "items_total": job["total"]}
        finally:
            proc.terminate()
            proc.wait(timeout=60)
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    figures = {"clients": args.clients, "seconds": args.seconds, "cpus": os.cpu_count(),
               "idle": idle, "with_ingest": busy}
    (HERE / "results").mkdir(exist_ok=True)
    (HERE / "results" / "bench_serve.json").write_text(json.dumps(figures, indent=1) + "\n",
                                                      encoding="utf-8")
    if args.json:
        print(json.dumps(figures))
        return
    for phase in ("idle", "with_ingest"):
        f = figures[phase]
        assert isinstance(f, dict)
        print(f"{phase}: {f['requests_per_s']} req/s, p50 {f['p50_ms']} ms, "
              f"p95 {f['p95_ms']} ms, errors {f['errors']} {f.get('ingest', '')}")
        for name, r in f["routes"].items():
            print(f"  {name:58} {r['requests']:6} p50 {r['p50_ms']:8} p95 {r['p95_ms']:8} "
                  f"errors {r['errors']}")


if __name__ == "__main__":
    main()
