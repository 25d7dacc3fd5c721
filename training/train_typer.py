"""Train the learned sentence typer (``sitrep.events.typer``).

    python training/train_typer.py [--labels DIR] [--plover FILE] [--out DIR] [--C C]

1. Sentences and their event types come from two sources:
   * the hand-coded documents of ``training/events/`` (texts in ``corpus/`` and
     ``training/texts/``): each evidence sentence has the types of the events it states;
     a sentence that is neither evidence nor restatement of any event is "no event";
   * the PLOVER gold sentences (``../shared/eval/events/PLOVER_GSR_CAMEO.txt``, CC BY-SA
     4.0, read from there), v0.5 types mapped into v0.8 as ``sitrep eval plover`` does.
2. Every sentence is parsed with the coder's spaCy pipeline, and the trigger rules are run
   on it, to build ``sitrep.events.typer.sentence_features``; its MiniLM embedding is added
   as 384 real-valued features.
3. A multinomial logistic regression is fitted on all of it (``typer``), and once per
   cross-validation fold of the PLOVER sentences without that fold (``typer-fold0`` ...),
   so that the PLOVER evaluation scores every sentence with a model that never saw it. The
   cross-validated accuracy of the typer alone is printed.

The evaluation documents (``dev-docs.txt``, ``dev-news.jsonl``) are refused if they appear
among the labels, as in ``train_events.py``.
"""

from __future__ import annotations

import argparse
import random
import sys
from collections import Counter
from pathlib import Path

import numpy as np

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "src"))
sys.path.insert(0, str(REPO / "training"))

from train_events import checked_labels  # noqa: E402

from sitrep.evaluate.plover import load_plover  # noqa: E402
from sitrep.events.detector import NONE, save  # noqa: E402
from sitrep.events.rules import load_rules  # noqa: E402
from sitrep.events.typer import (  # noqa: E402
    EMBEDDING, FOLDS, fold_of, found_in, sentence_features)
from sitrep.nlp import load_nlp  # noqa: E402
from sitrep.nlp.embed import embed  # noqa: E402

PLOVER = REPO / ".." / "shared" / "eval" / "events" / "PLOVER_GSR_CAMEO.txt"
MIN_COUNT = 2
PLOVER_WEIGHT = 30.0
"""The PLOVER sentences are few (322) and of another style (wire copy); each counts as
this many document sentences."""
NO_EVENT_SHARE = 0.05
"""The share of the documents' no-event sentences kept (a seeded sample): all of them (6,285)
would drown the 2,100 event sentences. Measured under CV on the PLOVER sentences, with the
coder: 0.739 with this and PLOVER_WEIGHT, 0.727 with every sentence and a weight of 3."""
EMBEDDING_SCALE = 3.0
"""Unit vectors have small coordinates; scaled up, one regularisation strength suits both
kinds of feature. The exported weights absorb the scale."""


def document_examples(nlp, rules, labels: Path):
    """(features, labels, text) for every sentence of the hand-coded documents."""
    events, docs, texts = checked_labels(labels)
    records = [(d, texts[d]["text"]) for d in docs if d in texts]
    for (doc_id, text), doc in zip(records, nlp.pipe(t for _, t in records), strict=True):
        types: dict[int, set[str]] = {}
        restated: set[int] = set()
        for ev in events.get(doc_id, []):
            for n, phrase in enumerate([ev["evidence"], *(ev.get("mentions") or [])]):
                at = text.find(phrase)
                span = doc.char_span(at, at + len(phrase), alignment_mode="expand") \
                    if at >= 0 else None
                for start in {t.sent.start for t in span or []}:
                    if n == 0:
                        types.setdefault(start, set()).add(ev["type"])
                    else:
                        restated.add(start)
        for sent in doc.sents:
            if sent.start in restated and sent.start not in types:
                continue  # a restatement: its types are not marked
            yield sentence_features(sent, found_in(sent, rules)), \
                sorted(types.get(sent.start, {NONE})), sent.text


def plover_examples(nlp, rules, path: Path):
    """(features, type, fold, text) for every PLOVER gold sentence."""
    gold = load_plover(path)
    for rec, doc in zip(gold, nlp.pipe(r["text"] for r in gold), strict=True):
        # a gold item is read as one span, however many sentences it has, as the evaluation
        # reads it
        feats = sentence_features(doc[:], found_in(doc, rules))
        yield feats, rec["event"], fold_of(rec["id"]), rec["text"]


