"""Writing the store's tables out, one function per format.

Events are exported from the linked ``events`` table with their evidence (every mention's
sentence), in the stable record shape

    id, type, mode, actors[{name, country, sector, office}], source, target, date,
    date_precision, location{name, country, lat, lon}, topics, modality,
    evidence[{article_id, url, sentence, start, end}], confidence

(plus ``n_sources``, ``n_articles`` and ``summary``). ``plover`` writes the same events as
PLOVER records (one JSON object per line). Mentions, articles and actors are plain table
dumps by DuckDB's ``COPY``.
"""

from __future__ import annotations

import csv
import json
import tempfile
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import asdict, dataclass
from datetime import date
from pathlib import Path
from typing import Any

from sitrep.actors.identity import actor_key
from sitrep.actors.kb import KnowledgeBase
from sitrep.answers.common import period
from sitrep.answers.lexicon import quad_codes
from sitrep.errors import QueryError
from sitrep.record import ActorRef, LinkedEvent
from sitrep.store import Store
from sitrep.store.dumps import dump_table, jsonl_to_parquet
from sitrep.store.events_table import linked_events

WHATS: tuple[str, ...] = ("events", "mentions", "articles", "actors")
FORMATS: tuple[str, ...] = ("jsonl", "csv", "parquet", "plover")

_CSV_EVENT_COLUMNS = ("id", "type", "mode", "date", "date_precision", "modality", "actors",
                      "source", "target", "location", "topics", "confidence", "n_sources",
                      "summary", "urls")


@dataclass
class ExportReport:
    """What was written."""

    path: Path
    what: str
    format: str
    rows: int


def export(store: Store, what: str, fmt: str, out: str | Path, *,
           since: date | str | None = None, until: date | str | None = None,
           modality: str | None = None) -> ExportReport:
    """Write one kind of record to a file.

    Args:
        store: the store to read.
        what: ``events``, ``mentions``, ``articles`` or ``actors``.
        fmt: ``jsonl``, ``csv``, ``parquet``, or ``plover`` (events only).
        out: the file to write (its folder is created).
        since: events only: first event date.
        until: events only: last event date.
        modality: events only: keep this modality (``asserted``); None keeps all.

    Returns:
        An ``ExportReport`` with the number of rows written.

    Raises:
        QueryError: E504 for an unknown kind or format (or ``plover`` for non-events), E503
            for a bad date.
    """
    if what not in WHATS:
        raise QueryError("E504", f"export one of {', '.join(WHATS)}", item=what)
    if fmt not in FORMATS or (fmt == "plover" and what != "events"):
        raise QueryError("E504", f"use one of {', '.join(FORMATS)} (plover: events only)",
                         item=fmt)
    path = Path(out)
    path.parent.mkdir(parents=True, exist_ok=True)
    if what != "events":
        return ExportReport(path, what, fmt, dump_table(store, what, fmt, path))
    records = event_records(store, since=since, until=until, modality=modality)
    if fmt == "plover":
        kb = KnowledgeBase.load()
        n = _write_jsonl((plover_record(r, kb) for r in records), path)
    elif fmt == "jsonl":
        n = _write_jsonl(records, path)
    elif fmt == "csv":
        n = _write_events_csv(records, path)
    else:
        n = _events_parquet(store, records, path)
    return ExportReport(path, what, fmt, n)


def event_records(store: Store, *, since: date | str | None = None,
                  until: date | str | None = None, modality: str | None = None,
                  actor_keys: Sequence[str] | None = None, type: str | None = None,  # noqa: A002
                  limit: int | None = None) -> Iterator[dict[str, Any]]:
    """Linked events in the stable record shape (see the module docstring), by date.

    Args:
        store: the store to read.
        since: first event date (undated events are placed by their first report).
        until: last event date.
        modality: keep only this modality; None keeps all.
        actor_keys: keep events with any of these actors (keys from ``resolve_actor``).
        type: keep only this PLOVER type (case-insensitive).
        limit: at most this many events.

    Returns:
        An iterator of dicts (dates as ``date`` objects).
    """
    start, stop = period(since, until)
    for event in linked_events(store, start, stop, modality=modality, actor_keys=actor_keys,
                               type=type, limit=limit):
        yield _event_record(event)


def _actor_out(actor: ActorRef | None) -> dict[str, Any] | None:
    if actor is None:
        return None
    return {"name": actor.name, "country": actor.country, "sector": actor.sector,
            "office": actor.office}


