"""Document-level event coding against the hand-coded TRAINING documents, for error analysis.

The development gold (``bench/eval_events.py``) is small and must not be tuned on; the 628
hand-coded training documents (``training/events/``) are where error classes are looked for.
This ingests those documents into a fresh store as ``eval_events.py`` does, scores the stored
events against the training labels (their ``trigger`` and ``mentions`` fields dropped) with the
same matching, and prints the same table and causes of the misses.

The learned detector was fitted on these documents, so its share of the figures here is
optimistic; the dev gold stays the judge of a change.

    python bench/eval_events_train.py [--limit N] [--why] [--false-positives] [--json]
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
LABELS = REPO / "training" / "events"
TEXTS = [REPO / "corpus" / "state_gov.jsonl", REPO / "corpus" / "whitehouse_gov.jsonl",
         REPO / "corpus" / "wikinews.jsonl", REPO / "training" / "texts" / "wikinews-extra.jsonl"]
GOLD_ONLY = ("trigger", "mentions")
"""Fields of the training labels the scorer does not read."""

sys.path.insert(0, str(HERE))
from eval_events import _table, as_json  # noqa: E402


def training_docs(limit: int | None = None) -> list[str]:
    """The finished training documents, in ``docs.txt`` order (the first ``limit``)."""
    docs = (LABELS / "docs.txt").read_text("utf-8").split()
    return docs[:limit] if limit else docs


def write_inputs(folder: Path, docs: list[str]) -> tuple[Path, Path, Path]:
    """Write the documents' records, their labels and a document map into ``folder``.

    Returns:
        (records JSONL, gold JSONL, document map JSON). The map lists every document, so
        that predictions in documents without a labelled event count against precision.
    """
    wanted = set(docs)
    records: dict[str, str] = {}
    for path in TEXTS:
        for line in path.read_text("utf-8").splitlines():
            if line.strip() and json.loads(line)["id"] in wanted:
                records.setdefault(json.loads(line)["id"], line)
    gold_lines = []
    for path in sorted(LABELS.glob("b*.jsonl")):
        for line in path.read_text("utf-8").splitlines():
            row = json.loads(line) if line.strip() else None
            if row is not None and row["doc"] in wanted:
                gold_lines.append(json.dumps({k: v for k, v in row.items()
                                              if k not in GOLD_ONLY}))
    inputs, gold, docmap = folder / "train.jsonl", folder / "train-gold.jsonl", \
        folder / "train-docmap.json"
    inputs.write_text("\n".join(records[d] for d in docs if d in records) + "\n", "utf-8")
    gold.write_text("\n".join(gold_lines) + "\n", "utf-8")
    docmap.write_text(json.dumps({d: json.loads(records[d])["url"] for d in docs
                                  if d in records}), "utf-8")
    return inputs, gold, docmap


def evaluate(folder: Path, limit: int | None) -> Any:
    """Ingest the training documents into a store in ``folder`` and score it."""
    import sitrep
    from sitrep.evaluate.score_events import evaluate_store

    inputs, gold, docmap = write_inputs(folder, training_docs(limit))
    with sitrep.open(folder / "train.duckdb") as ws:
        ws.ingest([inputs])
        return evaluate_store(ws.store, gold, docmap)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--limit", type=int, default=None, help="only the first N documents")
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    parser.add_argument("--why", action="store_true", help="list each miss with its cause")
    parser.add_argument("--false-positives", action="store_true",
                        help="list each coded event that matches no labelled one")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        found = evaluate(Path(tmp), args.limit)
    report = found.report
    if args.json:
        print(json.dumps(as_json(found, why=args.why), indent=2, default=str))
        return 0
    print(_table(found))
    if found.missing_docs:
        print(f"not stored (near-copies or unreadable): {len(found.missing_docs)}")
    if args.why:
        for miss in report.misses:
            g = miss.gold
            near = "; ".join(f"{p.get('type')} {p.get('actors')} {p.get('date')}"
                             for p in miss.near)
            print(f"  [{miss.cause}] {g['doc'][:40]} {g['type']} {g['actors']} "
                  f"{g.get('date')} | {g['evidence'][:100]}" + (f" || near: {near}"
                                                                if near else ""))
    if args.false_positives:
        for fp in report.false_positives:
            names = [a.get("name") if isinstance(a, dict) else a for a in fp.get("actors") or []]
            evidence = " ".join(str(e.get("sentence") or e.get("text") or "")
                                for e in fp.get("evidence") or [])
            print(f"  [false positive] {fp['doc'][:40]} {fp.get('type')} {names} "
                  f"{fp.get('date')} | {evidence[:100]}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
