"""Pictures of the answers: timeline, dyad and network, as PNG or SVG files.

Figures are drawn with matplotlib's object API on the Agg canvas, never through pyplot, so
nothing needs a display and no global figure state leaks between calls.
"""

from __future__ import annotations

from collections.abc import Sequence
from itertools import pairwise
from datetime import date
from pathlib import Path
from typing import Any

import networkx as nx
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure

from sitrep.answers.network import Network
from sitrep.answers.timeline import DyadRow, TimelineRow
from sitrep.errors import QueryError

def _axis(days: Sequence[date | None]) -> Any:
    """Dates as an axis: matplotlib converts them, though its type stubs want numbers."""
    return list(days)


_MODALITY_COLOURS = {"asserted": "#1f77b4", "negated": "#d62728", "future": "#2ca02c",
                     "hypothetical": "#9467bd"}


def _save(fig: Figure, path: str | Path) -> Path:
    out = Path(path)
    if out.suffix.lower() not in (".png", ".svg"):
        raise QueryError("E504", "a plot is written as .png or .svg", item=str(out))
    FigureCanvasAgg(fig)
    fig.savefig(out, dpi=120, bbox_inches="tight")
    return out


def plot_timeline(rows: Sequence[TimelineRow], path: str | Path, title: str = "") -> Path:
    """Events as points on a time axis, one lane per event type, coloured by modality.

    Returns:
        The file written.

    Raises:
        QueryError: E504 when the path is not .png or .svg.
    """
    dated = [r for r in rows if r.date is not None]
    lanes = sorted({r.type for r in dated})
    fig = Figure(figsize=(10, 1.2 + 0.5 * max(len(lanes), 1)))
    ax = fig.add_subplot()
    for r in dated:
        ax.scatter(_axis([r.date]), [lanes.index(r.type)], s=30 + 20 * min(r.sources, 5),
                   color=_MODALITY_COLOURS.get(r.modality, "grey"),
                   marker="o" if r.precision == "day" else "s", alpha=0.8)
    ax.set_yticks(range(len(lanes)), lanes)
    ax.set_title(title or f"{len(dated)} dated events")
    ax.grid(axis="x", alpha=0.3)
    fig.autofmt_xdate()
    return _save(fig, path)


def plot_dyad(rows: Sequence[DyadRow], path: str | Path, title: str = "") -> Path:
    """Cooperation (up) and conflict (down) per period, with the net score as a line.

    Returns:
        The file written.

    Raises:
        QueryError: E504 when the path is not .png or .svg.
    """
    fig = Figure(figsize=(10, 4))
    ax = fig.add_subplot()
    days = _axis([r.period for r in rows])
    width = 20 if len(days) < 2 else max(1, min((b - a).days for a, b in pairwise(days)) * 0.8)
    ax.bar(days, [r.cooperation for r in rows], width=width, color="#2ca02c", label="cooperation")
    ax.bar(days, [r.conflict for r in rows], width=width, color="#d62728", label="conflict")
    ax.plot(days, [r.score for r in rows], color="black", marker=".", label="net score")
    ax.axhline(0, color="grey", linewidth=0.8)
    ax.set_title(title or "cooperation-conflict score")
    ax.legend(loc="best")
    fig.autofmt_xdate()
    return _save(fig, path)


def plot_network(net: Network, path: str | Path, title: str = "", top: int = 60) -> Path:
    """The heaviest part of the graph: node size by events, edge width by weight.

    Returns:
        The file written.

    Raises:
        QueryError: E504 when the path is not .png or .svg.
    """
    graph = net.to_networkx()
    keep = [n.key for n in net.nodes[:top]]
    graph = graph.subgraph(keep).copy()
    fig = Figure(figsize=(10, 10))
    ax = fig.add_subplot()
    ax.set_axis_off()
    if graph.number_of_nodes():
        layout = nx.spring_layout(graph, seed=7, weight="weight")
        sizes = [80 + 40 * graph.nodes[n]["events"] ** 0.5 for n in graph.nodes]
        widths = [0.5 + graph.edges[e]["weight"] ** 0.5 for e in graph.edges]
        nx.draw_networkx_edges(graph, layout, ax=ax, width=widths, alpha=0.4)
        nx.draw_networkx_nodes(graph, layout, ax=ax, node_size=sizes, node_color="#1f77b4")
        nx.draw_networkx_labels(graph, layout, ax=ax, font_size=8,
                                labels={n: graph.nodes[n]["name"] for n in graph.nodes})
    ax.set_title(title or f"{graph.number_of_nodes()} actors, {graph.number_of_edges()} links")
    return _save(fig, path)
