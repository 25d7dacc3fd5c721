"""What every answer shares: reading periods, actors and levels.

Every answer counts *linked* events (one row per real-world event, however many articles
report it), and only asserted ones: a denied or planned call never counts as a call.
"""

from __future__ import annotations

from datetime import date
from typing import Literal

from sitrep.actors.identity import person_key
from sitrep.actors.kb import LEADER_OFFICES, KnowledgeBase
from sitrep.answers.resolve import ActorMatch, resolve_actor
from sitrep.errors import QueryError
from sitrep.store import Store
from sitrep.store.actors_table import known_actors
from sitrep.store.queries import Term

Level = Literal["leader", "official", "all"]
LEVELS: tuple[str, ...] = ("leader", "official", "all")
FAR_PAST = date(1900, 1, 1)
FAR_FUTURE = date(2999, 12, 31)


def parse_day(text: str | date | None, *, end: bool = False) -> date | None:
    """A day from ``2021-10-07``, ``2021-10`` or ``2021`` (the first or, with ``end``, last day).

    Raises:
        QueryError: E503 when the text is no such date.
    """
    if text is None or isinstance(text, date):
        return text
    parts = text.strip().split("-")
    try:
        numbers = [int(p) for p in parts]
        if len(numbers) == 3:
            return date(*numbers)
        if len(numbers) == 2:
            first = date(numbers[0], numbers[1], 1)
            if not end:
                return first
            following = date(first.year + first.month // 12, first.month % 12 + 1, 1)
            return date.fromordinal(following.toordinal() - 1)
        if len(numbers) == 1 and len(parts[0]) == 4:
            return date(numbers[0], 12, 31) if end else date(numbers[0], 1, 1)
    except ValueError:
        pass
    raise QueryError("E503", "use YYYY-MM-DD, YYYY-MM or YYYY", item=text)


def period(since: date | str | None, until: date | str | None) -> tuple[date, date]:
    """The inclusive period asked about; open ends become far past and far future.

    Raises:
        QueryError: E503 when a date is malformed or ``since`` is after ``until``.
    """
    start = parse_day(since) or FAR_PAST
    stop = parse_day(until, end=True) or FAR_FUTURE
    if start > stop:
        raise QueryError("E503", f"since {start} is after until {stop}")
    return start, stop


def as_actor(store: Store, actor: str | ActorMatch, since: date | None = None,
             until: date | None = None) -> ActorMatch:
    """An ``ActorMatch`` as given, or resolved from a name (see ``resolve_actor``)."""
    if isinstance(actor, ActorMatch):
        return actor
    return resolve_actor(store, actor, since=since if since != FAR_PAST else None,
                         until=until if until != FAR_FUTURE else None)


def check_level(level: str) -> str:
    """The level, checked against ``LEVELS``.

    Raises:
        QueryError: E503 (the period's qualifiers are malformed) for an unknown level.
    """
    if level not in LEVELS:
        raise QueryError("E503", f"level must be one of {', '.join(LEVELS)}", item=level)
    return level


def level_terms(level: str, kb: KnowledgeBase | None = None) -> list[Term] | None:
    """Who counts at ``level``, and when: the terms of office to filter counterparts by.

    ``leader``: heads of state and government (``LEADER_OFFICES``); ``official``: anyone
    holding an office in the knowledge base; ``all``: None (no filter).
    """
    if level == "all":
        return None
    kb = kb or KnowledgeBase.load()
    return [(person_key(p.id), t.start, t.end or FAR_FUTURE) for p in kb for t in p.terms
            if level == "official" or t.office in LEADER_OFFICES]


def names(store: Store, keys: list[str]) -> dict[str, tuple[str, str | None]]:
    """Display name and country of each actor key (the key itself when unknown)."""
    found = known_actors(store, keys)
    return {k: (found[k].name, found[k].country) if k in found else (k.split(":", 1)[-1], None)
            for k in keys}
