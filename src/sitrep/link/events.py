"""The link stage: turn coded mentions into linked real-world events in the store.

``link_events`` works incrementally:

1. take the mentions of the given articles (all mentions when none are given), plus every
   mention that could share an event with them (same type and modality, actor sets equal or
   nested), plus every mention of the events those belong to, plus the leftovers of events
   that lost mentions when an article was re-coded;
2. delete those events and cluster the mentions afresh (``sitrep.link.cluster``);
3. write one ``events`` row per cluster, keeping an event's previous id where it can so links
   from briefings and alerts stay valid, and point each mention at its event.

Steps 2 and 3 run in one transaction. Because clustering depends only on the set of mentions,
linking the same articles twice, or re-coding them, never inflates a count.
"""

from __future__ import annotations

import hashlib
import json
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from sitrep.actors.identity import actor_key
from sitrep.link.cluster import Cluster, LinkMention, cluster
from sitrep.link.summary import summarise
from sitrep.record import ActorRef
from sitrep.store.db import Store

_MENTION_SQL = """
SELECT m.id, m.article_id, m.type, m.mode, m.actor_keys, m.modality, m.date, m.date_precision,
       a.published, m.event_id, m.actors, m.source_key, m.target_key, m.location, m.topics,
       m.confidence, m.sentence, coalesce(a.canonical_id, a.id) AS root,
       coalesce(r.site, nullif(regexp_extract(r.url, '^https?://([^/]+)', 1), '')) AS site, r.url,
       m.source, m.target, m.date_inferred
FROM mentions m JOIN articles a ON a.id = m.article_id
LEFT JOIN articles r ON r.id = coalesce(a.canonical_id, a.id)
"""


@dataclass
class LinkReport:
    """What one ``link_events`` call did."""

    mentions: int = 0
    """Mentions re-linked."""
    events: int = 0
    """Events written (new or rebuilt)."""
    removed: int = 0
    """Events deleted before re-linking (rebuilt ones included)."""

    @property
    def created(self) -> int:
        """Net change in the number of events."""
        return self.events - self.removed


@dataclass
class _Row:
    """A mention as loaded, with the article facts that count sources."""

    link: LinkMention
    actors: list[dict[str, Any]]
    source_key: str | None
    target_key: str | None
    location: dict[str, Any] | None
    topics: list[str]
    confidence: float
    sentence: str
    root: str
    site: str | None
    url: str
    source: dict[str, Any] | None
    target: dict[str, Any] | None


def link_events(store: Store, article_ids: Sequence[str] | None = None) -> LinkReport:
    """Link the mentions of ``article_ids`` (None: every mention) into events.

    Args:
        store: an open, writable store.
        article_ids: the articles just coded or re-coded; None re-links the whole store.

    Returns:
        A ``LinkReport`` with the number of mentions re-linked and events written.
    """
    con = store.con
    with store.transaction():
        if article_ids is None:
            rows = _load(con, "", [])
            removed = store.count("events")
            con.execute("DELETE FROM events")
        else:
            rows, removed = _affected(con, list(article_ids))
        clusters = cluster([r.link for r in rows])
        by_id = {r.link.id: r for r in rows}
        taken: set[str] = set()
        events, assignments = [], []
        for c in clusters:
            members = [by_id[m.id] for m in c.members]
            event_id = _event_id(c, taken)
            events.append(_event_row(event_id, c, members))
            assignments += [(m.link.id, event_id) for m in members]
        _write(con, events, assignments)
    return LinkReport(mentions=len(rows), events=len(events), removed=removed)


def _load(con: Any, where: str, params: list[Any]) -> list[_Row]:
    cur = con.execute(f"{_MENTION_SQL} {where} ORDER BY m.id", params)
    return [_row(r) for r in cur.fetchall()]


