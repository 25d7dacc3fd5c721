"""Charts for briefings, drawn with matplotlib's Agg backend into PNG bytes.

Charts are embedded in the HTML page as base64 ``data:`` URIs, so the page is one
self-contained file; the Markdown briefing links the same PNGs written beside it.
"""

from __future__ import annotations

import base64
import io
from collections import Counter
from dataclasses import dataclass
from datetime import date

import matplotlib

matplotlib.use("Agg")  # no display: briefings are rendered on servers and in cron jobs

import matplotlib.pyplot as plt
from matplotlib.figure import Figure
from matplotlib.ticker import MaxNLocator

from sitrep.brief.evidence import EventView
from sitrep.brief.period import Period

# One colour per PLOVER quad, so cooperation and conflict read apart at a glance.
TYPE_COLOURS: dict[str, str] = {
    "AGREE": "#9ecae1", "CONSULT": "#3182bd", "SUPPORT": "#6baed6", "CONCEDE": "#c6dbef",
    "COOPERATE": "#31a354", "AID": "#74c476", "RETREAT": "#a1d99b",
    "REQUEST": "#fdd0a2", "ACCUSE": "#fdae6b", "REJECT": "#fd8d3c", "THREATEN": "#e6550d",
    "PROTEST": "#bcbddc", "SANCTION": "#9e9ac8", "MOBILIZE": "#756bb1",
    "COERCE": "#de2d26", "ASSAULT": "#a50f15",
}


@dataclass(frozen=True)
class Chart:
    """A rendered chart: PNG bytes, a file name for the Markdown copy, and its alt text."""

    name: str
    title: str
    alt: str
    png: bytes

    @property
    def data_uri(self) -> str:
        return "data:image/png;base64," + base64.b64encode(self.png).decode("ascii")


def _png(fig: Figure) -> bytes:
    buffer = io.BytesIO()
    fig.savefig(buffer, format="png", dpi=100, bbox_inches="tight")
    plt.close(fig)
    return buffer.getvalue()


def events_per_day(events: list[EventView], period: Period) -> Chart:
    """Stacked bars: events per day in the period, by PLOVER type.

    Args:
        events: the briefing's events (undated ones count on the day first reported).
        period: the days on the x axis.

    Returns:
        The chart.
    """
    days = period.days
    types = sorted({e.type for e in events})
    counts: Counter[tuple[date | None, str]] = Counter((e.when, e.type) for e in events)
    fig, ax = plt.subplots(figsize=(8, 3))
    bottom = [0] * len(days)
    for kind in types:
        heights = [counts.get((d, kind), 0) for d in days]
        ax.bar(range(len(days)), heights, bottom=bottom, label=kind,
               color=TYPE_COLOURS.get(kind, "#999999"))
        bottom = [b + h for b, h in zip(bottom, heights, strict=True)]
    step = max(1, len(days) // 10)
    ax.set_xticks(range(0, len(days), step))
    ax.set_xticklabels([d.strftime("%d %b") for d in days[::step]], fontsize=8)
    ax.set_ylabel("events")
    ax.yaxis.set_major_locator(MaxNLocator(integer=True))
    ax.set_title("Events per day, by type")
    if types:
        ax.legend(fontsize=7, ncol=4, loc="upper left")
    ax.spines[["top", "right"]].set_visible(False)
    total = ", ".join(f"{kind} {sum(1 for e in events if e.type == kind)}" for kind in types)
    return Chart("events-per-day.png", "Events per day, by type",
                 f"Events per day from {period.start} to {period.end}: {total or 'none'}",
                 _png(fig))


def contacts_per_counterpart(contacts: list[EventView], subjects: set[str],
                             limit: int = 12) -> Chart:
    """Horizontal bars: how many contacts the watched actors had with each counterpart.

    Args:
        contacts: CONSULT events.
        subjects: keys of the watched actors; their counterparts are counted.
        limit: most counterparts shown.

    Returns:
        The chart.
    """
    counts: Counter[str] = Counter()
    for event in contacts:
        ours = {k for k in event.actor_keys if k in subjects}
        for actor in event.actors:
            if actor.key not in ours and actor.kind == "person":
                counts[actor.name] += 1
    top = counts.most_common(limit)
    fig, ax = plt.subplots(figsize=(8, max(1.5, 0.4 * len(top) + 0.8)))
    ax.barh([name for name, _ in reversed(top)], [n for _, n in reversed(top)],
            color=TYPE_COLOURS["CONSULT"])
    ax.set_xlabel("contacts")
    ax.set_title("Leader contacts per counterpart")
    ax.xaxis.set_major_locator(MaxNLocator(integer=True))
    ax.spines[["top", "right"]].set_visible(False)
    alt = ", ".join(f"{name} {n}" for name, n in top) or "no contacts"
    return Chart("contacts-per-counterpart.png", "Leader contacts per counterpart",
                 f"Contacts per counterpart: {alt}", _png(fig))
