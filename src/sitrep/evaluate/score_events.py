"""Scoring coded events against hand-coded gold events.

The rule (``eval/README.md`` of the evaluation sets): a predicted event matches a gold event
when the type is the same, the sets of participants are the same after resolving names to
canonical actors, and the dates agree at the precision of the gold date (a gold ``2021-11``
matches any day of November 2021; a gold event without a date matches any date). Within a
document, each gold event is matched at most once.

What counts as predicted: events that happened, i.e. modality ``asserted`` or ``future``
(a planned meeting is coded AGREE, which did happen); negated and hypothetical events never
count. Events marked as repeating another of the same article (``+dup`` rule suffix) are
mentions of one event and are left out, as linking merges them. Gold lines marked
``"negative": true`` are events the text denies: a counted prediction matching one is a false
positive (and is listed in ``negatives_emitted``).

Participants: the seeds' gold codes "A met with B and C" as two pairwise meetings, and the
coder emits the same; sets are compared exactly.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from sitrep.actors.gazetteer import Gazetteer
from sitrep.actors.kb import KnowledgeBase, normalise
from sitrep.errors import CodingError
from sitrep.record import Event
from sitrep.store import Store
from sitrep.store.reports import reports_of_articles

COUNTED = frozenset({"asserted", "future"})


@dataclass
class Score:
    """True positives, false positives and false negatives, with the derived figures."""

    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def as_dict(self) -> dict[str, float | int]:
        return {"tp": self.tp, "fp": self.fp, "fn": self.fn, "precision": round(self.precision, 4),
                "recall": round(self.recall, 4), "f1": round(self.f1, 4)}


@dataclass
class EvalReport:
    """Scores overall, per event type and for CONSULT alone, with the mismatches listed."""

    overall: Score = field(default_factory=Score)
    per_type: dict[str, Score] = field(default_factory=dict)
    matched: list[tuple[dict[str, Any], dict[str, Any]]] = field(default_factory=list)
    """(predicted, gold) pairs, both as plain dicts."""
    missed: list[dict[str, Any]] = field(default_factory=list)
    false_positives: list[dict[str, Any]] = field(default_factory=list)
    negatives_emitted: list[dict[str, Any]] = field(default_factory=list)
    skipped: int = 0
    """Predictions not counted: negated, hypothetical, or marked duplicates."""

    @property
    def consult(self) -> Score:
        """The CONSULT scores alone."""
        return self.per_type.get("CONSULT", Score())

    def rows(self) -> list[dict[str, Any]]:
        """One row per scope (``all``, ``CONSULT``, each type) for table output."""
        scopes = [("all", self.overall)] + sorted(self.per_type.items())
        return [{"scope": name, **score.as_dict()} for name, score in scopes]

    def as_dict(self) -> dict[str, Any]:
        """The report as JSON-ready data."""
        return {"overall": self.overall.as_dict(), "consult": self.consult.as_dict(),
                "per_type": {k: v.as_dict() for k, v in sorted(self.per_type.items())},
                "missed": self.missed, "false_positives": self.false_positives,
                "negatives_emitted": self.negatives_emitted, "skipped": self.skipped}


def load_gold(path: Path) -> list[dict[str, Any]]:
    """Read a gold events file (JSONL, the format of ``seeds/expected-events.jsonl``).

    Args:
        path: the file; each line has ``type`` and ``actors``, optionally ``doc``, ``date``
            (``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``), ``mode``, ``source``, ``target``,
            ``location``, ``negative``.

    Returns:
        The gold events as dicts.

    Raises:
        CodingError: E404 when a line is not JSON or lacks ``type`` or ``actors``.
    """
    gold = []
    for number, line in enumerate(path.read_text("utf-8").splitlines(), 1):
        if not line.strip():
            continue
        try:
            row = json.loads(line)
        except json.JSONDecodeError as exc:
            raise CodingError("E404", f"line {number}: {exc}", item=str(path)) from exc
        if not isinstance(row, dict) or "type" not in row or "actors" not in row:
            raise CodingError("E404", f"line {number}: needs 'type' and 'actors'",
                              item=str(path))
        gold.append(row)
    return gold


def match_events(predicted: Sequence[Event | dict[str, Any]], gold: Sequence[dict[str, Any]],
                 resolve: Callable[[str], str]) -> EvalReport:
    """Score predicted events against gold events.

    Args:
        predicted: coded events, or dicts with ``type``, ``actors`` (names), ``date``
            (ISO string or date), and optionally ``doc``, ``modality``, ``rule``.
        gold: gold events as read by ``load_gold``.
        resolve: maps an actor name (gold or predicted canonical name) to a canonical key,
            so that "Amirabdollahian" and "Hossein Amir-Abdollahian" compare equal.

    Returns:
        The report; see the module docstring for the rule.
    """
    report = EvalReport()
    preds = [_as_dict(p) for p in predicted]
    counted = []
    for pred in preds:
        if pred.get("modality", "asserted") in COUNTED and not \
                str(pred.get("rule", "")).endswith("+dup"):
            counted.append(pred)
        else:
            report.skipped += 1
    positives = [g for g in gold if not g.get("negative")]
    negatives = [g for g in gold if g.get("negative")]
    used: set[int] = set()
    for pred in counted:
        score = report.per_type.setdefault(pred["type"], Score())
        hit = next((i for i, g in enumerate(positives)
                    if i not in used and _matches(pred, g, resolve)), None)
        if hit is not None:
            used.add(hit)
            score.tp += 1
            report.matched.append((pred, positives[hit]))
            continue
        score.fp += 1
        report.false_positives.append(pred)
        if any(_matches(pred, g, resolve) for g in negatives):
            report.negatives_emitted.append(pred)
    for i, g in enumerate(positives):
        if i not in used:
            report.per_type.setdefault(g["type"], Score()).fn += 1
            report.missed.append(g)
    for score in report.per_type.values():
        report.overall.tp += score.tp
        report.overall.fp += score.fp
        report.overall.fn += score.fn
    return report


def _as_dict(event: Event | dict[str, Any]) -> dict[str, Any]:
    if isinstance(event, dict):
        return event
    return {
        "doc": event.article_id or None, "type": event.type, "mode": event.mode,
        "actors": [a.name for a in event.actors],
        "source": event.source.name if event.source else None,
        "target": event.target.name if event.target else None,
        "date": event.date.isoformat() if event.date else None,
        "date_precision": event.date_precision,
        "location": event.location.name if event.location else None,
        "modality": event.modality, "rule": event.rule, "evidence": event.sentence,
    }


def _matches(pred: dict[str, Any], gold: dict[str, Any], resolve: Callable[[str], str]) -> bool:
    if pred["type"] != gold["type"]:
        return False
    if pred.get("doc") and gold.get("doc") and pred["doc"] != gold["doc"]:
        return False
    if {resolve(a) for a in pred["actors"]} != {resolve(a) for a in gold["actors"]}:
        return False
    return dates_agree(pred.get("date"), gold.get("date"))


def dates_agree(predicted: str | date | None, gold: str | None) -> bool:
    """Whether a predicted date agrees with a gold date at the gold's precision.

    Args:
        predicted: the predicted date (ISO string or date), or None.
        gold: ``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``, or None (any date agrees).

    Returns:
        True when the predicted date falls in the gold period.
    """
    if not gold:
        return True
    if predicted is None:
        return False
    text = predicted.isoformat() if isinstance(predicted, date) else str(predicted)
    return text[: len(gold)] == gold


def name_resolver(kb: KnowledgeBase, gaz: Gazetteer) -> Callable[[str], str]:
    """Map an actor name to a canonical key: a kb person id, a state code, else the name.

    Used on gold names and predicted names alike, so "Amirabdollahian" and "Hossein
    Amir-Abdollahian" (one kb person), or "Israel" and "Israeli" (one state), compare equal.
    """

    def resolve(name: str) -> str:
        people = kb.find_person(name)
        if people:
            return people[0].id
        match = gaz.state_match(name)
        return match.state.code if match else normalise(name)

    return resolve


def _doc_names(row: tuple[str, str, str, str | None]) -> set[str]:
    """The names a gold ``doc`` may use for a stored article: id, file stem, record id."""
    article_id, url, origin, record_id = row
    names = {article_id, record_id or ""}
    for ref in (url, origin):
        stem = ref.rstrip("/").rsplit("/", 1)[-1].split("#", 1)[0]
        for ext in (".gz", ".html", ".htm", ".txt", ".md", ".json", ".jsonl"):
            stem = stem.removesuffix(ext)
        names.add(stem)
    return names - {""}


def evaluate_store(store: Store, gold_path: Path) -> StoreEvalReport:
    """Score the events stored for the documents a gold file names.

    Each gold line's ``doc`` names a stored article by its id, its file name without
    extension, or the ``id`` field of its source record. Documents not in the store are
    listed in ``missing_docs``; their gold events count as missed.

    Raises:
        CodingError: E404 when the gold file is malformed.
    """
    gold = load_gold(gold_path)
    wanted: set[str] = {g["doc"] for g in gold if g.get("doc")}
    doc_of: dict[str, str] = {}
    for found in store.original_articles():
        row = (found["id"], found["url"], found["origin"], found["record_id"])
        for name in _doc_names(row) & wanted:
            doc_of[row[0]] = name
    predicted = []
    for article_id, doc in doc_of.items():
        for stored in reports_of_articles(store, [article_id]):
            m = stored.mention
            predicted.append({
                "doc": doc, "type": m.type, "mode": m.mode,
                "actors": [a.name for a in m.actors],
                "date": m.date.isoformat() if m.date else None, "modality": m.modality,
                "rule": m.rule, "evidence": m.sentence})
    report = match_events(predicted, gold, name_resolver(KnowledgeBase.load(), Gazetteer.load()))
    return StoreEvalReport(report=report, missing_docs=sorted(wanted - set(doc_of.values())))


@dataclass
class StoreEvalReport:
    """An ``EvalReport`` on stored events, with the gold documents the store lacks."""

    report: EvalReport
    missing_docs: list[str]

    def rows(self) -> list[dict[str, Any]]:
        return self.report.rows()
