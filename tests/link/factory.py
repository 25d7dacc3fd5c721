"""Real stores in tmp dirs, filled with real Article rows and coded Event records."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest

from sitrep.record import ActorRef, Article, Event, Location
from sitrep.store.db import Store

PEOPLE = {
    "bennett": ActorRef("Naftali Bennett", "person", "person:naftali-bennett", "ISR", "GOV",
                        "Prime Minister of Israel"),
    "putin": ActorRef("Vladimir Putin", "person", "person:vladimir-putin", "RUS", "GOV",
                      "President of Russia"),
    "johnson": ActorRef("Boris Johnson", "person", "person:boris-johnson", "GBR", "GOV",
                        "Prime Minister of the United Kingdom"),
    "macron": ActorRef("Emmanuel Macron", "person", "person:emmanuel-macron", "FRA", "GOV",
                       "President of France"),
    "lapid": ActorRef("Yair Lapid", "person", "person:yair-lapid", "ISR", "GOV",
                      "Minister of Foreign Affairs of Israel"),
    "biden": ActorRef("Joe Biden", "person", "person:joe-biden", "USA", "GOV",
                      "President of the United States"),
    "israel": ActorRef("Israel", "state", None, "ISR", None),
    "syria": ActorRef("Syria", "state", None, "SYR", None),
}


def coded(kind: str, who: list[str], day: date | None, precision: str | None = "day",
          mode: str | None = None, modality: str = "asserted", place: str | None = None,
          source: str | None = None, target: str | None = None,
          sentence: str = "They spoke.") -> Event:
    """An Event as the coder makes it, for actors named by their PEOPLE keys."""
    return Event(type=kind, actors=[PEOPLE[w] for w in who], article_id="", sentence=sentence,
                 start=0, end=len(sentence), mode=mode, date=day,
                 date_precision=precision if day else None, modality=modality,  # type: ignore[arg-type]
                 location=Location(place) if place else None,
                 source=PEOPLE[source] if source else None,
                 target=PEOPLE[target] if target else None, confidence=0.7)


def add_article(store: Store, url: str, events: list[Event], published: date | None,
                text: str | None = None, site: str | None = None,
                title: str = "Leaders talk") -> str:
    """Save an article with its coded events, as the pipeline does; returns the article id."""
    body = text or f"{url} " + " ".join(e.sentence for e in events) + " filler" * 40
    art = Article(url=url, title=title, text=body, origin=url, published=published,
                  site=site or url.split("/")[2])
    with store.transaction():
        found = store.classify(art)
        store.save_article(art, found)
        assert art.id is not None
        for e in events:
            e.article_id = art.id
        store.replace_mentions(art.id, events, "test")
    return art.id


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    """A fresh store file in a tmp dir."""
    with Store(tmp_path / "t.duckdb") as s:
        yield s
