"""Briefing periods from the CLI's --period and --week-of."""

from __future__ import annotations

from datetime import date

import pytest

from sitrep.brief.period import parse_period
from sitrep.errors import QueryError


def test_period_week_of_is_monday_to_sunday() -> None:
    period = parse_period(week_of="2022-01-13")
    assert (period.start, period.end) == (date(2022, 1, 10), date(2022, 1, 16))
    assert len(period.days) == 7


def test_period_day_week_and_ranges() -> None:
    today = date(2022, 1, 14)
    assert parse_period("day", today=today).start == today
    assert parse_period("week", today=today).start == date(2022, 1, 8)
    months = parse_period("2021-10..2022-01")
    assert (months.start, months.end) == (date(2021, 10, 1), date(2022, 1, 31))
    assert parse_period("2022-01-10..2022-01-16").label == "2022-01-10..2022-01-16"


@pytest.mark.parametrize("spec", ["fortnight", "2022-01-16..2022-01-10", "2022-13-01..2022-01-02"])
def test_period_malformed_fails_e503(spec: str) -> None:
    with pytest.raises(QueryError) as err:
        parse_period(spec)
    assert err.value.code == "E503"
