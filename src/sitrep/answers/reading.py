"""What a reader of one article or one actor sees: the article's coded events placed in its
text, and an actor's card (who they are, the offices they held and when).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from sitrep.actors.identity import person_id
from sitrep.actors.kb import KnowledgeBase
from sitrep.answers.resolve import ActorMatch, resolve_actor
from sitrep.store import Store
from sitrep.store.reports import reports_of_articles


@dataclass(frozen=True)
class Mark:
    """One coded event's evidence in an article's text: ``text[start:end]``."""

    start: int
    end: int
    event_id: str
    """The linked event (or, before linking, the mention)."""
    type: str
    mode: str | None
    modality: str
    date: date | None
    trigger: str | None
    actors: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class Office:
    """One office an actor held."""

    title: str
    country: str
    start: date
    end: date | None


@dataclass(frozen=True)
class ActorCard:
    """An actor as the store and the knowledge base know them."""

    key: str
    name: str
    kind: str
    country: str | None
    offices: list[Office] = field(default_factory=list)


def article_marks(store: Store, article_id: str) -> list[Mark]:
    """The coded events of an article, by their place in its text (first first)."""
    marks = []
    for report in reports_of_articles(store, [article_id]):
        m = report.mention
        marks.append(Mark(m.start, m.end, m.event_id or m.id or "", m.type, m.mode, m.modality,
                          m.date, m.trigger, [a.name for a in m.actors]))
    return sorted(marks, key=lambda k: (k.start, k.end))


def actor_card(store: Store, name: str, kb: KnowledgeBase | None = None) -> ActorCard:
    """Who a loose actor name is, with the offices the knowledge base knows they held.

    Raises:
        QueryError: E501/E502 when the name matches nobody or several actors.
    """
    match: ActorMatch = resolve_actor(store, name)
    pid = person_id(match.key)
    person = (kb or KnowledgeBase.load()).person(pid) if pid else None
    offices = [Office(t.title, t.country, t.start, t.end)
               for t in sorted(person.terms, key=lambda t: t.start)] if person else []
    return ActorCard(match.key, match.name, match.kind, match.country, offices)
