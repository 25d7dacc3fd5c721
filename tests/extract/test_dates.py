"""Publication-date sources and their priority."""

from __future__ import annotations

from datetime import date

import pytest

from sitrep.extract.dates import publication_date, url_date
from sitrep.record import RawItem


@pytest.mark.parametrize("url, expected", [
    ("https://news.example/world/2021/10/07/bennett-putin-call", date(2021, 10, 7)),
    ("https://news.example/2021-10-07-bennett-putin-call.html", date(2021, 10, 7)),
    ("https://news.example/world/20211007/bennett", date(2021, 10, 7)),
    ("https://news.example/world/2021/10/bennett", None),
    ("https://news.example/article/1202110071234567", None),
    ("https://news.example/2021/13/45/not-a-date", None),
    ("https://news.example/2099/01/01/future", None),
    ("file:///home/me/saved-2021-10-07.txt", None),
    ("https://2021-10-07.example/", None),
])
def test_dates_url_date(url: str, expected: date | None) -> None:
    assert url_date(url) == expected


def test_dates_fields_without_date_have_no_source() -> None:
    item = RawItem(origin="a.jsonl#L1", url="https://news.example/a", kind="fields", text="x")
    found = publication_date(item, text="No date is mentioned here at all.")
    assert (found.published, found.source) == (None, None)


def test_dates_record_source_kept_from_item() -> None:
    item = RawItem(origin="feed.xml#3", url="https://news.example/2020/01/01/a", kind="fields",
                   published=date(2021, 2, 3))
    found = publication_date(item)
    assert (found.published, found.source) == (date(2021, 2, 3), "record")


def test_dates_url_beats_inference() -> None:
    item = RawItem(origin="a", url="https://news.example/2022/01/14/a", kind="text")
    found = publication_date(item, text="WASHINGTON, Oct. 7, 2021 \u2014 The talks began.")
    assert (found.published, found.source) == (date(2022, 1, 14), "url")
