"""Run every benchmark and evaluation in one go and keep their figures together.

Each script runs in its own process (so peak memory is its own) with ``--json``; the figures
land in ``bench/results/summary.json``. Evaluations that need ``../shared/eval`` are skipped,
with a note, when that folder is absent.

    python bench/run_all.py [--quick]     # --quick: 100k events for the query benchmark
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
SHARED_EVAL = HERE.parent.parent / "shared" / "eval"

RUNS: tuple[tuple[str, list[str], bool], ...] = (
    # (script, extra arguments, needs ../shared/eval)
    ("bench_load.py", [], False),
    ("bench_ingest.py", [], False),
    ("bench_coding.py", [], False),
    ("bench_queries.py", [], False),
    ("bench_serve.py", [], False),
    ("eval_extraction.py", [], True),
    ("eval_pubdate.py", [], True),
    ("eval_plover.py", [], True),
    ("eval_events.py", [], True),
)


def run(script: str, extra: list[str]) -> dict[str, object]:
    started = time.perf_counter()
    done = subprocess.run([sys.executable, str(HERE / script), "--json", *extra],
                          capture_output=True, text=True, check=False)
    if done.returncode != 0:
        return {"error": done.stderr.strip().splitlines()[-1:] or ["failed"]}
    out = done.stdout.strip()
    figures = json.loads(out[out.index("{"):] if "{" in out else "{}")
    figures["wall_seconds"] = round(time.perf_counter() - started, 1)
    return figures


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--quick", action="store_true", help="smaller query benchmark")
    args = parser.parse_args()
    summary: dict[str, object] = {}
    for script, extra, needs_shared in RUNS:
        if needs_shared and not SHARED_EVAL.is_dir():
            summary[script] = {"skipped": "../shared/eval not found"}
            continue
        if script == "bench_queries.py" and args.quick:
            extra = [*extra, "--events", "100000"]
        print(f"running {script} ...", file=sys.stderr, flush=True)
        summary[script] = run(script, extra)
    results = HERE / "results"
    results.mkdir(exist_ok=True)
    (results / "summary.json").write_text(json.dumps(summary, indent=2) + "\n")
    print(json.dumps(summary, indent=2))


if __name__ == "__main__":
    main()
