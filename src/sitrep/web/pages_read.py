"""Pages for reading the store: home, search, an article, an event, stories."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from fastapi import APIRouter, Depends, Request
from fastapi.responses import Response

from sitrep.api import Sitrep
from sitrep.web.auth import Caller, login_required, served
from sitrep.web.render import page
from sitrep.web.tables import download
from sitrep.web.views import article_pieces, sentence_spans

router = APIRouter()
PAGE_SIZE = 25
EVENT_COLUMNS = ("id", "date", "type", "mode", "modality", "summary", "actors", "n_sources",
                 "n_articles")
ARTICLE_COLUMNS = ("id", "published", "title", "site", "url")


def reader(request: Request) -> Sitrep:
    return served(request).reader()


def event_row(e: dict[str, Any]) -> dict[str, Any]:
    """An event record as a table row (actors as names)."""
    return {"id": e["id"], "date": e["date"], "date_precision": e.get("date_precision"),
            "type": e["type"], "mode": e.get("mode"), "modality": e["modality"],
            "summary": e.get("summary"), "actors": [a["name"] for a in e["actors"] if a],
            "n_sources": e.get("n_sources"), "n_articles": e.get("n_articles")}


def article_row(a: dict[str, Any]) -> dict[str, Any]:
    return {"id": a["id"], "published": a.get("published"), "title": a.get("title"),
            "site": a.get("site"), "url": a.get("url")}


def newest_day(s: Sitrep) -> date:
    """The newest publication day in the store (today for an empty store)."""
    newest = s.articles(limit=1)
    day = newest[0].get("published") if newest else None
    return day if isinstance(day, date) else date.today()


@router.get("/")
def home(request: Request, format: str = "",  # noqa: A002
         caller: Caller = Depends(login_required)) -> Response:
    s = reader(request)
    last = newest_day(s)
    first = last - timedelta(days=6)
    events = [event_row(e) for e in s.events(since=first, until=last)][::-1]
    if format:
        return download(events, format, f"events-{first}-{last}", EVENT_COLUMNS)
    briefings: dict[str, Any] = {}
    for doc in s.workspace(caller.team).documents("briefing"):
        briefings.setdefault(doc.subject or "", doc)
    return page(request, "home.html", stories=s.stories(since=last - timedelta(days=30),
                                                         until=last, limit=10),
                events=events[:30], n_events=len(events), first=first, last=last,
                briefings=list(briefings.values()))


def _matches(e: dict[str, Any], text: str, country: str) -> bool:
    if country and not any(a and (a.get("country") or "").upper() == country
                           for a in e["actors"]):
        return False
    if not text:
        return True
    hay = " ".join([e.get("summary") or ""] + [x.get("sentence", "") for x in e["evidence"]])
    return text.lower() in hay.lower()


def search_events(s: Sitrep, q: str, actor: str, type_: str, country: str, since: str,
                  until: str) -> list[dict[str, Any]]:
    """Events matching the search form (text in the summary or evidence), newest first."""
    found = s.events(actor=actor or None, type=type_.upper() or None, since=since or None,
                     until=until or None)
    return [event_row(e) for e in found if _matches(e, q.strip(), country.strip().upper())][::-1]


def search_articles(s: Sitrep, q: str, since: str, until: str) -> list[dict[str, Any]]:
    from sitrep.api import parse_day

    return [article_row(a) for a in s.articles(query=q.strip() or None,
                                               since=parse_day(since or None),
                                               until=parse_day(until or None, end=True))]


@router.get("/search")
def search(request: Request, q: str = "", actor: str = "", type: str = "",  # noqa: A002
           country: str = "", since: str = "", until: str = "", page_no: int = 1,
           format: str = "", table: str = "events",  # noqa: A002
           caller: Caller = Depends(login_required)) -> Response:
    s = reader(request)
    asked = any((q, actor, type, country, since, until))
    events = search_events(s, q, actor, type, country, since, until) if asked else []
    articles = search_articles(s, q, since, until) if (q or since or until) and not (
        actor or type or country) else []
    if format:
        if table == "articles":
            return download(articles, format, "articles", ARTICLE_COLUMNS)
        return download(events, format, "events", EVENT_COLUMNS)
    start = (max(page_no, 1) - 1) * PAGE_SIZE
    return page(request, "search.html", asked=asked,
                form={"q": q, "actor": actor, "type": type, "country": country,
                      "since": since, "until": until},
                events=events[start:start + PAGE_SIZE], n_events=len(events),
                articles=articles[start:start + PAGE_SIZE], n_articles=len(articles),
                page_no=max(page_no, 1), page_size=PAGE_SIZE)


@router.get("/articles/{article_id}")
def article(request: Request, article_id: str, format: str = "",  # noqa: A002
            caller: Caller = Depends(login_required)) -> Response:
    s = reader(request)
    found = s.article(article_id)
    marks = s.article_marks(found["id"])
    if not marks and found.get("canonical_id"):
        marks = s.article_marks(found["canonical_id"])
    if format:
        return download(marks, format, f"article-{found['id']}-events")
    sources: dict[str, list[dict[str, Any]]] = {}
    for event_id in {m.event_id for m in marks}:
        try:
            explained = s.explain(event_id)
        except Exception:  # noqa: BLE001 - an unlinked mention has no other sources
            continue
        sources[event_id] = [m for m in explained["mentions"]
                             if m["article_id"] != found["id"]]
    return page(request, "article.html", article=found, marks=marks,
                pieces=article_pieces(found.get("text") or "", marks), sources=sources)


@router.get("/events/{event_id}")
def event(request: Request, event_id: str, format: str = "",  # noqa: A002
          caller: Caller = Depends(login_required)) -> Response:
    s = reader(request)
    explained = s.explain(event_id)
    mentions = explained["mentions"]
    if format:
        return download(mentions, format, f"event-{event_id}-sources",
                        ("mention_id", "article_id", "title", "url", "published", "sentence",
                         "modality", "rule", "confidence"))
    marked = [(m, sentence_spans(m["sentence"], m["start"], m["spans"])) for m in mentions]
    articles = {m["article_id"] for m in mentions}
    return page(request, "event.html", event=explained["event"], event_id=event_id,
                marked=marked, n_articles=len(articles))


@router.get("/stories")
def stories(request: Request, since: str = "", until: str = "", limit: int = 50,
            format: str = "",  # noqa: A002
            caller: Caller = Depends(login_required)) -> Response:
    rows = reader(request).stories(since=since or None, until=until or None, limit=limit)
    if format:
        return download(rows, format, "stories")
    return page(request, "stories.html", rows=rows, form={"since": since, "until": until})
