"""The link stage: turn coded mentions into linked real-world events in the store.

``link_events`` works incrementally:

1. take the mentions of the given articles (all mentions when none are given), plus every
   mention that could share an event with them (same type and modality, actor sets equal or
   nested), plus every mention of the events those belong to, plus the leftovers of events
   that lost mentions when an article was re-coded (``store.events_table.relink_scope``);
2. delete those events and cluster the mentions afresh (``sitrep.link.cluster``);
3. write one ``LinkedEvent`` per cluster, keeping an event's previous id where it can so
   links from briefings and alerts stay valid, and point each mention at its event.

Steps 2 and 3 run in one transaction. Because clustering depends only on the set of mentions,
linking the same articles twice, or re-coding them, never inflates a count.
"""

from __future__ import annotations

import hashlib
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date
from typing import Any

from sitrep.actors.identity import actor_key
from sitrep.events.packages import package
from sitrep.link.cluster import Cluster, LinkMention, cluster
from sitrep.link.summary import summarise
from sitrep.record import ActorRef, LinkedEvent, Report
from sitrep.store import Store
from sitrep.store.events_table import relink_scope, write_events


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


def link_events(store: Store, article_ids: Sequence[str] | None = None) -> LinkReport:
    """Link the mentions of ``article_ids`` (None: every mention) into events.

    Args:
        store: an open, writable store.
        article_ids: the articles just coded or re-coded; None re-links the whole store.

    Returns:
        A ``LinkReport`` with the number of mentions re-linked and events written.
    """
    with store.transaction():
        reports, removed = relink_scope(store, None if article_ids is None else
                                        list(article_ids))
        links = [_link_mention(r) for r in reports]
        clusters = cluster(links)
        by_id = {r.mention.id: r for r in reports}
        taken: set[str] = set()
        events, assignments = [], []
        for c in clusters:
            members = [by_id[m.id] for m in c.members]
            event_id = _event_id(c, taken)
            events.append(_linked_event(event_id, c, members))
            assignments += [(m.mention.id or "", event_id) for m in members]
        write_events(store, events, assignments)
    return LinkReport(mentions=len(reports), events=len(events), removed=removed)


def _link_mention(r: Report) -> LinkMention:
    m = r.mention
    return LinkMention(id=m.id or "", article_id=m.article_id, type=m.type, mode=m.mode,
                       keys=frozenset(r.actor_keys), modality=m.modality, date=m.date,
                       precision=m.date_precision, published=r.article.published,
                       old_event_id=m.event_id, inferred=m.date_inferred,
                       package=package(m))


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


def _actors(members: list[Report]) -> tuple[list[ActorRef], list[str]]:
    """Union of the members' actors, one per key; the richer record of an actor wins."""
    chosen: dict[str, ActorRef] = {}
    for report in members:
        for a in report.mention.actors:
            bare = replace(a, text=None, start=None, end=None)
            key = actor_key(bare)
            if key not in chosen or _richness(bare) > _richness(chosen[key]):
                chosen[key] = bare
    keys = sorted(chosen)
    return [chosen[k] for k in keys], keys


def _richness(actor: ActorRef) -> int:
    """How many of an actor's identifying fields are known."""
    return sum(v is not None for v in (actor.name, actor.kind, actor.actor_id, actor.country,
                                       actor.sector, actor.office))


def _linked_event(event_id: str, c: Cluster, members: list[Report]) -> LinkedEvent:
    day, precision, inferred = c.date()
    actors, keys = _actors(members)
    roots = {m.original.id for m in members}
    sites = {m.original.site or m.original.id for m in members}
    published = [m.article.published for m in members if m.article.published]
    confidence = 1.0
    for root in roots:
        confidence *= 1.0 - max(m.mention.confidence for m in members if m.original.id == root)
    by_id = sorted(members, key=lambda m: m.mention.id or "")
    location = next((m.mention.location for m in by_id if m.mention.location), None)
    topics = sorted({t for m in members for t in m.mention.topics})
    source_key = _majority([m.source_key for m in members])
    target_key = _majority([m.target_key for m in members])
    names = {actor_key(a): a.name for a in actors}
    summary = summarise(c.type, c.mode, c.modality, [a.name for a in actors],
                        names.get(source_key or ""), names.get(target_key or ""),
                        location.name if location else None)
    return LinkedEvent(
        id=event_id, type=c.type, mode=c.mode, date=day, date_precision=precision,
        actors=actors, actor_keys=keys, source_key=source_key, target_key=target_key,
        location=location, topics=topics, modality=c.modality,
        confidence=round(1.0 - confidence, 4), n_mentions=len(members), n_articles=len(roots),
        n_sources=len(sites), first_reported=min(published) if published else None,
        last_reported=max(published) if published else None, summary=summary,
        details=_details(members), date_inferred=inferred)


def _details(members: list[Report]) -> dict[str, Any]:
    """Per-source facts, and the fields on which sources disagree."""
    per_source: dict[str, dict[str, Any]] = {}
    for r in sorted(members, key=lambda r: (r.original.id, r.mention.id or "")):
        m = r.mention
        entry = per_source.setdefault(r.original.id, {
            "article_id": r.original.id, "site": r.original.site, "url": r.original.url,
            "published": _iso(r.article.published), "mentions": [], "dates": [], "modes": [],
            "locations": []})
        entry["mentions"].append(m.id)
        stated = f"{_iso(m.date)}/{m.date_precision}" \
            if m.date and not m.date_inferred else None
        for name, value in (("dates", stated), ("modes", m.mode),
                            ("locations", m.location.name if m.location else None)):
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

