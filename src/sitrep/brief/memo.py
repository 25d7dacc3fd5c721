"""Analytical memos on an actor, a pair of actors or a topic, every sentence cited.

A memo follows the shape of a hand-written analyst memo (the Al-Monitor piece on Bennett and
Putin in the project's seeds), built from stored events only:

1. lead: the latest contact (or event), with the topics its sources report;
2. the pattern: how many contacts, of which kinds, on which dates and where;
3. what else passed between the sides (other event types);
4. other contacts of each side in the period, for comparison;
5. what did not happen, only where a stored source says so (a negated mention), cited.

Every sentence is built by ``Citer.statement`` from the events it states, so it carries the
numbers of the articles whose own mentions report those events; ``check_citations`` verifies
this against the store.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from pathlib import Path

from sitrep.brief.cite import Citer, Reference, Statement
from sitrep.actors.kb import normalise
from sitrep.brief.evidence import EventView, load_events, resolve_keys
from sitrep.brief.period import Period
from sitrep.brief.phrasing import format_date, join_names, mode_noun, noun, say_event
from sitrep.brief.render import Written, render
from sitrep.errors import QueryError
from sitrep.store import Store
from sitrep.store.actors_table import actor_keys


@dataclass(frozen=True)
class Topic:
    """A memo subject that is a topic ("Iran nuclear program") rather than an actor."""

    name: str


Subject = str | tuple[str, str] | Topic


@dataclass
class Paragraph:
    heading: str
    statements: list[Statement] = field(default_factory=list)


@dataclass
class Memo:
    """A memo's text as cited statements, ready to render or verify."""

    title: str
    period: Period
    created_at: datetime
    paragraphs: list[Paragraph] = field(default_factory=list)
    references: list[Reference] = field(default_factory=list)
    event_ids: list[str] = field(default_factory=list)

    def statements(self) -> list[Statement]:
        return [s for p in self.paragraphs for s in p.statements]

    @property
    def text(self) -> str:
        """The memo as plain text with ``[n]`` markers (for emails and tests)."""
        return "\n\n".join(" ".join(_marked(s) for s in p.statements) for p in self.paragraphs)


def _marked(statement: Statement) -> str:
    return statement.text + "".join(f" [{n}]" for n in statement.refs) + "."


def _keys(store: Store, name: str) -> set[str]:
    keys = resolve_keys(store, name)
    known = actor_keys(store)
    if not keys & known:
        raise QueryError("E501", "no stored event names this actor; check the spelling or "
                                 "ingest articles about them first", item=name)
    return keys & known


def _dates(events: list[EventView]) -> str:
    return join_names([format_date(e.date, e.date_precision) if e.date else
                       f"a date not given (reported {format_date(e.reported)})"
                       for e in events])


def _name(events: list[EventView], keys: set[str], fallback: str) -> str:
    for event in events:
        for actor in event.actors:
            if actor.key in keys:
                return actor.name
    return fallback


