"""Event-coding throughput against bare spaCy, over the bundled corpus.

Parses the same texts twice in one run: once with bare spaCy (tagger, parser, NER: what the
coder needs), once end to end through ``Coder.code_many`` (parse + actors + rules + dates),
and reports articles/s, words/s, their ratio, events coded and peak memory (RSS high-water
mark from ``resource.getrusage``).

    python bench/bench_coding.py [--limit N] [--json]
"""

from __future__ import annotations

import argparse
import json
import resource
import sys
import time
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
CORPUS = REPO / "corpus"


def load_texts(limit: int | None) -> list[dict[str, Any]]:
    """Records of the repo's ``corpus/*.jsonl`` (id, text, date), at most ``limit``."""
    rows: list[dict[str, Any]] = []
    for path in sorted(CORPUS.glob("*.jsonl")):
        for line in path.read_text("utf-8").splitlines():
            if line.strip():
                rows.append(json.loads(line))
    return rows[:limit] if limit else rows


def run(limit: int | None = None, batch_size: int = 32) -> dict[str, Any]:
    """Time bare spaCy and the coder on the same texts.

    Args:
        limit: the number of corpus records to use (all by default).
        batch_size: the ``nlp.pipe`` batch size for both runs.

    Returns:
        The figures as a dict.
    """
    from datetime import date

    from sitrep.events.coder import Coder
    from sitrep.record import Article

    rows = load_texts(limit)
    coder = Coder.load()
    texts = [r["text"] for r in rows]
    words = sum(len(t.split()) for t in texts)
    for _ in coder.nlp.pipe(texts[:16], batch_size=batch_size):
        pass  # warm-up: the first batches pay for lazy initialisation
    start = time.perf_counter()
    for _ in coder.nlp.pipe(texts, batch_size=batch_size):
        pass
    bare = time.perf_counter() - start
    articles = [Article(url=r.get("url", str(i)), title=r.get("title", ""), text=r["text"],
                        origin="corpus", id=r.get("id"),
                        published=date.fromisoformat(r["date"][:10]) if r.get("date") else None)
                for i, r in enumerate(rows)]
    start = time.perf_counter()
    events = sum(len(ev) for _, ev in coder.code_many(articles, batch_size=batch_size))
    full = time.perf_counter() - start
    peak_kib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return {
        "articles": len(rows), "words": words, "events": events,
        "spacy_articles_per_s": round(len(rows) / bare, 2),
        "spacy_words_per_s": round(words / bare),
        "coder_articles_per_s": round(len(rows) / full, 2),
        "coder_words_per_s": round(words / full),
        "coder_vs_spacy": round(full / bare, 3),
        "peak_rss_mib": round(peak_kib / 1024, 1),
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--limit", type=int, default=None)
    parser.add_argument("--batch-size", type=int, default=32)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args(argv)
    if not list(CORPUS.glob("*.jsonl")):
        print(f"no corpus at {CORPUS}/*.jsonl", file=sys.stderr)
        return 2
    result = run(args.limit, args.batch_size)
    if args.json:
        print(json.dumps(result, indent=2))
    else:
        for key, value in result.items():
            print(f"{key:<22} {value}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
