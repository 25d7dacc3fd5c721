"""Who talks to whom: a weighted graph of actors from linked events, and the story list.

Nodes are actors (store keys), edges join two actors that took part in the same asserted
event, weighted by the number of such events. The graph is written as GraphML (networkx),
JSON, or a picture (``sitrep.answers.charts``).
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import asdict, dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

import networkx as nx

from sitrep.answers.common import as_actor, names, period
from sitrep.errors import QueryError
from sitrep.store.db import Store

_EDGES_SQL = """
WITH ev AS (
    SELECT id, date, mode, actor_keys FROM events
    WHERE modality = 'asserted' AND list_contains(?::VARCHAR[], type)
      AND date BETWEEN ? AND ? AND len(actor_keys) BETWEEN 2 AND ? {country}
), p AS (
    SELECT id, date, mode, unnest(actor_keys) AS k FROM ev
)
SELECT a.k, b.k, count(DISTINCT a.id) AS n, min(a.date), max(a.date),
       count(DISTINCT a.id) FILTER (WHERE a.mode = 'phone'),
       count(DISTINCT a.id) FILTER (WHERE a.mode IN ('meeting', 'visit', 'multilateral'))
FROM p a JOIN p b ON a.id = b.id AND a.k < b.k
GROUP BY a.k, b.k HAVING count(DISTINCT a.id) >= ?
ORDER BY n DESC, a.k, b.k LIMIT ?
"""

MAX_PARTIES = 12
"""Events with more actors than this (big summits) would tie everyone to everyone: skipped."""


@dataclass
class NetworkNode:
    key: str
    name: str
    country: str | None
    events: int
    """Sum of the weights of the node's edges."""
    degree: int


@dataclass
class NetworkEdge:
    source: str
    target: str
    weight: int
    """Events the two took part in together."""
    first: date
    last: date
    phone: int
    in_person: int


@dataclass
class Network:
    """The graph: nodes and weighted edges, exportable as GraphML, JSON or a picture."""

    nodes: list[NetworkNode] = field(default_factory=list)
    edges: list[NetworkEdge] = field(default_factory=list)

    def to_networkx(self) -> nx.Graph:
        """A networkx graph with the node and edge fields as attributes (dates as text)."""
        graph = nx.Graph()
        for n in self.nodes:
            graph.add_node(n.key, name=n.name, country=n.country or "", events=n.events,
                           degree=n.degree)
        for e in self.edges:
            graph.add_edge(e.source, e.target, weight=e.weight, first=e.first.isoformat(),
                           last=e.last.isoformat(), phone=e.phone, in_person=e.in_person)
        return graph

    def to_dict(self) -> dict[str, Any]:
        """Plain JSON-ready data: ``{"nodes": [...], "edges": [...]}``."""
        return {"nodes": [asdict(n) for n in self.nodes],
                "edges": [asdict(e) | {"first": e.first.isoformat(), "last": e.last.isoformat()}
                          for e in self.edges]}

    def write(self, path: str | Path) -> Path:
        """Write by suffix: ``.graphml``, ``.json``, ``.png`` or ``.svg``.

        Raises:
            QueryError: E504 for any other suffix.
        """
        out = Path(path)
        suffix = out.suffix.lower()
        if suffix == ".graphml":
            nx.write_graphml(self.to_networkx(), out)
        elif suffix == ".json":
            out.write_text(json.dumps(self.to_dict(), ensure_ascii=False, indent=2), "utf-8")
        elif suffix in (".png", ".svg"):
            from sitrep.answers.charts import plot_network

            plot_network(self, out)
        else:
            raise QueryError("E504", "use .graphml, .json, .png or .svg", item=str(out))
        return out


def network(store: Store, since: date | str | None = None, until: date | str | None = None,
            country: str | None = None, types: Sequence[str] = ("CONSULT",),
            min_weight: int = 1, limit: int = 500) -> Network:
    """Who deals with whom: actors joined by the asserted events they share.

    Args:
        store: the store to read.
        since: first day.
        until: last day.
        country: keep events with at least one actor of this country (or actor) only.
        types: PLOVER event types to include (default CONSULT: calls, meetings, visits).
        min_weight: drop edges with fewer events.
        limit: keep the heaviest edges only.

    Returns:
        The ``Network``.

    Raises:
        QueryError: E501/E502 for an unresolved country, E503 for a bad date.
    """
    start, stop = period(since, until)
    params: list[Any] = [list(types), start, stop, MAX_PARTIES]
    where = ""
    if country:
        match = as_actor(store, country, start, stop)
        where = "AND list_has_any(actor_keys, ?::VARCHAR[])"
        params.append(list(match.keys))
    rows = store.con.execute(_EDGES_SQL.format(country=where),
                             [*params, min_weight, limit]).fetchall()
    edges = [NetworkEdge(r[0], r[1], int(r[2]), r[3], r[4], int(r[5]), int(r[6])) for r in rows]
    weight: dict[str, int] = {}
    degree: dict[str, int] = {}
    for e in edges:
        for k in (e.source, e.target):
            weight[k] = weight.get(k, 0) + e.weight
            degree[k] = degree.get(k, 0) + 1
    labels = names(store, sorted(weight))
    nodes = [NetworkNode(k, labels[k][0], labels[k][1], weight[k], degree[k])
             for k in sorted(weight, key=lambda k: (-weight[k], k))]
    return Network(nodes, edges)


@dataclass
class StoryRow:
    """One story with its size and the actors it is about."""

    id: str
    title: str
    first: date | None
    last: date | None
    articles: int
    events: int
    actors: list[str] = field(default_factory=list)

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)


def stories(store: Store, since: date | str | None = None, until: date | str | None = None,
            limit: int = 100) -> list[StoryRow]:
    """Developing stories active in the period, the most recently active first.

    Args:
        store: the store to read.
        since: keep stories with an article on or after this day.
        until: keep stories that started on or before this day.
        limit: at most this many stories.

    Returns:
        One ``StoryRow`` per story, with its five most mentioned actors.

    Raises:
        QueryError: E503 for a bad date.
    """
    start, stop = period(since, until)
    rows = store.con.execute("""
        WITH s AS (
            SELECT * FROM stories
            WHERE coalesce(last_published, DATE '2999-12-31') >= ?
              AND coalesce(first_published, DATE '1900-01-01') <= ?
            ORDER BY last_published DESC NULLS LAST, id LIMIT ?
        ), m AS (
            SELECT a.story_id, mm.event_id, unnest(mm.actor_keys) AS k
            FROM articles a JOIN mentions mm ON mm.article_id = a.id
            WHERE a.story_id IN (SELECT id FROM s)
        ), top AS (
            SELECT story_id, k, count(*) AS n FROM m GROUP BY story_id, k
        )
        SELECT s.id, s.title, s.first_published, s.last_published, s.n_articles,
               (SELECT count(DISTINCT event_id) FROM m WHERE m.story_id = s.id),
               (SELECT list(k ORDER BY n DESC, k)[1:5] FROM top WHERE top.story_id = s.id)
        FROM s ORDER BY s.last_published DESC NULLS LAST, s.id
    """, [start, stop, limit]).fetchall()
    keys = sorted({k for r in rows for k in (r[6] or [])})
    labels = names(store, keys)
    return [StoryRow(r[0], r[1] or "", r[2], r[3], int(r[4]), int(r[5] or 0),
                     [labels[k][0] for k in (r[6] or [])]) for r in rows]