def _row(r: tuple[Any, ...]) -> _Row:
    link = LinkMention(id=r[0], article_id=r[1], type=r[2], mode=r[3], keys=frozenset(r[4] or []),
                       modality=r[5], date=r[6], precision=r[7], published=r[8],
                       old_event_id=r[9], inferred=bool(r[22]))
    return _Row(link=link, actors=json.loads(r[10]) if r[10] else [], source_key=r[11],
                target_key=r[12], location=json.loads(r[13]) if r[13] else None,
                topics=list(r[14] or []), confidence=float(r[15] or 0.0), sentence=r[16],
                root=r[17], site=r[18], url=r[19],
                source=json.loads(r[20]) if r[20] else None,
                target=json.loads(r[21]) if r[21] else None)


def _affected(con: Any, article_ids: list[str]) -> tuple[list[_Row], int]:
    """The mentions to re-link for these articles, and the number of events deleted.

    Deletes the events those mentions belonged to, and events left stale by re-coding.
    """
    con.execute("CREATE OR REPLACE TEMP TABLE link_seed (article_id VARCHAR)")
    con.executemany("INSERT INTO link_seed VALUES (?)", [[a] for a in article_ids])
    con.execute("""
        CREATE OR REPLACE TEMP TABLE link_ids AS
        WITH seed AS (
            SELECT DISTINCT type, modality, actor_keys FROM mentions
            WHERE article_id IN (SELECT article_id FROM link_seed)
        ), stale AS (
            SELECT e.id FROM events e LEFT JOIN (
                SELECT event_id, count(*) AS n FROM mentions WHERE event_id IS NOT NULL
                GROUP BY event_id) c ON c.event_id = e.id
            WHERE coalesce(c.n, 0) <> e.n_mentions
        ), near AS (
            SELECT m.id, m.event_id FROM mentions m JOIN seed s
              ON m.type = s.type AND m.modality = s.modality
             AND (list_has_all(m.actor_keys, s.actor_keys)
                  OR list_has_all(s.actor_keys, m.actor_keys))
            UNION SELECT id, event_id FROM mentions
            WHERE article_id IN (SELECT article_id FROM link_seed)
        ), touched AS (
            SELECT event_id AS id FROM near WHERE event_id IS NOT NULL
            UNION SELECT id FROM stale
        )
        SELECT id AS mention_id, NULL AS event_id FROM near
        UNION SELECT m.id, m.event_id FROM mentions m JOIN touched t ON m.event_id = t.id
        UNION SELECT NULL, id FROM touched
    """)
    removed_row = con.execute(
        "SELECT count(*) FROM events WHERE id IN (SELECT event_id FROM link_ids)").fetchone()
    con.execute("DELETE FROM events WHERE id IN (SELECT event_id FROM link_ids)")
    rows = _load(con, "WHERE m.id IN (SELECT mention_id FROM link_ids "
                      "WHERE mention_id IS NOT NULL)", [])
    return rows, int(removed_row[0]) if removed_row else 0


def _event_id(c: Cluster, taken: set[str]) -> str:
    """Keep the id most members had before; else derive one from the first member's id."""
    previous = Counter(m.old_event_id for m in c.members if m.old_event_id)
    for old, _ in sorted(previous.items(), key=lambda kv: (-kv[1], kv[0])):
        if old not in taken:
            taken.add(old)
            return old
    seed = c.members[0].id
    while True:
        new = "e_" + hashlib.sha256(seed.encode()).hexdigest()[:16]
        if new not in taken:
            taken.add(new)
            return new
        seed += "+"


def _majority(values: list[str | None]) -> str | None:
    found = Counter(v for v in values if v)
    return min(found.items(), key=lambda kv: (-kv[1], kv[0]))[0] if found else None


def _actors(members: list[_Row]) -> tuple[list[dict[str, Any]], list[str]]:
    """Union of the members' actors, one per key; the richer record of an actor wins."""
    chosen: dict[str, dict[str, Any]] = {}
    for row in members:
        for a in row.actors:
            fields = {k: a.get(k) for k in ("name", "kind", "actor_id", "country", "sector",
                                            "office")}
            key = actor_key(ActorRef(name=fields["name"] or "", kind=fields["kind"] or "state",
                                     actor_id=fields["actor_id"], country=fields["country"],
                                     sector=fields["sector"]))
            richness = sum(v is not None for v in fields.values())
            if key not in chosen or richness > sum(v is not None for v in chosen[key].values()):
                chosen[key] = fields
    keys = sorted(chosen)
    return [chosen[k] | {"key": k} for k in keys], keys


