"""Temporal expressions resolved against the publication date and an anchor."""

from __future__ import annotations

from datetime import date

import pytest

from sitrep.temporal import (
    TimeValue,
    find_times,
    place_yearless,
    resolve,
    scan,
    shift,
    truncate,
)

OCT7 = date(2021, 10, 7)  # a Thursday
JAN14 = date(2022, 1, 14)  # a Friday


@pytest.mark.parametrize(("phrase", "published", "value", "precision"), [
    ("Oct. 22, 2021", OCT7, date(2021, 10, 22), "day"),
    ("October 6, 2021", OCT7, date(2021, 10, 6), "day"),
    ("22 October 2021", OCT7, date(2021, 10, 22), "day"),
    ("the 22nd of October, 2021", OCT7, date(2021, 10, 22), "day"),
    ("2021-10-22", OCT7, date(2021, 10, 22), "day"),
    ("Thursday, October 7, 2021", None, date(2021, 10, 7), "day"),
    ("Sept. 30, 2021", None, date(2021, 9, 30), "day"),
    ("OCT. 7, 2021", None, date(2021, 10, 7), "day"),
    ("May 2021", None, date(2021, 5, 1), "month"),
])
def test_temporal_explicit_dates(phrase: str, published: date | None, value: date,
                                 precision: str) -> None:
    tv = resolve(phrase, published)
    assert tv is not None
    assert (tv.value, tv.precision, tv.relative) == (value, precision, False)


@pytest.mark.parametrize(("phrase", "published", "value"), [
    ("Jan. 13", JAN14, date(2022, 1, 13)),
    ("January 13", JAN14, date(2022, 1, 13)),
    ("13 January", JAN14, date(2022, 1, 13)),
    ("Dec. 21", JAN14, date(2021, 12, 21)),
    ("Jan. 20", JAN14, date(2022, 1, 20)),  # a week ahead: an announced plan
    ("Oct. 22", OCT7, date(2021, 10, 22)),
    ("Nov. 20", OCT7, date(2020, 11, 20)),  # too far ahead for a past-tense sentence
    ("on the 5th", OCT7, date(2021, 10, 5)),
    ("on the 9th", OCT7, date(2021, 9, 9)),
])
def test_temporal_yearless_dates_closest_to_publication(phrase: str, published: date,
                                                        value: date) -> None:
    tv = resolve(phrase, published)
    assert tv is not None and tv.relative
    assert (tv.value, tv.precision) == (value, "day")


def test_temporal_yearless_date_looks_ahead_in_future_sentence() -> None:
    found = find_times("The talks will resume on March 3 in Vienna.", JAN14)
    assert [t.value for t in found] == [date(2022, 3, 3)]


@pytest.mark.parametrize(("phrase", "value"), [
    ("Thursday", date(2021, 10, 7)),  # same day: P is a Thursday
    ("on Monday", date(2021, 10, 4)),
    ("Friday", date(2021, 10, 1)),
    ("last Friday", date(2021, 10, 1)),
    ("last Thursday", date(2021, 9, 30)),
    ("next Tuesday", date(2021, 10, 12)),
    ("next Thursday", date(2021, 10, 14)),
    ("this Saturday", date(2021, 10, 9)),
])
def test_temporal_weekdays(phrase: str, value: date) -> None:
    tv = resolve(phrase, OCT7)
    assert tv is not None
    assert (tv.value, tv.precision, tv.relative) == (value, "day", True)


