"""Scoring coded events against hand-coded gold events, document by document.

This is the reference scorer of the evaluation sets (``eval/events/score_events.py``) as a
library, so that ``sitrep eval events`` prints the same figures from the same matching:

1. Predicted events are what ``sitrep events --format jsonl`` exports: linked events, one per
   real event, that happened (modality ``asserted``). Each is attributed to every gold
   document whose URL (from the document map) one of its evidence URLs names.
2. Gold lines are visited in file order; each takes the first unused predicted event of its
   document with the same type, the same set of participants (``actors`` plus ``source`` and
   ``target``, names compared loosely: titles dropped, close spellings, same surname and
   initial) and a date agreeing at the gold's precision (a gold ``2021-11`` takes any day of
   November 2021).
3. Precision divides the matches by every predicted event attributed to a gold document;
   recall by the positive gold lines. A predicted event matching a ``"negative": true`` gold
   line is counted in ``negatives_hit``.

On top of the reference figures, each missed gold event gets the cause of the miss (``--why``)
and each type its false positives, so that a change can be judged by what it fixed.
"""

from __future__ import annotations

import difflib
import json
import re
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from sitrep.errors import CodingError
from sitrep.record import Event
from sitrep.store import Store

ALIASES = {"united states": "usa", "us": "usa", "u s": "usa", "america": "usa",
           "united kingdom": "uk", "britain": "uk", "great britain": "uk"}
"""Country names the reference scorer treats as one (after normalisation)."""
TITLES = frozenset({
    "sheikh", "sheik", "king", "queen", "his", "her", "majesty", "highness", "royal", "crown",
    "prince", "princess", "emir", "amir", "president", "prime", "minister", "secretary", "sen",
    "senator", "rep", "gen", "general", "mr", "mrs", "ms", "dr", "pope", "sultan", "the",
    "state"})
"""Leading words the reference scorer drops from names before comparing them."""
CAUSES = ("no event of that type", "participants differ", "date differs", "other type")
"""Why a gold event was missed, in the order ``--why`` lists them."""


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
class Miss:
    """A gold event no prediction matched, with the cause and the nearest predictions."""

    gold: dict[str, Any]
    cause: str
    near: list[dict[str, Any]] = field(default_factory=list)
    """Predicted events of the same document and type (or, for ``other type``, the same
    participants) that came closest."""


DEFAULT_MODES = {"ACCUSE": "disapprove"}
"""Modes the GUIDELINES write as null ("null (disapprove) otherwise"), PLOVER's name for
them being what the coder stores."""


@dataclass
class EvalReport:
    """Scores overall, per event type and for CONSULT alone, with the mismatches listed."""

    overall: Score = field(default_factory=Score)
    per_type: dict[str, Score] = field(default_factory=dict)
    matched: list[tuple[dict[str, Any], dict[str, Any]]] = field(default_factory=list)
    """(predicted, gold) pairs, both as plain dicts."""
    misses: list[Miss] = field(default_factory=list)
    false_positives: list[dict[str, Any]] = field(default_factory=list)
    negatives_emitted: list[dict[str, Any]] = field(default_factory=list)
    skipped: int = 0
    """Predictions not counted: not asserted, or attributed to no gold document."""
    by_kind: dict[str, Score] = field(default_factory=dict)
    """Scores per kind of document (the part of the gold ``doc`` id before its first ``-``)."""

    @property
    def missed(self) -> list[dict[str, Any]]:
        """The gold events no prediction matched."""
        return [m.gold for m in self.misses]

    @property
    def consult(self) -> Score:
        """The CONSULT scores alone."""
        return self.per_type.get("CONSULT", Score())

    def causes(self) -> Counter[str]:
        """How many misses each cause explains."""
        return Counter(m.cause for m in self.misses)

    def mode_agreement(self) -> dict[str, tuple[int, int]]:
        """Per event type (and ``all``), how many matched events have the gold's mode (a
        phone call, a visit...), out of how many matched: the scorer does not match on mode,
        but analysts read it. An unset mode agrees with an unset one only."""
        out: dict[str, tuple[int, int]] = {}
        for pred, gold in self.matched:
            default = DEFAULT_MODES.get(str(gold.get("type")))
            agree = int((pred.get("mode") or default) == (gold.get("mode") or default))
            for key in ("all", str(gold.get("type"))):
                done, total = out.get(key, (0, 0))
                out[key] = (done + agree, total + 1)
        return out

    def mode_line(self) -> str:
        """The mode agreement overall and for CONSULT, in one line."""
        modes = self.mode_agreement()
        parts = [f"{scope} {modes[scope][0]}/{modes[scope][1]}"
                 for scope in ("all", "CONSULT") if scope in modes]
        return "mode agrees on matched events: " + (", ".join(parts) or "none matched")

    def rows(self) -> list[dict[str, Any]]:
        """One row per scope (``all``, each type, each kind of document) for table output."""
        scopes = [("all", self.overall)] + sorted(self.per_type.items())
        scopes += [(f"docs:{k}", v) for k, v in sorted(self.by_kind.items())]
        return [{"scope": name, **score.as_dict()} for name, score in scopes]

    def summary(self) -> str:
        """The reference scorer's last line."""
        o = self.overall
        return (f"gold={o.tp + o.fn} pred={o.tp + o.fp} tp={o.tp} P={o.precision:.3f} "
                f"R={o.recall:.3f} F1={o.f1:.3f} negatives_hit={len(self.negatives_emitted)}")

    def as_dict(self) -> dict[str, Any]:
        """The report as JSON-ready data."""
        return {"overall": self.overall.as_dict(), "consult": self.consult.as_dict(),
                "per_type": {k: v.as_dict() for k, v in sorted(self.per_type.items())},
                "by_kind": {k: v.as_dict() for k, v in sorted(self.by_kind.items())},
                "causes": dict(self.causes()),
                "mode_agreement": {k: {"agree": a, "matched": n}
                                   for k, (a, n) in sorted(self.mode_agreement().items())},
                "missed": [{**m.gold, "cause": m.cause} for m in self.misses],
                "false_positives": self.false_positives,
                "negatives_emitted": self.negatives_emitted, "skipped": self.skipped}