def _event_row(event_id: str, c: Cluster, members: list[_Row]) -> list[Any]:
    day, precision, inferred = c.date()
    actors, keys = _actors(members)
    roots = {m.root for m in members}
    sites = {m.site or m.root for m in members}
    published = [m.link.published for m in members if m.link.published]
    confidence = 1.0
    for root in roots:
        confidence *= 1.0 - max(m.confidence for m in members if m.root == root)
    location = next((m.location for m in sorted(members, key=lambda m: m.link.id) if m.location),
                    None)
    topics = sorted({t for m in members for t in m.topics})
    source_key = _majority([m.source_key for m in members])
    target_key = _majority([m.target_key for m in members])
    names = {a["key"]: a["name"] for a in actors}
    summary = summarise(c.type, c.mode, c.modality, [a["name"] for a in actors],
                        names.get(source_key or ""), names.get(target_key or ""),
                        location.get("name") if location else None)
    return [event_id, c.type, c.mode, day, precision, json.dumps(actors), keys, source_key,
            target_key, json.dumps(location) if location else None, topics, c.modality,
            round(1.0 - confidence, 4), len(members), len(roots), len(sites),
            min(published) if published else None, max(published) if published else None,
            summary, json.dumps(_details(members)), inferred]


def _details(members: list[_Row]) -> dict[str, Any]:
    """Per-source facts, and the fields on which sources disagree."""
    per_source: dict[str, dict[str, Any]] = {}
    for m in sorted(members, key=lambda m: (m.root, m.link.id)):
        entry = per_source.setdefault(m.root, {
            "article_id": m.root, "site": m.site, "url": m.url,
            "published": _iso(m.link.published), "mentions": [], "dates": [], "modes": [],
            "locations": []})
        entry["mentions"].append(m.link.id)
        stated = f"{_iso(m.link.date)}/{m.link.precision}" \
            if m.link.date and not m.link.inferred else None
        for name, value in (("dates", stated), ("modes", m.link.mode),
                            ("locations", (m.location or {}).get("name"))):
            if value and value not in entry[name]:
                entry[name].append(value)
    disagree = {}
    for name in ("modes", "locations"):
        values = sorted({v for s in per_source.values() for v in s[name]})
        if len(values) > 1:
            disagree[name] = values
    day_dates = sorted({v for s in per_source.values() for v in s["dates"] if v.endswith("/day")})
    if len(day_dates) > 1:
        disagree["dates"] = day_dates
    return {"sources": list(per_source.values()), "disagreements": disagree}


def _iso(d: date | None) -> str | None:
    return d.isoformat() if d else None


_EVENT_COLUMNS = ("id", "type", "mode", "date", "date_precision", "actors", "actor_keys",
                  "source_key", "target_key", "location", "topics", "modality", "confidence",
                  "n_mentions", "n_articles", "n_sources", "first_reported", "last_reported",
                  "summary", "details", "date_inferred")


def _write(con: Any, events: list[list[Any]], assignments: list[tuple[str, str]]) -> None:
    _insert_many(con, f"events ({', '.join(_EVENT_COLUMNS)})", events)
    con.execute("CREATE OR REPLACE TEMP TABLE link_assign (mention_id VARCHAR, event_id VARCHAR)")
    _insert_many(con, "link_assign", [list(a) for a in assignments])
    con.execute("UPDATE mentions SET event_id = t.event_id FROM link_assign t "
                "WHERE mentions.id = t.mention_id")


_BATCH = 200
"""Rows per multi-row INSERT: DuckDB runs ``executemany`` row by row, which is far slower."""


def _insert_many(con: Any, target: str, rows: list[list[Any]]) -> None:
    if not rows:
        return
    one = "(" + ", ".join("?" * len(rows[0])) + ")"
    for i in range(0, len(rows), _BATCH):
        chunk = rows[i:i + _BATCH]
        con.execute(f"INSERT INTO {target} VALUES {', '.join([one] * len(chunk))}",
                    [v for row in chunk for v in row])
