"""One event explained: every sentence that reports it, with the spans that made it.

An event is a row of ``events`` (mentions linked across articles by the link stage); a
mention id works too, so a mention not linked yet can be explained as well. Event records
for listing and export are built in ``sitrep.export``.
"""

from __future__ import annotations

import json
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


def _event_head(row: dict[str, Any]) -> dict[str, Any]:
    actors = _json(row["actors"]) or []
    event = {
        "id": row["id"], "type": row["type"], "mode": row["mode"],
        "actors": [_actor_out(a) for a in actors],
        "source": _actor_out(_json(row["source"])), "target": _actor_out(_json(row["target"])),
        "date": row["date"], "date_precision": row["date_precision"],
        "location": _json(row["location"]), "topics": list(row["topics"] or []),
        "modality": row["modality"], "confidence": row["confidence"],
    }
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
            "start": row["start"], "end": row["end"],
            "spans": sorted(spans, key=lambda s: s["start"]),
            "rule": row["rule"], "confidence": row["confidence"], "modality": row["modality"],
        })
    return {"event": _event_head(rows[0]), "mentions": mentions}
