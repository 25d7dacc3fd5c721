"""The date a page states in its markup, on the publisher's calendar."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta, timezone

import pytest

from sitrep.extract.html import parse_html
from sitrep.extract.stated_date import parse_timestamp, publisher_zone, stated_date

BODY = "<body><article><p>" + "Text of the article. " * 20 + "</p></article></body>"


def _page(head: str, body: str = BODY) -> str:
    return f"<html><head><title>t</title>{head}</head>{body}</html>"


def _ld(obj: str) -> str:
    return f'<script type="application/ld+json">{obj}</script>'


@pytest.mark.parametrize("written, expected", [
    ("2020-08-25T00:23:33.312Z", datetime(2020, 8, 25, 0, 23, 33, tzinfo=UTC)),
    ("2020-12-05T23:15:0Z", datetime(2020, 12, 5, 23, 15, 0, tzinfo=UTC)),
    ("20200316T13:00:00Z", datetime(2020, 3, 16, 13, 0, 0, tzinfo=UTC)),
    ("2020-09-15T10:58:00+04:00",
     datetime(2020, 9, 15, 10, 58, tzinfo=timezone(timedelta(hours=4)))),
    ("2020-09-29T00:30:00PDT", datetime(2020, 9, 29, 0, 30, tzinfo=timezone(timedelta(hours=-7)))),
    ("2020-05-06 10:07:01", datetime(2020, 5, 6, 10, 7, 1)),
    ("2020-03-23", date(2020, 3, 23)),
    ("1600633920", datetime(2020, 9, 20, 20, 32, tzinfo=UTC)),
    ("Tue, Sep 15 2020 10:01:41 EDT",
     datetime(2020, 9, 15, 10, 1, 41, tzinfo=timezone(timedelta(hours=-4)))),
    ("Wed, 28 Oct 2020 22:22:49 GMT", datetime(2020, 10, 28, 22, 22, 49, tzinfo=UTC)),
    ("2020-13-45", None),
    ("yesterday evening", None),
    ("", None),
    ("9" * 500, None),
])
def test_stated_date_parse_timestamp(written: str, expected: object) -> None:
    assert parse_timestamp(written) == expected


def test_stated_date_utc_stamp_moved_to_the_offset_the_page_writes() -> None:
    head = ('<meta property="article:published_time" content="2020-05-02T02:54:29.000Z">'
            + _ld('{"@type": "Event", "startDate": "Fri, 01 May 2020 23:00:00 -0400"}'))
    found = stated_date(parse_html(_page(head)), "https://abc7ny.example.com/a")
    assert found is not None
    assert (found.day, found.source) == (date(2020, 5, 1), "meta:article:published_time")


def test_stated_date_utc_stamp_moved_to_the_zone_of_the_country_domain() -> None:
    head = _ld('{"@type": "NewsArticle", "datePublished": "2020-12-05T23:15:0Z"}')
    found = stated_date(parse_html(_page(head)), "https://www.gazzetta.it/news/1.html")
    assert found is not None and found.day == date(2020, 12, 6)


def test_stated_date_utc_stamp_kept_without_a_clue_to_the_zone() -> None:
    head = '<meta property="article:published_time" content="2020-02-18T00:25:09Z">'
    found = stated_date(parse_html(_page(head)), "https://tabloid.example.com/a")
    assert found is not None and found.day == date(2020, 2, 18)


def test_stated_date_vanity_domain_is_not_a_country() -> None:
    tree = parse_html(_page(""))
    assert publisher_zone(tree, "https://startup.io/post") is None
    assert publisher_zone(tree, "https://www.example.co.uk/post") is not None


def test_stated_date_own_offset_keeps_its_written_day() -> None:
    head = _ld('{"@type": "NewsArticle", "datePublished": "2020-06-29T00:16:15+03:00"}')
    found = stated_date(parse_html(_page(head)), "https://tass.example.ru/1")
    assert found is not None and found.day == date(2020, 6, 29)


def test_stated_date_video_upload_is_not_the_article_date() -> None:
    head = (_ld('{"@type": "VideoObject", "uploadDate": "2020-08-14T20:15:13Z", '
                '"datePublished": "2020-08-14"}')
            + _ld('{"@graph": [{"@type": "NewsArticle", "datePublished": "2020-08-19"}]}'))
    found = stated_date(parse_html(_page(head)), None)
    assert found is not None
    assert (found.day, found.source) == (date(2020, 8, 19), "json-ld:NewsArticle")


def test_stated_date_broken_json_ld_falls_through_to_meta() -> None:
    head = (_ld('{"@type": "NewsArticle", "datePublished": ') + _ld("[" * 5000)
            + '<meta name="pubdate" content="2020-03-17T17:27:41Z">')
    found = stated_date(parse_html(_page(head)), None)
    assert found is not None and found.source == "meta:pubdate"


def test_stated_date_none_when_the_markup_states_nothing() -> None:
    assert stated_date(parse_html(_page("")), "https://news.example.com/a") is None
