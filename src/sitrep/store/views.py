"""Read views over the store: events with their evidence, and one event explained.

An event is a row of ``events`` (mentions linked across articles by the link stage) with
every mention as evidence. Mentions not linked yet stand as events of their own, so the views
work on a store coded without linking too.
"""

from __future__ import annotations

import json
from datetime import date
from typing import Any

from sitrep.errors import StoreError
from sitrep.store.db import Store

_EVENT_FIELDS = """
    coalesce(m.event_id, m.id) AS id, m.id AS mention_id, m.type, m.mode, m.actors, m.source,
    m.target, m.date, m.date_precision, m.date_text, m.location, m.topics, m.modality,
    m.confidence, m.rule, m.sentence, m.start, m."end", m.trigger, m.trigger_start,
    m.trigger_end, m.date_start, m.date_end, m.actor_keys, a.id AS article_id, a.url, a.title,
    a.published, a.site, a.text AS article_text
"""


def _mention_rows(store: Store, where: str, params: list[Any]) -> list[dict[str, Any]]:
    cur = store.con.execute(
        f"SELECT {_EVENT_FIELDS} FROM mentions m JOIN articles a ON a.id = m.article_id "
        f"WHERE {where} ORDER BY m.date NULLS LAST, a.published, m.article_id, m.start", params)
    cols = [d[0] for d in cur.description]
    return [dict(zip(cols, row, strict=True)) for row in cur.fetchall()]


def _json(value: str | None) -> Any:
    return json.loads(value) if value else None


def _actor_out(actor: dict[str, Any] | None) -> dict[str, Any] | None:
    if not actor:
        return None
    return {k: actor.get(k) for k in ("name", "country", "sector", "office")}


def _sentence_span(row: dict[str, Any]) -> dict[str, Any]:
    return {"article_id": row["article_id"], "url": row["url"], "sentence": row["sentence"],
            "start": row["start"], "end": row["end"]}


def _linked(store: Store) -> dict[str, dict[str, Any]]:
    cur = store.con.execute("SELECT id, date, date_precision, n_sources, confidence FROM events")
    return {r[0]: {"date": r[1], "date_precision": r[2], "n_sources": r[3], "confidence": r[4]}
            for r in cur.fetchall()}


def event_records(store: Store, *, actor: str | None = None, type: str | None = None,  # noqa: A002
                  since: date | None = None, until: date | None = None,
                  modality: str | None = "asserted", limit: int | None = None
                  ) -> list[dict[str, Any]]:
    """Events with the stable export fields, their mentions folded into ``evidence``.

    Args:
        actor: keep events with an actor whose key equals this, or whose name contains it.
        type: PLOVER event type (``CONSULT``), case-insensitive.
        since, until: inclusive bounds on the event date (undated events are left out).
        modality: ``asserted`` (default: what happened), another modality, or None for all.
        limit: at most this many events.

    Returns:
        Dicts with ``id, type, mode, actors, source, target, date, date_precision, location,
        topics, modality, evidence, confidence`` (and ``n_sources``).
    """
    where, params = ["1=1"], []
    if actor:
        where.append("(list_contains(m.actor_keys, ?) OR m.actors::VARCHAR ILIKE ?)")
        params += [actor, f"%\"name\": \"%{actor}%"]
    if type:
        where.append("upper(m.type) = upper(?)")
        params.append(type)
    if since:
        where.append("m.date >= ?")
        params.append(since)
    if until:
        where.append("m.date <= ?")
        params.append(until)
    if modality:
        where.append("m.modality = ?")
        params.append(modality)
    linked = _linked(store)
    events: dict[str, dict[str, Any]] = {}
    for row in _mention_rows(store, " AND ".join(where), params):
        event = events.get(row["id"])
        if event is None:
            event = events[row["id"]] = _new_event(row, linked.get(row["id"]))
        if all(e["article_id"] != row["article_id"] or e["start"] != row["start"]
               for e in event["evidence"]):
            event["evidence"].append(_sentence_span(row))
    out = list(events.values())
    return out[:limit] if limit else out


def _new_event(row: dict[str, Any], linked: dict[str, Any] | None) -> dict[str, Any]:
    actors = _json(row["actors"]) or []
    event = {
        "id": row["id"], "type": row["type"], "mode": row["mode"],
        "actors": [_actor_out(a) for a in actors],
        "source": _actor_out(_json(row["source"])), "target": _actor_out(_json(row["target"])),
        "date": row["date"], "date_precision": row["date_precision"],
        "location": _json(row["location"]), "topics": list(row["topics"] or []),
        "modality": row["modality"], "evidence": [], "confidence": row["confidence"],
        "n_sources": 1,
    }
    if linked:
        event.update({k: v for k, v in linked.items() if v is not None})
    return event


def explain_event(store: Store, event_id: str) -> dict[str, Any]:
    """Every mention of one event, with the spans that made it: actors, trigger, date.

    Raises:
        StoreError: E304 when no event or mention has this id.
    """
    rows = _mention_rows(store, "(m.event_id = ? OR m.id = ?)", [event_id, event_id])
    if not rows:
        raise StoreError("E304", item=event_id)
    mentions = []
    for row in rows:
        spans = []
        for actor in _json(row["actors"]) or []:
            if actor.get("start") is not None:
                spans.append({"kind": "actor", "start": actor["start"], "end": actor["end"],
                              "label": actor["name"]})
        if row["trigger_start"] is not None:
            spans.append({"kind": "event", "start": row["trigger_start"],
                          "end": row["trigger_end"], "label": row["type"]})
        if row["date_start"] is not None:
            spans.append({"kind": "date", "start": row["date_start"], "end": row["date_end"],
                          "label": str(row["date"])})
        mentions.append({
            "mention_id": row["mention_id"], "article_id": row["article_id"], "url": row["url"],
            "title": row["title"], "published": row["published"], "sentence": row["sentence"],
            "start": row["start"], "end": row["end"], "spans": sorted(spans, key=lambda s: s["start"]),
            "rule": row["rule"], "confidence": row["confidence"], "modality": row["modality"],
        })
    first = _new_event(rows[0], _linked(store).get(rows[0]["id"]))
    first.pop("evidence")
    return {"event": first, "mentions": mentions}
