"""A real DuckDB store holding hand-coded articles, linked by the real link stage.

The articles restate the founding seed articles' contacts in plain words; their mentions
are the events an analyst codes from them (``../shared/seeds/expected-events.jsonl``),
including the negated "Biden did not call Bennett", which must never become a contact.
"""

from __future__ import annotations

import atexit
import shutil
import tempfile
from datetime import date
from pathlib import Path

from sitrep.link import link_events
from sitrep.record import ActorRef, Article, Event, Location
from sitrep.store import Store

BENNETT = ActorRef("Naftali Bennett", "person", "naftali-bennett", "ISR", "GOV",
                   "head_of_government")
PUTIN = ActorRef("Vladimir Putin", "person", "vladimir-putin", "RUS", "GOV", "head_of_state")
JOHNSON = ActorRef("Boris Johnson", "person", "boris-johnson", "GBR", "GOV",
                   "head_of_government")
MACRON = ActorRef("Emmanuel Macron", "person", "emmanuel-macron", "FRA", "GOV",
                  "head_of_state")
LAPID = ActorRef("Yair Lapid", "person", "yair-lapid", "ISR", "GOV", "foreign_minister")
BIDEN = ActorRef("Joe Biden", "person", "joe-biden", "USA", "GOV", "head_of_state")
ISRAEL = ActorRef("Israel", "state", None, "ISR")
SYRIA = ActorRef("Syria", "state", None, "SYR")


def event(kind: str, actors: list[ActorRef], sentence: str, day: date | None,
          precision: str = "day", mode: str | None = None, modality: str = "asserted",
          topics: list[str] | None = None, place: str | None = None,
          source: ActorRef | None = None, target: ActorRef | None = None) -> Event:
    """A coded event as the coder emits it."""
    return Event(kind, actors, "", sentence, 0, len(sentence), mode=mode, source=source,
                 target=target, date=day, date_precision=precision if day else None,
                 topics=topics or [], modality=modality,
                 location=Location(place, "RUS") if place else None)


def add_article(store: Store, url: str, title: str, published: date, site: str,
                events: list[Event]) -> str:
    """Save one article and its mentions in one transaction, as the pipeline does."""
    text = " ".join(e.sentence for e in events)
    article = Article(url=url, title=title, text=text, origin=url, published=published,
                      site=site)
    found = store.classify(article)
    with store.transaction():
        store.save_article(article, found)
        for e in events:
            e.article_id = article.id or ""
            e.start = text.index(e.sentence)
            e.end = e.start + len(e.sentence)
        store.replace_mentions(article.id or "", events, "test")
    return article.id or ""


def link_all(store: Store) -> None:
    """Link every mention into events with the real link stage."""
    link_events(store)


def seed_events() -> list[tuple[str, str, date, str, list[Event]]]:
    """(url, title, published, site, events) for the seed-like articles."""
    jan13 = event("CONSULT", [BENNETT, PUTIN],
                  "Prime Minister Naftali Bennett spoke Jan. 13 on the phone with Russian "
                  "President Vladimir Putin.", date(2022, 1, 13), mode="phone",
                  topics=["Syria", "Iran nuclear program"])
    sochi = event("CONSULT", [BENNETT, PUTIN],
                  "Bennett has met Putin in person once in Sochi on Oct. 22, 2021.",
                  date(2021, 10, 22), mode="meeting", place="Sochi")
    glasgow = event("CONSULT", [BENNETT, JOHNSON, MACRON],
                    "Bennett met Boris Johnson and Emmanuel Macron in Glasgow in November.",
                    date(2021, 11, 1), precision="month", mode="meeting")
    jan4 = event("CONSULT", [BENNETT, JOHNSON],
                 "On Jan. 4, Bennett spoke with Johnson over the phone.", date(2022, 1, 4),
                 mode="phone", topics=["Iran nuclear program"])
    jan8 = event("CONSULT", [LAPID, MACRON],
                 "Macron and Lapid last spoke on the phone Jan. 8.", date(2022, 1, 8),
                 mode="phone", topics=["Iran nuclear program"])
    biden = event("CONSULT", [BIDEN, BENNETT],
                  "Biden did not call Bennett for over three weeks.", None, mode="phone",
                  modality="negated")
    oct7 = event("CONSULT", [BENNETT, PUTIN],
                 "Prime Minister Naftali Bennett and Russian President Vladimir Putin spoke on "
                 "the phone Thursday.", date(2021, 10, 7), mode="phone",
                 topics=["regional security"])
    strike = event("ASSAULT", [ISRAEL, SYRIA],
                   "Missiles were launched by Israel into Syria.", date(2022, 1, 12),
                   mode="aerial", source=ISRAEL, target=SYRIA)
    call_again = event("CONSULT", [BENNETT, PUTIN],
                       "Bennett and Putin spoke by phone on Thursday.", date(2022, 1, 13),
                       mode="phone")
    return [
        ("https://example.org/al-monitor-bennett-putin", "Bennett courts Putin",
         date(2022, 1, 14), "example.org", [jan13, sochi, glasgow, jan4, jan8, biden]),
        ("https://example.org/jpost-bennett-putin", "Bennett, Putin speak about regional security",
         date(2021, 10, 7), "example.org", [oct7]),
        ("https://news.example.net/strike", "Strike in Syria", date(2022, 1, 12),
         "news.example.net", [strike]),
        ("https://wire.example.com/call", "Leaders talk", date(2022, 1, 14),
         "wire.example.com", [call_again]),
    ]


_TEMPLATES: dict[bool, Path] = {}


def build_store(path: Path, linked: bool = True) -> Store:
    """A store at ``path`` with the seed-like articles (built once, then copied: fast)."""
    if linked not in _TEMPLATES:
        folder = tempfile.mkdtemp(prefix="sitrep-brief-")
        atexit.register(shutil.rmtree, folder, True)
        template = Path(folder) / "template.duckdb"
        store = Store(template)
        for url, title, published, site, events in seed_events():
            add_article(store, url, title, published, site, events)
        if linked:
            link_all(store)
        store.close()
        _TEMPLATES[linked] = template
    path.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(_TEMPLATES[linked], path)
    return Store(path)
