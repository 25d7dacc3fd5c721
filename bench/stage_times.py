"""Wall and CPU seconds of each ingest stage, without a profiler's overhead.

One in-process ingest (``workers=1``) of the bundled corpus into a fresh store, models loaded
beforehand; each stage's entry point is wrapped with a timer. With ``workers=1`` the story
embeddings run on a side thread, so their wall time overlaps the coder's and the writer's
(the stages' wall times add up to more than the total). Results go to
``bench/results/stage_times.json``.

    python bench/stage_times.py
"""

from __future__ import annotations

import functools
import json
import os
import tempfile
import time
from collections import defaultdict
from collections.abc import Callable
from pathlib import Path
from typing import Any

import sitrep
import sitrep.link as link
import sitrep.parallel as parallel
import sitrep.pipeline as pipeline
from sitrep.events.coder import Coder
from sitrep.events.selective import SelectiveParser
from sitrep.nlp.embed import Embedder
from sitrep.store.db import Store

REPO = Path(__file__).resolve().parents[1]
RESULTS = REPO / "bench" / "results" / "stage_times.json"
TIMES: dict[str, list[float]] = defaultdict(lambda: [0.0, 0.0, 0])


def _wrap(owner: Any, name: str, label: str) -> None:
    fn: Callable[..., Any] = getattr(owner, name)

    @functools.wraps(fn)
    def timed(*args: Any, **kwargs: Any) -> Any:
        wall, cpu = time.perf_counter(), time.thread_time()
        try:
            return fn(*args, **kwargs)
        finally:
            row = TIMES[label]
            row[0] += time.perf_counter() - wall
            row[1] += time.thread_time() - cpu  # this thread's CPU: no double counting
            row[2] += 1

    setattr(owner, name, timed)


def main() -> None:
    _wrap(parallel, "extract_chunk", "extract + band keys")
    _wrap(parallel, "code_articles", "code (spaCy + rules)")
    _wrap(SelectiveParser, "_parse", "  of which: parser, selected sentences")
    _wrap(Coder, "code_doc", "  of which: rules (code_doc)")
    _wrap(Embedder, "embed", "story embeddings (side thread)")
    _wrap(Store, "classify", "classify (before NLP and in the write)")
    _wrap(pipeline, "_write", "write (one transaction per article)")
    _wrap(link, "link_events", "link events")
    _wrap(link, "assign_stories", "place stories")
    with tempfile.TemporaryDirectory() as tmp, sitrep.open(f"{tmp}/p.duckdb") as s:
        _ = s.coder
        parallel._one_thread_embedder().embed(["warm up"])
        wall, cpu = time.perf_counter(), time.process_time()
        report = s.ingest([str(REPO / "corpus")], workers=1)
        wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
    result = {"articles": report.new, "wall_s": round(wall, 1), "cpu_s": round(cpu, 1),
              "load_average": [round(x, 2) for x in os.getloadavg()],
              "stages": {k: {"wall_s": round(v[0], 2), "thread_cpu_s": round(v[1], 2),
                             "calls": int(v[2])} for k, v in TIMES.items()}}
    RESULTS.write_text(json.dumps(result, indent=1) + "\n")
    print(f"{report.new} articles: {wall:.1f} s wall, {cpu:.1f} s CPU (all threads)")
    for stage, row in result["stages"].items():
        print(f"  {stage:<42}{row['wall_s']:>7.1f} s wall {row['thread_cpu_s']:>7.1f} s CPU")


if __name__ == "__main__":
    main()
