"""Which coded mentions report the same real-world event: the pure clustering logic.

A mention joins an event (a cluster) when, in order:

1. the modality is the same (only asserted mentions form happened events; denied, planned and
   hypothetical ones cluster among themselves, each with its modality) and so is the type;
2. the mode does not matter: one line per type, participant set and date (GUIDELINES
   section 2). Reports of one contact differ on it ("met virtually today" and "we're meeting
   in a moment"), and a demand's mode says what it asks ("to de-escalate", "to negotiate"),
   not that it is another demand. The event takes the most specific mode of its mentions:
   a phone call, a visit or a multilateral meeting over a plain "meeting";
3. the actor sets are equal. A one-actor mention ("Putin held a call on Thursday") names
   too little to be joined across articles; it joins only an event already reported by its
   own article. Other differing sets are different events (one line per type, participant
   set and date: GUIDELINES section 2): a meeting of A and B on the day A, B and C met is
   a bilateral on the margins, not the same talk;
4. the dates are compatible at their precisions: every date stands for the period it names
   (a day, the Monday-to-Sunday week, the month, the year) and periods must overlap. An
   undated mention, or one whose date was inferred (the publication date standing in for an
   unstated one), stands for the days just before that date (a statement for that day
   alone: "X said" with no day is said when reported, GUIDELINES 6). It joins undated mentions of
   its own article only when those days overlap every one of theirs, and those of other
   articles only when all stand on the same day: the record dates an undated event by its
   own article (GUIDELINES section 6), and two readouts' "the Secretary condemned the
   attacks" a few days apart are two statements, not one dated by the earlier.

Mentions are visited most precise first (day before week before month, stated mode before
none, then by date and id), so precise reports anchor events and vaguer ones attach to them;
a later more precise report narrows an event's period, refining its date from month to day.
When several events fit, the tightest and nearest wins. The order is total, so the same
mentions always give the same events: re-linking never inflates a count.
"""

from __future__ import annotations

import calendar
import datetime as dt
from dataclasses import dataclass, field
from datetime import date

from sitrep.events.packages import other_packages
from sitrep.events.speech import VERBAL
from sitrep.safety import shift_days

PRECISION_RANK: dict[str | None, int] = {"day": 0, "week": 1, "month": 2, "year": 3, None: 4}

UNDATED_DAYS_BEFORE = 7
"""An undated mention is taken to report something from the week before publication."""


@dataclass
class LinkMention:
    """What linking needs to know about one stored mention."""

    id: str
    article_id: str
    type: str
    mode: str | None
    keys: frozenset[str]
    modality: str
    date: dt.date | None
    precision: str | None
    published: dt.date | None
    old_event_id: str | None = None
    inferred: bool = False
    """The date stands in for an unstated one: it places the mention, it does not pin it."""
    package: int | None = None
    """The sum an aid mention gives ("$300 million"): mentions of other sums are other
    packages (``sitrep.events.packages``)."""

    def period(self) -> tuple[dt.date, dt.date] | None:
        """The days the stated date stands for, or None when no date is stated."""
        if self.date is None or self.inferred:
            return None
        return period_of(self.date, self.precision or "day")

    def anchor(self) -> dt.date | None:
        """The day an undated mention is dated by: its inferred date, else publication."""
        return self.date if self.inferred and self.date else self.published

    def vicinity(self) -> tuple[dt.date, dt.date] | None:
        """The days an undated mention may be about: the week before its anchor, for a
        deed (a call or an attack told undated may be some days old); a statement's anchor
        day alone, for an undated statement is made when it is reported (GUIDELINES 6:
        "X said" with no day is of the publication date) and statements are repeated: "we
        are united in our support of Ukraine" said today is not yesterday's pledge."""
        anchor = self.anchor()
        if anchor is None:
            return None
        if self.type in VERBAL:
            return anchor, anchor
        return shift_days(anchor, -UNDATED_DAYS_BEFORE), anchor


GENERIC_MODES = frozenset({"meeting"})
"""Modes a more specific one of another mention replaces ("met" says less than "met
virtually" or "visited")."""