class _Writer:
    """Builds a memo's paragraphs, numbering sources as they are first cited."""

    def __init__(self) -> None:
        self.citer = Citer()

    def say(self, text: str, events: list[EventView], *, topics: bool = False) -> Statement:
        return self.citer.statement(text, events, topics=topics, limit=6)

    def lead(self, latest: EventView, first: str | None) -> list[Statement]:
        out = [self.say(say_event(latest, first), [latest])]
        if latest.supported_topics:
            kind = mode_noun(latest.mode) if latest.type == "CONSULT" else noun(latest.type)
            topics = join_names(latest.supported_topics)
            out.append(self.say(f"Sources tie that {kind} to {topics}",
                                [latest], topics=True))
        return out

    def pattern(self, a: str, b: str, contacts: list[EventView]) -> list[Statement]:
        by_mode: dict[str | None, list[EventView]] = defaultdict(list)
        for event in contacts:
            by_mode[event.mode].append(event)
        parts = []
        for mode, events in sorted(by_mode.items(), key=lambda kv: -len(kv[1])):
            places = sorted({e.location for e in events if e.location})
            where = f", in {join_names(places)}" if places else ""
            parts.append(f"{len(events)} {mode_noun(mode, len(events))} ({_dates(events)}{where})")
        n = len(contacts)
        text = (f"In the period, {a} and {b} had {n} {noun('CONSULT', n)}: "
                f"{join_names(parts)}")
        return [self.say(text, contacts)]

    def topics(self, events: list[EventView]) -> list[Statement]:
        with_topics = [e for e in events if e.supported_topics]
        if not with_topics:
            return []
        names = sorted({t for e in with_topics for t in e.supported_topics}, key=str.lower)
        return [self.say(f"The topics their sources report are {join_names(names)}",
                         with_topics, topics=True)]

    def comparison(self, name: str, keys: set[str], others: list[EventView], *,
                   lead: str = "For comparison, ", other: str = "other ") -> list[Statement]:
        """Contacts of ``name`` per counterpart: the four most frequent, with dates."""
        by_party: dict[str, list[EventView]] = defaultdict(list)
        names: dict[str, str] = {}
        for event in others:
            for actor in event.actors:
                if actor.key not in keys and actor.kind == "person":
                    by_party[actor.key].append(event)
                    names[actor.key] = actor.name
        if not by_party:
            return []
        ranked = sorted(by_party.items(), key=lambda kv: (-len(kv[1]), names[kv[0]]))[:4]
        parts = [f"{len(evs)} with {names[k]} ({_dates(evs)})" for k, evs in ranked]
        events = list({id(e): e for _, evs in ranked for e in evs}.values())
        total = len(events)
        return [self.say(f"{lead}{name} had {total} {other}leader "
                         f"{noun('CONSULT', total)} in the period: {join_names(parts)}",
                         events)]

    def denials(self, negated: list[EventView], first: str | None) -> list[Statement]:
        return [self.say(f"Sources reported that {say_event(e, first)}", [e]) for e in negated]


def _involving_all(events: list[EventView], groups: list[set[str]]) -> list[EventView]:
    return [e for e in events if all(g & set(e.actor_keys) for g in groups)]


def _pair_memo(store: Store, a: str, b: str, period: Period, memo: Memo) -> None:
    ka, kb = _keys(store, a), _keys(store, b)
    events = _involving_all(load_events(store, period.start, period.end), [ka, kb])
    name_a, name_b = _name(events, ka, a), _name(events, kb, b)
    memo.title = f"{name_a} and {name_b}: {_span(period)}"
    first = next(iter(sorted(ka)))
    writer = _Writer()
    contacts = [e for e in events if e.type == "CONSULT"]
    if contacts:
        memo.paragraphs.append(Paragraph("Latest contact",
                                         writer.lead(contacts[-1], _first(contacts[-1], ka))))
        memo.paragraphs.append(Paragraph("The pattern", writer.pattern(name_a, name_b, contacts)
                                         + writer.topics(contacts)))
    else:
        memo.paragraphs.append(Paragraph("Contacts", [Statement(
            f"The store holds no reported contact between {name_a} and {name_b} in the period")]))
    rest = [e for e in events if e.type != "CONSULT"]
    if rest:
        memo.paragraphs.append(Paragraph("Other events", [
            writer.say(say_event(e, _first(e, ka)), [e]) for e in rest]))
    everyone = load_events(store, period.start, period.end)
    compare = []
    for name, keys, other in ((name_a, ka, kb), (name_b, kb, ka)):
        theirs = [e for e in everyone if e.is_leader_contact() and keys & set(e.actor_keys)
                  and not other & set(e.actor_keys)]
        compare += writer.comparison(name, keys, theirs)
    if compare:
        memo.paragraphs.append(Paragraph("Other contacts", compare))
    negated = _involving_any(load_events(store, period.start, period.end, modality="negated"),
                             ka | kb)
    if negated:
        memo.paragraphs.append(Paragraph("What did not happen", writer.denials(negated, first)))
    memo.event_ids = [e.id for e in events]
    memo.references = writer.citer.references


def _first(event: EventView, keys: set[str]) -> str | None:
    return next((k for k in event.actor_keys if k in keys), None)


def _involving_any(events: list[EventView], keys: set[str]) -> list[EventView]:
    return [e for e in events if keys & set(e.actor_keys)]