# --- names, as the reference scorer compares them -------------------------------------------


def _tokens(name: str) -> list[str]:
    ascii_ = unicodedata.normalize("NFKD", name or "").encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z ]+", " ", ascii_.lower()).split()


def _untitled(tokens: list[str]) -> list[str]:
    while len(tokens) > 1 and tokens[0] in TITLES:
        tokens = tokens[1:]
    return tokens


def same_actor(gold: str, predicted: str) -> bool:
    """Whether two actor names name the same actor, by the reference scorer's loose rule.

    Args:
        gold: a gold name ("Sergei Lavrov").
        predicted: a predicted name ("Sergey Lavrov").

    Returns:
        True for equal names after dropping titles, close spellings (ratio >= 0.9), country
        aliases, a surname with the same initial, or one name's words inside the other's.
    """
    gt, pt = _untitled(_tokens(gold)), _untitled(_tokens(predicted))
    if gt == pt:
        return True
    if len(gt) >= 2 and len(pt) >= 2 and difflib.SequenceMatcher(
            None, " ".join(gt), " ".join(pt)).ratio() >= 0.9:
        return True
    if not gt or not pt:
        return False
    gj, pj = " ".join(gt), " ".join(pt)
    if ALIASES.get(gj, gj) == ALIASES.get(pj, pj):
        return True
    if len(gt) >= 2 and len(pt) >= 2:
        return gt[-1] == pt[-1] and gt[0][0] == pt[0][0]
    return set(gt) <= set(pt) or set(pt) <= set(gt)


def participants(event: Mapping[str, Any]) -> list[str]:
    """Everyone taking part: the ``actors`` names, then source and target if not among them."""
    out: list[str] = []
    for actor in event.get("actors") or []:
        out.append(actor if isinstance(actor, str) else
                   (actor.get("name") or actor.get("country") or ""))
    for role in ("source", "target"):
        value = event.get(role)
        if isinstance(value, dict):
            value = value.get("name")
        if value and not any(same_actor(value, x) for x in out):
            out.append(value)
    return [x for x in out if x]


def same_participants(gold: Sequence[str], predicted: Sequence[str]) -> bool:
    """Whether every gold name has a predicted counterpart and the other way round."""
    return all(any(same_actor(g, p) for p in predicted) for g in gold) and \
        all(any(same_actor(g, p) for g in gold) for p in predicted)


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
    return text.startswith(gold)


# --- reading gold and predictions -----------------------------------------------------------


