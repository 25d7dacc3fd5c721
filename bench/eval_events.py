"""Document-level event coding against the hand-coded development gold (``sitrep eval events``).

Ingests the gold's documents into a fresh store, as a user would (the corpus records listed in
``eval/events/dev-docs.txt`` and the news articles of ``dev-news.jsonl``), codes and links
them, and scores the stored events with the reference scorer's matching: overall, per type,
per kind of document, and the causes of the misses. With ``--reference`` it also runs the
evaluation set's own ``score_events.py`` on the exported events and checks the two agree.

    python bench/eval_events.py [--json] [--why] [--reference] [--gold PATH]
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
EVENTS = HERE.parent.parent / "shared" / "eval" / "events"
CORPUS = HERE.parent.parent / "shared" / "corpus"


def dev_inputs(folder: Path, events: Path = EVENTS, corpus: Path = CORPUS) -> list[Path]:
    """Write the gold's corpus documents to a JSONL file in ``folder``; return the inputs."""
    wanted = set((events / "dev-docs.txt").read_text("utf-8").split())
    records = [line for path in sorted(corpus.glob("*.jsonl"))
               for line in path.read_text("utf-8").splitlines()
               if line.strip() and json.loads(line)["id"] in wanted]
    docs = folder / "dev-corpus.jsonl"
    docs.write_text("\n".join(records) + "\n", "utf-8")
    return [docs, events / "dev-news.jsonl"]


def evaluate(gold: Path, folder: Path) -> tuple[Any, Path]:
    """Ingest the gold's documents into a store in ``folder`` and score it."""
    import sitrep
    from sitrep.evaluate.score_events import evaluate_store

    db = folder / "dev.duckdb"
    with sitrep.open(db) as ws:
        ws.ingest(dev_inputs(folder, gold.parent))
        found = evaluate_store(ws.store, gold)
    return found, db


def reference(gold: Path, db: Path, folder: Path) -> str:
    """The reference scorer's last line on the events ``sitrep events`` exports."""
    import sitrep

    exported = folder / "events.jsonl"
    with sitrep.open(db) as ws, exported.open("w", encoding="utf-8") as fh:
        for event in ws.events(modality="asserted"):
            fh.write(json.dumps(event, default=str) + "\n")
    done = subprocess.run([sys.executable, str(gold.parent / "score_events.py"), str(gold),
                           str(exported), str(gold.parent / "dev-docmap.json")],
                          capture_output=True, text=True, check=True)
    return done.stdout.strip().splitlines()[-1]


def as_json(found: Any, *, why: bool) -> dict[str, Any]:
    """The scores as a dict, with the summary line; each miss and false positive only
    with ``why``."""
    out: dict[str, Any] = found.report.as_dict()
    if not why:
        out.pop("missed")
        out.pop("false_positives")
    out["summary"] = found.report.summary()
    return out


def _table(found: Any) -> str:
    lines = [f"{'scope':<22} {'P':>6} {'R':>6} {'F1':>6} {'tp':>4} {'fp':>4} {'fn':>4}"]
    for row in found.rows():
        lines.append(f"{row['scope']:<22} {row['precision']:>6.3f} {row['recall']:>6.3f} "
                     f"{row['f1']:>6.3f} {row['tp']:>4} {row['fp']:>4} {row['fn']:>4}")
    causes = ", ".join(f"{n} {c}" for c, n in found.report.causes().most_common())
    lines.append(f"missed: {causes}")
    lines.append(found.report.mode_line())
    lines.append(found.report.summary())
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--gold", type=Path, default=EVENTS / "dev-gold.jsonl")
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    parser.add_argument("--why", action="store_true", help="list each miss with its cause")
    parser.add_argument("--reference", action="store_true",
                        help="also run the evaluation set's score_events.py and compare")
    args = parser.parse_args(argv)
    if not args.gold.exists():
        print(f"gold file not found: {args.gold}", file=sys.stderr)
        return 2
    with tempfile.TemporaryDirectory() as tmp:
        found, db = evaluate(args.gold, Path(tmp))
        ref = reference(args.gold, db, Path(tmp)) if args.reference else None
    report = found.report
    if args.json:
        out = as_json(found, why=args.why)
        if ref is not None:
            out["reference"] = ref
        print(json.dumps(out, indent=2, default=str))
    else:
        print(_table(found))
        if args.why:
            for miss in report.misses:
                g = miss.gold
                print(f"  [{miss.cause}] {g['doc'][:40]} {g['type']} {g['actors']} "
                      f"{g.get('date')}")
        if ref is not None:
            print(f"reference: {ref}")
    if ref is not None and ref != report.summary():
        print("the reference scorer disagrees", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
