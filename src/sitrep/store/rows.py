"""Rows to records and back: how mentions, linked events and actors are laid out in columns.

Every table row the store reads comes back through here as a record of ``sitrep.record``,
by column name, never by position; every record it writes goes out through here, so the
column layout of ``mentions`` and ``events`` is written down once.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import asdict, fields
from typing import Any

import duckdb

from sitrep.actors.identity import actor_key
from sitrep.record import ActorRef, Event, LinkedEvent, Location

MENTION_COLUMNS = (
    "id", "article_id", "type", "mode", "actors", "actor_keys", "source", "target",
    "source_key", "target_key", "date", "date_precision", "date_text", "location", "topics",
    "modality", "sentence", "start", '"end"', "confidence", "rule", "trigger", "trigger_start",
    "trigger_end", "date_start", "date_end", "coder_version", "date_inferred",
)
EVENT_COLUMNS = (
    "id", "type", "mode", "date", "date_precision", "actors", "actor_keys", "source_key",
    "target_key", "location", "topics", "modality", "confidence", "n_mentions", "n_articles",
    "n_sources", "first_reported", "last_reported", "summary", "details", "date_inferred",
)
ORIGINAL_SITE = "coalesce(r.site, nullif(regexp_extract(r.url, '^https?://([^/]+)', 1), ''))"
"""SQL: the site of the original article ``r`` (copies fold into it), else its URL's host;
what makes two reports independent sources."""

_ACTOR_FIELDS = frozenset(f.name for f in fields(ActorRef))
_ACTOR_ORDER = tuple(f.name for f in fields(ActorRef))
_EVENT_ACTOR_FIELDS = ("name", "kind", "actor_id", "country", "sector", "office")


def dicts(cursor: duckdb.DuckDBPyConnection) -> list[dict[str, Any]]:
    """The rows of an executed query as dicts keyed by column name."""
    names = [d[0] for d in cursor.description or ()]
    return [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]


def _json(value: Any) -> Any:
    if value is None or isinstance(value, (list, dict)):
        return value
    return json.loads(value) if value else None


def actor_from_json(data: dict[str, Any]) -> ActorRef:
    """An actor as stored in a mention or event (unknown fields, e.g. ``key``, ignored)."""
    return ActorRef(**{k: v for k, v in data.items() if k in _ACTOR_FIELDS})


def location_from_json(value: Any) -> Location | None:
    data = _json(value)
    return Location(**data) if isinstance(data, dict) else None


def _actor_or_none(value: Any) -> ActorRef | None:
    data = _json(value)
    return actor_from_json(data) if data else None


def _actor_dict(actor: ActorRef) -> dict[str, Any]:
    """``asdict(actor)`` without its deep copy: every field is a scalar, and the writer,
    the one serial step of an ingest, makes several per mention."""
    return {name: getattr(actor, name) for name in _ACTOR_ORDER}


def mention_row(article_id: str, index: int, ev: Event, coder_version: str) -> list[Any]:
    """The ``mentions`` row of an article's ``index``-th event; sets ``ev.id``."""
    ev.id = f"m_{article_id[2:]}_{index:03d}"
    keys = sorted({actor_key(a) for a in ev.actors})
    return [
        ev.id, article_id, ev.type, ev.mode, json.dumps([_actor_dict(a) for a in ev.actors]),
        keys, json.dumps(_actor_dict(ev.source)) if ev.source else None,
        json.dumps(_actor_dict(ev.target)) if ev.target else None,
        actor_key(ev.source) if ev.source else None, actor_key(ev.target) if ev.target else None,
        ev.date, ev.date_precision, ev.date_text,
        json.dumps(asdict(ev.location)) if ev.location else None, ev.topics, ev.modality,
        ev.sentence, ev.start, ev.end, ev.confidence, ev.rule, ev.trigger, ev.trigger_start,
        ev.trigger_end, ev.date_start, ev.date_end, coder_version, ev.date_inferred,
    ]


def mention_from_row(row: dict[str, Any]) -> Event:
    """A stored mention as the coder made it, with its id and linked event id."""
    return Event(
        type=row["type"], actors=[actor_from_json(a) for a in _json(row["actors"]) or []],
        article_id=row["article_id"], sentence=row["sentence"], start=row["start"],
        end=row["end"], mode=row["mode"], source=_actor_or_none(row["source"]),
        target=_actor_or_none(row["target"]), date=row["date"],
        date_precision=row["date_precision"], date_text=row["date_text"],
        location=location_from_json(row["location"]), topics=list(row["topics"] or []),
        modality=row["modality"], confidence=float(row["confidence"] or 0.0),
        rule=row["rule"] or "", trigger=row["trigger"], trigger_start=row["trigger_start"],
        trigger_end=row["trigger_end"], date_start=row["date_start"], date_end=row["date_end"],
        id=row["id"], event_id=row["event_id"], date_inferred=bool(row.get("date_inferred")),
    )


def _event_actor_json(actor: ActorRef) -> dict[str, Any]:
    return {k: getattr(actor, k) for k in _EVENT_ACTOR_FIELDS} | {"key": actor_key(actor)}


def event_row(ev: LinkedEvent) -> list[Any]:
    """The ``events`` row of a linked event, in ``EVENT_COLUMNS`` order."""
    return [
        ev.id, ev.type, ev.mode, ev.date, ev.date_precision,
        json.dumps([_event_actor_json(a) for a in ev.actors]), ev.actor_keys, ev.source_key,
        ev.target_key, json.dumps(asdict(ev.location)) if ev.location else None, ev.topics,
        ev.modality, ev.confidence, ev.n_mentions, ev.n_articles, ev.n_sources,
        ev.first_reported, ev.last_reported, ev.summary, json.dumps(ev.details),
        ev.date_inferred,
    ]


def event_from_row(row: dict[str, Any], prefix: str = "") -> LinkedEvent:
    """A stored linked event from its columns (named ``prefix`` + column)."""

    def col(name: str) -> Any:
        return row[prefix + name]

    return LinkedEvent(
        id=col("id"), type=col("type"), mode=col("mode"), date=col("date"),
        date_precision=col("date_precision"),
        actors=[actor_from_json(a) for a in _json(col("actors")) or []],
        actor_keys=list(col("actor_keys") or []), source_key=col("source_key"),
        target_key=col("target_key"), location=location_from_json(col("location")),
        topics=list(col("topics") or []), modality=col("modality"),
        confidence=col("confidence"), n_mentions=col("n_mentions"),
        n_articles=col("n_articles"), n_sources=col("n_sources"),
        first_reported=col("first_reported"), last_reported=col("last_reported"),
        summary=col("summary"), details=_json(col("details")) or {},
        date_inferred=bool(row.get(prefix + "date_inferred")),
    )


def placeholders(values: Sequence[Any]) -> str:
    """``?, ?, ?``: one parameter mark per value."""
    return ", ".join("?" * len(values))
