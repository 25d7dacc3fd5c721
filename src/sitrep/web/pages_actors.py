"""Pages about actors: an actor (offices, contacts, timeline, gaps), a dyad, the network."""

from __future__ import annotations

from collections import Counter
from datetime import date
from typing import Any
from urllib.parse import quote

from fastapi import APIRouter, Depends, Request
from fastapi.responses import RedirectResponse, Response

from sitrep.api import TimelineRow
from sitrep.web.auth import Caller, login_required
from sitrep.web.pages_read import reader
from sitrep.web.render import page
from sitrep.web.tables import download
from sitrep.web.views import bar_chart, network_layout

router = APIRouter()
CONTACT_COLUMNS = ("counterpart", "country", "total", "phone", "meeting", "visit",
                   "multilateral", "other", "first", "last", "sources")
TIMELINE_COLUMNS = ("date", "type", "mode", "modality", "summary", "actors", "sources",
                    "event_id")


def _month(day: date | None) -> str:
    return day.strftime("%Y-%m") if day else "undated"


def timeline_chart(rows: list[TimelineRow], anchor: str) -> Any:
    """Events per month, each bar linking to that month in the table below."""
    months = Counter(_month(r.date) for r in rows if r.date)
    points = [(m, float(n), f"{anchor}-{m}") for m, n in sorted(months.items())]
    return bar_chart(points) if points else None


@router.get("/actors")
def find_actor(request: Request, name: str = "",
               caller: Caller = Depends(login_required)) -> Response:
    card = reader(request).actor(name)
    return RedirectResponse(f"/actors/{quote(card.key, safe=':')}", status_code=303)


@router.get("/actors/{name}")
def actor(request: Request, name: str, since: str = "", until: str = "",
          level: str = "all", other: str = "", min_days: int = 14,
          format: str = "", table: str = "contacts",  # noqa: A002
          caller: Caller = Depends(login_required)) -> Response:
    s = reader(request)
    card = s.actor(name)
    first, last = since or None, until or None
    contacts = s.contacts(card.key, level=level, since=first, until=last)
    timeline = s.timeline(card.key, since=first, until=last)
    partner = other or (contacts[0].key if contacts else "")
    gaps = s.gaps(card.key, partner, min_days=min_days, since=first,
                  until=last) if partner else []
    if format:
        if table == "timeline":
            return download(timeline, format, "timeline", TIMELINE_COLUMNS)
        if table == "gaps":
            return download(gaps, format, "gaps")
        if table == "offices":
            return download(card.offices, format, "offices")
        return download(contacts, format, "contacts", CONTACT_COLUMNS)
    partner_name = next((c.counterpart for c in contacts if c.key == partner), partner)
    return page(request, "actor.html", card=card, contacts=contacts, timeline=timeline,
                chart=timeline_chart(timeline, "#m"), gaps=gaps, partner=partner,
                partner_name=partner_name,
                form={"since": since, "until": until, "level": level, "other": other,
                      "min_days": min_days})


@router.get("/dyad")
def dyad(request: Request, a: str = "", b: str = "", by: str = "month", since: str = "",
         until: str = "", format: str = "", table: str = "periods",  # noqa: A002
         caller: Caller = Depends(login_required)) -> Response:
    form = {"a": a, "b": b, "by": by, "since": since, "until": until}
    if not (a and b):
        return page(request, "dyad.html", form=form, rows=[], chart=None, groups={})
    s = reader(request)
    rows = s.dyad(a, b, by=by, since=since or None, until=until or None)
    events = s.timeline(a, b, since=since or None, until=until or None)
    if format:
        if table == "events":
            return download(events, format, "dyad-events", TIMELINE_COLUMNS)
        return download(rows, format, "dyad")
    starts = [r.period for r in rows]
    groups: dict[date, list[TimelineRow]] = {p: [] for p in starts}
    for e in events:
        if e.date:
            bucket = max((p for p in starts if p <= e.date), default=None)
            if bucket is not None:
                groups[bucket].append(e)
    chart = bar_chart([(p.isoformat(), r.score, f"#p-{p.isoformat()}")
                       for p, r in zip(starts, rows, strict=True)]) if rows else None
    return page(request, "dyad.html", form=form, rows=rows, chart=chart, groups=groups)


@router.get("/network")
def network(request: Request, since: str = "", until: str = "", country: str = "",
            types: str = "CONSULT", min_weight: int = 1, format: str = "",  # noqa: A002
            table: str = "edges", caller: Caller = Depends(login_required)) -> Response:
    net = reader(request).network(since=since or None, until=until or None,
                                  country=country or None, types=types.split(","),
                                  min_weight=min_weight)
    if format:
        return download(net.nodes if table == "nodes" else net.edges, format,
                        f"network-{table}")
    nodes, edges = network_layout(net)
    names = {n.key: n.name for n in net.nodes}
    return page(request, "network.html", net=net, nodes=nodes, edges=edges, names=names,
                form={"since": since, "until": until, "country": country, "types": types,
                      "min_weight": min_weight})
