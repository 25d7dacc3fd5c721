"""What every answer shares: reading periods and actors, and the SQL pieces over ``events``.

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
from sitrep.store.db import Store

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


def load_terms(store: Store, level: str, kb: KnowledgeBase | None = None) -> None:
    """Fill the temp table ``answer_terms(key, start, stop)``: who counts at ``level`` when.

    ``leader``: heads of state and government; ``official``: anyone holding an office in the
    knowledge base; ``all`` leaves the table empty (no filter is applied).
    """
    store.con.execute("CREATE OR REPLACE TEMP TABLE answer_terms "
                      "(key VARCHAR, start DATE, stop DATE)")
    if level == "all":
        return
    kb = kb or KnowledgeBase.load()
    rows = [(person_key(p.id), t.start, t.end or FAR_FUTURE) for p in kb for t in p.terms
            if level == "official" or t.office in LEADER_OFFICES]
    if rows:
        store.con.executemany("INSERT INTO answer_terms VALUES (?, ?, ?)", rows)


def level_clause(level: str, key_sql: str, date_sql: str) -> str:
    """SQL condition keeping counterparts that count at ``level`` on the event date."""
    if level == "all":
        return "TRUE"
    return (f"EXISTS (SELECT 1 FROM answer_terms t WHERE t.key = {key_sql} "
            f"AND {date_sql} BETWEEN t.start AND t.stop)")


def names(store: Store, keys: list[str]) -> dict[str, tuple[str, str | None]]:
    """Display name and country of each actor key (the key itself when unknown)."""
    rows = store.con.execute("SELECT key, name, country FROM actors WHERE list_contains(?, key)",
                             [keys]).fetchall()
    found = {r[0]: (r[1], r[2]) for r in rows}
    return {k: found.get(k, (k.split(":", 1)[-1], None)) for k in keys}