@dataclass
class Cluster:
    """One event being built: its members and the period all dated members agree on."""

    type: str
    modality: str
    mode: str | None
    keys: frozenset[str]
    members: list[LinkMention] = field(default_factory=list)
    period: tuple[date, date] | None = None
    soft: tuple[date, date] | None = None
    """For clusters with no dated member: the days all their members' vicinities share."""
    best: LinkMention | None = None
    """The most precise dated member: it gives the event its date and precision."""
    package: int | None = None
    """The sum the members name, if any (see ``LinkMention.package``)."""

    @property
    def articles(self) -> set[str]:
        return {m.article_id for m in self.members}

    def add(self, m: LinkMention) -> None:
        self.members.append(m)
        self.package = self.package or m.package
        if self.mode is None or (self.mode in GENERIC_MODES and m.mode is not None
                                 and m.mode not in GENERIC_MODES):
            self.mode = m.mode
        own = m.period()
        if own is not None:
            self.period = own if self.period is None else _intersect(self.period, own)
            if self.best is None or _precision_rank(m) < _precision_rank(self.best):
                self.best = m
        else:
            near = m.vicinity()
            if near is not None:
                # the days every member may be about: a union would let undated reports
                # chain week after week ("the Secretary condemned Russia's war" in a month of
                # readouts) into one event dated by the first
                self.soft = near if self.soft is None else _intersect(self.soft, near)

    def date(self) -> tuple[date | None, str | None, bool]:
        """The event's date, precision, and whether the date is inferred: the narrowest stated
        date, clipped to the agreed period; else the earliest inferred date."""
        if self.best is None or self.period is None:
            inferred = [m.date for m in self.members if m.inferred and m.date]
            return (min(inferred), "day", True) if inferred else (None, None, False)
        precision = self.best.precision or "day"
        start = self.period[0]
        if self.period[0] == self.period[1]:
            return start, "day", False
        return max(start, self.best.date or start), precision, False


def period_of(day: date, precision: str) -> tuple[date, date]:
    """The first and last day of the period that starts at ``day`` at ``precision``."""
    if precision == "week":
        return day, shift_days(day, 6)
    if precision == "month":
        return day, day.replace(day=calendar.monthrange(day.year, day.month)[1])
    if precision == "year":
        return day, date(day.year, 12, 31)
    return day, day


def _intersect(a: tuple[date, date], b: tuple[date, date]) -> tuple[date, date]:
    return max(a[0], b[0]), min(a[1], b[1])


def _overlaps(a: tuple[date, date], b: tuple[date, date]) -> bool:
    return a[0] <= b[1] and b[0] <= a[1]


def _precision_rank(m: LinkMention) -> int:
    return PRECISION_RANK.get(m.precision if m.date and not m.inferred else None, 4)


def visit_order(m: LinkMention) -> tuple[int, int, date, date, str]:
    """Most informative mentions first; ties broken by date then id so the order is total."""
    return (_precision_rank(m), m.mode is None, m.date or date.max, m.published or date.max,
            m.id)


def actors_fit(m: LinkMention, c: Cluster) -> bool:
    """Equal actor sets, or one actor of the cluster's within its own article."""
    if not m.keys or not c.keys:
        return False
    if m.keys == c.keys:
        return True
    return len(m.keys) == 1 and m.keys < c.keys and m.article_id in c.articles


def dates_fit(m: LinkMention, c: Cluster) -> bool:
    """Whether the mention's period (or, undated, its vicinity) meets the cluster's."""
    own = m.period()
    if own is not None:
        if c.period is not None:
            return _overlaps(own, c.period)
        return c.soft is None or _overlaps(own, c.soft)
    near = m.vicinity()
    if near is None:
        return True
    if c.period is None and m.article_id not in c.articles:
        return all(x.anchor() in (None, m.anchor()) for x in c.members)
    target = c.period or c.soft
    return target is None or _overlaps(near, target)


def fits(m: LinkMention, c: Cluster) -> bool:
    """All four linking conditions of the module docstring."""
    if m.modality != c.modality or m.type != c.type:
        return False
    if other_packages(m.package, c.package):
        return False  # two aid packages of the same giver and recipient stay apart
    return actors_fit(m, c) and dates_fit(m, c)


def _preference(m: LinkMention, c: Cluster) -> tuple[int, int, int, int, str]:
    """Lower is better: same actors, same article, tightest period, nearest date."""
    span = (c.period[1] - c.period[0]).days if c.period else 10_000
    own = m.period() or m.vicinity()
    target = c.period or c.soft
    distance = abs((own[0] - target[0]).days) if own and target else 10_000
    return (m.keys != c.keys, m.article_id not in c.articles, span, distance, c.members[0].id)


def cluster(mentions: list[LinkMention]) -> list[Cluster]:
    """Group mentions into events (see the module docstring for the rules).

    Args:
        mentions: the mentions to link; their order does not matter.

    Returns:
        The clusters, each with at least one member, in order of their first member.
    """
    clusters: list[Cluster] = []
    # Clusters by type, modality and actor key: a fitting cluster shares a key with the
    # mention (its actor set equals or holds the mention's), so only those are compared;
    # scanning every cluster of the type made linking quadratic in the contacts of a store.
    by_key: dict[tuple[str, str, str], list[Cluster]] = {}
    for m in sorted(mentions, key=visit_order):
        near = {id(c): c for k in m.keys for c in by_key.get((m.type, m.modality, k), ())}
        fitting = [c for c in near.values() if fits(m, c)]
        if fitting:
            min(fitting, key=lambda c: _preference(m, c)).add(m)
            continue
        new = Cluster(type=m.type, modality=m.modality, mode=m.mode, keys=m.keys)
        new.add(m)
        for k in new.keys:
            by_key.setdefault((m.type, m.modality, k), []).append(new)
        clusters.append(new)
    return clusters
