"""Event-coding throughput against bare spaCy, over the bundled corpus.

Parses the same texts three times in one run: with bare spaCy (the whole pipeline: tagger,
parser, NER), end to end through ``Coder.code_many`` as shipped (every component but the
parser on the whole text, the parser only on sentences that may hold an event: see
``sitrep.events.selective``), and end to end with the parser on every sentence. Reports
articles/s, words/s, the coder/spaCy time ratio (below 1: faster than bare spaCy), the share
of sentences parsed, events coded by each coder and peak memory (RSS high-water mark from
``resource.getrusage``).

    python bench/bench_coding.py [--limit N] [--repeats N] [--json]
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


def run(limit: int | None = None, batch_size: int = 32, repeats: int = 2) -> dict[str, Any]:
    """Time bare spaCy and the coder (selective and full parsing) on the same texts.

    The three runs are interleaved ``repeats`` times and the fastest of each is kept: on a
    shared machine the slowest runs measure the neighbours, not the code.

    Args:
        limit: the number of corpus records to use (all by default).
        batch_size: the ``nlp.pipe`` batch size for every run.
        repeats: rounds of the three runs.

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
    articles = [Article(url=r.get("url", str(i)), title=r.get("title", ""), text=r["text"],
                        origin="corpus", id=r.get("id"),
                        published=date.fromisoformat(r["date"][:10]) if r.get("date") else None)
                for i, r in enumerate(rows)]
    selective = coder.parser
    for _ in coder.nlp.pipe(texts[:16], batch_size=batch_size):
        pass  # warm-up: the first batches pay for lazy initialisation
    best = {"bare": float("inf"), "selective": float("inf"), "all": float("inf")}
    events = {"selective": 0, "all": 0}
    for _ in range(max(repeats, 1)):
        start = time.perf_counter()
        for _ in coder.nlp.pipe(texts, batch_size=batch_size):
            pass
        best["bare"] = min(best["bare"], time.perf_counter() - start)
        for name, parser in (("selective", selective), ("all", None)):
            coder.parser = parser
            start = time.perf_counter()
            events[name] = sum(len(ev) for _, ev in coder.code_many(articles, batch_size))
            best[name] = min(best[name], time.perf_counter() - start)
    coder.parser = selective
    peak_kib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    parsed = round(selective.parsed / selective.sentences, 3) if selective else 1.0
    bare, full, everything = best["bare"], best["selective"], best["all"]
    return {
        "articles": len(rows), "words": words, "events": events["selective"],
        "spacy_articles_per_s": round(len(rows) / bare, 2),
        "spacy_words_per_s": round(words / bare),
        "coder_articles_per_s": round(len(rows) / full, 2),
        "coder_words_per_s": round(words / full),
        "coder_vs_spacy": round(full / bare, 3),
        "sentences_parsed": parsed,
        "coder_parse_all_words_per_s": round(words / everything),
        "coder_parse_all_vs_spacy": round(everything / bare, 3),
        "events_parse_all": events["all"],
        "peak_rss_mib": round(peak_kib / 1024, 1),
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--limit", type=int, default=None)
    parser.add_argument("--batch-size", type=int, default=32)
    parser.add_argument("--repeats", type=int, default=2)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args(argv)
    if not list(CORPUS.glob("*.jsonl")):
        print(f"no corpus at {CORPUS}/*.jsonl", file=sys.stderr)
        return 2
    result = run(args.limit, args.batch_size, args.repeats)
    if args.json:
        print(json.dumps(result, indent=2))
    else:
        for key, value in result.items():
            print(f"{key:<22} {value}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
