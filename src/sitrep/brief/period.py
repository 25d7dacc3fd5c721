"""Briefing periods: ``day``, ``week``, ``START..END``, or the week of a given date."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from sitrep.answers.common import parse_day
from sitrep.errors import QueryError


@dataclass(frozen=True)
class Period:
    """A closed range of days."""

    start: date
    end: date

    @property
    def days(self) -> list[date]:
        return [self.start + timedelta(days=i) for i in range((self.end - self.start).days + 1)]

    @property
    def label(self) -> str:
        if self.start == self.end:
            return self.start.isoformat()
        return f"{self.start.isoformat()}..{self.end.isoformat()}"


def _day(text: str, spec: str, *, end: bool = False) -> date:
    day = parse_day(text.strip(), end=end)
    if day is None:
        raise QueryError("E503", "empty date", item=spec)
    return day


def parse_period(spec: str = "week", *, today: date | None = None,
                 week_of: date | str | None = None) -> Period:
    """Read a period the way the CLI takes it.

    Args:
        spec: ``day`` (``today``), ``week`` (the 7 days ending ``today``), or ``START..END``
            (ISO dates, both inclusive; ``2021-10..2022-01`` takes whole months).
        today: the reference day (default: the current date).
        week_of: a day whose Monday-to-Sunday week is wanted; overrides ``spec``.

    Returns:
        The period.

    Raises:
        QueryError: E503 when the period cannot be read or ends before it starts.
    """
    today = today or date.today()
    if week_of is not None:
        day = week_of if isinstance(week_of, date) else _day(week_of, "--week-of")
        monday = day - timedelta(days=day.weekday())
        return Period(monday, monday + timedelta(days=6))
    if spec == "day":
        return Period(today, today)
    if spec == "week":
        return Period(today - timedelta(days=6), today)
    if ".." not in spec:
        raise QueryError("E503", "use day, week or START..END (e.g. 2022-01-10..2022-01-16)",
                         item=spec)
    first, last = spec.split("..", 1)
    start, end = _day(first, spec), _day(last, spec, end=True)
    if end < start:
        raise QueryError("E503", "the period ends before it starts", item=spec)
    return Period(start, end)
