"""Event-type and actor accuracy on the PLOVER gold-standard sentences (a CLI over
``sitrep.evaluate.plover``; ``sitrep eval plover FILE`` prints the same figures).

Codes each sentence of ``eval/events/PLOVER_GSR_CAMEO.txt`` (322 sentences with PLOVER v0.5
gold) as a one-sentence article, takes the coder's best event for the sentence (the most
confident event that happened, else the most confident of any modality), and reports:

* event type accuracy (a sentence with no event counts as wrong), of the coder alone and with
  the learned sentence typer on the sentences the coder left (5-fold cross-validation, each
  fold model's training setting chosen on the other folds);
* per-type precision, recall and F1, treating each sentence as one classification;
* source and target country-code accuracy over sentences whose type is right and whose gold
  names a source (target).

v0.5 types are mapped into v0.8: DEMAND->REQUEST, DISAPPROVE->ACCUSE, INVESTIGATE->ACCUSE,
FIGHT->ASSAULT.

    python bench/eval_plover.py [--gold PATH] [--json]
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from sitrep.evaluate.plover import evaluate_plover

REPO = Path(__file__).resolve().parents[1]
DEFAULT_GOLD = REPO / ".." / "shared" / "eval" / "events" / "PLOVER_GSR_CAMEO.txt"


def _table(result: dict[str, Any]) -> str:
    lines = [f"{'type':<10} {'P':>6} {'R':>6} {'F1':>6} {'n':>4}"]
    for etype, row in result["per_type"].items():
        lines.append(f"{etype:<10} {row['precision']:>6.3f} {row['recall']:>6.3f} "
                     f"{row['f1']:>6.3f} {row['support']:>4}")
    lines.append(f"sentences {result['sentences']}, coded {result['coded']}, "
                 f"type accuracy {result['type_accuracy']:.3f}, "
                 f"source country {result['source_accuracy']:.3f}, "
                 f"target country {result['target_accuracy']:.3f}")
    typed = result.get("with_typer")
    if typed:
        lines.append(f"with the sentence typer (5-fold CV) on {typed['typed']} sentences: "
                     f"type accuracy {typed['type_accuracy']:.3f}")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--gold", type=Path, default=DEFAULT_GOLD)
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    args = parser.parse_args(argv)
    if not args.gold.exists():
        print(f"gold file not found: {args.gold}", file=sys.stderr)
        return 2
    from sitrep.events.coder import Coder

    result = evaluate_plover(args.gold, Coder.load())
    print(json.dumps(result, indent=2) if args.json else _table(result))
    return 0


if __name__ == "__main__":
    sys.exit(main())