def _rows(examples, vectors):
    """Feature dicts: the sentence's features, then its embedding's dimensions."""
    return [{**{f: 1.0 for f in feats}, **{f"{EMBEDDING}{d}": float(v) * EMBEDDING_SCALE
                                          for d, v in enumerate(vec)}}
            for feats, vec in zip(examples, vectors, strict=True)]


def fit(X, V, y, w, C: float):
    """A logistic regression on features ``X`` (lists of names) and embeddings ``V``."""
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression

    counts = Counter(f for feats in X for f in set(feats))
    vec = DictVectorizer()
    Xv = vec.fit_transform(_rows([[f for f in feats if counts[f] >= MIN_COUNT] for feats in X],
                                 V))
    model = LogisticRegression(C=C, max_iter=3000)
    model.fit(Xv, y, sample_weight=w)
    return vec, model


def export(vec, model, out: Path, name: str, extra: dict) -> str:
    names = [str(n) for n in vec.get_feature_names_out()]
    weights = model.coef_.T.copy()  # features x classes
    dense = np.array([n.startswith(EMBEDDING) for n in names])
    weights[dense] *= EMBEDDING_SCALE
    keep = (np.abs(weights).max(axis=1) > 1e-3) | dense
    return save(out, name, [n for n, k in zip(names, keep, strict=True) if k],
                [str(c) for c in model.classes_], weights[keep].astype(np.float16),
                model.intercept_, 0.0, extra)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--labels", type=Path, default=REPO / "training" / "events")
    ap.add_argument("--plover", type=Path, default=PLOVER)
    ap.add_argument("--out", type=Path, default=REPO / "src" / "sitrep" / "data" / "models")
    ap.add_argument("--C", type=float, default=1.0)
    ap.add_argument("--no-documents", action="store_true",
                    help="train on the PLOVER sentences alone (to measure what the documents add)")
    args = ap.parse_args()
    nlp, rules = load_nlp(), load_rules()
    sample = random.Random(0)
    docs = [] if args.no_documents else [
        (f, t, text) for f, labels, text in document_examples(nlp, rules, args.labels)
        for t in labels if t != NONE or sample.random() < NO_EVENT_SHARE]
    plover = list(plover_examples(nlp, rules, args.plover)) if args.plover.is_file() else []
    print(f"{len(docs)} document sentences ({Counter(t for _, t, _ in docs).most_common()}); "
          f"{len(plover)} PLOVER sentences")
    X, y = [f for f, _, _ in docs], [t for _, t, _ in docs]
    V = list(embed([text for *_, text in docs])) if docs else []
    PV = embed([text for *_, text in plover])
    w = [1.0] * len(docs)
    correct = 0
    for k in range(FOLDS if plover else 0):
        train = [i for i, p in enumerate(plover) if p[2] != k]
        test = [i for i, p in enumerate(plover) if p[2] == k]
        vec, model = fit(X + [plover[i][0] for i in train], V + [PV[i] for i in train],
                         y + [plover[i][1] for i in train],
                         w + [PLOVER_WEIGHT] * len(train), args.C)
        probs = model.predict_proba(vec.transform(_rows([plover[i][0] for i in test],
                                                        [PV[i] for i in test])))
        classes = list(model.classes_)
        for row, i in zip(probs, test, strict=True):
            if NONE in classes:
                row[classes.index(NONE)] = -1
            correct += classes[int(row.argmax())] == plover[i][1]
        export(vec, model, args.out, f"typer-fold{k}",
               {"trained_on": f"training/events + PLOVER sentences outside fold {k}",
                "C": args.C})
    if plover:
        print(f"typer alone, PLOVER sentences under {FOLDS}-fold CV: type accuracy "
              f"{correct / len(plover):.3f} (with the coder: sitrep eval plover)")
    vec, model = fit(X + [p[0] for p in plover], V + list(PV), y + [p[1] for p in plover],
                     w + [PLOVER_WEIGHT] * len(plover), args.C)
    version = export(vec, model, args.out, "typer",
                     {"trained_on": "training/events + all PLOVER sentences", "C": args.C})
    print(f"saved {args.out}/typer.npz, version {version}")


if __name__ == "__main__":
    main()
