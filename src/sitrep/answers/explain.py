"""One event explained: every sentence that reports it, with the spans that made it.

An event is a row of ``events`` (mentions linked across articles by the link stage); a
mention id works too, so a mention not linked yet can be explained as well.
"""

from __future__ import annotations

from dataclasses import asdict
from typing import Any

from sitrep.errors import StoreError
from sitrep.record import ActorRef, Report
from sitrep.store import Store
from sitrep.store.reports import reports_of_event


def _actor_out(actor: ActorRef | None) -> dict[str, Any] | None:
    if actor is None:
        return None
    return {"name": actor.name, "country": actor.country, "sector": actor.sector,
            "office": actor.office}


def _event_head(report: Report) -> dict[str, Any]:
    m = report.mention
    return {
        "id": m.event_id or m.id, "type": m.type, "mode": m.mode,
        "actors": [_actor_out(a) for a in m.actors],
        "source": _actor_out(m.source), "target": _actor_out(m.target),
        "date": m.date, "date_precision": m.date_precision,
        "location": asdict(m.location) if m.location else None, "topics": list(m.topics),
        "modality": m.modality, "confidence": m.confidence,
    }


def _spans(report: Report) -> list[dict[str, Any]]:
    m = report.mention
    spans: list[dict[str, Any]] = []
    for actor in m.actors:
        if actor.start is not None:
            spans.append({"kind": "actor", "start": actor.start, "end": actor.end,
                          "label": actor.name})
    if m.trigger_start is not None:
        spans.append({"kind": "event", "start": m.trigger_start, "end": m.trigger_end,
                      "label": m.type})
    if m.date_start is not None:
        spans.append({"kind": "date", "start": m.date_start, "end": m.date_end,
                      "label": str(m.date)})
    return sorted(spans, key=lambda s: s["start"])


def explain_event(store: Store, event_id: str) -> dict[str, Any]:
    """Every mention of one event, with the spans that made it: actors, trigger, date.

    Raises:
        StoreError: E304 when no event or mention has this id.
    """
    reports = reports_of_event(store, event_id)
    if not reports:
        raise StoreError("E304", item=event_id)
    mentions = []
    for r in reports:
        m, a = r.mention, r.article
        mentions.append({
            "mention_id": m.id, "article_id": m.article_id, "url": a.url, "title": a.title,
            "published": a.published, "sentence": m.sentence, "start": m.start, "end": m.end,
            "spans": _spans(r), "rule": m.rule, "confidence": m.confidence,
            "modality": m.modality,
        })
    return {"event": _event_head(reports[0]), "mentions": mentions}
