"""Publication date inferred from the dates an article's text mentions."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from sitrep.extract.infer_date import InferredDate, infer_publication_date

SEEDS = Path(__file__).resolve().parents[2] / ".." / "shared" / "seeds"


def _seed(name: str) -> str:
    path = SEEDS / name
    if not path.is_file():
        pytest.skip("../shared/seeds not found: golden test needs the shared folder beside the repo")
    return path.read_text(encoding="utf-8")


@pytest.mark.parametrize(("text", "value"), [
    ("WASHINGTON, Oct. 7, 2021 \u2014 The president met the prime minister on Jan. 3, 2020.",
     date(2021, 10, 7)),
    ("Thursday, October 7, 2021\n\nThe ministers met in Rome on Sept. 30, 2021.",
     date(2021, 10, 7)),
    ("Published: 2022-01-14\nLeaders spoke last week.", date(2022, 1, 14)),
    ("Updated: Jan 23, 2020, 10.45 AM IST\nShares rose.", date(2020, 1, 23)),
])
def test_infer_date_dateline_decides(text: str, value: date) -> None:
    found = infer_publication_date(text)
    assert found is not None
    assert (found.value, found.precision) == (value, "day")
    assert "dateline" in found.evidence


def test_infer_date_quote_attribution_is_not_a_dateline() -> None:
    text = ("\u201cWe stand together.\u201d\n\u2013 President Smith, February 19, 2021\n\n"
            "The leaders met in Brussels on June 14, 2021 for the summit.")
    found = infer_publication_date(text)
    assert found is not None
    assert found.value == date(2021, 6, 14)
    assert "dateline" not in found.evidence


def test_infer_date_offset_and_weekday_agree() -> None:
    text = ("The two leaders spoke on the phone Thursday.\n\n"
            "They spoke a day after the foreign ministers met in Paris.\n\n"
            "The ministers hold a news conference after their meeting, in Paris, France, "
            "March 2, 2022. (Photo credit: Reuters)")
    found = infer_publication_date(text)
    assert found == InferredDate(date(2022, 3, 3), "day",
                                 "'a day after' March 2, 2022; 'Thursday' agrees")


def test_infer_date_weekday_moves_past_latest_date() -> None:
    text = ("The ministers met in Paris on March 2, 2022.\n\n"
            "On Friday the two leaders spoke on the phone.")
    found = infer_publication_date(text)
    assert found is not None
    assert found.value == date(2022, 3, 4)
    assert "'Friday'" in found.evidence


def test_infer_date_yearless_dates_follow_latest_full_date() -> None:
    text = ("The leaders met on Oct. 22, 2021 in Sochi. On Dec. 21 it was reported that "
            "the envoy had left. On Jan. 4 the premier called London, and on Jan. 13 he "
            "spoke with Moscow. The Jan. 8 call was brief. Talks continue this week.")
    found = infer_publication_date(text)
    assert found is not None
    assert (found.value, found.precision) == (date(2022, 1, 13), "day")
    assert "Jan. 13" in found.evidence and "Oct. 22, 2021" in found.evidence


def test_infer_date_yearless_date_uses_full_date_of_its_paragraph() -> None:
    text = ("Ministers met on Jan. 13, 2022.\n\n"
            "A view of the plant on March 29, 2018. On March 27, a deal was announced.")
    found = infer_publication_date(text)
    assert found is not None
    assert found.value == date(2022, 1, 13)


def test_infer_date_yearless_date_before_full_date_stays_in_its_year() -> None:
    text = "They met on Oct. 22, 2021. A first meeting took place on Sept. 5 in Rome."
    found = infer_publication_date(text)
    assert found is not None
    assert found.value == date(2021, 10, 22)


def test_infer_date_future_full_date_is_not_a_bound() -> None:
    text = ("The ministers met on Feb. 3, 2022 in Brussels. The next summit will be held "
            "on June 30, 2023 in Madrid.")
    found = infer_publication_date(text)
    assert found is not None
    assert found.value == date(2022, 2, 3)


def test_infer_date_month_precision_from_month_dateline() -> None:
    text = ("Quarterly Report\nMarch 2022\n\nFighting resumed after a pause that began in "
            "November 2021. Talks held earlier this month failed.")
    found = infer_publication_date(text)
    assert found is not None
    assert (found.value, found.precision) == (date(2022, 3, 1), "month")


def test_infer_date_month_year_alone_is_history() -> None:
    text = "Talks this month recalled the treaty signed in August 1992 in Rome."
    assert infer_publication_date(text) is None


def test_infer_date_only_future_dates_give_nothing() -> None:
    text = "The minister will travel to Rome and Paris from May 5 \u2013 May 9, 2022."
    assert infer_publication_date(text) is None


@pytest.mark.parametrize("text", [
    "",
    "Leaders spoke on the phone Thursday and will meet next month.",
    "The Jan. 13 call followed talks on Dec. 21.",
    "The 2015 nuclear deal is in trouble, 22 of 24 missiles were shot down.",
])
def test_infer_date_none_without_year_evidence(text: str) -> None:
    assert infer_publication_date(text) is None


def test_infer_date_title_is_searched() -> None:
    found = infer_publication_date("Leaders met.", title="Summit in Rome, 3 March 2022")
    assert found is not None
    assert found.value == date(2022, 3, 3)


@pytest.mark.golden
def test_infer_date_golden_jpost_seed() -> None:
    found = infer_publication_date(_seed("jpost-2021-10-07-bennett-putin.txt"))
    assert found is not None
    assert (found.value, found.precision) == (date(2021, 10, 7), "day")
    assert "Thursday" in found.evidence


@pytest.mark.golden
def test_infer_date_golden_al_monitor_seed() -> None:
    found = infer_publication_date(_seed("al-monitor-2022-01-bennett-putin.txt"))
    assert found is not None
    assert date(2022, 1, 13) <= found.value <= date(2022, 1, 21)
    assert found.precision == "day"
