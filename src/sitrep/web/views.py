"""What pages draw, computed in Python and handed to the (autoescaped) templates: an
article's text cut at its evidence, a sentence cut at its marked spans, bar charts and a
network laid out as SVG coordinates. No markup is built here, only positions and text.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from sitrep.api import Mark, Network


@dataclass(frozen=True)
class Piece:
    """A run of text, marked by the event whose evidence it is (or not)."""

    text: str
    mark: Mark | None = None


def article_pieces(text: str, marks: Sequence[Mark]) -> list[Piece]:
    """The text cut into plain runs and evidence runs (an overlapping mark is dropped)."""
    pieces: list[Piece] = []
    at = 0
    for mark in sorted(marks, key=lambda m: (m.start, m.end)):
        if mark.start < at or mark.end > len(text) or mark.end <= mark.start:
            continue
        if mark.start > at:
            pieces.append(Piece(text[at:mark.start]))
        pieces.append(Piece(text[mark.start:mark.end], mark))
        at = mark.end
    if at < len(text):
        pieces.append(Piece(text[at:]))
    return pieces


@dataclass(frozen=True)
class Span:
    """A run of a sentence, with the kind of span it is (``actor``, ``event``, ``date``)."""

    text: str
    kind: str | None = None
    label: str | None = None


def sentence_spans(sentence: str, offset: int, spans: Sequence[dict[str, Any]]) -> list[Span]:
    """A sentence cut at its marked spans (given in article offsets, from ``offset``)."""
    out: list[Span] = []
    at = 0
    for span in sorted(spans, key=lambda s: int(s["start"])):
        start, end = int(span["start"]) - offset, int(span["end"]) - offset
        if start < at or end > len(sentence) or end <= start:
            continue
        if start > at:
            out.append(Span(sentence[at:start]))
        out.append(Span(sentence[start:end], str(span["kind"]), str(span.get("label") or "")))
        at = end
    if at < len(sentence):
        out.append(Span(sentence[at:]))
    return out


@dataclass(frozen=True)
class Bar:
    """One bar of an SVG bar chart: its box, its label and where it links."""

    x: float
    y: float
    width: float
    height: float
    label: str
    value: float
    href: str
    negative: bool = False


@dataclass(frozen=True)
class Chart:
    width: int
    height: int
    zero: float
    bars: list[Bar]


def bar_chart(points: Sequence[tuple[str, float, str]], width: int = 720,
              height: int = 180) -> Chart:
    """Bars for (label, value, link) points; negative values hang below the zero line."""
    top = max([p[1] for p in points] + [0.0])
    bottom = min([p[1] for p in points] + [0.0])
    span = (top - bottom) or 1.0
    inner = height - 30
    zero = 10 + inner * top / span
    step = width / max(len(points), 1)
    bars = []
    for i, (label, value, href) in enumerate(points):
        h = inner * abs(value) / span
        y = zero - h if value >= 0 else zero
        bars.append(Bar(round(i * step + 1, 1), round(y, 1), round(max(step - 2, 1), 1),
                        round(max(h, 1), 1), label, value, href, value < 0))
    return Chart(width, height, round(zero, 1), bars)


@dataclass(frozen=True)
class Node:
    key: str
    name: str
    country: str | None
    x: float
    y: float
    r: float


@dataclass(frozen=True)
class Edge:
    x1: float
    y1: float
    x2: float
    y2: float
    weight: int
    width: float
    label: str


def network_layout(net: Network, size: int = 720, top: int = 40) -> tuple[list[Node],
                                                                         list[Edge]]:
    """The ``top`` busiest actors of a network placed by a seeded spring layout, scaled to
    fill the square (a margin kept for the names)."""
    import networkx as nx

    keep = {n.key for n in sorted(net.nodes, key=lambda n: -n.events)[:top]}
    graph: nx.Graph[str] = nx.Graph()
    graph.add_nodes_from(keep)
    for e in net.edges:
        if e.source in keep and e.target in keep:
            graph.add_edge(e.source, e.target, weight=e.weight)
    n = max(graph.number_of_nodes(), 1)
    pos = nx.spring_layout(graph, seed=7, k=2.5 / n ** 0.5, iterations=100) if keep else {}
    xs = [float(p[0]) for p in pos.values()] or [0.0]
    ys = [float(p[1]) for p in pos.values()] or [0.0]
    most = max([n.events for n in net.nodes if n.key in keep] + [1])
    heaviest = max([e.weight for e in net.edges] + [1])

    def scale(value: float, low: float, high: float, margin: float) -> float:
        span = (high - low) or 1.0
        return round(margin + (value - low) / span * (size - 2 * margin), 1)

    def at(key: str) -> tuple[float, float]:
        x, y = pos[key]
        return (scale(float(x), min(xs), max(xs), 40),
                scale(float(y), min(ys), max(ys), 20))

    names = {n.key: n.name for n in net.nodes}
    nodes = [Node(n.key, n.name, n.country, *at(n.key), round(4 + 10 * n.events / most, 1))
             for n in net.nodes if n.key in keep]
    edges = [Edge(*at(e.source), *at(e.target), e.weight,
                  round(0.5 + 4 * e.weight / heaviest, 1),
                  f"{names.get(e.source, e.source)} - {names.get(e.target, e.target)}: "
                  f"{e.weight}")
             for e in net.edges if e.source in keep and e.target in keep]
    return nodes, edges
