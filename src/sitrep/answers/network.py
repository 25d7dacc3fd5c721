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
from typing import TYPE_CHECKING, Any

from sitrep.answers.common import as_actor, names, period
from sitrep.errors import QueryError
from sitrep.store import Store
from sitrep.store.queries import network_edges, story_summaries

if TYPE_CHECKING:  # networkx (20 MB) is imported when a graph is wanted, not by every
    import networkx as nx  # process that imports the API, ingest workers among them

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

    def to_networkx(self) -> nx.Graph[str]:
        """A networkx graph with the node and edge fields as attributes (dates as text)."""
        import networkx as nx

        graph: nx.Graph[str] = nx.Graph()
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
            import networkx as nx

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
    keys = as_actor(store, country, start, stop).keys if country else None
    edges = [NetworkEdge(t.source, t.target, t.weight, t.first, t.last, t.phone, t.in_person)
             for t in network_edges(store, types, start, stop, max_parties=MAX_PARTIES,
                                    keys=keys, min_weight=min_weight, limit=limit)]
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
            limit: int | None = 100) -> list[StoryRow]:
    """Developing stories active in the period, the most recently active first.

    Args:
        store: the store to read.
        since: keep stories with an article on or after this day.
        until: keep stories that started on or before this day.
        limit: at most this many stories (None: all).

    Returns:
        One ``StoryRow`` per story, with its five most mentioned actors.

    Raises:
        QueryError: E503 for a bad date.
    """
    start, stop = period(since, until)
    found = story_summaries(store, start, stop, limit)
    labels = names(store, sorted({k for s in found for k in s.top_keys}))
    return [StoryRow(s.id, s.title or "", s.first, s.last, s.articles, s.events,
                     [labels[k][0] for k in s.top_keys]) for s in found]