def load_gold(path: Path) -> list[dict[str, Any]]:
    """Read a gold events file (JSONL: ``seeds/expected-events.jsonl``, ``dev-gold.jsonl``).

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


def find_docmap(gold_path: Path) -> Path | None:
    """The document map beside a gold file: ``dev-gold.jsonl`` -> ``dev-docmap.json``, else
    ``docmap.json`` in the same folder; None when there is none."""
    stem = gold_path.name.removesuffix(".jsonl")
    prefix = stem[: -len("-gold")] if stem.endswith("-gold") else stem
    for name in (f"{prefix}-docmap.json", "docmap.json"):
        candidate = gold_path.parent / name
        if candidate.is_file():
            return candidate
    return None


def load_docmap(path: Path) -> dict[str, str]:
    """Read a document map ``{gold doc id: URL or file name}``.

    Raises:
        CodingError: E404 when the file is not a JSON object of strings.
    """
    try:
        data = json.loads(path.read_text("utf-8"))
    except (OSError, json.JSONDecodeError) as exc:
        raise CodingError("E404", f"unreadable document map: {exc}", item=str(path)) from exc
    if not isinstance(data, dict) or not all(isinstance(v, str) for v in data.values()):
        raise CodingError("E404", "a document map is a JSON object {doc id: url}",
                          item=str(path))
    return data


def docs_of(event: Mapping[str, Any], url_to_doc: Mapping[str, str]) -> set[str]:
    """The gold documents an event's evidence comes from (a URL equal to, or ending with,
    the one the map gives, either way round)."""
    found: set[str] = set()
    for evidence in event.get("evidence") or []:
        if not isinstance(evidence, dict):
            continue
        for key in ("url", "article_url", "source_url", "path"):
            url = evidence.get(key)
            if not url:
                continue
            for candidate, doc in url_to_doc.items():
                if url == candidate or url.endswith(candidate) or candidate.endswith(url):
                    found.add(doc)
    return found


def event_dict(event: Event, doc: str | None = None) -> dict[str, Any]:
    """A coded event in the export's shape, attributed to ``doc`` (default: its article)."""
    return {
        "doc": doc or event.article_id or None, "type": event.type, "mode": event.mode,
        "actors": [a.name for a in event.actors],
        "source": event.source.name if event.source else None,
        "target": event.target.name if event.target else None,
        "date": event.date.isoformat() if event.date else None,
        "date_precision": event.date_precision,
        "location": event.location.name if event.location else None,
        "modality": event.modality, "rule": event.rule, "evidence": event.sentence,
    }


# --- scoring --------------------------------------------------------------------------------


def score(gold: Sequence[dict[str, Any]], predicted: Iterable[Mapping[str, Any]],
          url_to_doc: Mapping[str, str] | None = None) -> EvalReport:
    """Score predicted events against gold events, as the reference scorer does.

    Args:
        gold: gold events as read by ``load_gold``.
        predicted: events in the export's shape. An event with a ``doc`` belongs to that
            document; otherwise its evidence URLs name its documents through ``url_to_doc``.
        url_to_doc: URL (or file name) -> gold doc id, the inverse of a document map.

    Returns:
        The report; see the module docstring for the rule.
    """
    docs = {g["doc"] for g in gold if g.get("doc")} if url_to_doc is None \
        else set(url_to_doc.values())
    gold = [g for g in gold if not g.get("doc") or g["doc"] in docs]
    report = EvalReport()
    by_doc: dict[str | None, list[Mapping[str, Any]]] = defaultdict(list)
    for pred in predicted:
        if str(pred.get("modality", "asserted")) not in ("asserted", "", "None"):
            report.skipped += 1
            continue
        owners = {pred["doc"]} if pred.get("doc") else docs_of(pred, url_to_doc or {})
        for doc in owners & docs:
            by_doc[doc].append(pred)
        if not owners & docs:
            report.skipped += 1
    _match(report, gold, by_doc)
    return report


def _match(report: EvalReport, gold: Sequence[dict[str, Any]],
           by_doc: Mapping[str | None, list[Mapping[str, Any]]]) -> None:
    used: set[tuple[str | None, int]] = set()
    for g in (g for g in gold if not g.get("negative")):
        doc = g.get("doc")
        names = participants(g)
        hit = next((i for i, p in enumerate(by_doc.get(doc, ()))
                    if (doc, i) not in used and p.get("type") == g["type"]
                    and same_participants(names, participants(p))
                    and dates_agree(p.get("date"), g.get("date"))), None)
        kind = _kind(doc)
        if hit is not None:
            used.add((doc, hit))
            report.matched.append((dict(by_doc[doc][hit]), g))
            for scope in (report.per_type.setdefault(g["type"], Score()),
                          report.by_kind.setdefault(kind, Score()), report.overall):
                scope.tp += 1
        else:
            report.misses.append(_miss(g, by_doc.get(doc, [])))
            for scope in (report.per_type.setdefault(g["type"], Score()),
                          report.by_kind.setdefault(kind, Score()), report.overall):
                scope.fn += 1
    for doc, preds in by_doc.items():
        for i, pred in enumerate(preds):
            if (doc, i) in used:
                continue
            report.false_positives.append({**pred, "doc": doc})
            for scope in (report.per_type.setdefault(str(pred.get("type")), Score()),
                          report.by_kind.setdefault(_kind(doc), Score()), report.overall):
                scope.fp += 1
    for g in (g for g in gold if g.get("negative")):
        names = participants(g)
        for pred in by_doc.get(g.get("doc"), ()):
            if pred.get("type") == g["type"] and same_participants(names, participants(pred)):
                report.negatives_emitted.append({**pred, "doc": g.get("doc")})
                break


