"""Ingest + extraction throughput (articles/s) and peak memory.

Two inputs, measured in one run so the figures compare as ratios on a noisy machine:
  * the bundled sample corpus (``corpus/*.jsonl``: text already extracted, so this is
    dedup + store cost), and
  * the extraction evaluation pages (``../shared/eval/extraction/html``: real HTML through
    trafilatura and htmldate), when that folder is beside the repo.
Each is ingested into a fresh store without event coding (``bench_coding.py`` measures that),
then ingested a second time to show what an idempotent re-run costs.

    python bench/bench_ingest.py [--json]
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
INPUTS = {
    "corpus": REPO / "corpus",
    "extraction-html": REPO.parent / "shared" / "eval" / "extraction" / "html",
}

CHILD = """
import json, resource, sys, time
import sitrep
db, path = sys.argv[1], sys.argv[2]
with sitrep.open(db) as s:
    t0 = time.perf_counter()
    first = s.ingest([path], code=False)
    t1 = time.perf_counter()
    second = s.ingest([path], code=False)
    t2 = time.perf_counter()
print(json.dumps({
    "items": first.new + first.duplicate + first.failed,
    "stored": first.new + first.duplicate, "failed": first.failed,
    "seconds": round(t1 - t0, 2), "rerun_seconds": round(t2 - t1, 2),
    "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1),
}))
"""


def run_one(path: Path) -> dict[str, float]:
    """Ingest ``path`` in a fresh process (so peak memory is this input's alone)."""
    with tempfile.TemporaryDirectory() as tmp:
        out = subprocess.run([sys.executable, "-c", CHILD, f"{tmp}/bench.duckdb", str(path)],
                             check=True, capture_output=True, text=True).stdout
    result = json.loads(out.strip().splitlines()[-1])
    result["articles_per_s"] = round(result["items"] / result["seconds"], 1)
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--json", action="store_true", help="print JSON only")
    args = parser.parse_args()
    results = {name: run_one(path) for name, path in INPUTS.items() if path.exists()}
    if args.json:
        print(json.dumps(results, indent=2))
        return
    print(f"{'input':<16}{'items':>7}{'failed':>8}{'art/s':>9}{'rerun s':>9}{'peak MB':>9}")
    for name, r in results.items():
        print(f"{name:<16}{r['items']:>7}{r['failed']:>8}{r['articles_per_s']:>9}"
              f"{r['rerun_seconds']:>9}{r['peak_rss_mb']:>9}")


if __name__ == "__main__":
    main()