def _actor_memo(store: Store, a: str, period: Period, memo: Memo) -> None:
    ka = _keys(store, a)
    events = _involving_any(load_events(store, period.start, period.end), ka)
    name = _name(events, ka, a)
    memo.title = f"{name}: {_span(period)}"
    writer = _Writer()
    contacts = [e for e in events if e.is_leader_contact()]
    if contacts:
        memo.paragraphs.append(Paragraph("Latest contact",
                                         writer.lead(contacts[-1], _first(contacts[-1], ka))))
        memo.paragraphs.append(Paragraph("The pattern",
                                         writer.comparison(name, ka, contacts, lead="",
                                                           other="")
                                         + writer.topics(contacts)))
    rest = [e for e in events if not e.is_leader_contact()]
    if rest:
        memo.paragraphs.append(Paragraph("Other events", [
            writer.say(say_event(e, _first(e, ka)), [e]) for e in rest[-8:]]))
    if not events:
        memo.paragraphs.append(Paragraph("Events", [Statement(
            f"The store holds no reported event involving {name} in the period")]))
    negated = _involving_any(load_events(store, period.start, period.end, modality="negated"),
                             ka)
    if negated:
        memo.paragraphs.append(Paragraph("What did not happen",
                                         writer.denials(negated, next(iter(sorted(ka))))))
    memo.event_ids = [e.id for e in events]
    memo.references = writer.citer.references


def _topic_memo(store: Store, topic: Topic, period: Period, memo: Memo) -> None:
    wanted = normalise(topic.name)
    events = [e for e in load_events(store, period.start, period.end)
              if any(normalise(t) == wanted for t in e.supported_topics)]
    memo.title = f"{topic.name}: {_span(period)}"
    writer = _Writer()
    if not events:
        memo.paragraphs.append(Paragraph("Events", [Statement(
            f"The store holds no reported event on {topic.name} in the period")]))
        return
    memo.paragraphs.append(Paragraph("Latest", writer.lead(events[-1], None)))
    by_type: dict[str, list[EventView]] = defaultdict(list)
    for event in events:
        by_type[event.type].append(event)
    pattern = [writer.say(f"{len(evs)} {noun(kind, len(evs))} on {topic.name} were reported "
                          f"({_dates(evs)})", evs, topics=True)
               for kind, evs in sorted(by_type.items(), key=lambda kv: -len(kv[1]))]
    memo.paragraphs.append(Paragraph("The pattern", pattern))
    memo.paragraphs.append(Paragraph("Events", [writer.say(say_event(e), [e])
                                                for e in events[-10:]]))
    memo.event_ids = [e.id for e in events]
    memo.references = writer.citer.references


def _span(period: Period) -> str:
    return f"{format_date(period.start)} to {format_date(period.end)}"


def build_memo(store: Store, subject: Subject, since: date, until: date,
               now: datetime | None = None) -> Memo:
    """A short analytical memo from stored events and articles.

    Args:
        store: an open store with coded articles.
        subject: an actor name, a pair of actor names, or a ``Topic``.
        since: first day covered.
        until: last day covered.
        now: when the memo is made (default: now, UTC).

    Returns:
        The memo; every sentence cites the articles that report what it states.

    Raises:
        QueryError: E501 when an actor name matches no stored actor; E503 when ``until``
            is before ``since``.
    """
    if until < since:
        raise QueryError("E503", "the period ends before it starts", item=f"{since}..{until}")
    period = Period(since, until)
    memo = Memo("", period, now or datetime.now(UTC).replace(tzinfo=None))
    if isinstance(subject, Topic):
        _topic_memo(store, subject, period, memo)
    elif isinstance(subject, tuple):
        _pair_memo(store, subject[0], subject[1], period, memo)
    else:
        _actor_memo(store, subject, period, memo)
    return memo


def render_memo_markdown(memo: Memo) -> str:
    """The memo as Markdown, with numbered references."""
    return render("memo.md.j2", doc=memo)


def render_memo_html(memo: Memo) -> str:
    """The memo as one self-contained HTML page."""
    return render("memo.html.j2", doc=memo)


def write_memo(memo: Memo, out_dir: str | Path) -> Written:
    """Write ``<title>.md`` and ``<title>.html`` (the title in lower case, dashes between
    words) into ``out_dir``, created if missing."""
    folder = Path(out_dir)
    folder.mkdir(parents=True, exist_ok=True)
    stem = re.sub(r"[^a-z0-9]+", "-", memo.title.lower()).strip("-")
    markdown, html = folder / f"{stem}.md", folder / f"{stem}.html"
    markdown.write_text(render_memo_markdown(memo), encoding="utf-8")
    html.write_text(render_memo_html(memo), encoding="utf-8")
    return Written(markdown, html, [])
