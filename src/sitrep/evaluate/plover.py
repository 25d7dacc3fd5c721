"""Event-type and actor accuracy on PLOVER gold-standard sentences.

Codes each sentence of a PLOVER gold file (``eval/events/PLOVER_GSR_CAMEO.txt``: 322
sentences with PLOVER v0.5 gold) as a one-sentence article, takes the coder's best event for
the sentence (the most confident event that happened, else the most confident of any
modality), and reports:

* event type accuracy of the coder (a sentence with no event counts as wrong). The coder
  reads the sentence with ``one_party`` on: the type is scored, not the participants, so an
  event whose second party it did not find still counts;
* the same with the learned sentence typer (``sitrep.events.typer``) typing the sentences the
  coder finds no event in, each by the typer trained without the sentence's fold
  (cross-validation: no sentence is typed by a model that saw it, nor by one whose training
  setting was chosen on it: ``training/train_typer.py`` chooses it on the other folds);
* per-type precision, recall and F1, treating each sentence as one classification;
* source and target country-code accuracy over sentences whose type is right and whose gold
  names a source (target).

v0.5 types are mapped into v0.8: DEMAND->REQUEST, DISAPPROVE->ACCUSE, INVESTIGATE->ACCUSE,
FIGHT->ASSAULT.
"""

from __future__ import annotations

import json
from collections import Counter
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sitrep.errors import CodingError
from sitrep.events.typer import FOLDS, SentenceTyper, fold_of, found_in
from sitrep.record import Article, Event

if TYPE_CHECKING:
    from sitrep.events import Coder

V05_TO_V08 = {"DEMAND": "REQUEST", "DISAPPROVE": "ACCUSE", "INVESTIGATE": "ACCUSE",
              "FIGHT": "ASSAULT"}


def load_plover(path: Path) -> list[dict[str, Any]]:
    """The gold records with a sentence, types mapped to PLOVER v0.8."""
    try:
        records = json.loads(path.read_text("utf-8"))
    except (OSError, json.JSONDecodeError) as exc:
        raise CodingError("E404", str(exc), item=str(path)) from None
    out = []
    for rec in records:
        if rec.get("event") in (None, "DOCUMENT") or not rec.get("text"):
            continue
        out.append({**rec, "event": V05_TO_V08.get(rec["event"], rec["event"])})
    return out


def _codes(actors: Any) -> set[str]:
    if not isinstance(actors, list):
        return set()
    return {a.get("code", "") for a in actors if isinstance(a, dict) and a.get("code")}


def _best(events: list[Event]) -> Event | None:
    happened = [e for e in events if e.modality in ("asserted", "future")]
    pool = happened or events
    return max(pool, key=lambda e: e.confidence) if pool else None


def evaluate_plover(path: Path, coder: Coder) -> dict[str, Any]:
    """Code every gold sentence and score the result.

    Args:
        path: the PLOVER gold file (a JSON array).
        coder: a loaded ``sitrep.events.Coder``.

    Returns:
        ``{"sentences", "type_accuracy", "per_type": {T: {precision, recall, f1, support}},
        "source_accuracy", "target_accuracy", "coded", "with_typer": {"type_accuracy",
        "per_type", "typed"}}`` (``with_typer`` is None when the package has no fold typers).
    """
    gold = load_plover(path)
    predicted = coder_events(gold, coder)
    types = [e.type if e is not None else None for e in predicted]
    result = _score(gold, types)
    result.update(_actor_accuracy(gold, predicted))
    result["coded"] = sum(e is not None for e in predicted)
    result["with_typer"] = _with_typer(gold, types, coder)
    return result


def coder_events(gold: list[dict[str, Any]], coder: Coder) -> list[Event | None]:
    """The coder's best event for each gold sentence (None: it found none), each sentence
    coded as a one-sentence article with ``one_party`` on.

    Args:
        gold: records of ``load_plover``.
        coder: a loaded ``sitrep.events.Coder``.
    """
    articles = []
    for i, rec in enumerate(gold):
        try:
            day = date.fromisoformat(rec.get("date") or "2000-01-01")
        except ValueError:
            day = date(2000, 1, 1)
        articles.append(Article(url=f"plover://{i}", title="", text=rec["text"],
                                origin=rec["id"], published=day, id=rec["id"]))
    one_party, coder.one_party = coder.one_party, True
    try:
        return [_best(events) for _, events in coder.code_many(articles)]
    finally:
        coder.one_party = one_party


def _with_typer(gold: list[dict[str, Any]], types: list[str | None], coder: Coder
                ) -> dict[str, Any] | None:
    """The coder's types, and the fold typers' for the sentences it found no event in."""
    typers = [SentenceTyper.load(fold=k) for k in range(FOLDS)]
    if any(t is None for t in typers):
        return None
    combined = list(types)
    todo = [i for i, t in enumerate(types) if t is None]
    docs = list(coder.nlp.pipe(gold[i]["text"] for i in todo))
    for i, doc in zip(todo, docs, strict=True):
        typer = typers[fold_of(gold[i]["id"])]
        assert typer is not None
        combined[i] = typer.types([doc[:]], [found_in(doc, coder.rules)])[0].best
    scored = _score(gold, combined)
    return {"type_accuracy": scored["type_accuracy"], "per_type": scored["per_type"],
            "typed": len(todo)}


def _score(gold: list[dict[str, Any]], types: list[str | None]) -> dict[str, Any]:
    """Type accuracy and per-type precision, recall and F1 of one type per sentence."""
    tp: Counter[str] = Counter()
    fp: Counter[str] = Counter()
    fn: Counter[str] = Counter()
    support: Counter[str] = Counter()
    for rec, got in zip(gold, types, strict=True):
        want = rec["event"]
        support[want] += 1
        if got == want:
            tp[want] += 1
        else:
            fn[want] += 1
            if got is not None:
                fp[got] += 1
    per_type = {}
    for etype in sorted(set(support) | set(fp)):
        p = tp[etype] / (tp[etype] + fp[etype]) if tp[etype] + fp[etype] else 0.0
        r = tp[etype] / (tp[etype] + fn[etype]) if tp[etype] + fn[etype] else 0.0
        f1 = 2 * p * r / (p + r) if p + r else 0.0
        per_type[etype] = {"precision": round(p, 3), "recall": round(r, 3), "f1": round(f1, 3),
                           "support": support[etype]}
    return {"sentences": len(gold),
            "type_accuracy": round(sum(tp.values()) / len(gold), 4) if gold else 0.0,
            "per_type": per_type}


def _actor_accuracy(gold: list[dict[str, Any]], predicted: list[Event | None]
                    ) -> dict[str, float]:
    """Source and target country accuracy over the sentences typed right whose gold names
    a source (target)."""
    src_ok = src_n = tgt_ok = tgt_n = 0
    for rec, event in zip(gold, predicted, strict=True):
        if event is None or event.type != rec["event"]:
            continue
        src_codes, tgt_codes = _codes(rec.get("source")), _codes(rec.get("target"))
        if src_codes:
            src_n += 1
            src_ok += bool(event.source and event.source.country in src_codes) or \
                (event.source is None and any(a.country in src_codes for a in event.actors))
        if tgt_codes:
            tgt_n += 1
            tgt_ok += bool(event.target and event.target.country in tgt_codes)
    return {"source_accuracy": round(src_ok / src_n, 4) if src_n else 0.0,
            "target_accuracy": round(tgt_ok / tgt_n, 4) if tgt_n else 0.0}
