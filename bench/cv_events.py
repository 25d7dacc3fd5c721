"""Document-level cross-validation of the whole coder on the hand-coded training documents.

``eval_events_train.py`` scores the coder on the documents its learned detector was fitted
on, which flatters the detector; the development gold is too small to choose settings on.
This splits the 628 training documents into K folds by document; for each fold it fits the
detector on the other folds (as ``training/train_events.py`` does, same features and C),
ingests the fold's documents into a fresh store with that detector, and scores the stored
events against the fold's labels with the reference matching. The figures summed over the
folds are what the coder does on documents its detector never saw, which is how settings
such as the detector's threshold are chosen.

    python bench/cv_events.py [--folds 5] [--thresholds 0.3,0.4] [--limit N] [--json]
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
from collections import Counter
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(REPO / "training"))

from eval_events_train import training_docs, write_inputs  # noqa: E402

Counts = dict[str, Counter[str]]
"""Scope ("all", a type, ``docs:<kind>``) -> tp, fp, fn."""


def fold_models(folds: int, limit: int | None, C: float) -> tuple[list[list[str]], list[Any]]:
    """The documents of each fold and the detector fitted without it (``Exported``)."""
    import train_events

    X, y, groups = train_events.build(REPO / "training" / "events")
    docs = training_docs(limit)
    _, ordered = train_events.load_labels(REPO / "training" / "events")
    index = {d: n for n, d in enumerate(ordered)}
    wanted = {index[d] for d in docs if d in index}
    fold_of = {n: i % folds for i, n in enumerate(sorted(wanted))}
    split: list[list[str]] = [[] for _ in range(folds)]
    for d in docs:
        if index.get(d) in fold_of:
            split[fold_of[index[d]]].append(d)
    models = []
    for k in range(folds):
        rows = [i for i, g in enumerate(groups) if g in fold_of and fold_of[g] != k]
        Xk, yk = [X[i] for i in rows], [y[i] for i in rows]
        vec, model = train_events.fit(Xk, yk, C)
        models.append(train_events.Exported.of(vec, model, Xk, yk))
        print(f"fold {k}: detector fitted on {len({groups[i] for i in rows})} documents",
              file=sys.stderr)
    return split, models


def score_fold(folder: Path, docs: list[str], model: Any, threshold: float) -> Counts:
    """Ingest one fold's documents with its detector into a store in ``folder``; count."""
    import sitrep
    from sitrep.events import detector
    from sitrep.evaluate.score_events import evaluate_store

    models = folder / "models"
    detector.save(models, "events", model.features, model.classes, model.weights, model.bias,
                  threshold, {"lemmas": model.lemmas})
    cached = detector._load
    real_load = cached.__wrapped__

    def load(directory: str, name: str) -> Any:
        return real_load(str(models) if name == "events" else directory, name)

    detector._load = load  # type: ignore[assignment]
    try:
        inputs, gold, docmap = write_inputs(folder, docs)
        with sitrep.open(folder / "fold.duckdb") as ws:
            ws.ingest([inputs])
            report = evaluate_store(ws.store, gold, docmap).report
    finally:
        detector._load = cached
        cached.cache_clear()
    counts: Counts = {}
    for scope, score in [("all", report.overall), *report.per_type.items(),
                         *((f"docs:{k}", s) for k, s in report.by_kind.items())]:
        counts[scope] = Counter(tp=score.tp, fp=score.fp, fn=score.fn)
    counts["causes"] = Counter(m.cause for m in report.misses)
    return counts


def table(counts: Counts) -> str:
    lines = [f"{'scope':<22} {'P':>6} {'R':>6} {'F1':>6} {'tp':>5} {'fp':>5} {'fn':>5}"]
    scopes = ["all"] + sorted(s for s in counts if s not in ("all", "causes"))
    for scope in scopes:
        c = counts[scope]
        p = c["tp"] / max(c["tp"] + c["fp"], 1)
        r = c["tp"] / max(c["tp"] + c["fn"], 1)
        f = 2 * p * r / max(p + r, 1e-9)
        lines.append(f"{scope:<22} {p:6.3f} {r:6.3f} {f:6.3f} {c['tp']:5d} {c['fp']:5d} "
                     f"{c['fn']:5d}")
    lines.append("missed: " + ", ".join(f"{n} {cause}"
                                        for cause, n in counts["causes"].most_common()))
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--folds", type=int, default=5)
    parser.add_argument("--thresholds", default="0.4",
                        help="comma-separated detector thresholds to score (default 0.4)")
    parser.add_argument("--C", type=float, default=1.0, help="the detector's regularisation")
    parser.add_argument("--limit", type=int, default=None, help="only the first N documents")
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    args = parser.parse_args(argv)
    split, models = fold_models(args.folds, args.limit, args.C)
    results: dict[str, Counts] = {}
    for threshold in (float(t) for t in args.thresholds.split(",")):
        total: Counts = {}
        for k, (docs, model) in enumerate(zip(split, models, strict=True)):
            with tempfile.TemporaryDirectory() as tmp:
                for scope, c in score_fold(Path(tmp), docs, model, threshold).items():
                    total.setdefault(scope, Counter()).update(c)
            print(f"threshold {threshold}: fold {k} scored", file=sys.stderr)
        results[str(threshold)] = total
        if not args.json:
            print(f"== detector threshold {threshold}, {args.folds}-fold CV by document")
            print(table(total))
    if args.json:
        print(json.dumps({t: {s: dict(c) for s, c in counts.items()}
                          for t, counts in results.items()}, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
