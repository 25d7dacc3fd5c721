"""Where an ingest's memory goes: MB per component, in a worker and in the writer.

Each part runs in a fresh child process, so what one loads never counts for another:

  * **worker**: RSS after each thing an ingest worker loads, in the order it loads them
    (the imports of ``sitrep.parallel``, the spaCy pipeline, the knowledge base, the
    gazetteer, its city index, the rest of the coder: rules, detector, typer; the story
    embedder), then the peak while it codes and embeds the bundled corpus in chunks of 16
    through ``analyse_chunk``, as a worker does;
  * **heap**: the same loading steps under ``tracemalloc``: the Python objects each one
    keeps (the rest of its RSS is native: spaCy's and ONNX Runtime's arrays, libraries);
  * **writer**: ``sitrep ingest corpus/ --workers 2`` into a fresh store; the main
    process's RSS at each step of its run and its peak.

    python bench/profile_memory.py [--json]

RSS is the resident set (``/proc/self/statm``); peaks are ``ru_maxrss``, as
``bench/bench_ingest.py`` reports them. Results go to ``bench/results/profile_memory.json``.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
CORPUS = REPO / "corpus"
RESULTS = REPO / "bench" / "results" / "profile_memory.json"

COMMON = """
import json, os, resource, sys
def rss():
    with open("/proc/self/statm") as f:
        return int(f.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 2**20
def peak():
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
STEPS = []
def mark(name, before):
    STEPS.append({"step": name, "rss_mb": round(rss(), 1), "added_mb": round(rss() - before, 1),
                  "peak_mb": round(peak(), 1)})
    return rss()
"""

LOADS = """
def load_steps(mark):
    at = mark("python", 0.0)
    import sitrep.parallel
    at = mark("import sitrep.parallel (spaCy, onnxruntime, trafilatura...)", at)
    from sitrep.nlp.spacy_model import load_nlp
    from sitrep.settings import Settings
    load_nlp(Settings().model)
    at = mark("spaCy pipeline", at)
    from sitrep.actors.kb import KnowledgeBase
    KnowledgeBase.load(None)
    at = mark("knowledge base", at)
    from sitrep.actors.gazetteer import Gazetteer, _places
    Gazetteer.load()
    at = mark("gazetteer (states, seats, orgs, regions)", at)
    _places()
    at = mark("gazetteer city index", at)
    from sitrep.events import Coder
    spec = sitrep.parallel.CoderSpec(model=Settings().model)
    sitrep.parallel._CODERS[spec] = Coder.load(spec.model)
    at = mark("rest of the coder (rules, detector, typer)", at)
    sitrep.parallel._one_thread_embedder()
    at = mark("story embedder (MiniLM, ONNX Runtime)", at)
    return spec, at
"""

WORKER_CHILD = COMMON + LOADS + """
spec, at = load_steps(mark)
from sitrep.ingest import IngestOptions, iter_items
from sitrep.parallel import RawItem, analyse_chunk, extract_chunk
items = [i for i in iter_items([sys.argv[1]], IngestOptions())
         if isinstance(i, RawItem)]
for start in range(0, len(items), 16):
    done = extract_chunk(items[start:start + 16], None)
    analyse_chunk([d.article for d in done if d.article is not None], spec, frozenset({"en"}))
at = mark(f"coding and embedding {len(items)} items (peak)", at)
print(json.dumps(STEPS))
"""

HEAP_CHILD = COMMON + LOADS + """
import tracemalloc
tracemalloc.start()
def heap_mark(name, before):
    now = tracemalloc.get_traced_memory()[0] / 2**20
    STEPS.append({"step": name, "heap_mb": round(now - before, 1)})
    return now
load_steps(heap_mark)
print(json.dumps(STEPS))
"""

WRITER_CHILD = COMMON + """
import tempfile
import sitrep, sitrep.link as link
AT = [0.0]
def step(name):
    AT[0] = mark(name, AT[0])
def wrap(owner, name, before, after):
    fn = getattr(owner, name)
    def traced(*args, **kwargs):
        if before:
            step(before)
        out = fn(*args, **kwargs)
        step(after)
        return out
    setattr(owner, name, traced)
if __name__ == "__main__":
    wrap(link, "link_events", "extract, classify, write (workers code)", "link events")
    wrap(link, "assign_stories", "", "place stories")
    step("import sitrep")
    with tempfile.TemporaryDirectory() as tmp, sitrep.open(f"{tmp}/s.duckdb") as s:
        step("store open (DuckDB)")
        report = s.ingest([sys.argv[1]], workers=2)
        step(f"ingest done ({report.mentions} mentions)")
    print(json.dumps(STEPS))
"""


def _child(code: str) -> list[dict[str, object]]:
    done = subprocess.run([sys.executable, "-c", code, str(CORPUS)], capture_output=True,
                          text=True)
    if done.returncode:
        raise SystemExit(done.stderr)
    out = done.stdout
    steps: list[dict[str, object]] = json.loads(out.strip().splitlines()[-1])
    return steps


def profile() -> dict[str, list[dict[str, object]]]:
    """The three profiles, each from its own child process."""
    worker = _child(WORKER_CHILD)
    heap = {row["step"]: row["heap_mb"] for row in _child(HEAP_CHILD)}
    for row in worker:
        if row["step"] in heap:
            row["python_heap_mb"] = heap[row["step"]]
    return {"worker": worker, "writer": _child(WRITER_CHILD)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--json", action="store_true", help="print JSON only")
    args = parser.parse_args()
    result = profile()
    RESULTS.write_text(json.dumps(result, indent=2) + "\n")
    if args.json:
        print(json.dumps(result, indent=2))
        return
    for part, steps in result.items():
        print(f"{part}:\n{'step':<60}{'RSS MB':>8}{'added':>8}{'heap':>7}{'peak':>8}")
        for row in steps:
            heap = row.get("python_heap_mb", "")
            print(f"{row['step']:<60}{row['rss_mb']:>8}{row['added_mb']:>8}{heap:>7}"
                  f"{row['peak_mb']:>8}")


if __name__ == "__main__":
    main()
