"""Start-up cost: how long each resource takes to load, and the memory it adds.

Each resource loads in a fresh process (so nothing is cached from another), best of three:
the knowledge base, the gazetteer, the spaCy pipeline and the sentence embedder.

    python bench/bench_load.py [--json]
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys

LOADERS = {
    "knowledge base": "from sitrep.actors.kb import KnowledgeBase as X; X.load()",
    "gazetteer": "from sitrep.actors.gazetteer import Gazetteer as X; X.load()",
    "spacy pipeline": "from sitrep.nlp.spacy_model import load_nlp; load_nlp()",
    "embedder": "from sitrep.nlp.embed import Embedder; Embedder()",
}
CHILD = """
import json, resource, time
def rss():
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
before = rss()
start = time.perf_counter()
{load}
print(json.dumps({{"seconds": time.perf_counter() - start, "added_mb": rss() - before}}))
"""


def measure(load: str, repeats: int = 3) -> dict[str, float]:
    runs = [json.loads(subprocess.run([sys.executable, "-c", CHILD.format(load=load)],
                                      check=True, capture_output=True, text=True).stdout)
            for _ in range(repeats)]
    best = min(runs, key=lambda r: r["seconds"])
    return {"seconds": round(best["seconds"], 3), "added_mb": round(best["added_mb"], 1)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--json", action="store_true", help="print JSON only")
    args = parser.parse_args()
    results = {name: measure(load) for name, load in LOADERS.items()}
    if args.json:
        print(json.dumps(results, indent=2))
        return
    for name, r in results.items():
        print(f"{name:<16}{r['seconds']:>8.3f} s{r['added_mb']:>9.1f} MB")


if __name__ == "__main__":
    main()