@pytest.mark.parametrize(("phrase", "published", "value", "precision"), [
    ("today", OCT7, date(2021, 10, 7), "day"),
    ("yesterday", OCT7, date(2021, 10, 6), "day"),
    ("tomorrow", OCT7, date(2021, 10, 8), "day"),
    ("last night", OCT7, date(2021, 10, 6), "day"),
    ("this week", OCT7, date(2021, 10, 4), "week"),
    ("last week", OCT7, date(2021, 9, 27), "week"),
    ("next week", OCT7, date(2021, 10, 11), "week"),
    ("this month", OCT7, date(2021, 10, 1), "month"),
    ("Last month", OCT7, date(2021, 9, 1), "month"),
    ("next month", OCT7, date(2021, 11, 1), "month"),
    ("this year", OCT7, date(2021, 1, 1), "year"),
    ("last year", OCT7, date(2020, 1, 1), "year"),
    ("later this year", JAN14, date(2022, 1, 1), "year"),
    ("earlier this year", OCT7, date(2021, 1, 1), "year"),
    ("in 2022", OCT7, date(2022, 1, 1), "year"),
    ("since 2015", OCT7, date(2015, 1, 1), "year"),
    ("In August", OCT7, date(2021, 8, 1), "month"),
    ("in October", OCT7, date(2021, 10, 1), "month"),
    ("in November", OCT7, date(2020, 11, 1), "month"),
    ("next August", OCT7, date(2022, 8, 1), "month"),
    ("in late December", JAN14, date(2021, 12, 1), "month"),
    ("late December", JAN14, date(2021, 12, 1), "month"),
    ("early next month", OCT7, date(2021, 11, 1), "month"),
    ("at the beginning of November", JAN14, date(2021, 11, 1), "month"),
    ("in mid-January", JAN14, date(2022, 1, 1), "month"),
    ("the end of October 2021", JAN14, date(2021, 10, 1), "month"),
    ("at the end of last year", JAN14, date(2021, 1, 1), "year"),
    ("in early 2020", JAN14, date(2020, 1, 1), "year"),
    ("two days ago", OCT7, date(2021, 10, 5), "day"),
    ("three weeks ago", OCT7, date(2021, 9, 13), "week"),
    ("a year ago", OCT7, date(2020, 1, 1), "year"),
    ("the day before yesterday", OCT7, date(2021, 10, 5), "day"),
])
def test_temporal_relative_to_publication(phrase: str, published: date, value: date,
                                          precision: str) -> None:
    tv = resolve(phrase, published)
    assert tv is not None
    assert (tv.value, tv.precision) == (value, precision)


@pytest.mark.parametrize("phrase", [
    "today", "Thursday", "last month", "in August", "Jan. 13", "two days ago",
])
def test_temporal_relative_needs_publication_date(phrase: str) -> None:
    assert resolve(phrase, None) is None


@pytest.mark.parametrize(("phrase", "value"), [
    ("a day after October 6, 2021", date(2021, 10, 7)),
    ("the day after Oct. 6, 2021", date(2021, 10, 7)),
    ("a day before Oct. 22, 2021", date(2021, 10, 21)),
    ("two days after 2021-10-06", date(2021, 10, 8)),
])
def test_temporal_offset_from_explicit_date(phrase: str, value: date) -> None:
    tv = resolve(phrase, OCT7, anchor=date(2000, 1, 1))
    assert tv is not None
    assert (tv.value, tv.precision, tv.text) == (value, "day", phrase)


@pytest.mark.parametrize(("phrase", "value", "precision"), [
    ("a day after", date(2021, 8, 11), "day"),
    ("the day before", date(2021, 8, 9), "day"),
    ("the next day", date(2021, 8, 11), "day"),
    ("the following day", date(2021, 8, 11), "day"),
    ("the same day", date(2021, 8, 10), "day"),
    ("two weeks later", date(2021, 8, 23), "week"),
    ("a month later", date(2021, 9, 1), "month"),
    ("days later", date(2021, 8, 9), "week"),
    ("earlier in the month", date(2021, 8, 1), "month"),
    ("later in the year", date(2021, 1, 1), "year"),
])
def test_temporal_offset_from_anchor(phrase: str, value: date, precision: str) -> None:
    tv = resolve(phrase, OCT7, anchor=date(2021, 8, 10))
    assert tv is not None
    assert (tv.value, tv.precision, tv.relative) == (value, precision, True)


