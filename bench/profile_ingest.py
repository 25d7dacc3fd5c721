"""Where one ingest of the bundled corpus spends its time: a cProfile breakdown by stage.

One in-process ingest (``workers=1``) into a fresh store, coded or not, profiled; the
cumulative time of each stage's entry point is printed and written to
``bench/results/profile_ingest.json``, with the 25 most expensive functions.

    python bench/profile_ingest.py [--no-code]
"""

from __future__ import annotations

import argparse
import cProfile
import io
import json
import pstats
import tempfile
import time
from pathlib import Path

import sitrep

REPO = Path(__file__).resolve().parents[1]
STAGES = {
    "read (iter_items)": ("sitrep/ingest/inputs.py", "iter_items"),
    "extract (extract_chunk)": ("sitrep/parallel.py", "extract_chunk"),
    "classify (dedup vs store)": ("sitrep/store/db.py", "classify"),
    "code (Coder.code_many)": ("sitrep/events/coder.py", "code_many"),
    "spaCy (Language.pipe)": ("spacy/language.py", "pipe"),
    "write (one transaction each)": ("sitrep/pipeline.py", "_write"),
    "link events (link_events)": ("sitrep/link/events.py", "link_events"),
    "stories (assign_stories)": ("sitrep/link/stories.py", "assign_stories"),
    "embeddings (embed)": ("sitrep/nlp/embed.py", "embed"),
}


def stage_times(stats: pstats.Stats) -> dict[str, float]:
    """Cumulative seconds of each stage's entry point (0 if it never ran)."""
    found = dict.fromkeys(STAGES, 0.0)
    for (path, _, name), row in stats.stats.items():  # type: ignore[attr-defined]
        for stage, (suffix, func) in STAGES.items():
            if name == func and path.endswith(suffix):
                found[stage] = max(found[stage], round(row[3], 2))
    return found


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--no-code", action="store_true", help="ingest without event coding")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp, sitrep.open(f"{tmp}/p.duckdb") as s:
        if not args.no_code:
            _ = s.coder  # loading spaCy is not part of the ingest's per-article cost
        profile = cProfile.Profile()
        t0 = time.perf_counter()
        profile.enable()
        report = s.ingest([str(REPO / "corpus")], code=not args.no_code, workers=1)
        profile.disable()
        seconds = time.perf_counter() - t0
    stats = pstats.Stats(profile)
    out = io.StringIO()
    pstats.Stats(profile, stream=out).sort_stats("cumulative").print_stats(25)
    result = {"coded": not args.no_code, "articles": report.new + report.duplicate,
              "seconds": round(seconds, 1), "stages_cumulative_s": stage_times(stats),
              "top25": out.getvalue().splitlines()[:60]}
    name = "profile_ingest_nocode.json" if args.no_code else "profile_ingest.json"
    (REPO / "bench" / "results" / name).write_text(json.dumps(result, indent=1) + "\n")
    print(f"{result['articles']} articles in {result['seconds']} s (profiled)")
    for stage, secs in result["stages_cumulative_s"].items():
        print(f"  {stage:<32}{secs:>8.1f} s  {100 * secs / seconds:5.1f}%")


if __name__ == "__main__":
    main()
