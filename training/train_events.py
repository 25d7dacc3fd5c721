"""Train the learned event detector (``sitrep.events.detector``) from hand-coded documents.

    python training/train_events.py [--labels DIR] [--out DIR] [--cv K]

1. Read the hand-coded events (``training/events/*.jsonl``, GUIDELINES format plus the
   ``trigger`` words and the ``mentions`` that restate each event) and the list of finished
   documents (``training/events/docs.txt``); the texts come from ``corpus/`` and
   ``training/texts/``.
2. Parse every document with the coder's spaCy pipeline. Each candidate word of a sentence
   gets a label: the type of the event whose trigger it is part of, else NONE. Sentences
   that only restate an event (``mentions``) are left out: their trigger is not marked.
3. Fit a multinomial logistic regression on the words' features
   (``sitrep.events.detector.token_features``), report cross-validated figures by document
   (``--cv``), and save the weights to ``src/sitrep/data/models/``.

The evaluation documents (``../shared/eval/events/dev-docs.txt``, ``dev-news.jsonl``) are
refused if they appear among the labels.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

import numpy as np

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "src"))

from sitrep.events.detector import NONE, is_candidate, save, token_features  # noqa: E402
from sitrep.nlp import load_nlp  # noqa: E402

TEXTS = [REPO / "corpus" / "state_gov.jsonl", REPO / "corpus" / "whitehouse_gov.jsonl",
         REPO / "corpus" / "wikinews.jsonl", REPO / "training" / "texts" / "wikinews-extra.jsonl"]
FORBIDDEN = REPO / ".." / "shared" / "eval" / "events" / "dev-docs.txt"


def load_labels(folder: Path) -> tuple[dict[str, list[dict]], list[str]]:
    """Events by document, and the finished documents in file order."""
    events: dict[str, list[dict]] = {}
    for path in sorted(folder.glob("*.jsonl")):
        for line in path.read_text("utf-8").splitlines():
            if line.strip():
                row = json.loads(line)
                events.setdefault(row["doc"], []).append(row)
    docs: list[str] = []
    for path in sorted(folder.glob("*.done")) + sorted(folder.glob("docs.txt")):
        docs += [d for d in path.read_text("utf-8").split() if d not in docs]
    return events, docs


def load_texts() -> dict[str, dict]:
    out = {}
    for path in TEXTS:
        if path.is_file():
            for line in path.read_text("utf-8").splitlines():
                row = json.loads(line)
                out[row["id"]] = row
    return out


def _span(text: str, needle: str, start: int = 0) -> tuple[int, int] | None:
    at = text.find(needle, start)
    return (at, at + len(needle)) if at >= 0 else None


def _heads(span):
    """The words of a trigger phrase that carry it: candidates whose head lies outside the
    phrase ("expressed" in "expressed deep concern"), else every candidate."""
    inside = {t.i for t in span}
    roots = [t for t in span if is_candidate(t) and t.head.i not in inside or t.head.i == t.i]
    roots = [t for t in roots if is_candidate(t)]
    return roots or [t for t in span if is_candidate(t)]


def examples(nlp, text: str, events: list[dict]):
    """(features, label, sentence id) for every candidate word of one document."""
    doc = nlp(text)
    trig_types: dict[int, str] = {}
    restated: set[int] = set()
    for ev in events:
        ev_span = _span(text, ev["evidence"])
        if ev_span is None:
            continue
        tr = _span(text, ev["trigger"], ev_span[0])
        if tr is None or tr[1] > ev_span[1]:
            continue
        span = doc.char_span(tr[0], tr[1], alignment_mode="expand")
        for tok in _heads(span) if span is not None else []:
            trig_types.setdefault(tok.i, ev["type"])
        for mention in ev.get("mentions") or []:
            m = _span(text, mention)
            if m is not None:
                span = doc.char_span(m[0], m[1], alignment_mode="expand")
                restated.update(t.sent.start for t in span or [])
    for sent in doc.sents:
        has_trigger = any(sent.start <= i < sent.end for i in trig_types)
        if sent.start in restated and not has_trigger:
            continue
        for tok in sent:
            if is_candidate(tok):
                yield token_features(tok), trig_types.get(tok.i, NONE)


def checked_labels(labels: Path) -> tuple[dict[str, list[dict]], list[str], dict[str, dict]]:
    """Events by document, the finished documents and the texts; refuses to go on when an
    evaluation document is among the labels."""
    events, docs = load_labels(labels)
    forbidden = set(FORBIDDEN.read_text().split()) if FORBIDDEN.is_file() else set()
    clash = forbidden & (set(docs) | set(events))
    if clash:
        raise SystemExit(f"evaluation documents among the labels: {sorted(clash)[:3]}")
    return events, docs, load_texts()


def build(labels: Path):
    events, docs, texts = checked_labels(labels)
    nlp = load_nlp()
    X, y, groups = [], [], []
    for n, doc_id in enumerate(docs):
        record = texts.get(doc_id)
        if record is None:
            print(f"no text for {doc_id}", file=sys.stderr)
            continue
        for feats, label in examples(nlp, record["text"], events.get(doc_id, [])):
            X.append(feats)
            y.append(label)
            groups.append(n)
    return X, y, groups


MIN_COUNT = 3
"""Features seen fewer times than this are dropped: they cannot generalise, and they would
make the shipped model several times larger."""


def fit(X, y, C: float):
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression

    counts = Counter(f for feats in X for f in set(feats))
    vec = DictVectorizer()
    Xv = vec.fit_transform([{f: 1 for f in feats if counts[f] >= MIN_COUNT} for feats in X])
    model = LogisticRegression(C=C, max_iter=2000)
    model.fit(Xv, y)
    return vec, model


@dataclass
class Exported:
    """A fitted detector as ``sitrep.events.detector.save`` writes it."""

    features: list[str]
    classes: list[str]
    weights: np.ndarray
    """Features x classes; features no class weighs are dropped."""
    bias: np.ndarray
    lemmas: list[str]
    """Lemmas of the trigger words it was fitted on (the selective parser's vocabulary)."""

    @classmethod
    def of(cls, vec, model, X, y) -> Exported:
        weights = model.coef_.T  # features x classes
        keep = np.abs(weights).max(axis=1) > 1e-4
        names = vec.get_feature_names_out()
        return cls([str(n) for n, k in zip(names, keep, strict=True) if k],
                   [str(c) for c in model.classes_], weights[keep], model.intercept_,
                   sorted({f[2:] for feats, label in zip(X, y, strict=True) if label != NONE
                           for f in feats if f.startswith("l=")}))


def cross_validate(X, y, groups, C: float, k: int, threshold: float) -> None:
    """Trigger-word precision and recall by document folds, at several thresholds."""
    from sklearn.model_selection import GroupKFold

    idx = np.arange(len(y))
    rows = []
    for train, test in GroupKFold(n_splits=k).split(idx, y, groups):
        vec, model = fit([X[i] for i in train], [y[i] for i in train], C)
        probs = model.predict_proba(vec.transform([{f: 1 for f in X[i]} for i in test]))
        classes = list(model.classes_)
        none = classes.index(NONE)
        for row, i in zip(probs, test, strict=True):
            event = row.copy()
            event[none] = -1
            best = int(event.argmax())
            rows.append((classes[best], float(event[best]), y[i]))
    for cut in (0.2, 0.3, 0.4, 0.5, 0.6):
        tp = sum(1 for p, s, g in rows if s >= cut and p == g)
        npred = sum(1 for p, s, g in rows if s >= cut)
        ngold = sum(1 for *_, g in rows if g != NONE)
        prec, rec = tp / max(npred, 1), tp / max(ngold, 1)
        print(f"cv trigger words at {cut}: P={prec:.3f} R={rec:.3f} "
              f"F1={2 * prec * rec / max(prec + rec, 1e-9):.3f}")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--labels", type=Path, default=REPO / "training" / "events")
    ap.add_argument("--out", type=Path, default=REPO / "src" / "sitrep" / "data" / "models")
    ap.add_argument("--cv", type=int, default=0)
    ap.add_argument("--C", type=float, default=1.0)
    ap.add_argument("--threshold", type=float, default=0.4,
                    help="probability a word needs to be a trigger (0.25 to 0.5 score alike "
                         "under document-level CV: bench/cv_events.py)")
    args = ap.parse_args()
    X, y, groups = build(args.labels)
    print(f"{len(y)} candidate words, {sum(label != NONE for label in y)} triggers, "
          f"{len(set(groups))} documents; {Counter(lb for lb in y if lb != NONE).most_common()}")
    if args.cv:
        cross_validate(X, y, groups, args.C, args.cv, args.threshold)
    vec, model = fit(X, y, args.C)
    exported = Exported.of(vec, model, X, y)
    version = save(args.out, "events", exported.features, exported.classes,
                   exported.weights.astype(np.float16), exported.bias, args.threshold,
                   {"trained_on": f"{len(set(groups))} documents", "C": args.C,
                    "lemmas": exported.lemmas})
    print(f"saved {args.out}/events.npz ({len(exported.features)} features), "
          f"version {version}")

if __name__ == "__main__":
    main()