def _event_record(e: LinkedEvent) -> dict[str, Any]:
    by_key = {actor_key(a): a for a in e.actors}
    location = e.location
    return {
        "id": e.id, "type": e.type, "mode": e.mode,
        "actors": [_actor_out(a) for a in e.actors],
        "source": _actor_out(by_key.get(e.source_key or "")),
        "target": _actor_out(by_key.get(e.target_key or "")),
        "date": e.date, "date_precision": e.date_precision,
        "location": asdict(location) if location else None,
        "topics": e.topics, "modality": e.modality,
        "evidence": [asdict(x) for x in e.evidence],
        "confidence": e.confidence, "date_inferred": e.date_inferred,
        "n_sources": e.n_sources, "n_articles": e.n_articles,
        "summary": e.summary, "actor_ids": [a.actor_id for a in e.actors],
    }


def _plain(value: Any) -> Any:
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_plain(v) for v in value]
    return value


def _write_jsonl(records: Iterable[dict[str, Any]], path: Path) -> int:
    n = 0
    with path.open("w", encoding="utf-8") as fh:
        for record in records:
            record.pop("actor_ids", None)
            fh.write(json.dumps(_plain(record), ensure_ascii=False) + "\n")
            n += 1
    return n


def _write_events_csv(records: Iterable[dict[str, Any]], path: Path) -> int:
    """One row per event; lists joined with ``; ``, evidence reduced to its URLs."""
    n = 0
    with path.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.writer(fh)
        writer.writerow(_CSV_EVENT_COLUMNS)
        for r in records:
            urls = sorted({e["url"] for e in r["evidence"]})
            writer.writerow([
                r["id"], r["type"], r["mode"] or "", _plain(r["date"]) or "",
                r["date_precision"] or "", r["modality"],
                "; ".join(a["name"] for a in r["actors"]),
                (r["source"] or {}).get("name", ""), (r["target"] or {}).get("name", ""),
                (r["location"] or {}).get("name", ""), "; ".join(r["topics"]),
                r["confidence"], r["n_sources"], r["summary"] or "", "; ".join(urls)])
            n += 1
    return n


def _events_parquet(store: Store, records: Iterable[dict[str, Any]], path: Path) -> int:
    """Parquet with the same nested shape as JSONL: written as JSONL, converted by DuckDB."""
    with tempfile.TemporaryDirectory() as tmp:
        staged = Path(tmp) / "events.jsonl"
        n = _write_jsonl(records, staged)
        if n == 0:
            return 0
        jsonl_to_parquet(store, staged, path)
    return n


def plover_record(r: dict[str, Any], kb: KnowledgeBase | None = None) -> dict[str, Any]:
    """One event as a PLOVER record (manual v0.8: ``id, date, actor[], recipient[], event,
    mode, context, event_text, event_loc, quad_code, link, ...``).

    Directed events put the source in ``actor`` and the target in ``recipient``; undirected
    ones (a meeting) list every party as ``actor``. Actors carry ``code`` (country),
    ``sector``, ``entity_text`` and, for people in the knowledge base, ``identifier_id``
    (Wikidata QID) with ``identifier_name``.

    Args:
        r: an event record from ``event_records``.
        kb: the knowledge base used for Wikidata identifiers (None: none added).

    Returns:
        The PLOVER dict (dates as ISO text).
    """
    ids = dict(zip([a["name"] for a in r["actors"]], r.get("actor_ids") or [], strict=False))

    def party(a: dict[str, Any]) -> dict[str, Any]:
        out = {"code": a.get("country"), "sector": a.get("sector"),
               "entity_text": a.get("name"), "identifier_name": a.get("name")}
        person = kb.person(str(ids.get(a["name"]) or "").split(":")[-1]) if kb else None
        if person and person.wikidata:
            out["identifier_id"] = person.wikidata
        return out

    directed = r["source"] and r["target"]
    actors = [r["source"]] if directed else r["actors"]
    evidence = r["evidence"]
    record: dict[str, Any] = {
        "id": r["id"], "date": _plain(r["date"]), "date_precision": r["date_precision"],
        "actor": [party(a) for a in actors],
        "recipient": [party(r["target"])] if directed else [],
        "event": r["type"], "mode": r["mode"] or "", "context": r["topics"],
        "event_text": evidence[0]["sentence"] if evidence else "",
        "quad_code": quad_codes().get(r["type"]), "modality": r["modality"],
        "link": sorted({e["url"] for e in evidence}), "confidence": r["confidence"],
    }
    if r["location"]:
        loc = r["location"]
        record["event_loc"] = {"name": loc.get("name"), "country": loc.get("country"),
                               "lat": loc.get("lat"), "lon": loc.get("lon")}
    return record