def test_temporal_offset_keeps_coarse_anchor_precision() -> None:
    august = TimeValue(date(2021, 8, 1), "month", "In August", 0, 9, True)
    tv = resolve("Two weeks later", OCT7, anchor=august)
    assert tv is not None
    assert (tv.value, tv.precision) == (date(2021, 8, 1), "month")


@pytest.mark.parametrize("phrase", ["two weeks later", "the next day", "a day after"])
def test_temporal_offset_without_anchor_is_none(phrase: str) -> None:
    assert resolve(phrase, OCT7) is None


@pytest.mark.parametrize("phrase", [
    "for over three weeks", "two hours", "about five hours", "a happy 69th birthday",
    "the 2015 Iran nuclear deal", "during the COP21 climate summit", "22 of 24 missiles",
    "the P5+1 countries", "over the past few years", "a few days ago", "Black Friday sales",
    "in 2022 elections", "it may 5 times", "at 10:30 on",
])
def test_temporal_non_points_produce_nothing(phrase: str) -> None:
    found = find_times(phrase, OCT7, anchor=date(2021, 8, 10))
    assert found == []


def test_temporal_sentence_offsets_and_order() -> None:
    text = ("Bennett, who met Putin in Sochi on Oct. 22, 2021, spoke with him Jan. 13, "
            "a day after the talks, and will visit next month.")
    found = find_times(text, JAN14, anchor=date(2022, 1, 12))
    assert [(t.text, t.value) for t in found] == [
        ("Oct. 22, 2021", date(2021, 10, 22)),
        ("Jan. 13", date(2022, 1, 13)),
        ("a day after", date(2022, 1, 13)),
        ("next month", date(2022, 2, 1)),
    ]
    assert all(text[t.start:t.end] == t.text for t in found)


def test_temporal_full_stop_after_month_is_not_in_phrase() -> None:
    found = find_times("They met at the beginning of November. Then they left.", JAN14)
    assert [t.text for t in found] == ["the beginning of November"]


def test_temporal_past_report_of_plan_looks_backward() -> None:
    found = find_times("Reports late December said the army plans to act.", JAN14)
    assert [(t.value, t.precision) for t in found] == [(date(2021, 12, 1), "month")]


def test_temporal_scan_prefers_longest_phrase() -> None:
    kinds = [m.kind for m in scan("On Thursday, October 7, 2021 they spoke.")]
    assert kinds == ["mdy"]


@pytest.mark.parametrize(("d", "precision", "expected"), [
    (date(2021, 10, 7), "week", date(2021, 10, 4)),
    (date(2021, 10, 7), "month", date(2021, 10, 1)),
    (date(2021, 10, 7), "year", date(2021, 1, 1)),
    (date(2021, 10, 7), "day", date(2021, 10, 7)),
])
def test_temporal_truncate(d: date, precision: str, expected: date) -> None:
    assert truncate(d, precision) == expected  # type: ignore[arg-type]


def test_temporal_shift_clamps_month_end() -> None:
    assert shift(date(2021, 1, 31), "month", 1) == date(2021, 2, 28)
    assert shift(date(2020, 2, 29), "year", 1) == date(2021, 2, 28)


def test_temporal_place_yearless_leap_day() -> None:
    assert place_yearless(2, 29, date(2022, 1, 14)) == date(2020, 2, 29)
    assert place_yearless(2, 30, date(2022, 1, 14)) is None


@pytest.mark.parametrize(("text", "value"), [
    ("In the 1990s, the two states fought a border war.", date(1990, 1, 1)),
    ("During the early 2000s the two leaders met often.", date(2000, 1, 1)),
])
def test_temporal_a_decade_is_its_first_year(text: str, value: date) -> None:
    """A decade sets what happened in it years back (year precision, its first year)."""
    assert [(t.value, t.precision) for t in find_times(text, JAN14)] == [(value, "year")]


def test_temporal_a_decade_before_a_noun_is_no_time() -> None:
    assert find_times("Prices fell to 1990s levels.", JAN14) == []
