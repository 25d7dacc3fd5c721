"""Ray scaling: the same generated WARC ingested on a local Ray cluster of one node, then
of two nodes (one CPU each), on 127.0.0.1.

Scaling efficiency = (rate on 2 nodes) / (2 x rate on 1 node); the writer (this process)
and Ray's own daemons share the machine's cores with the Ray workers, so on a 2-core
machine this measures the ceiling of the writer as much as Ray. Needs ``sitrep[ray]``.
Results go to ``bench/results/bench_ray.json``.

    python bench/bench_ray.py [--pages 1000] [--code] [--json]
    python bench/bench_ray.py --corpus      # the bundled corpus, coded: NLP-bound work

Generated pages are short, so without coding (and even with it) the single writer and
Ray's daemons bound the rate; ``--corpus`` measures the work a cluster is for.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "tests"))

from helpers.ray_cluster import LocalCluster, write_pages_warc  # noqa: E402

import sitrep  # noqa: E402

RESULTS = REPO / "bench" / "results" / "bench_ray.json"


def ingest_rate(warc: Path, address: str, code: bool) -> dict[str, float]:
    """Articles per second of one ingest of ``warc`` (a file or folder) through the cluster."""
    import ray

    with tempfile.TemporaryDirectory() as tmp, sitrep.open(f"{tmp}/ray.duckdb") as s:
        t0 = time.perf_counter()
        report = s.ingest([warc], code=code, ray=address)
        seconds = time.perf_counter() - t0
    if ray.is_initialized():
        ray.shutdown()
    return {"articles": report.new, "seconds": round(seconds, 1),
            "articles_per_s": round(report.new / seconds, 2)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--pages", type=int, default=1000, help="pages in the WARC")
    parser.add_argument("--code", action="store_true", help="code events too")
    parser.add_argument("--corpus", action="store_true",
                        help="ingest and code the bundled corpus instead of generated pages")
    parser.add_argument("--json", action="store_true", help="print JSON only")
    args = parser.parse_args()
    cluster = LocalCluster()
    code = args.code or args.corpus
    result: dict[str, object] = {"input": "corpus" if args.corpus else f"{args.pages} pages",
                                 "code": code,
                                 "cores": os.cpu_count(),
                                 "load_average_before": os.getloadavg()}
    try:
        with tempfile.TemporaryDirectory() as tmp:
            warc = REPO / "corpus" if args.corpus else \
                write_pages_warc(Path(tmp) / "pages.warc.gz", args.pages)
            cluster.add_node(cpus=1)
            one = ingest_rate(warc, cluster.address, code)
            cluster.add_node(cpus=1)
            two = ingest_rate(warc, cluster.address, code)
    finally:
        cluster.stop()
    result |= {"1_node": one, "2_nodes": two,
               "scaling_efficiency": round(two["articles_per_s"] / (2 * one["articles_per_s"]),
                                           2),
               "load_average_after": os.getloadavg(), "target": 0.8}
    out = RESULTS.with_name("bench_ray_corpus.json") if args.corpus else RESULTS
    out.write_text(json.dumps(result, indent=2) + "\n")
    if args.json:
        print(json.dumps(result, indent=2))
        return
    print(f"1 node {one['articles_per_s']} art/s, 2 nodes {two['articles_per_s']} art/s: "
          f"scaling efficiency {result['scaling_efficiency']} (target 0.8)")


if __name__ == "__main__":
    main()