def _miss(gold: Mapping[str, Any], preds: Sequence[Mapping[str, Any]]) -> Miss:
    """Why no prediction matched: the nearest kind of prediction in the document."""
    names = participants(gold)
    same_type = [p for p in preds if p.get("type") == gold["type"]]
    same_people = [p for p in same_type if same_participants(names, participants(p))]
    if same_people:
        return Miss(dict(gold), "date differs", [dict(p) for p in same_people[:3]])
    if same_type:
        return Miss(dict(gold), "participants differ", [dict(p) for p in same_type[:3]])
    other = [p for p in preds if same_participants(names, participants(p))
             and dates_agree(p.get("date"), gold.get("date"))]
    if other:
        return Miss(dict(gold), "other type", [dict(p) for p in other[:3]])
    return Miss(dict(gold), "no event of that type")


def _kind(doc: str | None) -> str:
    """The kind of document a gold id names: ``state_gov``, ``whitehouse_gov``, ``news``..."""
    return (doc or "document").split("-", 1)[0]


def match_events(predicted: Sequence[Event | Mapping[str, Any]],
                 gold: Sequence[dict[str, Any]]) -> EvalReport:
    """Score events coded directly (not stored) against gold whose ``doc`` is the article id.

    Events marked as repeating another of their article (``+dup`` rule suffix) are left out:
    linking would merge them into the event they repeat.
    """
    preds = [event_dict(p) if isinstance(p, Event) else dict(p) for p in predicted]
    preds = [p for p in preds if not str(p.get("rule", "")).endswith("+dup")]
    return score(gold, preds)


@dataclass
class StoreEvalReport:
    """An ``EvalReport`` on stored events, with the gold documents the store lacks."""

    report: EvalReport
    missing_docs: list[str]

    def rows(self) -> list[dict[str, Any]]:
        return self.report.rows()


def evaluate_store(store: Store, gold_path: Path, docmap: Path | None = None
                   ) -> StoreEvalReport:
    """Score the events stored for the documents a gold file names.

    Predictions are the store's linked events, as ``sitrep events --format jsonl`` exports
    them. With a document map (given, or found beside the gold file: ``find_docmap``) each
    gold ``doc`` is the article at that URL; without one, ``doc`` names a stored article by
    its id, its file name without extension or the ``id`` field of its source record.

    Raises:
        CodingError: E404 when the gold file or the document map is malformed.
    """
    from sitrep.export import event_records

    gold = load_gold(gold_path)
    docmap = docmap or find_docmap(gold_path)
    if docmap is not None:
        url_to_doc = {url: doc for doc, url in load_docmap(docmap).items()}
    else:
        url_to_doc = _store_docmap(store, {g["doc"] for g in gold if g.get("doc")})
    stored = {doc["url"] for doc in store.original_articles()}
    missing = sorted({doc for url, doc in url_to_doc.items()
                      if not any(u == url or u.endswith(url) or url.endswith(u)
                                 for u in stored)})
    events = list(event_records(store, modality=None))
    return StoreEvalReport(score(gold, events, url_to_doc), missing)


def _store_docmap(store: Store, wanted: set[str]) -> dict[str, str]:
    """URL -> gold doc for stored articles named by id, file stem or record id."""
    out: dict[str, str] = {}
    for doc in store.original_articles():
        article_id, url, origin, record_id = doc["id"], doc["url"], doc["origin"], \
            doc["record_id"]
        names = {article_id, record_id or ""}
        for ref in (url, origin):
            stem = ref.rstrip("/").rsplit("/", 1)[-1].split("#", 1)[0]
            for ext in (".gz", ".html", ".htm", ".txt", ".md", ".json", ".jsonl"):
                stem = stem.removesuffix(ext)
            names.add(stem)
        for doc in names & wanted:
            out[url] = doc
    return out
